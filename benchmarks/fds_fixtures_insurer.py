"""The insurance (article 7) submission of benchmarks/make_fds_fixtures.py."""

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


def granite() -> dict[str, str]:
    """Article 7: a property-casualty insurer's 10-K for 1998, the years under "December 31,"."""
    filer = Filer("GRANITE CASUALTY GROUP INC", "0000990404", "6331", "NH", "1231", "CONCORD")
    afs, htm, equities, mortgage, realty = (
        (412300, 388150),
        (51880, 54300),
        (38900, 33450),
        (12100, 13400),
        (4200, 4350),
    )
    invest = add(afs, htm, equities, mortgage, realty)
    cash, premiums_due, recoverable, dac, other = (
        (9870, 8640),
        (41220, 39980),
        (27450, 25310),
        (18760, 17920),
        (11300, 10720),
    )
    assets = add(invest, cash, premiums_due, recoverable, dac, other)
    reserves, unearned, notes, other_liab = (296400, 281900), (88240, 84110), (25000, 25000), (17650, 16230)
    liabilities = add(reserves, unearned, notes, other_liab)
    common, apic, unrealized = (1000, 1000), (48500, 48500), (9870, 6310)
    equity = add(assets, neg(liabilities))
    retained = add(equity, neg(common), neg(apic), neg(unrealized))
    balance = (
        ("h", "ASSETS"),
        ("h", "Investments:"),
        ("i", "  Fixed maturities available for sale, at fair value", afs, ["DEBT-HELD-FOR-SALE"]),
        ("i", "  Fixed maturities held to maturity, at amortized cost", htm, ["DEBT-CARRYING-VALUE"]),
        ("i", "  Equity securities, at fair value", equities, ["EQUITIES"]),
        ("i", "  Mortgage loans", mortgage, ["MORTGAGE"]),
        ("i", "  Real estate", realty, ["REAL-ESTATE"]),
        ("t", "    Total investments", invest, ["TOTAL-INVEST"]),
        ("i", "Cash", cash, ["CASH"]),
        ("i", "Premiums receivable", premiums_due, []),
        ("i", "Reinsurance recoverables", recoverable, ["RECOVER-REINSURE"]),
        ("i", "Deferred policy acquisition costs", dac, ["DEFERRED-ACQUISITION"]),
        ("i", "Other assets", other, []),
        ("T", "    Total assets", assets, ["TOTAL-ASSETS"]),
        ("h", "LIABILITIES AND SHAREHOLDERS' EQUITY"),
        ("i", "Reserve for losses and loss adjustment expenses", reserves, ["POLICY-LOSSES"]),
        ("i", "Unearned premiums", unearned, ["UNEARNED-PREMIUMS"]),
        ("i", "Notes payable", notes, ["NOTES-PAYABLE"]),
        ("i", "Other liabilities", other_liab, []),
        ("t", "    Total liabilities", liabilities, []),
        ("h", "Shareholders' equity:"),
        ("i", "  Common stock, $.10 par value", common, []),
        ("i", "  Additional paid-in capital", apic, []),
        ("i", "  Net unrealized gains on investments", unrealized, []),
        ("i", "  Retained earnings", retained, []),
        ("t", "    Total shareholders' equity", equity, []),
        ("T", "    Total liabilities and shareholders' equity", assets, ["TOTAL-LIABILITY-AND-EQUITY"]),
    )
    earned, investment, gains, other_income = (172600, 165300), (29870, 28410), (2340, 1870), (1120, 980)
    revenues = add(earned, investment, gains, other_income)
    losses, amortization, underwriting, interest = (
        (118450, 114920),
        (36240, 34710),
        (19870, 18940),
        (1875, 1875),
    )
    expenses = add(losses, amortization, underwriting, interest)
    pretax = add(revenues, neg(expenses))
    tax = (8190, 7350)
    net = add(pretax, neg(tax))
    income = (
        ("h", "Revenues:"),
        ("i", "  Premiums earned", earned, ["PREMIUMS"]),
        ("i", "  Net investment income", investment, ["INVESTMENT-INCOME"]),
        ("i", "  Realized investment gains", gains, ["INVESTMENT-GAINS"]),
        ("i", "  Other income", other_income, ["OTHER-INCOME"]),
        ("t", "    Total revenues", revenues, []),
        ("h", "Expenses:"),
        ("i", "  Losses and loss adjustment expenses", losses, ["BENEFITS"]),
        (
            "i",
            "  Amortization of deferred policy acquisition costs",
            amortization,
            ["UNDERWRITING-AMORTIZATION"],
        ),
        ("i", "  Other underwriting expenses", underwriting, ["UNDERWRITING-OTHER"]),
        ("i", "  Interest expense", interest, []),
        ("t", "    Total expenses", expenses, []),
        ("t", "Income before income taxes", pretax, ["INCOME-PRETAX"]),
        ("i", "Income taxes", tax, ["INCOME-TAX"]),
        ("T", "Net income", net, ["INCOME-CONTINUING", "NET-INCOME"]),
        ("e", "Net income per share:  Basic", tuple(eps(n, 10000) for n in net), ["EPS-PRIMARY"]),
        ("e", "                       Diluted", tuple(eps(n, 10150) for n in net), ["EPS-DILUTED"]),
    )
    purchases, dividends = (-41230, -38870), (-3000, -2800)
    operating = add(add(cash, neg((8640, 7120))), neg(purchases), neg(dividends))
    cash_flow = (
        ("i", "Net cash provided by operating activities", operating, []),
        ("i", "Net purchases of investments", purchases, []),
        ("i", "Dividends paid to shareholders", dividends, []),
        ("t", "Increase in cash", add(cash, neg((8640, 7120))), []),
        ("i", "Cash at beginning of year", (8640, 7120), []),
        ("T", "Cash at end of year", cash, []),
    )
    years = (centre(["December 31,"], 2, span=2), centre(["1998", "1997"], 2))
    income_years = (centre(["Years Ended December 31,"], 2, span=2), centre(["1998", "1997"], 2))
    tables = [
        Table(
            ("GRANITE CASUALTY GROUP, INC.", "CONSOLIDATED BALANCE SHEETS", "(Dollars in thousands)"),
            years,
            balance,
            2,
        ),
        Table(
            (
                "GRANITE CASUALTY GROUP, INC.",
                "CONSOLIDATED STATEMENTS OF INCOME",
                "(Dollars in thousands, except per share data)",
            ),
            income_years,
            income,
            2,
        ),
        Table(
            (
                "GRANITE CASUALTY GROUP, INC.",
                "CONSOLIDATED STATEMENTS OF CASH FLOWS",
                "(Dollars in thousands)",
            ),
            income_years,
            cash_flow,
            2,
        ),
    ]
    found = tagged(balance, 0) | tagged(income, 0)
    extra = {
        "DEBT-MARKET-VALUE": 52410,
        "POLICY-OTHER": 0,
        "POLICY-HOLDER-FUNDS": 0,
        "PREFERRED-MANDATORY": 0,
        "PREFERRED": 0,
        "COMMON": 1000,
        "OTHER-SE": equity[0] - 1000,
        "DISCONTINUED": 0,
        "EXTRAORDINARY": 0,
        "CHANGES": 0,
        "RESERVE-OPEN": 281900,
        "PROVISION-CURRENT": 121300,
        "PROVISION-PRIOR": -2850,
        "PAYMENTS-CURRENT": 52400,
        "PAYMENTS-PRIOR": 51550,
        "RESERVE-CLOSE": 296400,
        "CUMULATIVE-DEFICIENCY": -2850,
    }
    legend = LEGEND.format(what="CONSOLIDATED FINANCIAL STATEMENTS OF GRANITE CASUALTY GROUP INC")
    schedules = [
        Schedule(
            "EX-27",
            "ART 7 FDS FOR 10-K",
            "7",
            legend,
            "YEAR",
            date(1998, 12, 31),
            date(1998, 1, 1),
            date(1998, 12, 31),
            tuple((found | extra).items()),
        )
    ]
    prior_year = tagged(balance, 1) | tagged(income, 1)  # the 1997 columns: both balance sheets are printed
    schedules.append(Schedule("EX-27.1", "ART 7 RESTATED FDS FOR 1997", "7", legend, "YEAR",
                              date(1997, 12, 31), date(1997, 1, 1), date(1997, 12, 31),
                              tuple(prior_year.items()), restated=True))
    text = body(filer, "10-K", "ANNUAL REPORT FOR THE FISCAL YEAR ENDED DECEMBER 31, 1998", tables)
    return {
        "art7-insurer-10k.txt": submission(
            filer, "0000990404-99-000002", "10-K", date(1998, 12, 31), date(1999, 3, 26), text, schedules
        )
    }
