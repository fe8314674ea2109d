"""Body rows of a statement table → line items.

Handles labels wrapped over several lines (the values sit on the last line),
section headings and their nesting, underlines that announce totals, unlabeled
total rows, and the value kind of each row (money, per-share, shares).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal

from converter.model import Balance, BalanceAt, Diagnostic, LineItem, Severity, ValueKind
from converter.readers.cells import Cell, Line, LineKind
from converter.readers.layout import ColumnSlot, column_of
from converter.readers.vocab import Vocabulary, matches

_WORD = re.compile(r"[a-z0-9]+")
_STOP_WORDS = frozenset({"total", "net", "and", "of", "the", "s"})


@dataclass(frozen=True)
class Scaling:
    power: int | None  # None: no scale note found (amounts read as printed)
    shares_exempt: bool
    shares_power: int | None = None  # share counts' own scale, when the note names one


@dataclass
class _Heading:
    text: str
    indent: int
    top: bool
    colon: bool = False  # printed ending in a colon: the rows level with it are its own
    first_item: int = 0  # index of the first row printed under it


@dataclass
class _State:
    headings: list[_Heading] = field(default_factory=list)
    pending: list[Line] = field(default_factory=list)
    underline: bool = False
    group: list[LineItem] = field(default_factory=list)
    items: list[LineItem] = field(default_factory=list)
    last_values_line: Line | None = None
    since_heading: int = 0
    # the rows a running sum adds, by index: a total stands for the rows it summed
    summed: list[tuple[int, LineItem]] = field(default_factory=list)


def _words(text: str) -> frozenset[str]:
    return frozenset(_WORD.findall(text.lower().replace("'", ""))) - _STOP_WORDS


def _scaled(value: Decimal, scale: int) -> Decimal:
    """`value` × 10**scale without a spurious fraction (216.5 millions → 216500000)."""
    scaled = value.scaleb(scale)
    if scaled == scaled.to_integral_value():
        return scaled.quantize(Decimal(1))
    return scaled


def balance_at(vocab: Vocabulary, label: str, section: str) -> BalanceAt | None:
    """Whether a cash-flow row is the balance at its period's start or end (None: a flow)."""
    if not (matches(vocab.balance_subjects, label) or matches(vocab.balance_subjects, section)):
        return None
    if matches(vocab.balance_starts, label):
        return BalanceAt.START
    if matches(vocab.balance_ends, label):
        return BalanceAt.END
    return None


def caption_direction(vocab: Vocabulary, label: str) -> Balance | None:
    """The balance a caption prints positive: "(Gain) loss" debit, "Gain (loss)" credit."""
    if matches(vocab.caption_ignored, label):
        return None
    debit, credit = matches(vocab.caption_debit, label), matches(vocab.caption_credit, label)
    return Balance.DEBIT if debit and not credit else Balance.CREDIT if credit and not debit else None


def with_balances(items: list[LineItem], vocab: Vocabulary) -> list[LineItem]:
    """A cash-flow statement's rows with their period balances marked."""
    return [replace(item, balance_at=balance_at(vocab, item.label, item.section)) for item in items]


def _heading_text(lines: list[Line]) -> str:
    return " ".join(line.label for line in lines).rstrip(":-– ").strip()


class RowReader:
    def __init__(self, vocab: Vocabulary, columns: list[ColumnSlot], keep: list[int],
                 scaling: Scaling) -> None:
        self.vocab = vocab
        self.columns = columns
        self.keep = keep
        self.scaling = scaling
        self.diagnostics: list[Diagnostic] = []
        self._depths: dict[int, int] = {}

    # --- headings -------------------------------------------------------------------

    def _push_heading(self, state: _State, lines: list[Line]) -> None:
        text = _heading_text(lines)
        if not text:
            return
        indent = lines[0].indent
        top = matches(self.vocab.top_level_headings, text)
        first = len(state.items)
        if top:
            state.headings = [_Heading(text, indent, True, first_item=first)]
        else:
            while state.headings and self._outranked(state.headings[-1], text, indent):
                state.headings.pop()
            state.headings.append(_Heading(text, indent, False, lines[-1].label.rstrip().endswith(":"), first))
        state.group = []
        state.since_heading = 0

    @staticmethod
    def _outranked(current: _Heading, text: str, indent: int) -> bool:
        """A new heading replaces the innermost one at the same or a deeper indent,
        unless the innermost is in capitals and the new one is not (a sub-heading)."""
        if current.top or current.indent < indent:
            return False
        return not (current.text.isupper() and not text.isupper())

    @staticmethod
    def _ends(heading: _Heading, indent: int) -> bool:
        """Whether a row at `indent` is no longer under `heading`: it is printed left of it, or
        level with it when the heading neither is in capitals nor ends in a colon ("Net income
        per share:" heads the "Basic" and "Diluted" rows printed level with it)."""
        if heading.text.isupper() or indent > heading.indent:
            return False
        return indent < heading.indent or not heading.colon

    def _close_heading(self, state: _State, label: str, outdented: list[_Heading],
                       values: tuple[Decimal | None, ...]) -> str:
        """Section of a total row; the heading it totals is closed. A heading the row's own
        indent has just ended comes first: "Total current assets" printed left of the
        "Current assets" rows totals them, not the "Assets" heading above. An unlabeled total
        closes the innermost heading only when it sums all that heading's rows."""
        words = _words(label)
        for heading in outdented:
            heading_words = _words(heading.text)
            if label and heading_words and (heading_words <= words or (words and words <= heading_words)):
                return heading.text
        if not state.headings:
            return ""
        if not label:  # the heading's total, or a subtotal inside it ("Less accumulated depreciation")
            heading = state.headings[-1]
            rows = [item for index, item in state.summed if index >= heading.first_item]
            return state.headings.pop().text if self._adds_up(values, rows) else heading.text
        for index in range(len(state.headings) - 1, -1, -1):
            heading_words = _words(state.headings[index].text)
            if heading_words and (heading_words <= words or (words and words <= heading_words)):
                text = state.headings[index].text
                del state.headings[index:]
                return text
        return state.headings[-1].text

    # --- labels ---------------------------------------------------------------------

    def _starts_wrap(self, line: Line, following: Line | None) -> bool:
        """Whether a label-only line is the first line of a wrapped label (else a heading)."""
        if following is None or following.kind is LineKind.RULE:
            return False
        continues = following.label[:1].islower() or following.label[:1] in tuple("(0123456789$")
        if line.label.endswith(":"):
            return (following.kind is LineKind.VALUES and following.indent > line.indent
                    and not following.label[:1].isupper())
        words = line.label.split()
        connected = bool(words) and (words[-1].lower() in self.vocab.wrap_connectors
                                     or line.label.endswith((",", "&")))
        if following.indent > line.indent:  # a "Total ..." line is never a heading: its label goes on
            return continues or connected or (following.kind is LineKind.VALUES
                                               and matches(self.vocab.total_labels, line.label))
        return following.indent == line.indent and continues and connected

    # --- values ---------------------------------------------------------------------

    def _cells_by_column(self, line: Line) -> list[Cell | None]:
        slots: list[Cell | None] = [None] * len(self.columns)
        for cell in line.cells:
            index = column_of(cell, self.columns)
            if slots[index] is not None:
                self.diagnostics.append(Diagnostic(
                    "reader.ragged-row", Severity.WARNING,
                    f"two amounts fall into one column; kept {slots[index].text.strip()!r}, "
                    f"ignored {cell.text.strip()!r}", line.number))
                continue
            slots[index] = cell
        return [slots[index] for index in self.keep]

    def _percent(self, label: str, cells: list[Cell | None]) -> bool:
        """A row of percentages: every amount printed with "%", or a percentage's label over
        amounts below 1,000."""
        amounts = [cell for cell in cells if cell is not None and not cell.dash]
        return bool(amounts) and (all(cell.percent for cell in amounts) or (
            matches(self.vocab.percent_labels, label) and all(abs(cell.value) < 1000 for cell in amounts)))

    def _kind(self, label: str, section: str, cells: list[Cell | None]) -> ValueKind:
        vocab = self.vocab
        amounts = [cell for cell in cells if cell is not None and not cell.dash]
        if self._percent(label, cells) or (amounts and matches(vocab.ratio_labels, label)
                                           and all(abs(cell.value) < 1000 for cell in amounts)):
            return ValueKind.PURE
        if matches(vocab.share_count_labels, label):
            return ValueKind.SHARES
        if matches(vocab.per_share_labels, label) and not matches(vocab.per_share_label_exclusions, label):
            return ValueKind.PER_SHARE
        share_label = matches(vocab.share_labels, label) and not matches(vocab.share_label_exclusions, label)
        if share_label:
            return ValueKind.SHARES
        if section and matches(vocab.share_headings, section) and not matches(
                vocab.share_label_exclusions, label):
            return ValueKind.SHARES
        if section and matches(vocab.per_share_headings, section) and not matches(
                vocab.per_share_label_exclusions, label):
            return ValueKind.PER_SHARE
        amounts = [cell for cell in amounts if cell.value != 0]
        if amounts and all(cell.places >= 2 and abs(cell.value) < 1000 for cell in amounts):
            return ValueKind.PER_SHARE
        return ValueKind.MONETARY

    def _scale(self, kind: ValueKind, label: str, section: str) -> int:
        """Power of ten of a row: per-share rows, percentages and ratios are never scaled, share rows
        follow the note's exemption, and a note in the label itself ("(in millions)") or in the heading
        the row sits under ("Shares used in computing earnings per share (in thousands):") wins."""
        if kind in (ValueKind.PER_SHARE, ValueKind.PURE):
            return 0
        for text in (label, section):
            for scale in self.vocab.scales:
                if scale.pattern.search(text):
                    return scale.power
        if kind is ValueKind.SHARES and self.scaling.shares_power is not None:
            return self.scaling.shares_power
        if kind is ValueKind.SHARES and self.scaling.shares_exempt:
            return 0
        return self.scaling.power or 0

    @staticmethod
    def _adds_up(values: tuple[Decimal | None, ...], group: list[LineItem]) -> bool:
        if not group:
            return False
        checked = False
        for index, value in enumerate(values):
            if value is None:
                continue
            parts = [item.values[index] or Decimal(0) for item in group]
            if value not in (sum(parts, Decimal(0)), parts[0] - sum(parts[1:], Decimal(0))):
                return False
            checked = True
        return checked

    def _depth(self, indent: int) -> int:
        return self._depths.get(indent, 0)

    def _item(self, state: _State, lines: list[Line]) -> LineItem:
        last = lines[-1]
        label = " ".join(line.label for line in lines if line.label).strip()
        cells = self._cells_by_column(last)
        outdented: list[_Heading] = []  # headings this row's indent ends, innermost first
        while (state.headings and not state.headings[-1].top and lines[0].label
               and self._ends(state.headings[-1], lines[0].indent)):
            outdented.append(state.headings.pop())
        section = state.headings[-1].text if state.headings else ""
        kind = self._kind(label, section, cells)
        scale = self._scale(kind, label, section)
        if kind is ValueKind.PURE and self._percent(label, cells):
            scale = -2  # 42.3% is the pure number 0.423
        values = tuple(None if cell is None else _scaled(cell.value, scale) for cell in cells)
        texts = tuple("" if cell is None else cell.text.strip() for cell in cells)
        places = max((cell.places for cell in cells if cell is not None), default=0)
        decimals = places if kind is ValueKind.PER_SHARE else places - scale
        is_total = (not label or (state.since_heading > 0 and matches(self.vocab.total_labels, label))
                    or (state.underline and self._adds_up(values, state.group)))
        if is_total:
            section = self._close_heading(state, label, outdented, values)
        return LineItem(label=label, section=section, depth=self._depth(lines[0].indent),
                        values=values, texts=texts, kind=kind, scale=scale, decimals=decimals,
                        is_total=is_total, source_line=lines[0].number,
                        printed_positive=caption_direction(self.vocab, label)
                        if kind is ValueKind.MONETARY else None)

    # --- the walk -------------------------------------------------------------------

    def read(self, body: list[Line]) -> list[LineItem]:
        indents = sorted({line.indent for line in body if line.label})
        self._depths = {indent: depth for depth, indent in enumerate(indents)}
        state = _State()
        meaningful = [line for line in body if line.kind is not LineKind.BLANK]
        for position, line in enumerate(meaningful):
            following = meaningful[position + 1] if position + 1 < len(meaningful) else None
            if line.kind is LineKind.RULE:
                if state.pending:
                    self._push_heading(state, state.pending)
                    state.pending = []
                state.underline = True
                state.last_values_line = None
                continue
            if line.kind is LineKind.TEXT:
                self._text_line(state, line, following)
                continue
            item = self._item(state, [*state.pending, line])
            state.pending = []
            state.underline = False
            state.items.append(item)
            if item.is_total:
                del state.summed[len(state.summed) - len(state.group):]
            state.summed.append((len(state.items) - 1, item))
            state.since_heading += 1
            state.group = [] if item.is_total else [*state.group, item]
            state.last_values_line = line
        if state.pending:
            self.diagnostics.append(Diagnostic(
                "reader.truncated-table", Severity.WARNING,
                "table ends inside a wrapped label; the label lines were dropped",
                state.pending[0].number))
        return state.items

    def _text_line(self, state: _State, line: Line, following: Line | None) -> None:
        """A label-only line: the tail of the previous row's label, part of a wrapped
        label still waiting for its values, or a section heading."""
        previous = state.last_values_line
        if (previous is not None and not state.pending and line.label[:1].islower()
                and line.indent > previous.indent and state.items):
            last = state.items[-1]
            state.items[-1] = replace(last, label=f"{last.label} {line.label}".strip())
            return
        state.last_values_line = None
        if state.pending:
            first = state.pending[0]
            if line.indent > first.indent or line.label[:1].islower():
                state.pending.append(line)
                if line.label.endswith(":"):
                    self._push_heading(state, state.pending)
                    state.pending = []
                return
            self._push_heading(state, state.pending)
            state.pending = []
        if self._starts_wrap(line, following):
            state.pending = [line]
        else:
            self._push_heading(state, [line])
