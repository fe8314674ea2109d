"""Statements printed without a scale note: their amounts are read as printed, and this check
says so as an error when the statement's own share counts show the amounts are scaled.

A statement reporting earnings per share whose weighted-average share counts are fewer than
any such registrant has (`unknown_scale.min_weighted_shares`) prints its amounts in thousands
or millions; the per-share identity cannot see it when income and shares are both unscaled
(10,400 ÷ 5,000 = 2.08 either way). The error names the rows, so nobody loads a statement a
thousand or a million times too small without being told.
"""

from __future__ import annotations

from collections.abc import Iterator

from converter.checks.data import CheckRules
from converter.model import Diagnostic, Document, Severity, Statement, ValueKind


def _unscaled_shares(statement: Statement, rules: CheckRules) -> Iterator[Diagnostic]:
    if statement.scale_note or not any(item.kind is ValueKind.PER_SHARE for item in statement.items):
        return
    few = [item for item in statement.items if item.kind is ValueKind.SHARES
           and (values := [abs(value) for value in item.values if value is not None and value != 0])
           and max(values) < rules.min_weighted_shares]
    if not few:
        return
    rows = "; ".join(f"{item.label!r} (line {item.source_line}): "
                     f"{', '.join(str(value) for value in item.values if value is not None)}" for item in few)
    yield Diagnostic(
        "check.unknown-scale", Severity.ERROR,
        f"{statement.title.strip() or statement.kind.value!r} prints no scale note, so its amounts were read "
        f"as printed, but its share counts are fewer than {rules.min_weighted_shares} shares, too few for a "
        f"registrant reporting earnings per share: {rows}; its amounts look printed in thousands or "
        "millions. Pass the filing to the maintainers with the words that name its scale",
        few[0].source_line)


def check_unknown_scale(document: Document, rules: CheckRules) -> list[Diagnostic]:
    return [found for statement in document.statements for found in _unscaled_shares(statement, rules)]
