"""Calculation arcs derived from a statement's own arithmetic."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from converter.facts import build_report
from converter.facts.calc import CalcRow, Fitted, derive, half_unit, merged, mismatches
from converter.model import (
    Balance, CalcArc, Column, ConceptDef, Document, DocumentMeta, Duration, Instant, PeriodType,
    StatementKind, ValueKind,
)
from tests.facts_fixtures import ENTITY, Q1_2002, Q1_2003, seed_document, statement

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
        decimals: int = -3, may_negate: bool = True) -> CalcRow:
    concept = ConceptDef("us-gaap", name, "xbrli:monetaryItemType", PeriodType.INSTANT, balance, name)
    return CalcRow(concept, tuple(None if v is None else Decimal(v) for v in values),
                   tuple(None for _ in values), decimals, total, balance is not None, may_negate)


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
    (found,) = derive(rows).summations
    assert (found.children, found.matched, found.exact) == ((0, 1, 2), 1, 0)
    rows[-1] = row("T", D, "652001", total=True)
    assert derive(rows).summations == ()


def test_implicit_total_must_add_up_to_the_unit_in_two_columns() -> None:
    rows = [row("A", D, "100000", "5000"), row("B", D, "200000", "6000"), row("T", D, "301000", "11000")]
    assert derive(rows).summations == ()
    rows[-1] = row("T", D, "300000", "11000")
    assert [s.total for s in derive(rows).summations] == [2]


def test_one_column_coincidence_is_not_an_implicit_total() -> None:
    rows = [row("Cash", D, "200000"), row("Receivables", D, "300000"), row("Inventory", D, "500000")]
    assert derive(rows).summations == ()


def test_implicit_total_must_match_every_column() -> None:
    rows = [row("A", D, "1000", "2000"), row("B", D, "3000", "4000"), row("T", D, "4000", "9000")]
    assert derive(rows).summations == ()
    rows[-1] = row("T", D, "4000", "9000", total=True)
    (found,) = derive(rows).summations
    assert (found.children, found.matched, found.checked) == ((0, 1), 1, 2)


def test_explicit_total_matching_no_column_gets_no_arcs() -> None:
    rows = [row("A", D, "1000"), row("B", D, "3000"), row("T", D, "9000", total=True)]
    assert derive(rows).summations == ()


def test_ties_prefer_the_shortest_run() -> None:
    rows = [row("Z", D, "0"), row("A", D, "1000"), row("B", D, "3000"), row("T", D, "4000", total=True)]
    (found,) = derive(rows).summations
    assert found.children == (1, 2)


def test_at_least_two_non_zero_children() -> None:
    rows = [row("Z", D, "0"), row("A", D, "4000"), row("T", D, "4000", total=True)]
    assert derive(rows).summations == ()


def test_rows_without_balance_break_a_run() -> None:
    rows = [row("A", D, "100000"), row("X", None, "5"), row("B", D, "100000"),
            row("C", D, "100000"), row("T", D, "300000", total=True)]
    assert derive(rows).summations == ()


def test_opposite_balance_subtracts() -> None:
    rows = [row("Revenue", C, "10000"), row("Cost", D, "4000"), row("Gross", C, "6000", total=True)]
    (found,) = derive(rows).summations
    assert found.weights == (1, -1)


def test_summed_rows_are_replaced_by_their_total() -> None:
    rows = [row("A", D, "1000"), row("B", D, "2000"), row("S1", D, "3000", total=True),
            row("C", D, "500"), row("D", D, "500"), row("S2", D, "1000", total=True),
            row("T", D, "4000", total=True)]
    found = derive(rows).summations
    assert [(s.total, s.children) for s in found] == [(2, (0, 1)), (5, (3, 4)), (6, (2, 5))]


def test_a_concept_never_sums_itself() -> None:
    rows = [row("A", D, "1000"), row("B", D, "1000"), row("A", D, "2000", total=True)]
    assert derive(rows).summations == ()


def test_blank_columns_are_not_checked() -> None:
    rows = [row("A", D, "1000", None), row("B", D, "2000", None), row("T", D, "3000", "7", total=True)]
    (found,) = derive(rows).summations
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


def test_a_loss_printed_as_a_magnitude_is_a_negated_total() -> None:
    # Junglee 1997 (Amazon 8-K 1998): revenues 1,216,355 less expenses 5,538,367 is
    # "LOSS FROM OPERATIONS 4,322,012"; the net loss 4,200,103 builds on it.
    rows = [row("Revenues", C, "1216355", "0", decimals=0),
            row("OperatingExpenses", D, "5538367", "752066", decimals=0),
            row("OperatingIncomeLoss", C, "4322012", "752066", decimals=0),
            row("NonoperatingIncomeExpense", C, "121909", "9655", decimals=0),
            row("NetIncomeLoss", C, "4200103", "742411", total=True, decimals=0)]
    derivation = derive(rows)
    assert [(s.total, s.children, s.negated) for s in derivation.summations] == [
        (2, (0, 1), True), (4, (2, 3), True)]
    assert derivation.values[2] == (Decimal("-4322012"), Decimal("-752066"))
    assert derivation.values[4] == (Decimal("-4200103"), Decimal("-742411"))


def test_a_non_negative_total_is_never_turned_round() -> None:
    rows = [row("A", D, "1000"), row("B", C, "3000"), row("T", D, "2000", total=True, may_negate=False)]
    assert derive(rows).summations == ()
    rows[-1] = row("T", D, "2000", total=True)
    assert [s.negated for s in derive(rows).summations] == [True]


def test_all_zero_columns_prove_nothing() -> None:
    # Junglee 1996: no revenues; "License 0 + Maintenance 0 = 0" must not vouch for a wrong tree
    rows = [row("License", C, "985495", "0"), row("Maintenance", D, "230860", "0"),
            row("Revenues", C, "1216355", "0", total=True)]
    assert derive(rows).summations == ()


def test_a_tree_that_contradicts_another_statement_is_not_shared() -> None:
    summation = Fitted("us-gaap:AssetsCurrent", ("us-gaap:Cash", "us-gaap:Receivables"), (1, 1),
                       frozenset({"c-1998"}))
    facts = {("us-gaap:AssetsCurrent", "c-1998"): (Decimal("30"), 0),
             ("us-gaap:Cash", "c-1998"): (Decimal("10"), 0),
             ("us-gaap:Receivables", "c-1998"): (Decimal("20"), 0),
             ("us-gaap:AssetsCurrent", "c-1996"): (Decimal("50"), 0),
             ("us-gaap:Cash", "c-1996"): (Decimal("10"), 0),
             ("us-gaap:ShortTermInvestments", "c-1996"): (Decimal("40"), 0)}
    assert mismatches(summation, facts) == {"c-1996"}
    facts[("us-gaap:Receivables", "c-1996")] = (Decimal("40"), 0)
    assert mismatches(summation, facts) == frozenset()


def test_items_all_of_the_other_balance_never_turn_a_total_round() -> None:
    # a credit "Total" under debit assets is a mapping slip: the sum is -T, but T stays as printed
    rows = [row("Cash", D, "1000"), row("Inventory", D, "3000"), row("Total", C, "4000", total=True)]
    assert derive(rows).summations == ()


def test_a_condensed_and_a_full_tree_merge_into_one_that_holds_in_both() -> None:
    full = Fitted("us-gaap:AssetsCurrent", ("us-gaap:Cash", "us-gaap:ShortTermInvestments"), (1, 1),
                  frozenset({"c-1996"}))
    condensed = Fitted("us-gaap:AssetsCurrent", ("us-gaap:Cash", "us-gaap:Receivables"), (1, 1),
                       frozenset({"c-1998"}))
    facts = {("us-gaap:AssetsCurrent", "c-1996"): (Decimal("50"), 0),
             ("us-gaap:Cash", "c-1996"): (Decimal("10"), 0),
             ("us-gaap:ShortTermInvestments", "c-1996"): (Decimal("40"), 0),
             ("us-gaap:AssetsCurrent", "c-1998"): (Decimal("30"), 0),
             ("us-gaap:Cash", "c-1998"): (Decimal("10"), 0),
             ("us-gaap:Receivables", "c-1998"): (Decimal("20"), 0)}
    assert mismatches(full, facts) == {"c-1998"}
    widened = merged(full, [condensed])
    assert widened is not None
    assert widened.children == ("us-gaap:Cash", "us-gaap:ShortTermInvestments", "us-gaap:Receivables")
    assert mismatches(widened, facts) == frozenset()
    assert merged(full, [replace(condensed, weights=(-1, 1))]) is None


def test_two_balance_sheets_share_one_consistent_tree() -> None:
    document, mappings = seed_document()
    sheet = document.statements[0]
    amounts = ("200", "300", "600", "1,100")  # cash, receivables, inventories, total: no prepaid line
    condensed_items = tuple(replace(item, values=(Decimal(a.replace(",", "")).scaleb(3),))
                            for item, a in zip(sheet.items[:3] + sheet.items[4:5], amounts, strict=True))
    condensed = replace(sheet, columns=(Column(Instant(date(2003, 6, 1)), "06/01/03"),),
                        items=condensed_items)
    condensed_maps = mappings[0][:3] + mappings[0][4:5]
    report = build_report(replace(document, statements=(sheet, condensed)),
                          (mappings[0], condensed_maps), ENTITY, "8-K")
    full_tree = ["us-gaap:CashAndCashEquivalentsAtCarryingValue", "us-gaap:AccountsReceivableNetCurrent",
                 "us-gaap:InventoryNet", "us-gaap:PrepaidExpenseAndOtherAssetsCurrent"]
    for network in report.networks[:2]:  # the two balance sheets (the cover network has no calculation)
        assert [a.child for a in network.calculation if a.parent == "us-gaap:AssetsCurrent"] == full_tree


def test_an_extension_item_without_balance_takes_its_totals() -> None:
    rows = (("Fuel", "", "us-gaap:FuelCosts", D, ("948", "824"), False, ValueKind.MONETARY),
            ("Non-fuel O & M", "", "inno:NonFuelOperationsAndMaintenance", None, ("984", "953"), False,
             ValueKind.MONETARY),
            ("Total operating expenses", "", "us-gaap:OperatingExpenses", D, ("1,932", "1,777"), True,
             ValueKind.MONETARY))
    income, maps = statement(StatementKind.INCOME_STATEMENT, "OPS",
                             (Column(Q1_2003, "2003"), Column(Q1_2002, "2002")), rows, (10, 11, 12))
    maps = (maps[0], replace(maps[1], is_extension=True), maps[2])
    report = build_report(Document(DocumentMeta(source="x"), (income,)), (maps,), ENTITY, "10-Q")
    assert [(a.child, a.weight) for a in report.networks[0].calculation] == [
        ("us-gaap:FuelCosts", 1), ("inno:NonFuelOperationsAndMaintenance", 1)]
    (extension,) = report.extension_concepts
    assert extension.balance is Balance.DEBIT


def test_a_benefit_among_positive_expenses_keeps_its_printed_sign() -> None:
    rows = (("Loss before income taxes", "", "us-gaap:IncomeLossFromContinuingOperationsBeforeIncomeTaxes"
             "ExtraordinaryItemsNoncontrollingInterest", C, ("(475)", "100"), False, ValueKind.MONETARY),
            ("Income tax benefit", "", "us-gaap:IncomeTaxExpenseBenefit", D, ("(21)", "(5)"), False,
             ValueKind.MONETARY),
            ("Net loss", "", "us-gaap:NetIncomeLoss", C, ("(454)", "105"), True, ValueKind.MONETARY))
    income, maps = statement(StatementKind.INCOME_STATEMENT, "OPS",
                             (Column(Q1_2003, "2003"), Column(Q1_2002, "2002")), rows, (10, 11, 12))
    report = build_report(Document(DocumentMeta(source="x"), (income,)), (maps,), ENTITY, "10-Q")
    taxes = {f.context_id: f.value for f in report.facts if f.concept == "us-gaap:IncomeTaxExpenseBenefit"}
    assert taxes == {"c-2002-12-01_2003-03-01": Decimal("-21000"), "c-2001-12-02_2002-03-02": Decimal("-5000")}
    assert [a.weight for a in report.networks[0].calculation] == [1, -1]
    assert all(a.preferred_label is None for a in report.networks[0].presentation)


def test_an_expense_printed_negative_and_summed_as_printed_stays_turned() -> None:
    income = arcs_by_parent(1)["IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest"]
    assert ("InterestExpense", -1) in income


def test_a_widened_tree_may_not_break_the_statement_it_came_from() -> None:
    # Junglee: "Other assets" is an operating item in the 1997 statement and an investing
    # item in the 1998 one; no tree for investing cash holds in both, so none is written.
    m = ValueKind.MONETARY
    full = (("Other assets", "OPERATING", "us-gaap:IncreaseDecreaseInOtherOperatingAssets", D, ("5", "6"), False, m),
            ("Purchases", "INVESTING", "us-gaap:PaymentsToAcquirePropertyPlantAndEquipment", D, ("100", "200"), False, m),
            ("Maturities", "INVESTING", "us-gaap:ProceedsFromSaleMaturityAndCollectionsOfInvestments", D, ("30", "40"), False, m),
            ("Investing", "INVESTING", "us-gaap:NetCashProvidedByUsedInInvestingActivities", D, ("130", "240"), True, m))
    later = (("Purchases", "INVESTING", "us-gaap:PaymentsToAcquirePropertyPlantAndEquipment", D, ("300", "400"), False, m),
             ("Other assets", "INVESTING", "us-gaap:IncreaseDecreaseInOtherOperatingAssets", D, ("7", "8"), False, m),
             ("Investing", "INVESTING", "us-gaap:NetCashProvidedByUsedInInvestingActivities", D, ("307", "408"), True, m))
    first, first_maps = statement(StatementKind.CASH_FLOW, "CF", (Column(Q1_2003, "a"), Column(Q1_2002, "b")),
                                  full, (1, 2, 3, 4))
    year = Duration(date(2004, 1, 1), date(2004, 12, 31))
    second, second_maps = statement(StatementKind.CASH_FLOW, "CF", (Column(year, "c"), Column(
        Duration(date(2005, 1, 1), date(2005, 12, 31)), "d")), later, (5, 6, 7))
    report = build_report(Document(DocumentMeta(source="x"), (first, second)), (first_maps, second_maps),
                          ENTITY, "10-K")
    assert [n.calculation for n in report.networks] == [(), (), ()]  # two cash-flow statements, the cover
    assert [d.code for d in report.diagnostics] == ["xbrlconv:calculationNotShared"] * 2


def test_operating_cash_flow_without_a_balance_is_summed_as_printed() -> None:
    # NetCashProvidedByUsedInOperatingActivities has no balance: the weights are those that make
    # the printed cash effects add up, net income +1 and an increase in receivables -1 (DQC 0043)
    m = ValueKind.MONETARY
    rows = (("Net income", "OPERATING", "us-gaap:NetIncomeLoss", Balance.CREDIT, ("100", "(80)"), False, m),
            ("Depreciation", "OPERATING", "us-gaap:DepreciationDepletionAndAmortization", D, ("20", "20"), False, m),
            ("Receivables", "OPERATING", "us-gaap:IncreaseDecreaseInAccountsReceivable", Balance.CREDIT,
             ("(30)", "12"), False, m),
            ("Inventories", "OPERATING", "us-gaap:IncreaseDecreaseInInventories", Balance.CREDIT, ("5", "7"), False, m),
            ("Operating", "OPERATING", "us-gaap:NetCashProvidedByUsedInOperatingActivities", None, ("95", "(41)"),
             True, m))
    cash_flow, maps = statement(StatementKind.CASH_FLOW, "CF", (Column(Q1_2003, "a"), Column(Q1_2002, "b")),
                                rows, (1, 2, 3, 4, 5))
    report = build_report(Document(DocumentMeta(source="x"), (cash_flow,)), (maps,), ENTITY, "10-Q")
    weights = {a.child.split(":")[1]: a.weight for a in report.networks[0].calculation}
    assert weights == {"NetIncomeLoss": 1, "DepreciationDepletionAndAmortization": 1,
                       "IncreaseDecreaseInAccountsReceivable": -1, "IncreaseDecreaseInInventories": -1}
    values = {(f.concept.split(":")[1], f.context_id): f.value for f in report.facts}
    assert values[("IncreaseDecreaseInAccountsReceivable", "c-2002-12-01_2003-03-01")] == Decimal("30000")
    # a net loss is printed with its own sign
    assert values[("NetIncomeLoss", "c-2001-12-02_2002-03-02")] == Decimal("-80000")
    # a decrease printed without parentheses is a negative change all the same
    assert values[("IncreaseDecreaseInInventories", "c-2002-12-01_2003-03-01")] == Decimal("-5000")


def test_no_run_reaches_back_over_total_assets() -> None:
    # assets 100 = liabilities 60 + paid-in 50 + deficit (7) + AOCI (3): by the identity, assets less
    # the three lines above AOCI is -3 again, which must not make AOCI their "total"
    m = ValueKind.MONETARY
    rows = (("Cash", "ASSETS", "us-gaap:Cash", D, ("40", "30"), False, m),
            ("Other", "ASSETS", "us-gaap:OtherAssets", D, ("60", "50"), False, m),
            ("Total assets", "ASSETS", "us-gaap:Assets", D, ("100", "80"), True, m),
            ("Liabilities", "LIABILITIES", "us-gaap:Liabilities", Balance.CREDIT, ("60", "45"), False, m),
            ("Paid-in capital", "EQUITY", "us-gaap:AdditionalPaidInCapital", Balance.CREDIT, ("50", "40"), False, m),
            ("Deficit", "EQUITY", "us-gaap:RetainedEarningsAccumulatedDeficit", Balance.CREDIT, ("(7)", "(4)"),
             False, m),
            ("AOCI", "EQUITY", "us-gaap:AccumulatedOtherComprehensiveIncomeLossNetOfTax", Balance.CREDIT,
             ("(3)", "(1)"), False, m),
            ("Total equity", "EQUITY", "us-gaap:StockholdersEquity", Balance.CREDIT, ("40", "35"), True, m))
    sheet, maps = statement(StatementKind.BALANCE_SHEET, "BS", (Column(Instant(date(2003, 3, 1)), "a"),
                                                               Column(Instant(date(2002, 11, 30)), "b")),
                            rows, (1, 2, 3, 4, 5, 6, 7, 8))
    report = build_report(Document(DocumentMeta(source="x"), (sheet,)), (maps,), ENTITY, "10-Q")
    parents = {a.parent.split(":")[1] for a in report.networks[0].calculation}
    assert parents == {"Assets", "StockholdersEquity"}
