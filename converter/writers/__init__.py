"""Output writers, by format name.

Report writers need only the XbrlReport; the Inline XBRL writer also renders the
source Document. `write_formats` writes any mix of them into one folder.
"""

from collections.abc import Callable, Iterable
from pathlib import Path

from converter.errors import UsageError
from converter.model import Document, XbrlReport
from converter.writers.ixbrl import write_ixbrl
from converter.writers.oim import write_csv, write_json
from converter.writers.xbrl import write_xbrl

Writer = Callable[[XbrlReport, Path], tuple[Path, ...]]
DocumentWriter = Callable[[XbrlReport, Path, Document], tuple[Path, ...]]

WRITERS: dict[str, Writer] = {"xbrl": write_xbrl, "json": write_json, "csv": write_csv}
DOCUMENT_WRITERS: dict[str, DocumentWriter] = {"ixbrl": write_ixbrl}
FORMATS = ("xbrl", "ixbrl", "json", "csv")


def write_formats(formats: Iterable[str], report: XbrlReport, document: Document,
                  outdir: Path) -> tuple[Path, ...]:
    """Write each named format into `outdir`; files shared by formats (the schema) are listed once."""
    written: dict[Path, None] = {}
    for fmt in formats:
        if fmt in WRITERS:
            paths = WRITERS[fmt](report, outdir)
        elif fmt in DOCUMENT_WRITERS:
            paths = DOCUMENT_WRITERS[fmt](report, outdir, document)
        else:
            raise UsageError(f"unknown output format {fmt!r}", hint=f"use one of {', '.join(FORMATS)} or all")
        written.update(dict.fromkeys(paths))
    return tuple(written)


__all__ = ["DOCUMENT_WRITERS", "FORMATS", "WRITERS", "DocumentWriter", "Writer", "write_csv",
           "write_formats", "write_ixbrl", "write_json", "write_xbrl"]
