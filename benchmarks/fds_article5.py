"""Article 5 (commercial) statement rows for the generated FDS submissions: balance sheet, income
statement and cash flows from a few base amounts, the totals computed, so the EX-27 agrees."""

from __future__ import annotations

from benchmarks.fds_layout import add, eps, neg

ZEROS = (
    ("PREFERRED-MANDATORY", 0),
    ("PREFERRED", 0),
    ("DISCONTINUED", 0),
    ("EXTRAORDINARY", 0),
    ("CHANGES", 0),
)
ART5 = (
    "CASH",
    "SECURITIES",
    "RECEIVABLES",
    "ALLOWANCES",
    "INVENTORY",
    "CURRENT-ASSETS",
    "PP&E",
    "DEPRECIATION",
    "TOTAL-ASSETS",
    "CURRENT-LIABILITIES",
    "BONDS",
    "PREFERRED-MANDATORY",
    "PREFERRED",
    "COMMON",
    "OTHER-SE",
    "TOTAL-LIABILITY-AND-EQUITY",
    "SALES",
    "TOTAL-REVENUES",
    "CGS",
    "TOTAL-COSTS",
    "OTHER-EXPENSES",
    "LOSS-PROVISION",
    "INTEREST-EXPENSE",
    "INCOME-PRETAX",
    "INCOME-TAX",
    "INCOME-CONTINUING",
    "DISCONTINUED",
    "EXTRAORDINARY",
    "CHANGES",
    "NET-INCOME",
    "EPS-PRIMARY",
    "EPS-BASIC",
    "EPS-DILUTED",
)


def ordered(found: dict[str, object], extra: dict[str, object], order: tuple[str, ...]) -> tuple:
    values = found | extra
    return tuple((tag, values[tag]) for tag in order if tag in values) + tuple(
        (tag, value) for tag, value in values.items() if tag not in order
    )


def balance_5(c: dict[str, tuple[int, ...]], *, unlabeled: bool = False, retail: bool = False) -> tuple:
    """Article 5 balance-sheet rows from the base amounts of `c` (the totals are computed)."""
    current = add(c["cash"], c["receivables"], c["inventory"], c["prepaid"])
    net_ppe = add(c["ppe"], neg(c["depreciation"]))
    assets = add(current, net_ppe, c["other_assets"])
    current_liabilities = add(c["payables"], c["accrued"], c["current_debt"])
    equity = add(assets, neg(current_liabilities), neg(c["bonds"]), neg(c["deferred_taxes"]))
    retained = add(equity, neg(c["common"]), neg(c["apic"]))
    return (
        ("h", "ASSETS"),
        ("h", "Current assets:"),
        ("i", "  Cash and cash equivalents", c["cash"], ["CASH"]),
        ("i", "  Accounts receivable, net", c["receivables"], ["RECEIVABLES"]),
        ("i", "  Merchandise inventories" if retail else "  Inventories", c["inventory"], ["INVENTORY"]),
        ("i", "  Prepaid expenses and other", c["prepaid"], []),
        ("t", "    Total current assets", current, ["CURRENT-ASSETS"]),
        ("i", "Property, plant and equipment, at cost", c["ppe"], ["PP&E"]),
        ("i", "  Less accumulated depreciation", neg(c["depreciation"]), ["-DEPRECIATION"]),
        ("t", "    Net property, plant and equipment", net_ppe, []),
        ("i", "Other assets", c["other_assets"], []),
        ("T", "    Total assets", assets, ["TOTAL-ASSETS"]),
        ("h", "LIABILITIES AND STOCKHOLDERS' EQUITY"),
        ("h", "Current liabilities:"),
        ("i", "  Accounts payable", c["payables"], []),
        ("i", "  Accrued liabilities", c["accrued"], []),
        ("i", "  Current portion of long-term debt", c["current_debt"], []),
        ("u", current_liabilities, ["CURRENT-LIABILITIES"])
        if unlabeled
        else ("t", "    Total current liabilities", current_liabilities, ["CURRENT-LIABILITIES"]),
        ("i", "Long-term debt", c["bonds"], ["BONDS"]),
        ("i", "Deferred income taxes", c["deferred_taxes"], []),
        ("h", "Stockholders' equity:"),
        ("i", "  Common stock, $1 par value", c["common"], []),
        ("i", "  Additional paid-in capital", c["apic"], []),
        ("i", "  Retained earnings", retained, ["OTHER-SE"]),
        ("t", "    Total stockholders' equity", equity, []),
        ("T", "    Total liabilities and stockholders' equity", assets, ["TOTAL-LIABILITY-AND-EQUITY"]),
    )


def income_5(c: dict[str, tuple[int, ...]], shares: tuple[int, ...]) -> tuple[tuple, tuple[int, ...]]:
    """Article 5 income-statement rows and the net income of each column."""
    pretax = add(c["sales"], neg(c["cgs"]), neg(c["sga"]), neg(c["interest"]))
    net = add(pretax, neg(c["tax"]))
    return (
        ("i", "Net sales", c["sales"], ["SALES", "TOTAL-REVENUES"]),
        ("i", "Cost of sales", c["cgs"], ["CGS", "TOTAL-COSTS"]),
        ("i", "Selling, general and administrative expenses", c["sga"], ["OTHER-EXPENSES"]),
        ("i", "Interest expense", c["interest"], ["INTEREST-EXPENSE"]),
        ("t", "Income before income taxes", pretax, ["INCOME-PRETAX"]),
        ("i", "Provision for income taxes", c["tax"], ["INCOME-TAX"]),
        ("T", "Net income", net, ["INCOME-CONTINUING", "NET-INCOME"]),
        ("e", "Net income per share - basic", tuple(eps(n, s) for n, s in zip(net, shares)), ["EPS-BASIC"]),
        (
            "e",
            "Net income per share - diluted",
            tuple(eps(n, s + s // 50) for n, s in zip(net, shares)),
            ["EPS-DILUTED"],
        ),
    ), net


def cash_5(f: dict[str, tuple[int, ...]], net: tuple[int, ...], cash_end: tuple[int, ...]) -> tuple:
    """Cash-flow rows; the working-capital line is what makes the change in cash come out."""
    change = add(cash_end, neg(f["cash_begin"]))
    investing = neg(f["capex"])
    financing = add(neg(f["repayments"]), neg(f["dividends"]))
    working = add(change, neg(net), neg(f["dep_expense"]), neg(investing), neg(financing))
    operating = add(net, f["dep_expense"], working)
    return (
        ("h", "Cash flows from operating activities:"),
        ("i", "  Net income", net, []),
        ("i", "  Depreciation and amortization", f["dep_expense"], []),
        ("i", "  Changes in operating assets and liabilities", working, []),
        ("t", "    Net cash provided by operating activities", operating, []),
        ("h", "Cash flows from investing activities:"),
        ("i", "  Capital expenditures", investing, []),
        ("t", "    Net cash used in investing activities", investing, []),
        ("h", "Cash flows from financing activities:"),
        ("i", "  Repayment of long-term debt", neg(f["repayments"]), []),
        ("i", "  Dividends paid", neg(f["dividends"]), []),
        ("t", "    Net cash used in financing activities", financing, []),
        ("t", "Net increase in cash and cash equivalents", change, []),
        ("i", "Cash and cash equivalents at beginning of period", f["cash_begin"], []),
        ("T", "Cash and cash equivalents at end of period", cash_end, []),
    )
