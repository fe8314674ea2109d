"""Every column's period against the words it was read from and the registrant's calendar.

- A duration's length is one its header names ("Six Months Ended" ≈ 26 weeks; a title naming
  "Three and Nine Months" allows either); a balance-sheet instant or a duration's end is a date
  the header names, where the header names dates of that year.
- A year-to-date duration starts the day after a fiscal year end, and no quarter straddles
  one, where the SEC header's `FISCAL YEAR END` gives the calendar.
- No column ends after the submission's period of report.

A failure is an error naming the statement's source line: a wrong period is worse than a
missing one, since nobody can see it in a file of thousands of facts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta

from converter import periods
from converter.checks.data import CheckRules
from converter.model import Column, Diagnostic, Document, Duration, Severity, Statement, StatementKind

_FISCAL_YEAR_END = re.compile(r"^(?P<month>\d\d)(?P<day>\d\d)$")


def _error(code: str, message: str, statement: Statement) -> Diagnostic:
    return Diagnostic(code, Severity.ERROR, message, statement.source_line)


def _fits(span: periods.Span, days: int, rules: CheckRules) -> bool:
    if span.weeks is not None:
        return days == 7 * span.weeks
    months = span.months if span.months is not None else 12
    return abs(days - months * rules.days_per_month) <= rules.slack_days


def _describe(span: periods.Span) -> str:
    return f"{span.weeks} weeks" if span.weeks is not None else f"{span.months} months"


def _column_name(statement: Statement, index: int, column: Column) -> str:
    return f"{statement.title.strip() or statement.kind.value!r} column {index + 1} ({column.header.strip()})"


def _spelled_out(statement: Statement, column: Column) -> bool:
    """Whether the header spells the column's period out ("from June 3, 1996 (inception) to ...",
    or the column's own "July 22 to September 30")."""
    period = column.period
    return isinstance(period, Duration) and (
        (period.start, period.end) in periods.explicit_ranges(statement.header_text)
        or periods.day_range(column.header, period.end.year) == (period.start, period.end))


def _lengths(statement: Statement, rules: CheckRules) -> Iterator[Diagnostic]:
    for index, column in enumerate(statement.columns):
        period = column.period
        if not isinstance(period, Duration) or _spelled_out(statement, column):
            continue
        named = periods.named_spans(column.header) or periods.named_spans(statement.header_text)
        days = (period.end - period.start).days + 1
        if named and not any(_fits(span, days, rules) for span in named):
            yield _error("check.period-length",
                         f"{_column_name(statement, index, column)}: {period.start} to {period.end} is "
                         f"{days} days, but the header names {' or '.join(map(_describe, named))}; "
                         "check the header and pass the filing to the maintainers", statement)


def _end_dates(statement: Statement) -> Iterator[Diagnostic]:
    named_anywhere = [found.value for found in periods.find_dates(statement.header_text)]
    for index, column in enumerate(statement.columns):
        end = column.period.end
        own = [found.value for found in periods.find_dates(column.header)]
        # a header naming dates of the column's year must name its end ("December 31, 1993, 1992
        # and 1991" over a 1992 column names no 1992 date: it is not checked)
        named = [day for day in own or named_anywhere if day.year == end.year]
        if named and end not in named and not _spelled_out(statement, column):
            yield _error("check.period-date",
                         f"{_column_name(statement, index, column)}: the period ends {end}, but the header "
                         f"names {', '.join(day.isoformat() for day in named)}", statement)


def _year_ends(fiscal_year_end: str | None, around: set[int]) -> list[date]:
    match = _FISCAL_YEAR_END.match(fiscal_year_end or "")
    if match is None:
        return []
    month, day = int(match["month"]), int(match["day"])
    if not 1 <= month <= 12:
        return []
    ends = []
    for year in sorted(around):
        last = periods.month_end(year, month).day
        ends.append(date(year, month, min(day, last)))
    return ends


def _near(day: date, ends: list[date], slack: int) -> bool:
    return any(abs((day - end).days) <= slack for end in ends)


def _calendar(document: Document, statement: Statement, rules: CheckRules) -> Iterator[Diagnostic]:
    """Year-to-date durations start after a fiscal year end; quarters lie inside a fiscal year."""
    durations = [(i, c) for i, c in enumerate(statement.columns) if isinstance(c.period, Duration)]
    years = {c.period.end.year + offset for _, c in durations for offset in (-2, -1, 0, 1)}
    ends = _year_ends(document.meta.fiscal_year_end, years)
    if not ends:
        return
    slack = rules.year_end_slack_days
    for index, column in durations:
        period = column.period
        assert isinstance(period, Duration)
        days = (period.end - period.start).days + 1
        if _spelled_out(statement, column):
            continue
        if 100 <= days <= 300 and not _near(period.start - timedelta(days=1), ends, slack):
            yield _error("check.fiscal-year",
                         f"{_column_name(statement, index, column)}: a {days}-day period from {period.start} "
                         f"does not start after a fiscal year end (the SEC header gives "
                         f"{document.meta.fiscal_year_end})", statement)
        elif days < 100 and any(period.start + timedelta(days=slack) <= end < period.end - timedelta(days=slack)
                                for end in ends):
            yield _error("check.fiscal-year",
                         f"{_column_name(statement, index, column)}: the quarter {period.start} to "
                         f"{period.end} straddles a fiscal year end (the SEC header gives "
                         f"{document.meta.fiscal_year_end})", statement)


def _after_report(document: Document, statement: Statement) -> Iterator[Diagnostic]:
    report = document.meta.period_of_report
    if report is None:
        return
    for index, column in enumerate(statement.columns):
        if column.period.end > report + timedelta(days=7):
            yield _error("check.period-after-report",
                         f"{_column_name(statement, index, column)}: the period ends {column.period.end}, "
                         f"after the submission's period of report {report}", statement)


def _aligned(document: Document, statement: Statement) -> Iterator[Diagnostic]:
    """A statement of durations ends where the document's balance sheets stand (their latest
    date), unless it ends on an earlier balance-sheet date: a later or unmatched end is a date
    read from the wrong words."""
    instants = {column.period.end for other in document.statements if other.kind is StatementKind.BALANCE_SHEET
                for column in other.columns}
    ends = [column.period.end for column in statement.columns if isinstance(column.period, Duration)]
    if not instants or not ends or max(ends) in instants:
        return
    yield Diagnostic("check.period-misaligned", Severity.WARNING,
                     f"{statement.title.strip() or statement.kind.value!r}: its latest period ends {max(ends)}, "
                     f"but the balance sheets are dated {', '.join(sorted(map(str, instants)))}; check the "
                     "column headers", statement.source_line)


def check_periods(document: Document, rules: CheckRules) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for statement in document.statements:
        found.extend(_aligned(document, statement))
        found.extend(_lengths(statement, rules))
        found.extend(_end_dates(statement))
        found.extend(_calendar(document, statement, rules))
        found.extend(_after_report(document, statement))
    return found
