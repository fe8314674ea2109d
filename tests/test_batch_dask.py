"""The Dask executor on a LocalCluster the test starts itself (skipped without `distributed`)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from converter.batch import BatchOptions, iter_log, run_batch
from converter.errors import UsageError
from converter.executors.dask import run_dask
from converter.executors.worker import DocumentResult, Task, WorkerConfig
from tests.conftest import SEED, shared_path

distributed = pytest.importorskip("distributed")


def test_dask_executor_converts_on_a_local_cluster(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copyfile(shared_path("seed", SEED.name), inputs / "seed.txt")
    (inputs / "empty.htm").write_bytes(b"")
    outdir = tmp_path / "out"
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster:
        summary = run_batch(BatchOptions(inputs, outdir, worker=WorkerConfig(validate=False),
                                         executor="dask", scheduler=cluster.scheduler_address))
    assert dict(summary.counts) == {"ok": 1, "failed": 1} and summary.exit_code == 2
    entries = {e["path"]: e for e in iter_log(outdir / "batch.jsonl")}
    assert entries["seed.txt"]["status"] == "ok" and entries["seed.txt"]["facts"] != 0
    assert "the file is empty" in str(entries["empty.htm"]["error"])
    assert (outdir / "seed.txt" / "report.json").is_file() and not (outdir / "empty.htm").exists()


def test_dask_executor_keeps_a_bounded_number_in_flight(tmp_path: Path) -> None:
    seed = shared_path("seed", SEED.name)
    tasks = [Task(source=seed, relative=f"{n}/seed.txt", outdir=tmp_path / str(n), sha256="") for n in range(5)]
    results: list[DocumentResult] = []
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster:
        run_dask(tasks, WorkerConfig(validate=False), cluster.scheduler_address, results.append, in_flight=2)
    assert sorted(r.relative for r in results) == sorted(t.relative for t in tasks)
    assert {r.status for r in results} == {"ok"}
    assert len({(tmp_path / str(n) / "report.json").read_text() for n in range(5)}) == 1


def test_dask_executor_needs_a_scheduler(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("x")
    with pytest.raises(UsageError, match="--scheduler"):
        run_batch(BatchOptions(tmp_path / "in", tmp_path / "out", executor="dask"))
