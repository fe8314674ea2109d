"""Which fact each printed statement cell shows.

The facts stage keeps, per fact, the source line of its row; a cell's fact is the
one from its row's line, in a context the cell's column can stand for (the
column's period, or for an instant concept in a duration column its end or the
day before its start), whose magnitude is the printed number times the row's
scale. Each fact is placed on the first cell that shows it; facts no cell shows
are hidden, so the document carries every fact of the report exactly once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from converter.facts.contexts import context_id
from converter.model import Column, Document, Fact, Instant, LineItem, XbrlReport
from converter.writers.printed import Printed, parse_printed

Cell = tuple[int, int, int]  # statement, line item, column


@dataclass(frozen=True)
class Placed:
    fact: Fact
    printed: Printed


@dataclass(frozen=True)
class Placement:
    cells: dict[Cell, Placed]
    hidden: tuple[Fact, ...]  # in report order


def column_contexts(column: Column) -> frozenset[str]:
    period = column.period
    if isinstance(period, Instant):
        return frozenset({context_id(period)})
    return frozenset({context_id(period), context_id(Instant(period.end)),
                      context_id(Instant(period.start - timedelta(days=1)))})


def place(report: XbrlReport, document: Document,
          texts: Callable[[int, int, LineItem], tuple[str | None, ...]] | None = None) -> Placement:
    """Place the report's facts on the document's cells.

    `texts(statement, item, line_item)` gives the cells' printed texts (default: the
    reader's `LineItem.texts`); a cell whose text is None is not placed.
    """
    by_line: dict[int, list[tuple[Fact, Decimal]]] = defaultdict(list)
    for fact in report.facts:
        if fact.source_line is not None and isinstance(fact.value, Decimal):
            by_line[fact.source_line].append((fact, abs(fact.value)))
    placed: set[str] = set()
    cells: dict[Cell, Placed] = {}
    for s, statement in enumerate(document.statements):
        contexts = tuple(column_contexts(column) for column in statement.columns)
        for i, item in enumerate(statement.items):
            printed_texts = texts(s, i, item) if texts is not None else item.texts
            for k, text in enumerate(printed_texts[:len(contexts)]):
                printed = parse_printed(text) if text is not None else None
                if printed is None:
                    continue
                magnitude = printed.magnitude(item.scale)
                fact = next((f for f, size in by_line.get(item.source_line, ())
                             if f.id not in placed and f.context_id in contexts[k]
                             and size == magnitude), None)
                if fact is not None:
                    placed.add(fact.id)
                    cells[(s, i, k)] = Placed(fact, printed)
    return Placement(cells, tuple(f for f in report.facts if f.id not in placed))
