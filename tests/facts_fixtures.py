"""A hand-built, seed-like mapped document (Innovo Group Q1 fiscal 2003, amounts in thousands).

The numbers reproduce the seed's two statements, including its arithmetic slips:
total current liabilities 8,188 against 2,888 + 4,522 + 788 = 8,198, and total
liabilities and equity 15,990 against 15,991.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from converter.model import (
    Balance, Column, ConceptDef, Document, DocumentMeta, Duration, Entity, Instant, LineItem,
    Mapping, PeriodType, Statement, StatementKind, ValueKind,
)

D, C = Balance.DEBIT, Balance.CREDIT
MONEY = "xbrli:monetaryItemType"
ENTITY = Entity(cik="0000844143", name="INNOVO GROUP INC", prefix="inno",
                namespace="http://innovo-group-inc.example/20030301", ticker="INNO")
Q1_2003 = Duration(date(2002, 12, 1), date(2003, 3, 1))
Q1_2002 = Duration(date(2001, 12, 2), date(2002, 3, 2))

Row = tuple[str, str, str, Balance | None, tuple[str | None, ...], bool, ValueKind]


def _item(row: Row, line: int) -> LineItem:
    label, section, _concept, _balance, texts, is_total, kind = row
    scale, decimals = {ValueKind.MONETARY: (3, -3), ValueKind.SHARES: (3, -3),
                       ValueKind.PER_SHARE: (0, 2), ValueKind.PURE: (0, 2)}[kind]
    values = tuple(None if t is None else _number(t).scaleb(scale) for t in texts)
    return LineItem(label=label, section=section, depth=0, values=values,
                    texts=tuple(t or "" for t in texts), kind=kind, scale=scale,
                    decimals=decimals, is_total=is_total, source_line=line)


def _number(text: str) -> Decimal:
    if text == "--":
        return Decimal(0)
    negative = text.startswith("(")
    value = Decimal(text.strip("()").replace(",", ""))
    return -value if negative else value


def _concept(row: Row, period_type: PeriodType) -> ConceptDef:
    label, _section, name, balance, _texts, _total, kind = row
    type_ = {ValueKind.MONETARY: MONEY, ValueKind.SHARES: "xbrli:sharesItemType",
             ValueKind.PER_SHARE: "dtr-types:perShareItemType", ValueKind.PURE: "xbrli:pureItemType"}[kind]
    prefix, local = name.split(":")
    return ConceptDef(prefix, local, type_, period_type, balance, label)


M = ValueKind.MONETARY
BALANCE_ROWS: tuple[Row, ...] = (
    ("Cash and cash equivalents", "CURRENT ASSETS", "us-gaap:CashAndCashEquivalentsAtCarryingValue", D, ("137", "222"), False, M),
    ("Accounts receivable, and due from factor net of allowance for uncollectible accounts of $428(2003) and $383(2002)", "CURRENT ASSETS", "us-gaap:AccountsReceivableNetCurrent", D, ("3,948", "2,737"), False, M),
    ("Inventories", "CURRENT ASSETS", "us-gaap:InventoryNet", D, ("5,139", "5,710"), False, M),
    ("Prepaid expenses & other current assets", "CURRENT ASSETS", "us-gaap:PrepaidExpenseAndOtherAssetsCurrent", D, ("610", "279"), False, M),
    ("TOTAL CURRENT ASSETS", "CURRENT ASSETS", "us-gaap:AssetsCurrent", D, ("9,834", "8,948"), True, M),
    ("PROPERTY, PLANT and EQUIPMENT, net", "CURRENT ASSETS", "us-gaap:PropertyPlantAndEquipmentNet", D, ("1,421", "1,419"), False, M),
    ("GOODWILL", "CURRENT ASSETS", "us-gaap:Goodwill", D, ("4,271", "4,271"), False, M),
    ("INTANGIBLE ASSETS, net", "CURRENT ASSETS", "us-gaap:IntangibleAssetsNetExcludingGoodwill", D, ("445", "487"), False, M),
    ("OTHER ASSETS", "CURRENT ASSETS", "us-gaap:OtherAssetsNoncurrent", D, ("19", "18"), False, M),
    ("TOTAL ASSETS", "CURRENT ASSETS", "us-gaap:Assets", D, ("15,990", "15,143"), True, M),
    ("Accounts payable and accrued expenses", "CURRENT LIABILITIES", "us-gaap:AccountsPayableAndAccruedLiabilitiesCurrent", C, ("2,888", "2,438"), False, M),
    ("Due to related parties", "CURRENT LIABILITIES", "us-gaap:OtherLiabilitiesCurrent", C, ("4,522", "4,250"), False, M),
    ("Current maturities of long-term debt", "CURRENT LIABILITIES", "us-gaap:LongTermDebtCurrent", C, ("788", "756"), False, M),
    ("TOTAL CURRENT LIABILITIES", "CURRENT LIABILITIES", "us-gaap:LiabilitiesCurrent", C, ("8,188", "7,444"), True, M),
    ("LONG-TERM DEBT, less current maturities", "CURRENT LIABILITIES", "us-gaap:LongTermDebtNoncurrent", C, ("2,427", "2,631"), False, M),
    ("8% Redeemable preferred stock, $0.10 par value: Authorized shares-5,000 194 shares(2003) and 194(2002)", "CURRENT LIABILITIES", "us-gaap:TemporaryEquityCarryingAmountAttributableToParent", C, ("--", "--"), False, M),
    ("Common stock, $0.10 par value- shares authorized-40,000,000 Issued and outstanding 14,901(2003) and 14,901(2002)", "STOCKHOLDERS EQUITY", "us-gaap:CommonStockValue", C, ("1,491", "1,491"), False, M),
    ("Additional paid-in capital", "STOCKHOLDERS EQUITY", "us-gaap:AdditionalPaidInCapital", C, ("40,362", "40,343"), False, M),
    ("Accumulated deficit", "STOCKHOLDERS EQUITY", "us-gaap:RetainedEarningsAccumulatedDeficit", C, ("(33,227)", "(33,507)"), False, M),
    ("Promissory note-officer", "STOCKHOLDERS EQUITY", "us-gaap:StockholdersEquityNoteSubscriptionsReceivable", D, ("(703)", "(703)"), False, M),
    ("Treasury stock", "STOCKHOLDERS EQUITY", "us-gaap:TreasuryStockValue", D, ("(2,547)", "(2,537)"), False, M),
    ("Accumulated other comprehensive loss", "STOCKHOLDERS EQUITY", "us-gaap:AccumulatedOtherComprehensiveIncomeLossNetOfTax", C, ("--", "(19)"), False, M),
    ("TOTAL STOCKHOLDERS' EQUITY", "STOCKHOLDERS EQUITY", "us-gaap:StockholdersEquity", C, ("5,376", "5,068"), True, M),
    ("TOTAL LIABILITIES AND STOCKHOLDERS' EQUITY", "STOCKHOLDERS EQUITY", "us-gaap:LiabilitiesAndStockholdersEquity", C, ("15,990", "15,143"), True, M),
)
BALANCE_LINES = (206, 210, 211, 212, 214, 217, 218, 219, 220, 223, 229, 230, 231, 233, 235,
                 239, 244, 245, 246, 247, 248, 249, 251, 253)

INCOME_ROWS: tuple[Row, ...] = (
    ("NET SALES", "", "us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax", C, ("11,915", "3,201"), False, M),
    ("COST OF GOODS SOLD", "", "us-gaap:CostOfGoodsAndServicesSold", D, ("8,605", "2,289"), False, M),
    ("Gross Profit", "", "us-gaap:GrossProfit", C, ("3,310", "912"), True, M),
    ("Selling, general and administrative", "OPERATING EXPENSES", "us-gaap:SellingGeneralAndAdministrativeExpense", D, ("2,838", "1,250"), False, M),
    ("Depreciation and amortization", "OPERATING EXPENSES", "us-gaap:DepreciationDepletionAndAmortization", D, ("79", "46"), False, M),
    ("", "OPERATING EXPENSES", "us-gaap:OperatingExpenses", D, ("2,917", "1,296"), True, M),
    ("INCOME (LOSS) FROM OPERATIONS", "OPERATING EXPENSES", "us-gaap:OperatingIncomeLoss", C, ("393", "(384)"), False, M),
    ("INTEREST EXPENSE", "OPERATING EXPENSES", "us-gaap:InterestExpense", D, ("(150)", "(97)"), False, M),
    ("OTHER INCOME (EXPENSE), net", "OPERATING EXPENSES", "us-gaap:OtherNonoperatingIncomeExpense", C, ("102", "6"), False, M),
    ("INCOME (LOSS) BEFORE INCOME TAXES", "OPERATING EXPENSES", "us-gaap:IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest", C, ("345", "(475)"), True, M),
    ("INCOME TAXES", "OPERATING EXPENSES", "us-gaap:IncomeTaxExpenseBenefit", D, ("63", "21"), False, M),
    ("NET INCOME (LOSS)", "OPERATING EXPENSES", "us-gaap:NetIncomeLoss", C, ("282", "(496)"), True, M),
    ("Basic", "NET INCOME (LOSS) PER SHARE:", "us-gaap:EarningsPerShareBasic", None, ("0.02", "(0.03)"), False, ValueKind.PER_SHARE),
    ("Diluted", "NET INCOME (LOSS) PER SHARE:", "us-gaap:EarningsPerShareDiluted", None, ("0.02", "(0.03)"), False, ValueKind.PER_SHARE),
    ("Basic", "WEIGHTED AVERAGE SHARES OUTSTANDING", "us-gaap:WeightedAverageNumberOfSharesOutstandingBasic", None, ("14,841", "14,921"), False, ValueKind.SHARES),
    ("Diluted", "WEIGHTED AVERAGE SHARES OUTSTANDING", "us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding", None, ("17,241", "14,921"), False, ValueKind.SHARES),
)
INCOME_LINES = (276, 277, 279, 282, 283, 285, 287, 289, 290, 293, 295, 298, 303, 304, 307, 308)


def statement(kind: StatementKind, title: str, columns: tuple[Column, ...], rows: tuple[Row, ...],
              lines: tuple[int, ...]) -> tuple[Statement, tuple[Mapping, ...]]:
    items = tuple(_item(r, line) for r, line in zip(rows, lines, strict=True))
    mappings = tuple(Mapping(_concept(r, kind.period_type), 0.9, (), "fixture") for r in rows)
    return Statement(kind, title, columns, items, lines[0] - 5), mappings


def seed_document() -> tuple[Document, tuple[tuple[Mapping, ...], ...]]:
    balance, balance_maps = statement(
        StatementKind.BALANCE_SHEET, "CONSOLIDATED CONDENSED BALANCE SHEETS",
        (Column(Instant(date(2003, 3, 1)), "03/01/03"), Column(Instant(date(2002, 11, 30)), "11/30/02")),
        BALANCE_ROWS, BALANCE_LINES)
    income, income_maps = statement(
        StatementKind.INCOME_STATEMENT, "CONSOLIDATED CONDENSED STATEMENTS OF OPERATIONS",
        (Column(Q1_2003, "Three Months Ended 03/01/03"), Column(Q1_2002, "Three Months Ended 03/02/02")),
        INCOME_ROWS, INCOME_LINES)
    meta = DocumentMeta(source="seed.txt", cik="844143", company_name="INNOVO GROUP INC",
                        form_type="8-K", period_of_report=date(2003, 3, 1), ticker="INNO")
    return Document(meta, (balance, income)), (balance_maps, income_maps)
