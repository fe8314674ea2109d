"""The fiscal calendar a 52/53-week filer states in words ("the 52- or 53-week period that ends
on the last Saturday of September"), so that a year-to-date column of a year whose end no
statement prints still starts the day after that year's end (a 53-week year's 40-week nine
months); and the fiscal year end a 10-K's cover states, which dates columns headed by a
fiscal year alone. The phrases are data: `taxonomy/reader/calendar.yaml`.
"""

from __future__ import annotations

import calendar
import html
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from converter import periods
from converter.errors import TaxonomyError
from converter.readers.vocab import READER_DIR, compile_patterns, load_yaml

CALENDAR_FILE = READER_DIR / "calendar.yaml"
WEEKDAYS = {name.lower(): index for index, name in enumerate(calendar.day_name)}
_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")
_SPACE_COMMA = re.compile(r"\s+,")


@dataclass(frozen=True)
class FiscalCalendar:
    weekday: int  # Monday 0
    month: int
    nearest: bool  # the weekday nearest the month's last day, else the month's last such weekday

    def year_end(self, year: int) -> date:
        last = date(year, self.month, calendar.monthrange(year, self.month)[1])
        back = (last.weekday() - self.weekday) % 7
        if self.nearest and back > 3:
            return last + timedelta(days=7 - back)
        return last - timedelta(days=back)


@dataclass(frozen=True)
class Phrases:
    calendars: tuple[tuple[bool, tuple[re.Pattern[str], ...]], ...]  # (nearest, patterns) per kind
    year_end: tuple[re.Pattern[str], ...]


@lru_cache(maxsize=1)
def _rules(path: Path = CALENDAR_FILE) -> Phrases:
    data = load_yaml(path)
    try:
        return Phrases(tuple((kind == "nearest", compile_patterns(path, data[kind])) for kind in ("last", "nearest")),
                       compile_patterns(path, data["year_end"]))
    except KeyError as exc:
        raise TaxonomyError(f"the fiscal calendar phrases lack {exc}", file=path) from exc


@dataclass(frozen=True)
class StatedFiscal:
    """What a document states of its fiscal year: its calendar and its cover's year end."""

    calendar: FiscalCalendar | None
    year_end: date | None


def stated_fiscal(markup: str) -> StatedFiscal:
    """The fiscal calendar and year end the document states, each None where it states none
    (HTML tags and entities are read through; the text is made plain once for both)."""
    text = _plain(markup)
    return StatedFiscal(_calendar_in(text), _year_end_in(text))


def stated_calendar(markup: str) -> FiscalCalendar | None:
    return _calendar_in(_plain(markup))


def stated_year_end(markup: str) -> date | None:
    """The fiscal year end the document's cover states ("For the fiscal year ended February 6,
    2022"), if it states one."""
    return _year_end_in(_plain(markup))


def _calendar_in(text: str) -> FiscalCalendar | None:
    for nearest, patterns in _rules().calendars:
        for pattern in patterns:
            for match in pattern.finditer(text):
                weekday = WEEKDAYS.get(match["weekday"].lower())
                month = periods.MONTHS.get(match["month"].lower())
                if weekday is not None and month is not None:
                    return FiscalCalendar(weekday, month, nearest)
    return None


def _year_end_in(text: str) -> date | None:
    for pattern in _rules().year_end:
        match = pattern.search(text)
        if match is not None:
            return periods.parse_date(_SPACE_COMMA.sub(",", match["date"]))
    return None


def _plain(markup: str) -> str:
    return _SPACE.sub(" ", html.unescape(_TAG.sub(" ", markup)))


def year_ends_around(rule: FiscalCalendar, days: set[date]) -> set[date]:
    """The calendar's year ends from two years before the earliest of `days` to after the latest."""
    if not days:
        return set()
    return {rule.year_end(year) for year in range(min(days).year - 2, max(days).year + 2)}
