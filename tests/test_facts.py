"""The facts stage on a hand-built, seed-like mapped document."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from converter.facts import build_report
from converter.facts.contexts import context_id
from converter.model import (
    Balance, BalanceAt, Column, ConceptDef, Document, DocumentMeta, Duration, Instant, Mapping, PeriodType,
    Severity, StatementKind, ValueKind, XbrlReport,
)
from converter.writers import write_xbrl
from tests.factdump import fact_rows
from tests.facts_fixtures import ENTITY, Q1_2002, Q1_2003, seed_document, statement

GOLDEN = Path(__file__).parent / "golden" / "seed-like-facts.tsv"
NEGATED = "http://www.xbrl.org/2009/role/negatedLabel"


@pytest.fixture(scope="module")
def report() -> XbrlReport:
    document, mappings = seed_document()
    return build_report(document, mappings, ENTITY, "8-K")


def values(report: XbrlReport, concept: str) -> dict[str, Decimal | str]:
    return {f.context_id: f.value for f in report.facts if f.concept == concept}


def test_golden_fact_dump(report: XbrlReport, tmp_path: Path) -> None:
    instance = write_xbrl(report, tmp_path)[0]
    assert fact_rows(instance) == GOLDEN.read_text(encoding="utf-8").splitlines()


def test_every_statement_value_becomes_one_fact(report: XbrlReport) -> None:
    numeric = [f for f in report.facts if f.unit_id is not None]
    assert len(numeric) == 80
    assert len({(f.concept, f.context_id) for f in numeric}) == 80


def test_contexts_are_one_per_period_with_readable_ids(report: XbrlReport) -> None:
    assert [c.id for c in report.contexts] == [
        "c-2001-12-02_2002-03-02", "c-2002-11-30", "c-2003-03-01", "c-2002-12-01_2003-03-01"]
    assert context_id(Instant(date(2003, 3, 1))) == "c-2003-03-01"
    assert context_id(Q1_2003) == "c-2002-12-01_2003-03-01"


def test_units_are_only_those_used(report: XbrlReport) -> None:
    units = {u.id: (u.numerators, u.denominators) for u in report.units}
    assert units == {
        "usd": (("iso4217:USD",), ()),
        "shares": (("xbrli:shares",), ()),
        "usd-per-share": (("iso4217:USD",), ("xbrli:shares",)),
    }


def test_decimals_follow_the_printed_precision(report: XbrlReport) -> None:
    by_concept = {f.concept: f.decimals for f in report.facts}
    assert by_concept["us-gaap:Assets"] == -3
    assert by_concept["us-gaap:EarningsPerShareDiluted"] == 2
    assert by_concept["us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding"] == -3


@pytest.mark.parametrize(("concept", "context", "expected"), [
    ("us-gaap:TreasuryStockValue", "c-2003-03-01", Decimal("2547000")),
    ("us-gaap:StockholdersEquityNoteSubscriptionsReceivable", "c-2003-03-01", Decimal("703000")),
    ("us-gaap:RetainedEarningsAccumulatedDeficit", "c-2003-03-01", Decimal("-33227000")),
    ("us-gaap:AccumulatedOtherComprehensiveIncomeLossNetOfTax", "c-2002-11-30", Decimal("-19000")),
    ("us-gaap:InterestExpense", "c-2002-12-01_2003-03-01", Decimal("150000")),
    ("us-gaap:NetIncomeLoss", "c-2001-12-02_2002-03-02", Decimal("-496000")),
    ("us-gaap:OperatingIncomeLoss", "c-2001-12-02_2002-03-02", Decimal("-384000")),
    ("us-gaap:EarningsPerShareBasic", "c-2001-12-02_2002-03-02", Decimal("-0.03")),
])
def test_signs_follow_the_concept(report: XbrlReport, concept: str, context: str,
                                  expected: Decimal) -> None:
    assert values(report, concept)[context] == expected


def test_negated_rows_get_the_negated_label(report: XbrlReport) -> None:
    preferred = {a.child: a.preferred_label for n in report.networks for a in n.presentation
                 if a.preferred_label}
    assert preferred == {
        "us-gaap:StockholdersEquityNoteSubscriptionsReceivable": NEGATED,
        "us-gaap:TreasuryStockValue": NEGATED,
        "us-gaap:InterestExpense": NEGATED,
    }
    assert {(lb.concept, lb.text) for lb in report.labels if lb.role == NEGATED} == {
        ("us-gaap:StockholdersEquityNoteSubscriptionsReceivable", "Promissory note-officer"),
        ("us-gaap:TreasuryStockValue", "Treasury stock"),
        ("us-gaap:InterestExpense", "INTEREST EXPENSE"),
    }


def test_presentation_has_an_abstract_root_and_source_order(report: XbrlReport) -> None:
    balance, income, cover = report.networks
    assert {a.parent for a in balance.presentation} == {"us-gaap:StatementOfFinancialPositionAbstract"}
    assert {a.parent for a in income.presentation} == {"us-gaap:IncomeStatementAbstract"}
    assert [a.order for a in balance.presentation] == list(range(1, 25))
    assert balance.presentation[0].child == "us-gaap:CashAndCashEquivalentsAtCarryingValue"
    assert income.presentation[-1].child == "us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding"
    assert balance.role_uri == "http://innovo-group-inc.example/role/BalanceSheet"
    assert balance.definition.startswith("0001 - Statement - ")


def test_cover_network_presents_every_dei_fact_with_its_standard_label(report: XbrlReport) -> None:
    cover = report.networks[-1]
    assert (cover.role_id, cover.definition, cover.calculation) == ("Cover", "0000 - Document - Cover", ())
    assert {a.parent for a in cover.presentation} == {"dei:CoverAbstract"}
    dei = {f.concept for f in report.facts if f.concept.startswith("dei:")}
    assert [a.child for a in cover.presentation][:3] == ["dei:DocumentType", "dei:AmendmentFlag",
                                                        "dei:DocumentPeriodEndDate"]
    assert {a.child for a in cover.presentation} == dei
    labels = {lb.concept: lb.text for lb in report.labels if lb.role.endswith("/role/label")}
    assert labels["dei:CoverAbstract"] == "Cover [Abstract]"
    assert labels["dei:EntityRegistrantName"] == "Entity Registrant Name"
    assert dei <= labels.keys()


def test_cover_facts_use_the_report_duration(report: XbrlReport) -> None:
    dei = {f.concept: (f.value, f.context_id) for f in report.facts if f.concept.startswith("dei:")}
    period = "c-2002-12-01_2003-03-01"
    assert dei == {
        "dei:DocumentType": ("8-K", period),
        "dei:AmendmentFlag": ("false", period),
        "dei:DocumentPeriodEndDate": ("2003-03-01", period),
        "dei:EntityRegistrantName": ("INNOVO GROUP INC", period),
        "dei:EntityCentralIndexKey": ("0000844143", period),
        "dei:TradingSymbol": ("INNO", period),
    }
    assert report.stem == "inno-20030301"


def test_non_negative_concept_is_flipped_with_a_warning() -> None:
    rows = (("Depreciation", "", "us-gaap:DepreciationDepletionAndAmortization", Balance.DEBIT,
             ("(79)", "(46)"), False, ValueKind.MONETARY),)
    cash_flow, mappings = statement(StatementKind.CASH_FLOW, "CASH FLOWS",
                                    (Column(Q1_2003, "2003"), Column(Q1_2002, "2002")), rows, (10,))
    document = Document(DocumentMeta(source="x.txt"), (cash_flow,))
    report = build_report(document, (mappings,), ENTITY, "10-Q")
    assert sorted(f.value for f in report.facts if f.unit_id) == [Decimal("46000"), Decimal("79000")]
    warnings = [d for d in report.diagnostics if d.code == "xbrlconv:nonNegativeConceptFlipped"]
    assert len(warnings) == 2
    assert all(d.severity is Severity.WARNING and d.source_line == 10 for d in warnings)
    assert "79000" in warnings[0].message
    assert report.networks[0].presentation[0].preferred_label == NEGATED


def test_cash_flow_payment_shown_negative_is_positive() -> None:
    rows = (("Purchases of property and equipment", "INVESTING", "us-gaap:PaymentsToAcquirePropertyPlantAndEquipment",
             Balance.CREDIT, ("(125)", "(40)"), False, ValueKind.MONETARY),
            ("Increase in accounts payable", "OPERATING", "us-gaap:IncreaseDecreaseInAccountsPayable",
             Balance.DEBIT, ("(30)", "12"), False, ValueKind.MONETARY))
    cash_flow, mappings = statement(StatementKind.CASH_FLOW, "CASH FLOWS",
                                    (Column(Q1_2003, "2003"), Column(Q1_2002, "2002")), rows, (10, 11))
    report = build_report(Document(DocumentMeta(source="x.txt"), (cash_flow,)), (mappings,), ENTITY, "10-Q")
    assert values(report, "us-gaap:PaymentsToAcquirePropertyPlantAndEquipment")[
        "c-2002-12-01_2003-03-01"] == Decimal("125000")
    assert values(report, "us-gaap:IncreaseDecreaseInAccountsPayable") == {
        "c-2002-12-01_2003-03-01": Decimal("-30000"), "c-2001-12-02_2002-03-02": Decimal("12000")}


def test_beginning_cash_is_an_instant_before_the_period() -> None:
    rows = (("Cash at beginning of period", "", "us-gaap:CashAndCashEquivalentsAtCarryingValue",
             Balance.DEBIT, ("222", "100"), False, ValueKind.MONETARY),)
    cash_flow, mappings = statement(StatementKind.CASH_FLOW, "CASH FLOWS",
                                    (Column(Q1_2003, "2003"), Column(Q1_2002, "2002")), rows, (10,))
    cash_flow = replace(cash_flow, items=(replace(cash_flow.items[0], balance_at=BalanceAt.START),))
    instant = ConceptDef("us-gaap", "CashAndCashEquivalentsAtCarryingValue", "xbrli:monetaryItemType",
                         PeriodType.INSTANT, Balance.DEBIT, "Cash")
    mappings = (replace(mappings[0], concept=instant),)
    report = build_report(Document(DocumentMeta(source="x.txt"), (cash_flow,)), (mappings,), ENTITY, "10-Q")
    assert values(report, "us-gaap:CashAndCashEquivalentsAtCarryingValue") == {
        "c-2002-11-30": Decimal("222000"), "c-2001-12-01": Decimal("100000")}


def test_extension_concepts_take_the_entity_prefix_and_a_standard_label() -> None:
    rows = (("Royalty income", "", "xyz:RoyaltyIncome", Balance.CREDIT, ("5", "6"), False, ValueKind.MONETARY),)
    income, mappings = statement(StatementKind.INCOME_STATEMENT, "OPS",
                                 (Column(Q1_2003, "2003"), Column(Q1_2002, "2002")), rows, (10,))
    mappings = (replace(mappings[0], is_extension=True),)
    report = build_report(Document(DocumentMeta(source="x.txt"), (income,)), (mappings,), ENTITY, "10-Q")
    assert [c.qname for c in report.extension_concepts] == ["inno:RoyaltyIncome"]
    assert [(lb.concept, lb.text) for lb in report.labels if not lb.concept.startswith("dei:")] == [
        ("inno:RoyaltyIncome", "Royalty income")]


def test_mappings_must_align_with_items() -> None:
    document, mappings = seed_document()
    with pytest.raises(ValueError, match="mappings for"):
        build_report(document, (mappings[0][:-1], mappings[1]), ENTITY, "8-K")


def test_duplicate_concept_with_another_value_is_reported_once() -> None:
    rows = (("Revenue", "", "us-gaap:Revenues", Balance.CREDIT, ("5", "6"), False, ValueKind.MONETARY),
            ("Revenue again", "", "us-gaap:Revenues", Balance.CREDIT, ("7", "6"), False, ValueKind.MONETARY))
    income, mappings = statement(StatementKind.INCOME_STATEMENT, "OPS",
                                 (Column(Q1_2003, "2003"), Column(Q1_2002, "2002")), rows, (10, 11))
    report = build_report(Document(DocumentMeta(source="x.txt"), (income,)), (mappings,), ENTITY, "10-Q")
    assert values(report, "us-gaap:Revenues") == {
        "c-2002-12-01_2003-03-01": Decimal("5000"), "c-2001-12-02_2002-03-02": Decimal("6000")}
    assert [(d.code, d.source_line) for d in report.diagnostics] == [("xbrlconv:duplicateFact", 11)]


def test_duration_concept_in_instant_column_is_dropped_and_cover_period_is_one_day() -> None:
    rows = (("Sales", "", "us-gaap:Revenues", Balance.CREDIT, ("5", "6"), False, ValueKind.MONETARY),)
    sheet, mappings = statement(StatementKind.BALANCE_SHEET, "BS",
                                (Column(Instant(date(2003, 3, 1)), "a"), Column(Instant(date(2002, 11, 30)), "b")),
                                rows, (10,))
    duration = replace(mappings[0].concept, period_type=PeriodType.DURATION)
    report = build_report(Document(DocumentMeta(source="x.txt"), (sheet,)),
                          ((Mapping(duration, 0.5, (), "t"),),), ENTITY, "10-Q")
    assert not [f for f in report.facts if f.unit_id]
    assert {d.code for d in report.diagnostics} == {"xbrlconv:periodTypeMismatch"}
    assert report.facts[0].context_id == "c-2003-03-01_2003-03-01"
    assert Duration(date(2003, 3, 1), date(2003, 3, 1)) in [c.period for c in report.contexts]


@settings(max_examples=200, deadline=None)
@given(kind=st.sampled_from(list(StatementKind)),
       balance=st.sampled_from([Balance.DEBIT, Balance.CREDIT, None]),
       name=st.sampled_from(["TreasuryStockValue", "InterestExpense", "NetIncomeLoss", "Revenues"]),
       shown=st.lists(st.integers(-10**6, 10**6), min_size=1, max_size=3))
def test_a_fact_is_the_printed_amount_and_its_label_tells_the_sign(
        kind: StatementKind, balance: Balance | None, name: str, shown: list[int]) -> None:
    periods = [Instant(date(2003, 3, 1)), Instant(date(2002, 11, 30)), Instant(date(2002, 8, 31))]
    if kind is not StatementKind.BALANCE_SHEET:
        periods = [Duration(date(y, 1, 1), date(y, 12, 31)) for y in (2003, 2002, 2001)]
    texts = tuple(f"({-v})" if v < 0 else str(v) for v in shown)
    rows = (("Row", "", f"us-gaap:{name}", balance, texts, False, ValueKind.MONETARY),)
    columns = tuple(Column(p, str(p)) for p in periods[:len(shown)])
    sheet, mappings = statement(kind, "S", columns, rows, (7,))
    report = build_report(Document(DocumentMeta(source="x"), (sheet,)), (mappings,), ENTITY, "10-Q")
    facts = [f.value for f in report.facts if f.unit_id]
    assert [abs(v) for v in facts] == [Decimal(abs(v)).scaleb(3) for v in shown]
    negated = report.networks[0].presentation[0].preferred_label == NEGATED
    flipped = [v for v, s in zip(facts, shown) if s != 0 and (v > 0) != (s > 0)]
    nonzero = [s for s in shown if s != 0]
    if name == "TreasuryStockValue":  # never negative: what the label cannot tell, a warning does
        assert all(v >= 0 for v in facts)
        consistent = len(flipped) == (len(nonzero) if negated else 0)
        assert consistent or any(d.code == "xbrlconv:nonNegativeConceptFlipped" for d in report.diagnostics)
    else:
        assert len(flipped) == (len(nonzero) if negated else 0)


def test_a_cash_flow_row_with_one_negative_amount_is_negated_as_a_whole() -> None:
    rows = (("(Increase) decrease in accounts receivable", "OPERATING",
             "us-gaap:IncreaseDecreaseInAccountsReceivable", Balance.CREDIT, ("(30)", "12"), False,
             ValueKind.MONETARY),)
    cash_flow, mappings = statement(StatementKind.CASH_FLOW, "CASH FLOWS",
                                    (Column(Q1_2003, "2003"), Column(Q1_2002, "2002")), rows, (10,))
    report = build_report(Document(DocumentMeta(source="x.txt"), (cash_flow,)), (mappings,), ENTITY, "10-Q")
    assert values(report, "us-gaap:IncreaseDecreaseInAccountsReceivable") == {
        "c-2002-12-01_2003-03-01": Decimal("30000"), "c-2001-12-02_2002-03-02": Decimal("-12000")}
    assert report.networks[0].presentation[0].preferred_label == NEGATED


def test_an_income_statement_row_with_mixed_signs_stays_as_printed() -> None:
    rows = (("Income taxes (benefit)", "", "us-gaap:IncomeTaxExpenseBenefit", Balance.DEBIT,
             ("63", "(21)"), False, ValueKind.MONETARY),)
    income, mappings = statement(StatementKind.INCOME_STATEMENT, "OPS",
                                 (Column(Q1_2003, "2003"), Column(Q1_2002, "2002")), rows, (10,))
    report = build_report(Document(DocumentMeta(source="x.txt"), (income,)), (mappings,), ENTITY, "10-Q")
    assert values(report, "us-gaap:IncomeTaxExpenseBenefit") == {
        "c-2002-12-01_2003-03-01": Decimal("63000"), "c-2001-12-02_2002-03-02": Decimal("-21000")}
    assert report.networks[0].presentation[0].preferred_label is None


def test_extension_concepts_printed_alike_get_distinct_standard_labels() -> None:
    from converter.facts.labels import unique_labels
    from converter.model import ConceptDef, PeriodType

    def concept(name: str, period: PeriodType, label: str) -> ConceptDef:
        return ConceptDef("x", name, "xbrli:monetaryItemType", period, Balance.DEBIT, label)

    receivable = "Accounts receivable from related party"
    concepts = [concept("Receivable", PeriodType.INSTANT, receivable),
                concept("Receivable2", PeriodType.DURATION, receivable),
                concept("CumulativeEffect", PeriodType.DURATION, "Cumulative effect"),
                concept("CumulativeEffectDiluted", PeriodType.DURATION, "Cumulative effect"),
                concept("Other", PeriodType.DURATION, "Document Type"),
                concept("Other2", PeriodType.DURATION, "cumulative EFFECT")]
    assert unique_labels(concepts, taken=["Document Type"]) == {
        "x:Receivable": receivable, "x:Receivable2": f"{receivable}, during the period",
        "x:CumulativeEffect": "Cumulative effect", "x:CumulativeEffectDiluted": "Cumulative effect, diluted",
        "x:Other": "Document Type (2)", "x:Other2": "cumulative EFFECT (2)"}
