"""Full EDGAR submissions: `<SEC-DOCUMENT>` with an `<SEC-HEADER>` and several `<DOCUMENT>`s.

The header fills `DocumentMeta` (first filer when several are listed); every
text document is searched for statements with its input-file line numbers.
HTML documents go to the HTML reader, which names the document (its position in
`sources.split_documents`) in the cell references of its values.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

from converter.model import Address, Diagnostic, Document, DocumentMeta, Severity, Statement
from converter.readers import html
from converter.readers.blocks import find_blocks, title_texts
from converter.readers.calendar import stated_fiscal
from converter.readers.registrant import registrant_name
from converter.readers.statements import read_blocks, region_lines
from converter.readers.vocab import vocabulary
from converter.sources import split_documents

NAME = "submission"

_SNIFF = re.compile(r"<(?:SEC|IMS)-(?:DOCUMENT|HEADER)>|^<DOCUMENT>\s*$", re.MULTILINE)
_HEADER_FIELD = re.compile(r"^\s*(?P<key>[A-Z][A-Z0-9 ]+?):\s*(?P<value>.*?)\s*$")
_HEADER_END = re.compile(r"^</(?:SEC|IMS)-HEADER>", re.IGNORECASE)
_DOC_OPEN = re.compile(r"^<DOCUMENT>\s*$", re.IGNORECASE)
_HTML = re.compile(r"<\s*(?:html|body|!doctype\s+html)\b", re.IGNORECASE)
_BINARY = re.compile(r"^begin \d{3} \S+", re.MULTILINE)


def sniff(text: str) -> bool:
    return bool(_SNIFF.search(text[:8192]))


def _header(lines: list[str]) -> tuple[dict[str, str], dict[str, str]]:
    """(every field, the fields of the first BUSINESS ADDRESS block); the first value of a key wins."""
    fields: dict[str, str] = {}
    address: dict[str, str] = {}
    section = ""
    for line in lines:
        if _HEADER_END.match(line) or _DOC_OPEN.match(line):
            break
        match = _HEADER_FIELD.match(line)
        if match is None:
            continue
        key = match["key"].strip()
        if not match["value"]:
            section = key
        else:
            fields.setdefault(key, match["value"])
            if section == "BUSINESS ADDRESS":
                address.setdefault(key, match["value"])
    return fields, address


def _address(fields: dict[str, str]) -> Address | None:
    if not fields:
        return None
    return Address(street1=fields.get("STREET 1"), street2=fields.get("STREET 2"), city=fields.get("CITY"),
                   state=fields.get("STATE"), zip=fields.get("ZIP"), phone=fields.get("BUSINESS PHONE"))


def _date(value: str | None) -> date | None:
    if value is None or not re.fullmatch(r"\d{8}", value):
        return None
    try:
        return date(int(value[:4]), int(value[4:6]), int(value[6:]))
    except ValueError:
        return None


def meta_from_header(path: Path, lines: list[str]) -> DocumentMeta:
    fields, address = _header(lines)
    return DocumentMeta(
        source=str(path),
        cik=fields.get("CENTRAL INDEX KEY"),
        company_name=fields.get("COMPANY CONFORMED NAME"),
        form_type=fields.get("CONFORMED SUBMISSION TYPE") or fields.get("FORM TYPE"),
        period_of_report=_date(fields.get("CONFORMED PERIOD OF REPORT")),
        fiscal_year_end=fields.get("FISCAL YEAR END"),
        file_number=fields.get("SEC FILE NUMBER"),
        state_of_incorporation=fields.get("STATE OF INCORPORATION"),
        irs_number=fields.get("IRS NUMBER"),
        business_address=_address(address),
    )


def read(path: Path, text: str) -> Document:
    lines = text.splitlines()
    meta = meta_from_header(path, lines)
    statements: list[Statement] = []
    diagnostics: list[Diagnostic] = []
    titles: list[str] = []
    vocab = vocabulary()
    stated = stated_fiscal(text)
    for number, part in enumerate(split_documents(lines)):
        body = part.body
        if _HTML.search(body):
            found, notes, part_titles = html.read_part(body, part.first_line, vocab, meta.fiscal_year_end,
                                                       part=number, stated=stated)
            statements.extend(found)
            diagnostics.extend(notes)
            titles.extend(part_titles)
            continue
        if _BINARY.search(body):
            diagnostics.append(Diagnostic(
                "reader.binary-skipped", Severity.INFO,
                f"document {part.type or '?'} is an encoded binary file; skipped", part.first_line))
            continue
        blocks = find_blocks(region_lines(list(part.lines), part.first_line))
        found, notes = read_blocks(blocks, vocab, meta.fiscal_year_end, stated.calendar, stated.year_end)
        statements.extend(found)
        diagnostics.extend(notes)
        titles.extend(title_texts(blocks))
    if meta.company_name is None:
        meta = replace(meta, company_name=registrant_name(titles))
    return Document(meta, tuple(statements), tuple(diagnostics))
