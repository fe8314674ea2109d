"""A 52/53-week retailer's submissions for benchmarks/make_fds_fixtures.py (layout class c)."""

from __future__ import annotations

from datetime import date

from benchmarks.fds_article5 import ART5, ZEROS, balance_5, cash_5, income_5, ordered
from benchmarks.fds_layout import LEGEND, Filer, Schedule, Table, body, centre, prior, submission, tagged

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
    schedules.append(prior("5", legend, "9-MOS", date(1998, 12, 26), date(1997, 12, 28), date(1998, 9, 26),
                           tagged(income, 3) | dict(ZEROS)))
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
