"""EX-27 Financial Data Schedules of 1993–2001 EDGAR submissions, read as plain data.

A schedule is a `<DOCUMENT>` of `<TYPE>EX-27` (restated and further schedules: `EX-27.1`,
`EX-27.2`, …) whose text is one tag a line, the value(s) after it:

    <ARTICLE> 5
    <MULTIPLIER> 1,000
    <PERIOD-TYPE>                   9-MOS                3-MOS
    <FISCAL-YEAR-END>         DEC-31-1997          DEC-31-1997
    <PERIOD-START>            JAN-01-1997          JUL-01-1997
    <PERIOD-END>              SEP-30-1997          SEP-30-1997
    <TOTAL-ASSETS>                  1,234                1,234
    <NET-INCOME>                     (12)                   (4)
    <EPS-PRIMARY>                     .12                  .04

Several columns make several schedules (one per column). The article comes from `<ARTICLE>`,
else from the legend or the description ("ART 5 FDS"). Amounts are returned as printed (a value
in parentheses is negative); `Schedule.amount` applies the multiplier except to per-share tags.
Used by benchmarks/fds.py; nothing in the converter imports it.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path

import yaml

PER_SHARE = frozenset({"EPS-PRIMARY", "EPS-BASIC", "EPS-DILUTED"})
_HEADER_TAGS = frozenset(
    {
        "ARTICLE",
        "LEGEND",
        "MULTIPLIER",
        "CURRENCY",
        "NAME",
        "NUMBER",
        "CIK",
        "PERIOD-TYPE",
        "FISCAL-YEAR-END",
        "PERIOD-START",
        "PERIOD-END",
        "EXCHANGE-RATE",
        "RESTATED",
        "SERIES",
        "S",
        "C",
        "TABLE",
        "/TABLE",
        "/LEGEND",
        "TEXT",
        "/TEXT",
        "PAGE",
        "CAPTION",
        "/CAPTION",
    }
)
_DOCUMENT = re.compile(r"<DOCUMENT>(.*?)(?:</DOCUMENT>|(?=<DOCUMENT>)|\Z)", re.DOTALL | re.IGNORECASE)
_TYPE = re.compile(r"^<TYPE>\s*(\S+)", re.MULTILINE | re.IGNORECASE)
_DESCRIPTION = re.compile(r"^<DESCRIPTION>\s*(.*)$", re.MULTILINE | re.IGNORECASE)
_LINE = re.compile(r"^\s*<([A-Z0-9&/][A-Z0-9&/\-]*)>(.*)$", re.IGNORECASE)
_ARTICLE = re.compile(r"\bART(?:ICLE)?\.?\s*([0-9]+|BD|UT)\b", re.IGNORECASE)
_DATE = re.compile(r"^([A-Z]{3})-(\d{1,2})-(\d{2}|\d{4})$", re.IGNORECASE)
_MONTHS = {name.upper(): number for number, name in enumerate(calendar.month_abbr) if name}
_MONTHS_OF = {"3-MOS": 3, "6-MOS": 6, "9-MOS": 9, "12-MOS": 12, "YEAR": 12}


class ScheduleError(ValueError):
    """A schedule that cannot be read: the message names the document and line."""


@dataclass(frozen=True)
class Value:
    tag: str
    printed: Decimal  # as printed, before the multiplier
    line: int  # 1-based line in the submission


@dataclass(frozen=True)
class Schedule:
    document_type: str  # "EX-27", "EX-27.1", …
    column: int  # 0-based column of a multi-column schedule
    article: str  # "5", "7", "9", "BD", "UT", … or "" when none is given
    multiplier: Decimal
    period_type: str  # "3-MOS", "9-MOS", "YEAR", …
    fiscal_year_end: date | None
    period_start: date | None  # as printed; see `start`
    period_end: date
    restated: bool
    values: tuple[Value, ...]
    line: int  # the line of the document's <TYPE>

    @property
    def start(self) -> date | None:
        """PERIOD-START, or the day after the same day `period_type` months before PERIOD-END."""
        if self.period_start is not None:
            return self.period_start
        months = _MONTHS_OF.get(self.period_type.upper())
        if months is None:
            return None
        end = self.period_end
        year, month = divmod(end.year * 12 + end.month - 1 - months, 12)
        if end.day == calendar.monthrange(end.year, end.month)[1]:  # a month end: the month after
            return date(year, month + 1, calendar.monthrange(year, month + 1)[1]) + timedelta(days=1)
        return date(year, month + 1, min(end.day, calendar.monthrange(year, month + 1)[1])) + timedelta(
            days=1
        )

    def amount(self, value: Value) -> Decimal:
        """The value in units: the multiplier applied, except to per-share amounts."""
        return value.printed if value.tag in PER_SHARE else value.printed * self.multiplier


def parse_date(text: str) -> date:
    """`SEP-30-1997` (or `SEP-30-97`) → date."""
    match = _DATE.match(text.strip())
    if not match or match[1].upper() not in _MONTHS:
        raise ValueError(f"not an FDS date: {text!r}")
    year = int(match[3])
    year += 1900 if year < 100 else 0
    return date(year, _MONTHS[match[1].upper()], int(match[2]))


def parse_amount(text: str) -> Decimal:
    """`1,234` / `(12)` / `-12` / `.12` / `$ 5` → Decimal (negative in parentheses)."""
    cleaned = text.strip().replace(",", "").replace("$", "").replace(" ", "")
    negative = cleaned.startswith("(") and cleaned.endswith(")")
    cleaned = cleaned.strip("()")
    try:
        number = Decimal(cleaned)
    except InvalidOperation as exc:
        raise ValueError(f"not an FDS amount: {text!r}") from exc
    return -number if negative else number


def _cells(rest: str) -> list[str]:
    """The values after a tag: columns are separated by two or more spaces (or a tab)."""
    return [cell for cell in re.split(r"\s{2,}|\t", rest.strip()) if cell]


def schedules(text: str) -> list[Schedule]:
    """Every Financial Data Schedule of a submission, one per column, in document order."""
    found: list[Schedule] = []
    for match in _DOCUMENT.finditer(text):
        body = match[1]
        kind = _TYPE.search(body)
        if not kind or not kind[1].upper().startswith("EX-27"):
            continue
        first_line = text.count("\n", 0, match.start(1) + kind.start()) + 1
        found.extend(_read(body, kind[1].upper(), first_line, text.count("\n", 0, match.start(1))))
    return found


def _read(body: str, document_type: str, type_line: int, offset: int) -> list[Schedule]:
    header: dict[str, list[str]] = {}
    rows: list[tuple[str, list[str], int]] = []
    legend: list[str] = []
    in_legend = False
    description = _DESCRIPTION.search(body)
    for number, raw in enumerate(body.splitlines(), start=offset + 1):
        if in_legend:
            if "</LEGEND>" in raw.upper():
                in_legend = False
            else:
                legend.append(raw)
            continue
        match = _LINE.match(raw)
        if not match:
            continue
        tag, rest = match[1].upper(), match[2]
        if tag == "LEGEND":
            in_legend = "</LEGEND>" not in rest.upper()
            legend.append(rest)
        elif tag in _HEADER_TAGS:
            header.setdefault(tag, _cells(rest))
        elif tag not in ("TYPE", "SEQUENCE", "DESCRIPTION", "FILENAME"):
            rows.append((tag, _cells(rest), number))
    article = (header.get("ARTICLE") or [""])[0]
    if not article:
        words = " ".join(legend) + " " + (description[1] if description else "")
        found = _ARTICLE.search(words)
        article = found[1].upper() if found else ""
    where = f"{document_type} at line {type_line}"
    ends = header.get("PERIOD-END") or []
    if not ends:
        raise ScheduleError(f"{where}: no <PERIOD-END>; a schedule needs its period")
    multiplier = parse_amount((header.get("MULTIPLIER") or ["1"])[0])
    restated = "RESTATED" in header or "RESTATED" in (description[1].upper() if description else "")
    result = []
    for column, end in enumerate(ends):

        def cell(tag: str, column: int = column) -> str | None:
            cells = header.get(tag) or []
            return cells[column] if column < len(cells) else (cells[0] if cells else None)

        start, fiscal = cell("PERIOD-START"), cell("FISCAL-YEAR-END")
        values = []
        for tag, cells, number in rows:
            if column < len(cells):
                try:
                    values.append(Value(tag, parse_amount(cells[column]), number))
                except ValueError:
                    continue  # a text value (a name, a currency): no amount to score
        result.append(
            Schedule(
                document_type,
                column,
                article,
                multiplier,
                cell("PERIOD-TYPE") or "",
                parse_date(fiscal) if fiscal else None,
                parse_date(start) if start else None,
                parse_date(end),
                restated,
                tuple(values),
                type_line,
            )
        )
    return result


TAGS_FILE = Path(__file__).resolve().parents[1] / "taxonomy" / "benchmarks" / "fds-tags.yaml"
SCORES = ("face", "aside", "skip")


@dataclass(frozen=True)
class TagRule:
    tag: str
    period: str  # "instant" or "duration"
    concepts: tuple[str, ...]
    score: str  # "face", "aside" or "skip"
    reason: str


@dataclass(frozen=True)
class TagTable:
    common: dict[str, TagRule]
    articles: dict[str, dict[str, TagRule]]

    def rule(self, article: str, tag: str) -> TagRule | None:
        """The article's own rule for a tag, else the common one; None for a tag the table lacks."""
        return self.articles.get(article, {}).get(tag) or self.common.get(tag)


def _rules(raw: dict[str, dict[str, object]], where: str) -> dict[str, TagRule]:
    rules = {}
    for tag, entry in raw.items():
        score = str(entry.get("score", "face"))
        period = str(entry.get("period", ""))
        reason = str(entry.get("reason", ""))
        if score not in SCORES or period not in ("instant", "duration") or (score != "face" and not reason):
            raise ScheduleError(
                f"{TAGS_FILE}: {where} {tag}: needs period instant|duration, score "
                f"{'|'.join(SCORES)} and a reason unless scored face"
            )
        rules[tag] = TagRule(tag, period, tuple(str(c) for c in entry.get("concepts") or ()), score, reason)
    return rules


def load_tags(path: Path = TAGS_FILE) -> TagTable:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return TagTable(
        _rules(raw["common"], "common"),
        {str(article): _rules(rules, f"article {article}") for article, rules in raw["articles"].items()},
    )
