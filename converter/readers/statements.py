"""Table blocks → statements: kind from titles (or content), scale from the
scale note, periods from the column headers, line items from the body."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from converter import periods
from converter.model import (Column, Diagnostic, Duration, Instant, LineItem, Period, Severity,
                             Statement, StatementKind)
from converter.readers.blocks import Block
from converter.readers.cells import Line, LineKind
from converter.readers.columns import ColumnSpec, column_spec
from converter.readers.layout import (Chunk, ColumnSlot, assign_header, body_start, find_columns,
                                      split_header)
from converter.readers.rows import RowReader, Scaling
from converter.readers.vocab import Vocabulary, matches


@dataclass(frozen=True)
class TitleLine:
    text: str
    line: int


@dataclass(frozen=True)
class Candidate:
    kind: StatementKind
    title: TitleLine
    specs: tuple[ColumnSpec, ...]
    items: tuple[LineItem, ...]
    continued: bool  # a title line says "(continued)"


def classify(titles: list[TitleLine], labels: list[str], vocab: Vocabulary,
             header: tuple[str, ...] = ()) -> tuple[StatementKind, TitleLine] | None:
    """Statement kind from the nearest matching title line, else from row labels.

    Titles or header lines naming segments, selected data or highlights exclude the table.
    """
    if any(matches(vocab.exclude_titles, text) for text in [*(title.text for title in titles), *header]):
        return None
    for title in reversed(titles):
        for kind, patterns in vocab.titles:
            if matches(patterns, title.text):
                return kind, title
    best: tuple[int, StatementKind] | None = None
    for kind, patterns in vocab.content:
        hits = sum(1 for pattern in patterns if any(pattern.search(label) for label in labels))
        if hits >= vocab.content_min_hits and (best is None or hits > best[0]):
            best = (hits, kind)
    if best is None:
        return None
    fallback = titles[-1] if titles else TitleLine("", 0)
    return best[1], fallback


def find_scaling(texts: list[str], vocab: Vocabulary) -> Scaling:
    for text in reversed(texts):
        for scale in vocab.scales:
            if scale.pattern.search(text):
                return Scaling(scale.power, matches(vocab.shares_exempt, text))
    return Scaling(None, False)


class BlockReader:
    def __init__(self, vocab: Vocabulary) -> None:
        self.vocab = vocab
        self.diagnostics: list[Diagnostic] = []

    def _warn(self, code: str, message: str, line: int | None, severity: Severity = Severity.WARNING) -> None:
        self.diagnostics.append(Diagnostic(code, severity, message, line))

    def read(self, block: Block) -> Candidate | None:
        lines = list(block.lines)
        split = split_header(lines)
        rows = [line for line in lines[split:] if line.kind is LineKind.VALUES]
        if not rows:
            return None
        columns = find_columns(rows)
        split = body_start(lines, split, columns)
        head, body = lines[:split], lines[split:]
        cut = _after_title(head, self.vocab)
        above, left = assign_header(head[cut:], columns)
        titles = [TitleLine(line.text.strip(), line.number) for line in block.titles]
        titles += [TitleLine(line.text.strip(), line.number) for line in head[:cut]
                   if line.kind is LineKind.TEXT]
        titles += _left_titles(left)
        labels = [line.label for line in rows if line.label]
        found = classify(titles, labels, self.vocab, tuple(line.text for line in head))
        if found is None:
            return None
        kind, title = found
        if kind is StatementKind.EQUITY:
            self._warn("reader.equity-skipped", f"{title.text!r}: statements of equity are not read yet",
                       title.line or rows[0].number, Severity.INFO)
            return None
        keep, specs = self._dated_columns(columns, above, titles, title, rows[0].number)
        if not specs:
            self._warn("reader.no-periods", f"{title.text!r}: no column with a date; table skipped",
                       title.line or rows[0].number)
            return None
        scaling = find_scaling([item.text for item in titles] + [line.text for line in head], self.vocab)
        if scaling.power is None:
            self._warn("reader.unknown-scale",
                       f"{title.text!r}: no scale note (e.g. 'in thousands'); amounts read as printed",
                       title.line or rows[0].number)
        reader = RowReader(self.vocab, columns, keep, scaling)
        items = [item for item in reader.read(body) if any(value is not None for value in item.values)]
        self.diagnostics.extend(reader.diagnostics)
        continued = any(matches(self.vocab.continued_titles, item.text) for item in titles)
        return Candidate(kind, title, tuple(specs), tuple(items), continued)


    def _dated_columns(self, columns: list[ColumnSlot], above: list[list[Chunk]], titles: list[TitleLine],
                       title: TitleLine, first_row: int) -> tuple[list[int], list[ColumnSpec]]:
        """Columns that report a period (not change or percent columns), with their specs."""
        context = " ".join(item.text for item in titles)
        keep: list[int] = []
        specs: list[ColumnSpec] = []
        for index, column in enumerate(columns):
            header = " ".join(chunk.text for chunk in above[index])
            if matches(self.vocab.non_period_columns, header) or column.percents * 2 > column.cells:
                continue
            spec = column_spec(above[index], context)
            if spec is None:
                self._warn("reader.undated-column",
                           f"{title.text!r}: column {index + 1} ({header or 'no header'}) has no date; skipped",
                           first_row)
                continue
            keep.append(index)
            specs.append(spec)
        return keep, specs


def _after_title(head: list[Line], vocab: Vocabulary) -> int:
    """Index just below the last header line that is a statement title (0 if none):
    column headings are read below it, title and scale lines above it."""
    for index in range(len(head) - 1, -1, -1):
        line = head[index]
        if line.kind is LineKind.TEXT and any(matches(patterns, line.text) for _, patterns in vocab.titles):
            return index + 1
    return 0


def _left_titles(chunks: list[Chunk]) -> list[TitleLine]:
    """Left-of-columns header text, one title line per input line."""
    by_line: dict[int, list[str]] = {}
    for chunk in chunks:
        by_line.setdefault(chunk.line, []).append(chunk.text)
    return [TitleLine(" ".join(texts), number) for number, texts in sorted(by_line.items())]


def _period(kind: StatementKind, spec: ColumnSpec, known: tuple[date, ...],
            diagnostics: list[Diagnostic], line: int) -> Period:
    if kind is StatementKind.BALANCE_SHEET:
        return Instant(spec.end)
    if spec.start is not None:
        return Duration(spec.start, spec.end)
    span = spec.span
    if span is None:
        diagnostics.append(Diagnostic(
            "reader.assumed-year", Severity.WARNING,
            f"column {spec.header!r} names no duration; read as a year ending {spec.end}", line))
        span = periods.Span(months=12)
    return Duration(periods.infer_start(spec.end, span, known), spec.end)


def _merge_continued(candidates: list[Candidate]) -> list[Candidate]:
    """Join a "(continued)" table to the statement it continues (same kind and columns)."""
    merged: list[Candidate] = []
    for candidate in candidates:
        previous = merged[-1] if merged else None
        if (previous is not None and previous.kind is candidate.kind
                and [(spec.end, spec.span) for spec in previous.specs]
                == [(spec.end, spec.span) for spec in candidate.specs]
                and candidate.continued):
            merged[-1] = Candidate(previous.kind, previous.title, previous.specs,
                                   previous.items + candidate.items, previous.continued)
        else:
            merged.append(candidate)
    return merged


def build_statements(candidates: list[Candidate]) -> tuple[list[Statement], list[Diagnostic]]:
    """Resolve periods (balance-sheet dates decide fiscal quarters) and build statements."""
    candidates = _merge_continued(candidates)
    known = tuple(sorted({spec.end for candidate in candidates
                          if candidate.kind is StatementKind.BALANCE_SHEET for spec in candidate.specs}))
    diagnostics: list[Diagnostic] = []
    statements: list[Statement] = []
    for candidate in candidates:
        line = candidate.title.line or (candidate.items[0].source_line if candidate.items else 1)
        columns = tuple(Column(_period(candidate.kind, spec, known, diagnostics, line), spec.header)
                        for spec in candidate.specs)
        if not candidate.items:
            continue
        statements.append(Statement(candidate.kind, candidate.title.text, columns, candidate.items, line))
    return statements, diagnostics


def read_blocks(blocks: list[Block], vocab: Vocabulary) -> tuple[list[Statement], list[Diagnostic]]:
    reader = BlockReader(vocab)
    candidates = [found for block in blocks if (found := reader.read(block)) is not None]
    statements, diagnostics = build_statements(candidates)
    return statements, [*reader.diagnostics, *diagnostics]


def region_lines(lines: list[str], first_number: int = 1) -> list[tuple[int, str]]:
    return [(first_number + offset, text) for offset, text in enumerate(lines)]
