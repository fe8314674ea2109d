"""Inline XBRL in the source's own HTML: the amounts it prints, tagged where they stand.

Line items read from HTML carry, per value, a cell reference (`converter.sources`):
the XPath of the cell in the tree `sources.parse_html` builds from the HTML file,
or from one document of a full EDGAR submission. The tagged document is that HTML
document; when the statements come from several documents of a submission, the
main one is the document most values come from (the earnings release, not the
cover 8-K), and the values of the others are hidden facts. The number in each
placed cell is wrapped in `ix:nonFraction` inside the very text node that prints
it; a number split across markup cannot be wrapped and its fact goes to
`ix:hidden` instead. The tree is then rewritten as XHTML (`xhtml`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from lxml import etree

from converter.model import Document, Fact, LineItem, XbrlReport
from converter.sources import CellRef, parse_html, source_markup
from converter.writers.placement import Placed, place
from converter.writers.xhtml import FACT_PLACEHOLDER, body_xhtml


@dataclass(frozen=True)
class TaggedSource:
    body: etree._Element  # XHTML body with the ix:nonFraction facts in place
    hidden: tuple[Fact, ...]  # every report fact the body does not show, in report order


def cell_refs(document: Document) -> list[CellRef]:
    """Every readable cell reference of the document's values, in statement order."""
    refs = (CellRef.parse(ref) for statement in document.statements for item in statement.items
            for ref in item.cell_refs if ref is not None)
    return [ref for ref in refs if ref is not None]


def main_part(refs: list[CellRef]) -> int | None:
    """The submission document most values come from (None: a plain HTML file); the first
    one of those in statement order on a tie."""
    counts = Counter(ref.part for ref in refs)
    return max(counts, key=lambda part: (counts[part], -[ref.part for ref in refs].index(part)))


def tag_source(report: XbrlReport, document: Document) -> TaggedSource | None:
    """The source HTML document with its amounts tagged; None when no value has a cell
    reference or the referenced document cannot be read again."""
    refs = cell_refs(document)
    if not refs:
        return None
    part = main_part(refs)
    markup = source_markup(document.meta.source, part)
    root = parse_html(markup) if markup is not None else None
    if root is None:
        return None
    tree = root.getroottree()

    def cell(ref: str | None) -> etree._Element | None:
        located = CellRef.parse(ref) if ref is not None else None
        if located is None or located.part != part:
            return None
        found = tree.xpath(located.xpath)
        if isinstance(found, list) and found and isinstance(found[0], etree._Element):
            return found[0]
        return None

    def texts(_s: int, _i: int, item: LineItem) -> tuple[str | None, ...]:
        return tuple(text if cell(ref) is not None else None
                     for text, ref in zip(item.texts, item.cell_refs, strict=False))

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
