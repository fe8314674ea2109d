"""HTML documents (EX-99 earnings releases, 10-Q/10-K bodies, stripped Inline XBRL).

The document is parsed safely (`html_dom`), walked into text lines and tables;
each table with amounts becomes a `statements.Table` (`html_tables`) titled by
the short lines printed above it, and is classified, dated and read by the same
`BlockReader` as text tables. A table without a statement title is one by its rows
(`content`: row words, few period columns, totals that add up), so note, reconciliation
and five-year tables stay out. Every value
names the cell it was read from (`LineItem.cell_refs`, see `html_refs`), so the
Inline XBRL writer can tag the document in place.
"""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass, replace
from pathlib import Path

from lxml import etree

from converter.model import Diagnostic, Document, DocumentMeta, Severity, Statement, ValueKind
from converter.readers.blocks import find_blocks, title_texts
from converter.readers.calendar import StatedFiscal, stated_fiscal
from converter.readers.content import read_by_content
from converter.readers.html_dom import Event, TextLine, parse, tag_of, text_of, walk
from converter.readers.html_refs import with_cell_refs
from converter.readers.html_tables import MAX_COLUMNS, GridRow, TooWide, build_table, grid
from converter.readers.registrant import registrant_name
from converter.readers.statements import (
    BlockReader,
    Candidate,
    Table,
    TitleLine,
    build_statements,
    region_lines,
)
from converter.readers.vocab import Vocabulary, matches, vocabulary
from converter.sources import CellRef, plain_html

NAME = "html"
_HTML = re.compile(r"<\s*(?:html|body|!doctype\s+html)\b", re.IGNORECASE)
_SENTENCE = re.compile(r"[a-z0-9%)][.;:]\s*$")  # "... were as follows:" introduces a table, it is no title
TITLE_LINES = 8
MIN_ITEMS = 4  # fewer rows under a statement title is a note table quoting the statement's name
CONTINUATION_TABLES = 3  # a statement goes on in a table at most this many tables further down
PROSE_LENGTH = 40
MAX_TITLE_LENGTH = 200
NOTE_LINES = 3  # the lines right under a table that may be its footnotes ("Amounts in millions.")


def sniff(text: str) -> bool:
    return bool(_HTML.search(text[:4096]))


def _is_prose(text: str) -> bool:
    return len(text) > MAX_TITLE_LENGTH or (len(text) > PROSE_LENGTH and bool(_SENTENCE.search(text)))


PRE = -1  # `Found.table` of a statement printed as text in a `<pre>` element


@dataclass(frozen=True)
class Found:
    table: int  # position of the table among all `<table>` elements, in document order, or PRE
    candidate: Candidate
    by_rows: tuple[Diagnostic, ...] | None = None  # found by its rows: the reader's diagnostics on it


@dataclass(frozen=True)
class Scan:
    found: tuple[Found, ...]
    diagnostics: tuple[Diagnostic, ...]
    titles: tuple[str, ...]  # the title lines of every table, for the registrant's name


def scan(markup: str, first_line: int = 1, vocab: Vocabulary | None = None, part: int | None = None) -> Scan:
    """Every statement table of an HTML document, with the reader's diagnostics: `<table>`
    elements, and text tables inside `<pre>` elements (read as plain text is).

    Values get cell references (`sources.CellRef`, naming submission document `part`)
    into the plain HTML (`sources.plain_html`: Inline XBRL is read stripped of its tags)."""
    vocab = vocab or vocabulary()
    offset = first_line - 1
    markup = plain_html(markup)
    root, diagnostics = parse(markup, first_line)
    if root is None:
        return Scan((), tuple(diagnostics), ())
    tree = root.getroottree()

    def ref(element: etree._Element) -> str:
        return str(CellRef(part, tree.getpath(element)))

    tables = list(root.iter("table"))  # holding the elements keeps their proxies (and keys) alive
    numbers = {table: number for number, table in enumerate(tables)}
    reader = BlockReader(vocab)
    recent: deque[TitleLine] = deque(maxlen=TITLE_LINES)
    found: list[Found] = []
    titles: list[str] = []
    prose = False  # prose since the last statement table: a table after it continues nothing
    events = list(walk(root, offset))
    for position, event in enumerate(events):
        if isinstance(event, TextLine):
            if _is_prose(event.text):
                recent.clear()
                prose = True
            else:
                recent.append(TitleLine(event.text, event.line))
            continue
        rows = _grid(event, offset, diagnostics)
        notes = _notes(events, position + 1, vocab)
        html_table = build_table(rows, [*recent, *_caption(event, offset)], notes)
        if html_table is None:
            recent.extend(_row_titles(rows))
            continue
        titles.extend(title.text for title in html_table.table.titles)
        candidate = reader.read_table(html_table.table)
        if candidate is None and found and not prose and numbers[event] - found[-1].table <= CONTINUATION_TABLES:
            candidate = _continuation(reader, html_table.table, found[-1].candidate)
        by_rows = None
        if candidate is None and (content := read_by_content(reader, html_table.table)) is not None:
            candidate, by_rows = content  # its title in a page header, an image or nowhere
        if candidate is not None and len(candidate.items) >= MIN_ITEMS:
            candidate = with_cell_refs(candidate, html_table, ref)
            found.append(Found(numbers[event], candidate, by_rows))
            prose = False
        recent.clear()
    for pre in root.iter("pre"):  # plain-text statements pasted into HTML, read as text
        blocks = find_blocks(region_lines("".join(pre.itertext()).splitlines(), offset + (pre.sourceline or 1)))
        titles.extend(title_texts(blocks))
        found.extend(Found(PRE, candidate) for candidate in map(reader.read, blocks)
                     if candidate is not None and len(candidate.items) >= MIN_ITEMS)
    kept = _fullest(_untitled_kinds(found))
    by_rows = [note for item in kept if item.by_rows for note in item.by_rows]
    return Scan(tuple(kept), (*diagnostics, *reader.diagnostics, *by_rows), tuple(titles))


def _untitled_kinds(found: list[Found]) -> list[Found]:
    """Statements found by their rows, of kinds no titled statement of the document has: an
    untitled table like a titled statement summarises it (the discussion, the notes)."""
    titled = {item.candidate.kind for item in found if item.by_rows is None}
    return [item for item in found if item.by_rows is None or item.candidate.kind not in titled]


def _caption(table: etree._Element, offset: int) -> list[TitleLine]:
    """The table's own `<caption>`, a title line nearest the table."""
    return [TitleLine(text, offset + (caption.sourceline or 1)) for caption in table
            if tag_of(caption) == "caption" and (text := text_of(caption)) and not _is_prose(text)]


def _notes(events: list[Event], start: int, vocab: Vocabulary) -> tuple[TitleLine, ...]:
    """The short lines printed right under a table (up to the next table or statement title):
    its footnotes, where some filers name the scale ("Amounts in millions, except per share")."""
    notes: list[TitleLine] = []
    for event in events[start:start + NOTE_LINES]:
        if not isinstance(event, TextLine) or any(matches(kind, event.text) for _, kind in vocab.titles):
            break
        if len(event.text) <= MAX_TITLE_LENGTH:
            notes.append(TitleLine(event.text, event.line))
    return tuple(notes)


def _continuation(reader: BlockReader, table: Table, previous: Candidate) -> Candidate | None:
    """A table without a title of its own right after a statement (a page break between them:
    JNJ's cash-flow statement goes on after a page-number table), read as that statement
    continued; `build_statements` joins it when its columns report the same periods."""
    title = TitleLine(f"{previous.title.text} (continued)", previous.title.line)
    inherited = TitleLine(previous.context, previous.title.line)  # its scale note and period words
    candidate = reader.read_table(replace(table, titles=(*table.titles, inherited, title), by_content=False))
    if candidate is None or [(s.end, s.span) for s in candidate.specs] != [(s.end, s.span) for s in previous.specs]:
        return None
    return candidate


def _fullest(found: list[Found]) -> list[Found]:
    """Of tables of one kind over the same periods, the one with most rows of amounts (not
    percentages): the statement, not the summaries of it in the discussion or the notes.
    Continuations are kept."""
    def key(item: Found) -> tuple[object, ...]:
        return item.candidate.kind, tuple((spec.end, spec.span, spec.year_only) for spec in item.candidate.specs)

    def amounts(item: Found) -> int:  # a discussion's "Percent of sales" rows are no rows of the statement
        return sum(1 for row in item.candidate.items if row.kind is not ValueKind.PURE)

    best: dict[tuple[object, ...], Found] = {}
    for item in found:
        if not item.candidate.continued and amounts(item) > amounts(best.get(key(item), item)):
            best[key(item)] = item
        best.setdefault(key(item), item)
    return [item for item in found if item.candidate.continued or best[key(item)] is item]


def _row_titles(rows: list[GridRow]) -> list[TitleLine]:
    """The rows of a table without amounts, as title lines (layout tables around titles)."""
    lines = [TitleLine(" ".join(cell.text for cell in row.cells), row.line) for row in rows if row.cells]
    return [line for line in lines if not _is_prose(line.text)]


def _grid(element: etree._Element, offset: int, diagnostics: list[Diagnostic]) -> list[GridRow]:
    try:
        return grid(element, offset)
    except TooWide:
        diagnostics.append(Diagnostic(
            "reader.html-table-too-wide", Severity.WARNING,
            f"a table wider than {MAX_COLUMNS} columns is not a financial statement; skipped",
            offset + (element.sourceline or 1)))
        return []


def read_part(markup: str, first_line: int, vocab: Vocabulary, fiscal_year_end: str | None = None,
              part: int | None = None, stated: StatedFiscal | None = None
              ) -> tuple[list[Statement], list[Diagnostic], tuple[str, ...]]:
    """Statements, diagnostics and title lines of an HTML document (the `part`-th one of a
    submission, or a file of its own when None); `stated` is what the whole submission states of
    its fiscal year (else what this document states)."""
    result = scan(markup, first_line, vocab, part)
    stated = stated or stated_fiscal(markup)
    statements, notes = build_statements([item.candidate for item in result.found], fiscal_year_end,
                                         stated.calendar, stated.year_end)
    return statements, [*result.diagnostics, *notes], result.titles


def read(path: Path, text: str) -> Document:
    statements, diagnostics, titles = read_part(text, 1, vocabulary())
    meta = DocumentMeta(source=str(path), company_name=registrant_name(titles))
    return Document(meta, tuple(statements), tuple(diagnostics))
