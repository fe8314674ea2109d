"""Readers: input documents → `model.Document`.

`read_document(path)` checks the file (empty, binary, undecodable → InputError),
asks each reader in `READERS` whether it recognises the text (`sniff`) and lets
the first that does `read` it. A document without statements is an InputError.
A format joins by adding a module with `NAME`, `sniff` and `read`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from converter.errors import InputError
from converter.model import Document, Severity
from converter.readers import html, submission, text
from converter.sources import bom_encoding
from converter.sources import decode as sources_decode

NO_STATEMENTS = "no financial statements found"
_CONTROL = frozenset(range(0, 32)) - {9, 10, 12, 13}
_SAMPLE = 8192


@dataclass(frozen=True)
class Reader:
    name: str
    sniff: Callable[[str], bool]
    read: Callable[[Path, str], Document]


READERS: tuple[Reader, ...] = (
    Reader(submission.NAME, submission.sniff, submission.read),
    Reader(html.NAME, html.sniff, html.read),
    Reader(text.NAME, text.sniff, text.read),
)


def decode(path: Path, data: bytes) -> str:
    """The file's text; InputError for empty, binary or undecodable bytes."""
    if not data.strip():
        raise InputError("the file is empty", file=path, hint="pass an EDGAR filing in text form")
    sample = data[:_SAMPLE]
    controls = sum(1 for byte in sample if byte in _CONTROL)
    if bom_encoding(data) is None and (b"\x00" in sample or controls * 20 > len(sample)):
        raise InputError("the file is binary, not text", file=path,
                         hint="pass the EDGAR .txt submission or the plain-text document")
    text = sources_decode(data)
    if text is not None:
        return text
    raise InputError("the file is neither UTF-8 nor Windows-1252 text", file=path,
                     hint="convert it to UTF-8")


def read_document(path: Path) -> Document:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror or exc}", file=path,
                         hint="check the path and its permissions") from exc
    content = decode(path, data)
    for reader in READERS:
        if reader.sniff(content):
            document = reader.read(path, content)
            break
    else:
        raise InputError("no reader for this format", file=path,
                         hint="pass an EDGAR filing in text or HTML form")
    if not document.statements:
        skipped = next((d for d in document.diagnostics if d.severity is Severity.WARNING), None)
        if skipped is not None:  # what stopped the reader (an undated statement, a truncated parse)
            raise InputError(f"{NO_STATEMENTS}: {skipped.message}", file=path, line=skipped.source_line,
                             hint="a statement needs a title, columns the reader can date (such as 'Year "
                                  "Ended December 31, 1996') and rows of amounts")
        raise InputError(NO_STATEMENTS, file=path,
                         hint="the reader looks for balance sheets, income statements and cash-flow "
                              "statements in tables under a statement title, <TABLE> blocks or aligned "
                              "text columns")
    return document
