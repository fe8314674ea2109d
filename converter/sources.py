"""The source file as readers and writers both see it: its text, the documents of an
EDGAR submission, the safe HTML parse, and where a statement cell sits.

Readers record, per value, a cell reference; the Inline XBRL writer follows it back
to the very markup the reader parsed. A reference is the cell's XPath in the tree
`parse_html` builds from the HTML, prefixed with `doc:<n>|` when the HTML is the
n-th document (from 0, as `split_documents` counts) of a full submission. Neither
side imports the other: this module is what they share.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

import lxml.html
from lxml import etree

ENCODINGS = ("utf-8", "cp1252")
_DOC_OPEN = re.compile(r"^<DOCUMENT>\s*$", re.IGNORECASE)
_DOC_CLOSE = re.compile(r"^</DOCUMENT>\s*$", re.IGNORECASE)
_TYPE = re.compile(r"^<TYPE>\s*(?P<type>\S+)", re.IGNORECASE)
_TEXT_OPEN = re.compile(r"^<TEXT>\s*$", re.IGNORECASE)
_TEXT_CLOSE = re.compile(r"^</TEXT>\s*$", re.IGNORECASE)
_REF = re.compile(r"^doc:(?P<part>\d+)\|(?P<xpath>/.*)$", re.DOTALL)
_IX_HEADER = re.compile(r"<ix:header\b.*?</ix:header\s*>", re.IGNORECASE | re.DOTALL)
_IX_TAG = re.compile(r"</?ix:[a-z]+\b[^>]*>", re.IGNORECASE)
_HTML = re.compile(r"<\s*(?:html|body|!doctype\s+html)\b", re.IGNORECASE)


BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def bom_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark at the start of `data` announces, if any."""
    return next((encoding for bom, encoding in BOMS if data.startswith(bom)), None)


def decode(data: bytes) -> str | None:
    """The bytes as text: by their byte-order mark, else in the first encoding that reads
    them (None when none does)."""
    announced = bom_encoding(data)
    for encoding in (announced,) if announced else ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


@dataclass(frozen=True)
class Part:
    type: str
    first_line: int  # 1-based line of the first text line
    lines: tuple[str, ...]

    @property
    def body(self) -> str:
        return "\n".join(self.lines)


def split_documents(lines: list[str]) -> list[Part]:
    """The `<TEXT>` of each `<DOCUMENT>` of a submission (the whole document when it has
    no `<TEXT>` tag)."""
    parts: list[Part] = []
    doc_type = ""
    opened: int | None = None
    start: int | None = None
    for index, line in enumerate(lines):
        if _DOC_OPEN.match(line):
            doc_type, opened, start = "", index + 1, None
        elif (match := _TYPE.match(line)) and start is None:
            doc_type = match["type"]
        elif _TEXT_OPEN.match(line) and start is None:
            start = index + 1
        elif _TEXT_CLOSE.match(line) and start is not None:
            parts.append(Part(doc_type, start + 1, tuple(lines[start:index])))
            start = opened = None
        elif _DOC_CLOSE.match(line):
            begin = start if start is not None else opened
            if begin is not None:
                parts.append(Part(doc_type, begin + 1, tuple(lines[begin:index])))
            start = opened = None
    begin = start if start is not None else opened
    if begin is not None:
        parts.append(Part(doc_type, begin + 1, tuple(lines[begin:])))
    return parts


def html_parser() -> lxml.html.HTMLParser:
    """The one HTML parser configuration: no network, no DTD, no comments or PIs."""
    return lxml.html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True,
                                encoding="utf-8", collect_ids=False, default_doctype=False)


def html_bytes(markup: str) -> bytes:
    return markup.encode("utf-8", "surrogatepass")


def parse_html(markup: str) -> etree._Element | None:
    """The root of `markup` parsed as the readers parse it (None when nothing parses)."""
    try:
        return etree.fromstring(html_bytes(markup), html_parser())
    except (etree.ParserError, etree.XMLSyntaxError):
        return None


@dataclass(frozen=True)
class CellRef:
    part: int | None  # the submission document holding the cell; None for a plain HTML file
    xpath: str

    def __str__(self) -> str:
        return self.xpath if self.part is None else f"doc:{self.part}|{self.xpath}"

    @staticmethod
    def parse(text: str) -> CellRef | None:
        """The reference a reader wrote (None for text that is none)."""
        match = _REF.match(text)
        if match is not None:
            return CellRef(int(match["part"]), match["xpath"])
        return CellRef(None, text) if text.startswith("/") else None


def _blank(match: re.Match[str]) -> str:
    return "\n" * match.group().count("\n")


def is_inline_xbrl(markup: str) -> bool:
    return bool(_IX_TAG.search(markup))


def strip_inline_xbrl(markup: str) -> str:
    """Inline XBRL as the plain HTML a reader sees: `ix:header` (hidden facts, contexts,
    units) dropped and every other `ix:` tag unwrapped, keeping its text. Line breaks inside
    removed markup are kept, so line numbers stay those of the input file."""
    return _IX_TAG.sub(_blank, _IX_HEADER.sub(_blank, markup))


def plain_html(markup: str) -> str:
    """The HTML readers parse and cell references point into: Inline XBRL stripped."""
    return strip_inline_xbrl(markup) if is_inline_xbrl(markup) else markup


def source_markup(source: str | Path, part: int | None) -> str | None:
    """The HTML a cell reference with `part` points into: the whole file, or the text of
    the submission's `part`-th document, as readers parse it (`plain_html`). None when
    the file or document is gone."""
    path = Path(source)
    if not path.is_file():
        return None
    text = decode(path.read_bytes())
    if text is None:
        return None
    if part is None:
        return plain_html(text)
    parts = split_documents(text.splitlines())
    return plain_html(parts[part].body) if 0 <= part < len(parts) else None


def text_lines(source: str | Path) -> list[str] | None:
    """The lines of a plain-text source as readers number them (line n is `lines[n - 1]`); None
    when the file is gone or holds HTML anywhere (its statements are re-opened as markup)."""
    path = Path(source)
    if not path.is_file():
        return None
    text = decode(path.read_bytes())
    if text is None or _HTML.search(text):
        return None
    return text.splitlines()
