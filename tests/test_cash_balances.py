"""Cash at the beginning and end of a cash-flow period: instant facts, not flows.

The reader marks the rows (`LineItem.balance_at`), the mapper ranks instant concepts
for them, facts sit at the day before the period starts or at its end, no calculation
arc touches them, and the presentation shows them in place with period start and end
labels.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from converter.cli import main
from converter.facts import build_report
from converter.mapping.balances import align_balances
from converter.model import (
    BalanceAt,
    Document,
    Instant,
    PeriodType,
    PresentationArc,
    StatementKind,
    XbrlReport,
)
from converter.pipeline import shared_mapper
from converter.readers import read_document
from converter.readers.rows import balance_at
from converter.readers.vocab import vocabulary
from converter.writers.xbrl import presentation_link
from tests.conftest import shared_path
from tests.factdump import fact_rows
from tests.facts_fixtures import ENTITY

PERIOD_START = "http://www.xbrl.org/2003/role/periodStartLabel"
PERIOD_END = "http://www.xbrl.org/2003/role/periodEndLabel"
CASH_CONCEPTS = {"us-gaap:CashAndCashEquivalentsAtCarryingValue",
                 "us-gaap:CashCashEquivalentsRestrictedCashAndRestrictedCashEquivalents"}


def _convert(*parts: str) -> tuple[Document, XbrlReport]:
    document = read_document(shared_path(*parts))
    mapper = shared_mapper()
    mappings = align_balances(document, [mapper.map_statement(statement) for statement in document.statements])
    return document, build_report(document, mappings, ENTITY, "8-K")


@pytest.fixture(scope="module")
def amazon() -> tuple[Document, XbrlReport]:
    return _convert("corpus", "text", "amazon_8-K_0000891020-98-001352", "0000891020-98-001352.txt")


@pytest.fixture(scope="module")
def apple() -> tuple[Document, XbrlReport]:
    return _convert("corpus", "html-releases", "apple_8-K_0000320193-24-000005", "0000320193-24-000005.txt")


def _instant_facts(report: XbrlReport, concepts: set[str]) -> dict[tuple[str, date], Decimal]:
    periods = {context.id: context.period for context in report.contexts}
    return {(fact.concept, periods[fact.context_id].date): fact.value for fact in report.facts
            if fact.concept in concepts and isinstance(periods[fact.context_id], Instant)}


@pytest.mark.parametrize(("label", "section", "expected"), [
    ("CASH AND EQUIVALENTS, Beginning of period", "", BalanceAt.START),
    ("CASH AND EQUIVALENTS, End of period", "", BalanceAt.END),
    ("Cash, cash equivalents and restricted cash, beginning balances", "", BalanceAt.START),
    ("Cash, cash equivalents and restricted cash, ending balances", "", BalanceAt.END),
    ("Cash and cash equivalents at beginning of year", "", BalanceAt.START),
    ("Cash & cash equivalents, including restricted, at end of year", "", BalanceAt.END),
    ("Balance at beginning of year", "Cash and cash equivalents", BalanceAt.START),
    ("End of period", "Cash and cash equivalents:", BalanceAt.END),
    ("Net increase (decrease) in cash and cash equivalents", "", None),
    ("Cash paid for interest", "", None),
    ("Purchases of equipment included in accounts payable at end of period", "", None),
])
def test_balance_rows_are_recognised_by_their_words(label: str, section: str,
                                                    expected: BalanceAt | None) -> None:
    assert balance_at(vocabulary(), label, section) is expected


def test_reader_marks_only_the_cash_balances_of_cash_flow_statements(amazon) -> None:
    document, _ = amazon
    marked = {(item.source_line, item.balance_at) for statement in document.statements
              for item in statement.items if item.balance_at is not None}
    assert marked == {(613, BalanceAt.START), (616, BalanceAt.END),
                      (1235, BalanceAt.START), (1238, BalanceAt.END)}
    assert all(statement.kind is StatementKind.CASH_FLOW for statement in document.statements
               if any(item.balance_at for item in statement.items))


def test_balance_rows_map_to_an_instant_cash_concept(amazon) -> None:
    document, _ = amazon
    mapper = shared_mapper()
    for statement in document.statements:
        for item, mapping in zip(statement.items, mapper.map_statement(statement), strict=True):
            if item.balance_at is not None:
                assert mapping.concept.period_type is PeriodType.INSTANT
                assert mapping.concept.qname in CASH_CONCEPTS, (item.label, mapping.concept.qname)


def test_balance_rows_take_the_balance_sheet_concept_of_their_amounts(amazon) -> None:
    document, _ = amazon
    mapper = shared_mapper()
    aligned = align_balances(document, [mapper.map_statement(s) for s in document.statements])
    chosen = {item.source_line: (mapping.concept.qname, mapping.reason)
              for statement, mappings in zip(document.statements, aligned, strict=True)
              for item, mapping in zip(statement.items, mappings, strict=True) if item.balance_at}
    assert chosen[616] == ("us-gaap:CashAndCashEquivalentsAtCarryingValue",
                           ("the balance sheet reports 1576716 on 1997-12-31 as "
                            "us-gaap:CashAndCashEquivalentsAtCarryingValue"))
    assert {qname for qname, _ in chosen.values()} == {"us-gaap:CashAndCashEquivalentsAtCarryingValue"}


def test_amazon_1998_cash_balances_at_their_instants(amazon) -> None:
    """Lines 613-616 (year 1997; period from inception June 3, 1996) and 1235-1238 (six months)."""
    _, report = amazon
    concept = "us-gaap:CashAndCashEquivalentsAtCarryingValue"
    assert {fact.concept for fact in report.facts if fact.source_line in (613, 1238)} == {concept}
    facts = {day: value for (_, day), value in _instant_facts(report, {concept}).items()}
    assert facts[date(1996, 6, 2)] == Decimal(0)  # beginning of the period from inception: "--"
    assert facts[date(1996, 12, 31)] == Decimal(2415200)
    assert facts[date(1997, 12, 31)] == Decimal(1576716)
    assert facts[date(1997, 6, 30)] == Decimal(3588623)
    assert facts[date(1998, 6, 30)] == Decimal(4031060)


def test_apple_2024_cash_balances_at_their_instants(apple) -> None:
    _, report = apple
    facts = _instant_facts(report, {"us-gaap:CashCashEquivalentsRestrictedCashAndRestrictedCashEquivalents"})
    concept = "us-gaap:CashCashEquivalentsRestrictedCashAndRestrictedCashEquivalents"
    assert facts == {(concept, date(2023, 9, 30)): Decimal(30737000000),
                     (concept, date(2022, 9, 30)): Decimal(24977000000),
                     (concept, date(2023, 12, 30)): Decimal(41974000000),
                     (concept, date(2022, 12, 31)): Decimal(21974000000)}


def test_balances_keep_their_place_with_period_labels_and_no_calculation(apple) -> None:
    _, report = apple
    concept = "us-gaap:CashCashEquivalentsRestrictedCashAndRestrictedCashEquivalents"
    network = next(n for n in report.networks if n.role_id == "CashFlow")
    shown = [(arc.order, arc.preferred_label) for arc in network.presentation if arc.child == concept]
    assert [role for _, role in shown] == [PERIOD_START, PERIOD_END]
    assert shown[1][0] > shown[0][0]
    assert all(concept not in (arc.parent, arc.child) for n in report.networks for arc in n.calculation)
    labels = {(label.role, label.text) for label in report.labels if label.concept == concept}
    assert (PERIOD_START, "Cash, cash equivalents and restricted cash, beginning balances") in labels
    assert (PERIOD_END, "Cash, cash equivalents and restricted cash, ending balances") in labels


def test_a_concept_shown_twice_gets_a_locator_of_its_own() -> None:
    root, cash = "us-gaap:StatementOfCashFlowsAbstract", "us-gaap:Cash"
    link = presentation_link([PresentationArc(root, cash, 1, PERIOD_START),
                              PresentationArc(root, "us-gaap:NetIncomeLoss", 2),
                              PresentationArc(root, cash, 3, PERIOD_END)])
    assert [(arc.order, source, target) for arc, source, target in link.arcs] == [
        (1, "loc_us-gaap_StatementOfCashFlowsAbstract", "loc_us-gaap_Cash"),
        (2, "loc_us-gaap_StatementOfCashFlowsAbstract", "loc_us-gaap_NetIncomeLoss"),
        (3, "loc_us-gaap_StatementOfCashFlowsAbstract", "loc_us-gaap_Cash_2")]
    assert link.locators == (
        ("us-gaap:StatementOfCashFlowsAbstract", "loc_us-gaap_StatementOfCashFlowsAbstract"),
        ("us-gaap:Cash", "loc_us-gaap_Cash"),
        ("us-gaap:NetIncomeLoss", "loc_us-gaap_NetIncomeLoss"),
        ("us-gaap:Cash", "loc_us-gaap_Cash_2"))


def test_amazon_converts_valid_with_its_cash_balances(tmp_path) -> None:
    source = shared_path("corpus", "text", "amazon_8-K_0000891020-98-001352", "0000891020-98-001352.txt")
    out = tmp_path / "out"
    assert main(["convert", str(source), "-o", str(out)]) == 0
    instance = next(out.glob("*-19980630.xml"))
    rows = set(fact_rows(instance))
    for day, value in (("1996-06-02", "0"), ("1996-12-31", "2415200"), ("1997-06-30", "3588623"),
                       ("1997-12-31", "1576716"), ("1998-06-30", "4031060")):
        assert f"us-gaap:CashAndCashEquivalentsAtCarryingValue\t{day}\t{value}" in rows
