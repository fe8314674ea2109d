"""The bank (article 9) submission of benchmarks/make_fds_fixtures.py."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

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
    prior,
    submission,
    tagged,
)


def farmers() -> dict[str, str]:
    """Article 9: a bank holding company's 10-Q for the nine months ended September 30, 1998, with
    "THREE MONTHS ENDED / NINE MONTHS ENDED" spanning four columns and "SEPTEMBER 30," on the next line."""
    filer = Filer("FARMERS TRUST BANCORP", "0000990505", "6022", "IA", "1231", "DES MOINES")
    due, bearing, fed, afs, htm = (18430, 21120), (2150, 1870), (9500, 4200), (98760, 91340), (24310, 26880)
    loans, allowance, premises, other = (312450, 298710), (4120, 3960), (8740, 8910), (6210, 5870)
    net_loans = add(loans, neg(allowance))
    assets = add(due, bearing, fed, afs, htm, net_loans, premises, other)
    non_bearing, bearing_dep = (52310, 55480), (349870, 333120)
    deposits = add(non_bearing, bearing_dep)
    short, other_liab, long_term = (12400, 9850), (3650, 3410), (15000, 15000)
    liabilities = add(deposits, short, other_liab, long_term)
    common, surplus = (5000, 5000), (12500, 12500)
    equity = add(assets, neg(liabilities))
    retained = add(equity, neg(common), neg(surplus))
    balance = (
        ("h", "ASSETS"),
        ("i", "Cash and due from banks", due, ["CASH"]),
        ("i", "Interest-bearing deposits in other banks", bearing, ["INT-BEARING-DEPOSITS"]),
        ("i", "Federal funds sold", fed, ["FED-FUNDS-SOLD"]),
        ("i", "Securities available for sale", afs, ["INVESTMENTS-HELD-FOR-SALE"]),
        ("i", "Securities held to maturity", htm, ["INVESTMENTS-CARRYING"]),
        ("i", "Loans", loans, ["LOANS"]),
        ("i", "  Less allowance for loan losses", neg(allowance), ["-ALLOWANCE"]),
        ("t", "    Net loans", net_loans, []),
        ("i", "Premises and equipment, net", premises, []),
        ("i", "Other assets", other, []),
        ("T", "    Total assets", assets, ["TOTAL-ASSETS"]),
        ("h", "LIABILITIES AND SHAREHOLDERS' EQUITY"),
        ("h", "Deposits:"),
        ("i", "  Noninterest-bearing", non_bearing, []),
        ("i", "  Interest-bearing", bearing_dep, []),
        ("t", "    Total deposits", deposits, ["DEPOSITS"]),
        ("i", "Short-term borrowings", short, ["SHORT-TERM"]),
        ("i", "Other liabilities", other_liab, ["LIABILITIES-OTHER"]),
        ("i", "Long-term debt", long_term, ["LONG-TERM"]),
        ("t", "    Total liabilities", liabilities, []),
        ("h", "Shareholders' equity:"),
        ("i", "  Common stock, $1 par value", common, []),
        ("i", "  Surplus", surplus, []),
        ("i", "  Retained earnings", retained, []),
        ("t", "    Total shareholders' equity", equity, []),
        ("T", "    Total liabilities and shareholders' equity", assets, ["TOTAL-LIABILITIES-AND-EQUITY"]),
    )
    loan_int, sec_int, fed_int = (6870, 6540, 20310, 19280), (1940, 1860, 5720, 5510), (110, 70, 290, 240)
    total_int = add(loan_int, sec_int, fed_int)
    dep_int, borrow_int = (3610, 3480, 10690, 10270), (410, 380, 1190, 1120)
    total_exp = add(dep_int, borrow_int)
    net_int = add(total_int, neg(total_exp))
    provision = (240, 210, 690, 620)
    after = add(net_int, neg(provision))
    charges, sec_gains, other_inc = (620, 590, 1830, 1740), (40, 15, 110, 60), (310, 290, 940, 880)
    non_int = add(charges, sec_gains, other_inc)
    salaries, occupancy, other_exp = (1930, 1860, 5740, 5520), (420, 410, 1260, 1230), (880, 850, 2610, 2540)
    non_exp = add(salaries, occupancy, other_exp)
    pretax = add(after, non_int, neg(non_exp))
    tax = (980, 910, 2870, 2660)
    net = add(pretax, neg(tax))
    income = (
        ("h", "Interest income:"),
        ("i", "  Loans, including fees", loan_int, ["INTEREST-LOAN"]),
        ("i", "  Securities", sec_int, ["INTEREST-INVEST"]),
        ("i", "  Federal funds sold", fed_int, ["INTEREST-OTHER"]),
        ("t", "    Total interest income", total_int, ["INTEREST-TOTAL"]),
        ("h", "Interest expense:"),
        ("i", "  Deposits", dep_int, ["INTEREST-DEPOSIT"]),
        ("i", "  Borrowings", borrow_int, []),
        ("t", "    Total interest expense", total_exp, ["INTEREST-EXPENSE"]),
        ("t", "Net interest income", net_int, ["INTEREST-INCOME-NET"]),
        ("i", "Provision for loan losses", provision, ["LOAN-LOSSES"]),
        ("t", "Net interest income after provision for loan losses", after, []),
        ("h", "Noninterest income:"),
        ("i", "  Service charges on deposit accounts", charges, []),
        ("i", "  Securities gains", sec_gains, ["SECURITIES-GAINS"]),
        ("i", "  Other", other_inc, []),
        ("t", "    Total noninterest income", non_int, []),
        ("h", "Noninterest expense:"),
        ("i", "  Salaries and employee benefits", salaries, []),
        ("i", "  Occupancy", occupancy, []),
        ("i", "  Other", other_exp, []),
        ("t", "    Total noninterest expense", non_exp, ["EXPENSE-OTHER"]),
        ("t", "Income before income taxes", pretax, ["INCOME-PRETAX", "INCOME-PRE-EXTRAORDINARY"]),
        ("i", "Income taxes", tax, []),
        ("T", "Net income", net, ["NET-INCOME"]),
        ("e", "Earnings per share:  Basic", tuple(eps(n, 5000) for n in net), ["EPS-PRIMARY"]),
        ("e", "                     Diluted", tuple(eps(n, 5060) for n in net), ["EPS-DILUTED"]),
    )
    nine_net = net[2:]
    loans_growth, securities, deposits_change, dividends = (
        (-13740, -9320),
        (-4850, 2110),
        (13580, 9960),
        (-1650, -1500),
    )
    change = (18430 - 21120, 19870 - 18210)
    operating = add(change, neg(loans_growth), neg(securities), neg(deposits_change), neg(dividends))
    cash_flow = (
        ("i", "Net income", nine_net, []),
        ("i", "Other operating adjustments", add(operating, neg(nine_net)), []),
        ("t", "Net cash provided by operating activities", operating, []),
        ("i", "Net increase in loans", loans_growth, []),
        ("i", "Net (purchases) maturities of securities", securities, []),
        ("i", "Net increase in deposits", deposits_change, []),
        ("i", "Cash dividends paid", dividends, []),
        ("t", "Net (decrease) increase in cash and due from banks", change, []),
        ("i", "Cash and due from banks at beginning of period", (21120, 18210), []),
        ("T", "Cash and due from banks at end of period", (18430, 19870), []),
    )
    spanning = (
        centre(["THREE MONTHS ENDED", "NINE MONTHS ENDED"], 4, span=2),
        centre(["SEPTEMBER 30,", "SEPTEMBER 30,"], 4, span=2),
        centre(["1998", "1997"] * 2, 4),
    )
    tables = [
        Table(
            ("FARMERS TRUST BANCORP", "CONSOLIDATED BALANCE SHEETS", "(In thousands)"),
            (centre(["September 30,", "December 31,"], 2), centre(["1998", "1997"], 2)),
            balance,
            2,
        ),
        Table(
            (
                "FARMERS TRUST BANCORP",
                "CONSOLIDATED STATEMENTS OF INCOME (UNAUDITED)",
                "(In thousands, except per share data)",
            ),
            spanning,
            income,
            4,
        ),
        Table(
            ("FARMERS TRUST BANCORP", "CONSOLIDATED STATEMENTS OF CASH FLOWS (UNAUDITED)", "(In thousands)"),
            (centre(["NINE MONTHS ENDED SEPTEMBER 30,"], 2, span=2), centre(["1998", "1997"], 2)),
            cash_flow,
            2,
        ),
    ]
    found = tagged(balance, 0) | tagged(income, 2)
    extra = {
        "TRADING-ASSETS": 0,
        "INVESTMENTS-MARKET": 24870,
        "PREFERRED-MANDATORY": 0,
        "PREFERRED": 0,
        "COMMON": 5000,
        "OTHER-SE": equity[0] - 5000,
        "EXTRAORDINARY": 0,
        "CHANGES": 0,
        "YIELD-ACTUAL": Decimal("4.31"),
        "LOANS-NON": 1230,
        "LOANS-PAST": 640,
        "LOANS-TROUBLED": 0,
        "LOANS-PROBLEM": 0,
        "ALLOWANCE-OPEN": 3960,
        "CHARGE-OFFS": 610,
        "RECOVERIES": 80,
        "ALLOWANCE-CLOSE": 4120,
        "ALLOWANCE-DOMESTIC": 4120,
        "ALLOWANCE-FOREIGN": 0,
        "ALLOWANCE-UNALLOCATED": 0,
    }
    legend = LEGEND.format(what="CONSOLIDATED FINANCIAL STATEMENTS OF FARMERS TRUST BANCORP")
    schedules = [
        Schedule(
            "EX-27",
            "ART 9 FDS FOR 10-Q",
            "9",
            legend,
            "9-MOS",
            date(1998, 12, 31),
            date(1998, 1, 1),
            date(1998, 9, 30),
            tuple((found | extra).items()),
        )
    ]
    schedules.append(prior("9", legend, "9-MOS", date(1997, 12, 31), date(1997, 1, 1), date(1997, 9, 30),
                           tagged(income, 3)))
    text = body(filer, "10-Q", "QUARTERLY REPORT FOR THE QUARTER ENDED SEPTEMBER 30, 1998", tables)
    return {
        "art9-bank-nine-months-10q.txt": submission(
            filer, "0000990505-98-000014", "10-Q", date(1998, 9, 30), date(1998, 11, 13), text, schedules
        )
    }
