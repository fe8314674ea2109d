"""Convert every document under a folder: `xbrlconv batch INPUT_DIR -o OUT_DIR`.

Documents are the files named `*.txt`, `*.htm` or `*.html` (any case) under
INPUT_DIR, hidden files and folders and OUT_DIR itself excepted; symbolic links
to folders are not followed. Each gets its own output folder named after its
path relative to INPUT_DIR, file name and extension included:
INPUT_DIR/a/b/doc.txt → OUT_DIR/a/b/doc.txt/ (so doc.txt and doc.htm never collide).

`OUT_DIR/batch.jsonl` gets one JSON line per converted document as soon as it
is done: `path`, `sha256` of the input bytes, `status` (ok, invalid, failed),
`error` (one line, or null), `facts`, `errors`, `warnings`, `seconds` per stage
(read, map, facts, write, validate, total) and the worker's `peak_rss_mb`; then
one `{"summary": ...}` line. A new batch starts the file afresh; `--resume`
appends to it and skips every document whose latest line says ok or invalid
with the same sha256 and whose output folder still holds its report.json; the
latest line for a path is the one that counts.

One bad document never stops the batch. Exit status: 0 all ok, 1 some invalid,
2 some failed (bad input), 3 some failed on an internal error (a bug).
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TextIO

from converter.errors import EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_INVALID, EXIT_OK, UsageError
from converter.executors.worker import DocumentResult, Task, WorkerConfig

SUFFIXES = frozenset({".txt", ".htm", ".html"})
LOG_NAME = "batch.jsonl"
CONVERTED = frozenset({"ok", "invalid"})


@dataclass(frozen=True)
class BatchOptions:
    input_dir: Path
    outdir: Path
    jobs: int = 1
    resume: bool = False
    worker: WorkerConfig = field(default_factory=WorkerConfig)
    executor: str = "local"  # "local" | "dask"
    scheduler: str | None = None


@dataclass(frozen=True)
class BatchSummary:
    documents: int
    skipped: int
    counts: tuple[tuple[str, int], ...]  # status → documents converted in this run
    internal: int
    seconds: float
    log: Path

    @property
    def exit_code(self) -> int:
        counts = dict(self.counts)
        if self.internal:
            return EXIT_INTERNAL
        if counts.get("failed"):
            return EXIT_BAD_INPUT
        return EXIT_INVALID if counts.get("invalid") else EXIT_OK

    def line(self) -> str:
        counts = dict(self.counts)
        done = sum(counts.values())
        rate = done / self.seconds if self.seconds else 0.0
        return (f"{self.documents} documents: {counts.get('ok', 0)} ok, {counts.get('invalid', 0)} invalid, "
                f"{counts.get('failed', 0)} failed, {self.skipped} skipped (resume) in {self.seconds:.1f} s "
                f"({rate:.2f} documents/s); see {self.log}")


def discover(input_dir: Path, outdir: Path) -> list[Path]:
    """The documents under `input_dir`, sorted, as paths relative to it."""
    if not input_dir.is_dir():
        raise UsageError("not a folder", file=input_dir, hint="pass the folder that holds the documents")
    root = input_dir.resolve()
    skip = outdir.resolve()
    if skip == root or skip in root.parents:
        raise UsageError("the output folder must not be the input folder or hold it", file=outdir,
                         hint="pick an output folder outside INPUT_DIR (or inside it, beside the documents)")
    found: list[Path] = []
    for folder, subfolders, files in os.walk(root):
        here = Path(folder)
        subfolders[:] = sorted(d for d in subfolders if not d.startswith(".") and here / d != skip)
        found.extend((here / name).relative_to(root) for name in files
                     if not name.startswith(".") and Path(name).suffix.lower() in SUFFIXES)
    return sorted(found, key=lambda p: p.as_posix())


def sha256(path: Path) -> str:
    """The file's sha256; "" when it cannot be read (the conversion then reports why)."""
    try:
        with path.open("rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return ""


def _converted_before(log: Path, outdir: Path) -> dict[str, str]:
    """path → sha256 of documents the log says were converted and whose report is still there."""
    latest = {str(entry["path"]): entry for entry in iter_log(log)} if log.is_file() else {}
    return {path: str(entry.get("sha256")) for path, entry in latest.items()
            if entry.get("status") in CONVERTED and (outdir / path / "report.json").is_file()}


def result_json(result: DocumentResult) -> str:
    entry = asdict(result)
    entry["path"] = entry.pop("relative")
    entry["seconds"] = dict(result.seconds)
    entry.pop("internal")
    if result.internal:
        entry["internal"] = True
    return json.dumps(entry, sort_keys=True)


class Progress:
    """A one-line bar redrawn on a terminal; one plain line per document otherwise."""

    def __init__(self, total: int, stream: TextIO) -> None:
        self.total = total
        self.stream = stream
        self.tty = stream.isatty()
        self.done = 0
        self.counts: Counter[str] = Counter()

    def update(self, result: DocumentResult) -> None:
        self.done += 1
        self.counts[result.status] += 1
        tally = f"[{self.done}/{self.total}]"
        if self.tty:
            width = 24
            filled = width * self.done // max(self.total, 1)
            bar = "#" * filled + "." * (width - filled)
            text = (f"\r{tally} {bar} ok {self.counts['ok']} invalid {self.counts['invalid']} "
                    f"failed {self.counts['failed']} {result.relative[-40:]}")
            self.stream.write(text.ljust(110)[:110])
        else:
            self.stream.write(f"{tally} {result.status} {result.relative}\n")
        self.stream.flush()

    def close(self) -> None:
        if self.tty and self.done:
            self.stream.write("\n")
            self.stream.flush()


def plan(options: BatchOptions) -> tuple[list[Task], int]:
    """The tasks to run, largest input first (the pool then ends evenly), and how many were skipped."""
    outdir = options.outdir.resolve()
    relatives = discover(options.input_dir, outdir)
    root = options.input_dir.resolve()
    before = _converted_before(outdir / LOG_NAME, outdir) if options.resume else {}
    tasks: list[Task] = []
    for relative in relatives:
        source = root / relative
        key = relative.as_posix()
        digest = sha256(source)
        if digest and before.get(key) == digest:
            continue
        tasks.append(Task(source=source, relative=key, outdir=outdir / relative, sha256=digest))
    tasks.sort(key=lambda t: (-_size(t.source), t.relative))
    return tasks, len(relatives) - len(tasks)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _executor(options: BatchOptions) -> Callable[[list[Task], Callable[[DocumentResult], None]], None]:
    if options.executor == "dask":
        if not options.scheduler:
            raise UsageError("--executor dask needs --scheduler ADDRESS", hint="e.g. tcp://host:8786")
        from converter.executors.dask import run_dask

        scheduler = options.scheduler
        return lambda tasks, on_result: run_dask(tasks, options.worker, scheduler, on_result)
    from converter.executors.local import run_local

    return lambda tasks, on_result: run_local(tasks, options.worker, max(1, options.jobs), on_result)


def _preflight(worker: WorkerConfig) -> None:
    """Fail once, before any worker starts, when the taxonomy package is missing."""
    from converter.errors import ValidationSetupError
    from converter.taxonomy.package import default_package

    if worker.validate:
        package = worker.taxonomy_package or default_package()
        if not package.is_file():
            raise ValidationSetupError(f"taxonomy package not found: {package}", file=package,
                                       hint="pass an existing zip with --taxonomy-package")


def run_batch(options: BatchOptions, progress: TextIO | None = None) -> BatchSummary:
    start = time.perf_counter()
    _preflight(options.worker)
    runner = _executor(options)
    tasks, skipped = plan(options)
    outdir = options.outdir.resolve()
    outdir.mkdir(parents=True, exist_ok=True)
    log_path = outdir / LOG_NAME
    bar = Progress(len(tasks), progress or sys.stderr)
    counts: Counter[str] = Counter()
    internal = 0
    with log_path.open("a" if options.resume else "w", encoding="utf-8") as log:
        if log.tell() and not log_path.read_bytes().endswith(b"\n"):
            log.write("\n")  # end the line an interrupted batch left unfinished

        def on_result(result: DocumentResult) -> None:
            nonlocal internal
            counts[result.status] += 1
            internal += result.internal
            log.write(result_json(result) + "\n")
            log.flush()
            bar.update(result)

        try:
            runner(tasks, on_result)
        finally:
            bar.close()
        summary = BatchSummary(documents=len(tasks) + skipped, skipped=skipped,
                               counts=tuple(sorted(counts.items())), internal=internal,
                               seconds=round(time.perf_counter() - start, 3), log=log_path)
        log.write(json.dumps({"summary": {"documents": summary.documents, "skipped": skipped,
                                          **dict(summary.counts), "internal": internal,
                                          "seconds": summary.seconds, "exit": summary.exit_code}},
                             sort_keys=True) + "\n")
    return summary


def iter_log(log: Path) -> Iterator[dict[str, object]]:
    """The document lines of a batch.jsonl; summary lines and lines an interrupted batch cut short are left out."""
    for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
        try:
            entry = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(entry, dict) and isinstance(entry.get("path"), str):
            yield entry
