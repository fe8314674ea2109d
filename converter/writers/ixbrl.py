"""Render an XbrlReport as an Inline XBRL 1.1 document beside its extension taxonomy.

`<stem>.htm` shows the statements as the source printed them: title, column
headers, labels indented by depth, totals ruled above, numbers in the source's
scale with parentheses for negatives. Every printed amount that stands for a
fact is an `ix:nonFraction` (`placement` finds which); the `sign` attribute
follows the fact's value, not the parentheses, since the facts stage may have
flipped a sign by the concept's balance. Facts no cell shows (cover facts,
amounts the document prints twice) go to `ix:hidden`, except the cover facts, which a
small cover table shows (`cover`), so the XBRL extracted from the document is exactly
the report's. Styles are attributes: EDGAR accepts no `<style>` element. The source
document itself is tagged instead wherever it can be read again: an HTML source whose
line items carry cell locations (`ixbrl_html`), a plain-text source as its text
(`ixbrl_text`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from functools import cache
from decimal import Decimal
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from lxml import etree
from markupsafe import Markup

from converter.facts.contexts import CIK_SCHEME
from converter.model import Document, Fact, LineItem, Statement, ValueKind, XbrlReport
from converter.resources import TEMPLATES_DIR
from converter.writers.cover import cover_rows
from converter.writers.files import write_files
from converter.writers.xbrl import context_views, namespaces, taxonomy_files
from converter.writers.ixbrl_html import tag_source
from converter.writers.ixbrl_text import tag_text
from converter.writers.placement import Placement, place
from converter.writers.printed import parse_printed
from converter.writers.xbrl import xml_text

INDENT_EM = 1.5


@dataclass(frozen=True)
class _CellView:
    """A printed cell: `before` + `number` + `after`; `number` tags `fact` when there is one."""

    before: str
    number: str
    after: str
    fact: Fact | None = None
    scale: int = 0
    format: str = ""
    negative: bool = False


@dataclass(frozen=True)
class _RowView:
    label: str
    indent: float
    total: bool
    heading: bool
    cells: tuple[_CellView, ...]


@dataclass(frozen=True)
class _StatementView:
    title: str
    headers: tuple[str, ...]
    scale: int
    per_share: bool
    rows: tuple[_RowView, ...]


def _magnitude(value: Decimal) -> str:
    return format(abs(value), "f")


def _finalize(value: object) -> object:
    """Text as XML can carry it; markup already serialised by lxml passes unchanged."""
    return value if isinstance(value, Markup) else xml_text(value)


@cache
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        autoescape=select_autoescape(default_for_string=True, default=True),
        undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
        keep_trailing_newline=True, finalize=_finalize)
    env.filters.update(magnitude=_magnitude)
    return env


def _row_cells(s: int, i: int, item: LineItem, columns: int, placement: Placement) -> tuple[_CellView, ...]:
    cells: list[_CellView] = []
    for k in range(columns):
        text = item.texts[k] if k < len(item.texts) else ""
        placed = placement.cells.get((s, i, k))
        printed = placed.printed if placed is not None else parse_printed(text)
        if printed is None:
            cells.append(_CellView("", text.strip(), ""))
            continue
        view = _CellView(printed.before.strip(), printed.number, printed.after.strip())
        if placed is not None:
            fact = placed.fact
            view = replace(view, fact=fact, scale=item.scale, format=printed.format,
                           negative=isinstance(fact.value, Decimal) and fact.value < 0)
        cells.append(view)
    return tuple(cells)


def _statement_view(s: int, statement: Statement, placement: Placement) -> _StatementView:
    rows: list[_RowView] = []
    section = ""
    columns = len(statement.columns)
    for i, item in enumerate(statement.items):
        if item.section and item.section != section and item.section != item.label:
            rows.append(_RowView(item.section, 0.25, False, True, ()))
        section = item.section
        rows.append(_RowView(item.label, 0.25 + INDENT_EM * item.depth, item.is_total, False,
                             _row_cells(s, i, item, columns, placement)))
    scales = Counter(item.scale for item in statement.items if item.kind is ValueKind.MONETARY)
    return _StatementView(
        title=statement.title, headers=tuple(c.header for c in statement.columns),
        scale=scales.most_common(1)[0][0] if scales else 0,
        per_share=any(item.kind is ValueKind.PER_SHARE for item in statement.items),
        rows=tuple(rows))


def render_ixbrl(report: XbrlReport, document: Document) -> str:
    """The Inline XBRL document for `report`: the tagged source HTML when the line items
    locate their cells in it, the tagged source text of a plain-text source, else a
    rendering of `document`'s statements."""
    common = dict(
        namespaces=namespaces(report), entity_name=report.entity.name,
        document_type=report.document_type, period_end=report.period_end.isoformat(),
        stem=report.stem, contexts=context_views(report), units=report.units,
        cik_scheme=CIK_SCHEME, cik=report.entity.cik)
    tagged = tag_source(report, document)
    if tagged is not None:
        body = "\n".join(etree.tostring(child, encoding="unicode") for child in tagged.body)
        cover, hidden = cover_rows(report, tagged.hidden)
        return environment().get_template("ixbrl_source.htm.j2").render(
            hidden=hidden, cover=cover, cover_heading=False, body=Markup(body), **common)
    text = tag_text(report, document)
    if text is not None:
        cover, hidden = cover_rows(report, text.hidden)
        return environment().get_template("ixbrl_text.htm.j2").render(
            hidden=hidden, cover=cover, cover_heading=True, blocks=text.blocks, **common)
    placement = place(report, document)
    cover, hidden = cover_rows(report, placement.hidden)
    return environment().get_template("ixbrl.htm.j2").render(
        hidden=hidden, cover=cover, cover_heading=True, **common,
        statements=tuple(_statement_view(s, st, placement) for s, st in enumerate(document.statements)))


def write_ixbrl(report: XbrlReport, outdir: Path, document: Document) -> tuple[Path, ...]:
    """Write `<stem>.htm` with the extension schema and linkbases it references into `outdir`."""
    documents = {f"{report.stem}.htm": render_ixbrl(report, document), **taxonomy_files(report)}
    return write_files(documents, outdir)
