"""A small naive-Bayes model over the words of concept names.

Trained at build time on the concepts whose attribute strong evidence decided (filings,
meta-model arcs, calculation arcs, statement networks), it guesses the attribute of the
others: the FASB names concepts consistently ("...PaymentsToAcquire...", "...Rate",
"...NextTwelveMonths"), so the words carry the period type and the balance.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable

_WORDS = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+")


def features(name: str, type_name: str) -> list[str]:
    """The last one, two and three words (suffixes carry the meaning), the item type alone
    and with the last word, and every pair of adjacent words."""
    words = _WORDS.findall(name) or [name]
    return [f"last:{words[-1]}", f"last2:{''.join(words[-2:])}", f"last3:{''.join(words[-3:])}",
            f"type:{type_name}", f"type-last:{type_name}:{words[-1]}",
            *(f"pair:{a}{b}" for a, b in zip(words, words[1:]))]


class NaiveBayes:
    """Multinomial naive Bayes over the given classes, add-one smoothing (priors too)."""

    def __init__(self, examples: Iterable[tuple[list[str], str]], classes: Iterable[str]) -> None:
        self.counts: dict[str, Counter[str]] = {label: Counter() for label in classes}
        self.priors: Counter[str] = Counter({label: 1 for label in self.counts})
        for feats, label in examples:
            self.priors[label] += 1
            self.counts[label].update(feats)
        self.totals = {label: sum(c.values()) for label, c in self.counts.items()}
        self.vocabulary = max(1, len({f for c in self.counts.values() for f in c}))

    def scores(self, feats: list[str]) -> dict[str, float]:
        """Log-probability (up to a constant) of each class."""
        total = sum(self.priors.values())
        result = {}
        for label in sorted(self.counts):
            counts, denominator = self.counts[label], self.totals[label] + self.vocabulary
            result[label] = math.log(self.priors[label] / total) + sum(
                math.log((counts[f] + 1) / denominator) for f in feats)
        return result

    def predict(self, feats: list[str]) -> tuple[str, float]:
        """(best class, its margin in log-odds over the runner-up)."""
        ranked = sorted(self.scores(feats).items(), key=lambda item: (-item[1], item[0]))
        margin = ranked[0][1] - ranked[1][1] if len(ranked) > 1 else math.inf
        return ranked[0][0], margin
