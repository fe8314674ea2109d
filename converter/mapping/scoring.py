"""Rank the catalog's concepts for one row: features, weighted score, softmax share, and the
confidence model's chance that a candidate is the filer's concept (`confidence`)."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import numpy as np

from converter.mapping.arrays import Floats, Ints, LabelArrays
from converter.mapping.confidence import Evidence
from converter.mapping.context import ItemContext
from converter.mapping.evidence import EXTENSION
from converter.mapping.filers import FilerVocabulary
from converter.mapping.index import LabelIndex
from converter.mapping.params import FEATURES, ScoringModel
from converter.model import Balance

_RANK_DEPTH = 10
_EXTENSION_SHARPNESS = 4
_SOFTMAX_DEPTH = 50  # the best scores the softmax denominator sums
_FILER_VOTE_FLOOR = 0.01  # a concept with this share of the filers' votes becomes a candidate


@dataclass(frozen=True)
class Candidate:
    name: str  # us-gaap local name
    score: float
    confidence: float  # the confidence model's chance that this candidate is the filer's concept
    probability: float  # its softmax share, which ranks and decides (the extension threshold)
    support: tuple[int, int]  # companies that printed exactly this label with it, with another concept
    features: tuple[float, ...]  # in FEATURES order


@dataclass(frozen=True)
class Ranking:
    label: str  # the label that was scored ("Total <section>" for an unlabeled total)
    candidates: tuple[Candidate, ...]  # best first, at most _RANK_DEPTH; EXTENSION may be one


@dataclass(frozen=True)
class Features:
    label: str
    table: dict[str, tuple[float, ...]]  # candidate (or EXTENSION) -> feature values in FEATURES order
    printed: dict[str, int]  # concept (or EXTENSION) -> companies that printed exactly this label with it


class Scorer:
    def __init__(self, labels: LabelIndex, model: ScoringModel, vocabulary: FilerVocabulary | None = None) -> None:
        self.labels = labels
        self.names = labels.names
        self.model = model
        self.arrays = LabelArrays(labels)
        self.vocabulary = vocabulary

    def features(self, ctx: ItemContext) -> Features:
        """Feature values (in `FEATURES` order) of every candidate that shares a word with the row."""
        label, ids, columns, extension = self._columns(ctx)
        names = self.arrays.concepts.names
        table = {names[i]: tuple(values) for i, values in zip(ids.tolist(), np.stack(columns, 1).tolist())}
        if extension is not None:
            table[EXTENSION] = extension
        return Features(label, table, self._printed(ctx.statement, label))

    def _printed(self, statement: object, label: str) -> dict[str, int]:
        """Companies of the evidence that printed exactly this (qualified) label, per concept."""
        return dict(self.labels.exact.get((str(statement), self.names.normalizer.key(label)), {}))

    def _columns(self, ctx: ItemContext) -> tuple[str, Ints, list[Floats], tuple[float, ...] | None]:
        """The row's label, its candidates' concept ids, one array per feature (in `FEATURES`
        order) over those candidates, and the features of an extension concept when filers
        used their own for such labels."""
        norm, cues, arrays = self.names.normalizer, self.names.cues, self.arrays
        label = cues.qualified(ctx.effective_label, ctx.section, norm)
        query = self.names.vector(norm.tokens(label))
        statement = str(ctx.statement)
        touched, name_s, cover, fit = arrays.concepts.name_scores(query)
        row_s, vote = self.labels.row_scores(query, statement)
        key = norm.key(label)
        exact = self.labels.exact_share(statement, key)
        curated = self.labels.curated.get((statement, key))
        section_classes = cues.section_class(frozenset(norm.words(ctx.section)))
        stated = cues.label_class(frozenset(norm.words(label)))
        unstated = {d: c for d, c in section_classes.items() if d not in stated}
        contra = ctx.shown_negative and cues.is_contra(section_classes)
        if contra and "side" in unstated:  # a deduction printed in equity is a debit item
            unstated["side"] = str(Balance.DEBIT)
        known = arrays.concepts.ids
        mask = np.zeros(arrays.concepts.size, dtype=bool)
        mask[touched] = True
        learned = [self._dense({known[c]: v for c, v in scores.items() if c in known})
                   for scores in (row_s, exact, vote)]
        for dense in learned[:2]:  # a concept with votes has a row score too
            mask[dense[0]] = True
        filers_exact, filers_votes = self._filers(query, statement, key)
        mask[filers_exact[0][filers_exact[0] < arrays.concepts.size]] = True
        mask |= filers_votes[:-1] > _FILER_VOTE_FLOOR
        ids = np.flatnonzero(mask & arrays.concepts.allowed(ctx.kind, ctx.period_type))
        hard = {d: c for d, c in {**unstated, **stated}.items() if d in cues.hard_dimensions}
        label_words = frozenset(norm.words(label))
        if (contra or any(cue <= label_words for cue in cues.side_exceptions)
                or any(pattern.search(ctx.label) for pattern in cues.deductions)):
            hard.pop("side", None)
        ids = ids[~arrays.ruled_out(ids, hard, cues.required_dimensions)]
        row_a, exact_a, vote_a = (self._gather(ids, dense) for dense in learned)
        stated_agree, stated_conflict = arrays.agreement(ids, stated, learned=False)
        section_agree, section_conflict = arrays.agreement(ids, unstated, learned=True)
        columns = [name_s[ids], cover[ids], row_a, exact_a, arrays.prior(statement)[ids],
                   stated_agree - stated_conflict, section_agree - section_conflict,
                   arrays.concepts.debit_sign[ids] if contra else np.zeros(len(ids)), fit[ids], vote_a,
                   -(stated_conflict + section_conflict + self._sign_conflict(ids, ctx)),
                   self._curated(ids, curated), self._gather(ids, filers_exact) * (not exact), filers_votes[ids] * (not exact)]
        extension = None
        filers_ext_exact = float(filers_exact[1][filers_exact[0] == len(filers_votes) - 1].sum())
        if (row_s.get(EXTENSION) or exact.get(EXTENSION) or curated == EXTENSION
                or filers_ext_exact or filers_votes[-1] > _FILER_VOTE_FLOOR):  # filers used their own
            # an extension is named after the label: it matches the label and the section as well
            # as the best us-gaap candidate does, and competes on the filers' evidence (only
            # close labels count: the cosine is raised to _EXTENSION_SHARPNESS)
            own = {"row": row_s.get(EXTENSION, 0.0) ** _EXTENSION_SHARPNESS,
                   "exact": exact.get(EXTENSION, 0.0), "prior": 0.0, "contra": 0.0,
                   "vote": vote.get(EXTENSION, 0.0), "conflict": 0.0,
                   "curated": 1.0 if curated == EXTENSION else 0.0,
                   "vexact": filers_ext_exact, "vvote": float(filers_votes[-1])}
            extension = tuple(own[f] if f in own else (float(columns[i].max()) if len(ids) else 0.0)
                              for i, f in enumerate(FEATURES))
        return label, ids, columns, extension

    def _filers(self, query: dict[str, float], statement: str, key: str) -> tuple[tuple[Ints, Floats], Floats]:
        """The filers' vocabulary on this label: exact shares (ids, shares) and dense vote shares
        (one entry per concept, the extension last)."""
        size = self.arrays.concepts.size
        if self.vocabulary is None:
            return (np.zeros(0, dtype=np.intp), np.zeros(0)), np.zeros(size + 1)
        return self.vocabulary.exact(statement, key), self.vocabulary.votes(query, statement)

    def _sign_conflict(self, ids: Ints, ctx: ItemContext) -> Floats:
        """1 for an income concept that is never negative when an income-statement row prints
        a negative amount ("Interest and other income, net  (4.1)" is no interest income)."""
        if not ctx.shown_negative or ctx.statement not in self.names.cues.signed_statements:
            return np.zeros(len(ids))
        return self.arrays.concepts.income_never_negative[ids].astype(float)

    def _curated(self, ids: Ints, curated: str | None) -> Floats:
        """1 for the concept curated.yaml gives the row's label, 0 elsewhere."""
        column = np.zeros(len(ids))
        concept = self.arrays.concepts.ids.get(curated) if curated else None
        if concept is not None:
            column[ids == concept] = 1.0
        return column

    @staticmethod
    def _dense(values: dict[int, float]) -> tuple[Ints, Floats]:
        return np.fromiter(values, dtype=np.intp, count=len(values)), np.fromiter(
            values.values(), dtype=np.float64, count=len(values))

    @staticmethod
    def _gather(ids: Ints, sparse: tuple[Ints, Floats]) -> Floats:
        """The values of a sparse (ids, values) pair at `ids` (sorted), zero where absent."""
        out = np.zeros(len(ids))
        at = np.searchsorted(ids, sparse[0])
        inside = at < len(ids)
        inside[inside] = ids[at[inside]] == sparse[0][inside]
        out[at[inside]] = sparse[1][inside]
        return out

    def rank(self, ctx: ItemContext) -> Ranking:
        """`rank_features(features(ctx))`, scoring the candidates' feature arrays at once: only
        the best _SOFTMAX_DEPTH scores (and ties) are sorted."""
        label, ids, columns, extension = self._columns(ctx)
        weights = tuple(w for _, w in self.model.weights)
        scores = np.zeros(len(ids))
        for w, column in zip(weights, columns):  # in FEATURES order, as sum() adds them
            scores = scores + w * column
        if len(ids) > _SOFTMAX_DEPTH:
            floor = np.partition(scores, len(ids) - _SOFTMAX_DEPTH)[len(ids) - _SOFTMAX_DEPTH]
            keep = scores >= floor
            ids, scores = ids[keep], scores[keep]
            columns = [column[keep] for column in columns]
        names = self.arrays.concepts.names
        scored = [(score, names[i]) for score, i in zip(scores.tolist(), ids.tolist())]
        if extension is not None:
            scored.append((sum(w * f for w, f in zip(weights, extension)), EXTENSION))
        scored.sort(key=lambda item: (-item[0], item[1]))
        top = scored[:_RANK_DEPTH]
        at = {name: i for i, name in enumerate(names[i] for i in ids.tolist())}
        table = {name: (extension if name == EXTENSION and extension is not None
                        else tuple(float(column[at[name]]) for column in columns)) for _, name in top}
        return Ranking(label, self._candidates(top, scored, table, self._printed(ctx.statement, label)))

    def rank_features(self, features: Features) -> Ranking:
        weights = tuple(w for _, w in self.model.weights)
        scored = sorted(((sum(w * f for w, f in zip(weights, values)), name)
                         for name, values in features.table.items()),
                        key=lambda item: (-item[0], item[1]))
        return Ranking(features.label, self._candidates(scored[:_RANK_DEPTH], scored, features.table,
                                                        features.printed))

    def _candidates(self, top: list[tuple[float, str]], everything: list[tuple[float, str]],
                    table: dict[str, tuple[float, ...]], printed: dict[str, int]) -> tuple[Candidate, ...]:
        if not top:
            return ()
        temperature = self.model.temperature
        best = top[0][0]
        denominator = math.exp((self.model.null_score - best) / temperature) + sum(
            math.exp((score - best) / temperature) for score, _ in everything[:_SOFTMAX_DEPTH])
        total = sum(printed.values())
        ranked = [Candidate(name, score, 0.0, math.exp((score - best) / temperature) / denominator,
                            (printed.get(name, 0), total - printed.get(name, 0)), table[name])
                  for score, name in top]
        return tuple(self._judged(ranked))

    def _judged(self, candidates: list[Candidate]) -> list[Candidate]:
        """The candidates with the confidence model's verdict, each against the others listed."""
        judge = self.model.confidence
        return [replace(c, confidence=judge(evidence(candidates, i))) for i, c in enumerate(candidates)]

    def without(self, candidates: tuple[Candidate, ...] | list[Candidate],
                taken: frozenset[str]) -> list[Candidate]:
        """The candidates not in `taken`, their shares renormalised to the probability mass left
        once the taken concepts are ruled out (a row whose best concept another row already
        holds is judged among what remains)."""
        gone = sum(c.probability for c in candidates if c.name in taken)
        if not gone:
            return [c for c in candidates if c.name not in taken]
        rest = max(1.0 - gone, 1e-12)
        return self._judged([replace(c, probability=min(c.probability / rest, 1.0))
                             for c in candidates if c.name not in taken])


def evidence(candidates: list[Candidate] | tuple[Candidate, ...], i: int) -> Evidence:
    """What stands behind candidate `i`, its margin taken over the other candidates listed."""
    c = candidates[i]
    rivals = [o.score for j, o in enumerate(candidates) if j != i]
    margin = c.score - max(rivals) if rivals else math.inf
    return Evidence(c.probability, margin, c.support[0], c.support[1], dict(zip(FEATURES, c.features)))
