"""Calculation arcs derived from a statement's own arithmetic."""

from __future__ import annotations

from decimal import Decimal

import pytest

from converter.facts import build_report
from converter.facts.calc import CalcRow, derive, half_unit
from converter.model import Balance, CalcArc, ConceptDef, Document, DocumentMeta, Instant, PeriodType
from tests.facts_fixtures import ENTITY, seed_document

D, C = Balance.DEBIT, Balance.CREDIT


def arcs_by_parent(network_index: int) -> dict[str, list[tuple[str, int]]]:
    document, mappings = seed_document()
    report = build_report(document, mappings, ENTITY, "8-K")
    grouped: dict[str, list[tuple[str, int]]] = {}
    for arc in report.networks[network_index].calculation:
        grouped.setdefault(arc.parent.removeprefix("us-gaap:"), []).append(
            (arc.child.removeprefix("us-gaap:"), arc.weight))
    return grouped


def row(name: str, balance: Balance | None, *values: str | None, total: bool = False,
        decimals: int = -3, summable: bool = True) -> CalcRow:
    concept = ConceptDef("us-gaap", name, "xbrli:monetaryItemType", PeriodType.INSTANT, balance, name)
    return CalcRow(concept, tuple(None if v is None else Decimal(v) for v in values),
                   tuple(None for _ in values), decimals, total, summable and balance is not None)


def test_seed_current_liabilities_slip_still_gets_its_arcs() -> None:
    balance = arcs_by_parent(0)
    assert balance["LiabilitiesCurrent"] == [
        ("AccountsPayableAndAccruedLiabilitiesCurrent", 1), ("OtherLiabilitiesCurrent", 1),
        ("LongTermDebtCurrent", 1)]


def test_seed_total_liabilities_and_equity_off_by_one_thousand_is_within_rounding() -> None:
    balance = arcs_by_parent(0)
    assert balance["LiabilitiesAndStockholdersEquity"] == [
        ("LiabilitiesCurrent", 1), ("LongTermDebtNoncurrent", 1),
        ("TemporaryEquityCarryingAmountAttributableToParent", 1), ("StockholdersEquity", 1)]


def test_seed_equity_weights_follow_balances() -> None:
    assert arcs_by_parent(0)["StockholdersEquity"] == [
        ("CommonStockValue", 1), ("AdditionalPaidInCapital", 1),
        ("RetainedEarningsAccumulatedDeficit", 1), ("StockholdersEquityNoteSubscriptionsReceivable", -1),
        ("TreasuryStockValue", -1), ("AccumulatedOtherComprehensiveIncomeLossNetOfTax", 1)]


def test_seed_assets_use_the_current_assets_total_not_its_items() -> None:
    assert arcs_by_parent(0)["Assets"] == [
        ("AssetsCurrent", 1), ("PropertyPlantAndEquipmentNet", 1), ("Goodwill", 1),
        ("IntangibleAssetsNetExcludingGoodwill", 1), ("OtherAssetsNoncurrent", 1)]


def test_seed_income_statement_chain_including_the_unlabeled_opex_total() -> None:
    income = arcs_by_parent(1)
    assert income == {
        "GrossProfit": [("RevenueFromContractWithCustomerExcludingAssessedTax", 1),
                        ("CostOfGoodsAndServicesSold", -1)],
        "OperatingExpenses": [("SellingGeneralAndAdministrativeExpense", 1),
                              ("DepreciationDepletionAndAmortization", 1)],
        "OperatingIncomeLoss": [("GrossProfit", 1), ("OperatingExpenses", -1)],
        "IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest": [
            ("OperatingIncomeLoss", 1), ("InterestExpense", -1), ("OtherNonoperatingIncomeExpense", 1)],
        "NetIncomeLoss": [("IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest", 1),
                          ("IncomeTaxExpenseBenefit", -1)],
    }


def test_no_arcs_touch_shares_or_per_share_rows() -> None:
    income = arcs_by_parent(1)
    concepts = set(income) | {child for children in income.values() for child, _ in children}
    assert not {c for c in concepts if "PerShare" in c or "Shares" in c}


def test_half_unit_is_the_rounding_interval() -> None:
    assert half_unit(-3) == Decimal("500")
    assert half_unit(2) == Decimal("0.005")


def test_explicit_total_tolerance_is_n_plus_one_halves() -> None:
    # 3 children + 1 total at thousands: tolerance 2 000
    rows = [row("A", D, "100000"), row("B", D, "250000"), row("C", D, "300000"),
            row("T", D, "652000", total=True)]
    (found,) = derive(rows)
    assert (found.children, found.matched, found.exact) == ((0, 1, 2), 1, 0)
    rows[-1] = row("T", D, "652001", total=True)
    assert derive(rows) == ()


def test_implicit_total_must_add_up_to_the_unit() -> None:
    rows = [row("A", D, "100000"), row("B", D, "200000"), row("T", D, "301000")]
    assert derive(rows) == ()
    rows[-1] = row("T", D, "300000")
    assert [s.total for s in derive(rows)] == [2]


def test_implicit_total_must_match_every_column() -> None:
    rows = [row("A", D, "1000", "2000"), row("B", D, "3000", "4000"), row("T", D, "4000", "9000")]
    assert derive(rows) == ()
    rows[-1] = row("T", D, "4000", "9000", total=True)
    (found,) = derive(rows)
    assert (found.children, found.matched, found.checked) == ((0, 1), 1, 2)


def test_explicit_total_matching_no_column_gets_no_arcs() -> None:
    rows = [row("A", D, "1000"), row("B", D, "3000"), row("T", D, "9000", total=True)]
    assert derive(rows) == ()


def test_ties_prefer_the_shortest_run() -> None:
    rows = [row("Z", D, "0"), row("A", D, "1000"), row("B", D, "3000"), row("T", D, "4000", total=True)]
    (found,) = derive(rows)
    assert found.children == (1, 2)


def test_at_least_two_non_zero_children() -> None:
    rows = [row("Z", D, "0"), row("A", D, "4000"), row("T", D, "4000", total=True)]
    assert derive(rows) == ()


def test_rows_without_balance_break_a_run() -> None:
    rows = [row("A", D, "100000"), row("X", None, "5"), row("B", D, "100000"),
            row("C", D, "100000"), row("T", D, "300000", total=True)]
    assert derive(rows) == ()


def test_opposite_balance_subtracts() -> None:
    rows = [row("Revenue", C, "10000"), row("Cost", D, "4000"), row("Gross", C, "6000")]
    (found,) = derive(rows)
    assert found.weights == (1, -1)


def test_summed_rows_are_replaced_by_their_total() -> None:
    rows = [row("A", D, "1000"), row("B", D, "2000"), row("S1", D, "3000", total=True),
            row("C", D, "500"), row("D", D, "500"), row("S2", D, "1000", total=True),
            row("T", D, "4000", total=True)]
    found = derive(rows)
    assert [(s.total, s.children) for s in found] == [(2, (0, 1)), (5, (3, 4)), (6, (2, 5))]


def test_a_concept_never_sums_itself() -> None:
    rows = [row("A", D, "1000"), row("B", D, "1000"), row("A", D, "2000", total=True)]
    assert derive(rows) == ()


def test_blank_columns_are_not_checked() -> None:
    rows = [row("A", D, "1000", None), row("B", D, "2000", None), row("T", D, "3000", "7")]
    (found,) = derive(rows)
    assert (found.matched, found.checked) == (1, 1)


@pytest.mark.parametrize("network", [0, 1])
def test_each_parent_has_one_summation_per_network(network: int) -> None:
    document, mappings = seed_document()
    report = build_report(document, mappings, ENTITY, "8-K")
    arcs: tuple[CalcArc, ...] = report.networks[network].calculation
    assert len({(a.parent, a.child) for a in arcs}) == len(arcs)


def test_statement_without_totals_has_no_calculation() -> None:
    document, mappings = seed_document()
    only_cash = document.statements[0].items[:1]
    statement = document.statements[0].__class__(
        document.statements[0].kind, "BS", document.statements[0].columns, only_cash, 1)
    report = build_report(Document(DocumentMeta(source="x"), (statement,)), (mappings[0][:1],), ENTITY, "8-K")
    assert report.networks[0].calculation == ()
