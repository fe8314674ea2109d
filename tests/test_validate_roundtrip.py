"""Property: any small statement with a total renders to an instance Arelle loads without
errors and reads back with exactly the model's fact values."""

from __future__ import annotations

import tempfile
import zipfile
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from converter.facts import build_report
from converter.facts.rules import load_rules
from converter.model import (
    Balance, Column, ConceptDef, Document, DocumentMeta, Duration, Instant, LineItem, Mapping,
    Severity, Statement, StatementKind, ValueKind,
)
from converter.taxonomy.package import default_package, write_package
from converter.validate import Validator
from converter.writers import write_xbrl
from tests.facts_fixtures import ENTITY

DEI = "dei/2024/dei-2024.xsd"
ROOTS_HEAD = ("<?xml version='1.0' encoding='utf-8'?>\n"
              "<xs:schema targetNamespace='http://fasb.org/us-gaap/2024' elementFormDefault='qualified' "
              "xmlns:xs='http://www.w3.org/2001/XMLSchema' xmlns:xbrli='http://www.xbrl.org/2003/instance'>\n"
              "<xs:import namespace='http://www.xbrl.org/2003/instance' "
              "schemaLocation='http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd'/>\n")
KINDS = (StatementKind.BALANCE_SHEET, StatementKind.INCOME_STATEMENT, StatementKind.CASH_FLOW)
PERIODS = {
    False: (Instant(date(2024, 3, 31)), Instant(date(2023, 12, 31)), Instant(date(2023, 3, 31))),
    True: (Duration(date(2024, 1, 1), date(2024, 3, 31)), Duration(date(2023, 1, 1), date(2023, 3, 31)),
           Duration(date(2023, 4, 1), date(2024, 3, 31))),
}


@pytest.fixture(scope="module")
def small_validator() -> Iterator[Validator]:
    """A package with the real dei schema and only the us-gaap statement roots: loads in ~0.1 s."""
    with zipfile.ZipFile(default_package()) as shipped:
        dei = next(shipped.read(n) for n in shipped.namelist() if n.endswith(DEI))
    roots = "".join(
        f"<xs:element id='us-gaap_{r.root.split(':')[1]}' name='{r.root.split(':')[1]}' "
        "type='xbrli:stringItemType' substitutionGroup='xbrli:item' xbrli:periodType='duration' "
        "abstract='true' nillable='true'/>\n" for r in load_rules().statements.values())
    with tempfile.TemporaryDirectory() as folder:
        package = write_package(Path(folder) / "small.zip", {
            DEI: dei, "us-gaap/2024/elts/us-gaap-2024.xsd": (ROOTS_HEAD + roots + "</xs:schema>\n").encode()})
        with Validator(package) as validator:
            yield validator


labels = st.text(st.characters(exclude_categories=("Cs",)), max_size=30)
balances = st.sampled_from((Balance.DEBIT, Balance.CREDIT))
amounts = st.integers(min_value=-10**7, max_value=10**7)


@st.composite
def statements(draw: st.DrawFn) -> tuple[Statement, tuple[Mapping, ...]]:
    kind = draw(st.sampled_from(KINDS))
    n_columns = draw(st.integers(1, 3))
    columns = tuple(Column(p, str(p)) for p in PERIODS[kind is not StatementKind.BALANCE_SHEET][:n_columns])
    n_children = draw(st.integers(2, 5))
    rows = [(draw(labels), draw(balances), [draw(amounts) for _ in range(n_columns)], False)
            for _ in range(n_children)]
    total = [sum(r[2][c] for r in rows) for c in range(n_columns)]
    rows.append((draw(labels), draw(balances), total, True))
    items, mappings = [], []
    for number, (label, balance, shown, is_total) in enumerate(rows, start=1):
        items.append(LineItem(label=label, section="", depth=0,
                              values=tuple(Decimal(v).scaleb(3) for v in shown),
                              texts=tuple(str(v) for v in shown), kind=ValueKind.MONETARY, scale=3,
                              decimals=-3, is_total=is_total, source_line=number))
        concept = ConceptDef("inno", f"Row{number}", "xbrli:monetaryItemType", kind.period_type,
                             balance, label or f"Row {number}")
        mappings.append(Mapping(concept, 1.0, (), "generated", is_extension=True))
    eps = draw(st.lists(st.integers(-999, 999), min_size=n_columns, max_size=n_columns))
    items.append(LineItem("Per share", "", 0, tuple(Decimal(v).scaleb(-2) for v in eps),
                          tuple(str(v) for v in eps), ValueKind.PER_SHARE, 0, 2, False, 99))
    mappings.append(Mapping(ConceptDef("inno", "PerShare", "dtr-types:perShareItemType",
                                       kind.period_type, None, "Per share"), 1.0, (), "g", is_extension=True))
    return Statement(kind, draw(labels), columns, tuple(items), 1), tuple(mappings)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(generated=statements())
def test_rendered_statements_load_cleanly_and_read_back(
        small_validator: Validator, generated: tuple[Statement, tuple[Mapping, ...]]) -> None:
    statement, mappings = generated
    report = build_report(Document(DocumentMeta(source="generated"), (statement,)), (mappings,),
                          ENTITY, "10-Q")
    with tempfile.TemporaryDirectory() as folder:
        instance = write_xbrl(report, Path(folder))[0]
        diagnostics = small_validator.validate(instance, report.fact_lines)
        assert [d for d in diagnostics if d.severity is Severity.ERROR] == []
        assert small_validator.read_facts(instance) == {f.id: f.value for f in report.facts}
