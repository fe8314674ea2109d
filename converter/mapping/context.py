"""What the mapper knows about a row besides its label, and the cue words it reads.

`ItemContext` is the engine's input. `Cues` holds `taxonomy/mapping/context.yaml`:
section classes (current / noncurrent / equity / cash-flow activity …), the
concept-name words of those classes, and the words that tell a row's value kind.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from converter.errors import TaxonomyError
from converter.mapping.normalize import Normalizer
from converter.model import Balance, PeriodType, StatementKind, ValueKind
from converter.resources import TAXONOMY_DIR

CONTEXT_FILE = TAXONOMY_DIR / "mapping" / "context.yaml"

Cue = frozenset[str]


@dataclass(frozen=True)
class ItemContext:
    """One statement row as the mapper sees it."""

    label: str
    statement: StatementKind
    section: str
    period_type: PeriodType
    kind: ValueKind
    is_total: bool = False
    shown_negative: bool = False
    depth: int = 0

    @property
    def effective_label(self) -> str:
        """The label, or "Total <section>" for an unlabeled total row."""
        label = self.label.replace("\u200b", "").strip()
        if label:
            return label
        if self.is_total and self.section.strip():
            return f"Total {self.section.strip().rstrip(':').lower()}"
        return label


@dataclass(frozen=True)
class Cues:
    section_classes: tuple[tuple[str, tuple[Cue, ...]], ...]
    label_classes: tuple[tuple[str, tuple[Cue, ...]], ...]
    concept_classes: tuple[tuple[str, tuple[str, ...]], ...]
    conflicts: frozenset[frozenset[str]]
    kind_cues: tuple[tuple[ValueKind, tuple[Cue, ...]], ...]
    kind_from_section: tuple[Cue, ...]
    contra_sections: frozenset[str]
    balance_cues: tuple[tuple[Balance, tuple[Cue, ...]], ...]
    item_types: tuple[tuple[str, ValueKind], ...]  # item type local name -> value kind

    def section_class(self, words: frozenset[str]) -> str | None:
        return self._first(self.section_classes, words)

    def label_class(self, words: frozenset[str]) -> str | None:
        return self._first(self.label_classes, words)

    @staticmethod
    def _first(classes: tuple[tuple[str, tuple[Cue, ...]], ...], words: frozenset[str]) -> str | None:
        for name, cues in classes:
            if any(cue <= words for cue in cues):
                return name
        return None

    def concept_class(self, name: str) -> frozenset[str]:
        found: set[str] = set()
        for cls, fragments in self.concept_classes:
            if any(fragment in name for fragment in fragments):
                found.add(cls)
        if "noncurrent" in found:
            found.discard("current")
        return frozenset(found)

    def conflict(self, a: str, b: str) -> bool:
        return frozenset((a, b)) in self.conflicts

    def kind_of(self, label: str, section: str, normalizer: Normalizer) -> ValueKind:
        """Guess a row's value kind from its label (and, for "Basic"/"Diluted", its section)."""
        words = frozenset(normalizer.words(label))
        if frozenset(normalizer.words(label)) in self.kind_from_section or not words:
            words = words | frozenset(normalizer.words(section))
        for kind, cues in self.kind_cues:
            if any(cue <= words for cue in cues):
                return kind
        return ValueKind.MONETARY


def _cue_list(raw: object, path: Path, key: str, normalizer: Normalizer) -> tuple[Cue, ...]:
    if not isinstance(raw, list):
        raise TaxonomyError(f"'{key}' must be a list of word lists", file=path)
    cues = []
    for item in raw:
        words = [w for word in item for w in normalizer.words(str(word))] if isinstance(item, list) else []
        if not words:
            raise TaxonomyError(f"'{key}' has an empty or stop-word-only cue {item!r}", file=path)
        cues.append(frozenset(words))
    return tuple(cues)


@lru_cache(maxsize=4)
def load_cues(normalizer: Normalizer, path: Path = CONTEXT_FILE) -> Cues:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise TaxonomyError(f"cannot read mapping cues: {exc.strerror}", file=path) from exc
    if not isinstance(data, dict):
        raise TaxonomyError("mapping cues must be a YAML mapping", file=path)
    return Cues(
        section_classes=tuple((name, _cue_list(cues, path, f"section_classes.{name}", normalizer))
                              for name, cues in data["section_classes"].items()),
        label_classes=tuple((name, _cue_list(cues, path, f"label_classes.{name}", normalizer))
                            for name, cues in data["label_classes"].items()),
        concept_classes=tuple((name, tuple(fragments))
                              for name, fragments in data["concept_classes"].items()),
        conflicts=frozenset(frozenset(pair) for pair in data["conflicts"]),
        kind_cues=tuple((ValueKind(kind), _cue_list(cues, path, f"kind_cues.{kind}", normalizer))
                        for kind, cues in data["kind_cues"].items()),
        kind_from_section=_cue_list(data["kind_from_section"], path, "kind_from_section", normalizer),
        contra_sections=frozenset(data["contra_sections"]),
        balance_cues=tuple((Balance(balance), _cue_list(cues, path, "balance_cues", normalizer))
                           for balance, cues in data["balance_cues"]),
        item_types=tuple((item_type, ValueKind(kind))
                         for kind, types in data["item_types"].items() for item_type in types),
    )
