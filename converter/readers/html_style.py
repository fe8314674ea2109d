"""The few CSS facts a statement table needs: a label's indentation and cell borders.

Indentation is the left padding, margin and text indent (in points) of the cell
and the elements around its first text, plus leading non-breaking spaces;
`border-top` on a cell (or a block filling it), or `border-bottom` on the cell
above, underlines an amount. Both are read from the `style` attribute alone, so
they are computed once per distinct attribute value.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lxml import etree

_DECLARATION = re.compile(r"([a-z-]+)\s*:\s*([^;]+)", re.IGNORECASE)
_LENGTH = re.compile(r"(-?\d*\.?\d+)\s*(pt|px|in|em|cm|mm|pc|rem)?", re.IGNORECASE)
_POINTS = {"pt": 1.0, "px": 0.75, "in": 72.0, "em": 10.0, "rem": 10.0, "cm": 28.35, "mm": 2.835, "pc": 12.0,
           None: 0.75}
_LINE_STYLES = re.compile(r"\b(?:solid|double|dotted|dashed|groove|ridge|inset|outset)\b", re.IGNORECASE)
_ZERO_WIDTH = re.compile(r"\b0(?:px|pt)?\s")
NBSP_POINTS = 2.5  # the width of one leading non-breaking space
STYLE_CACHE = 4096  # distinct style attributes remembered (generated HTML repeats a few)


def declarations(style: str) -> list[tuple[str, str]]:
    """The (name, value) pairs of a `style` attribute, lower-cased."""
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


@lru_cache(maxsize=STYLE_CACHE)
def left_indent(style: str) -> float:
    """Points of left indentation a `style` attribute adds."""
    total = 0.0
    for name, value in declarations(style):
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
        style = node.get("style")
        if style:
            total += left_indent(style)
        text = node.text
        if text and text.strip():
            text = text.lstrip(" \n\r\t")
            total += (len(text) - len(text.lstrip("\u00a0"))) * NBSP_POINTS
            break
    return round(max(total, 0.0))


@lru_cache(maxsize=STYLE_CACHE)
def _style_borders(style: str) -> tuple[bool, bool]:
    """Whether a `style` attribute draws a line on top and at the bottom (the last
    declaration of a side decides)."""
    top = bottom = False
    for name, value in declarations(style):
        if name == "border":
            top = bottom = _draws_line(value)
        elif name in ("border-top", "border-top-style"):
            top = _draws_line(value)
        elif name in ("border-bottom", "border-bottom-style"):
            bottom = _draws_line(value)
    return top, bottom


def _draws_line(value: str) -> bool:
    return bool(_LINE_STYLES.search(value)) and not _ZERO_WIDTH.search(value + " ")


def _borders(element: etree._Element) -> tuple[bool, bool]:
    style = element.get("style")
    if not style or "border" not in style:
        return False, False
    return _style_borders(style)


def borders(cell: etree._Element) -> tuple[bool, bool]:
    """Whether the cell (or a block element filling it) draws a line on top and at the bottom."""
    top, bottom = _borders(cell)
    for child in cell:
        if top and bottom:
            break
        if isinstance(child.tag, str):
            child_top, child_bottom = _borders(child)
            top, bottom = top or child_top, bottom or child_bottom
    return top, bottom
