"""Table blocks → statements: kind from titles (or content), scale from the
scale note, periods from the column headers, line items from the body."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from converter import periods
from converter.model import (
    Column,
    Diagnostic,
    Duration,
    Instant,
    LineItem,
    Period,
    Severity,
    Statement,
    StatementKind,
)
from converter.readers.blocks import Block
from converter.readers.calendar import FiscalCalendar, year_ends_around
from converter.readers.cells import Line, LineKind
from converter.readers.columns import ColumnSpec, column_spec, spread_spans, year_spec
from converter.readers.fiscal import (
    fiscal_year_ends,
    resolve_year_specs,
    with_prior_year_end,
)
from converter.readers.layout import (
    Chunk,
    ColumnSlot,
    assign_header,
    body_start,
    find_columns,
    split_header,
)
from converter.readers.rows import RowReader, Scaling, with_balances
from converter.readers.summaries import without_unscaled_summaries
from converter.readers.vocab import Vocabulary, matches


@dataclass(frozen=True)
class TitleLine:
    text: str
    line: int


@dataclass(frozen=True)
class Table:
    """A table in reading form, whatever its source: title lines (nearest last), header
    texts, value columns with the header words above each, and body lines."""

    titles: tuple[TitleLine, ...]
    head: tuple[str, ...]
    columns: tuple[ColumnSlot, ...]
    above: tuple[tuple[Chunk, ...], ...]
    body: tuple[Line, ...]
    by_content: bool = True  # a table without a statement title may be classified by its row labels
    year_columns: bool = False  # columns headed by a year alone are dated from the balance sheets
    notes: tuple[TitleLine, ...] = ()  # footnote lines printed under the table ("Amounts in millions.")


@dataclass(frozen=True)
class Candidate:
    kind: StatementKind
    title: TitleLine
    specs: tuple[ColumnSpec, ...]
    items: tuple[LineItem, ...]
    continued: bool  # a title line says "(continued)"
    context: str = ""  # the title and header lines the columns were dated from
    scale_note: bool = True  # a scale note was found (False: amounts read as printed)


def classify(titles: list[TitleLine], labels: list[str], vocab: Vocabulary,
             header: tuple[str, ...] = (), content: bool = True) -> tuple[StatementKind, TitleLine] | None:
    """Statement kind from the nearest matching title line, else (when `content`) from row labels.

    Titles or header lines naming segments, selected data or highlights exclude the table.
    """
    if any(matches(vocab.exclude_titles, text) for text in [*(title.text for title in titles), *header]):
        return None
    for title in reversed(titles):
        for kind, patterns in vocab.titles:
            if matches(patterns, title.text):
                return kind, title
    if not content:
        return None
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
    """The scale of the nearest note (the scale named first in it), and whether share
    counts are exempt or printed in a scale of their own ("shares ... in thousands")."""
    for text in reversed(texts):
        found = [(match.start(), scale.power) for scale in vocab.scales if (match := scale.pattern.search(text))]
        if found:
            shares = next((scale.power for scale in vocab.share_scales if scale.pattern.search(text)), None)
            return Scaling(min(found)[1], matches(vocab.shares_exempt, text), shares)
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
        return self.read_table(Table(tuple(titles), tuple(line.text for line in head), tuple(columns),
                                     tuple(tuple(chunks) for chunks in above), tuple(body)))

    def read_table(self, table: Table, kind: StatementKind | None = None) -> Candidate | None:
        """Classify a table (or read it as a statement of `kind`, found by its rows), date its
        columns, find its scale and read its rows."""
        titles = list(table.titles)
        rows = [line for line in table.body if line.kind is LineKind.VALUES]
        if not rows:
            return None
        labels = [line.label for line in rows if line.label]
        found = classify(titles, labels, self.vocab, table.head, content=table.by_content) if kind is None \
            else (kind, TitleLine("", rows[0].number))
        if found is None:
            return None
        kind, title = found
        if kind is StatementKind.EQUITY:
            self._warn("reader.equity-skipped", f"{title.text!r}: statements of equity are not read yet",
                       title.line or rows[0].number, Severity.INFO)
            return None
        columns = list(table.columns)
        dating = _from_title(titles, title)
        keep, specs = self._dated_columns(columns, [list(chunks) for chunks in table.above], dating, title,
                                          rows[0].number, table.year_columns)
        if not specs:
            self._warn("reader.no-periods", f"{title.text!r}: no column with a date; table skipped",
                       title.line or rows[0].number)
            return None
        scaling = find_scaling([item.text for item in titles] + list(table.head), self.vocab)
        if scaling.power is None and table.notes:  # a footnote under the table names the scale
            scaling = find_scaling([note.text for note in reversed(table.notes)], self.vocab)
        if scaling.power is None:
            self._warn("reader.unknown-scale",
                       f"{title.text!r}: no scale note (e.g. 'in thousands'); amounts read as printed",
                       title.line or rows[0].number)
        reader = RowReader(self.vocab, columns, keep, scaling)
        body = before_supplement(list(table.body), self.vocab)
        items = [item for item in reader.read(body) if any(value is not None for value in item.values)]
        if kind is StatementKind.CASH_FLOW:
            items = with_balances(items, self.vocab)
        self.diagnostics.extend(reader.diagnostics)
        continued = any(matches(self.vocab.continued_titles, item.text) for item in titles)
        context = " ".join([*(item.text for item in dating), *table.head])
        return Candidate(kind, title, tuple(specs), tuple(items), continued, " ".join(context.split()),
                         scaling.power is not None)

    def _whole_columns(self, keep: list[int], specs: list[ColumnSpec], title: TitleLine,
                       line: int) -> tuple[list[int], list[ColumnSpec]]:
        """Columns that report one period side by side are a breakdown (segments, subsidiaries):
        the one headed "Total" or "Consolidated" stays, the others go; without one, all go."""
        groups: dict[tuple[object, ...], list[int]] = {}
        for position, spec in enumerate(specs):
            groups.setdefault(_period_key(spec), []).append(position)
        dropped: set[int] = set()
        for positions in groups.values():
            if len(positions) < 2 or len({specs[p].header for p in positions}) < 2:
                continue
            if specs[positions[0]].start is not None and all(
                    periods.day_range(specs[p].header, specs[p].end.year) for p in positions):
                dropped.update(positions[1:])  # one stub period spelled out under two headings, printed twice
                continue
            whole = [p for p in positions if matches(self.vocab.whole_columns, specs[p].header)]
            gone = [p for p in positions if p not in whole[:1]]
            dropped.update(gone)
            self._warn("reader.breakdown-columns",
                       f"{title.text!r}: columns {', '.join(str(keep[p] + 1) for p in gone)} "
                       f"({'; '.join(specs[p].header for p in gone)}) report one period side by side, a "
                       "breakdown this converter does not write as dimensions; skipped", line)
        return ([k for p, k in enumerate(keep) if p not in dropped],
                [s for p, s in enumerate(specs) if p not in dropped])

    def _dated_columns(self, columns: list[ColumnSlot], above: list[list[Chunk]], titles: list[TitleLine],
                       title: TitleLine, first_row: int, years: bool = False) -> tuple[list[int], list[ColumnSpec]]:
        """Columns that report a period (not change or percent columns), with their specs."""
        context = " ".join(item.text for item in titles)
        keep: list[int] = []
        specs: list[ColumnSpec] = []
        shared = set.intersection(*({chunk.text for chunk in chunks} for chunks in above)) \
            if len(above) > 1 else set()  # headings over every column ("Increase/(Decrease)") mark none
        for index, column in enumerate(columns):
            header = " ".join(chunk.text for chunk in above[index])
            own = " ".join(chunk.text for chunk in above[index] if chunk.text not in shared)
            if matches(self.vocab.non_period_columns, own) or column.percents * 2 > column.cells:
                continue
            spec = column_spec(above[index], context)
            if spec is None and years:
                spec = year_spec(above[index], context)
            if spec is None:
                self._warn("reader.undated-column",
                           f"{title.text!r}: column {index + 1} ({header or 'no header'}) has no date; skipped",
                           first_row)
                continue
            keep.append(index)
            specs.append(spec)
        keep, specs = self._whole_columns(keep, specs, title, first_row)
        spread = spread_spans(specs, context)
        for index, spec in zip(list(keep), spread, strict=True):
            if spec is None:
                self._warn("reader.ambiguous-length",
                           f"{title.text!r}: column {index + 1} ({' '.join(c.text for c in above[index])}) "
                           f"could be any of the lengths the title names ({context.strip()!r}); skipped",
                           first_row)
        return [i for i, spec in zip(keep, spread, strict=True) if spec is not None], \
            [spec for spec in spread if spec is not None]


def _from_title(titles: list[TitleLine], title: TitleLine) -> list[TitleLine]:
    """The title lines from the statement's own title down: text above it (an auditor's report
    dated "August 10, 2022", a page footer) does not date the statement's columns."""
    for index in range(len(titles) - 1, -1, -1):
        if titles[index] == title:
            return titles[index:]
    return titles


def _period_key(spec: ColumnSpec) -> tuple[object, ...]:
    return (spec.end, spec.span, spec.start, spec.year_only)


def before_supplement(body: list[Line], vocab: Vocabulary) -> list[Line]:
    """The body up to a heading that opens supplemental data inside the statement's table
    ("Net sales by reportable segment:")."""
    for index, line in enumerate(body):
        if (line.kind is LineKind.TEXT and matches(vocab.supplement_headings, line.label)
                and any(earlier.kind is LineKind.VALUES for earlier in body[:index])):
            return body[:index]
    return body


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
            merged[-1] = replace(previous, items=previous.items + candidate.items)
        else:
            merged.append(candidate)
    return merged


def _is_year(span: periods.Span | None) -> bool:
    """A fiscal-year column: its end is a year end that dates the columns of later years."""
    return span is not None and (span.months == 12 or span.weeks in (52, 53))


def _resolve_years(candidates: list[Candidate], known: tuple[date, ...],
                   diagnostics: list[Diagnostic]) -> tuple[list[Candidate], tuple[date, ...]]:
    """Columns headed by a year alone get the year end the balance sheets decide; the
    year ends found join the known ones (they decide fiscal-year starts)."""
    resolved: list[Candidate] = []
    found: set[date] = set()
    for candidate in candidates:
        specs, unresolved = resolve_year_specs(list(candidate.specs), known)
        for spec in unresolved:
            diagnostics.append(Diagnostic(
                "reader.assumed-year-end", Severity.WARNING,
                f"column {spec.header!r} names a year only and no balance sheet dates it; read as "
                f"ending {spec.end}", candidate.title.line or None))
        found.update(spec.end for spec, old in zip(specs, candidate.specs, strict=True) if old.year_only)
        resolved.append(replace(candidate, specs=tuple(specs)))
    return resolved, tuple(sorted(set(known) | found))


def build_statements(candidates: list[Candidate], fiscal_year_end: str | None = None,
                     calendar: FiscalCalendar | None = None, year_end: date | None = None
                     ) -> tuple[list[Statement], list[Diagnostic]]:
    """Resolve periods and build statements. Balance-sheet dates decide fiscal quarters;
    without a balance sheet, the SEC header's fiscal year end (`MMDD`) does. A fiscal calendar
    the document states adds the year ends of its years that no statement prints; the year end
    its cover states (`year_end`) dates year-only columns when no balance sheet prints a date."""
    candidates = _merge_continued(candidates)
    known = tuple(sorted({spec.end for candidate in candidates if candidate.kind is StatementKind.BALANCE_SHEET
                          for spec in candidate.specs if not spec.year_only}))
    if not known and year_end is not None:
        known = (year_end,)
    diagnostics: list[Diagnostic] = []
    candidates, known = _resolve_years(candidates, known, diagnostics)
    year_ends = {spec.end for candidate in candidates for spec in candidate.specs
                 if _is_year(spec.span) and not spec.year_only}
    if year_ends:
        known = with_prior_year_end(tuple(sorted(set(known) | year_ends)))
    if not known:
        known = fiscal_year_ends(fiscal_year_end, {spec.end for candidate in candidates
                                                   for spec in candidate.specs})
    if calendar is not None:
        known = tuple(sorted(set(known) | year_ends_around(calendar, {spec.end for candidate in candidates
                                                                      for spec in candidate.specs})))
    statements: list[Statement] = []
    for candidate in candidates:
        line = candidate.title.line or (candidate.items[0].source_line if candidate.items else 1)
        columns = tuple(Column(_period(candidate.kind, spec, known, diagnostics, line), spec.header)
                        for spec in candidate.specs)
        if not candidate.items:
            continue
        statements.append(Statement(candidate.kind, candidate.title.text, columns, candidate.items, line,
                                    candidate.context, candidate.scale_note))
    kept, skipped = without_unscaled_summaries(statements)
    return kept, [*diagnostics, *skipped]



def read_blocks(blocks: list[Block], vocab: Vocabulary, fiscal_year_end: str | None = None,
                calendar: FiscalCalendar | None = None, year_end: date | None = None
                ) -> tuple[list[Statement], list[Diagnostic]]:
    reader = BlockReader(vocab)
    candidates = [found for block in blocks if (found := reader.read(block)) is not None]
    statements, diagnostics = build_statements(candidates, fiscal_year_end, calendar, year_end)
    return statements, [*reader.diagnostics, *diagnostics]


def region_lines(lines: list[str], first_number: int = 1) -> list[tuple[int, str]]:
    return [(first_number + offset, text) for offset, text in enumerate(lines)]
