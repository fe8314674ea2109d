"""Overrides files: loading, validation errors that name the entry, and their effect on mapping."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from converter.errors import UsageError
from converter.mapping import ItemContext, Mapper, load_overrides
from converter.model import StatementKind, ValueKind
from converter.taxonomy.catalog import load_catalog

BS = StatementKind.BALANCE_SHEET


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _ctx(label: str, section: str = "Current liabilities") -> ItemContext:
    return ItemContext(label=label, statement=BS, section=section, period_type=BS.period_type,
                       kind=ValueKind.MONETARY)


def test_good_yaml_file_forces_the_concept(tmp_path, catalog) -> None:
    path = _write(tmp_path, "ov.yaml", """
global:
  "Due to related parties": us-gaap:OtherLiabilitiesCurrent
  "/^promissory note/": us-gaap:StockholdersEquityNoteSubscriptionsReceivable
companies:
  "0000844143":
    "Cash and cash equivalents": us-gaap:Cash
""")
    overrides = load_overrides(path, catalog)
    mapper = Mapper(catalog, overrides.for_company("844143"))
    due = mapper.map_item(_ctx("DUE TO RELATED PARTIES"))
    assert due.concept.qname == "us-gaap:OtherLiabilitiesCurrent"
    assert due.confidence == 1.0
    assert "override" in due.reason and str(path) in due.reason
    note = mapper.map_item(_ctx("Promissory note-officer", "Stockholders equity"))
    assert note.concept.name == "StockholdersEquityNoteSubscriptionsReceivable"
    assert mapper.map_item(_ctx("Cash and cash equivalents", "Current assets")).concept.name == "Cash"
    other_company = Mapper(catalog, overrides.for_company("320193"))
    assert other_company.map_item(_ctx("Cash and cash equivalents", "Current assets")).concept.name \
        == "CashAndCashEquivalentsAtCarryingValue"


def test_json_file_is_read_as_json(tmp_path, catalog) -> None:
    path = _write(tmp_path, "ov.json", json.dumps({"global": {"Widgets": "us-gaap:InventoryNet"}}))
    overrides = load_overrides(path, catalog)
    assert Mapper(catalog, overrides).map_item(_ctx("Widgets", "Current assets")).concept.name == "InventoryNet"


@pytest.mark.parametrize(("entry", "message"), [
    ('"Widgets": us-gaap:NoSuchConceptAnywhere', "unknown concept"),
    ('"Widgets": ifrs-full:Inventories', "unknown concept"),
    ('"Due to related parties": us-gaap:DueToRelatedPartiesCurrent', "deprecated in 2023"),
    ('"Widgets": us-gaap:StatementOfFinancialPositionAbstract', "abstract"),
    ('"/[unclosed/": us-gaap:InventoryNet', "bad regular expression"),
    ('"Widgets": 42', "must map a label"),
])
def test_bad_entry_raises_usage_error_naming_file_and_entry(tmp_path, catalog, entry, message) -> None:
    path = _write(tmp_path, "bad.yaml", f"global:\n  {entry}\n")
    with pytest.raises(UsageError) as info:
        load_overrides(path, catalog)
    assert message in str(info.value)
    assert str(path) in str(info.value)
    assert entry.split(":")[0].strip('"') in str(info.value)


def test_deprecated_entry_suggests_the_replacement(tmp_path, catalog) -> None:
    path = _write(tmp_path, "dep.yaml", 'global:\n  "Due to related parties": us-gaap:DueToRelatedPartiesCurrent\n')
    with pytest.raises(UsageError) as info:
        load_overrides(path, catalog)
    assert info.value.hint == "use us-gaap:OtherLiabilitiesCurrent"


@pytest.mark.parametrize("text", ["- just a list\n", "global: {}\nextra: 1\n", "companies:\n  apple: {}\n",
                                  "global: [a, b]\n"])
def test_malformed_shapes_are_usage_errors(tmp_path, catalog, text) -> None:
    with pytest.raises(UsageError):
        load_overrides(_write(tmp_path, "shape.yaml", text), catalog)


def test_unreadable_file_is_a_usage_error(tmp_path, catalog) -> None:
    with pytest.raises(UsageError) as info:
        load_overrides(tmp_path / "missing.yaml", catalog)
    assert "missing.yaml" in str(info.value)


@pytest.mark.parametrize(("ctx", "read_as", "concept"), [
    (ItemContext(label="", statement=StatementKind.INCOME_STATEMENT, section="Operating expenses",
                 period_type=StatementKind.INCOME_STATEMENT.period_type, kind=ValueKind.MONETARY, is_total=True),
     "Total operating expenses", "us-gaap:CostsAndExpenses"),
    (ItemContext(label="Income taxes", statement=StatementKind.CASH_FLOW, section="Cash paid during the year for:",
                 period_type=StatementKind.CASH_FLOW.period_type, kind=ValueKind.MONETARY),
     "Income taxes paid", "us-gaap:IncomeTaxesPaidNet"),
])
def test_a_mapping_keeps_the_label_an_override_must_name(tmp_path, catalog, ctx, read_as, concept) -> None:
    assert Mapper(catalog).map_item(ctx).label == read_as
    path = _write(tmp_path, "ov.json", json.dumps({"global": {read_as: concept}}))
    chosen = Mapper(catalog, load_overrides(path, catalog)).map_item(ctx)
    assert (chosen.concept.qname, chosen.label, chosen.confidence) == (concept, read_as, 1.0)
