"""An HTML `<table>` → the reading form of `statements.Table`.

Cells are laid on a grid (colspan, rowspan); `$`, `(`, `)` and `%` printed in
cells of their own join the amount next to them; the value columns are the grid
columns that hold amounts in body rows; header cells above them name their
periods; header cells in the label column or spanning the whole table are title
lines. Body rows become text-reader `Line`s (label, indentation in points,
amounts at their grid positions, rules for cell borders), so the rows are read
exactly as in text tables; beside them, each amount keeps the cell element it
was read from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from converter.readers.cells import Cell, Line, LineKind, clean_label, parse_cell
from converter.readers.html_dom import first_text_line, tag_of, text_of
from converter.readers.html_style import borders, label_indent
from converter.readers.layout import Chunk, ColumnSlot, find_columns, is_year_row
from converter.readers.statements import Table, TitleLine

MAX_COLUMNS = 400  # wider grids are not statements (and would make every row costly)
_MAX_SPAN = 100
_MAX_ROWSPAN = 10  # statement tables span rows only in their headers
_PREFIXES = frozenset({"$", "(", "$(", "($", "$ ("})
_SUFFIXES = frozenset({")", "%", ")%", "%)", "pts", "pts.", "bps"})
_CELL_TAGS = frozenset({"td", "th"})
_RULE_TEXT = re.compile(r"^[-=_\u2014\u2013 ]{3,}$")


class TooWide(Exception):
    """The table's grid is wider than MAX_COLUMNS."""


@dataclass(frozen=True)
class GridCell:
    text: str
    start: int  # first grid column
    end: int  # grid column after the last
    line: int
    indent: int  # points, for label cells
    element: etree._Element | None = field(default=None, compare=False, repr=False)  # the td or th


@dataclass(frozen=True)
class GridRow:
    cells: tuple[GridCell, ...]  # cells with text, in grid order
    line: int
    top: bool  # a value cell draws a line above the row
    bottom: bool  # a value cell draws a line below the row


def _span(value: str | None) -> int:
    """A `colspan` or `rowspan` attribute as a count."""
    if value is None:
        return 1
    value = value.strip()
    return min(max(int(value), 1), _MAX_SPAN) if value.isdigit() else 1


def table_rows(table: etree._Element) -> list[etree._Element]:
    """The table's own rows (not those of tables nested in its cells)."""
    rows: list[etree._Element] = []
    for child in table:
        tag = tag_of(child)
        if tag == "tr":
            rows.append(child)
        elif tag in ("tbody", "thead", "tfoot"):
            rows.extend(row for row in child if tag_of(row) == "tr")
    return rows


def grid(table: etree._Element, offset: int) -> list[GridRow]:
    """The rows of a table on its column grid; TooWide when it has more than MAX_COLUMNS."""
    rows: list[GridRow] = []
    spanned: dict[int, set[int]] = {}  # row index → grid columns taken by rowspans from above
    for index, row in enumerate(table_rows(table)):
        taken = spanned.pop(index, None)
        column = 0
        cells: list[GridCell] = []
        top = bottom = False
        for cell in row:
            tag = cell.tag
            if tag not in _CELL_TAGS and not (isinstance(tag, str) and tag.lower() in _CELL_TAGS):
                continue
            if taken:
                while column in taken:
                    column += 1
            width = _span(cell.get("colspan"))
            if column + width > MAX_COLUMNS:
                raise TooWide(f"{column + width}")
            rowspan = cell.get("rowspan")
            if rowspan is not None:
                for below in range(1, min(_span(rowspan), _MAX_ROWSPAN)):
                    spanned.setdefault(index + below, set()).update(range(column, column + width))
            text = text_of(cell)
            if column > 0 and not (top and bottom):
                cell_top, cell_bottom = borders(cell)
                top, bottom = top or cell_top, bottom or cell_bottom
            if text:
                cells.append(GridCell(text, column, column + width, first_text_line(cell, offset),
                                      label_indent(cell) if not cells else 0, cell))
            column += width
        rows.append(GridRow(tuple(cells), offset + (row.sourceline or 1), top, bottom))
    return rows


@dataclass
class _Row:
    label: GridCell | None
    amounts: list[Cell]
    elements: list[etree._Element | None]  # the cell holding each amount's number
    texts: list[GridCell]
    line: int


def _position(start: int, end: int) -> tuple[int, int]:
    """Character-like span of grid columns [start, end) that never touches its neighbours."""
    return 2 * start, 2 * end - 1


def _read_row(row: GridRow) -> _Row:
    label: GridCell | None = None
    amounts: list[Cell] = []
    elements: list[etree._Element | None] = []
    texts: list[GridCell] = []
    prefix = ""
    previous_amount = False
    previous_end = -1
    for cell in row.cells:
        if cell.text in _PREFIXES:
            prefix += cell.text
            continue
        # a suffix joins the amount in the cell just before it; a "%" heading across a gap from a
        # year ("2022 | | %") heads a percent column of its own
        if cell.text in _SUFFIXES and previous_amount and cell.start == previous_end:
            last = amounts[-1]
            joined = parse_cell(f"{last.text}{cell.text}", last.start, last.end)
            if joined is not None:
                amounts[-1] = joined
            previous_end = cell.end
            continue
        start, end = _position(cell.start, cell.end)
        amount = parse_cell(f"{prefix}{cell.text}", start, end) if cell.start > 0 else None
        prefix = ""
        previous_amount = amount is not None
        previous_end = cell.end
        if amount is not None:
            amounts.append(amount)
            elements.append(cell.element)
        elif label is None and not amounts and not texts:
            label = cell
        else:
            texts.append(cell)
    return _Row(label, amounts, elements, texts, row.cells[0].line if row.cells else row.line)


def _line(row: _Row) -> Line:
    label = clean_label(row.label.text) if row.label else ""
    indent = row.label.indent if row.label else 0
    text = " ".join([label, *(cell.text for cell in row.amounts)]).strip()
    if row.amounts:
        return Line(row.line, text, LineKind.VALUES, label, indent, tuple(row.amounts))
    if label:
        return Line(row.line, label, LineKind.TEXT, label, indent, ())
    return Line(row.line, "", LineKind.BLANK, "", 0, ())


def _is_rule(row: GridRow) -> bool:
    return bool(row.cells) and all(_RULE_TEXT.match(cell.text) for cell in row.cells)


def _hits(cell: GridCell, columns: list[ColumnSlot]) -> list[int]:
    start, end = _position(cell.start, cell.end)
    return [index for index, column in enumerate(columns) if start < column.end and end > column.start]


def _nearest(cell: GridCell, columns: list[ColumnSlot]) -> int:
    """The value column whose centre is nearest the cell's centre (both in doubled grid units)."""
    start, end = _position(cell.start, cell.end)
    return min(range(len(columns)),
               key=lambda index: abs(columns[index].start + columns[index].end - start - end))


def _is_title(cell: GridCell, hits: list[int], first_value: int) -> bool:
    """A header cell in the label column, or one spanning from it across the value columns."""
    return (not hits and cell.end <= first_value) or (cell.start == 0 and bool(hits))


@dataclass(frozen=True)
class HtmlTable:
    table: Table
    elements: tuple[tuple[etree._Element | None, ...], ...]  # per body line, the element of each amount


def build_table(rows: list[GridRow], titles: list[TitleLine],
                notes: tuple[TitleLine, ...] = ()) -> HtmlTable | None:
    """The reading form of a table with amounts in its body (None without any)."""
    read = [_read_row(row) for row in rows]
    split = next((index for index, row in enumerate(read)  # rows without amounts make no VALUES lines
                  if row.amounts and not is_year_row(_line(row))), None)
    if split is None:
        return None
    lines = [_line(row) for row in read]
    body_rows = [line for line in lines[split:] if line.kind is LineKind.VALUES and not is_year_row(line)]
    columns = find_columns(body_rows)
    first_value = min(column.start for column in columns) // 2
    above: list[list[Chunk]] = [[] for _ in columns]
    head: list[str] = []
    in_table: list[TitleLine] = []
    last_header = -1
    for index in range(split):
        cells = rows[index].cells
        over = [(cell, _hits(cell, columns)) for cell in cells]
        over = [(cell, hits or [_nearest(cell, columns)]) for cell, hits in over
                if not _is_title(cell, hits, first_value)]
        if len(over) == 1:  # one heading over the value columns ("Three Months Ended") covers them all
            over = [(over[0][0], list(range(len(columns))))]
        for cell, targets in over:
            for target in targets:
                above[target].append(Chunk(cell.text, cell.start, cell.end, cell.line))
        if over:
            last_header = index
        head.append(" ".join(cell.text for cell in cells))
    body_start = split
    while body_start > last_header + 1 and lines[body_start - 1].kind is not LineKind.VALUES:
        body_start -= 1
    for index in range(min(body_start, split)):
        for cell in rows[index].cells:
            if _is_title(cell, _hits(cell, columns), first_value):
                in_table.append(TitleLine(cell.text, cell.line))
    body: list[Line] = []
    elements: list[tuple[etree._Element | None, ...]] = []
    for index in range(body_start, len(rows)):
        row, line = rows[index], lines[index]
        if _is_rule(row):
            body.append(Line(row.line, "", LineKind.RULE, "", 0, ()))
            elements.append(())
            continue
        if line.kind is LineKind.VALUES and is_year_row(line):
            continue
        if row.top or (index > 0 and rows[index - 1].bottom):
            body.append(Line(line.number, "", LineKind.RULE, "", 0, ()))
            elements.append(())
        body.append(line)
        elements.append(tuple(read[index].elements))
    table = Table((*_header_context(above), *titles, *in_table), tuple(head), tuple(columns),
                  tuple(tuple(chunks) for chunks in above), tuple(body), by_content=False, year_columns=True,
                  notes=notes)
    return HtmlTable(table, tuple(elements))


def _header_context(above: list[list[Chunk]]) -> list[TitleLine]:
    """All column headings as one farthest title line: a heading over some columns
    ("Fiscal Year Ended January 31,") dates the bare years under the others."""
    seen: dict[tuple[str, int, int], Chunk] = {}
    for chunks in above:
        for chunk in chunks:
            seen.setdefault((chunk.text, chunk.start, chunk.line), chunk)
    if not seen:
        return []
    chunks = list(seen.values())
    return [TitleLine(" ".join(chunk.text for chunk in chunks), chunks[0].line)]
