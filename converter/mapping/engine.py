"""The mapper: a statement row -> a us-gaap 2024 concept, or an extension concept.

    mapper = Mapper(load_catalog(), overrides=load_overrides(path).for_company(cik))
    mapping = mapper.map_item(ItemContext(...))
    mappings = mapper.map_statement(statement)   # aligned with statement.items

Ranking (see `scoring.py`) combines label similarity with the concept names,
with labels filers used (learned table `taxonomy/mapping/label-stats.json`)
and context (statement, section, sign). Below the model's extension threshold
the row gets an extension concept named after its label.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from converter.mapping.context import ItemContext, effective_sections, load_cues, netted_labels
from converter.mapping.arrays import name_arrays
from converter.mapping.evidence import EXTENSION, Evidence, load_curated, load_evidence
from converter.mapping.filers import FilerVocabulary, VocabularyRecord, load_vocabulary
from converter.mapping.extension import ExtensionFactory
from converter.mapping.index import LabelIndex, NameIndex, name_index
from converter.mapping.normalize import load_normalizer
from converter.mapping.overrides import Overrides
from converter.mapping.params import ScoringModel, load_model
from converter.mapping.scoring import Candidate, Ranking, Scorer
from converter.model import Alternative, Mapping, PeriodType, Statement

if TYPE_CHECKING:
    from converter.taxonomy.catalog import Catalog, CatalogConcept

_ALTERNATIVES = 4


class Mapper:
    def __init__(self, catalog: Catalog, overrides: Overrides | None = None,
                 extension_prefix: str = "ext", *, evidence: Evidence | None = None,
                 model: ScoringModel | None = None, names: NameIndex | None = None,
                 vocabulary: Iterable[VocabularyRecord] | None = None) -> None:
        """`evidence`, `model`, `names` and `vocabulary` default to the shipped data; the benchmark
        passes its own."""
        self.catalog = catalog
        self.overrides = overrides
        self.normalizer = load_normalizer()
        self.cues = load_cues(self.normalizer)
        self.names = names or name_index(catalog, self.normalizer, self.cues)
        self.model = model or load_model()
        learned = evidence if evidence is not None else load_evidence(self.normalizer)
        labels = LabelIndex(self.names, learned.plus(load_curated(self.normalizer)))
        records = vocabulary if vocabulary is not None else load_vocabulary(self.normalizer)
        self.scorer = Scorer(labels, self.model, FilerVocabulary(records, name_arrays(self.names)))
        self.standard_names = frozenset(c.name for c in catalog)  # no extension repeats one (EFM 6.7.16)
        self.extensions = ExtensionFactory(extension_prefix, self.normalizer, self.cues, self.standard_names)

    def for_document(self, extension_prefix: str, overrides: Overrides | None = None) -> Mapper:
        """A mapper for one document: this one's read-only indexes and scorer, the document's
        overrides, and a fresh extension factory (extension names are unique per document)."""
        mapper = copy.copy(self)
        mapper.overrides = overrides
        mapper.extensions = ExtensionFactory(extension_prefix, self.normalizer, self.cues, self.standard_names)
        return mapper

    def map_item(self, ctx: ItemContext) -> Mapping:
        return self.choose(ctx, self.scorer.rank(ctx))

    def map_statement(self, statement: Statement) -> tuple[Mapping, ...]:
        """One mapping per item (see `assign`). A balance row of a duration statement (cash at
        the beginning or end of the period) is mapped among instant concepts."""
        sections = effective_sections([(i.label, i.section, i.is_total) for i in statement.items],
                                      self.cues, self.normalizer)
        labels = netted_labels([(i.label, i.is_total) for i in statement.items], self.cues)
        contexts = [ItemContext(label=label, statement=statement.kind, section=section,
                                period_type=PeriodType.INSTANT if item.balance_at else statement.kind.period_type,
                                kind=item.kind,
                                is_total=item.is_total,
                                shown_negative=any(v is not None and v < 0 for v in item.values),
                                depth=item.depth)
                    for item, section, label in zip(statement.items, sections, labels)]
        return self.assign(contexts, [self.scorer.rank(ctx) for ctx in contexts])

    def assign(self, contexts: list[ItemContext], rankings: list[Ranking]) -> tuple[Mapping, ...]:
        """Mappings of one statement's ranked rows: the surest rows choose first and a us-gaap
        concept is used once, except an instant concept in a duration statement (the cash
        at the beginning and at the end of a cash-flow statement)."""
        def best(i: int) -> float:
            return rankings[i].candidates[0].probability if rankings[i].candidates else 0.0

        order = sorted(range(len(contexts)), key=lambda i: -best(i))
        used: set[str] = set()
        result: dict[int, Mapping] = {}
        for i in order:
            mapping = self.choose(contexts[i], rankings[i], frozenset(used))
            if not mapping.is_extension and mapping.concept.period_type is contexts[i].statement.period_type:
                used.add(mapping.concept.name)
            result[i] = mapping
        return self._in_printed_order(tuple(result[i] for i in range(len(contexts))), contexts, rankings)

    def _in_printed_order(self, mappings: tuple[Mapping, ...], contexts: list[ItemContext],
                          rankings: list[Ranking]) -> tuple[Mapping, ...]:
        """The mappings with each `printed_order` pair in the order the statement prints it: of
        two or more totals ranked best for a concept of the pair, the first printed gets the pair's
        first concept and the last its second; two rows given the pair the other way round swap."""
        out = list(mappings)
        for pair in self.cues.printed_order:
            at = {m.concept.name: i for i, m in enumerate(out) if not m.is_extension}
            contenders = [i for i, r in enumerate(rankings)
                          if contexts[i].is_total and r.candidates and r.candidates[0].name in pair]
            if len(contenders) >= 2 and not all(name in at for name in pair):
                targets = (contenders[0], contenders[-1])
            elif all(name in at for name in pair) and at[pair[0]] > at[pair[1]]:
                targets = (at[pair[1]], at[pair[0]])
            else:
                continue
            for row, name in zip(targets, pair):
                if out[row].concept.name != name:
                    out[row] = replace(out[row], concept=self.names.concepts[name].to_def(), is_extension=False,
                                       reason=f"{out[row].reason}; {pair[0]} is printed before {pair[1]}")
        return tuple(out)

    def choose(self, ctx: ItemContext, ranking: Ranking, used: frozenset[str] = frozenset()) -> Mapping:
        """The mapping for a ranked row: override, best live candidate not in `used`, or extension;
        it keeps the label the row was ranked (and an override matched) by."""
        return replace(self._choose(ctx, ranking, used), label=ranking.label)

    def _choose(self, ctx: ItemContext, ranking: Ranking, used: frozenset[str]) -> Mapping:
        override = self.overrides.match(ranking.label, self.normalizer) if self.overrides else None
        if override is not None and override.concept not in used:
            concept = self.catalog.get(override.concept)
            if concept is not None:
                return Mapping(concept.to_def(), 1.0,
                               self._alternatives(ranking.candidates, override.concept),
                               f"override {override.key!r} in {self.overrides.source}")
        live, retired = self._live(ctx, ranking.candidates)
        if ranking.candidates and ranking.candidates[0].name == EXTENSION:
            concept = self.extensions.make(ctx, ranking.label or "Item",
                                           self.names.concepts[live[0].name].balance if live else None)
            return Mapping(concept, round(ranking.candidates[0].confidence, 4),
                           self._alternatives(self.scorer.without(live, used), None),
                           "filers used their own extension concepts for labels like this one",
                           is_extension=True)
        free = self.scorer.without(live, used)
        taken = [c.name for c in live[:1] if c.name in used]
        note = f"; us-gaap:{taken[0]} already used in this statement" if taken else ""
        threshold = self.model.extension_threshold
        if retired is not None:
            concept = self.extensions.make(ctx, ranking.label or "Item", retired.balance)
            why = (f"closest us-gaap concept {retired.name} is deprecated ({retired.deprecated}) "
                   f"without a live replacement of this kind{note}")
            return Mapping(concept, round(ranking.candidates[0].confidence, 4),
                           self._alternatives(free, None), why, is_extension=True)
        if free and free[0].probability >= threshold:
            best = free[0]
            concept = self.names.concepts[best.name]
            return Mapping(concept.to_def(), round(best.confidence, 4),
                           self._alternatives(free[1:], best.name),
                           f"label {ranking.label!r} scored {best.score:.2f}{note}")
        fallback = self.names.concepts[free[0].name].balance if free else None
        concept = self.extensions.make(ctx, ranking.label or "Item", fallback)
        if free:
            why = (f"best us-gaap candidate {free[0].name} has a share of "
                   f"{free[0].probability:.3f} < {threshold:g}{note}")
            confidence = 1.0 - free[0].confidence
        else:
            why = f"no us-gaap {ctx.kind} {ctx.period_type} concept matches the label{note}"
            confidence = 1.0
        return Mapping(concept, round(confidence, 4), self._alternatives(free, None), why, is_extension=True)

    def _live(self, ctx: ItemContext, candidates: tuple[Candidate, ...]
              ) -> tuple[list[Candidate], CatalogConcept | None]:
        """Candidates with deprecated ones swapped for their replacement (or dropped), and the
        deprecated concept that ranked first when no replacement of the row's kind exists."""
        allowed = self.names.allowed.get((ctx.kind, ctx.period_type), set())
        live: list[Candidate] = []
        for candidate in candidates:
            if candidate.name == EXTENSION:
                continue
            concept = self.names.concepts[candidate.name]
            if candidate.name in self.names.retired:
                replacement = concept.replacement
                if not replacement or replacement not in allowed or replacement in self.names.retired:
                    if not live and candidate is candidates[0]:
                        return [c for c in candidates
                                if c.name not in self.names.retired and c.name != EXTENSION], concept
                    continue
                candidate = replace(candidate, name=replacement)
            if all(c.name != candidate.name for c in live):
                live.append(candidate)
        return live, None

    @staticmethod
    def _alternatives(candidates: tuple[Candidate, ...] | list[Candidate],
                      chosen: str | None) -> tuple[Alternative, ...]:
        return tuple(Alternative(f"us-gaap:{c.name}", round(c.confidence, 4))
                     for c in candidates if c.name != chosen)[:_ALTERNATIVES]
