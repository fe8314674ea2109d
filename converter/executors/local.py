"""Batch executor on one machine: a pool of worker processes (spawn context).

Each process warms up once (`worker.warm_up` as the pool initializer) and then
converts document after document. At most two documents per worker are in
flight, so a batch of any size holds little in memory.

A worker that dies (killed, out of memory, a crash in native code) breaks the
pool. The documents in flight then are suspects: they run again one at a time
in a fresh single-worker pool, and a document that breaks a pool on its own is
recorded as failed (internal: exit 3); the rest of the batch goes on.
"""

from __future__ import annotations

import multiprocessing
import re
import shutil
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from converter.executors.worker import DocumentResult, Task, WorkerConfig, convert_task, died, internal_failure, warm_up

_IN_FLIGHT_PER_WORKER = 2


Work = Callable[[Task, WorkerConfig], DocumentResult]


@dataclass(frozen=True)
class _Pool:
    config: WorkerConfig
    work: Work
    warm: Callable[[WorkerConfig], None]
    on_result: Callable[[DocumentResult], None]


def run_local(tasks: Iterable[Task], config: WorkerConfig, jobs: int, on_result: Callable[[DocumentResult], None],
              *, work: Work = convert_task, warm: Callable[[WorkerConfig], None] = warm_up) -> None:
    """Convert `tasks` in `jobs` processes; `work` and `warm` are the worker's functions (tests swap them)."""
    pool = _Pool(config, work, warm, on_result)
    queue = deque(tasks)
    suspects: deque[Task] = deque()
    while queue or suspects:
        if suspects:  # one at a time: a break then names its document
            for task in _run_pool(suspects, pool, 1, 1):
                _remove_staging(task)
                on_result(died(task))
        else:
            suspects.extend(_run_pool(queue, pool, jobs, jobs * _IN_FLIGHT_PER_WORKER))


def _run_pool(queue: deque[Task], pool: _Pool, jobs: int, in_flight: int) -> list[Task]:
    """Run tasks from `queue` until it is empty or the pool breaks; the tasks in flight at a break."""
    context = multiprocessing.get_context("spawn")
    running: dict[Future[DocumentResult], Task] = {}
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context,
                             initializer=pool.warm, initargs=(pool.config,)) as executor:
        while queue or running:
            while queue and len(running) < in_flight:
                task = queue.popleft()
                running[executor.submit(pool.work, task, pool.config)] = task
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in done:
                task = running.pop(future)
                try:
                    result = future.result()
                except BrokenProcessPool:
                    lost = [task, *running.values()]
                    for other in running:
                        other.cancel()
                    return lost
                except Exception as exc:  # the worker function itself raised (e.g. its result would not pickle)
                    result = internal_failure(task, f"internal error: {type(exc).__name__}: {exc}")
                pool.on_result(result)
    return []


def _remove_staging(task: Task) -> None:
    """The staging folders `pipeline.convert` left beside the OUTDIR of a document whose worker died.

    Only called while no other document is in flight, so no live staging folder can match.
    """
    parent = task.outdir.parent
    pattern = re.compile(rf"^\.{re.escape(task.outdir.name)}\.\w{{8}}$")  # not `.old.`: earlier outputs
    if parent.is_dir():
        for path in parent.iterdir():
            if path.is_dir() and pattern.match(path.name):
                shutil.rmtree(path)
