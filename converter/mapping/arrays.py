"""The concept indexes as numpy arrays, so that a row's features are worked out for all its
candidates at once instead of in a Python loop over some 500 concepts per row.

`NameArrays` depends on the catalog's `NameIndex` only (built once per index and shared by the
mappers of one process); `LabelArrays` adds the learned priors and section classes of one
mapper's evidence. Array entries are made with the same float operations, in the same order, as
the dictionary code of `NameIndex.name_scores` and `Scorer._agreement` they replace, so scores
are bit-for-bit the same.
"""

from __future__ import annotations

import math
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from converter.mapping.index import LabelIndex, NameIndex, Vector
from converter.model import Balance, PeriodType, ValueKind
from converter.taxonomy.catalog import non_negative_concepts

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.intp]
_NONE = -1  # class code: the concept has no class in this dimension
_UNKNOWN = -2  # class code of a row class no concept has


class NameArrays:
    """Concept ids, posting arrays per token, allowed masks, balance signs and name classes."""

    def __init__(self, names: NameIndex) -> None:
        self.index = names
        self.names: tuple[str, ...] = tuple(names.concepts)
        self.ids = {name: i for i, name in enumerate(self.names)}
        self.size = len(self.names)
        self.debit_sign = np.array([1.0 if c.balance is Balance.DEBIT else -1.0 if c.balance else 0.0
                                    for c in names.concepts.values()])
        never_negative = non_negative_concepts()
        # income that can't be negative: a row printed negative is not such a concept
        self.income_never_negative = np.array([c.balance is Balance.CREDIT and c.name in never_negative
                                               for c in names.concepts.values()])
        self._postings: dict[str, tuple[Ints, Floats, Floats]] = {}
        self._allowed: dict[tuple[ValueKind, PeriodType], npt.NDArray[np.bool_]] = {}
        self.vocab: dict[str, dict[str, int]] = {}  # dimension -> class -> code
        self.codes: dict[str, Ints] = {}  # dimension -> class code of each concept's name
        for i, name in enumerate(self.names):
            # a deprecated concept yields to its replacement (engine._live): it has its classes
            replacement = names.concepts[name].replacement if name in names.retired else None
            own = replacement if replacement in names.concepts else name
            for dimension, classes in names.classes(own).items():
                vocab = self.vocab.setdefault(dimension, {})
                codes = self.codes.setdefault(dimension, np.full(self.size, _NONE, dtype=np.intp))
                (cls,) = classes
                codes[i] = vocab.setdefault(cls, len(vocab))

    def postings(self, token: str) -> tuple[Ints, Floats, Floats]:
        """Concept ids, weights and squared weights of a token's postings."""
        found = self._postings.get(token)
        if found is None:
            plist = self.index.postings.get(token, ())
            weights = np.array([w for _, w in plist], dtype=np.float64)
            found = self._postings[token] = (np.array([self.ids[n] for n, _ in plist], dtype=np.intp),
                                             weights, weights * weights)
        return found

    def allowed(self, kind: ValueKind, period: PeriodType) -> npt.NDArray[np.bool_]:
        found = self._allowed.get((kind, period))
        if found is None:
            found = self._allowed[(kind, period)] = np.zeros(self.size, dtype=bool)
            found[[self.ids[n] for n in self.index.allowed.get((kind, period), ())]] = True
        return found

    def name_scores(self, query: Vector) -> tuple[Ints, Floats, Floats, Floats]:
        """`NameIndex.name_scores` as arrays over all concepts: the ids of the concepts the query
        touches, then cosine, cover and fit."""
        mass = sum(query.values()) or 1.0
        parts = [(self.postings(token), qw) for token, qw in query.items()]
        if not parts:
            empty = np.zeros(self.size)
            return np.zeros(0, dtype=np.intp), empty, empty, empty
        ids = np.concatenate([p[0] for p, _ in parts])
        cosine = np.bincount(ids, np.concatenate([qw * p[1] for p, qw in parts]), self.size)
        cover = np.bincount(ids, np.concatenate([np.full(len(p[0]), qw / mass) for p, qw in parts]),
                            self.size)
        fit = np.bincount(ids, np.concatenate([p[2] for p, _ in parts]), self.size)
        return ids, cosine, cover, fit


@lru_cache(maxsize=4)
def name_arrays(names: NameIndex) -> NameArrays:
    return NameArrays(names)


class LabelArrays:
    """One mapper's evidence as arrays: priors per statement and the section classes filers
    printed each concept under (the most common class per dimension)."""

    def __init__(self, labels: LabelIndex) -> None:
        self.labels = labels
        self.concepts = name_arrays(labels.names)
        self._prior: dict[str, Floats] = {}
        self.seen: dict[str, Ints] = {}  # dimension -> learned class code of each concept
        ids, vocab = self.concepts.ids, self.concepts.vocab
        for name, dimensions in labels.section_seen.items():
            i = ids.get(name)
            if i is None:
                continue
            for dimension, counts in dimensions.items():
                if not counts:
                    continue
                codes = vocab.setdefault(dimension, {})
                seen = self.seen.setdefault(dimension, np.full(self.concepts.size, _NONE, dtype=np.intp))
                seen[i] = codes.setdefault(counts.most_common(1)[0][0], len(codes))

    def prior(self, statement: str) -> Floats:
        """`LabelIndex.prior_of` of every concept."""
        found = self._prior.get(statement)
        if found is None:
            found = self._prior[statement] = np.zeros(self.concepts.size)
            scale = self.labels.prior_scale.get(statement)
            for name, count in self.labels.prior.get(statement, {}).items():
                i = self.concepts.ids.get(name)
                if i is not None and scale:
                    found[i] = math.log1p(count) / scale
        return found

    def ruled_out(self, ids: Ints, row_classes: dict[str, str], required: frozenset[str]) -> npt.NDArray[np.bool_]:
        """For each concept in `ids`, whether its name puts it in another class than the row's in
        one of `row_classes`' dimensions, or in none where the dimension is `required`."""
        out = np.zeros(len(ids), dtype=bool)
        for dimension, cls in row_classes.items():
            column = self.concepts.codes.get(dimension)
            code = self.concepts.vocab.get(dimension, {}).get(cls, _UNKNOWN)
            if column is None:
                if dimension in required:
                    out[:] = True
                continue
            values = column[ids]
            out |= (values != code) if dimension in required else ((values != _NONE) & (values != code))
        return out

    def agreement(self, ids: Ints, row_classes: dict[str, str], learned: bool) -> tuple[Floats, Floats]:
        """For each concept in `ids`, the number of dimensions whose classes (from its name and
        balance, and when `learned` from the headings filers printed it under) agree with the
        row's, and the number that conflict."""
        agree = np.zeros(len(ids))
        conflict = np.zeros(len(ids))
        for dimension, cls in row_classes.items():
            code = self.concepts.vocab.get(dimension, {}).get(cls, _UNKNOWN)
            columns = [self.concepts.codes.get(dimension), self.seen.get(dimension) if learned else None]
            has = np.zeros(len(ids), dtype=bool)
            match = np.zeros(len(ids), dtype=bool)
            for column in columns:
                if column is not None:
                    values = column[ids]
                    has |= values != _NONE
                    match |= values == code
            agree += has & match
            conflict += has & ~match
        return agree, conflict
