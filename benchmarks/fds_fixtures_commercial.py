"""The article 5 (commercial) submissions of benchmarks/make_fds_fixtures.py: balance sheet, income
statement and cash flows from a few base amounts, the totals computed, so the EX-27 agrees."""

from __future__ import annotations

from datetime import date

from benchmarks.fds_layout import (
    LEGEND,
    Filer,
    Schedule,
    Table,
    add,
    body,
    centre,
    eps,
    neg,
    submission,
    tagged,
)

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


def keystone() -> dict[str, str]:
    """(a) a 10-K whose dates sit in the caption line ("September 30, 1997 and September 30, 1996"),
    only the years over the columns; an EX-27 for the year and an EX-27.1 restating the prior year."""
    filer = Filer("KEYSTONE VALVE CORP", "0000990101", "3490", "PA", "0930", "ALLENTOWN")
    c = {
        "cash": (10212, 8105),
        "receivables": (24310, 21877),
        "inventory": (31045, 29660),
        "prepaid": (2118, 1934),
        "ppe": (88400, 81250),
        "depreciation": (41730, 36915),
        "other_assets": (3260, 3410),
        "payables": (12460, 11380),
        "accrued": (9875, 8990),
        "current_debt": (2000, 2000),
        "bonds": (18000, 20000),
        "deferred_taxes": (3150, 2880),
        "common": (6000, 6000),
        "apic": (14200, 14200),
        "sales": (142380, 131210),
        "cgs": (98140, 91560),
        "sga": (27930, 26100),
        "interest": (1720, 1890),
        "tax": (5540, 4310),
    }
    flows = {
        "dep_expense": (5215, 4870),
        "capex": (7150, 6420),
        "repayments": (2000, 2000),
        "dividends": (1800, 1500),
        "cash_begin": (8105, 7420),
    }
    balance = balance_5(c)
    income, net = income_5(c, (6000, 6000))
    cash_flow = cash_5(flows, net, c["cash"])
    years = (centre(["1997", "1996"], 2), centre(["----", "----"], 2))
    tables = [
        Table(
            (
                "KEYSTONE VALVE CORPORATION",
                "CONSOLIDATED BALANCE SHEETS",
                "September 30, 1997 and September 30, 1996",
                "(In thousands, except per share amounts)",
            ),
            years,
            balance,
            2,
        ),
        Table(
            (
                "KEYSTONE VALVE CORPORATION",
                "CONSOLIDATED STATEMENTS OF INCOME",
                "For the Years Ended September 30, 1997 and September 30, 1996",
                "(In thousands, except per share amounts)",
            ),
            years,
            income,
            2,
        ),
        Table(
            (
                "KEYSTONE VALVE CORPORATION",
                "CONSOLIDATED STATEMENTS OF CASH FLOWS",
                "For the Years Ended September 30, 1997 and September 30, 1996",
                "(In thousands)",
            ),
            years,
            cash_flow,
            2,
        ),
    ]
    legend = LEGEND.format(what="CONSOLIDATED BALANCE SHEET AND STATEMENT OF INCOME OF KEYSTONE VALVE CORP")
    schedules = []
    for column, (document, start, end) in enumerate(
        (("EX-27", date(1996, 10, 1), date(1997, 9, 30)), ("EX-27.1", date(1995, 10, 1), date(1996, 9, 30)))
    ):
        found = tagged(balance, column) | tagged(income, column)
        found["EPS-PRIMARY"] = found.pop("EPS-BASIC")
        extra = {
            "SECURITIES": 0,
            "ALLOWANCES": 612 - 72 * column,
            "COMMON": 20200,
            "LOSS-PROVISION": 0,
        } | dict(ZEROS)
        schedules.append(
            Schedule(
                document,
                "FINANCIAL DATA SCHEDULE" + (" (RESTATED)" if column else ""),
                "5",
                legend,
                "YEAR",
                end,
                start,
                end,
                ordered(found, extra, ART5),
                restated=bool(column),
            )
        )
    text = body(filer, "10-K", "ANNUAL REPORT FOR THE FISCAL YEAR ENDED SEPTEMBER 30, 1997", tables)
    return {
        "art5-caption-dates-10k.txt": submission(
            filer, "0000990101-97-000004", "10-K", date(1997, 9, 30), date(1997, 12, 19), text, schedules
        )
    }


def northgate() -> dict[str, str]:
    """(b) a 10-Q with "THREE MONTHS ENDED / SIX MONTHS ENDED" over four columns, the full dates on
    the next line; (d) the current-liabilities total printed under a rule with no label."""
    filer = Filer("NORTHGATE INSTRUMENTS INC", "0000990202", "3823", "DE", "1231", "SPRINGFIELD")
    c = {
        "cash": (4310, 3985),
        "receivables": (11240, 10630),
        "inventory": (9870, 9115),
        "prepaid": (745, 690),
        "ppe": (28650, 27400),
        "depreciation": (14210, 13380),
        "other_assets": (1120, 1180),
        "payables": (5230, 4870),
        "accrued": (3415, 3660),
        "current_debt": (500, 500),
        "bonds": (4500, 4750),
        "deferred_taxes": (880, 840),
        "common": (4000, 4000),
        "apic": (9500, 9500),
    }
    q = {
        "sales": (15870, 14320, 30990, 27810),
        "cgs": (9840, 8950, 19270, 17430),
        "sga": (4110, 3870, 8150, 7640),
        "interest": (95, 110, 195, 225),
        "tax": (690, 540, 1250, 930),
    }
    flows = {
        "dep_expense": (830, 760),
        "capex": (1250, 980),
        "repayments": (250, 250),
        "dividends": (400, 400),
        "cash_begin": (3985, 3410),
    }
    balance = balance_5(c, unlabeled=True)
    income, net = income_5(q, (4000,) * 4)
    cash_flow = cash_5(flows, net[2:], (4310, 3760))  # cash at June 30, 1998 and 1997
    spanning = (
        centre(["THREE MONTHS ENDED", "SIX MONTHS ENDED"], 4, span=2),
        centre(["June 30, 1998", "June 30, 1997", "June 30, 1998", "June 30, 1997"], 4),
    )
    tables = [
        Table(
            ("NORTHGATE INSTRUMENTS, INC.", "CONDENSED CONSOLIDATED BALANCE SHEETS", "(In thousands)"),
            (
                centre(["June 30,", "December 31,"], 2),
                centre(["1998", "1997"], 2),
                centre(["(Unaudited)", ""], 2),
            ),
            balance,
            2,
        ),
        Table(
            (
                "NORTHGATE INSTRUMENTS, INC.",
                "CONDENSED CONSOLIDATED STATEMENTS OF INCOME (UNAUDITED)",
                "(In thousands, except per share amounts)",
            ),
            spanning,
            income,
            4,
        ),
        Table(
            (
                "NORTHGATE INSTRUMENTS, INC.",
                "CONDENSED CONSOLIDATED STATEMENTS OF CASH FLOWS (UNAUDITED)",
                "(In thousands)",
            ),
            (centre(["SIX MONTHS ENDED"], 2, span=2), centre(["June 30, 1998", "June 30, 1997"], 2)),
            cash_flow,
            2,
        ),
    ]
    found = tagged(balance, 0) | tagged(income, 2)
    extra = {"SECURITIES": 0, "ALLOWANCES": 215, "COMMON": 13500, "LOSS-PROVISION": 0} | dict(ZEROS)
    legend = LEGEND.format(what="CONDENSED CONSOLIDATED FINANCIAL STATEMENTS OF NORTHGATE INSTRUMENTS INC")
    schedules = [
        Schedule(
            "EX-27",
            "FINANCIAL DATA SCHEDULE",
            "5",
            legend,
            "6-MOS",
            date(1998, 12, 31),
            date(1998, 1, 1),
            date(1998, 6, 30),
            ordered(found, extra, ART5),
        )
    ]
    text = body(filer, "10-Q", "QUARTERLY REPORT FOR THE QUARTER ENDED JUNE 30, 1998", tables)
    return {
        "art5-spanning-unlabeled-10q.txt": submission(
            filer, "0000990202-98-000011", "10-Q", date(1998, 6, 30), date(1998, 8, 12), text, schedules
        )
    }


HARBOR = Filer("HARBOR STORES INC", "0000990303", "5331", "OH", "1230", "TOLEDO")


def harbor_quarter() -> dict[str, str]:
    """(c) a 52/53-week retailer's third quarter: quarters end on the last Saturday of the month
    (September 25, 1999 and September 26, 1998); the fiscal year began December 27, 1998; the
    spanning headers say THIRTEEN and THIRTY-NINE WEEKS, the dates split over two lines."""
    c = {
        "cash": (6120, 9875),
        "receivables": (2340, 1980),
        "inventory": (58770, 44310),
        "prepaid": (1830, 1610),
        "ppe": (64200, 61350),
        "depreciation": (27480, 25220),
        "other_assets": (2950, 3010),
        "payables": (24310, 15440),
        "accrued": (8760, 7920),
        "current_debt": (1500, 1500),
        "bonds": (12000, 13500),
        "deferred_taxes": (1640, 1580),
        "common": (8200, 8200),
        "apic": (11300, 11300),
    }
    q = {
        "sales": (71240, 66810, 198370, 186920),
        "cgs": (48930, 46150, 136920, 129480),
        "sga": (18760, 17650, 53240, 50810),
        "interest": (310, 345, 940, 1050),
        "tax": (1240, 1030, 2720, 2180),
    }
    flows = {
        "dep_expense": (2260, 2140),
        "capex": (5120, 4380),
        "repayments": (1500, 1500),
        "dividends": (820, 820),
        "cash_begin": (9875, 8640),
    }
    balance = balance_5(c, retail=True)
    income, net = income_5(q, (8200,) * 4)
    cash_flow = cash_5(flows, net[2:], (6120, 5435))
    spanning = (
        centre(["THIRTEEN WEEKS ENDED", "THIRTY-NINE WEEKS ENDED"], 4, span=2),
        centre(["Sept. 25,", "Sept. 26,", "Sept. 25,", "Sept. 26,"], 4),
        centre(["1999", "1998"] * 2, 4),
    )
    tables = [
        Table(
            ("HARBOR STORES, INC.", "CONDENSED CONSOLIDATED BALANCE SHEETS", "(In thousands)"),
            (centre(["September 25,", "December 26,"], 2), centre(["1999", "1998"], 2)),
            balance,
            2,
        ),
        Table(
            (
                "HARBOR STORES, INC.",
                "CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS",
                "(In thousands, except per share amounts)",
            ),
            spanning,
            income,
            4,
        ),
        Table(
            ("HARBOR STORES, INC.", "CONDENSED CONSOLIDATED STATEMENTS OF CASH FLOWS", "(In thousands)"),
            (
                centre(["THIRTY-NINE WEEKS ENDED"], 2, span=2),
                centre(["Sept. 25,", "Sept. 26,"], 2),
                centre(["1999", "1998"], 2),
            ),
            cash_flow,
            2,
        ),
    ]
    found = tagged(balance, 0) | tagged(income, 2)
    extra = {"SECURITIES": 0, "ALLOWANCES": 0, "COMMON": 19500, "LOSS-PROVISION": 0} | dict(ZEROS)
    legend = LEGEND.format(what="CONDENSED CONSOLIDATED FINANCIAL STATEMENTS OF HARBOR STORES INC")
    schedules = [
        Schedule(
            "EX-27",
            "FINANCIAL DATA SCHEDULE",
            "5",
            legend,
            "9-MOS",
            date(1999, 12, 25),
            date(1998, 12, 27),
            date(1999, 9, 25),
            ordered(found, extra, ART5),
        )
    ]
    text = body(HARBOR, "10-Q", "QUARTERLY REPORT FOR THE QUARTER ENDED SEPTEMBER 25, 1999", tables)
    return {
        "art5-52week-quarter-10q.txt": submission(
            HARBOR, "0000990303-99-000021", "10-Q", date(1999, 9, 25), date(1999, 11, 5), text, schedules
        )
    }


def harbor_year() -> dict[str, str]:
    """(c) the same retailer's 53-week fiscal 2000 (December 26, 1999 – December 30, 2000) beside
    the 52-week fiscal 1999."""
    c = {
        "cash": (8430, 7260),
        "receivables": (2610, 2290),
        "inventory": (47320, 43980),
        "prepaid": (1920, 1770),
        "ppe": (70150, 65480),
        "depreciation": (32140, 28360),
        "other_assets": (2870, 2940),
        "payables": (17120, 16050),
        "accrued": (9340, 8610),
        "current_debt": (1500, 1500),
        "bonds": (10500, 12000),
        "deferred_taxes": (1720, 1660),
        "common": (8200, 8200),
        "apic": (11300, 11300),
        "sales": (281460, 263240),
        "cgs": (194320, 182110),
        "sga": (73980, 69450),
        "interest": (1210, 1290),
        "tax": (4610, 3920),
    }
    flows = {
        "dep_expense": (4210, 3880),
        "capex": (5870, 5210),
        "repayments": (1500, 1500),
        "dividends": (1640, 1640),
        "cash_begin": (7260, 9875),
    }
    balance = balance_5(c, retail=True)
    income, net = income_5(c, (8200, 8200))
    cash_flow = cash_5(flows, net, c["cash"])
    years = (
        centre(["FISCAL YEAR ENDED"], 2, span=2),
        centre(["December 30,", "December 25,"], 2),
        centre(["2000", "1999"], 2),
        centre(["(53 weeks)", "(52 weeks)"], 2),
    )
    tables = [
        Table(
            ("HARBOR STORES, INC.", "CONSOLIDATED BALANCE SHEETS", "(In thousands)"),
            (centre(["December 30,", "December 25,"], 2), centre(["2000", "1999"], 2)),
            balance,
            2,
        ),
        Table(
            (
                "HARBOR STORES, INC.",
                "CONSOLIDATED STATEMENTS OF OPERATIONS",
                "(In thousands, except per share amounts)",
            ),
            years,
            income,
            2,
        ),
        Table(
            ("HARBOR STORES, INC.", "CONSOLIDATED STATEMENTS OF CASH FLOWS", "(In thousands)"),
            years,
            cash_flow,
            2,
        ),
    ]
    found = tagged(balance, 0) | tagged(income, 0)
    extra = {"SECURITIES": 0, "ALLOWANCES": 0, "COMMON": 19500, "LOSS-PROVISION": 0} | dict(ZEROS)
    legend = LEGEND.format(what="CONSOLIDATED FINANCIAL STATEMENTS OF HARBOR STORES INC")
    schedules = [
        Schedule(
            "EX-27",
            "FINANCIAL DATA SCHEDULE",
            "5",
            legend,
            "YEAR",
            date(2000, 12, 30),
            date(1999, 12, 26),
            date(2000, 12, 30),
            ordered(found, extra, ART5),
        )
    ]
    text = body(HARBOR, "10-K", "ANNUAL REPORT FOR THE FISCAL YEAR ENDED DECEMBER 30, 2000", tables)
    return {
        "art5-53week-year-10k.txt": submission(
            HARBOR, "0000990303-01-000003", "10-K", date(2000, 12, 30), date(2001, 3, 16), text, schedules
        )
    }
