"""Validation speed: load + validate of one converted filing in a warm Arelle session.

    python benchmarks/validation.py [INPUT] [--repeat 5]

Converts INPUT (default: the bundled example) without validation, then validates the
instance several times in one warm session, with the per-filing subset of the shipped
package (what `convert` does) and with the whole package; prints the median seconds of
each and the catalog load time.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from converter.pipeline import ConvertOptions, convert
from converter.taxonomy.catalog import CATALOG_PATH, read_catalog
from converter.taxonomy.package import default_package
from converter.validate import Validator

ROOT = Path(__file__).resolve().parents[1]


def _median_seconds(validator: Validator, instance: Path, repeat: int) -> float:
    validator.validate(instance, {})  # warm-up: the session's first run loads Arelle's own modules
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        validator.validate(instance, {})
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", type=Path, nargs="?", default=ROOT / "examples" / "innovo-q1-2003.txt")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    start = time.perf_counter()
    read_catalog(CATALOG_PATH)
    catalog_seconds = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as folder:
        result = convert(ConvertOptions(input=args.input, outdir=Path(folder) / "out", validate=False))
        with Validator(default_package()) as subset:
            fast = _median_seconds(subset, result.instance, args.repeat)
        with Validator(default_package(), subset=False) as whole:
            slow = _median_seconds(whole, result.instance, args.repeat)
    print(f"{args.input.name}: {result.facts} facts")
    print(f"warm load + validate, per-filing subset package: {fast:.3f} s (median of {args.repeat})")
    print(f"warm load + validate, whole shipped package:     {slow:.3f} s (median of {args.repeat})")
    print(f"catalog load: {catalog_seconds:.3f} s")


if __name__ == "__main__":
    main()
