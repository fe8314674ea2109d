"""Which HTML cell each value of a statement read from a table came from (`LineItem.cell_refs`).

The row reader turns every body line with amounts into one line item, in order,
and drops items with no amount in a dated column; an item's values are the line's
amounts in the dated ("kept") columns. The kept columns are those whose header
words are the column specs' headers. Replaying that on the table's lines, with
the cell element behind each amount, gives every value its cell; a table whose
replay does not reproduce the items' printed texts exactly gets no references.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace

from lxml import etree

from converter.model import LineItem
from converter.readers.cells import LineKind
from converter.readers.html_tables import HtmlTable
from converter.readers.layout import ColumnSlot, column_of
from converter.readers.statements import Candidate

MAX_CHOICES = 64  # header-consistent column choices tried before giving up on a table
Slots = tuple[tuple[str, etree._Element | None] | None, ...]  # per table column: text and cell of an amount


def _slots(html: HtmlTable) -> list[Slots]:
    """Per body line with amounts: the amount (text, element) in each column, first one wins."""
    columns: list[ColumnSlot] = list(html.table.columns)
    found: list[Slots] = []
    for line, elements in zip(html.table.body, html.elements, strict=True):
        if line.kind is not LineKind.VALUES:
            continue
        slots: list[tuple[str, etree._Element | None] | None] = [None] * len(columns)
        for cell, element in zip(line.cells, elements, strict=True):
            index = column_of(cell, columns)
            if slots[index] is None:
                slots[index] = (cell.text.strip(), element)
        found.append(tuple(slots))
    return found


def _choices(headers: list[str], wanted: list[str], start: int = 0) -> Iterator[tuple[int, ...]]:
    """Increasing column indexes whose headers are the wanted headers, in order."""
    if not wanted:
        yield ()
        return
    for index in range(start, len(headers)):
        if headers[index] == wanted[0]:
            for rest in _choices(headers, wanted[1:], index + 1):
                yield (index, *rest)


def _replay(lines: list[Slots], keep: tuple[int, ...], items: tuple[LineItem, ...]) -> list[Slots] | None:
    """The kept slots of each item, when the lines reproduce the items' texts in order."""
    kept = [tuple(line[index] for index in keep) for line in lines]
    kept = [line for line in kept if any(slot is not None for slot in line)]
    if len(kept) < len(items):
        return None
    for item, line in zip(items, kept, strict=False):
        if item.texts != tuple("" if slot is None else slot[0] for slot in line):
            return None
    return kept[:len(items)]


def with_cell_refs(candidate: Candidate, html: HtmlTable,
                   ref: Callable[[etree._Element], str]) -> Candidate:
    """The candidate with `cell_refs` on its items (`ref` names an element); unchanged when
    the table's cells cannot be matched to its values with certainty."""
    headers = [" ".join(chunk.text for chunk in chunks) for chunks in html.table.above]
    lines = _slots(html)
    for count, keep in enumerate(_choices(headers, [spec.header for spec in candidate.specs])):
        if count == MAX_CHOICES:
            break
        kept = _replay(lines, keep, candidate.items)
        if kept is None:
            continue
        items = tuple(
            replace(item, cell_refs=tuple(None if slot is None or slot[1] is None else ref(slot[1])
                                          for slot in line))
            for item, line in zip(candidate.items, kept, strict=True))
        return replace(candidate, items=items)
    return candidate
