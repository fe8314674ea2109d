"""What each column of a table reports: its end date, its length, its header words."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from converter import periods
from converter.readers.layout import Chunk

_FISCAL_YEAR = re.compile(r"^(?:fiscal\s+(?:year\s+)?)?(?P<year>(?:19|20)\d\d)\**$", re.IGNORECASE)
_YEAR_CHUNK = re.compile(r"^\(?(?P<year>(?:19|20)\d\d)\)?\**$")
_RANGE = re.compile(r"\bfrom\s+(?P<start>.+?)\s+(?:\(inception\)\s+)?(?:to|through)\s+(?P<end>.+?\d{4})",
                    re.IGNORECASE)


@dataclass(frozen=True)
class ColumnSpec:
    header: str
    end: date
    span: periods.Span | None
    start: date | None  # an explicit start ("period from June 3, 1996 to ...")
    year_only: bool = False  # the header names a (fiscal) year only; `end` is December 31 of it until resolved


def _month_day(text: str) -> tuple[int, int | None] | None:
    """The month and day (day None for a bare month) a header names without a year."""
    dates = periods.find_dates(text)
    if dates:
        return dates[0].value.month, dates[0].value.day
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
    for match in _RANGE.finditer(text):
        start = periods.parse_date(match["start"])
        if start is not None and periods.parse_date(match["end"]) == end and start <= end:
            return start
    return None


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
    span = periods.parse_span(header) or periods.parse_span(context)
    start = _explicit_start(header, end) or _explicit_start(context, end)
    return ColumnSpec(header, end, span, start)


def year_spec(chunks: list[Chunk], context: str) -> ColumnSpec | None:
    """A column headed by a year alone ("2024", "Fiscal 2024"): its year end is resolved later
    from the document's balance-sheet dates (`fiscal.resolve_year_columns`)."""
    header = " ".join(chunk.text for chunk in chunks)
    years = {int(match["year"]) for chunk in chunks if (match := _FISCAL_YEAR.match(chunk.text.strip()))}
    words = " ".join(chunk.text for chunk in chunks if not _FISCAL_YEAR.match(chunk.text.strip()))
    if len(years) != 1 or periods.find_dates(header) or (words and _month_day(words)):
        return None
    span = periods.parse_span(header) or periods.parse_span(context)
    return ColumnSpec(header, date(years.pop(), 12, 31), span, None, year_only=True)
