"""Inline XBRL in the source's own HTML: the amounts it prints, tagged where they stand.

Line items read from HTML carry, per value, the XPath of their cell in the tree
`converter.readers.html_dom.parse` builds from the source file. The number in
each placed cell is wrapped in `ix:nonFraction` inside the very text node that
prints it; a number split across markup cannot be wrapped and its fact goes to
`ix:hidden` instead. The tree is then rewritten as XHTML (`xhtml`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from lxml import etree

from converter.model import Document, Fact, LineItem, XbrlReport
from converter.readers.html import sniff
from converter.readers.html_dom import parse, text_of
from converter.readers.html_ixbrl import is_inline_xbrl
from converter.writers.placement import Placed, place
from converter.writers.xhtml import FACT_PLACEHOLDER, body_xhtml


@dataclass(frozen=True)
class TaggedSource:
    body: etree._Element  # XHTML body with the ix:nonFraction facts in place
    hidden: tuple[Fact, ...]  # every report fact the body does not show, in report order


def has_cell_refs(document: Document) -> bool:
    return any(item.cell_refs for statement in document.statements for item in statement.items)


def _source_markup(document: Document) -> str | None:
    path = Path(document.meta.source)
    if not path.is_file():
        return None
    markup = path.read_bytes().decode("utf-8", errors="replace")
    if not sniff(markup) or is_inline_xbrl(markup):
        return None
    return markup


def tag_source(report: XbrlReport, document: Document) -> TaggedSource | None:
    """The source document with its amounts tagged; None when it is not a plain HTML file
    the line items' cell locations point into."""
    if not has_cell_refs(document):
        return None
    markup = _source_markup(document)
    if markup is None:
        return None
    root, _ = parse(markup, 1)
    if root is None:
        return None
    tree = root.getroottree()

    def cell(ref: str | None) -> etree._Element | None:
        if ref is None:
            return None
        found = tree.xpath(ref)
        if isinstance(found, list) and found and isinstance(found[0], etree._Element):
            return found[0]
        return None

    def texts(_s: int, _i: int, item: LineItem) -> tuple[str | None, ...]:
        cells = tuple(cell(ref) for ref in item.cell_refs)
        return tuple(text_of(c) if c is not None else None for c in cells)

    placement = place(report, document, texts)
    shown: set[str] = set()
    for (s, i, k), placed in placement.cells.items():
        item = document.statements[s].items[i]
        element = cell(item.cell_refs[k])
        if element is not None and _wrap(element, placed, item.scale):
            shown.add(placed.fact.id)
    hidden = tuple(f for f in report.facts if f.id not in shown)
    return TaggedSource(body_xhtml(root), hidden)


def _wrap(cell: etree._Element, placed: Placed, scale: int) -> bool:
    """Wrap the printed number in the first text node of `cell` that holds it whole."""
    pattern = re.compile(rf"(?<![\d,.]){re.escape(placed.printed.number)}(?![\d,.]*\d)")
    fact = placed.fact
    attributes = {"name": fact.concept, "contextRef": fact.context_id, "unitRef": fact.unit_id or "",
                  "decimals": str(fact.decimals), "scale": str(scale),
                  "format": placed.printed.format, "id": fact.id}
    if isinstance(fact.value, Decimal) and fact.value < 0:
        attributes["sign"] = "-"
    for node in cell.iter():
        if not isinstance(node.tag, str):
            continue
        for where in ("text", "tail") if node is not cell else ("text",):
            text = getattr(node, where) or ""
            match = pattern.search(text)
            if match is None:
                continue
            tag = etree.Element(FACT_PLACEHOLDER, attributes)
            tag.text = match.group()
            tag.tail = text[match.end():]
            setattr(node, where, text[:match.start()])
            if where == "text":
                node.insert(0, tag)
            else:
                parent = node.getparent()
                parent.insert(parent.index(node) + 1, tag)
            return True
    return False
