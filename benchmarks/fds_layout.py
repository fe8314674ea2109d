"""Text rendering for benchmarks/make_fds_fixtures.py: 1990s EDGAR statements in `<TABLE>` blocks,
the SEC header of a full submission and its EX-27 schedule, from rows whose numbers are given once
(so the schedule agrees with the statements by construction).

A row is one of:
    ("h", label)                    a heading, no amounts
    ("i", label, values, tags)      an item
    ("t", label, values, tags)      a total under a single rule
    ("T", label, values, tags)      a grand total between a single and a double rule
    ("u", values, tags)             a total under a rule with no label (an unlabeled subtotal)
    ("e", label, values, tags)      a per-share amount (Decimal, two places)
`values` are as printed (a negative prints in parentheses); `tags` names EX-27 tags the row's
amounts give ("-DEPRECIATION": the tag takes the amount negated).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

LABEL = 56
CELL = 16
Row = tuple


@dataclass(frozen=True)
class Table:
    titles: tuple[str, ...]  # lines above <TABLE>: company, statement title, caption dates, scale note
    header: tuple[str, ...]  # lines inside <CAPTION>, already laid out over the columns
    rows: tuple[Row, ...]
    columns: int


def amount(value: int | Decimal, dollar: bool = False) -> str:
    if isinstance(value, Decimal):
        text = f"{abs(value):,.2f}"
    else:
        text = f"{abs(value):,}"
    text = f"({text})" if value < 0 else f"{text} "
    return ("$ " if dollar else "") + text


def _cells(values: tuple, dollar: bool) -> str:
    return "".join(f"{amount(v, dollar):>{CELL}}" for v in values)


def _rule(columns: int, char: str = "-") -> str:
    return " " * LABEL + ("  " + char * (CELL - 3) + " ") * columns


def centre(words: list[str], columns: int, span: int = 1) -> str:
    """Words centred over the columns (each word over `span` columns), two spaces apart at least."""
    too_wide = [w for w in words if len(w) > CELL * span - (2 if span == 1 else 1)]
    if too_wide or len(words) * span != columns:
        raise ValueError(f"header words {words} do not fit {columns} columns of {CELL} characters")
    return " " * LABEL + "".join(f"{w:^{CELL * span}}" for w in words)


def render(table: Table) -> str:
    lines = [f"{t:^{LABEL + CELL * table.columns}}".rstrip() for t in table.titles]
    lines += [
        "",
        "<TABLE>",
        "<CAPTION>",
        *table.header,
        "<S>" + " " * (LABEL - 3) + "".join(f"{'<C>':>{CELL}}" for _ in range(table.columns)),
    ]
    first = True
    for row in table.rows:
        kind = row[0]
        if kind == "h":
            lines.append(row[1])
            continue
        if kind == "u":
            lines += [_rule(table.columns), " " * LABEL + _cells(row[1], False)]
            continue
        label, values = row[1], row[2]
        if kind in ("t", "T"):
            lines.append(_rule(table.columns))
        dollar = first or kind in ("T", "e")
        lines.append(f"{label:<{LABEL}}" + _cells(values, dollar))
        first = False
        if kind == "T":
            lines.append(_rule(table.columns, "="))
    lines.append("</TABLE>")
    return "\n".join(line.rstrip() for line in lines) + "\n"


def tagged(rows: tuple[Row, ...], column: int) -> dict[str, int | Decimal]:
    """EX-27 tag -> the amount of `column` of the rows that name it."""
    found: dict[str, int | Decimal] = {}
    for row in rows:
        if row[0] == "h":
            continue
        values, tags = (row[1], row[2]) if row[0] == "u" else (row[2], row[3])
        for tag in tags:
            found[tag.lstrip("-")] = -values[column] if tag.startswith("-") else values[column]
    return found


def fds_date(day: date) -> str:
    return day.strftime("%b-%d-%Y").upper()


@dataclass(frozen=True)
class Schedule:
    document_type: str  # EX-27, EX-27.1
    description: str
    article: str
    legend: str
    period_type: str
    fiscal_year_end: date
    start: date
    end: date
    values: tuple[tuple[str, int | Decimal], ...]  # in schedule order
    multiplier: str = "1,000"
    restated: bool = False


def schedule(s: Schedule, sequence: int) -> str:
    lines = [
        "<DOCUMENT>",
        f"<TYPE>{s.document_type}",
        f"<SEQUENCE>{sequence}",
        f"<DESCRIPTION>{s.description}",
        "<TEXT>",
        f"<ARTICLE> {s.article}",
        "<LEGEND>",
        s.legend,
        "</LEGEND>",
        *(["<RESTATED>"] if s.restated else []),
        f"<MULTIPLIER> {s.multiplier}",
        "",
        "<S>" + " " * 29 + "<C>",
    ]
    head = [
        ("PERIOD-TYPE", s.period_type),
        ("FISCAL-YEAR-END", fds_date(s.fiscal_year_end)),
        ("PERIOD-START", fds_date(s.start)),
        ("PERIOD-END", fds_date(s.end)),
    ]
    for tag, value in head:
        lines.append(f"{'<' + tag + '>':<32}{value:>24}")
    for tag, value in s.values:
        text = f"{value:.2f}".replace("0.", ".", 1) if isinstance(value, Decimal) else f"{value:,}"
        if value < 0:
            text = "(" + text.lstrip("-") + ")"
        lines.append(f"{'<' + tag + '>':<32}{text:>24}")
    lines += ["</TABLE>", "</TEXT>", "</DOCUMENT>"]
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class Filer:
    name: str  # conformed name, upper case
    cik: str
    sic: str
    state: str
    fiscal_year_end: str  # MMDD
    city: str


def submission(
    filer: Filer, accession: str, form: str, period: date, filed: date, body: str, schedules: list[Schedule]
) -> str:
    header = f"""\
<SEC-DOCUMENT>{accession}.txt : {filed:%Y%m%d}
<SEC-HEADER>{accession}.hdr.sgml : {filed:%Y%m%d}
ACCESSION NUMBER:\t\t{accession}
CONFORMED SUBMISSION TYPE:\t{form}
PUBLIC DOCUMENT COUNT:\t\t{1 + len(schedules)}
CONFORMED PERIOD OF REPORT:\t{period:%Y%m%d}
FILED AS OF DATE:\t\t{filed:%Y%m%d}

FILER:

\tCOMPANY DATA:\t
\t\tCOMPANY CONFORMED NAME:\t\t\t{filer.name}
\t\tCENTRAL INDEX KEY:\t\t\t{filer.cik}
\t\tSTANDARD INDUSTRIAL CLASSIFICATION:\t{filer.sic}
\t\tSTATE OF INCORPORATION:\t\t\t{filer.state}
\t\tFISCAL YEAR END:\t\t\t{filer.fiscal_year_end}

\tFILING VALUES:
\t\tFORM TYPE:\t\t{form}
\t\tSEC ACT:\t\t
\t\tSEC FILE NUMBER:\t0-{int(filer.cik) % 100000:05d}

\tBUSINESS ADDRESS:\t
\t\tCITY:\t\t\t{filer.city}
</SEC-HEADER>
<DOCUMENT>
<TYPE>{form}
<SEQUENCE>1
<TEXT>
"""
    return (
        header
        + body
        + "</TEXT>\n</DOCUMENT>\n"
        + "".join(schedule(s, number) for number, s in enumerate(schedules, start=2))
        + "</SEC-DOCUMENT>\n"
    )


LEGEND = (
    "THIS SCHEDULE CONTAINS SUMMARY FINANCIAL INFORMATION EXTRACTED FROM THE {what} AND IS\n"
    "QUALIFIED IN ITS ENTIRETY BY REFERENCE TO SUCH FINANCIAL STATEMENTS."
)


def eps(income: int, shares: int) -> Decimal:
    return (Decimal(income) / shares).quantize(Decimal("0.01"), ROUND_HALF_UP)


def add(*columns: tuple[int, ...]) -> tuple[int, ...]:
    return tuple(sum(values) for values in zip(*columns))


def neg(values: tuple[int, ...]) -> tuple[int, ...]:
    return tuple(-v for v in values)


def body(filer: Filer, form: str, intro: str, tables: list[Table]) -> str:
    """The main document's text: a cover line, then the statements a page each."""
    return (
        f"{'SECURITIES AND EXCHANGE COMMISSION':^78}\n{'Washington, D.C. 20549':^78}\n\n"
        f"{'FORM ' + form:^78}\n\n"
        f"{filer.name.title()}\n\n{intro}\n\nPART I.  FINANCIAL INFORMATION\n\n"
        + "\n<PAGE>\n\n".join(render(t) for t in tables)
        + "\nSee notes to financial statements.\n"
    )


def prior(article: str, legend: str, period_type: str, fiscal_year_end: date, start: date, end: date,
          values: dict[str, int | Decimal]) -> Schedule:
    """An EX-27.1 restating the comparative period's income-statement values (the balance sheet of
    that date is not in the filing, so its tags are left out)."""
    income = tuple((tag, value) for tag, value in values.items() if tag not in BALANCE_TAGS)
    description = "RESTATED FINANCIAL DATA SCHEDULE FOR THE PRIOR PERIOD"
    return Schedule("EX-27.1", description, article, legend, period_type, fiscal_year_end, start, end, income,
                    restated=True)


BALANCE_TAGS = frozenset({
    "CASH", "SECURITIES", "RECEIVABLES", "ALLOWANCES", "INVENTORY", "CURRENT-ASSETS", "PP&E", "DEPRECIATION",
    "TOTAL-ASSETS", "CURRENT-LIABILITIES", "BONDS", "PREFERRED-MANDATORY", "PREFERRED", "COMMON", "OTHER-SE",
    "TOTAL-LIABILITY-AND-EQUITY", "TOTAL-LIABILITIES-AND-EQUITY", "INT-BEARING-DEPOSITS", "FED-FUNDS-SOLD",
    "TRADING-ASSETS", "INVESTMENTS-HELD-FOR-SALE", "INVESTMENTS-CARRYING", "INVESTMENTS-MARKET", "LOANS",
    "ALLOWANCE", "DEPOSITS", "SHORT-TERM", "LIABILITIES-OTHER", "LONG-TERM", "LOANS-NON", "LOANS-PAST",
    "LOANS-TROUBLED", "LOANS-PROBLEM", "ALLOWANCE-OPEN", "ALLOWANCE-CLOSE", "ALLOWANCE-DOMESTIC",
    "ALLOWANCE-FOREIGN", "ALLOWANCE-UNALLOCATED", "CHARGE-OFFS", "RECOVERIES", "YIELD-ACTUAL"})
