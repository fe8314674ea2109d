"""The code every batch worker runs, whatever the executor: one document in, one result out.

A worker keeps its expensive state warm for all the documents it converts: the
concept catalog and the mapper's indexes (`pipeline.shared_mapper`) and one
Arelle session (`Validator`). `warm_up` builds them; the process-pool executor
calls it as the pool initializer, a Dask worker on its first task. A lock
serialises conversions inside one process: Arelle keeps process-wide state, so
threads of one process must not validate at the same time.

`convert_task` never raises for a bad document: every outcome is a
`DocumentResult` (ok, invalid, or failed with a one-line message).
"""

from __future__ import annotations

import gc
import resource
import signal
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

from converter.errors import XbrlconvError

if TYPE_CHECKING:  # the parent process of a batch never validates: Arelle loads in workers only
    from converter.pipeline import ConvertOptions, ConvertResult
    from converter.validate import Validator

STAGES = ("read", "map", "facts", "write", "validate")


@dataclass(frozen=True)
class WorkerConfig:
    formats: tuple[str, ...] = ("xbrl",)
    validate: bool = True
    taxonomy_package: Path | None = None
    timeout: float | None = None  # seconds per document; None: no limit
    viewer: bool = False  # also write each document's iXBRL viewer (needs the viewer extra)


@dataclass(frozen=True)
class Task:
    source: Path  # absolute
    relative: str  # POSIX path under the input folder, names the output folder too
    outdir: Path
    sha256: str


@dataclass(frozen=True)
class DocumentResult:
    relative: str
    sha256: str
    status: str  # "ok" | "invalid" | "failed"
    error: str | None
    facts: int
    errors: int
    warnings: int
    seconds: tuple[tuple[str, float], ...]
    peak_rss_mb: float
    internal: bool = False  # the failure is a bug, not a bad document


class _Alarm(BaseException):
    """The per-document time limit passed; a BaseException so that no library handler eats it."""


@dataclass
class _State:
    package: Path | None  # what the warm state depends on: the package, or None without validation
    validator: Validator | None


_LOCK = threading.Lock()
_STATE: _State | None = None


def warm_up(config: WorkerConfig) -> None:
    """Load the catalog, the mapper and (when validating) an Arelle session, once per process."""
    with _LOCK:
        _warm(config)


def _warm(config: WorkerConfig) -> _State:
    global _STATE
    from converter.pipeline import shared_mapper
    from converter.taxonomy.package import default_package
    from converter.validate import Validator

    package = (config.taxonomy_package or default_package()) if config.validate or config.viewer else None
    if _STATE is not None and _STATE.package == package:
        return _STATE
    if _STATE is not None and _STATE.validator is not None:
        _STATE.validator.close()
    shared_mapper()
    _STATE = _State(package, Validator(package) if package is not None else None)
    # the indexes live as long as the process: keep them out of the collector's way, so the
    # gc.collect() Arelle runs after each model does not walk them again and again
    gc.freeze()
    return _STATE


def _reset_validator(state: _State) -> None:
    """After a timeout the Arelle session may be mid-run: start a fresh one."""
    from converter.validate import Validator

    if state.validator is not None:
        state.validator.close()
        state.validator = Validator(state.validator.package)


def _peak_rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)  # Linux: KiB


def _on_alarm(signum: int, frame: FrameType | None) -> None:
    raise _Alarm


def convert_task(task: Task, config: WorkerConfig) -> DocumentResult:
    """Convert one document; every outcome, including a bug, is a result."""
    from converter.pipeline import ConvertOptions

    options = ConvertOptions(input=task.source, outdir=task.outdir, formats=config.formats,
                             validate=config.validate, taxonomy_package=config.taxonomy_package,
                             viewer=config.viewer)
    with _LOCK:
        start = time.perf_counter()
        try:
            state = _warm(config)
            result = _convert_within(options, state, config.timeout)
        except _Alarm:
            _reset_validator(state)
            return _failed(task, start, f"{task.source}: timed out after {config.timeout:g} s "
                                        "(raise --timeout or convert it alone)")
        except XbrlconvError as exc:
            return _failed(task, start, str(exc))
        except Exception as exc:  # a bug must not stop the batch: recorded, counted, exit 3
            return _failed(task, start, f"{task.source}: internal error: {type(exc).__name__}: {exc}",
                           internal=True)
    timings = dict(result.timings)
    seconds = tuple((stage, round(timings.get(stage, 0.0), 4)) for stage in STAGES)
    return DocumentResult(
        relative=task.relative, sha256=task.sha256, status="invalid" if result.errors else "ok",
        error=None, facts=result.facts, errors=len(result.errors), warnings=len(result.warnings),
        seconds=(*seconds, ("total", round(time.perf_counter() - start, 4))), peak_rss_mb=_peak_rss_mb())


def _convert_within(options: ConvertOptions, state: _State, timeout: float | None) -> ConvertResult:
    """`convert` under a SIGALRM time limit (main thread only: signals need it)."""
    from converter.pipeline import convert

    if timeout is None or threading.current_thread() is not threading.main_thread():
        return convert(options, validator=state.validator)
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        return convert(options, validator=state.validator)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _failed(task: Task, start: float, message: str, *, internal: bool = False) -> DocumentResult:
    return DocumentResult(relative=task.relative, sha256=task.sha256, status="failed",
                          error=" ".join(message.split()), facts=0, errors=0, warnings=0,
                          seconds=(("total", round(time.perf_counter() - start, 4)),),
                          peak_rss_mb=_peak_rss_mb(), internal=internal)



def died(task: Task) -> DocumentResult:
    """The result for a document whose worker process died under it."""
    return internal_failure(task, "the worker process converting it died (killed, out of memory or a crash "
                                  "in native code); convert it alone with `xbrlconv convert`")


def internal_failure(task: Task, reason: str) -> DocumentResult:
    return DocumentResult(relative=task.relative, sha256=task.sha256, status="failed", error=f"{task.source}: {reason}",
                          facts=0, errors=0, warnings=0, seconds=(), peak_rss_mb=0.0, internal=True)
