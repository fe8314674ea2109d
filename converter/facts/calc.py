"""Calculation relationships from the statement's own arithmetic.

For each total row (an explicit total, or any row that equals, to the unit and
in every one of at least two columns, a contiguous run of the open rows right
above it) find the
contiguous run of preceding open rows (rows already summed into a total are
replaced by that total) whose balance-weighted sum matches the total. Weights
follow XBRL 2.1: +1 when the child's balance equals the total's, -1 when
opposite (an extension concept without a balance takes its total's: weight +1).
A us-gaap concept without a balance (net cash provided by operating activities)
is summed in statements that print cash effects: XBRL 2.1 then binds no weight,
and each weight is the one that makes the printed amounts add up, +1 when the
child and the total are both shown as their facts' signs (or both negated), -1
otherwise, as the official calculations weigh net income (+1) and an increase
in receivables (-1) under operating cash flow.
"Matches" is the Calc 1.1 round-to-nearest test: |sum - total| <= the
sum of the half-units of every fact involved ((n+1)/2 * 10**-decimals when all
share one precision). Columns where the total and every item are zero prove
nothing and are not counted.

A total printed as a magnitude ("LOSS FROM OPERATIONS 4,322,012" under revenues
and expenses that net to -4,322,012) is recognised when its items sum exactly to
its negation in every column and at least one item shares its balance: the fact
is the negative value, shown negated. Likewise an item the sign rules turned
round (an expense printed "(21)") keeps its printed sign when only that makes
the total add up in every column (a tax benefit among expenses printed positive).
No run reaches back over total assets: by the balance-sheet identity, total assets
less the liability and equity lines above a row always "add up" to it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from converter.model import ConceptDef, Period

MIN_CHILDREN = 2
IMPLICIT_MIN_COLUMNS = 2  # columns an unmarked total must add up in
Values = tuple[Decimal | None, ...]


@dataclass(frozen=True)
class CalcRow:
    concept: ConceptDef
    values: Values  # signed fact values per column
    periods: tuple[Period | None, ...]  # the fact's period per column
    decimals: int
    is_total: bool
    summable: bool  # monetary with a balance (or free to take one)
    may_negate: bool = True  # the concept may take negative values
    free: bool = False  # an extension concept without a balance: it takes its total's
    shown_negated: bool = False  # the statement prints the negation of the facts (a negated label)
    closes_side: bool = False  # total assets: it closes one side of a balance sheet, no run crosses it
    restorable: bool = False  # the sign rules turned this row round; the arithmetic may undo it


@dataclass(frozen=True)
class Summation:
    total: int  # row index
    children: tuple[int, ...]
    weights: tuple[int, ...]
    matched: int  # columns whose arithmetic holds within rounding
    exact: int  # columns whose arithmetic holds to the unit
    checked: int  # columns where the total or an item is non-zero
    negated: bool = False  # the total is printed with the opposite sign
    restored: tuple[int, ...] = ()  # items whose printed sign the arithmetic shows to be the fact's


@dataclass(frozen=True)
class Derivation:
    summations: tuple[Summation, ...]
    values: tuple[Values, ...]  # row values once negated totals and restored items are settled


def half_unit(decimals: int) -> Decimal:
    return Decimal(5).scaleb(-decimals - 1)


def derive(rows: Sequence[CalcRow]) -> Derivation:
    values = [row.values for row in rows]
    open_rows: list[int] = []
    found: list[Summation] = []
    for index, row in enumerate(rows):
        if all(v is None for v in row.values):
            continue
        summing = row.summable and not row.free
        best = _best_run(rows, values, open_rows, index) if summing else None
        if best is not None:
            found.append(best)
            del open_rows[len(open_rows) - len(best.children):]
            if best.negated:
                values[index] = _turned(values[index])
            for item in best.restored:
                values[item] = _turned(values[item])
        open_rows.append(index)
    return Derivation(tuple(found), tuple(values))


def _best_run(rows: Sequence[CalcRow], values: Sequence[Values], open_rows: Sequence[int],
              total: int) -> Summation | None:
    best: Summation | None = None
    parent = rows[total]
    for length in range(1, len(open_rows) + 1):
        child = rows[open_rows[-length]]
        if (not child.summable or child.closes_side or child.concept.qname == parent.concept.qname
                or child.periods != parent.periods):
            break
        run = tuple(open_rows[-length:])
        if length < MIN_CHILDREN or len({rows[i].concept.qname for i in run}) < length:
            continue
        if _nonzero_children(values, run) < MIN_CHILDREN:
            continue
        for candidate in _candidates(rows, values, run, total):
            if _acceptable(candidate, parent) and (best is None or _rank(candidate) > _rank(best)):
                best = candidate
    return best


def _turned(row: Values) -> Values:
    return tuple(None if v is None else -v for v in row)


def _candidates(rows: Sequence[CalcRow], values: Sequence[Values], run: tuple[int, ...],
                total: int) -> Iterator[Summation]:
    """The run as signed, with the total turned round, and with one turned item restored."""
    yield _evaluate(rows, values, run, total, negated=False)
    yield _evaluate(rows, values, run, total, negated=True)
    for item in run:
        if rows[item].restorable:
            trial = list(values)
            trial[item] = _turned(values[item])
            yield replace(_evaluate(rows, trial, run, total, negated=False), restored=(item,))


def _rank(summation: Summation) -> tuple[int, int, bool, bool]:
    return (summation.matched, summation.exact, not summation.negated, not summation.restored)


def _acceptable(summation: Summation, parent: CalcRow) -> bool:
    # an unmarked row in a one-column statement equal to the rows above may be a coincidence
    if not summation.checked or (not parent.is_total and summation.checked < IMPLICIT_MIN_COLUMNS):
        return False
    exact = summation.exact == summation.checked
    if summation.negated:  # items all of the other balance point at a mapping slip, not a sign
        return parent.may_negate and 1 in summation.weights and exact
    if summation.restored:
        return exact
    return exact or (parent.is_total and summation.matched >= 1)


def _nonzero_children(values: Sequence[Values], run: Sequence[int]) -> int:
    return sum(1 for i in run if any(v is not None and v != 0 for v in values[i]))


def _weight(child: CalcRow, parent: CalcRow) -> int:
    if child.free:
        return 1
    if child.concept.balance is None or parent.concept.balance is None:
        return 1 if child.shown_negated == parent.shown_negated else -1
    return 1 if child.concept.balance is parent.concept.balance else -1


def _evaluate(rows: Sequence[CalcRow], values: Sequence[Values], run: tuple[int, ...], total: int,
              *, negated: bool) -> Summation:
    parent = rows[total]
    weights = tuple(_weight(rows[i], parent) for i in run)
    matched = exact = checked = 0
    for column, shown in enumerate(values[total]):
        present = [(w, values[i][column], rows[i].decimals) for w, i in zip(weights, run)
                   if values[i][column] is not None]
        if shown is None or not present or (shown == 0 and all(v == 0 for _, v, _ in present)):
            continue
        target = -shown if negated else shown
        checked += 1
        computed = sum((w * v for w, v, _ in present), Decimal(0))  # type: ignore[operator]
        tolerance = half_unit(parent.decimals) + sum((half_unit(d) for _, _, d in present),
                                                      Decimal(0))
        matched += abs(computed - target) <= tolerance
        exact += computed == target
    return Summation(total, run, weights, matched, exact, checked, negated)


@dataclass(frozen=True)
class Fitted:
    """A summation in concept terms, with the contexts of the statement it came from."""

    parent: str
    children: tuple[str, ...]
    weights: tuple[int, ...]
    own_contexts: frozenset[str]


def mismatches(summation: Fitted,
               facts: Mapping[tuple[str, str], tuple[Decimal, int]]) -> frozenset[str]:
    """The contexts where the total is reported and its reported items do not add up to it.

    Calculation 1.1 binds a network to every context in the instance, so a tree
    read from one statement must not contradict the same total in another.
    """
    failing: set[str] = set()
    for (concept, context), (total, decimals) in facts.items():
        if concept != summation.parent:
            continue
        present = [(w, facts[(c, context)]) for c, w in zip(summation.children, summation.weights)
                   if (c, context) in facts]
        if not present:
            continue
        computed = sum((w * v for w, (v, _) in present), Decimal(0))
        tolerance = half_unit(decimals) + sum((half_unit(d) for _, (_, d) in present), Decimal(0))
        if abs(computed - total) > tolerance:
            failing.add(context)
    return frozenset(failing)


def merged(summation: Fitted, others: Sequence[Fitted]) -> Fitted | None:
    """The summation widened by the items other statements sum into the same total.

    A condensed statement may list fewer items than the full one; the union of
    both item lists holds in both when each statement's extra items are absent
    (or zero) in the other. None when the statements disagree on a weight.
    """
    children = list(summation.children)
    weights = list(summation.weights)
    for other in others:
        for child, weight in zip(other.children, other.weights, strict=True):
            if child in children:
                if weights[children.index(child)] != weight:
                    return None
                continue
            children.append(child)
            weights.append(weight)
    return Fitted(summation.parent, tuple(children), tuple(weights), summation.own_contexts)
