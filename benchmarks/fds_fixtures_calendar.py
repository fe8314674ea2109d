"""The issue's own failing layouts, for benchmarks/make_fds_fixtures.py: a 53-week year dated only in
the caption ("September 30, 1994 and September 24, 1993" over `1994  1993`), and the six-month and
December quarters of a fiscal year that ends on the last Saturday of September while the SEC header
says 0930."""

from __future__ import annotations

from datetime import date

from benchmarks.fds_article5 import ART5, ZEROS, balance_5, cash_5, income_5, ordered
from benchmarks.fds_layout import LEGEND, Filer, Schedule, Table, body, centre, prior, submission, tagged

LAKESHORE = Filer("LAKESHORE ELECTRONICS CORP", "0000990606", "3672", "MI", "0930", "GRAND RAPIDS")
PACIFIC_NAME = "PACIFIC MICRODEVICES, INC."
PACIFIC = Filer("PACIFIC MICRODEVICES INC", "0000990707", "3674", "CA", "0930", "SAN JOSE")
BALANCE = ("cash", "receivables", "inventory", "prepaid", "ppe", "depreciation", "other_assets", "payables",
           "accrued", "current_debt", "bonds", "deferred_taxes", "common", "apic")
INCOME = ("sales", "cgs", "sga", "interest", "tax")
FLOWS = ("dep_expense", "capex", "repayments", "dividends", "cash_begin")


def _amounts(names: tuple[str, ...], *columns: tuple[int, ...]) -> dict[str, tuple[int, ...]]:
    """Base amounts given column by column (one tuple per column, in `names` order)."""
    return dict(zip(names, zip(*columns, strict=True), strict=True))


def lakeshore() -> dict[str, str]:
    """(a)+(c) the 53-week fiscal 1994 (September 25, 1993 – September 30, 1994, years ending on the
    last Friday of September), its dates only in the captions; an EX-27.1 for the 52-week 1993."""
    c = _amounts(BALANCE,
                 (5840, 12230, 15410, 980, 46200, 21870, 1460, 7320, 4110, 1000, 9000, 1210, 3000, 8400),
                 (4920, 11380, 14870, 910, 43100, 19330, 1520, 6880, 3970, 1000, 10000, 1150, 3000, 8400))
    c |= _amounts(INCOME, (78420, 55360, 15120, 910, 2560), (70310, 50120, 14250, 1010, 1830))
    flows = _amounts(FLOWS, (2840, 3100, 1000, 600, 4920), (2610, 2750, 1000, 600, 5210))
    balance = balance_5(c)
    income, net = income_5(c, (3000, 3000))
    cash_flow = cash_5(flows, net, c["cash"])
    years = (centre(["1994", "1993"], 2), centre(["----", "----"], 2))
    years_caption = "For the Fiscal Years Ended September 30, 1994 and September 24, 1993"
    tables = [
        Table(("LAKESHORE ELECTRONICS CORPORATION", "CONSOLIDATED BALANCE SHEETS",
               "September 30, 1994 and September 24, 1993", "(In thousands)"), years, balance, 2),
        Table(("LAKESHORE ELECTRONICS CORPORATION", "CONSOLIDATED STATEMENTS OF EARNINGS", years_caption,
               "(In thousands, except per share amounts)"), years, income, 2),
        Table(("LAKESHORE ELECTRONICS CORPORATION", "CONSOLIDATED STATEMENTS OF CASH FLOWS", years_caption,
               "(In thousands)"), years, cash_flow, 2),
    ]
    legend = LEGEND.format(what="CONSOLIDATED FINANCIAL STATEMENTS OF LAKESHORE ELECTRONICS CORP")
    schedules = []
    for column, (document, start, end) in enumerate((("EX-27", date(1993, 9, 25), date(1994, 9, 30)),
                                                     ("EX-27.1", date(1992, 9, 26), date(1993, 9, 24)))):
        found = tagged(balance, column) | tagged(income, column)
        found["EPS-PRIMARY"] = found.pop("EPS-BASIC")
        extra = {"SECURITIES": 0, "ALLOWANCES": 0, "COMMON": 11400, "LOSS-PROVISION": 0} | dict(ZEROS)
        description = "FINANCIAL DATA SCHEDULE" + (" (RESTATED)" if column else "")
        values = ordered(found, extra, ART5)
        schedules.append(Schedule(document, description, "5", legend, "YEAR", end, start, end, values,
                                  restated=bool(column)))
    text = body(LAKESHORE, "10-K", "ANNUAL REPORT FOR THE FISCAL YEAR ENDED SEPTEMBER 30, 1994", tables)
    return {"art5-53week-caption-10k.txt": submission(LAKESHORE, "0000990606-94-000012", "10-K",
                                                      date(1994, 9, 30), date(1994, 12, 22), text, schedules)}


def pacific_half() -> dict[str, str]:
    """(b)+(c) the second quarter of fiscal 1998 (September 28, 1997 – March 28, 1998): THREE MONTHS
    ENDED / SIX MONTHS ENDED over "March 28, / March 29," and the years; the header says 0930."""
    c = _amounts(BALANCE,
                 (21450, 18730, 12680, 1540, 58300, 24160, 2210, 9870, 6320, 0, 0, 2140, 120, 41200),
                 (19820, 17210, 11940, 1380, 54100, 21640, 2340, 9110, 5980, 0, 0, 2010, 120, 41200))
    q = _amounts(INCOME, (31240, 19870, 6980, 0, 1610), (27630, 17950, 6410, 0, 1190),
                 (60170, 38420, 13790, 0, 2990), (53480, 34760, 12510, 0, 2270))
    flows = _amounts(FLOWS, (2520, 4200, 0, 0, 19820), (2290, 3860, 0, 0, 15340))
    balance = balance_5(c)
    income, net = income_5(q, (12000,) * 4)
    cash_flow = cash_5(flows, net[2:], (21450, 17180))
    spanning = (centre(["THREE MONTHS ENDED", "SIX MONTHS ENDED"], 4, span=2),
                centre(["March 28,", "March 29,"] * 2, 4), centre(["1998", "1997"] * 2, 4))
    tables = [
        Table((PACIFIC_NAME, "CONDENSED CONSOLIDATED BALANCE SHEETS", "(In thousands)"),
              (centre(["March 28,", "September 27,"], 2), centre(["1998", "1997"], 2)), balance, 2),
        Table((PACIFIC_NAME, "CONDENSED CONSOLIDATED STATEMENTS OF INCOME",
               "(In thousands, except per share amounts)"), spanning, income, 4),
        Table((PACIFIC_NAME, "CONDENSED CONSOLIDATED STATEMENTS OF CASH FLOWS", "(In thousands)"),
              (centre(["SIX MONTHS ENDED"], 2, span=2), centre(["March 28,", "March 29,"], 2),
               centre(["1998", "1997"], 2)), cash_flow, 2),
    ]
    found = tagged(balance, 0) | tagged(income, 2)
    extra = {"SECURITIES": 0, "ALLOWANCES": 310, "COMMON": 41320, "LOSS-PROVISION": 0} | dict(ZEROS)
    legend = LEGEND.format(what="CONDENSED CONSOLIDATED FINANCIAL STATEMENTS OF PACIFIC MICRODEVICES INC")
    schedules = [Schedule("EX-27", "FINANCIAL DATA SCHEDULE", "5", legend, "6-MOS", date(1998, 9, 26),
                          date(1997, 9, 28), date(1998, 3, 28), ordered(found, extra, ART5))]
    schedules.append(prior("5", legend, "6-MOS", date(1997, 9, 27), date(1996, 9, 29), date(1997, 3, 29),
                           tagged(income, 3) | dict(ZEROS)))
    text = body(PACIFIC, "10-Q", "QUARTERLY REPORT FOR THE QUARTER ENDED MARCH 28, 1998", tables)
    return {"art5-52week-half-10q.txt": submission(PACIFIC, "0000990707-98-000007", "10-Q", date(1998, 3, 28),
                                                   date(1998, 5, 8), text, schedules)}


def pacific_december() -> dict[str, str]:
    """(c) the first quarter of fiscal 1999, ended December 26, 1998 (September 27 – December 26)."""
    c = _amounts(BALANCE,
                 (24310, 19640, 13120, 1610, 63900, 28110, 2080, 10230, 6610, 0, 0, 2260, 120, 41200),
                 (23170, 19220, 12860, 1570, 61800, 26770, 2110, 10040, 6480, 0, 0, 2220, 120, 41200))
    q = _amounts(INCOME, (32810, 20960, 7230, 0, 1680), (28930, 18450, 6810, 0, 1410))
    flows = _amounts(FLOWS, (1340, 2100, 0, 0, 23170), (1260, 1940, 0, 0, 20110))
    balance = balance_5(c)
    income, net = income_5(q, (12000, 12000))
    cash_flow = cash_5(flows, net, (24310, 21650))
    quarter = (centre(["THREE MONTHS ENDED"], 2, span=2), centre(["December 26,", "December 27,"], 2),
               centre(["1998", "1997"], 2))
    tables = [
        Table((PACIFIC_NAME, "CONDENSED CONSOLIDATED BALANCE SHEETS", "(In thousands)"),
              (centre(["December 26,", "September 26,"], 2), centre(["1998", "1998"], 2)), balance, 2),
        Table((PACIFIC_NAME, "CONDENSED CONSOLIDATED STATEMENTS OF INCOME",
               "(In thousands, except per share amounts)"), quarter, income, 2),
        Table((PACIFIC_NAME, "CONDENSED CONSOLIDATED STATEMENTS OF CASH FLOWS", "(In thousands)"),
              quarter, cash_flow, 2),
    ]
    found = tagged(balance, 0) | tagged(income, 0)
    extra = {"SECURITIES": 0, "ALLOWANCES": 320, "COMMON": 41320, "LOSS-PROVISION": 0} | dict(ZEROS)
    legend = LEGEND.format(what="CONDENSED CONSOLIDATED FINANCIAL STATEMENTS OF PACIFIC MICRODEVICES INC")
    schedules = [Schedule("EX-27", "FINANCIAL DATA SCHEDULE", "5", legend, "3-MOS", date(1999, 9, 25),
                          date(1998, 9, 27), date(1998, 12, 26), ordered(found, extra, ART5))]
    schedules.append(prior("5", legend, "3-MOS", date(1998, 9, 26), date(1997, 9, 28), date(1997, 12, 27),
                           tagged(income, 1) | dict(ZEROS)))
    text = body(PACIFIC, "10-Q", "QUARTERLY REPORT FOR THE QUARTER ENDED DECEMBER 26, 1998", tables)
    return {"art5-52week-december-10q.txt": submission(PACIFIC, "0000990707-99-000002", "10-Q",
                                                       date(1998, 12, 26), date(1999, 2, 9), text, schedules)}
