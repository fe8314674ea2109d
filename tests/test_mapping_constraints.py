"""Constraints before ranking (taxonomy/mapping/context.yaml `hard_dimensions`): a concept whose name
contradicts the row's label or section in position, cash direction or dilution is never chosen,
nor offered as an alternative."""

from __future__ import annotations

import pytest

from converter.mapping import ItemContext, Mapper
from converter.mapping.context import load_cues
from converter.mapping.normalize import load_normalizer
from converter.model import PeriodType, StatementKind, ValueKind
from converter.taxonomy.catalog import load_catalog


@pytest.fixture(scope="module")
def mapper() -> Mapper:
    return Mapper(load_catalog())


def _concepts(mapper: Mapper, label: str, section: str, statement: StatementKind,
              kind: ValueKind = ValueKind.MONETARY) -> list[str]:
    ctx = ItemContext(label=label, statement=statement, section=section,
                      period_type=statement.period_type, kind=kind)
    mapping = mapper.map_item(ctx)
    return [mapping.concept.name, *(a.concept.partition(":")[2] for a in mapping.alternatives)]


def test_every_hard_dimension_is_a_dimension_of_the_cues() -> None:
    cues = load_cues(load_normalizer())
    dimensions = {d for d, _ in cues.section_classes} | {d for d, _ in cues.label_classes}
    assert cues.hard_dimensions and cues.hard_dimensions <= dimensions
    assert cues.required_dimensions <= cues.hard_dimensions


@pytest.mark.parametrize(("label", "section"), [
    ("Long-term debt", "Long-term liabilities"),
    ("Operating lease liabilities", "Noncurrent liabilities"),
    ("Income taxes payable", "Long-term liabilities"),
])
def test_a_noncurrent_row_gets_no_current_concept(mapper: Mapper, label: str, section: str) -> None:
    concepts = _concepts(mapper, label, section, StatementKind.BALANCE_SHEET)
    assert not any(name.endswith("Current") and not name.endswith("Noncurrent") for name in concepts), concepts


@pytest.mark.parametrize("label", ["Proceeds from issuance of long-term debt", "Proceeds from sale of equipment"])
def test_proceeds_are_no_payments(mapper: Mapper, label: str) -> None:
    concepts = _concepts(mapper, label, "Financing activities", StatementKind.CASH_FLOW)
    assert not any(name.startswith(("PaymentsTo", "PaymentsFor", "PaymentsOf", "RepaymentsOf"))
                   for name in concepts), concepts


def test_a_diluted_row_is_no_basic_concept(mapper: Mapper) -> None:
    concepts = _concepts(mapper, "Diluted", "Net income per share:", StatementKind.INCOME_STATEMENT,
                         ValueKind.PER_SHARE)
    assert concepts[0] == "EarningsPerShareDiluted"
    assert not any("Basic" in name for name in concepts), concepts


def test_the_labels_own_position_wins_over_its_sections(mapper: Mapper) -> None:
    ctx = ItemContext(label="Current portion of deferred widgets", statement=StatementKind.BALANCE_SHEET,
                      section="Noncurrent assets", period_type=PeriodType.INSTANT, kind=ValueKind.MONETARY)
    mapping = mapper.map_item(ctx)
    assert not mapping.concept.name.endswith("Noncurrent")


def test_equity_totals_follow_the_printed_order(mapper) -> None:
    """The parent's equity total is printed before the total with the noncontrolling interests:
    whichever row the mapper is surer of, the earlier total is StockholdersEquity."""
    section = "Oracle Corporation stockholders' equity:"
    contexts = [ItemContext(label=label, statement=StatementKind.BALANCE_SHEET, section=section,
                            period_type=PeriodType.INSTANT, kind=ValueKind.MONETARY, is_total=total)
                for label, total in (("Total Oracle Corporation stockholders' equity", True),
                                     ("Noncontrolling interests", False), ("Total stockholders' equity", True))]
    mappings = mapper.assign(contexts, [mapper.scorer.rank(ctx) for ctx in contexts])
    assert [m.concept.name for m in mappings][::2] == [
        "StockholdersEquity", "StockholdersEquityIncludingPortionAttributableToNoncontrollingInterest"]


def test_printed_order_names_live_concepts() -> None:
    catalog = load_catalog()
    pairs = load_cues(load_normalizer()).printed_order
    assert pairs
    for pair in pairs:
        for name in pair:
            concept = catalog.get(name)
            assert concept is not None and concept.usable, name
