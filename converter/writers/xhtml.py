"""An HTML tree (as `lxml.html` parses EDGAR documents) rewritten as XHTML 1.1 that an
Inline XBRL processor's schema accepts.

Elements XHTML 1.1 lacks become `span` or `div` (`font`, `center`, `u` …) and
presentational attributes become CSS (`align`, `width`, `bgcolor`, `nowrap`;
`br` takes no style, so page breaks drawn by a `br` are lost);
scripts, forms, images and unknown attributes are dropped; links lose their targets
and become `span` (EDGAR wants no anchor without one inside a paragraph or table), and
only `br`, `hr` and `col` are written self-closed. Text the XHTML
content model does not allow where it stands (loose text in `body`) is wrapped
in a `div`. Placeholder `ix-fact` elements become `ix:nonFraction`.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

XHTML_NS = "http://www.w3.org/1999/xhtml"
IX_NS = "http://www.xbrl.org/2013/inlineXBRL"
FACT_PLACEHOLDER = "ix-fact"
BLOCK = frozenset({"div", "p", "table", "ul", "ol", "dl", "pre", "hr", "blockquote", "address",
                   "h1", "h2", "h3", "h4", "h5", "h6"})
INLINE = frozenset({"span", "b", "i", "em", "strong", "sup", "sub", "small", "big", "br",
                    "tt", "code", "abbr", "cite", "q", "kbd", "var", "dfn", "samp", "acronym"})
KEEP = BLOCK | INLINE | frozenset({"thead", "tbody", "tfoot", "tr", "td", "th", "caption",
                                   "colgroup", "col", "li", "dt", "dd"})
DROP = frozenset({"script", "style", "head", "title", "meta", "link", "img", "object", "embed",
                  "form", "input", "select", "textarea", "button", "iframe", "noscript", "map",
                  "area", "applet", "param", "base", "basefont"})
STYLE_SPAN = {"u": "text-decoration:underline", "s": "text-decoration:line-through",
              "strike": "text-decoration:line-through", "font": ""}
STYLE_DIV = {"center": "text-align:center"}
ATTRIBUTES = {"colspan", "rowspan", "valign"}
NO_STYLE = frozenset({"br"})  # XHTML 1.1 gives `br` the core attributes only
SEC_PROPERTIES = ("-sec-ix-",)  # -sec-ix-hidden, -sec-ix-redact: they name facts of the source's own tags
EMPTY = frozenset({"br", "hr", "col"})  # the only elements written self-closed (EDGAR warns of others)
AS_STYLE = {"align": "text-align", "width": "width", "height": "height", "bgcolor": "background-color"}
TABLE_ATTRIBUTES = {"border", "cellpadding", "cellspacing", "width", "summary"}
FONT_SIZES = {"1": "8pt", "2": "10pt", "3": "12pt", "4": "14pt", "5": "18pt", "6": "24pt", "7": "36pt"}


def _has_block(element: etree._Element) -> bool:
    return any(isinstance(e.tag, str) and (e.tag.lower() in BLOCK or e.tag.lower() in STYLE_DIV
                                           or e.tag.lower() in ("tr", "td", "li"))
               for e in element.iterdescendants())


def _style(element: etree._Element, tag: str) -> str:
    rules = [rule for rule in element.get("style", "").split(";")  # an Inline XBRL source's own
             if not rule.strip().lower().startswith(SEC_PROPERTIES)]     # EDGAR properties refer to its facts
    for attribute, prop in AS_STYLE.items():
        value = element.get(attribute)
        if value and not (tag == "table" and attribute == "width"):
            value = value.strip()
            rules.append(f"{prop}:{value}px" if prop in ("width", "height") and value.isdigit()
                         else f"{prop}:{value}")
    if element.get("nowrap") is not None:
        rules.append("white-space:nowrap")
    if element.tag == "font":
        if element.get("color"):
            rules.append(f"color:{element.get('color')}")
        if element.get("face"):
            rules.append(f"font-family:{element.get('face')}")
        if element.get("size") in FONT_SIZES:
            rules.append(f"font-size:{FONT_SIZES[element.get('size', '')]}")
    rules.append(STYLE_SPAN.get(str(element.tag), "") or STYLE_DIV.get(str(element.tag), ""))
    return ";".join(r.strip() for r in rules if r.strip())


def _target(element: etree._Element) -> str | None:
    """The XHTML tag an HTML element becomes; None drops it (with its content)."""
    tag = element.tag.lower() if isinstance(element.tag, str) else ""
    if not tag or tag in DROP:
        return None
    if tag in KEEP:
        return tag
    if tag in STYLE_DIV or _has_block(element):
        return "div"
    return "span"


def _copy(source: etree._Element, parent: etree._Element) -> None:
    """Copy `source` (an HTML element) under `parent` (XHTML), iteratively."""
    stack: list[tuple[etree._Element, etree._Element]] = [(source, parent)]
    while stack:
        node, into = stack.pop()
        if node.tag == FACT_PLACEHOLDER:
            fact = etree.SubElement(into, f"{{{IX_NS}}}nonFraction",
                                    {k: v for k, v in node.attrib.items()})
            fact.text = node.text
            fact.tail = node.tail
            continue
        tag = _target(node)
        if tag is None:
            _append_text(into, node.tail)
            continue
        copy = etree.SubElement(into, f"{{{XHTML_NS}}}{tag}")
        for name in sorted(ATTRIBUTES | (TABLE_ATTRIBUTES if tag == "table" else set())):
            if node.get(name) is not None:
                copy.set(name, node.get(name, ""))
        style = _style(node, tag) if tag not in NO_STYLE else ""
        if style:
            copy.set("style", style)
        copy.text = node.text
        copy.tail = node.tail
        stack.extend((child, copy) for child in reversed(list(node)) if isinstance(child.tag, str))


def _append_text(element: etree._Element, text: str | None) -> None:
    if not text:
        return
    children = list(element)
    if children:
        children[-1].tail = (children[-1].tail or "") + text
    else:
        element.text = (element.text or "") + text


def _body_blocks(body: etree._Element) -> Iterator[etree._Element]:
    for child in body:
        if isinstance(child.tag, str):
            yield child


def body_xhtml(root: etree._Element) -> etree._Element:
    """The HTML document's body as an XHTML `body` whose children are all blocks."""
    html_body = root.find(".//body")
    source = html_body if html_body is not None else root
    staged = etree.Element(f"{{{XHTML_NS}}}div", nsmap={None: XHTML_NS, "ix": IX_NS})
    staged.text = source.text
    for child in source:
        if isinstance(child.tag, str):
            _copy(child, staged)
        else:
            _append_text(staged, child.tail)
    body = etree.Element(f"{{{XHTML_NS}}}body", nsmap={None: XHTML_NS, "ix": IX_NS})
    loose = etree.SubElement(body, f"{{{XHTML_NS}}}div")
    loose.text = staged.text
    for child in list(_body_blocks(staged)):
        local = etree.QName(child).localname
        if local in BLOCK or local == "div":
            body.append(child)
            loose = etree.SubElement(body, f"{{{XHTML_NS}}}div")
            loose.text, child.tail = child.tail, None
        else:
            loose.append(child)
    for div in body.findall(f"{{{XHTML_NS}}}div"):
        if not len(div) and not (div.text or "").strip():
            body.remove(div)
    for element in body.iter(f"{{{XHTML_NS}}}*"):
        if element.text is None and not len(element) and etree.QName(element).localname not in EMPTY:
            element.text = ""  # written <p></p>, not <p/>
    return body
