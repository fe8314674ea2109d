"""Converting the same documents twice gives byte-identical outputs, every file of every OUTDIR
(the iXBRL viewer page and the review page included).

The first run converts in this process, the second runs `xbrlconv batch` in a fresh
process with another PYTHONHASHSEED (so set and dict orders that depend on string
hashing would show). Both write to the same OUTDIR paths, because report.json names
its source and taxonomy package by absolute path. batch.jsonl is left out: it records
seconds and memory.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from converter.pipeline import ConvertOptions, convert
from converter.taxonomy.package import default_package
from converter.validate import Validator
from converter.writers import FORMATS
from tests.conftest import ROOT, SEED, shared_path

DOCUMENTS = {
    "seed.txt": ("seed", SEED.name),
    "southern.txt": ("corpus", "text", "southern_8-K_0000092122-05-000042", "0000092122-05-000042.txt"),
    "buckle.html": ("corpus", "html-releases", "buckle_8-K_EX99.1", "BuckleInc.8-K.EX99.1.html"),
}


def _snapshot(outdir: Path) -> dict[str, bytes]:
    return {p.relative_to(outdir).as_posix(): p.read_bytes() for p in sorted(outdir.rglob("*"))
            if p.is_file() and p.name != "batch.jsonl"}


def test_two_runs_give_identical_bytes(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name, parts in DOCUMENTS.items():
        shutil.copyfile(shared_path(*parts), inputs / name)
    outdir = tmp_path / "out"
    with Validator(default_package()) as validator:
        for name in DOCUMENTS:
            convert(ConvertOptions(input=inputs / name, outdir=outdir / name, formats=FORMATS, viewer=True),
                    validator=validator)
    first = _snapshot(outdir)
    shutil.rmtree(outdir)
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    done = subprocess.run([sys.executable, "-m", "converter", "batch", str(inputs), "-o", str(outdir),
                           "--jobs", "1", "--format", "all", "--viewer"], cwd=ROOT, env=env, capture_output=True, text=True,
                          check=False)
    assert done.returncode in (0, 1), done.stderr
    second = _snapshot(outdir)
    assert sorted(second) == sorted(first)
    assert {name for name in first if first[name] != second[name]} == set()
    for suffix in ("report.json", "review.html", "-viewer.htm", "ixbrlviewer.js"):
        assert sum(name.endswith(suffix) for name in first) == len(DOCUMENTS), suffix
