"""Batch conversion benchmark: 60 documents, `--jobs 1` and `--jobs 2`, against Arelle alone.

    python benchmarks/batch.py [--shared ../shared] [--documents 60] [--keep DIR]

Builds the document set in a temporary folder from ../shared (text filings, HTML
releases, the seed, the statement-less filings, plus variants: CRLF line ends,
a truncated copy, plain copies), runs `xbrlconv batch` as a subprocess with one
and with two workers, then validates the same instances with Arelle alone in one
process (`Validator`, one warm session, the same per-filing subset packages).
Prints wall and CPU times, documents/second, seconds per stage summed over
documents, the ratio jobs-1 / Arelle alone and the workers' peak RSS. On a
shared machine pass --repeat 3: each configuration keeps its fastest run.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parents[1]
R = TypeVar("R", bound=tuple)  # type: ignore[type-arg]
STAGES = ("read", "map", "facts", "write", "validate", "total")
ARELLE_ALONE = """
import sys, time
from pathlib import Path
start = time.perf_counter()
from converter.taxonomy.package import default_package
from converter.validate import Validator
instances = [Path(line) for line in sys.stdin.read().split()]
with Validator(default_package()) as validator:
    ready = time.perf_counter()
    for instance in instances:
        validator.validate(instance, {})
print(ready - start, time.perf_counter() - ready)
"""


def originals(shared: Path) -> list[Path]:
    corpus = shared / "corpus"
    found = [p for folder in (corpus / "text", corpus / "html-releases") for p in sorted(folder.rglob("*"))
             if p.is_file() and p.name != "SOURCES.txt"]
    return [*found, *sorted((shared / "seed").glob("*.txt"))]


def build_set(shared: Path, folder: Path, count: int) -> list[Path]:
    """`count` documents: the originals, then CRLF, truncated and plain copies in turn."""
    sources = originals(shared)
    variants = ("crlf", "truncated", "copy")
    made: list[Path] = []
    round_ = 0
    while len(made) < count:
        for source in sources:
            if len(made) == count:
                break
            data = source.read_bytes()
            kind = "original" if round_ == 0 else variants[(round_ - 1) % len(variants)]
            if kind == "crlf":
                data = data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
            elif kind == "truncated":
                data = data[: len(data) * 2 // 3]
            target = folder / f"{kind}-{round_}" / source.parent.name / source.name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            made.append(target)
        round_ += 1
    return made


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_batch(inputs: Path, outdir: Path, jobs: int) -> tuple[float, float, list[dict[str, object]]]:
    """Wall seconds, CPU seconds (all processes) and the document lines of batch.jsonl."""
    cpu = children_cpu()
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "converter", "batch", str(inputs), "-o", str(outdir),
                           "--jobs", str(jobs)], cwd=ROOT, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    if done.returncode not in (0, 1, 2):
        raise SystemExit(f"batch failed ({done.returncode}): {done.stderr}")
    entries = [json.loads(line) for line in (outdir / "batch.jsonl").read_text().splitlines()]
    return wall, children_cpu() - cpu, [e for e in entries if "path" in e]


def arelle_alone(instances: list[Path]) -> tuple[float, float, float, float]:
    """Wall and CPU time of a process validating `instances`, its start-up and its validation time."""
    cpu = children_cpu()
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", ARELLE_ALONE], cwd=ROOT, input="\n".join(map(str, instances)),
                          capture_output=True, text=True, check=True)
    wall = time.perf_counter() - start
    setup, validating = (float(x) for x in done.stdout.split())
    return wall, children_cpu() - cpu, setup, validating


def instances_of(outdir: Path, entries: list[dict[str, object]]) -> list[Path]:
    found = []
    for entry in entries:
        if entry["status"] in ("ok", "invalid"):
            report = json.loads((outdir / str(entry["path"]) / "report.json").read_text())
            found.append(outdir / str(entry["path"]) / report["instance"])
    return found


def describe(label: str, wall: float, cpu: float, entries: list[dict[str, object]]) -> None:
    sums: dict[str, float] = defaultdict(float)
    for entry in entries:
        stages = entry["seconds"]
        assert isinstance(stages, dict)
        for stage, seconds in stages.items():
            sums[stage] += float(seconds)
    status = Counter(str(e["status"]) for e in entries)
    rss = max(float(e["peak_rss_mb"]) for e in entries)  # type: ignore[arg-type]
    print(f"{label}: {wall:.1f} s wall, {cpu:.1f} s CPU, {len(entries) / wall:.2f} documents/s, "
          f"{dict(sorted(status.items()))}, worker peak RSS {rss:.0f} MB")
    print("  seconds per stage, summed over documents: "
          + ", ".join(f"{stage} {sums[stage]:.2f}" for stage in STAGES))


def fastest(run: Callable[[], R], repeat: int) -> R:
    """The run with the least wall time (the first element) out of `repeat`."""
    return min((run() for _ in range(max(1, repeat))), key=lambda result: result[0])  # type: ignore[index]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--documents", type=int, default=60)
    parser.add_argument("--keep", type=Path, help="build the set and outputs here instead of a temporary folder")
    parser.add_argument("--repeat", type=int, default=1,
                        help="run each configuration this many times and keep the fastest (on a shared machine)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="xbrlconv-bench-") as temp:
        work = args.keep or Path(temp)
        inputs = work / "inputs"
        build_set(args.shared, inputs, args.documents)
        wall1, cpu1, entries1 = fastest(lambda: run_batch(inputs, work / "out-1", 1), args.repeat)
        wall2, cpu2, entries2 = fastest(lambda: run_batch(inputs, work / "out-2", 2), args.repeat)
        instances = instances_of(work / "out-1", entries1)
        alone, alone_cpu, setup, validating = fastest(lambda: arelle_alone(instances), args.repeat)
        print(f"{len(entries1)} documents, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}")
        describe("--jobs 1", wall1, cpu1, entries1)
        describe("--jobs 2", wall2, cpu2, entries2)
        print(f"Arelle alone, {len(instances)} instances in one process: {alone:.1f} s wall, {alone_cpu:.1f} s CPU "
              f"({setup:.1f} s start-up, {validating:.1f} s validating)")
        print(f"ratio --jobs 1 / Arelle alone: {wall1 / alone:.2f} wall, {cpu1 / alone_cpu:.2f} CPU; "
              f"speed-up --jobs 2 over --jobs 1: {wall1 / wall2:.2f}x")


if __name__ == "__main__":
    main()
