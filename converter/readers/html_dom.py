"""HTML documents as a reader sees them: a safe parse, then a flat stream of text
lines and tables in document order.

The parser never touches the network, never loads a DTD and drops comments and
processing instructions; libxml2 stops at 256 levels of nesting, which is
reported as a diagnostic. The walk is iterative, so no tree is too deep for it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

from converter.model import Diagnostic, Severity
from converter.sources import html_bytes
from converter.sources import html_parser as parser

BLOCK_TAGS = frozenset({
    "p", "div", "address", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "li", "ul", "ol",
    "center", "hr", "blockquote", "pre", "dl", "dt", "dd", "section", "article", "header",
    "footer", "body", "caption", "td", "th",
})
SKIP_TAGS = frozenset({"script", "style", "head", "title", "ix:header", "noscript"})
_SPACE = re.compile(r"[\s\u00a0\u2002\u2003\u2009\u200b]+")
_FOOTNOTE_MARK = re.compile(r"^\s*\(?(?:[a-z]|\d{1,2}|\*{1,3}|[\u2020\u2021\u00a7])\)?\s*$", re.IGNORECASE)
_SUPER_STYLE = re.compile(r"vertical-align\s*:\s*super|top\s*:\s*-", re.IGNORECASE)
TRUNCATED = "reader.html-truncated"


def parse(markup: str, first_line: int) -> tuple[etree._Element | None, list[Diagnostic]]:
    """The document's root element (None when nothing parses) and diagnostics for fatal
    parser errors (the tree then ends where the parser stopped)."""
    html_parser = parser()
    try:
        root = etree.fromstring(html_bytes(markup), html_parser)
    except (etree.ParserError, etree.XMLSyntaxError) as exc:
        return None, [Diagnostic(TRUNCATED, Severity.WARNING, f"the HTML cannot be parsed: {exc}", first_line)]
    diagnostics = [
        Diagnostic(TRUNCATED, Severity.WARNING,
                   f"the HTML parser stopped: {error.message.strip()}; the rest of the document is not read",
                   first_line - 1 + error.line)
        for error in html_parser.error_log if error.level_name == "FATAL"]
    return root, diagnostics[:1]


def tag_of(element: etree._Element) -> str:
    tag = element.tag
    return tag.lower() if isinstance(tag, str) else ""


def is_footnote_mark(element: etree._Element) -> bool:
    """A superscript footnote reference (`<sup>(1)</sup>`, a raised `<span>` with `*`)."""
    tag = tag_of(element)
    if tag != "sup" and not (tag in ("span", "font") and _SUPER_STYLE.search(element.get("style", ""))):
        return False
    return bool(_FOOTNOTE_MARK.match("".join(element.itertext())))


def normalise(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def text_of(element: etree._Element) -> str:
    """The element's text without footnote superscripts, whitespace collapsed."""
    return normalise(" ".join(raw_text(element)))


def raw_text(element: etree._Element) -> list[str]:
    """Text pieces in order (footnote superscripts and hidden parts left out), iteratively."""
    pieces: list[str] = []
    stack: list[tuple[etree._Element, bool]] = [(element, False)]
    while stack:
        node, closing = stack.pop()
        if closing:
            if node is not element and node.tail:
                pieces.append(node.tail)
            continue
        stack.append((node, True))
        if node is not element and (tag_of(node) in SKIP_TAGS or is_footnote_mark(node)):
            continue
        if tag_of(node) in BLOCK_TAGS and pieces:
            pieces.append(" ")
        if node.text:
            pieces.append(node.text)
        stack.extend((child, False) for child in reversed(node))
    return pieces


def first_text_line(element: etree._Element, offset: int) -> int:
    """Input-file line where the element's text starts (the element's own line if none)."""
    for node in element.iter():
        if node.text and node.text.strip() and node.sourceline:
            return offset + node.sourceline
    return offset + (element.sourceline or 1)


@dataclass(frozen=True)
class TextLine:
    text: str
    line: int


Event = TextLine | etree._Element  # a table element, or a line of running text


def walk(root: etree._Element, offset: int) -> Iterator[Event]:
    """Text lines (split at block elements) and innermost tables, in document order: a table
    holding tables is page layout, walked like the rest of the text."""
    pieces: list[str] = []
    line = 0  # input-file line of the first non-blank piece, 0 before it
    stack: list[tuple[etree._Element, bool]] = [(root, False)]

    def add(text: str, element: etree._Element) -> None:
        nonlocal line
        pieces.append(text)
        if not line and text.strip():
            line = offset + (element.sourceline or 1)

    def flush() -> Iterator[TextLine]:
        nonlocal pieces, line
        text = normalise("".join(pieces))
        if text:
            yield TextLine(text, line)
        pieces, line = [], 0

    while stack:
        node, closing = stack.pop()
        tag = tag_of(node)
        if closing:
            if tag in BLOCK_TAGS:
                yield from flush()
            if node.tail and node is not root:
                add(node.tail, node)
            continue
        if tag in SKIP_TAGS or not isinstance(node.tag, str) or is_footnote_mark(node):
            if node.tail:
                add(node.tail, node)
            continue
        if tag == "table" and next(node.iterdescendants("table"), None) is None:
            yield from flush()
            yield node
            if node.tail:
                add(node.tail, node)
            continue
        if tag in BLOCK_TAGS:
            yield from flush()
        if node.text:
            add(node.text, node)
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(node))
    yield from flush()
