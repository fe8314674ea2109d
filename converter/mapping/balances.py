"""Cash-flow balance rows agree with the balance sheet.

A cash-flow statement's cash at the beginning or end of the period (`LineItem.balance_at`)
is a balance: when the document's balance sheet reports the same amount on the same day
under an instant concept the row ranked among its candidates, the row takes that concept.
An older filing's "Cash and equivalents, end of period" is then the balance sheet's
`CashAndCashEquivalentsAtCarryingValue`, not the restricted-cash total later filers use.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from decimal import Decimal

from converter.model import (
    BalanceAt,
    ConceptDef,
    Document,
    Duration,
    Instant,
    LineItem,
    Mapping,
    PeriodType,
    Statement,
    StatementKind,
)

Sheet = dict[tuple[date, Decimal], set[str]]


def align_balances(document: Document, mappings: Sequence[Sequence[Mapping]]) -> tuple[tuple[Mapping, ...], ...]:
    """`mappings` (aligned with `document.statements`) with cash-flow balance rows re-mapped
    to the balance-sheet concept that reports their amounts."""
    sheet: Sheet = {}
    concepts: dict[str, ConceptDef] = {}
    for statement, statement_mappings in zip(document.statements, mappings, strict=True):
        if statement.kind is not StatementKind.BALANCE_SHEET:
            continue
        for item, mapping in zip(statement.items, statement_mappings, strict=True):
            if mapping.is_extension or mapping.concept.period_type is not PeriodType.INSTANT:
                continue
            concepts[mapping.concept.qname] = mapping.concept
            for column, value in zip(statement.columns, item.values, strict=True):
                if value and isinstance(column.period, Instant):
                    sheet.setdefault((column.period.date, value), set()).add(mapping.concept.qname)
    return tuple(tuple(_aligned(statement, item, mapping, sheet, concepts) for item, mapping
                       in zip(statement.items, statement_mappings, strict=True))
                 for statement, statement_mappings in zip(document.statements, mappings, strict=True))


def _aligned(statement: Statement, item: LineItem, mapping: Mapping, sheet: Sheet,
             concepts: dict[str, ConceptDef]) -> Mapping:
    if item.balance_at is None or mapping.is_extension:
        return mapping
    ranked = {mapping.concept.qname, *(alternative.concept for alternative in mapping.alternatives)}
    for day, value in _balances(statement, item):
        found = sheet.get((day, value), set()) & ranked
        if len(found) == 1 and mapping.concept.qname not in found:
            qname = found.pop()
            return Mapping(concepts[qname], mapping.confidence,
                           tuple(a for a in mapping.alternatives if a.concept != qname),
                           f"the balance sheet reports {value} on {day} as {qname}", label=mapping.label)
    return mapping


def _balances(statement: Statement, item: LineItem) -> list[tuple[date, Decimal]]:
    """The row's amounts with the day each is the balance of."""
    found = []
    for column, value in zip(statement.columns, item.values, strict=True):
        if not value or not isinstance(column.period, Duration):
            continue
        day = column.period.start - timedelta(days=1) if item.balance_at is BalanceAt.START else column.period.end
        found.append((day, value))
    return found
