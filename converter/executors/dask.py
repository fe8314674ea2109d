"""Batch executor on a Dask distributed cluster (`xbrlconv batch --executor dask --scheduler ADDRESS`).

The workers run the same code as the local pool (`worker.convert_task`); each
worker process keeps its own warm state (catalog, mapper, Arelle session),
built on its first document and kept for all the next. Arelle keeps
process-wide state, so conversions inside one worker process take turns: start
workers with one thread each (`dask worker ADDRESS --nthreads 1 --nworkers N`).
Input and output folders must be on a file system every worker sees at the
same path (the client only collects results and writes batch.jsonl).

Why Dask rather than Ray: `distributed` is a pure-Python wheel from PyPI with
no native runtime to install, it gives a `LocalCluster` that tests start in
process in a second, it ships plain `concurrent.futures`-style futures, and
its footprint (scheduler plus workers) is small next to Ray's object store and
raylet daemons. Install with `pip install xbrlconv[dist]`.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable

from converter.errors import UsageError
from converter.executors.worker import DocumentResult, Task, WorkerConfig, convert_task, died, internal_failure

_IN_FLIGHT = 64


def run_dask(tasks: Iterable[Task], config: WorkerConfig, scheduler: str,
             on_result: Callable[[DocumentResult], None], *, in_flight: int = _IN_FLIGHT) -> None:
    """Convert `tasks` on the cluster at `scheduler`, at most `in_flight` submitted at a time."""
    try:
        from distributed import Client, KilledWorker, as_completed
    except ImportError as exc:
        raise UsageError("the dask executor needs the `distributed` package",
                         hint="pip install 'xbrlconv[dist]'") from exc
    try:
        client = Client(scheduler, timeout="20s")
    except OSError as exc:
        raise UsageError(f"cannot reach the Dask scheduler at {scheduler}: {exc}",
                         hint="start one with `dask scheduler` or check --scheduler") from exc
    with client:
        pending = iter(tasks)
        running = as_completed()
        submitted: dict[str, Task] = {}
        numbers = itertools.count()

        def submit(count: int) -> None:
            for task in itertools.islice(pending, count):
                future = client.submit(convert_task, task, config, pure=False,
                                       key=f"xbrlconv-{next(numbers)}-{task.sha256[:16]}")
                submitted[str(future.key)] = task
                running.add(future)

        submit(in_flight)
        for future in running:
            task = submitted.pop(str(future.key))
            try:
                result = future.result()
            except KilledWorker:
                result = died(task)
            except Exception as exc:  # the worker function itself raised (e.g. its result would not pickle)
                result = internal_failure(task, f"internal error: {type(exc).__name__}: {exc}")
            on_result(result)
            future.release()
            submit(1)
