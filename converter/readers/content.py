"""Statements found by their rows: HTML tables whose title the reader does not see.

A 10-K may print a statement's title in a page header, an image or nowhere near the table.
Such a table is a statement of a kind when its row labels say so (`taxonomy/reader/
statements.yaml`: enough of the kind's row words, none of the rows a statement of that kind
never prints), it is no five-year summary (few period columns) and its arithmetic holds (a total
equals the rows above it). Tables whose titles or headers name notes, segments or selected data
stay out, as they do for titled tables.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal

from converter import periods
from converter.model import Diagnostic, LineItem, StatementKind, ValueKind
from converter.readers.cells import LineKind
from converter.readers.statements import BlockReader, Candidate, Table, before_supplement
from converter.readers.vocab import Vocabulary, matches


def untitled(table: Table, vocab: Vocabulary) -> bool:
    """No title line names a statement and none excludes the table (notes, segments, summaries)."""
    texts = [*(title.text for title in table.titles), *table.head]
    return not any(matches(vocab.exclude_titles, text) for text in texts) and not any(
        matches(patterns, title.text) for title in table.titles for _, patterns in vocab.titles)


def content_kind(labels: Sequence[str], vocab: Vocabulary) -> StatementKind | None:
    """The kind the row labels name: the most distinct row words of one kind (at least
    `content.min_hits`), and none of the rows that kind (or any statement) never prints; no
    row of statement words repeated more than `by_rows.max_repeats` times (a segment table)."""
    rules = vocab.by_rows
    if len(labels) < rules.min_rows or any(matches(rules.not_statements, label) for label in labels):
        return None
    words = Counter(label.lower() for label in labels  # "Other" may repeat; "Net sales" per segment not
                    if any(matches(patterns, label) for _, patterns in vocab.content))
    if words and max(words.values()) > rules.max_repeats:
        return None
    ruled_out = dict(rules.ruled_out)
    best: tuple[int, StatementKind] | None = None
    for kind, patterns in vocab.content:
        hits = sum(1 for pattern in patterns if any(pattern.search(label) for label in labels))
        if hits < vocab.content_min_hits or any(matches(ruled_out.get(kind, ()), label) for label in labels):
            continue
        if best is None or hits > best[0]:
            best = (hits, kind)
    return None if best is None else best[1]


def _sums(total: Decimal, parts: Sequence[Decimal]) -> bool:
    return total in (sum(parts, Decimal(0)), parts[0] - sum(parts[1:], Decimal(0)))


def proven_totals(items: Sequence[LineItem]) -> int:
    """Totals whose amounts, in some column, equal the sum (or the first less the others) of
    two or more rows printed right above them since the previous total."""
    count = 0
    run: list[LineItem] = []
    for item in items:
        if not item.is_total:
            run.append(item)
            continue
        for column, total in enumerate(item.values):
            if total is None or total == 0:
                continue
            parts = [row.values[column] or Decimal(0) for row in run]
            if any(_sums(total, parts[start:]) for start in range(len(parts) - 1)):
                count += 1
                break
        run = []
    return count


def _statement_like(candidate: Candidate, vocab: Vocabulary) -> bool:
    rules = vocab.by_rows
    return (rules.min_columns <= len(candidate.specs) <= rules.max_columns
            and len(candidate.items) >= rules.min_rows
            and not any(item.kind is ValueKind.PURE for item in candidate.items)
            and proven_totals(candidate.items) >= rules.min_totals)


def _without_bare_dates(table: Table) -> Table:
    """The table without title lines that are a date and nothing else: with no statement title
    to start from, the lines above the table may end a report ("August 10, 2022", the
    auditor's), and the columns are dated by their own headers."""
    titles = tuple(title for title in table.titles if periods.parse_date(title.text.strip(" .")) is None)
    return replace(table, titles=titles)


def read_by_content(reader: BlockReader, table: Table) -> tuple[Candidate, tuple[Diagnostic, ...]] | None:
    """The table as the statement its rows show, with the reader's diagnostics about it (kept
    apart: the caller drops them with the candidate), or None."""
    vocab = reader.vocab
    body = before_supplement(list(table.body), vocab)  # not the segment data printed below it
    labels = [line.label for line in body if line.kind is LineKind.VALUES and line.label]
    if not untitled(table, vocab):
        return None
    kind = content_kind(labels, vocab)
    if kind is None:
        return None
    mark = len(reader.diagnostics)
    candidate = reader.read_table(_without_bare_dates(table), kind)
    diagnostics = tuple(reader.diagnostics[mark:])
    del reader.diagnostics[mark:]
    if candidate is None or not _statement_like(candidate, vocab):
        return None
    return candidate, diagnostics
