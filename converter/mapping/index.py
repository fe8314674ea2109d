"""Searchable views of the concept catalog and of the learned label evidence.

`NameIndex` depends on the catalog only: which concepts may carry which value
kind and period type, and TF-IDF vectors of their names and labels.
`LabelIndex` adds the evidence learned from filings (row labels, label
linkbases, how often a filer used a concept on a statement, exact label
matches, the section classes a concept was seen under). Both answer queries
through inverted indexes, so a query touches only concepts sharing a word.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from converter.mapping.context import Cues
from converter.mapping.evidence import Evidence
from converter.mapping.normalize import Normalizer
from converter.model import PeriodType, ValueKind

if TYPE_CHECKING:
    from converter.taxonomy.catalog import Catalog, CatalogConcept

Vector = dict[str, float]


def is_item(concept: CatalogConcept) -> bool:
    """A concrete fact-bearing concept, live or deprecated (not abstract, no dimension or hypercube)."""
    return concept.substitution_group == "xbrli:item" and not concept.abstract


def _unit(bag: dict[str, float], idf: dict[str, float], default_idf: float) -> Vector:
    vec = {t: w * idf.get(t, default_idf) for t, w in bag.items()}
    norm = math.sqrt(sum(v * v for v in vec.values()))
    return {t: v / norm for t, v in vec.items()} if norm else {}


class NameIndex:
    """Usable catalog concepts by (kind, period type) and TF-IDF postings of their names and labels."""

    def __init__(self, catalog: Catalog, normalizer: Normalizer, cues: Cues,
                 catalog_labels: bool = True) -> None:
        item_types = dict(cues.item_types)
        self.normalizer = normalizer
        self.cues = cues
        self.concepts: dict[str, CatalogConcept] = {}
        self.allowed: dict[tuple[ValueKind, PeriodType], set[str]] = defaultdict(set)
        docs: dict[str, dict[str, float]] = {}
        self.extra_labels: dict[str, tuple[str, ...]] = {}
        self.retired: set[str] = set()  # deprecated items: they may win, then yield to a replacement
        for concept in catalog:
            kind = item_types.get(concept.type.rpartition(":")[2])
            if kind is None or concept.prefix != "us-gaap" or not is_item(concept):
                continue
            self.concepts[concept.name] = concept
            if concept.usable:
                self.allowed[(kind, concept.period_type)].add(concept.name)
            else:  # the catalog may not know a deprecated concept's period type: allow both
                self.retired.add(concept.name)
                for period in PeriodType:
                    self.allowed[(kind, period)].add(concept.name)
            bag = normalizer.tokens(normalizer.concept_words(concept.name))
            for token, weight in normalizer.tokens(concept.label).items():
                bag[token] = max(bag.get(token, 0.0), weight)
            docs[concept.name] = bag
            if catalog_labels:
                self.extra_labels[concept.name] = concept.labels
        df: Counter[str] = Counter(t for bag in docs.values() for t in bag)
        total = len(docs) + 1
        self.idf = {t: math.log(total / (1 + n)) + 1.0 for t, n in df.items()}
        self.default_idf = math.log(total) + 1.0
        self.postings: dict[str, list[tuple[str, float]]] = defaultdict(list)
        self.classes: dict[str, frozenset[str]] = {}
        for name, bag in docs.items():
            for token, weight in self.vector(bag).items():
                self.postings[token].append((name, weight))
            self.classes[name] = cues.concept_class(name)

    def vector(self, bag: dict[str, float]) -> Vector:
        return _unit(bag, self.idf, self.default_idf)

    def name_scores(self, query: Vector) -> dict[str, float]:
        scores: dict[str, float] = defaultdict(float)
        for token, qw in query.items():
            for name, weight in self.postings.get(token, ()):
                scores[name] += qw * weight
        return scores


@dataclass(frozen=True)
class LabelHit:
    concept: str
    statement: str | None  # the statement a training row came from; None for linkbase labels


class LabelIndex:
    """The learned evidence, searchable: label postings, exact matches, priors, section classes."""

    def __init__(self, names: NameIndex, evidence: Evidence) -> None:
        self.names = names
        norm, cues = names.normalizer, names.cues
        self.hits: list[LabelHit] = []
        self.postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        self.exact: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        self.prior: dict[str, Counter[str]] = defaultdict(Counter)
        self.section_seen: dict[str, Counter[str]] = defaultdict(Counter)
        votes: set[tuple[str, ...]] = set()  # one vote per company, however many filings it has
        for row in evidence.rows:
            concept = row.concept.partition(":")[2] or row.concept
            self._add(row.label, LabelHit(concept, row.statement))
            key = " ".join(sorted(set(row.label.split())))
            if (row.company, row.statement, key, concept) not in votes:
                votes.add((row.company, row.statement, key, concept))
                self.exact[(row.statement, key)][concept] += 1
            if (row.company, row.statement, concept) not in votes:
                votes.add((row.company, row.statement, concept))
                self.prior[row.statement][concept] += 1
            cls = cues.section_class(frozenset(row.section.split()))
            if cls is not None:
                self.section_seen[concept][cls] += 1
        users: dict[str, set[str]] = defaultdict(set)
        for record in evidence.labels:
            self._add(record.label, LabelHit(record.concept, None))
            users[record.concept].add(record.company)
        for row in evidence.rows:
            users[row.concept.partition(":")[2]].add(row.company)
        companies = {c for names_ in users.values() for c in names_}
        scale = math.log1p(len(companies)) or 1.0
        self.usage = {name: math.log1p(len(who)) / scale for name, who in users.items()}
        for name, labels in names.extra_labels.items():
            for label in labels:
                self._add(" ".join(norm.words(label)), LabelHit(name, None))
        self.prior_scale = {s: math.log1p(max(c.values())) for s, c in self.prior.items() if c}

    def _add(self, words: str, hit: LabelHit) -> None:
        vec = self.names.vector(self.names.normalizer.tokens(words))
        if not vec:
            return
        index = len(self.hits)
        self.hits.append(hit)
        for token, weight in vec.items():
            self.postings[token].append((index, weight))

    def label_scores(self, query: Vector, statement: str) -> tuple[dict[str, float], dict[str, float]]:
        """Best cosine per concept among training rows of this statement, and among other labels."""
        dots: dict[int, float] = defaultdict(float)
        for token, qw in query.items():
            for index, weight in self.postings.get(token, ()):
                dots[index] += qw * weight
        rows: dict[str, float] = {}
        others: dict[str, float] = {}
        for index, dot in dots.items():
            hit = self.hits[index]
            target = rows if hit.statement == statement else others
            if dot > target.get(hit.concept, 0.0):
                target[hit.concept] = dot
        return rows, others

    def exact_share(self, statement: str, key: str) -> dict[str, float]:
        counts = self.exact.get((statement, key))
        if not counts:
            return {}
        total = sum(counts.values())
        return {c: n / total for c, n in counts.items()}

    def prior_of(self, statement: str, concept: str) -> float:
        scale = self.prior_scale.get(statement)
        return math.log1p(self.prior[statement][concept]) / scale if scale else 0.0


def candidate_names(*score_maps: Iterable[str]) -> set[str]:
    out: set[str] = set()
    for scores in score_maps:
        out.update(scores)
    return out
