"""The converter against the filers' own Financial Data Schedules (EX-27), on 1993–2001 submissions.

For each full submission (.txt or .txt.gz) of a folder: the whole converter (read → map → facts →
checks, `converter.pipeline.prepare`, nothing written) runs on it as on any filing, and every value
of each of its EX-27 schedules (benchmarks/fds_schedule.py) is looked for among the facts. A value
is the printed amount times the schedule's multiplier (per-share amounts as printed); its period is
PERIOD-START..PERIOD-END for the tags of durations and PERIOD-END for instants; the accepted
concepts of its tag are in taxonomy/benchmarks/fds-tags.yaml. Each value is classed:

- right: a fact under an accepted concept, at the period, with the value;
- sign: an accepted concept and the period, the value negated;
- scale: an accepted concept and the period, the value off by a power of ten (10^1 … 10^9);
- concept: the value (or its negation) at the period under another concept only;
- amount: an accepted concept and the period, another value;
- period: the value under some concept at other periods only;
- missing: none of these.

Tags the table scores `aside` (often no one face line: COMMON, TOTAL-COSTS, …) are reported apart;
`skip` tags (notes, statistics), tags the table lacks and zero values (the schedule's placeholder
for a line the statements do not print) are counted but not scored.

    python benchmarks/fds.py [--folder DIR ...] [--only NAME ...] [--misses] [--json FILE|-] [--slack DAYS]

Folders default to benchmarks/filings/fds-generated and benchmarks/filings/fds (gathered filings).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.fds_schedule import Schedule, ScheduleError, TagTable, load_tags, schedules  # noqa: E402
from converter.errors import XbrlconvError  # noqa: E402
from converter.model import Duration, Instant, Period  # noqa: E402

FOLDERS = (ROOT / "benchmarks" / "filings" / "fds-generated", ROOT / "benchmarks" / "filings" / "fds")
CLASSES = ("right", "sign", "scale", "concept", "amount", "period", "missing")
_HEADER = {
    "company": re.compile(r"COMPANY CONFORMED NAME:\s*(.+)"),
    "cik": re.compile(r"CENTRAL INDEX KEY:\s*(\d+)"),
}


@dataclass(frozen=True)
class Miss:
    cls: str
    schedule: str  # "EX-27.1 column 0"
    tag: str
    line: int  # the value's line in the submission
    period: str
    expected: str
    produced: str  # what the converter gave instead: concepts, periods or values, with source lines


@dataclass
class Result:
    filing: str
    company: str
    articles: list[str] = field(default_factory=list)
    schedules: int = 0
    face: Counter[str] = field(default_factory=Counter)
    aside: Counter[str] = field(default_factory=Counter)
    unscored: Counter[str] = field(default_factory=Counter)  # zero, skip, unknown-tag
    by_article: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    misses: list[Miss] = field(default_factory=list)
    error: str = ""


@dataclass(frozen=True)
class Ours:
    """The converter's numeric facts, indexed for the classes."""

    at: dict[tuple[str, Period], list[tuple[Decimal, int | None]]]  # (concept, period) -> values, lines
    by_value: dict[Decimal, list[tuple[str, Period, int | None]]]  # |value| -> where it is

    @classmethod
    def of(cls, prepared: object) -> Ours:
        at: dict[tuple[str, Period], list[tuple[Decimal, int | None]]] = defaultdict(list)
        by_value: dict[Decimal, list[tuple[str, Period, int | None]]] = defaultdict(list)
        if prepared is not None:
            periods = {c.id: c.period for c in prepared.report.contexts}
            for fact in prepared.report.facts:
                if isinstance(fact.value, Decimal):
                    period = periods[fact.context_id]
                    at[(fact.concept, period)].append((fact.value, fact.source_line))
                    by_value[abs(fact.value)].append((fact.concept, period, fact.source_line))
        return cls(at, by_value)


def _same(ours: Period, theirs: Period, slack: int) -> bool:
    if isinstance(ours, Instant) != isinstance(theirs, Instant):
        return False
    if isinstance(ours, Instant):
        return abs((ours.date - theirs.date).days) <= slack
    return abs((ours.start - theirs.start).days) <= slack and abs((ours.end - theirs.end).days) <= slack


def _where(items: list[tuple[str, Period, int | None]]) -> str:
    return "; ".join(f"{c} {p} (line {line})" for c, p, line in items[:4]) or "-"


def classify(
    value: Decimal, period: Period, concepts: tuple[str, ...], ours: Ours, slack: int
) -> tuple[str, str]:
    """The class of one schedule value and what the converter produced instead."""
    accepted = [
        (v, line, c, p)
        for (c, p), values in ours.at.items()
        if c in concepts and _same(p, period, slack)
        for v, line in values
    ]
    if any(v == value for v, *_ in accepted):
        return "right", ""
    if value and any(v == -value for v, *_ in accepted):
        return "sign", _where([(c, p, line) for v, line, c, p in accepted if v == -value])
    if value and any(v and abs(v) == abs(value).scaleb(k) for v, *_ in accepted for k in range(-9, 10) if k):
        return "scale", "; ".join(f"{c} {p} = {v} (line {line})" for v, line, c, p in accepted)
    elsewhere = ours.by_value.get(abs(value), [])
    other = [(c, p, line) for c, p, line in elsewhere if _same(p, period, slack)]
    if other:
        return "concept", _where(other)
    if accepted:
        return "amount", "; ".join(f"{c} {p} = {v} (line {line})" for v, line, c, p in accepted[:4])
    if elsewhere:  # the accepted concepts' facts first: the period they were given instead
        return "period", _where(sorted(elsewhere, key=lambda item: item[0] not in concepts))
    return "missing", ""


def _period(schedule: Schedule, kind: str) -> Period | None:
    if kind == "instant":
        return Instant(schedule.period_end)
    start = schedule.start
    return (
        Duration(start, schedule.period_end) if start is not None and start <= schedule.period_end else None
    )


def score_schedule(schedule: Schedule, table: TagTable, ours: Ours, result: Result, slack: int) -> None:
    where = f"{schedule.document_type} column {schedule.column}"
    for value in schedule.values:
        rule = table.rule(schedule.article, value.tag)
        if rule is None or rule.score == "skip":
            result.unscored["unknown-tag" if rule is None else "skip"] += 1
            continue
        amount = schedule.amount(value)
        if not amount:
            result.unscored["zero"] += 1
            continue
        period = _period(schedule, rule.period)
        if period is None:
            result.unscored["no-period"] += 1
            continue
        cls, produced = classify(amount, period, rule.concepts, ours, slack)
        (result.face if rule.score == "face" else result.aside)[cls] += 1
        if rule.score == "face":
            result.by_article[schedule.article or "?"][cls] += 1
        if cls != "right":
            result.misses.append(
                Miss(
                    cls,
                    where,
                    value.tag,
                    value.line,
                    str(period),
                    str(amount),
                    produced + ("" if rule.score == "face" else " [aside]"),
                )
            )


def _text(path: Path) -> str:
    data = path.read_bytes()
    return (gzip.decompress(data) if path.suffix == ".gz" else data).decode("latin-1")


def score(path: Path, table: TagTable, slack: int = 0) -> Result:
    from converter.pipeline import ConvertOptions, prepare

    text = _text(path)
    head = text[:20_000]
    names = {
        key: (pattern.search(head)[1].strip() if pattern.search(head) else "")
        for key, pattern in _HEADER.items()
    }
    result = Result(path.name, names["company"] or path.name)
    try:
        found = schedules(text)
    except ScheduleError as exc:
        result.error = f"{path.name}: {exc}"
        return result
    result.schedules = len(found)
    result.articles = sorted({s.article or "?" for s in found})
    if not found:
        return result  # nothing to score against
    prepared = None
    with tempfile.TemporaryDirectory() as out:
        source = path
        if path.suffix == ".gz":
            source = Path(out) / path.stem
            source.write_text(text, encoding="latin-1")
        try:
            prepared = prepare(ConvertOptions(input=source, outdir=Path(out) / "out", validate=False))
        except XbrlconvError as exc:
            result.error = str(exc).replace(str(source), path.name)
    ours = Ours.of(prepared)
    for schedule in found:
        score_schedule(schedule, table, ours, result, slack)
    return result


def submissions(folders: list[Path], only: list[str]) -> list[Path]:
    paths = []
    for folder in folders:
        if folder.is_dir():
            paths.extend(
                p
                for p in sorted(folder.rglob("*"))
                if p.name.endswith((".txt", ".txt.gz")) and (not only or any(name in str(p) for name in only))
            )
    return paths


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f}%" if whole else "    -"


def _line(name: str, counts: Counter[str]) -> str:
    whole = sum(counts.values())
    at_period = counts["right"] + counts["sign"] + counts["concept"]
    return f"{name[:40]:40} {whole:6} {_pct(counts['right'], whole)} {_pct(at_period, whole)}  " + " ".join(
        f"{counts[c]:7}" for c in CLASSES[1:]
    )


def report(results: list[Result], misses: bool) -> None:
    print(
        f"{'filing':40} {'values':>6} {' right':>6} {'found':>6}  "
        + " ".join(f"{c:>7}" for c in CLASSES[1:])
    )
    companies: dict[str, Counter[str]] = defaultdict(Counter)
    articles: dict[str, Counter[str]] = defaultdict(Counter)
    totals, aside, unscored = Counter(), Counter(), Counter()
    for result in results:
        print(
            _line(result.filing, result.face)
            + (f"  ERROR {result.error[:90]}" if result.error else "")
            + ("" if result.schedules else "  (no EX-27)")
        )
        if misses:
            for miss in result.misses:
                print(
                    f"    {miss.cls:8} {miss.tag:26} line {miss.line:<5} {miss.period:23} "
                    f"{miss.expected:>14}  got: {miss.produced}"
                )
        companies[result.company].update(result.face)
        for article, counts in result.by_article.items():
            articles[article].update(counts)
        totals.update(result.face)
        aside.update(result.aside)
        unscored.update(result.unscored)
    print("\nper company")
    for company, counts in sorted(companies.items()):
        print(_line(company, counts))
    print("\nper article")
    for article, counts in sorted(articles.items()):
        print(_line(f"article {article}", counts))
    print()
    print(_line(f"all ({len(results)} filings, {len(companies)} companies)", totals))
    print(_line("aside tags (not in the figure)", aside))
    print("not scored: " + ", ".join(f"{k} {v}" for k, v in sorted(unscored.items())))
    print("right = accepted concept, period and amount; found = the value at the right period, any concept")


def as_json(results: list[Result]) -> dict[str, object]:
    def counts(c: Counter[str]) -> dict[str, int]:
        return {cls: c[cls] for cls in CLASSES} | {"total": sum(c.values())}

    totals: Counter[str] = Counter()
    for result in results:
        totals.update(result.face)
    return {
        "filings": [
            {
                "filing": r.filing,
                "company": r.company,
                "articles": r.articles,
                "schedules": r.schedules,
                "face": counts(r.face),
                "aside": counts(r.aside),
                "unscored": dict(r.unscored),
                "by_article": {a: counts(c) for a, c in r.by_article.items()},
                "misses": [asdict(m) for m in r.misses],
                "error": r.error,
            }
            for r in results
        ],
        "total": counts(totals),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument(
        "--folder", type=Path, action="append", help="folder of full submissions (.txt, .txt.gz)"
    )
    parser.add_argument("--only", action="append", default=[], help="submissions whose path contains this")
    parser.add_argument("--misses", action="store_true", help="list every miss with what the converter gave")
    parser.add_argument("--json", help="write the scores as JSON to FILE (- for stdout)")
    parser.add_argument("--slack", type=int, default=0, help="days a period's ends may differ (default 0)")
    args = parser.parse_args(argv)
    paths = submissions(args.folder or list(FOLDERS), args.only)
    if not paths:
        print("no submissions found", file=sys.stderr)
        return 2
    table = load_tags()
    results = [score(path, table, args.slack) for path in paths]
    if args.json == "-":
        json.dump(as_json(results), sys.stdout, indent=1)
        print()
    else:
        report(results, args.misses)
        if args.json:
            Path(args.json).write_text(json.dumps(as_json(results), indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
