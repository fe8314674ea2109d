"""Leave-one-company-out accuracy of the mapper on `../shared/corpus/mapping/rows-train.jsonl`.

For each of the 14 companies the label statistics are rebuilt without that company's
rows, then its rows are mapped. A row counts as right when the mapper's concept is the
filer's; a row whose filer used its own extension counts as right when the mapper also
proposes an extension. The rows of one statement are mapped together, as
`Mapper.map_statement` does (a us-gaap concept once per statement). Rows carry no value
kind: it is guessed from the label, section and printed value as `map_rows` does;
is_total from the label. `--errors N` prints N misses grouped by statement.

    python benchmarks/mapping.py [--errors N] [--fit] [--tune]

`--fit` fits the confidence model on these choices and prints its `confidence:` block for
`taxonomy/mapping/model.yaml` (needs the `learn` extra); `--tune` searches the feature
weights, temperature, null score and extension threshold coordinate-wise for LOCO top-1 and
prints them. Both are how the shipped model.yaml was made. The confidence figures are
given twice: with the shipped model, and with a model fitted without the row's company
(the honest one: the shipped model has seen every company here).
"""

from __future__ import annotations

import argparse
import gzip
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from converter.mapping.batch import row_context  # noqa: E402
from converter.mapping.context import ItemContext, load_cues  # noqa: E402
from converter.mapping.engine import Mapper  # noqa: E402
from converter.mapping.index import NameIndex  # noqa: E402
from converter.learning.evidence import GATHERED_IXBRL, build_evidence, live_names, training_rows  # noqa: E402,E501
from converter.learning.rows import DEFAULT_SHARED, TrainingRow, close_sections, company_of, looks_total  # noqa: E402,E501
from converter.learning.vocabulary import build_vocabulary, carried_forward, conventions, fsds_rows  # noqa: E402,E501
from converter.mapping.normalize import load_normalizer  # noqa: E402
from converter.mapping.params import FEATURES, ScoringModel, load_model  # noqa: E402
from converter.mapping.confidence import Evidence  # noqa: E402
from converter.mapping.scoring import Features, evidence  # noqa: E402
from converter.learning.confidence import Judged, fit_confidence, render  # noqa: E402
from converter.model import Mapping  # noqa: E402
from converter.taxonomy.catalog import Catalog, load_catalog  # noqa: E402

_KEEP = 150  # candidates kept per row for re-scoring (by name score, plus all with label evidence)


@dataclass(frozen=True)
class Case:
    row: TrainingRow
    ctx: ItemContext
    features: Features
    mapper: Mapper


@dataclass(frozen=True)
class Outcome:
    row: TrainingRow
    predicted: str
    top3: bool
    top1: bool
    confidence: float  # the mapper's confidence in the us-gaap concept it chose or rejected
    evidence: Evidence | None  # behind the chosen us-gaap concept, as ranked (before other rows took theirs)


_CIK = re.compile(rb"EntityCentralIndexKey[^>]*>\s*(\d{1,10})\s*<")


def company_ciks(shared: Path) -> dict[str, frozenset[str]]:
    """Company (as `company_of` names it) -> the CIKs its Inline XBRL filings (in `shared` and
    the gathered ones) declare, so that its rows in the filers' vocabulary are left out with it."""
    found: dict[str, set[str]] = defaultdict(set)
    paths = [*sorted((shared / "corpus" / "ixbrl").glob("*/*.htm*")), *sorted(GATHERED_IXBRL.glob("*.htm*"))]
    for path in paths:
        data = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
        match = _CIK.search(data[:4_000_000])
        if match:
            found[company_of(path.name)].add(str(int(match[1])))
    return {company: frozenset(ciks) for company, ciks in found.items()}


def prepare(catalog: Catalog, model: ScoringModel, shared: Path, linkbases: bool = True,
            vocabulary: bool = True) -> list[Case]:
    """Features of every row, computed with its own company left out of the evidence (the
    evidence also holds the rows of the filers' linkbases, `learn.training_rows`) and of the
    filers' vocabulary."""
    normalizer = load_normalizer()
    cues = load_cues(normalizer)
    rows, extra = training_rows(shared, linkbases)
    rows = close_sections(rows, cues, normalizer)
    live = live_names(catalog)
    evidence = build_evidence(rows + extra, live, normalizer)
    filer_rows = list(fsds_rows(shared)) if vocabulary else []
    ciks = company_ciks(shared)
    names = NameIndex(catalog, normalizer, cues)
    cases: list[Case] = []
    for company in sorted({row.company for row in rows}):
        records = build_vocabulary(filer_rows, live, normalizer, ciks.get(company, frozenset()))
        others = [row for row in rows if row.company != company]
        records = carried_forward(records, conventions(records, others, live, normalizer))
        mapper = Mapper(catalog, evidence=evidence.without(company), model=model, names=names,
                        vocabulary=records)
        for row in (r for r in rows if r.company == company):
            raw = {"label": row.label, "statement": row.statement, "section": row.section,
                   "period_type": row.period_type, "is_total": looks_total(row.label), "value": row.value}
            ctx = row_context(raw, mapper)
            features = mapper.scorer.features(ctx)
            by_name = sorted(features.table.items(), key=lambda kv: -kv[1][0])[:_KEEP]
            kept = dict(by_name) | {k: v for k, v in features.table.items() if any(v[2:4])}
            cases.append(Case(row, ctx, replace(features, table=kept), mapper))
    return cases


def evaluate(cases: list[Case], model: ScoringModel) -> list[Outcome]:
    """Outcomes in case order; each statement's rows are assigned together as `map_statement` does."""
    statements: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, case in enumerate(cases):
        statements[(case.row.doc, case.row.statement)].append(index)
    mappings: dict[int, Mapping] = {}
    behind: dict[int, Evidence | None] = {}
    for indexes in statements.values():
        mapper = cases[indexes[0]].mapper
        mapper.model = mapper.scorer.model = model
        rankings = [mapper.scorer.rank_features(cases[i].features) for i in indexes]
        assigned = mapper.assign([cases[i].ctx for i in indexes], rankings)
        mappings.update(zip(indexes, assigned))
        for i, ranking, mapping in zip(indexes, rankings, assigned):
            names = [c.name for c in ranking.candidates]
            chosen = mapping.concept.name if not mapping.is_extension else None
            behind[i] = evidence(ranking.candidates, names.index(chosen)) if chosen in names else None
    outcomes: list[Outcome] = []
    for index, case in enumerate(cases):
        mapping = mappings[index]
        ranked = [mapping.concept.qname] + [a.concept for a in mapping.alternatives]
        gold = case.row.concept
        if gold.startswith("us-gaap:"):
            top1 = not mapping.is_extension and mapping.concept.qname == gold
            top3 = gold in ranked[:3]
        else:
            top1 = top3 = mapping.is_extension
        outcomes.append(Outcome(case.row, mapping.concept.qname, top3, top1,
                                1.0 - mapping.confidence if mapping.is_extension else mapping.confidence,
                                behind[index]))
    return outcomes


def _share(items: list[Outcome], attr: str) -> str:
    hits = sum(1 for o in items if getattr(o, attr))
    return f"{100.0 * hits / len(items):5.1f}% ({hits}/{len(items)})" if items else "n/a"


def report(outcomes: list[Outcome], errors: int) -> None:
    print(f"overall           top-1 {_share(outcomes, 'top1')}   top-3 {_share(outcomes, 'top3')}")
    groups: dict[str, list[Outcome]] = defaultdict(list)
    companies: dict[str, list[Outcome]] = defaultdict(list)
    for o in outcomes:
        groups[o.row.statement].append(o)
        companies[o.row.company].append(o)
    for statement, items in sorted(groups.items()):
        print(f"{statement:17} top-1 {_share(items, 'top1')}   top-3 {_share(items, 'top3')}")
    print("per company top-1: " + ", ".join(f"{c} {_share(i, 'top1').split('%')[0].strip()}%"
                                            for c, i in sorted(companies.items())))
    ext = [o for o in outcomes if not o.row.concept.startswith("us-gaap:")]
    print(f"filer used an extension: mapper proposed one {_share(ext, 'top1')}")
    chosen = [o for o in outcomes if o.predicted.startswith("us-gaap:")]
    print("confidence of the chosen us-gaap concept -> share right (shipped model):")
    _calibration(chosen)
    honest = held_out_confidences(chosen)
    if honest:
        print("the same, the confidence model fitted without the row's company:")
        _calibration([replace(o, confidence=c) for o, c in zip(chosen, honest)])
    wrong_kind = incompatible(outcomes)
    print(f"type-incompatible first choices (the chosen concept's value kind is not the filer's): "
          f"{len(wrong_kind)}")
    for o in wrong_kind[:errors]:
        print(f"  KIND {o.row.company:5} {o.row.label[:50]!r:52} gold {o.row.concept} got {o.predicted}")
    misses = sorted((o for o in outcomes if not o.top1), key=lambda o: o.row.statement)[:errors]
    for o in misses:
        print(f"  MISS {o.row.company:5} {o.row.statement[:6]} {o.row.label[:50]!r:52} "
              f"[{o.row.section[:30]}] gold {o.row.concept} got {o.predicted} ({o.confidence:.2f})")


def incompatible(outcomes: list[Outcome]) -> list[Outcome]:
    """Rows whose chosen us-gaap concept carries another value kind (money, per share, shares,
    pure) than the filer's concept: a choice the row itself rules out."""
    catalog = load_catalog()
    kinds = dict(load_cues(load_normalizer()).item_types)

    def kind(qname: str) -> object:
        concept = catalog.get(qname.partition(":")[2]) if qname.startswith("us-gaap:") else None
        return kinds.get(concept.type.rpartition(":")[2]) if concept is not None else None

    return [o for o in outcomes if kind(o.row.concept) is not None and kind(o.predicted) is not None
            and kind(o.row.concept) != kind(o.predicted)]


def peer_agreement(outcomes: list[Outcome]) -> None:
    """How far other filers agree with a filer: for each row whose label other companies printed
    too (same words, same statement, same kind of section), whether their most common concept
    is this filer's. A mapper that learns from other filers cannot do better on those rows."""
    normalizer = load_normalizer()
    cues = load_cues(normalizer)

    def key(row: TrainingRow) -> tuple[str, str, tuple[tuple[str, str], ...]]:
        classes = cues.section_class(frozenset(normalizer.words(row.section)))
        return row.statement, normalizer.key(row.label), tuple(sorted(classes.items()))

    def concept(row: TrainingRow) -> str:
        return row.concept if row.concept.startswith("us-gaap:") else "extension"

    printed: dict[tuple[str, str, tuple[tuple[str, str], ...]], dict[str, set[str]]] = defaultdict(
        lambda: defaultdict(set))
    for o in outcomes:
        printed[key(o.row)][concept(o.row)].add(o.row.company)
    agree = 0.0
    covered: list[Outcome] = []
    rest: list[Outcome] = []
    for o in outcomes:
        votes = {c: len(companies - {o.row.company}) for c, companies in printed[key(o.row)].items()}
        votes = {c: n for c, n in votes.items() if n}
        if not votes:
            rest.append(o)
            continue
        covered.append(o)
        top = [c for c, n in votes.items() if n == max(votes.values())]
        agree += (concept(o.row) in top) / len(top)
    print(f"peer agreement: {len(covered)} rows have a label other companies printed in the same kind of "
          f"section; their most common concept is the filer's in {100 * agree / len(covered):.1f}% "
          f"(the mapper: {_share(covered, 'top1').strip()}); the other {len(rest)} rows: "
          f"mapper {_share(rest, 'top1').strip()}")


def _calibration(chosen: list[Outcome]) -> None:
    for low, high in ((0.0, 0.5), (0.5, 0.65), (0.65, 0.8), (0.8, 0.9), (0.9, 0.95), (0.95, 1.01)):
        items = [o for o in chosen if low <= o.confidence < high]
        print(f"  [{low:.2f}, {min(high, 1.0):.2f}]  {_share(items, 'top1')}")
    for floor in (0.8, 0.9, 0.95):
        print(f"  >= {floor:.2f}       {_share([o for o in chosen if o.confidence >= floor], 'top1')}")


def judged(outcomes: list[Outcome]) -> list[Judged]:
    return [Judged(o.evidence, o.top1, o.row.company) for o in outcomes if o.evidence is not None]


def held_out_confidences(chosen: list[Outcome]) -> list[float]:
    """Each choice's confidence under a model fitted on the other companies' choices ([] without
    scikit-learn)."""
    try:
        import sklearn  # noqa: F401
    except ImportError:
        return []
    scored: dict[int, float] = {}
    for company in sorted({o.row.company for o in chosen}):
        model = fit_confidence(judged([o for o in chosen if o.row.company != company]))
        scored.update({i: model(o.evidence) if o.evidence is not None else o.confidence
                       for i, o in enumerate(chosen) if o.row.company == company})
    return [scored[i] for i in range(len(chosen))]


def tune(cases: list[Case], model: ScoringModel, rounds: int = 3) -> ScoringModel:
    """Coordinate search over weights and confidence parameters for LOCO top-1."""
    def accuracy(candidate: ScoringModel) -> float:
        return sum(o.top1 for o in evaluate(cases, candidate)) / len(cases)

    best, best_acc = model, accuracy(model)
    for _ in range(rounds):
        for feature in FEATURES:
            for factor in (0.0, 0.5, 0.75, 0.9, 1.1, 1.33, 2.0):
                value = round(best.weight(feature) * factor, 3) if best.weight(feature) else 0.25 * factor
                trial = best.with_weights(**{feature: value})
                acc = accuracy(trial)
                if acc > best_acc:
                    best, best_acc = trial, acc
        for field, values in (("null_score", (0.4, 0.6, 0.8, 1.0, 1.2, 1.5)),
                              ("extension_threshold", (0.1, 0.2, 0.3, 0.4, 0.5)),
                              ("temperature", (0.08, 0.12, 0.15, 0.2, 0.3))):
            for value in values:
                trial = replace(best, **{field: value})
                acc = accuracy(trial)
                if acc > best_acc:
                    best, best_acc = trial, acc
        print(f"round: top-1 {100 * best_acc:.1f}%  {dict(best.weights)}  null {best.null_score} "
              f"threshold {best.extension_threshold} temperature {best.temperature}", flush=True)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--fit", action="store_true")
    parser.add_argument("--tune", action="store_true")
    parser.add_argument("--errors", type=int, default=0)
    parser.add_argument("--no-linkbases", action="store_true",
                        help="learn from rows-train.jsonl only, not from the filers' linkbases")
    parser.add_argument("--no-vocabulary", action="store_true",
                        help="leave the filers' vocabulary (Financial Statement Data Sets) out")
    args = parser.parse_args(argv)
    model = load_model()
    cases = prepare(load_catalog(), model, args.shared, linkbases=not args.no_linkbases,
                    vocabulary=not args.no_vocabulary)
    if args.tune:
        model = tune(cases, model)
    outcomes = evaluate(cases, model)
    report(outcomes, args.errors)
    peer_agreement(outcomes)
    if args.fit:
        print(render(fit_confidence(judged([o for o in outcomes if o.predicted.startswith("us-gaap:")]))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
