"""Shared by the writers: writing a set of files in one move.

XML and Inline XBRL files are written in ASCII, every other character as a numeric
character reference (`&#8217;`): EDGAR accepts no other byte in them (EFM 5.2.1.1,
which also leaves out the caret). The characters a reader sees stay the same.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

EDGAR_TEXT_SUFFIXES = (".xml", ".xsd", ".htm")
EDGAR_DISALLOWED_ASCII = {ord("^"): "&#94;"}


def edgar_ascii(text: str) -> bytes:
    """`text` as EDGAR accepts it in an XML file: ASCII, the rest as character references."""
    return text.translate(EDGAR_DISALLOWED_ASCII).encode("ascii", "xmlcharrefreplace")


def write_files(documents: Mapping[str, str], outdir: Path) -> tuple[Path, ...]:
    """Write the named texts into a staging folder inside `outdir`, then move them into place."""
    outdir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(dir=outdir, prefix=".xbrlconv-") as staging:
        for name, text in documents.items():
            if name.endswith(EDGAR_TEXT_SUFFIXES):
                (Path(staging) / name).write_bytes(edgar_ascii(text))
            else:
                (Path(staging) / name).write_text(text, encoding="utf-8")
        for name in documents:
            target = outdir / name
            shutil.move(str(Path(staging) / name), str(target))
            written.append(target)
    return tuple(written)
