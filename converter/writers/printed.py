"""A printed amount split into the number Inline XBRL tags and the text around it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
DASH = re.compile(r"^[-\u2010-\u2015\u2212]+$")
NUM_DOT_DECIMAL = "ixt:num-dot-decimal"
FIXED_ZERO = "ixt:fixed-zero"


@dataclass(frozen=True)
class Printed:
    """`before` + `number` + `after` is the text as printed; a dash prints zero."""

    before: str
    number: str
    after: str

    @property
    def is_dash(self) -> bool:
        return bool(DASH.match(self.number))

    @property
    def format(self) -> str:
        return FIXED_ZERO if self.is_dash else NUM_DOT_DECIMAL

    def magnitude(self, scale: int) -> Decimal:
        """The amount the tagged number stands for, before any sign."""
        if self.is_dash:
            return Decimal(0)
        return Decimal(self.number.replace(",", "")).scaleb(scale)


def parse_printed(text: str) -> Printed | None:
    """The number in a printed cell ("$ 1,234", "(150)", "--", "$ -", "0.02"); None when there is none."""
    stripped = text.strip().removeprefix("$").strip()
    if DASH.match(stripped):
        start = text.index(stripped)
        return Printed(text[:start], stripped, text[start + len(stripped):])
    matches = list(NUMBER.finditer(text))
    if len(matches) != 1:
        return None
    match = matches[0]
    return Printed(text[:match.start()], match.group(), text[match.end():])
