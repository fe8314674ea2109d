"""EDGAR Filer Manual checks on every shared document: findings per output and their speed.

    python benchmarks/efm.py [--plugin DIR] [--repeat 3] [--cli]

Converts the seed, the shared text filings and the shared HTML releases (XBRL and Inline
XBRL, without validation), then validates each output with the SEC's Arelle EDGAR plug-in
(efm-pragmatic) in one warm session, as `xbrlconv validate --efm` does. Prints per output
the errors besides the standard-label gaps of the offline package (EFM 6.10.1 on us-gaap
concepts), the DQC findings, the warning codes, and the median warm seconds; with --cli
also the wall time of `xbrlconv validate --efm` as a fresh process on each Apple 2024 output.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from converter.errors import InputError
from converter.model import Diagnostic, Severity
from converter.pipeline import ConvertOptions, convert
from converter.taxonomy.package import default_package
from converter.validate import Validator

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
LABEL_GAP = "EFM.6.10.01"  # no English standard label: the offline package has no us-gaap label linkbase


def shared_documents(shared: Path = SHARED) -> list[Path]:
    """The seed, then each text filing and HTML release of ../shared (not the statement-less ones)."""
    corpus = shared / "corpus"
    folders = sorted(p for p in (corpus / "text").iterdir() if p.is_dir() and p.name != "no-statements")
    folders += sorted(p for p in (corpus / "html-releases").iterdir() if p.is_dir())
    documents = [shared / "seed" / "000_42643171a94e83b9.txt"]
    for folder in folders:
        documents += sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".html", ".htm")
                            and p.name != "SOURCES.txt")
    return documents


def is_label_gap(diagnostic: Diagnostic) -> bool:
    return diagnostic.code == LABEL_GAP and (diagnostic.concept or "").startswith("us-gaap:")


def counts(diagnostics: tuple[Diagnostic, ...]) -> tuple[Counter[str], Counter[str], Counter[str], int]:
    """(errors besides the label gaps, DQC findings, other warnings, label gaps) by code."""
    errors: Counter[str] = Counter()
    dqc: Counter[str] = Counter()
    warnings: Counter[str] = Counter()
    gaps = 0
    for d in diagnostics:
        if is_label_gap(d):
            gaps += 1
        elif d.code.startswith("DQC."):
            dqc[d.code] += 1
        elif d.severity is Severity.ERROR:
            errors[d.code] += 1
        elif d.severity is Severity.WARNING:
            warnings[d.code] += 1
    return errors, dqc, warnings, gaps


def _cli_seconds(path: Path, plugin: Path, repeat: int) -> float:
    runs = []
    for _ in range(repeat + 1):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "converter", "validate", str(path), "--efm", "--efm-plugin",
                        str(plugin)], capture_output=True, check=False)
        runs.append(time.perf_counter() - start)
    return statistics.median(runs[1:])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plugin", type=Path, default=SHARED / "tools" / "arelle-edgar" / "validate")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--cli", action="store_true", help="also time `xbrlconv validate --efm` processes")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder, \
            Validator(default_package(), efm_plugin=args.plugin.resolve()) as validator:
        outputs: list[Path] = []
        for number, document in enumerate(shared_documents()):
            try:
                result = convert(ConvertOptions(input=document, outdir=Path(folder) / str(number),
                                                formats=("xbrl", "ixbrl"), validate=False))
            except InputError:
                continue  # a document without statements (an 8-K cover letter)
            outputs += [result.instance, result.instance.with_suffix(".htm")]
        validator.validate(outputs[0], {})  # warm-up: the session's first run imports the plug-in
        totals = Counter[str]()
        for output in outputs:
            seconds = []
            for _ in range(args.repeat):
                start = time.perf_counter()
                diagnostics = validator.validate(output, {})
                seconds.append(time.perf_counter() - start)
            errors, dqc, warnings, gaps = counts(diagnostics)
            totals.update(errors)
            totals.update(dqc)
            print(f"{output.parent.name:>3} {output.name:32} errors {sum(errors.values()):3} {dict(errors)} "
                  f"DQC {sum(dqc.values())} {dict(dqc)} label gaps {gaps:3} "
                  f"{statistics.median(seconds):.2f} s; warnings {sorted(warnings)}")
        print(f"{len(outputs)} outputs; errors and DQC findings besides the label gaps: {dict(totals)}")
        if args.cli:
            apple = next(p for p in outputs if p.name.startswith("apple-2023"))
            for path in (apple, apple.with_suffix(".htm")):
                print(f"xbrlconv validate --efm {path.name}: {_cli_seconds(path, args.plugin, args.repeat):.2f} s "
                      f"wall (median of {args.repeat}, fresh process)")


if __name__ == "__main__":
    main()
