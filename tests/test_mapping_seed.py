"""Issue acceptance: every statement row of the seed maps to the expected us-gaap concept."""

from __future__ import annotations

import pytest

from converter.mapping import ItemContext, Mapper
from converter.model import PeriodType, StatementKind, ValueKind
from converter.taxonomy.catalog import load_catalog

BS, IS = StatementKind.BALANCE_SHEET, StatementKind.INCOME_STATEMENT
M, P, S = ValueKind.MONETARY, ValueKind.PER_SHARE, ValueKind.SHARES

# The seed's rows as the reader sees them (written by hand from the document), with the
# concepts each may map to.
# (statement, section, label, kind, is_total, shown_negative, accepted concepts)
SEED_ROWS: tuple[tuple[StatementKind, str, str, ValueKind, bool, bool, tuple[str, ...]], ...] = (
    (BS, "CURRENT ASSETS", "Cash and cash equivalents", M, False, False,
     ("CashAndCashEquivalentsAtCarryingValue",)),
    (BS, "CURRENT ASSETS", "Accounts receivable, and due from factor net of allowance for "
     "uncollectible accounts of $428(2003) and $383(2002)", M, False, False, ("AccountsReceivableNetCurrent",)),
    (BS, "CURRENT ASSETS", "Inventories", M, False, False, ("InventoryNet",)),
    (BS, "CURRENT ASSETS", "Prepaid expenses & other current assets", M, False, False,
     ("PrepaidExpenseAndOtherAssetsCurrent",)),
    (BS, "CURRENT ASSETS", "TOTAL CURRENT ASSETS", M, True, False, ("AssetsCurrent",)),
    (BS, "CURRENT ASSETS", "PROPERTY, PLANT and EQUIPMENT, net", M, False, False, ("PropertyPlantAndEquipmentNet",)),
    (BS, "CURRENT ASSETS", "GOODWILL", M, False, False, ("Goodwill",)),
    (BS, "CURRENT ASSETS", "INTANGIBLE ASSETS, net", M, False, False, ("IntangibleAssetsNetExcludingGoodwill",)),
    # printed after "Total current assets": map_statement reads the closed section as noncurrent
    (BS, "Noncurrent CURRENT ASSETS", "OTHER ASSETS", M, False, False, ("OtherAssetsNoncurrent",)),
    (BS, "CURRENT ASSETS", "TOTAL ASSETS", M, True, False, ("Assets",)),
    (BS, "CURRENT LIABILITIES", "Accounts payable and accrued expenses", M, False, False,
     ("AccountsPayableAndAccruedLiabilitiesCurrent",)),
    # us-gaap deprecated DueToRelatedPartiesCurrent in 2023 (a related-party dimension replaces it)
    (BS, "CURRENT LIABILITIES", "Due to related parties", M, False, False,
     ("ext:DueToRelatedParties", "OtherLiabilitiesCurrent")),
    (BS, "CURRENT LIABILITIES", "Current maturities of long-term debt", M, False, False, ("LongTermDebtCurrent",)),
    (BS, "CURRENT LIABILITIES", "TOTAL CURRENT LIABILITIES", M, True, False, ("LiabilitiesCurrent",)),
    (BS, "CURRENT LIABILITIES", "LONG-TERM DEBT, less current maturities", M, False, False,
     ("LongTermDebtNoncurrent",)),
    (BS, "CURRENT LIABILITIES", "8% Redeemable preferred stock, $0.10 par value: Authorized shares-5,000 "
     "194 shares(2003) and 194(2002)", M, False, False,
     ("TemporaryEquityCarryingAmountAttributableToParent",
      "TemporaryEquityCarryingAmountIncludingPortionAttributableToNoncontrollingInterests",
      "TemporaryEquityValueExcludingAdditionalPaidInCapital")),
    (BS, "STOCKHOLDERS EQUITY", "Common stock, $0.10 par value- shares authorized-40,000,000 Issued and "
     "outstanding 14,901(2003) and 14,901(2002)", M, False, False, ("CommonStockValue",)),
    (BS, "STOCKHOLDERS EQUITY", "Additional paid-in capital", M, False, False,
     ("AdditionalPaidInCapital", "AdditionalPaidInCapitalCommonStock")),
    (BS, "STOCKHOLDERS EQUITY", "Accumulated deficit", M, False, True, ("RetainedEarningsAccumulatedDeficit",)),
    (BS, "STOCKHOLDERS EQUITY", "Promissory note-officer", M, False, True,
     ("StockholdersEquityNoteSubscriptionsReceivable", "ext:PromissoryNoteOfficer")),
    (BS, "STOCKHOLDERS EQUITY", "Treasury stock", M, False, True, ("TreasuryStockValue", "TreasuryStockCommonValue")),
    (BS, "STOCKHOLDERS EQUITY", "Accumulated other comprehensive loss", M, False, True,
     ("AccumulatedOtherComprehensiveIncomeLossNetOfTax",)),
    (BS, "STOCKHOLDERS EQUITY", "TOTAL STOCKHOLDERS' EQUITY", M, True, False, ("StockholdersEquity",)),
    (BS, "STOCKHOLDERS EQUITY", "TOTAL LIABILITIES AND STOCKHOLDERS' EQUITY", M, True, False,
     ("LiabilitiesAndStockholdersEquity",)),
    (IS, "", "NET SALES", M, False, False, ("Revenues", "RevenueFromContractWithCustomerExcludingAssessedTax")),
    (IS, "", "COST OF GOODS SOLD", M, False, False, ("CostOfGoodsAndServicesSold",)),
    (IS, "", "Gross Profit", M, True, False, ("GrossProfit",)),
    (IS, "OPERATING EXPENSES", "Selling, general and administrative", M, False, False,
     ("SellingGeneralAndAdministrativeExpense",)),
    (IS, "OPERATING EXPENSES", "Depreciation and amortization", M, False, False,
     ("DepreciationDepletionAndAmortization", "DepreciationAndAmortization")),
    (IS, "OPERATING EXPENSES", "", M, True, False, ("OperatingExpenses",)),
    (IS, "OPERATING EXPENSES", "INCOME (LOSS) FROM OPERATIONS", M, False, True, ("OperatingIncomeLoss",)),
    (IS, "OPERATING EXPENSES", "INTEREST EXPENSE", M, False, True, ("InterestExpense", "InterestExpenseNonoperating")),
    (IS, "OPERATING EXPENSES", "OTHER INCOME (EXPENSE), net", M, False, False, ("OtherNonoperatingIncomeExpense",)),
    (IS, "OPERATING EXPENSES", "INCOME (LOSS) BEFORE INCOME TAXES", M, False, True,
     ("IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest",)),
    (IS, "OPERATING EXPENSES", "INCOME TAXES", M, False, False, ("IncomeTaxExpenseBenefit",)),
    (IS, "OPERATING EXPENSES", "NET INCOME (LOSS)", M, True, True, ("NetIncomeLoss",)),
    (IS, "NET INCOME (LOSS) PER SHARE:", "Basic", P, False, True, ("EarningsPerShareBasic",)),
    (IS, "NET INCOME (LOSS) PER SHARE:", "Diluted", P, False, True, ("EarningsPerShareDiluted",)),
    (IS, "WEIGHTED AVERAGE SHARES OUTSTANDING", "Basic", S, False, False,
     ("WeightedAverageNumberOfSharesOutstandingBasic",)),
    (IS, "WEIGHTED AVERAGE SHARES OUTSTANDING", "Diluted", S, False, False,
     ("WeightedAverageNumberOfDilutedSharesOutstanding",)),
)

PERIOD = {BS: PeriodType.INSTANT, IS: PeriodType.DURATION}


@pytest.fixture(scope="module")
def mapper() -> Mapper:
    return Mapper(load_catalog(), extension_prefix="ext")


@pytest.mark.parametrize(("statement", "section", "label", "kind", "is_total", "negative", "accepted"),
                         SEED_ROWS, ids=[f"{r[0][:3]}-{r[2][:30] or 'unlabeled total'}" for r in SEED_ROWS])
def test_seed_row_maps_to_expected_concept(mapper, statement, section, label, kind, is_total, negative,
                                           accepted) -> None:
    ctx = ItemContext(label=label, statement=statement, section=section, period_type=PERIOD[statement],
                      kind=kind, is_total=is_total, shown_negative=negative)
    mapping = mapper.map_item(ctx)
    got = mapping.concept.qname if mapping.is_extension else mapping.concept.name
    assert got in accepted, mapping.reason
    assert 0.0 <= mapping.confidence <= 1.0


def test_seed_concepts_are_live_us_gaap(mapper) -> None:
    catalog = load_catalog()
    for row in SEED_ROWS:
        for name in row[-1]:
            if ":" not in name:
                assert catalog.get(name) is not None and catalog.get(name).usable, name
