"""What each column of a table reports: its end date, its length, its header words."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from converter import periods
from converter.readers.layout import Chunk

_FISCAL_YEAR = re.compile(r"^(?:fiscal\s+(?:year\s+)?)?(?P<year>(?:19|20)\d\d)\**$", re.IGNORECASE)
_YEAR_CHUNK = re.compile(r"^\(?(?P<year>(?:19|20)\d\d)\)?\**$")


@dataclass(frozen=True)
class ColumnSpec:
    header: str
    end: date
    span: periods.Span | None
    start: date | None  # an explicit start ("period from June 3, 1996 to ...")
    year_only: bool = False  # the header names a (fiscal) year only; `end` is December 31 of it until resolved
    own_span: bool = False  # the words above the column name its length (not only the table's title)


def _month_day(text: str) -> tuple[int, int | None] | None:
    """The month and day (day None for a bare month or its last day, "February 28 or 29") a header
    names without a year."""
    dates = periods.find_dates(text)
    if dates:
        return dates[0].value.month, dates[0].value.day
    match = periods.MONTH_END_DAYS.search(text)
    if match:
        return periods.MONTHS[match["month"].lower().rstrip(".")], None
    match = periods.MONTH_DAY.search(text)
    if match:
        return periods.MONTHS[match["month"].lower().rstrip(".")], int(match["day"])
    match = periods.MONTH_ONLY.search(text)
    if match:
        return periods.MONTHS[match["month"].lower().rstrip(".")], None
    return None


def _combine(year: int, month_day: tuple[int, int | None]) -> date | None:
    month, day = month_day
    if day is None:
        return periods.month_end(year, month)
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _explicit_start(text: str, end: date) -> date | None:
    return next((start for start, last in periods.explicit_ranges(text) if last == end), None)


def column_end(chunks: list[Chunk], context: str) -> date | None:
    """The date a column reports, from the words above it and the table's title."""
    text = " ".join(chunk.text for chunk in chunks)
    years = [int(match["year"]) for chunk in chunks if (match := _YEAR_CHUNK.match(chunk.text))]
    dates = [found.value for found in periods.find_dates(text)]
    if years:
        year = years[-1]
        same_year = [day for day in dates if day.year == year]
        if same_year:
            return same_year[-1]
        words = " ".join(chunk.text for chunk in chunks if not _YEAR_CHUNK.match(chunk.text))
        in_context = [found.value for found in periods.find_dates(context) if found.value.year == year]
        if not _month_day(words) and in_context:
            return in_context[-1]
        month_day = _month_day(words) or _month_day(context)
        return _combine(year, month_day) if month_day else None
    if dates:
        return dates[-1]
    return None


def column_spec(chunks: list[Chunk], context: str) -> ColumnSpec | None:
    end = column_end(chunks, context)
    if end is None:
        return None
    header = " ".join(chunk.text for chunk in chunks)
    own = periods.parse_span(header)
    spelled = periods.day_range(header, end.year)
    if spelled is not None:  # a stub period of its own ("Predecessor July 1 to July 21" under "Three Months")
        return ColumnSpec(header, spelled[1], None, spelled[0], own_span=True)
    start = _explicit_start(header, end) or _explicit_start(context, end)
    return ColumnSpec(header, end, own or periods.parse_span(context), start, own_span=own is not None)


def year_spec(chunks: list[Chunk], context: str) -> ColumnSpec | None:
    """A column headed by a year alone ("2024", "Fiscal 2024"): its year end is resolved later
    from the document's balance-sheet dates (`fiscal.resolve_year_columns`)."""
    header = " ".join(chunk.text for chunk in chunks)
    years = {int(match["year"]) for chunk in chunks if (match := _FISCAL_YEAR.match(chunk.text.strip()))}
    words = " ".join(chunk.text for chunk in chunks if not _FISCAL_YEAR.match(chunk.text.strip()))
    if len(years) != 1 or periods.find_dates(header) or (words and _month_day(words)):
        return None
    own = periods.parse_span(header)
    return ColumnSpec(header, date(years.pop(), 12, 31), own or periods.parse_span(context), None,
                      year_only=True, own_span=own is not None)


def spread_spans(specs: list[ColumnSpec], context: str) -> list[ColumnSpec | None]:
    """Lengths a title names for several column groups ("Three and Nine Months Ended September 30"
    over `1998 1997 1998 1997`): the n-th run of columns (a run restarts where the dates go up
    again) takes the n-th length named. A column whose length the title cannot decide (more
    lengths than runs, or fewer) is None; columns whose own header names a length keep it."""
    named = periods.named_spans(context)
    pending = [index for index, spec in enumerate(specs) if not spec.own_span]
    if len(named) < 2 or not pending:
        return list(specs)
    runs: list[list[int]] = []
    for index in pending:
        if not runs or specs[index].end >= specs[runs[-1][-1]].end:
            runs.append([])
        runs[-1].append(index)
    spread: list[ColumnSpec | None] = list(specs)
    for run_number, run in enumerate(runs):
        for index in run:
            spread[index] = replace(specs[index], span=named[run_number]) if len(runs) == len(named) else None
    return spread
