"""Fiscal year ends a statement does not print: from the SEC header's `FISCAL YEAR END`,
and for columns headed by a year alone ("2024", "Fiscal 2024") from the document's
balance-sheet dates.

A 10-K prints its balance sheet at the last two year ends; the income statement's
latest year column ends on the latest of them. Earlier years step back one fiscal
year at a time: a calendar year when the year ends are month ends, else 52 or 53
weeks (whichever keeps the year end nearest its nominal month end).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import replace
from datetime import date, timedelta

from converter import periods
from converter.readers.columns import ColumnSpec

SEASON_DAYS = 10  # year ends of one fiscal calendar fall within this many days of each other


def fiscal_year_ends(fiscal_year_end: str | None, ends: set[date]) -> tuple[date, ...]:
    """The year ends an SEC header's `FISCAL YEAR END: MMDD` puts in the two years before each end."""
    if fiscal_year_end is None or not re.fullmatch(r"\d{4}", fiscal_year_end):
        return ()
    month, day = int(fiscal_year_end[:2]), int(fiscal_year_end[2:])
    found: set[date] = set()
    for end in ends:
        for year in (end.year - 2, end.year - 1, end.year):
            if 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]:
                found.add(date(year, month, day))
    return tuple(sorted(day for day in found if any(day < end for end in ends)))


def nominal_year(day: date) -> int:
    """The year of the month end nearest `day` (a year ending January 1, 2023 is 2022's)."""
    if day.day <= 15:
        return (day.replace(day=1) - timedelta(days=1)).year
    return day.year


def _same_season(day: date, reference: date) -> bool:
    apart = abs(day.timetuple().tm_yday - reference.timetuple().tm_yday)
    return min(apart, 366 - apart) <= SEASON_DAYS


def _last_weekday(year: int, month: int, weekday: int) -> date:
    end = periods.month_end(year, month)
    return end - timedelta(days=(end.weekday() - weekday) % 7)


def previous_year_end(end: date, ends: list[date]) -> date:
    """The year end before `end` in the fiscal calendar `ends` follow: month ends, the last
    given weekday of a month, or the weekday nearest a month end (52 or 53 weeks)."""
    if all(periods.is_month_end(day) for day in ends):
        return periods.month_end(end.year - 1, end.month)
    before = [(periods.month_end(day.year, day.month) - day).days for day in ends]
    last_weekdays = all(days < 7 for days in before) and len({day.weekday() for day in ends}) == 1
    # A weekday nearest the month end is at most 3 days before it and often after it; three
    # year ends all on or before it, or one 4+ days before, mean "the last <weekday> of the month".
    if last_weekdays and (len(ends) >= 3 or max(before) >= 4):
        return _last_weekday(end.year - 1, end.month, end.weekday())
    return end - timedelta(weeks=periods.weeks_for_year(end))


def with_prior_year_end(known: tuple[date, ...]) -> tuple[date, ...]:
    """`known` and the year end before the earliest of the latest year end's calendar, so
    the earliest fiscal year shown gets its start."""
    if not known:
        return known
    ends = sorted(day for day in known if _same_season(day, max(known)))
    return tuple(sorted({*known, previous_year_end(ends[0], ends)}))


def year_ends(labels: set[int], known: tuple[date, ...], beside: tuple[date, ...] = ()) -> dict[int, date]:
    """The end date of each fiscal-year label, from the balance-sheet dates `known`
    (empty when they do not decide it). `beside` are the dated year columns of the same table
    ("December 31, 2023 | 2022 | 2021"): a year printed beside a date is that date's year."""
    if not labels or not (known or beside):
        return {}
    latest = max((*known, *beside))
    ends = sorted({day for day in (*known, *beside) if _same_season(day, latest)})
    dated = [day for day in beside if _same_season(day, latest)]
    if dated:  # -1 for a "January 2, 2023 | 2022" table: 2022 names the year ending January 2, 2022
        offset = nominal_year(max(dated)) - max(dated).year
    else:  # 1 when "fiscal 2024" ends in early 2025
        offset = nominal_year(latest) - max(labels)
        if offset not in (0, 1):
            return {}
    by_year = {nominal_year(day): day for day in ends}
    earliest = ends[0]
    while nominal_year(earliest) > min(labels) + offset:
        earliest = previous_year_end(earliest, ends)
        by_year.setdefault(nominal_year(earliest), earliest)
    return {label: by_year[label + offset] for label in labels if label + offset in by_year}


def resolve_year_specs(specs: list[ColumnSpec], known: tuple[date, ...]) -> tuple[list[ColumnSpec], list[ColumnSpec]]:
    """Year-only specs with their end dates set where `known` decides them, and those it does not."""
    ends = year_ends({spec.end.year for spec in specs if spec.year_only}, known,
                     tuple(spec.end for spec in specs if not spec.year_only))
    resolved: list[ColumnSpec] = []
    unresolved: list[ColumnSpec] = []
    for spec in specs:
        if spec.year_only and spec.end.year in ends:
            spec = replace(spec, end=ends[spec.end.year], year_only=False,
                           span=spec.span or periods.Span(months=12))
        elif spec.year_only:
            unresolved.append(spec)
        resolved.append(spec)
    return resolved, unresolved
