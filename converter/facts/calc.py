"""Calculation relationships from the statement's own arithmetic.

For each total row (an explicit total, or any row that equals, to the unit and
in every column, a contiguous run of the rows right above it) find the contiguous run of preceding open rows
(rows already summed into a total are replaced by that total) whose
balance-weighted sum matches the total. Weights follow XBRL 2.1: +1 when the
child's balance equals the total's, -1 when opposite. "Matches" is the Calc 1.1
round-to-nearest test: |sum - total| <= the sum of the half-units of every fact
involved ((n+1)/2 * 10**-decimals when all share one precision).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from converter.model import ConceptDef, Period

MIN_CHILDREN = 2


@dataclass(frozen=True)
class CalcRow:
    concept: ConceptDef
    values: tuple[Decimal | None, ...]  # signed fact values per column
    periods: tuple[Period | None, ...]  # the fact's period per column
    decimals: int
    is_total: bool
    summable: bool  # monetary with a balance


@dataclass(frozen=True)
class Summation:
    total: int  # row index
    children: tuple[int, ...]
    weights: tuple[int, ...]
    matched: int  # columns whose arithmetic holds within rounding
    exact: int  # columns whose arithmetic holds to the unit
    checked: int  # columns with a total and at least one child value


def half_unit(decimals: int) -> Decimal:
    return Decimal(5).scaleb(-decimals - 1)


def derive(rows: Sequence[CalcRow]) -> tuple[Summation, ...]:
    open_rows: list[int] = []
    found: list[Summation] = []
    for index, row in enumerate(rows):
        if all(v is None for v in row.values):
            continue
        best = _best_run(rows, open_rows, index) if row.summable else None
        if best is not None and best.checked and (
                best.exact == best.checked or (row.is_total and best.matched >= 1)):
            found.append(best)
            del open_rows[len(open_rows) - len(best.children):]
        open_rows.append(index)
    return tuple(found)


def _best_run(rows: Sequence[CalcRow], open_rows: Sequence[int], total: int) -> Summation | None:
    best: Summation | None = None
    parent = rows[total]
    for length in range(1, len(open_rows) + 1):
        child = rows[open_rows[-length]]
        if (not child.summable or child.concept.qname == parent.concept.qname
                or child.periods != parent.periods):
            break
        run = tuple(open_rows[-length:])
        if length < MIN_CHILDREN or len({rows[i].concept.qname for i in run}) < length:
            continue
        candidate = _evaluate(rows, run, total)
        if _nonzero_children(rows, run) >= MIN_CHILDREN and (
                best is None or (candidate.matched, candidate.exact) > (best.matched, best.exact)):
            best = candidate
    return best


def _nonzero_children(rows: Sequence[CalcRow], run: Sequence[int]) -> int:
    return sum(1 for i in run if any(v is not None and v != 0 for v in rows[i].values))


def _evaluate(rows: Sequence[CalcRow], run: tuple[int, ...], total: int) -> Summation:
    parent = rows[total]
    weights = tuple(1 if rows[i].concept.balance is parent.concept.balance else -1 for i in run)
    matched = exact = checked = 0
    for column, target in enumerate(parent.values):
        present = [(w, rows[i]) for w, i in zip(weights, run) if rows[i].values[column] is not None]
        if target is None or not present:
            continue
        checked += 1
        computed = sum((w * r.values[column] for w, r in present), Decimal(0))  # type: ignore[operator]
        tolerance = half_unit(parent.decimals) + sum(
            (half_unit(r.decimals) for _, r in present), Decimal(0))
        if abs(computed - target) <= tolerance:
            matched += 1
        if computed == target:
            exact += 1
    return Summation(total, run, weights, matched, exact, checked)
