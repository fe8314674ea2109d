"""Tables a document prints beside its statements that summarise them."""

from __future__ import annotations

from converter.model import Diagnostic, Period, Severity, Statement, StatementKind


def without_unscaled_summaries(statements: list[Statement]) -> tuple[list[Statement], list[Diagnostic]]:
    """A table without a scale note over periods a statement of its kind with one reports
    (the discussion's "Cash flow" summary beside the statement of cash flows) is that statement
    summarised, its amounts printed in the statement's scale: read as printed they would be facts
    a thousand or a million times too small, so it is left out, with a note saying so."""
    scaled: dict[StatementKind, set[Period]] = {}
    for statement in statements:
        if statement.scale_note:
            scaled.setdefault(statement.kind, set()).update(column.period for column in statement.columns)
    kept: list[Statement] = []
    notes: list[Diagnostic] = []
    for statement in statements:
        if not statement.scale_note and {column.period for column in statement.columns} <= scaled.get(
                statement.kind, set()):
            notes.append(Diagnostic(
                "reader.unscaled-summary", Severity.INFO,
                f"{statement.title!r} prints no scale note and reports only periods the scaled statement of "
                "its kind reports: a summary of it; skipped", statement.source_line))
            continue
        kept.append(statement)
    return kept, notes
