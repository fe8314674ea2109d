"""Shared by the writers: the extension taxonomy's files, and writing a set of files in one move."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

from converter.model import XbrlReport
from converter.writers.xbrl import TEMPLATES, _Renderer


def taxonomy_files(report: XbrlReport) -> dict[str, str]:
    """`<stem>.xsd` and its `_cal`, `_pre`, `_lab` linkbases, as the XBRL writer writes them."""
    renderer = _Renderer(report)
    stem = report.stem
    files = {f"{stem}.xsd": renderer.schema(stem)}
    for kind in TEMPLATES:
        files[f"{stem}_{kind}.xml"] = renderer.linkbase(kind)
    return files


def namespaces(report: XbrlReport) -> tuple[tuple[str, str], ...]:
    """Prefix → namespace of every taxonomy the report's facts may use, as in the instance."""
    return _Renderer(report).namespaces()


def write_files(documents: Mapping[str, str], outdir: Path) -> tuple[Path, ...]:
    """Write the named texts into a staging folder inside `outdir`, then move them into place."""
    outdir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(dir=outdir, prefix=".xbrlconv-") as staging:
        for name, text in documents.items():
            (Path(staging) / name).write_text(text, encoding="utf-8")
        for name in documents:
            target = outdir / name
            shutil.move(str(Path(staging) / name), str(target))
            written.append(target)
    return tuple(written)
