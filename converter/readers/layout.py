"""The geometry of a text table: where the header ends, where the columns are,
and which header words sit above which column."""

from __future__ import annotations

import re
from dataclasses import dataclass

from converter.readers.cells import Cell, Line, LineKind

_YEAR_CELL = re.compile(r"^(?:19|20)\d\d\**$")
_CHUNK = re.compile(r"\S+(?: \S+)*")
_RULE_RUN = re.compile(r"[-=_]{3,}")
_CAPTION_WORDS = 3  # a header chunk of this many words starting well left of the columns
_CAPTION_MARGIN = 8  # (this many characters) is a caption line, not a column heading


@dataclass(frozen=True)
class Chunk:
    text: str
    start: int
    end: int
    line: int


@dataclass(frozen=True)
class ColumnSlot:
    start: int
    end: int
    cells: int  # how many body rows have a cell here
    percents: int


def is_year_row(line: Line) -> bool:
    """A row of bare years (a header row) rather than amounts."""
    return line.kind is LineKind.VALUES and all(
        _YEAR_CELL.match(cell.text.strip()) for cell in line.cells)


def split_header(lines: list[Line]) -> int:
    """Index of the first body row: the first row of amounts that is not a row of years."""
    for index, line in enumerate(lines):
        if line.kind is LineKind.VALUES and not is_year_row(line):
            return index
    return len(lines)


def body_start(lines: list[Line], split: int, columns: list[ColumnSlot]) -> int:
    """Move label-only lines (section headings) at the end of the header into the body."""
    first_start = columns[0].start if columns else 0
    index = split
    while index > 0:
        line = lines[index - 1]
        if line.kind is LineKind.BLANK:
            index -= 1
            continue
        if line.kind is not LineKind.TEXT or any(chunk.end > first_start - 1 for chunk in chunks(line)):
            break
        index -= 1
    while index < split and lines[index].kind is LineKind.BLANK:
        index += 1
    return index


def chunks(line: Line) -> list[Chunk]:
    return [Chunk(match.group(), match.start(), match.end(), line.number)
            for match in _CHUNK.finditer(line.text)]


def find_columns(body: list[Line]) -> list[ColumnSlot]:
    """Cluster the cells of all body rows into columns by overlapping spans."""
    spans: list[list[int]] = []
    for line in body:
        for cell in line.cells:
            spans.append([cell.start, cell.end, 1, int(cell.percent)])
    spans.sort()
    merged: list[list[int]] = []
    for start, end, count, percent in spans:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
            merged[-1][2] += count
            merged[-1][3] += percent
        else:
            merged.append([start, end, count, percent])
    return [ColumnSlot(start, end, count, percent) for start, end, count, percent in merged]


def column_of(cell: Cell, columns: list[ColumnSlot]) -> int:
    for index, column in enumerate(columns):
        if cell.start < column.end and cell.end > column.start:
            return index
    return min(range(len(columns)), key=lambda index: abs(columns[index].end - cell.end))


def _overlap(chunk: Chunk, column: ColumnSlot) -> int:
    return min(chunk.end, column.end) - max(chunk.start, column.start)


def assign_header(head: list[Line], columns: list[ColumnSlot]) -> tuple[list[list[Chunk]], list[Chunk]]:
    """Header chunks above each column, and the chunks left of all columns (titles, notes)."""
    above: list[list[Chunk]] = [[] for _ in columns]
    left: list[Chunk] = []
    first_start = columns[0].start if columns else 0
    lines: list[list[tuple[Chunk, list[int]]]] = []
    for position, line in enumerate(head):
        if line.kind in (LineKind.BLANK, LineKind.RULE):
            continue
        below = head[position + 1] if position + 1 < len(head) else None
        # runs of dashes under the line; one reaching into the labels' margin is a separator
        # printed across the table, not an underline spanning some columns
        runs = [(m.start(), m.end()) for m in _RULE_RUN.finditer(below.text)
                if m.start() >= first_start - _CAPTION_MARGIN] \
            if below is not None and below.kind is LineKind.RULE else []
        placed: list[tuple[Chunk, list[int]]] = []
        for chunk in chunks(line):
            if chunk.start < first_start - _CAPTION_MARGIN and len(chunk.text.split()) >= _CAPTION_WORDS:
                left.append(chunk)  # a caption line reaching into the labels' margin dates the table
                continue
            hits = [index for index, column in enumerate(columns)
                    if chunk.start < column.end and chunk.end > column.start]
            if len(hits) > 1 and " " not in chunk.text:
                hits = [max(hits, key=lambda index: _overlap(chunk, columns[index]))]
            ruled = _ruled(chunk, runs, columns)
            if len(ruled) > len(hits):  # the rule printed under the chunk shows what it spans
                hits = ruled
            if not hits and chunk.end > first_start - 2 and columns:
                centre = (chunk.start + chunk.end) / 2
                hits = [min(range(len(columns)),
                            key=lambda index: abs((columns[index].start + columns[index].end) / 2 - centre))]
            if hits:
                placed.append((chunk, hits))
            else:
                left.append(chunk)
        lines.append(placed)
    for position in range(len(lines) - 2, -1, -1):  # bottom-up: a heading spans what spans below it
        lines[position] = _over_pairs(lines[position], lines[position + 1])
    groups: list[list[int]] = []  # columns under one spanning chunk ("Three Months Ended")
    for placed in lines:
        for chunk, hits in _spread(placed, groups):
            for index in hits:
                above[index].append(chunk)
        groups.extend(hits for _, hits in placed if len(hits) > 1)
    return above, left


def _over_pairs(placed: list[tuple[Chunk, list[int]]],
                below: list[tuple[Chunk, list[int]]]) -> list[tuple[Chunk, list[int]]]:
    """A heading of several words centred over two or more headings of the line below
    ("THREE MONTHS ENDED" over "June 30, 1998  June 30, 1997", "December 31," over
    "1998  1997") heads all their columns, even where it is narrower than they are and
    overlaps one column or none. Each heading below belongs to the chunk of this line that
    covers most of its cell (the heading widened to the middle of the gaps beside it); a
    chunk takes the run of cells it owns when it is centred over that run (one word only a
    single heading's columns: "Unaudited" over "Six Months Ended")."""
    if not below:
        return placed
    cells = [((below[k - 1][0].end + chunk.start) / 2 if k else float("-inf"),
              (chunk.end + below[k + 1][0].start) / 2 if k + 1 < len(below) else float("inf"))
             for k, (chunk, _) in enumerate(below)]
    owner: list[int | None] = []
    for low, high in cells:
        covers = [(min(chunk.end, high) - max(chunk.start, low), number)
                  for number, (chunk, _) in enumerate(placed)]
        best = max(covers, default=(0.0, None))
        owner.append(best[1] if best[0] > 0 else None)
    widened: list[tuple[Chunk, list[int]]] = []
    for number, (chunk, hits) in enumerate(placed):
        run = [k for k, found in enumerate(owner) if found == number]
        if run and (" " in chunk.text or len(run) == 1):
            first, last = below[run[0]][0], below[run[-1]][0]
            off_centre = abs((chunk.start + chunk.end) - (first.start + last.end)) / 2
            centred = off_centre <= (last.end - first.start) / 4
            union = sorted({*hits, *(index for k in run for index in below[k][1])})
            if centred and len(union) > len(hits) and union == list(range(union[0], union[-1] + 1)):
                hits = union
        widened.append((chunk, hits))
    return widened


def _ruled(chunk: Chunk, runs: list[tuple[int, int]], columns: list[ColumnSlot]) -> list[int]:
    """The columns under the run of dashes printed right below `chunk` ("December 31," over
    a rule that spans both year columns), if one lies under the chunk's middle."""
    centre = (chunk.start + chunk.end) / 2
    run = next(((start, end) for start, end in runs if start <= centre <= end), None)
    if run is None:
        return []
    return [index for index, column in enumerate(columns) if column.start < run[1] and column.end > run[0]]


def _spread(placed: list[tuple[Chunk, list[int]]], groups: list[list[int]]) -> list[tuple[Chunk, list[int]]]:
    """A chunk over one column of a spanned group ("June 30," centred under "Three Months
    Ended") applies to the whole group when no other chunk of its line sits over the group."""
    spread: list[tuple[Chunk, list[int]]] = []
    for chunk, hits in placed:
        if len(hits) == 1:
            group = next((group for group in reversed(groups) if hits[0] in group), None)
            owners = {index for other, others in placed if other is not chunk for index in others}
            if group is not None and not owners & set(group):
                hits = group
        spread.append((chunk, hits))
    return spread
