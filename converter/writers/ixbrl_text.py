"""Inline XBRL in the source's own text: a plain-text filing shown as it is printed, its
amounts tagged where they stand.

A line item of a text statement knows the line its label starts on; its amounts stand
on that line or on a line its label wraps onto, before the next row starts (and before a
blank line). Its printed cells are looked for on the first of those lines that prints
them all, in column order, each the rightmost match left of the next one (a label can
hold numbers of its own: "uncollectible accounts of $428(2003)"), and the number of each
cell that shows a fact (`placement`) is wrapped in `ix:nonFraction` where it stands.
Facts no line shows go to `ix:hidden`, so the document carries the report's facts
exactly once. The page is the file's text in `<pre>` blocks: the whole file, or of a full
EDGAR submission the documents that hold statements.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from converter.model import Document, Fact, LineItem, XbrlReport
from converter.sources import split_documents, text_lines
from converter.writers.placement import Placed, place
from converter.writers.printed import DASH, parse_printed

MAX_SPAN = 8  # lines a row's label may wrap over before its amounts

Span = tuple[int, int]


@dataclass(frozen=True)
class Segment:
    """Text as printed; `placed` when it is the number of a cell that shows a fact."""

    text: str
    placed: Placed | None = None
    scale: int = 0
    negative: bool = False


@dataclass(frozen=True)
class TaggedText:
    blocks: tuple[tuple[Segment, ...], ...]  # one `<pre>` each
    hidden: tuple[Fact, ...]  # every report fact no line shows, in report order


@dataclass(frozen=True)
class _Wrap:
    start: int
    end: int
    placed: Placed
    scale: int


@cache
def _pattern(number: str) -> re.Pattern[str]:
    """`number` standing alone: not inside a longer number (or a dash inside a rule)."""
    if DASH.match(number):
        return re.compile(rf"(?<![-\d,.]){re.escape(number)}(?![-\d])")
    return re.compile(rf"(?<![\d,.]){re.escape(number)}(?![\d,.]*\d)")


def spans(line: str, numbers: list[str]) -> list[Span] | None:
    """Where `numbers` stand in `line`, in order, each the rightmost match left of the next;
    None when one of them is not there."""
    end = len(line)
    found: list[Span] = []
    for number in reversed(numbers):
        matches = [m for m in _pattern(number).finditer(line) if m.end() <= end]
        if not matches:
            return None
        found.append(matches[-1].span())
        end = matches[-1].start()
    return found[::-1]


def _candidate_lines(lines: list[str], first: int, stop: int) -> range:
    """0-based indexes of the lines a row's amounts may stand on: from its label's first line
    up to the next row's, a blank line or MAX_SPAN lines."""
    end = min(stop, first + MAX_SPAN, len(lines))
    for index in range(first + 1, end):
        if not lines[index].strip():
            return range(first, index)
    return range(first, end)


def _locate(lines: list[str], item: LineItem, stop: int,
            placed: dict[int, Placed]) -> tuple[int, list[_Wrap]] | None:
    """The line showing the item's printed cells and a wrap for each placed one."""
    cells = [(k, printed.number) for k, text in enumerate(item.texts)
             if (printed := parse_printed(text)) is not None]
    if not cells or not placed:
        return None
    for index in _candidate_lines(lines, item.source_line - 1, stop):
        found = spans(lines[index], [number for _k, number in cells])
        if found is not None:
            return index, [_Wrap(start, end, placed[k], item.scale)
                           for (k, _number), (start, end) in zip(cells, found, strict=True) if k in placed]
    return None


def _wraps(report: XbrlReport, document: Document, lines: list[str]) -> dict[int, list[_Wrap]]:
    """Line index → the facts wrapped on it, left to right."""
    placement = place(report, document)
    wraps: dict[int, list[_Wrap]] = {}
    for s, statement in enumerate(document.statements):
        for i, item in enumerate(statement.items):
            following = statement.items[i + 1].source_line - 1 if i + 1 < len(statement.items) else len(lines)
            stop = following if following > item.source_line - 1 else item.source_line
            placed = {k: p for (ps, pi, k), p in placement.cells.items() if (ps, pi) == (s, i)}
            located = _locate(lines, item, stop, placed)
            if located is None:
                continue
            index, found = located
            taken = wraps.setdefault(index, [])
            if not any(w.start < t.end and t.start < w.end for w in found for t in taken):
                taken.extend(found)
                taken.sort(key=lambda w: w.start)
    return wraps


def _shown(lines: list[str], document: Document) -> list[range]:
    """0-based line ranges to show: the submission's documents holding statements, else all."""
    parts = split_documents(lines)
    if not parts:
        return [range(len(lines))]
    rows = {item.source_line for statement in document.statements for item in statement.items}
    ranges = [range(p.first_line - 1, p.first_line - 1 + len(p.lines)) for p in parts]
    return [r for r in ranges if any(line - 1 in r for line in rows)] or [range(len(lines))]


def _segments(lines: list[str], shown: range, wraps: dict[int, list[_Wrap]]) -> tuple[Segment, ...]:
    segments: list[Segment] = []
    pending: list[str] = []
    for index in shown:
        line = lines[index]
        at = 0
        for wrap in wraps.get(index, ()):
            pending.append(line[at:wrap.start])
            segments.append(Segment("".join(pending)))
            pending = []
            fact = wrap.placed.fact
            segments.append(Segment(line[wrap.start:wrap.end], wrap.placed, wrap.scale,
                                    negative=not isinstance(fact.value, str) and fact.value < 0))
            at = wrap.end
        pending.append(line[at:] + "\n")
    segments.append(Segment("".join(pending)))
    return tuple(s for s in segments if s.text)


def tag_text(report: XbrlReport, document: Document) -> TaggedText | None:
    """The source text with its amounts tagged; None when the source is not plain text that
    can be read again."""
    lines = text_lines(document.meta.source)
    if lines is None:
        return None
    wraps = _wraps(report, document, lines)
    blocks = tuple(_segments(lines, shown, wraps) for shown in _shown(lines, document))
    shown_ids = {s.placed.fact.id for block in blocks for s in block if s.placed is not None}
    return TaggedText(blocks, tuple(f for f in report.facts if f.id not in shown_ids))
