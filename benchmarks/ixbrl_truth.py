"""The converter against the filers' own facts, on Inline XBRL 10-K and 10-Q filings.

For each filing: the whole converter (read → map → facts → checks) runs on the document with its
ix tags stripped, as on any HTML filing; the truth is the filer's own `ix:nonFraction` facts on
its face statements, found from the filer's tags (`converter.learning.ixbrl_facts`).

Each truth fact is classed:
- right: a fact of ours with the filer's concept, period and value;
- sign: the filer's concept and period, the value negated;
- concept: the value at the right period under another concept;
- period: the value under the filer's concept or any concept, at another period only;
- scale: the filer's concept and period, the value off by a factor of 10^3, 10^6 or 10^9;
- missing: none of these.
"found" = right + sign + concept (the value at the right period).

Every filing is mapped leave-one-company-out: the mapper's evidence and the filers' vocabulary
lose the filing's company (by ticker and CIK), as for a company the mapper never saw.

    python benchmarks/ixbrl_truth.py [--folder DIR ...] [--in-sample] [--misses N] [--only NAME ...]

Folders default to ../shared/corpus/ixbrl and benchmarks/filings/ixbrl (the gathered filings, stored
gzip-compressed as `.htm.gz`: each is decompressed into a temporary folder while it is scored).
"""

from __future__ import annotations

import argparse
import gzip
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from converter.errors import XbrlconvError  # noqa: E402
from converter.learning.ixbrl_facts import Fact, face_facts  # noqa: E402
from converter.model import Period  # noqa: E402

SHARED_IXBRL = ROOT.parent / "shared" / "corpus" / "ixbrl"
GATHERED_IXBRL = ROOT / "benchmarks" / "filings" / "ixbrl"
CLASSES = ("right", "sign", "concept", "period", "scale", "missing")
_CIK = re.compile(r"EntityCentralIndexKey[^>]*>\s*(\d{1,10})\s*<")


@dataclass
class Score:
    name: str
    company: str
    counts: Counter[str] = field(default_factory=Counter)
    by_statement: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    misses: list[tuple[str, Fact]] = field(default_factory=list)
    seconds: float = 0.0
    error: str = ""

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def found(self) -> int:
        return self.counts["right"] + self.counts["sign"] + self.counts["concept"]


def company_and_cik(path: Path) -> tuple[str, str | None]:
    from converter.learning.rows import company_of

    match = _CIK.search(path.read_text(encoding="utf-8", errors="replace")[:5_000_000])
    return company_of(path.name), str(int(match[1])) if match else None


class Mappers:
    """The mapper of a filing: the shipped one, or one whose evidence and filers' vocabulary leave
    out the filing's company."""

    def __init__(self, in_sample: bool) -> None:
        from converter.learning.evidence import live_names, training_rows
        from converter.learning.rows import DEFAULT_SHARED
        from converter.learning.vocabulary import fsds_rows
        from converter.mapping.engine import Mapper
        from converter.mapping.evidence import load_evidence
        from converter.mapping.normalize import load_normalizer
        from converter.taxonomy.catalog import load_catalog

        self.shipped = Mapper(load_catalog())
        self.in_sample = in_sample
        self.normalizer = load_normalizer()
        self.evidence = load_evidence(self.normalizer)
        self.live = live_names(self.shipped.catalog)
        self.filer_rows = [] if in_sample else list(fsds_rows(DEFAULT_SHARED))
        self.rows = [] if in_sample else training_rows(DEFAULT_SHARED)[0]

    def get(self, company: str, cik: str | None) -> object:
        from converter.learning.vocabulary import build_vocabulary, carried_forward, conventions
        from converter.mapping.engine import Mapper

        if self.in_sample:
            return self.shipped
        records = build_vocabulary(self.filer_rows, self.live, self.normalizer,
                                   frozenset({cik}) if cik else frozenset())
        others = [row for row in self.rows if row.company != company]
        records = carried_forward(records, conventions(records, others, self.live, self.normalizer))
        return Mapper(self.shipped.catalog, evidence=self.evidence.without(company), names=self.shipped.names,
                      vocabulary=records)


def classify(fact: Fact, ours: dict[tuple[str, Period], set[Decimal]],
             shown: dict[tuple[Period, Decimal], set[str]], anywhere: set[Decimal]) -> str:
    values = ours.get((fact.concept, fact.period), set())
    if fact.value in values:
        return "right"
    if -fact.value in values:
        return "sign"
    if shown.get((fact.period, abs(fact.value))):
        return "concept"
    if fact.value and any(abs(v) == abs(fact.value).scaleb(k) for v in values for k in (-9, -6, -3, 3, 6, 9)):
        return "scale"
    if abs(fact.value) in anywhere:
        return "period"
    return "missing"


def score(path: Path, mappers: Mappers, misses: int) -> Score:
    from converter.pipeline import ConvertOptions, prepare

    company, cik = company_and_cik(path)
    result = Score(path.name, company)
    truth = face_facts(path)
    started = time.perf_counter()
    try:
        with tempfile.TemporaryDirectory() as out:
            prepared = prepare(ConvertOptions(input=path, outdir=Path(out), validate=False),
                               mapper=mappers.get(company, cik))
    except XbrlconvError as exc:
        result.error = str(exc)
        prepared = None
    result.seconds = time.perf_counter() - started
    ours: dict[tuple[str, Period], set[Decimal]] = defaultdict(set)
    shown: dict[tuple[Period, Decimal], set[str]] = defaultdict(set)
    anywhere: set[Decimal] = set()
    if prepared is not None:
        periods = {c.id: c.period for c in prepared.report.contexts}
        for fact in prepared.report.facts:
            if isinstance(fact.value, Decimal):
                period = periods[fact.context_id]
                ours[(fact.concept, period)].add(fact.value)
                shown[(period, abs(fact.value))].add(fact.concept)
                anywhere.add(abs(fact.value))
    for fact in truth:
        cls = classify(fact, ours, shown, anywhere)
        result.counts[cls] += 1
        result.by_statement[fact.statement][cls] += 1
        if cls != "right" and len(result.misses) < misses:
            result.misses.append((cls, fact))
    return result


def filings(folders: list[Path], only: list[str]) -> list[Path]:
    found = []
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.resolve().rglob("*.htm*")):
            if only and not any(name in str(path) for name in only):
                continue
            head = _read(path)[:2_000_000]
            if b"ix:header" in head or b"ix:nonFraction" in head:
                found.append(path)
    return _main_documents(found)


def _read(path: Path) -> bytes:
    return gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()


@contextmanager
def _plain(path: Path) -> Iterator[Path]:
    """The filing as the converter reads it: a `.htm.gz` decompressed into a temporary folder under
    its own name ('hd-20250202.htm.gz' -> 'hd-20250202.htm'), any other file as it is."""
    if path.suffix != ".gz":
        yield path
        return
    with tempfile.TemporaryDirectory() as scratch:
        plain = Path(scratch) / path.stem
        plain.write_bytes(_read(path))
        yield plain


def _main_documents(paths: list[Path]) -> list[Path]:
    """One document per filing: every document of the gathered folder (one filing each), and the
    largest of each shared filing's folder (its main document; the others are exhibits)."""
    largest: dict[Path, Path] = {}
    for path in paths:
        if path.parent == GATHERED_IXBRL:
            largest[path] = path
        elif path.parent not in largest or path.stat().st_size > largest[path.parent].stat().st_size:
            largest[path.parent] = path
    return sorted(largest.values())


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f}%" if whole else "    -"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--folder", type=Path, action="append", help="folder of Inline XBRL filings")
    parser.add_argument("--only", action="append", default=[], help="filings whose path contains this")
    parser.add_argument("--in-sample", action="store_true", help="map with the shipped evidence")
    parser.add_argument("--misses", type=int, default=0, help="print up to N misses per filing")
    args = parser.parse_args(argv)
    mappers = Mappers(args.in_sample)
    paths = filings(args.folder or [SHARED_IXBRL, GATHERED_IXBRL], args.only)
    scores = []
    print(f"{'filing':44} {'facts':>6} {'found':>6} {'concept':>7}  " + " ".join(f"{c:>7}" for c in CLASSES[1:])
          + "   secs")
    for path in paths:
        with _plain(path) as plain:
            result = score(plain, mappers, args.misses)
        scores.append(result)
        print(f"{result.name[:44]:44} {result.total:6} {_pct(result.found, result.total)} "
              f"{_pct(result.counts['right'], result.total):>7}  "
              + " ".join(f"{result.counts[c]:7}" for c in CLASSES[1:]) + f" {result.seconds:6.1f}"
              + (f"  ERROR {result.error[:80]}" if result.error else ""), flush=True)
        for cls, fact in result.misses:
            print(f"      {cls:8} {fact.statement[:9]} {fact.concept} {fact.period} {fact.value}")
    totals: Counter[str] = Counter()
    statements: dict[str, Counter[str]] = defaultdict(Counter)
    companies: dict[str, Counter[str]] = defaultdict(Counter)
    for result in scores:
        totals.update(result.counts)
        companies[result.company].update(result.counts)
        for statement, counts in result.by_statement.items():
            statements[statement].update(counts)

    def line(name: str, counts: Counter[str]) -> str:
        whole = sum(counts.values())
        found = counts["right"] + counts["sign"] + counts["concept"]
        return (f"{name:44} {whole:6} {_pct(found, whole)} {_pct(counts['right'], whole):>7}  "
                + " ".join(f"{counts[c]:7}" for c in CLASSES[1:]))

    print()
    for statement, counts in sorted(statements.items()):
        print(line(statement, counts))
    print(line(f"all ({len(scores)} filings, {len(companies)} companies)", totals))
    worst = sorted(companies.items(), key=lambda kv: (kv[1]["right"] + kv[1]["sign"] + kv[1]["concept"])
                   / max(sum(kv[1].values()), 1))[:5]
    print("lowest companies (found): " + ", ".join(
        f"{name} {_pct(c['right'] + c['sign'] + c['concept'], sum(c.values())).strip()}" for name, c in worst))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
