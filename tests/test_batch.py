"""`xbrlconv batch`: discovery, batch.jsonl, exit codes, resume, dead workers, time limits."""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from converter.batch import BatchOptions, BatchSummary, Progress, discover, iter_log, plan, run_batch
from converter.cli import main
from converter.errors import UsageError
from converter.executors.local import run_local
from converter.executors.worker import DocumentResult, Task, WorkerConfig, convert_task
from tests.conftest import ROOT, SEED, shared_path

NO_STATEMENTS = ("corpus", "text", "no-statements", "cisco_8-K_0000891618-95-000727", "0000891618-95-000727.txt")
QUICK = WorkerConfig(validate=False)


def _folder(tmp_path: Path) -> Path:
    """seed.txt, sub/empty.txt, sub/deeper/cisco.TXT (no statements), and files that are no documents."""
    inputs = tmp_path / "in"
    (inputs / "sub" / "deeper").mkdir(parents=True)
    shutil.copyfile(shared_path("seed", SEED.name), inputs / "seed.txt")
    (inputs / "sub" / "empty.txt").write_bytes(b"")
    shutil.copyfile(shared_path(*NO_STATEMENTS), inputs / "sub" / "deeper" / "cisco.TXT")
    (inputs / "notes.md").write_text("not a document")
    (inputs / ".hidden.txt").write_text("hidden")
    return inputs


def _entries(outdir: Path) -> dict[str, dict[str, object]]:
    return {str(entry["path"]): entry for entry in iter_log(outdir / "batch.jsonl")}


def test_discover_filters_and_mirrors_paths(tmp_path: Path) -> None:
    inputs = _folder(tmp_path)
    (inputs / "out").mkdir()
    (inputs / "out" / "old.txt").write_text("an earlier batch's output")
    found = [p.as_posix() for p in discover(inputs, inputs / "out")]
    assert found == ["seed.txt", "sub/deeper/cisco.TXT", "sub/empty.txt"]


@pytest.mark.parametrize("inside", [".", ".."])
def test_output_folder_must_not_hold_the_inputs(tmp_path: Path, inside: str) -> None:
    inputs = _folder(tmp_path)
    with pytest.raises(UsageError, match="must not be the input folder"):
        discover(inputs, inputs / inside)


def test_batch_cli_converts_what_it_can(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    inputs = _folder(tmp_path)
    (inputs / "binary.htm").write_bytes(bytes(range(256)) * 8)
    with (inputs / "sub" / "huge.html").open("wb") as handle:
        handle.truncate(100 * 1024 * 1024)  # sparse
    outdir = tmp_path / "out"
    code = main(["batch", str(inputs), "-o", str(outdir), "--jobs", "2"])
    captured = capsys.readouterr()
    assert code == 2  # some documents failed, the others were converted
    assert captured.out.startswith("5 documents: 1 ok, 0 invalid, 4 failed, 0 skipped")
    assert "[5/5]" in captured.err  # progress lines (stderr is not a terminal here)
    entries = _entries(outdir)
    assert set(entries) == {"seed.txt", "binary.htm", "sub/empty.txt", "sub/huge.html", "sub/deeper/cisco.TXT"}
    assert "the file is binary" in str(entries["binary.htm"]["error"])
    assert "100 MiB, over the 64 MiB limit" in str(entries["sub/huge.html"]["error"])
    seed = entries["seed.txt"]
    assert seed["status"] == "ok" and seed["error"] is None and seed["errors"] == 0
    assert seed["sha256"] == hashlib.sha256((inputs / "seed.txt").read_bytes()).hexdigest()
    seconds = seed["seconds"]
    assert isinstance(seconds, dict) and set(seconds) == {"read", "map", "facts", "write", "validate", "total"}
    report = json.loads((outdir / "seed.txt" / "report.json").read_text())
    instance = etree.parse(str(outdir / "seed.txt" / report["instance"]))
    assert seed["facts"] == sum(1 for e in instance.getroot() if isinstance(e.tag, str) and e.get("contextRef"))
    empty = entries["sub/empty.txt"]
    assert empty["status"] == "failed" and empty["error"] == f"{inputs / 'sub' / 'empty.txt'}: the file is empty " \
        "(pass an EDGAR filing in text form)"
    assert "no financial statements found" in str(entries["sub/deeper/cisco.TXT"]["error"])
    assert sorted(p.relative_to(outdir).as_posix() for p in outdir.rglob("*") if p.is_dir()) == ["seed.txt"]
    summary = json.loads((outdir / "batch.jsonl").read_text().splitlines()[-1])["summary"]
    assert summary == {"documents": 5, "exit": 2, "failed": 4, "internal": 0, "ok": 1,
                       "seconds": summary["seconds"], "skipped": 0}


def test_resume_skips_what_is_converted_from_the_same_bytes(tmp_path: Path) -> None:
    inputs = _folder(tmp_path)
    (inputs / "sub" / "empty.txt").unlink()
    shutil.copyfile(inputs / "seed.txt", inputs / "sub" / "copy.txt")
    outdir = tmp_path / "out"
    first = run_batch(BatchOptions(inputs, outdir, jobs=1, worker=QUICK))
    assert dict(first.counts) == {"ok": 2, "failed": 1}
    tasks, skipped = plan(BatchOptions(inputs, outdir, resume=True))
    assert skipped == 2 and [t.relative for t in tasks] == ["sub/deeper/cisco.TXT"]  # failures are tried again
    (inputs / "sub" / "copy.txt").write_bytes((inputs / "seed.txt").read_bytes().replace(b"INNOVO", b"INNOVA"))
    shutil.rmtree(outdir / "seed.txt")  # an output folder that went missing is converted again
    with (outdir / "batch.jsonl").open("a") as log:
        log.write('{"path": "seed.txt", "sta')  # the last line of a batch that was killed
    tasks, skipped = plan(BatchOptions(inputs, outdir, resume=True))
    assert skipped == 0 and len(tasks) == 3
    again = run_batch(BatchOptions(inputs, outdir, jobs=1, resume=True, worker=QUICK))
    assert again.skipped == 0 and dict(again.counts) == {"ok": 2, "failed": 1}
    lines = (outdir / "batch.jsonl").read_text().splitlines()
    assert len(lines) == 3 + 1 + 1 + 3 + 1  # resume appends; every run ends with its summary
    assert _entries(outdir)["sub/copy.txt"]["sha256"] == hashlib.sha256(
        (inputs / "sub" / "copy.txt").read_bytes()).hexdigest()
    assert plan(BatchOptions(inputs, outdir, resume=True))[1] == 2
    fresh = run_batch(BatchOptions(inputs, outdir, jobs=1, worker=QUICK))  # without --resume: all again
    assert fresh.skipped == 0 and len((outdir / "batch.jsonl").read_text().splitlines()) == 3 + 1


@pytest.mark.parametrize(("counts", "internal", "code"), [
    ((("ok", 3),), 0, 0), ((("invalid", 1), ("ok", 2)), 0, 1),
    ((("failed", 1), ("invalid", 1)), 0, 2), ((("failed", 1),), 1, 3), ((), 0, 0),
])
def test_exit_codes(counts: tuple[tuple[str, int], ...], internal: int, code: int) -> None:
    assert BatchSummary(documents=3, skipped=0, counts=counts, internal=internal, seconds=1.0,
                        log=Path("batch.jsonl")).exit_code == code


def fake_convert(task: Task, config: WorkerConfig) -> DocumentResult:
    """A worker function that kills its process on documents named crash*, raises on raise*."""
    if Path(task.relative).name.startswith("crash"):
        staging = task.outdir.parent / f".{task.outdir.name}.abcd_123"  # named as pipeline names it
        staging.mkdir(parents=True, exist_ok=True)
        os._exit(9)
    if Path(task.relative).name.startswith("raise"):
        raise RuntimeError("a bug outside convert_task's guard")
    return DocumentResult(relative=task.relative, sha256=task.sha256, status="ok", error=None, facts=1,
                          errors=0, warnings=0, seconds=(), peak_rss_mb=0.0)


def no_warm_up(config: WorkerConfig) -> None:
    """The pool initializer for `fake_convert`: nothing to load."""


def test_a_dead_worker_fails_only_its_document(tmp_path: Path) -> None:
    names = ["a.txt", "b.txt", "crash.txt", "c.txt", "raise.txt", "d.txt", "e.txt"]
    tasks = [Task(source=tmp_path / n, relative=n, outdir=tmp_path / "out" / n, sha256="") for n in names]
    results: list[DocumentResult] = []
    run_local(tasks, QUICK, 2, results.append, work=fake_convert, warm=no_warm_up)
    status = {r.relative: r.status for r in results}
    assert status == {"a.txt": "ok", "b.txt": "ok", "crash.txt": "failed", "c.txt": "ok", "raise.txt": "failed",
                      "d.txt": "ok", "e.txt": "ok"}
    assert len(results) == len(names)
    failed = {r.relative: r for r in results if r.status == "failed"}
    assert failed["crash.txt"].internal and "worker process converting it died" in str(failed["crash.txt"].error)
    assert failed["raise.txt"].error == f"{tmp_path / 'raise.txt'}: internal error: RuntimeError: a bug outside " \
        "convert_task's guard"
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []


def test_time_limit_per_document(tmp_path: Path) -> None:
    source = shared_path("seed", SEED.name)
    outdir = tmp_path / "out"
    task = Task(source=source, relative="seed.txt", outdir=outdir, sha256="")
    result = convert_task(task, WorkerConfig(validate=False, timeout=0.001))
    assert result.status == "failed" and not result.internal
    assert result.error == f"{source}: timed out after 0.001 s (raise --timeout or convert it alone)"
    assert not outdir.exists() and list(tmp_path.iterdir()) == []
    assert convert_task(task, WorkerConfig(validate=False, timeout=60.0)).status == "ok"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _result(name: str, status: str) -> DocumentResult:
    return DocumentResult(relative=name, sha256="", status=status, error=None, facts=0, errors=0, warnings=0,
                          seconds=(), peak_rss_mb=0.0)


def test_progress_bar_on_a_terminal_plain_lines_otherwise() -> None:
    terminal, pipe = _Terminal(), io.StringIO()
    for stream in (terminal, pipe):
        bar = Progress(2, stream)
        bar.update(_result("a.txt", "ok"))
        bar.update(_result("b/c.htm", "failed"))
        bar.close()
    assert pipe.getvalue() == "[1/2] ok a.txt\n[2/2] failed b/c.htm\n"
    frames = terminal.getvalue().split("\r")[1:]
    assert frames[0].startswith("[1/2] ############............ ok 1 invalid 0 failed 0 a.txt")
    assert frames[1].rstrip() == "[2/2] ######################## ok 1 invalid 0 failed 1 b/c.htm"
    assert terminal.getvalue().endswith("\n")


def test_batch_help_documents_exit_codes_and_layout() -> None:
    done = subprocess.run([sys.executable, "-m", "converter", "batch", "--help"], cwd=ROOT,
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0
    for text in ("--jobs", "--resume", "--format", "--executor", "some document failed", "internal error",
                 "OUT_DIR/a/doc.txt/", "batch.jsonl"):
        assert text in done.stdout, text
