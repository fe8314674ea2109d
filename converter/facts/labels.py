"""Standard labels of extension concepts, one concept to a label (EFM 6.10.4).

Two extension concepts of a filing may come from rows printed alike: the receivable a
balance sheet shows and its change in the cash-flow statement, the basic and diluted
lines of a per-share section. The first keeps the printed label; a later one is told
apart by what differs: its period ("… , during the period"), the words its name adds
("… , diluted"), or, failing both, a number.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable

from converter.model import ConceptDef, PeriodType

_WORD = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+")
PERIOD_WORDS = {PeriodType.DURATION: "during the period", PeriodType.INSTANT: "at the period end"}


def _qualifier(concept: ConceptDef, other: ConceptDef) -> str | None:
    if concept.period_type is not other.period_type:
        return PERIOD_WORDS[concept.period_type]
    shared = os.path.commonprefix([concept.name, other.name])
    words = _WORD.findall(concept.name[len(shared):]) if shared else []
    return " ".join(w.lower() for w in words) if words else None


def unique_labels(concepts: Iterable[ConceptDef], taken: Iterable[str] = ()) -> dict[str, str]:
    """qname -> a standard label no other concept has (compared without case), in order."""
    owners: dict[str, ConceptDef | None] = {label.casefold(): None for label in taken}
    labels: dict[str, str] = {}
    for concept in concepts:
        label = concept.label
        other = owners.get(label.casefold())
        if label.casefold() in owners:
            qualifier = _qualifier(concept, other) if other is not None else None
            if qualifier:
                label = f"{label}, {qualifier}"
            number = 2
            base = label
            while label.casefold() in owners:
                label = f"{base} ({number})"
                number += 1
        owners[label.casefold()] = concept
        labels[concept.qname] = label
    return labels
