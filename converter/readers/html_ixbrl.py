"""Inline XBRL → the plain HTML a reader sees.

`ix:header` (hidden facts, contexts, units) is dropped and every other `ix:` tag
is unwrapped, keeping its text. Line breaks inside removed markup are kept, so
line numbers stay those of the input file.
"""

from __future__ import annotations

import re

_HEADER = re.compile(r"<ix:header\b.*?</ix:header\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"</?ix:[a-z]+\b[^>]*>", re.IGNORECASE)


def _blank(match: re.Match[str]) -> str:
    return "\n" * match.group().count("\n")


def is_inline_xbrl(markup: str) -> bool:
    return bool(_TAG.search(markup))


def strip_inline_xbrl(markup: str) -> str:
    return _TAG.sub(_blank, _HEADER.sub(_blank, markup))
