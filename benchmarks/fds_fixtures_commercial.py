"""Article 5 submissions of benchmarks/make_fds_fixtures.py: (a) caption-line dates over year
columns; (b) spanning three/six-month headers with (d) an unlabeled current-liabilities total."""

from __future__ import annotations

from datetime import date

from benchmarks.fds_article5 import ART5, ZEROS, balance_5, cash_5, income_5, ordered
from benchmarks.fds_layout import LEGEND, Filer, Schedule, Table, body, centre, prior, submission, tagged


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
    schedules.append(prior("5", legend, "6-MOS", date(1997, 12, 31), date(1997, 1, 1), date(1997, 6, 30),
                           tagged(income, 3) | dict(ZEROS)))
    text = body(filer, "10-Q", "QUARTERLY REPORT FOR THE QUARTER ENDED JUNE 30, 1998", tables)
    return {
        "art5-spanning-unlabeled-10q.txt": submission(
            filer, "0000990202-98-000011", "10-Q", date(1998, 6, 30), date(1998, 8, 12), text, schedules
        )
    }
