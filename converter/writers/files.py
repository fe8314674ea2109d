"""Shared by the writers: writing a set of files in one move."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path


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
