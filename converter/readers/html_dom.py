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
from functools import lru_cache

from lxml import etree

from converter.model import Diagnostic, Severity
from converter.readers.html_style import STYLE_CACHE
from converter.sources import html_bytes
from converter.sources import html_parser as parser

BLOCK_TAGS = frozenset({
    "p", "div", "address", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "li", "ul", "ol",
    "center", "hr", "blockquote", "pre", "dl", "dt", "dd", "section", "article", "header",
    "footer", "body", "caption", "td", "th",
})
SKIP_TAGS = frozenset({"script", "style", "head", "title", "ix:header", "noscript"})
_FOOTNOTE_MARK = re.compile(r"^\s*\(?(?:[a-z]|\d{1,2}|\*{1,3}|[\u2020\u2021\u00a7])\)?\s*$", re.IGNORECASE)
_MARK_TAGS = frozenset({"sup", "span", "font"})  # the tags a footnote mark can have
_SUPER_STYLE = re.compile(r"vertical-align\s*:\s*super|top\s*:\s*-", re.IGNORECASE)
TRUNCATED = "reader.html-truncated"
_PLAIN = etree.ElementDefaultClassLookup()  # plain elements: lxml.html's class lookup runs Python per element


def parse(markup: str, first_line: int) -> tuple[etree._Element | None, list[Diagnostic]]:
    """The document's root element (None when nothing parses) and diagnostics for fatal
    parser errors (the tree then ends where the parser stopped)."""
    html_parser = parser()
    html_parser.set_element_class_lookup(_PLAIN)
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


def is_footnote_mark(element: etree._Element, tag: str) -> bool:
    """A superscript footnote reference (`<sup>(1)</sup>`, a raised `<span>` with `*`);
    `tag` is the element's tag in lower case."""
    if tag != "sup" and not (tag in ("span", "font") and _is_raised(element.get("style", ""))):
        return False
    return bool(_FOOTNOTE_MARK.match("".join(element.itertext())))


@lru_cache(maxsize=STYLE_CACHE)
def _is_raised(style: str) -> bool:
    return bool(_SUPER_STYLE.search(style))


def normalise(text: str) -> str:
    """Runs of whitespace and zero-width spaces as one space, stripped (`str.split` splits
    at the no-break and thin spaces too)."""
    return " ".join(text.replace("\u200b", " ").split())


def text_of(element: etree._Element) -> str:
    """The element's text without footnote superscripts, whitespace collapsed."""
    if not len(element):
        text = element.text
        return normalise(text) if text else ""
    return normalise(" ".join(raw_text(element)))


def raw_text(element: etree._Element) -> list[str]:
    """Text pieces in order (footnote superscripts and hidden parts left out), iteratively."""
    text = element.text
    pieces: list[str] = [text] if text else []
    count = len(element)
    if not count:
        return pieces
    if count == 1 and not len(child := element[0]):  # the common `<td><font>1,234</font></td>`
        return _leaf_child(pieces, child)
    append = pieces.append
    children = [iter(element)]  # per open element, its children still to visit
    tails: list[str | None] = [None]  # per open element, the tail to add when it closes
    while children:
        node = next(children[-1], None)
        if node is None:
            children.pop()
            tail = tails.pop()
            if tail:
                append(tail)
            continue
        tag = node.tag
        tag = tag.lower() if isinstance(tag, str) else ""
        tail = node.tail
        if tag in SKIP_TAGS or (tag in _MARK_TAGS and is_footnote_mark(node, tag)):
            if tail:
                append(tail)
            continue
        if tag in BLOCK_TAGS and pieces:
            append(" ")
        text = node.text
        if text:
            append(text)
        if len(node):
            children.append(iter(node))
            tails.append(tail)
        elif tail:
            append(tail)
    return pieces


def _leaf_child(pieces: list[str], child: etree._Element) -> list[str]:
    """`raw_text` of an element whose one child has no children of its own."""
    tag = child.tag
    tag = tag.lower() if isinstance(tag, str) else ""
    if not (tag in SKIP_TAGS or (tag in _MARK_TAGS and is_footnote_mark(child, tag))):
        if tag in BLOCK_TAGS and pieces:
            pieces.append(" ")
        text = child.text
        if text:
            pieces.append(text)
    tail = child.tail
    if tail:
        pieces.append(tail)
    return pieces


def first_text_line(element: etree._Element, offset: int) -> int:
    """Input-file line where the element's text starts (the element's own line if none)."""
    for node in element.iter():
        text = node.text
        if text and text.strip() and node.sourceline:
            return offset + node.sourceline
    return offset + (element.sourceline or 1)


@dataclass(frozen=True)
class TextLine:
    text: str
    line: int


Event = TextLine | etree._Element  # a table element, or a line of running text


def walk(root: etree._Element, offset: int) -> Iterator[Event]:
    """Text lines (split at block elements, an image's alt text a line of its own) and innermost
    tables, in document order: a table holding tables is page layout, walked like the rest of
    the text."""
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
        tag = node.tag
        is_element = isinstance(tag, str)
        tag = tag.lower() if is_element else ""
        if closing:
            if tag in BLOCK_TAGS and pieces:
                yield from flush()
            tail = node.tail
            if tail and node is not root:
                add(tail, node)
            continue
        if tag in SKIP_TAGS or not is_element or (tag in _MARK_TAGS and is_footnote_mark(node, tag)):
            tail = node.tail
            if tail:
                add(tail, node)
            continue
        if tag == "table" and next(node.iterdescendants("table"), None) is None:
            if pieces:
                yield from flush()
            yield node
            tail = node.tail
            if tail:
                add(tail, node)
            continue
        if tag in BLOCK_TAGS and pieces:
            yield from flush()
        if tag == "img" and (alt := normalise(node.get("alt") or "")):  # a title printed as an image
            yield from flush()
            yield TextLine(alt, offset + (node.sourceline or 1))
        text = node.text
        if text:
            add(text, node)
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(node))
    yield from flush()
