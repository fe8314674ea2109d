"""The few CSS facts a statement table needs: a label's indentation and cell borders.

Indentation is the left padding, margin and text indent (in points) of the cell
and the elements around its first text, plus leading non-breaking spaces;
`border-top` on a cell, or `border-bottom` on the cell above, underlines an amount.
"""

from __future__ import annotations

import re

from lxml import etree

_DECLARATION = re.compile(r"([a-z-]+)\s*:\s*([^;]+)", re.IGNORECASE)
_LENGTH = re.compile(r"(-?\d*\.?\d+)\s*(pt|px|in|em|cm|mm|pc|rem)?", re.IGNORECASE)
_POINTS = {"pt": 1.0, "px": 0.75, "in": 72.0, "em": 10.0, "rem": 10.0, "cm": 28.35, "mm": 2.835, "pc": 12.0,
           None: 0.75}
_LINE_STYLES = re.compile(r"\b(?:solid|double|dotted|dashed|groove|ridge|inset|outset)\b", re.IGNORECASE)
NBSP_POINTS = 2.5  # the width of one leading non-breaking space


def declarations(element: etree._Element) -> list[tuple[str, str]]:
    style = element.get("style")
    if not style:
        return []
    return [(name.lower(), value.strip().lower()) for name, value in _DECLARATION.findall(style)]


def points(value: str) -> float:
    match = _LENGTH.match(value.strip())
    if not match or value.strip().endswith("%"):
        return 0.0
    unit = match[2].lower() if match[2] else None
    return float(match[1]) * _POINTS[unit]


def _left_of_box(value: str) -> float:
    """The left side of a `margin`/`padding` shorthand (1 to 4 lengths)."""
    parts = value.split()
    if not parts:
        return 0.0
    return points(parts[{1: 0, 2: 1, 3: 1}.get(len(parts), 3)])


def left_indent(element: etree._Element) -> float:
    """Points of left indentation one element's style adds."""
    total = 0.0
    for name, value in declarations(element):
        if name in ("padding-left", "margin-left", "text-indent"):
            total += points(value)
        elif name in ("padding", "margin"):
            total += _left_of_box(value)
    return total


def label_indent(cell: etree._Element) -> int:
    """Indentation of a label cell in whole points: styles from the cell down to its
    first text, plus leading non-breaking spaces."""
    total = 0.0
    for node in cell.iter():
        total += left_indent(node)
        if node.text and node.text.strip():
            text = node.text.lstrip(" \n\r\t")
            total += (len(text) - len(text.lstrip("\u00a0"))) * NBSP_POINTS
            break
    return round(max(total, 0.0))


def _has_border(element: etree._Element, side: str) -> bool:
    if "border" not in element.get("style", ""):
        return False
    found = False
    for name, value in declarations(element):
        if name in ("border", f"border-{side}", f"border-{side}-style"):
            found = bool(_LINE_STYLES.search(value)) and not re.search(r"\b0(?:px|pt)?\s", value + " ")
    return found


def border(cell: etree._Element, side: str) -> bool:
    """Whether the cell (or a block element filling it) draws a line on `side` ('top', 'bottom')."""
    if _has_border(cell, side):
        return True
    return any(_has_border(child, side) for child in cell if isinstance(child.tag, str))
