"""Find table blocks in EDGAR text: `<TABLE>` … `</TABLE>` regions, and, in the
text outside them, bare runs of aligned columns separated by blank lines.

A block keeps the title lines printed above it (company, statement title,
dates, scale note). Markup lines (`<S>`, `<C>`, `<CAPTION>`, `<PAGE>`, `<FN>`)
are dropped; line numbers stay those of the input file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from converter.readers.cells import Line, LineKind, read_line
from converter.readers.layout import is_year_row, split_header

_OPEN = re.compile(r"^\s*<TABLE\b[^>]*>", re.IGNORECASE)
_CLOSE = re.compile(r"^\s*</TABLE>", re.IGNORECASE)
_MARKUP = re.compile(r"^\s*</?(?:S|C|CAPTION|PAGE|FN|F\d+)>", re.IGNORECASE)
_COLUMN_MARKUP = re.compile(r"^\s*<(?:S|C|CAPTION)>", re.IGNORECASE)
_STOP = re.compile(r"^\s*</?(?:PAGE|TABLE|TEXT|DOCUMENT)\b", re.IGNORECASE)
_SENTENCE = re.compile(r"[a-z][.;]\s*$")
TITLE_LINES = 8
BARE_GAP = 2  # blank lines that separate two bare-text tables
MIN_ROWS = 3
HEADER_LINES = 6


@dataclass(frozen=True)
class Block:
    lines: tuple[Line, ...]
    titles: tuple[Line, ...]  # nearest last


def title_texts(blocks: list[Block]) -> list[str]:
    """The title lines above each block and the text lines of its header (a table that
    starts at the top of a document carries its titles, the registrant's name among them,
    in its own header)."""
    texts: list[str] = []
    for block in blocks:
        texts.extend(line.text for line in block.titles)
        header = list(block.lines)[:split_header(list(block.lines))]
        texts.extend(line.text for line in header if line.kind is LineKind.TEXT)
    return texts


def _strip_markup(number: int, raw: str) -> Line:
    if _MARKUP.match(raw):
        rest = _MARKUP.sub("", raw, count=1)
        if not rest.strip() or re.fullmatch(r"[\s<>SCsc]*", rest):
            return read_line(number, "")
        return read_line(number, " " * (len(raw) - len(rest)) + rest)
    return read_line(number, raw)


def _titles(region: list[tuple[int, str]], index: int) -> tuple[Line, ...]:
    """Up to TITLE_LINES short non-prose lines above position `index`."""
    found: list[Line] = []
    position = index - 1
    while position >= 0 and len(found) < TITLE_LINES:
        number, raw = region[position]
        if _STOP.match(raw):
            break
        line = read_line(number, raw)
        if line.kind is LineKind.VALUES:
            break
        if line.kind is LineKind.TEXT:
            if _is_prose(line):
                break
            found.append(line)
        position -= 1
    return tuple(reversed(found))


def bare_blocks(region: list[tuple[int, str]]) -> list[Block]:
    """Paragraph groups (split by BARE_GAP blank lines) holding MIN_ROWS rows of 2+ amounts."""
    groups: list[tuple[int, list[Line]]] = []
    blanks = BARE_GAP
    for position, (number, raw) in enumerate(region):
        if _COLUMN_MARKUP.match(raw):
            blanks = 0 if groups else blanks
            continue
        line = _strip_markup(number, raw)
        if line.kind is LineKind.BLANK:
            blanks += 1
            continue
        if blanks >= BARE_GAP:
            groups.append((position, []))
        else:
            groups[-1][1].extend(read_line(number - gap, "") for gap in range(blanks, 0, -1))
        blanks = 0
        groups[-1][1].append(line)
    blocks = []
    for start, group in _with_headers(groups):
        rows = [line for line in group if line.kind is LineKind.VALUES and len(line.cells) >= 2]
        if len(rows) >= MIN_ROWS:
            blocks.append(Block(tuple(_without_prose(group)), _titles(region, start)))
    return blocks


def _is_header(group: list[Line]) -> bool:
    """A short group of column headings (no amounts, no prose) printed apart from its rows."""
    return len(group) <= HEADER_LINES and all(
        is_year_row(line) if line.kind is LineKind.VALUES else
        (line.kind is not LineKind.TEXT or (len(line.text.strip()) <= 60 and not _is_prose(line)))
        for line in group) and any(line.kind is not LineKind.RULE for line in group)


def _with_headers(groups: list[tuple[int, list[Line]]]) -> list[tuple[int, list[Line]]]:
    merged: list[tuple[int, list[Line]]] = []
    for start, group in groups:
        if merged and _is_header(merged[-1][1]):
            previous_start, previous = merged.pop()
            merged.append((previous_start, [*previous, *group]))
        else:
            merged.append((start, group))
    return merged


def _is_prose(line: Line) -> bool:
    return line.kind is LineKind.TEXT and len(line.text.strip()) > 40 and bool(_SENTENCE.search(line.text))


def _without_prose(group: list[Line]) -> list[Line]:
    """Drop a paragraph of running text that ends right above a bare table."""
    first_row = next(index for index, line in enumerate(group) if line.kind is LineKind.VALUES)
    cut = max((index + 1 for index in range(first_row) if _is_prose(group[index])), default=0)
    return group[cut:]


def find_blocks(region: list[tuple[int, str]]) -> list[Block]:
    """Tagged tables, and bare tables in the text between them, in document order."""
    blocks: list[Block] = []
    outside: list[tuple[int, str]] = []
    index = 0
    while index < len(region):
        if not _OPEN.match(region[index][1]):
            outside.append(region[index])
            index += 1
            continue
        blocks.extend(bare_blocks(outside))
        outside = []
        titles = _titles(region, index)
        body: list[Line] = []
        index += 1
        while index < len(region) and not _CLOSE.match(region[index][1]) and not _OPEN.match(region[index][1]):
            body.append(_strip_markup(*region[index]))
            index += 1
        blocks.append(Block(tuple(body), titles))
        index += 1
    blocks.extend(bare_blocks(outside))
    return blocks
