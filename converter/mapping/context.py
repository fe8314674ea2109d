"""What the mapper knows about a row besides its label, and the cue words it reads.

`ItemContext` is the engine's input. `Cues` holds `taxonomy/mapping/context.yaml`:
classes of section headings by dimension (position: current / noncurrent; side:
debit / credit; cash-flow activity; equity part), the concept-name fragments of
those classes, the words that tell a row's value kind, and the balance cues of
extension concepts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from converter.datafiles import read_data
from converter.errors import TaxonomyError
from converter.mapping.normalize import Normalizer
from converter.model import Balance, PeriodType, StatementKind, ValueKind
from converter.resources import TAXONOMY_DIR

if TYPE_CHECKING:
    from converter.taxonomy.catalog import CatalogConcept

CONTEXT_FILE = TAXONOMY_DIR / "mapping" / "context.yaml"

Cue = frozenset[str]
_CENTS = re.compile(r"-?\d{1,3}\.\d{2,4}")  # "2.31", a par value "0.0001"


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


Classes = tuple[tuple[str, tuple[tuple[str, tuple[Cue, ...]], ...]], ...]  # dim -> class -> cues


@dataclass(frozen=True)
class Cues:
    section_classes: Classes
    label_classes: Classes
    concept_classes: tuple[tuple[str, tuple[tuple[str, tuple[str, ...]], ...]], ...]
    kind_cues: tuple[tuple[ValueKind, tuple[Cue, ...]], ...]
    kind_from_section: tuple[Cue, ...]
    contra_class: tuple[str, str]  # (dimension, class)
    closed_sections: tuple[tuple[str, str], ...]
    balance_cues: tuple[tuple[Balance, tuple[Cue, ...]], ...]
    item_types: tuple[tuple[str, ValueKind], ...]  # item type local name -> value kind
    section_qualifiers: tuple[tuple[Cue, str], ...]  # heading cue -> word its rows' labels imply
    signed_statements: frozenset[StatementKind]  # statements that print amounts with the concept's sign
    flow_balances: tuple[tuple[StatementKind, Balance], ...]  # extension balance of flow rows per statement
    hard_dimensions: frozenset[str]  # dimensions whose conflicts rule a concept out
    side_exceptions: tuple[Cue, ...]  # label words of contra items: their side is no constraint
    required_dimensions: frozenset[str]  # ... and where a concept must have a class at all
    deductions: tuple[re.Pattern[str], ...]  # a row label that deducts from the row(s) above
    gross_words: tuple[re.Pattern[str], ...]  # words of a gross amount's label ("at cost")
    printed_order: tuple[tuple[str, str], ...]  # us-gaap names a statement prints in this order

    def section_class(self, words: frozenset[str]) -> dict[str, str]:
        """dimension -> class of a section heading's words."""
        return _classify(self.section_classes, words)

    def label_class(self, words: frozenset[str]) -> dict[str, str]:
        """dimension -> class a row's own label states."""
        return _classify(self.label_classes, words)

    def concept_class(self, concept: CatalogConcept) -> dict[str, frozenset[str]]:
        """dimension -> classes of a concept, from its name (and, for instants, its balance)."""
        found: dict[str, frozenset[str]] = {}
        for dimension, classes in self.concept_classes:
            for cls, fragments in classes:  # the first class found wins, as for headings
                if any(fragment in concept.name for fragment in fragments):
                    found[dimension] = frozenset((cls,))
                    break
        if concept.period_type is PeriodType.INSTANT and concept.balance is not None:
            found["side"] = frozenset((str(concept.balance),))
        return found

    def qualified(self, label: str, section: str, normalizer: Normalizer) -> str:
        """The label with the word its heading implies ("Income taxes" under "Cash paid
        during the year for:" reads "Income taxes paid")."""
        words = frozenset(normalizer.words(section))
        own = frozenset(normalizer.words(label))
        extra = [word for cue, word in self.section_qualifiers
                 if cue <= words and not frozenset(normalizer.words(word)) <= own]
        return " ".join([label, *extra]) if extra and label.strip() else label

    def is_contra(self, section_classes: dict[str, str]) -> bool:
        dimension, cls = self.contra_class
        return section_classes.get(dimension) == cls

    def kind_of(self, label: str, section: str, normalizer: Normalizer, value: str = "") -> ValueKind:
        """Guess a row's value kind from its label (for "Basic"/"Diluted" also its section) and,
        when the words say nothing, from a printed value with cents ("2.31", "0.0001" are per share)."""
        words = frozenset(normalizer.words(label))
        if words in self.kind_from_section or not words:
            words = words | frozenset(normalizer.words(section))
        for kind, cues in self.kind_cues:
            if any(cue <= words for cue in cues):
                return kind
        if _CENTS.fullmatch(value.strip().strip("()$ ")):
            return ValueKind.PER_SHARE
        return ValueKind.MONETARY


def netted_labels(rows: Sequence[tuple[str, bool]], cues: Cues) -> list[str]:
    """Labels of (label, is_total) rows in statement order as the mapper reads them: an
    unlabeled total printed right below a deduction ("Less accumulated depreciation") is the
    first row of its group net of it ("Property, plant and equipment, at cost" ->
    "Property, plant and equipment, net")."""
    out: list[str] = []
    start = 0  # first row of the current group (after the last total)
    for index, (label, is_total) in enumerate(rows):
        text = label
        if (is_total and not label.strip() and index - start >= 2
                and any(pattern.search(rows[index - 1][0]) for pattern in cues.deductions)):
            gross = rows[start][0]
            for pattern in cues.gross_words:
                gross = pattern.sub("", gross)
            text = f"{gross.strip(' ,:')}, net"
        out.append(text)
        if is_total:
            start = index + 1
    return out


def effective_sections(rows: Sequence[tuple[str, str, bool]], cues: Cues,
                       normalizer: Normalizer) -> list[str]:
    """Sections of (label, section, is_total) rows in statement order, with closed sections
    renamed: after "Total current liabilities" the heading "Current liabilities" no longer
    holds, and the rows after it under a heading of the same side that states no position
    ("Liabilities") are the other position's ("Noncurrent Liabilities"); a total there
    still sums the whole heading."""
    closed: dict[str, str] = {}
    after: dict[str, str] = {}  # side class -> prefix, once that side's current part is totalled
    prefixes = dict(cues.closed_sections)
    out: list[str] = []
    for label, section, is_total in rows:
        classes = cues.section_class(frozenset(normalizer.words(section)))
        if section in closed:
            out.append(closed[section])
        elif not is_total and "position" not in classes and classes.get("side") in after:
            out.append(f"{after[classes['side']]} {section}")
        else:
            out.append(section)
        if not is_total or section in closed:
            continue
        own_classes = cues.section_class(frozenset(normalizer.words(label)))
        own = own_classes.get("position")
        if own in prefixes and "side" in own_classes:
            after[own_classes["side"]] = prefixes[own]
        if own is not None and own == classes.get("position"):
            closed[section] = f"{prefixes[own]} {section}" if own in prefixes else ""
    return out


def _classify(classes: Classes, words: frozenset[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for dimension, options in classes:
        for name, cues in options:
            if any(cue <= words for cue in cues):
                found[dimension] = name
                break
    return found


def _classes(raw: object, path: Path, key: str, normalizer: Normalizer) -> Classes:
    if not isinstance(raw, dict):
        raise TaxonomyError(f"'{key}' must map dimensions to classes to word lists", file=path)
    return tuple((str(dimension),
                  tuple((str(name), _cue_list(cues, path, f"{key}.{dimension}.{name}", normalizer))
                        for name, cues in options.items()))
                 for dimension, options in raw.items())


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
    data = read_data(path, "mapping cues")
    try:
        return _cues(data, path, normalizer)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise TaxonomyError(f"mapping cues are malformed: {exc!r}", file=path,
                            hint="see the comments in context.yaml") from exc


def _cues(data: dict[str, Any], path: Path, normalizer: Normalizer) -> Cues:
    dimension, cls = data["contra_class"]
    return Cues(
        section_classes=_classes(data["section_classes"], path, "section_classes", normalizer),
        label_classes=_classes(data["label_classes"], path, "label_classes", normalizer),
        concept_classes=tuple((str(dim), tuple((str(name), tuple(str(f) for f in fragments))
                                               for name, fragments in options.items()))
                              for dim, options in data["concept_classes"].items()),
        kind_cues=tuple((ValueKind(kind), _cue_list(cues, path, f"kind_cues.{kind}", normalizer))
                        for kind, cues in data["kind_cues"].items()),
        kind_from_section=_cue_list(data["kind_from_section"], path, "kind_from_section", normalizer),
        contra_class=(str(dimension), str(cls)),
        closed_sections=tuple((str(k), str(v)) for k, v in data["closed_sections"].items()),
        balance_cues=tuple((Balance(balance), _cue_list(cues, path, "balance_cues", normalizer))
                           for balance, cues in data["balance_cues"]),
        item_types=tuple((item_type, ValueKind(kind))
                         for kind, types in data["item_types"].items() for item_type in types),
        section_qualifiers=tuple((cue, str(word)) for cues, word in data["section_qualifiers"]
                                 for cue in _cue_list(cues, path, "section_qualifiers", normalizer)),
        signed_statements=frozenset(StatementKind(kind) for kind in data["signed_statements"]),
        flow_balances=tuple((StatementKind(k), Balance(v)) for k, v in data["flow_balances"].items()),
        hard_dimensions=frozenset(str(d) for d in data["hard_dimensions"]),
        side_exceptions=_cue_list(data["side_exceptions"], path, "side_exceptions", normalizer),
        required_dimensions=frozenset(str(d) for d in data["required_dimensions"]),
        deductions=_patterns(data["net_totals"]["deductions"], path, "net_totals.deductions"),
        gross_words=_patterns(data["net_totals"]["gross_words"], path, "net_totals.gross_words"),
        printed_order=tuple((str(first), str(second)) for first, second in data["printed_order"]),
    )


def _patterns(raw: object, path: Path, key: str) -> tuple[re.Pattern[str], ...]:
    if not isinstance(raw, list):
        raise TaxonomyError(f"'{key}' must be a list of regular expressions", file=path)
    try:
        return tuple(re.compile(str(item), re.IGNORECASE) for item in raw)
    except re.error as exc:
        raise TaxonomyError(f"'{key}' has a bad regular expression: {exc}", file=path) from exc
