"""Plain EDGAR text (a single document without an SGML submission wrapper)."""

from __future__ import annotations

import re
from pathlib import Path

from converter.model import Document, DocumentMeta
from converter.readers.blocks import find_blocks, title_texts
from converter.readers.calendar import stated_fiscal
from converter.readers.registrant import registrant_name
from converter.readers.statements import read_blocks, region_lines
from converter.readers.vocab import vocabulary

_HTML = re.compile(r"<\s*(?:html|body|!doctype\s+html)\b", re.IGNORECASE)

NAME = "text"


def sniff(text: str) -> bool:
    return not _HTML.search(text[:4096])


def read(path: Path, text: str) -> Document:
    blocks = find_blocks(region_lines(text.splitlines()))
    stated = stated_fiscal(text)
    statements, diagnostics = read_blocks(blocks, vocabulary(), calendar=stated.calendar, year_end=stated.year_end)
    name = registrant_name(title_texts(blocks))
    return Document(DocumentMeta(source=str(path), company_name=name), tuple(statements), tuple(diagnostics))
