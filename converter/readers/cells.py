"""One line of a text table: its label, its numeric cells, or a rule.

Cells are read from the right end of a line: `$ 1,234`, `(33,227)`, `--`,
`0.02`, `-4.1%`, optionally followed by a footnote mark (`(1)`, `*`) one space
away; a change column's "NM" or "n/a" after the amounts is no cell. The label is what remains on the left; it must be at least two spaces
away from the first cell, so numbers inside labels (`14,901(2003)`,
`1997, 1,943,666`) stay in the label.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

_NUMBER = re.compile(r"^\(?-?\$?\(?-?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?\)?%?\)?\**$")
# negatives some older filings print: a trailing minus ("1,234-") or angle brackets ("<1,234>")
_OLD_NEGATIVE = re.compile(r"^(?:\$?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?-|\$?<\$?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?>)$")
_DIGIT = re.compile(r"\d")
_DASH = re.compile(r"^(?:-{1,3}|\u2014|\u2013|_{1,3})$")
_FOOTNOTE = re.compile(r"^(?:\([a-z0-9]\)|\*{1,3})$", re.IGNORECASE)
_NOT_MEANINGFUL = re.compile(r"^(?:n/?m|n\.m\.|nmf|n/?a|n\.a\.)$", re.IGNORECASE)  # a change column's "NM"
_PREFIX = frozenset({"$", "($", "$(", "("})
_RULE = re.compile(r"^[\s\-=_+]*$")
_RULE_CHARS = re.compile(r"[-=_]{3,}")
_LABEL_MARK = re.compile(r"(?:\s+\([a-z0-9]\)|\s*\*{1,3})$", re.IGNORECASE)
_TOKEN = re.compile(r"\S+")
_LEADER = re.compile(r"(?:\.\s?){3,}(?=\s|\$|\(|\d|-|$)")  # dot leaders: "Cash........ $ 1,234"


class LineKind(Enum):
    BLANK = "blank"
    RULE = "rule"
    TEXT = "text"
    VALUES = "values"


@dataclass(frozen=True)
class Cell:
    text: str  # as printed, with any `$` and parentheses
    value: Decimal  # sign as printed, before scaling
    places: int  # decimal places printed
    start: int  # character span of the number itself
    end: int
    percent: bool
    dash: bool


@dataclass(frozen=True)
class Line:
    number: int  # 1-based line in the input file
    text: str
    kind: LineKind
    label: str
    indent: int
    cells: tuple[Cell, ...]


def is_number_token(token: str) -> bool:
    return (bool(_NUMBER.match(token)) or bool(_OLD_NEGATIVE.match(token))) and bool(_DIGIT.search(token))


def parse_number(token: str) -> tuple[Decimal, int, bool]:
    """Value (negative for parentheses or a minus), printed decimal places, percent flag."""
    core = token.replace("$", "").replace("*", "").replace(",", "")
    negative = "(" in core or "<" in core or core.startswith("-") or core.endswith("-")
    percent = core.endswith(("%", "%)"))
    digits = core.strip("()%-<>")
    digits = digits.replace("(", "").replace(")", "").replace("-", "")
    places = len(digits.split(".", 1)[1]) if "." in digits else 0
    value = Decimal(digits)
    return (-value if negative else value), places, percent


def _cell(token: str, start: int, end: int, printed: str) -> Cell:
    if _DASH.match(token):
        return Cell(printed, Decimal(0), 0, start, end, False, True)
    value, places, percent = parse_number(printed.replace(" ", ""))
    return Cell(printed, value, places, start, end, percent, False)


def clean_label(text: str) -> str:
    """A label without footnote marks and with single spaces."""
    label = " ".join(text.split())
    previous = None
    while previous != label:
        previous = label
        label = _LABEL_MARK.sub("", label).strip()
    return label


def read_line(number: int, raw: str) -> Line:
    text = _LEADER.sub(lambda match: " " * len(match.group()), raw.expandtabs(8)).rstrip()
    if not text.strip():
        return Line(number, text, LineKind.BLANK, "", 0, ())
    if _RULE.match(text) and _RULE_CHARS.search(text):
        return Line(number, text, LineKind.RULE, "", 0, ())
    tokens = [(match.start(), match.end(), match.group()) for match in _TOKEN.finditer(text)]
    cells: list[Cell] = []
    index = len(tokens) - 1
    while (index > 0 and _NOT_MEANINGFUL.match(tokens[index][2])  # "(340)   120   NM": no third cell
           and tokens[index][0] - tokens[index - 1][1] >= 2
           and (is_number_token(tokens[index - 1][2]) or bool(_DASH.match(tokens[index - 1][2])))):
        index -= 1
    label_end = len(text)
    while index >= 0:
        start, end, token = tokens[index]
        if (_FOOTNOTE.match(token) and index > 0 and is_number_token(tokens[index - 1][2])
                and start - tokens[index - 1][1] == 1):
            index -= 1
            continue
        if not (is_number_token(token) or _DASH.match(token)):
            break
        first = index
        while first > 0 and index - first < 2 and tokens[first - 1][2] in _PREFIX:
            first -= 1
        cell_start = tokens[first][0]
        if first > 0 and cell_start - tokens[first - 1][1] < 2:
            break
        cells.append(_cell(token, start, end, text[cell_start:end]))
        label_end = cell_start
        index = first - 1
    label_text = text[:label_end]
    indent = len(label_text) - len(label_text.lstrip()) if label_text.strip() else label_end
    kind = LineKind.VALUES if cells else LineKind.TEXT
    return Line(number, text, kind, clean_label(label_text), indent, tuple(reversed(cells)))


def parse_cell(printed: str, start: int, end: int) -> Cell | None:
    """A cell from an amount printed apart from any label (an HTML table cell, with its
    `$`, parentheses and `%` already joined): `$ (1,234)`, `—`, `12.5%`; None otherwise."""
    token = printed.replace(" ", "")
    if _DASH.match(token):
        return Cell(printed, Decimal(0), 0, start, end, False, True)
    if not is_number_token(token):
        return None
    return _cell(token, start, end, printed)
