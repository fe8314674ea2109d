"""Dates and reporting periods as EDGAR text prints them.

Parses the date forms found in statement headers (`03/01/03`, `June 26, 1998`,
`Dec. 31, 2004`, `DECEMBER 31,` + `2004`), reads duration words ("Three Months
Ended", "13 weeks ended", "Fiscal Year") and infers the start of a duration
from its end: calendar months when the end is a month end, 13-week quarters
otherwise, or the day after a known fiscal-year-end instant that lies a whole
number of quarters earlier.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS: dict[str, int] = {}
for _number, _name in enumerate(calendar.month_name):
    if _name:
        MONTHS[_name.lower()] = _number
        MONTHS[_name[:3].lower()] = _number
MONTHS["sept"] = 9

_MONTH_RE = (r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
             r"|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
NUMERIC_DATE = re.compile(r"(?<![\d/])(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{2}|\d{4})(?![\d/])")
WORD_DATE = re.compile(_MONTH_RE + r"\s+(?P<day>\d{1,2}),?\s*(?P<year>\d{4})\b", re.IGNORECASE)
MONTH_DAY = re.compile(_MONTH_RE + r"\s+(?P<day>\d{1,2})\b,?", re.IGNORECASE)
# "Years Ended February 28 or 29": the month's last day, whichever year
MONTH_END_DAYS = re.compile(_MONTH_RE + r"\s+(?:28|29|30)\s*(?:or|/)\s*(?:29|30|31)\b", re.IGNORECASE)
MONTH_ONLY = re.compile(r"\b" + _MONTH_RE + r"(?![a-z])", re.IGNORECASE)

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "twenty-six": 26, "thirty-nine": 39, "fifty-two": 52, "fifty-three": 53,
}
_COUNT = r"(?P<count>\d{1,2}|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")"
_MONTHS_SPAN = re.compile(_COUNT + r"[\s-]+months?\b", re.IGNORECASE)
_WEEKS_SPAN = re.compile(_COUNT + r"[\s-]+weeks?\b", re.IGNORECASE)
_QUARTER_SPAN = re.compile(r"\bquarters?\b|\bfiscal quarter\b", re.IGNORECASE)
_YEAR_SPAN = re.compile(r"\b(?:fiscal\s+)?years?\s+ended\b|\bfiscal\s+years?\b|\bannual\b|\byear\s+to\s+date\b",
                        re.IGNORECASE)


def expand_year(year: int) -> int:
    """Two-digit years: 00-49 are 20xx, 50-99 are 19xx; four-digit years pass through."""
    if year >= 100:
        return year
    return 2000 + year if year < 50 else 1900 + year


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def is_month_end(day: date) -> bool:
    return day == month_end(day.year, day.month)


MIN_YEAR, MAX_YEAR = 1900, 2099  # EDGAR's range, with room; keeps date arithmetic in bounds


def _safe_date(year: int, month: int, day: int) -> date | None:
    if not MIN_YEAR <= year <= MAX_YEAR or not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return date(year, month, day)


@dataclass(frozen=True)
class DateMatch:
    value: date
    start: int
    end: int


def find_dates(text: str) -> list[DateMatch]:
    """Every full date in `text`, in order of appearance."""
    found: list[DateMatch] = []
    for match in NUMERIC_DATE.finditer(text):
        value = _safe_date(expand_year(int(match["y"])), int(match["m"]), int(match["d"]))
        if value is not None:
            found.append(DateMatch(value, match.start(), match.end()))
    for match in WORD_DATE.finditer(text):
        value = _safe_date(int(match["year"]), MONTHS[match["month"].lower().rstrip(".")],
                           int(match["day"]))
        if value is not None:
            found.append(DateMatch(value, match.start(), match.end()))
    return sorted(found, key=lambda item: item.start)


def parse_date(text: str) -> date | None:
    """The single date `text` consists of, or None."""
    dates = find_dates(text)
    if len(dates) != 1:
        return None
    return dates[0].value


def format_numeric(day: date) -> str:
    """`MM/DD/YY` as EDGAR headers print it (inverse of `parse_date` for 1950-2049)."""
    return f"{day.month:02d}/{day.day:02d}/{day.year % 100:02d}"


def format_words(day: date) -> str:
    return f"{calendar.month_name[day.month]} {day.day}, {day.year}"


@dataclass(frozen=True)
class Span:
    """The length a header names: months (calendar or fiscal) or weeks."""

    months: int | None = None
    weeks: int | None = None


def _count(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBER_WORDS[word.lower()]


def parse_span(text: str) -> Span | None:
    """Duration words in a header: "Three Months Ended", "13 weeks ended", "Year Ended"…"""
    weeks = _WEEKS_SPAN.search(text)
    if weeks:
        return Span(weeks=_count(weeks["count"]))
    months = _MONTHS_SPAN.search(text)
    if months:
        return Span(months=_count(months["count"]))
    if _QUARTER_SPAN.search(text):
        return Span(months=3)
    if _YEAR_SPAN.search(text):
        return Span(months=12)
    return None


_SPAN_LIST = re.compile(
    r"(?P<counts>" + _COUNT.replace("(?P<count>", "(?:") + r"(?:[\s-]*(?:,|and|&)\s*" + _COUNT.replace("(?P<count>", "(?:")
    + r")+)[\s-]+(?P<unit>months?|weeks?)\b", re.IGNORECASE)
_COUNT_WORD = re.compile(_COUNT, re.IGNORECASE)


def named_spans(text: str) -> list[Span]:
    """Every length `text` names, in order: "Three and Nine Months Ended" names two, "13 and
    39 weeks" two, "Six Months Ended" one; a header naming a year or quarter names that."""
    found: list[tuple[int, Span]] = []
    covered: list[tuple[int, int]] = []
    for match in _SPAN_LIST.finditer(text):
        weeks = match["unit"].lower().startswith("week")
        for count in _COUNT_WORD.finditer(match["counts"]):
            number = _count(count["count"])
            found.append((match.start() + count.start(), Span(weeks=number) if weeks else Span(months=number)))
        covered.append((match.start(), match.end()))
    for pattern, unit in ((_WEEKS_SPAN, "weeks"), (_MONTHS_SPAN, "months")):
        for match in pattern.finditer(text):
            if any(start <= match.start() < end for start, end in covered):
                continue
            number = _count(match["count"])
            found.append((match.start(), Span(weeks=number) if unit == "weeks" else Span(months=number)))
            covered.append((match.start(), match.end()))
    if not found:
        span = parse_span(text)
        return [span] if span is not None else []
    return [span for _, span in sorted(found, key=lambda item: item[0])]


_RANGE = re.compile(r"\bfrom\s+(?P<start>.+?)\s+(?:\(inception\)\s+)?(?:to|through)\s+(?P<end>.+?\d{4})",
                    re.IGNORECASE)


_DAY_RANGE = re.compile(
    _MONTH_RE.replace("?P<month>", "?P<from_month>") + r"\s+(?P<from_day>\d{1,2})(?:,?\s*(?P<from_year>\d{4}))?\s*"
    r"(?:to|through|thru|-|\u2013|\u2014)\s*" + _MONTH_RE + r"\s+(?P<day>\d{1,2})\b(?:,?\s*(?P<year>\d{4}))?",
    re.IGNORECASE)


def day_range(text: str, year: int) -> tuple[date, date] | None:
    """The period a column header spells from day to day ("Successor July 22 to September 30"),
    in `year` where the header gives none (a start after the end falls in the year before)."""
    match = _DAY_RANGE.search(text)
    if match is None:
        return None
    end_year = int(match["year"]) if match["year"] else year
    end = _safe_date(end_year, MONTHS[match["month"].lower().rstrip(".")], int(match["day"]))
    start_month, start_day = MONTHS[match["from_month"].lower().rstrip(".")], int(match["from_day"])
    start_year = int(match["from_year"]) if match["from_year"] else end_year
    start = _safe_date(start_year, start_month, start_day)
    if start is not None and end is not None and start > end and not match["from_year"]:
        start = _safe_date(end_year - 1, start_month, start_day)
    return (start, end) if start is not None and end is not None and start <= end else None


def explicit_ranges(text: str) -> list[tuple[date, date]]:
    """The periods `text` spells out ("period from June 3, 1996 (inception) to December 31, 1996")."""
    found = []
    for match in _RANGE.finditer(text):
        start, end = parse_date(match["start"]), parse_date(match["end"])
        if start is not None and end is not None and start <= end:
            found.append((start, end))
    return found


def _months_back(end: date, months: int) -> date:
    """First day of the calendar span of `months` months ending with `end`'s month."""
    index = end.year * 12 + (end.month - 1) - (months - 1)
    return date(index // 12, index % 12 + 1, 1)


def _nearest_month_end(day: date) -> date:
    previous = date(day.year, day.month, 1) - timedelta(days=1)
    current = month_end(day.year, day.month)
    return min((previous, current), key=lambda candidate: abs((candidate - day).days))


def weeks_for_year(end: date) -> int:
    """52 or 53: whichever puts the previous year end nearest the nominal year end.

    The nominal year end is the month end nearest `end` (a "Saturday nearest
    January 31" year ending February 3, 2007 is nominally January 31).
    """
    nominal = _nearest_month_end(end)
    anchor = month_end(nominal.year - 1, nominal.month)
    return min((52, 53), key=lambda weeks: abs((end - timedelta(weeks=weeks) - anchor).days))


def infer_start(end: date, span: Span, known_year_ends: tuple[date, ...] = ()) -> date:
    """Inclusive start date of the period of length `span` that ends on `end`.

    Explicit weeks count back exactly. Otherwise a known fiscal-year-end instant
    lying the span's number of quarters (of 13 weeks, 6 days less to a week more: a
    14-week quarter, a 53-week year) before `end` decides; then calendar months when `end` is a month end; else 13 weeks a
    quarter, or 52/53 weeks for a year.
    """
    if span.weeks is not None:
        return end - timedelta(days=7 * span.weeks - 1)
    months = span.months if span.months is not None else 12
    if months % 3 == 0:
        quarters = months // 3
        for year_end in sorted(known_year_ends, reverse=True):
            days = (end - year_end).days
            if 91 * quarters - 6 <= days <= 91 * quarters + 7:  # 12 weeks is no quarter; 14 weeks is
                return year_end + timedelta(days=1)
    if is_month_end(end):
        return _months_back(end, months)
    if months == 12:
        weeks = weeks_for_year(end)
    else:
        weeks = round(months * 52 / 12)
    return end - timedelta(days=7 * weeks - 1)
