"""Sign rules: from the value a statement prints to the value the concept means.

A statement section has a natural balance orientation (balance sheet: debit on
the asset side, credit on the liabilities-and-equity side; income statement
credit; cash flow debit). A row printed negative whose concept's balance is
the opposite of that orientation is a negated presentation of a positive fact
(an expense "(150)" in an income statement is InterestExpense 150). A row is
negated as a whole: all its amounts negative, or, in a statement of cash
effects, any of them ("(Increase) decrease in receivables (30) 12" is +30 and
-12), and for changes and non-cash items of a statement of cash effects always
("Decrease in receivables 12" is -12), but never the net income such a statement
starts from ("Net loss (496)" is -496). Outside statements of cash effects a caption that
says which way its amounts point decides ("(Gain) loss on sale (120)" is a gain of 120, a
GainsLossesOnSalesOfAssets fact of +120, wherever the row sits). Concepts that may never be
negative are flipped with a warning.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from converter.facts.rules import Rules
from converter.model import Balance, ConceptDef, Diagnostic, LineItem, Severity, Statement

NEGATED_LABEL_ROLE = "http://www.xbrl.org/2009/role/negatedLabel"


@dataclass(frozen=True)
class SignedRow:
    values: tuple[Decimal | None, ...]  # fact values, one per column
    negated: bool  # the statement shows these values with the opposite sign
    diagnostics: tuple[Diagnostic, ...] = ()


def plain(value: Decimal) -> Decimal:
    """The same number with a non-negative exponent or its plain fraction digits (no 3.3E+7)."""
    if value == 0:
        return Decimal(0)
    return Decimal(format(value, "f"))


def orientations(statement: Statement, concepts: Sequence[ConceptDef],
                 rules: Rules) -> tuple[Balance, ...]:
    """The natural balance orientation of each row's section."""
    rule = rules.statements[statement.kind]
    current = rule.orientation
    second = rule.second_side_orientation
    result: list[Balance] = []
    switch_next = False
    for item, concept in zip(statement.items, concepts, strict=True):
        if second is not None and (switch_next or _names_credit_side(item, rules)):
            current = second
        result.append(current)
        if concept.qname in rules.asset_total_concepts:
            switch_next = True
    return tuple(result)


def _names_credit_side(item: LineItem, rules: Rules) -> bool:
    section = item.section.lower()
    return any(word in section for word in rules.credit_side_section_words)


def sign_row(item: LineItem, concept: ConceptDef, orientation: Balance, rules: Rules,
             *, negate_mixed: bool = False, always_negated: tuple[str, ...] = (),
             never_negated: frozenset[str] = frozenset()) -> SignedRow:
    """The row's fact values; `negate_mixed` when one negative amount negates the row;
    `always_negated`: name prefixes of concepts whose rows are negated when of the opposite balance;
    `never_negated`: us-gaap names printed with their facts' own signs."""
    shown = [v for v in item.values if v is not None and v != 0]
    printed_negative = [v for v in shown if v < 0]
    own_sign = concept.prefix == "us-gaap" and concept.name in never_negated
    caption = item.printed_positive if not negate_mixed and not own_sign else None
    if caption is not None and concept.balance is not None:
        negated = bool(shown) and caption is not concept.balance  # the caption says which way
    else:
        opposite = concept.balance is not None and concept.balance is not orientation and not own_sign
        negated = opposite and (
            (bool(printed_negative) and (negate_mixed or len(printed_negative) == len(shown)))
            or (bool(shown) and concept.prefix == "us-gaap" and concept.name.startswith(always_negated)))
    values = tuple(None if v is None else plain(-v if negated else v) for v in item.values)
    if concept.prefix != "us-gaap" or concept.name not in rules.non_negative:
        return SignedRow(values, negated)
    negatives = [v for v in values if v is not None and v < 0]
    if not negatives:
        return SignedRow(values, negated)
    diagnostics = tuple(
        Diagnostic(
            code="xbrlconv:nonNegativeConceptFlipped",
            severity=Severity.WARNING,
            message=(f"{concept.qname} may not be negative; the value {format(v, 'f')} "
                     f"read from row {item.label!r} is reported as {format(-v, 'f')}"),
            source_line=item.source_line,
            concept=concept.qname,
        )
        for v in negatives
    )
    flipped = tuple(None if v is None else (plain(-v) if v < 0 else v) for v in values)
    if len(negatives) == len([v for v in values if v is not None and v != 0]):
        negated = not negated  # every shown value flipped: the row as a whole is negated
    return SignedRow(flipped, negated, diagnostics)
