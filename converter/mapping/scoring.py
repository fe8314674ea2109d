"""Rank the catalog's concepts for one row: features, weighted score, softmax confidence."""

from __future__ import annotations

import math
from dataclasses import dataclass

from converter.mapping.context import ItemContext
from converter.mapping.evidence import EXTENSION
from converter.mapping.index import LabelIndex, candidate_names
from converter.mapping.params import FEATURES, ScoringModel
from converter.model import Balance

_RANK_DEPTH = 10
_EXTENSION_SHARPNESS = 4


@dataclass(frozen=True)
class Candidate:
    name: str  # us-gaap local name
    score: float
    confidence: float  # calibrated probability that this candidate is the filer's concept


@dataclass(frozen=True)
class Ranking:
    label: str  # the label that was scored ("Total <section>" for an unlabeled total)
    candidates: tuple[Candidate, ...]  # best first, at most _RANK_DEPTH; EXTENSION may be one


@dataclass(frozen=True)
class Features:
    label: str
    table: dict[str, tuple[float, ...]]  # candidate (or EXTENSION) -> feature values in FEATURES order


class Scorer:
    def __init__(self, labels: LabelIndex, model: ScoringModel) -> None:
        self.labels = labels
        self.names = labels.names
        self.model = model

    def features(self, ctx: ItemContext) -> Features:
        """Feature values (in `FEATURES` order) of every candidate that shares a word with the row."""
        norm, cues, names = self.names.normalizer, self.names.cues, self.names
        label = ctx.effective_label
        query = names.vector(norm.tokens(label))
        statement = str(ctx.statement)
        name_s, cover, fit = names.name_scores(query)
        row_s, vote = self.labels.row_scores(query, statement)
        exact = self.labels.exact_share(statement, norm.key(label))
        allowed = names.allowed.get((ctx.kind, ctx.period_type), set())
        section_classes = cues.section_class(frozenset(norm.words(ctx.section)))
        stated = cues.label_class(frozenset(norm.words(label)))
        unstated = {d: c for d, c in section_classes.items() if d not in stated}
        contra = ctx.shown_negative and cues.is_contra(section_classes)
        if contra and "side" in unstated:  # a deduction printed in equity is a debit item
            unstated["side"] = str(Balance.DEBIT)
        table: dict[str, tuple[float, ...]] = {}
        for name in candidate_names(name_s, row_s, exact) & allowed:
            balance = names.concepts[name].balance
            table[name] = (
                name_s.get(name, 0.0), cover.get(name, 0.0), row_s.get(name, 0.0),
                exact.get(name, 0.0), self.labels.prior_of(statement, name),
                self._agreement(name, stated, learned=False),
                self._agreement(name, unstated, learned=True),
                (1.0 if balance is Balance.DEBIT else -1.0 if balance else 0.0) if contra else 0.0,
                fit.get(name, 0.0), vote.get(name, 0.0),
            )
        if row_s.get(EXTENSION) or exact.get(EXTENSION):  # filers used their own concept for such labels
            # an extension is named after the label: it matches the label and the section as well
            # as the best us-gaap candidate does, and competes on the filers' evidence (only
            # close labels count: the cosine is raised to _EXTENSION_SHARPNESS)
            own = {"row": row_s.get(EXTENSION, 0.0) ** _EXTENSION_SHARPNESS, "exact": exact.get(EXTENSION, 0.0), "prior": 0.0,
                   "contra": 0.0, "vote": vote.get(EXTENSION, 0.0)}
            table[EXTENSION] = tuple(own[f] if f in own else max((v[i] for v in table.values()), default=0.0)
                                     for i, f in enumerate(FEATURES))
        return Features(label, table)

    def rank(self, ctx: ItemContext) -> Ranking:
        return self.rank_features(self.features(ctx))

    def rank_features(self, features: Features) -> Ranking:
        weights = tuple(w for _, w in self.model.weights)
        scored = sorted(((sum(w * f for w, f in zip(weights, values)), name)
                         for name, values in features.table.items()),
                        key=lambda item: (-item[0], item[1]))
        return Ranking(features.label, self._confidences(scored[:_RANK_DEPTH], scored))

    def _agreement(self, name: str, row_classes: dict[str, str], learned: bool) -> float:
        """Per dimension +1 / -1 / 0 when the concept's classes (from its name and balance, and when
        `learned` from the headings filers printed it under) agree / conflict / say nothing."""
        total = 0.0
        seen = self.labels.section_seen.get(name) if learned else None
        for dimension, cls in row_classes.items():
            classes = set(self.names.classes(name).get(dimension, ()))
            if seen and seen.get(dimension):
                classes.add(seen[dimension].most_common(1)[0][0])
            if classes:
                total += 1.0 if cls in classes else -1.0
        return total

    def _confidences(self, top: list[tuple[float, str]],
                     everything: list[tuple[float, str]]) -> tuple[Candidate, ...]:
        if not top:
            return ()
        temperature = self.model.temperature
        best = top[0][0]
        denominator = math.exp((self.model.null_score - best) / temperature) + sum(
            math.exp((score - best) / temperature) for score, _ in everything[:50])
        return tuple(Candidate(name, score,
                               self.model.calibrate(math.exp((score - best) / temperature) / denominator))
                     for score, name in top)
