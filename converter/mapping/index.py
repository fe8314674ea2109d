"""Searchable views of the concept catalog and of the learned label evidence.

`NameIndex` depends on the catalog only: which concepts may carry which value
kind and period type, and TF-IDF vectors of their names and labels.
`LabelIndex` adds the evidence learned from filings (row labels, how often
filers used a concept on a statement, exact label matches, the section classes
a concept was seen under). Both answer queries
through inverted indexes, so a query touches only concepts sharing a word.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from converter.mapping.conceptwords import load_words, words_of
from converter.mapping.context import Cues
from converter.mapping.evidence import CURATED, EXTENSION, Evidence
from converter.mapping.normalize import Normalizer
from converter.model import PeriodType, ValueKind

if TYPE_CHECKING:
    from converter.taxonomy.catalog import Catalog, CatalogConcept

Vector = dict[str, float]
_VOTE_POWER = 8


def is_item(concept: CatalogConcept) -> bool:
    """A concrete fact-bearing concept, live or deprecated (not abstract, no dimension or hypercube)."""
    return concept.substitution_group == "xbrli:item" and not concept.abstract


def _unit(bag: dict[str, float], idf: dict[str, float], default_idf: float) -> Vector:
    vec = {t: w * idf.get(t, default_idf) for t, w in bag.items()}
    norm = math.sqrt(sum(v * v for v in vec.values()))
    return {t: v / norm for t, v in vec.items()} if norm else {}


class NameIndex:
    """Catalog items by (kind, period type) and TF-IDF postings of their names and standard labels."""

    def __init__(self, catalog: Catalog, normalizer: Normalizer, cues: Cues) -> None:
        item_types = dict(cues.item_types)
        self.normalizer = normalizer
        self.cues = cues
        self.concepts: dict[str, CatalogConcept] = {}
        self.allowed: dict[tuple[ValueKind, PeriodType], set[str]] = defaultdict(set)
        docs: dict[str, dict[str, float]] = {}
        self.retired: set[str] = set()  # deprecated items: they may win, then yield to a replacement
        known = load_words(normalizer)
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
            words = known.get(concept.name)
            docs[concept.name] = normalizer.bag(words if words is not None else words_of(concept, normalizer))
        df: Counter[str] = Counter(t for bag in docs.values() for t in bag)
        total = len(docs) + 1
        self.idf = {t: math.log(total / (1 + n)) + 1.0 for t, n in df.items()}
        self.default_idf = math.log(total) + 1.0
        self.postings: dict[str, list[tuple[str, float]]] = defaultdict(list)
        self._classes: dict[str, dict[str, frozenset[str]]] = {}
        for name, bag in docs.items():
            for token, weight in self.vector(bag).items():
                self.postings[token].append((name, weight))

    def classes(self, name: str) -> dict[str, frozenset[str]]:
        """dimension -> classes of a concept (see `Cues.concept_class`), worked out when first asked."""
        found = self._classes.get(name)
        if found is None:
            found = self._classes[name] = self.cues.concept_class(self.concepts[name])
        return found

    def vector(self, bag: dict[str, float]) -> Vector:
        return _unit(bag, self.idf, self.default_idf)


@dataclass(frozen=True)
class LabelHit:
    concept: str  # us-gaap local name, or EXTENSION
    statement: str  # the statement the training row came from
    company: str


class LabelIndex:
    """The learned evidence, searchable: label postings, exact matches, priors, section classes."""

    def __init__(self, names: NameIndex, evidence: Evidence) -> None:
        self.names = names
        cues = names.cues
        self.hits: list[LabelHit] = []
        # (statement, token) -> (hit index, weight): a query touches its own statement's rows only
        self.postings: dict[tuple[str, str], list[tuple[int, float]]] = defaultdict(list)
        self.exact: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        self.prior: dict[str, Counter[str]] = defaultdict(Counter)
        self.section_seen: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
        self.curated: dict[tuple[str, str], str] = {}  # (statement, label key) -> curated concept
        votes: set[tuple[str, ...]] = set()  # one vote per company, however many filings it has
        for row in evidence.rows:
            concept = row.concept.partition(":")[2] or row.concept
            key = " ".join(sorted(set(row.label.split())))
            if row.company == CURATED:
                self.curated[(row.statement, key)] = concept
                if concept == EXTENSION:  # "this very label needs an extension": no evidence for
                    continue             # similar labels ("Income before cumulative effect ...")
            self._add(row.label, LabelHit(concept, row.statement, row.company))
            if (row.company, row.statement, key, concept) not in votes:
                votes.add((row.company, row.statement, key, concept))
                self.exact[(row.statement, key)][concept] += 1
            if (row.company, row.statement, concept) not in votes:
                votes.add((row.company, row.statement, concept))
                self.prior[row.statement][concept] += 1
            for dimension, cls in cues.section_class(frozenset(row.section.split())).items():
                self.section_seen[concept][dimension][cls] += 1
        self.prior_scale = {s: math.log1p(max(c.values())) for s, c in self.prior.items() if c}

    def _add(self, words: str, hit: LabelHit) -> None:
        vec = self.names.vector(self.names.normalizer.bag(tuple(words.split())))
        if not vec:
            return
        index = len(self.hits)
        self.hits.append(hit)
        for token, weight in vec.items():
            self.postings[(hit.statement, token)].append((index, weight))

    def row_scores(self, query: Vector, statement: str) -> tuple[dict[str, float], dict[str, float]]:
        """Best cosine per concept among the training rows of this statement, and each
        concept's share of the companies' votes: a company votes for a concept with its best
        cosine to the power `_VOTE_POWER`, so close labels of many filers decide."""
        dots: dict[int, float] = defaultdict(float)
        for token, qw in query.items():
            for index, weight in self.postings.get((statement, token), ()):
                dots[index] += qw * weight
        best: dict[str, float] = {}
        by_company: dict[tuple[str, str], float] = {}
        for index, dot in dots.items():
            hit = self.hits[index]
            if dot > best.get(hit.concept, 0.0):
                best[hit.concept] = dot
            key = (hit.company, hit.concept)
            if dot > by_company.get(key, 0.0):
                by_company[key] = dot
        votes: dict[str, float] = defaultdict(float)
        for (_, concept), dot in by_company.items():
            votes[concept] += dot ** _VOTE_POWER
        total = sum(votes.values())
        return best, ({c: v / total for c, v in votes.items()} if total else {})

    def exact_share(self, statement: str, key: str) -> dict[str, float]:
        counts = self.exact.get((statement, key))
        if not counts:
            return {}
        total = sum(counts.values())
        return {c: n / total for c, n in counts.items()}


@lru_cache(maxsize=4)
def name_index(catalog: Catalog, normalizer: Normalizer, cues: Cues) -> NameIndex:
    """The NameIndex of a catalog, built once per catalog object."""
    return NameIndex(catalog, normalizer, cues)

