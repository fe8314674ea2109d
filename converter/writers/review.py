"""`review.html`: one self-contained page to review a conversion before filing or loading it.

Built from `report.json` (`review_data`) and the statements as the reader read them:
each statement as the source printed it, every row with its concept, confidence, the
alternatives the mapper considered, the reason for an extension and every finding about
it, linked by source line. Filters show the low-confidence rows, the extensions and the
rows with findings; a row's concept can be swapped for an alternative (or any us-gaap
concept), and the choices saved as a `--mapping` file keyed by the label the mapper read,
so that a reconversion with it maps those rows so. The page carries its own styles and
script and allows no network access (a Content-Security-Policy of `default-src 'none'`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from converter.model import Document, Statement
from converter.writers.ixbrl import INDENT_EM, environment
from converter.writers.review_data import Choice, Finding, ReportData, Row, parse_report

REVIEW_NAME = "review.html"
LOW_CONFIDENCE = 0.8  # the filter's default: rows the mapper gives 0.8 or more are right 86% of the time


@dataclass(frozen=True)
class RowView:
    number: int  # 1-based position in report.json's mapping: the row's anchor
    row: Row
    label: str  # as printed (the report's label names an unlabeled total by its concept)
    indent: float
    total: bool
    cells: tuple[str, ...]
    findings: tuple[Finding, ...]
    alternatives: tuple[Choice, ...]  # the mapper's, without the chosen concept
    heading: bool = False


@dataclass(frozen=True)
class HeadingView:
    text: str
    heading: bool = True


@dataclass(frozen=True)
class StatementView:
    title: str
    headers: tuple[str, ...]
    lines: tuple[RowView | HeadingView, ...]


@dataclass(frozen=True)
class FindingView:
    finding: Finding
    rows: tuple[tuple[int, str], ...]  # (row number, label) of each row it is about


def _row_views(statement: Statement, rows: Sequence[tuple[int, Row]],
               findings: Sequence[Finding]) -> tuple[RowView | HeadingView, ...]:
    lines: list[RowView | HeadingView] = []
    section = ""
    for item, (index, row) in zip(statement.items, rows, strict=True):
        if row.source_line != item.source_line:
            raise ValueError(f"report.json row {index + 1} is from line {row.source_line}, "
                             f"the statement's item from line {item.source_line}")
        if item.section and item.section != section and item.section != item.label:
            lines.append(HeadingView(item.section))
        section = item.section
        lines.append(RowView(
            number=index + 1, row=row, label=item.label or row.label, indent=INDENT_EM * item.depth,
            total=item.is_total, cells=tuple(text.strip() for text in item.texts),
            findings=tuple(f for f in findings if index in f.rows),
            alternatives=tuple(c for c in row.alternatives if c.concept != row.concept)))
    return tuple(lines)


def _statements(data: ReportData, document: Document) -> tuple[StatementView, ...]:
    views = []
    start = 0
    for statement in document.statements:
        count = len(statement.items)
        rows = list(enumerate(data.rows))[start:start + count]
        views.append(StatementView(statement.title, tuple(c.header for c in statement.columns),
                                   _row_views(statement, rows, data.findings)))
        start += count
    if start != len(data.rows):
        raise ValueError(f"report.json has {len(data.rows)} mapping rows, the statements {start} items")
    return tuple(views)


def _finding_views(data: ReportData) -> tuple[FindingView, ...]:
    return tuple(FindingView(f, tuple((i + 1, data.rows[i].label) for i in f.rows)) for f in data.findings)


def render_review(report_json: str, document: Document) -> str:
    """The review page for a conversion: `report_json` is its report.json text."""
    data = parse_report(report_json)
    statements = _statements(data, document)
    counts = {severity: sum(f.severity == severity for f in data.findings) for severity in ("error", "warning")}
    return environment().get_template("review.html.j2").render(
        data=data, statements=statements, findings=_finding_views(data), counts=counts,
        extensions=sum(row.is_extension for row in data.rows), threshold=f"{LOW_CONFIDENCE:.2f}",
        download=f"{data.instance.rsplit('.', 1)[0]}-mapping.yaml")
