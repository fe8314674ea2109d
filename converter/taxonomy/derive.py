"""Derive each concept's attributes from the evidence, strongest first, recording the evidence.

periodType: contexts of real filings (newest us-gaap release wins) > meta-model arcs
(instant-inflow/outflow/accrual: instant -> duration) > calculation arcs (summation binds
facts of one context, so parent and child share the period type) > FASB statement
networks (balance sheet: instant; income, comprehensive income: duration) > name rules.

balance (monetary items only): MetaLinks (SEC renderer's copy of the taxonomy) > accounting
anchors, spread along calculation arcs (XBRL 2.1 5.2.5.2: weight +1 joins equal balances,
-1 opposite ones) > contra arcs (opposite) > name rules voted per calculation component.
"""

from __future__ import annotations

from collections import Counter, defaultdict, deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from converter.taxonomy.corpus import CorpusEvidence
from converter.taxonomy.learn import NaiveBayes, features
from converter.taxonomy.rules import BuildRules
from converter.taxonomy.sources import TaxonomySources

STRUCTURAL_SUFFIXES = ("Abstract", "Axis", "Table", "LineItems", "Domain", "Member")
BALANCE_SHEET_ROLE = "StatementOfFinancialPosition"
DURATION_ROLES = ("StatementOfIncome", "StatementOfComprehensiveIncome")
OPPOSITE = {"debit": "credit", "credit": "debit"}
RULE_WEIGHT = 5.0  # log-odds a balance name rule is worth in a calculation-group vote


@dataclass(frozen=True)
class Attribute:
    value: str | None
    evidence: str


@dataclass(frozen=True)
class Structure:
    type: str                 # qualified type name, e.g. "xbrli:monetaryItemType"
    substitution_group: str   # "xbrli:item", "xbrldt:dimensionItem", "xbrldt:hypercubeItem", ""
    abstract: bool
    evidence: str


def structure_of(name: str, listed_type: str, us_types: set[str], rules: BuildRules) -> Structure:
    if name.endswith(".domain"):
        return Structure(rules.typed_domain_types[listed_type], "", False, "name-rule:typed-domain")
    if listed_type in us_types:
        qtype = f"us-types:{listed_type}"
    else:
        qtype = f"{rules.type_prefixes.get(listed_type, 'xbrli')}:{listed_type}"
    if name.endswith("Axis"):
        return Structure(qtype, "xbrldt:dimensionItem", True, "name-rule:Axis")
    if name.endswith("Table"):
        return Structure(qtype, "xbrldt:hypercubeItem", True, "name-rule:Table")
    if name.endswith(("Abstract", "LineItems")):
        return Structure(qtype, "xbrli:item", True, "name-rule:Abstract/LineItems")
    if listed_type == "domainItemType":
        return Structure(qtype, "xbrli:item", True, "type-rule:domainItemType")
    return Structure(qtype, "xbrli:item", False, "concept-list")


def _calc_neighbours(sources: TaxonomySources) -> dict[str, list[tuple[str, int]]]:
    graph: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for arc in sources.calc_arcs:
        parent, child = arc.parent.partition(":")[2], arc.child.partition(":")[2]
        graph[parent].append((child, arc.weight or 1))
        graph[child].append((parent, arc.weight or 1))
    return graph


def _spread(decided: dict[str, Attribute], graph: Mapping[str, list[tuple[str, int]]],
            signed: bool, allowed: set[str]) -> None:
    """Breadth-first spread of decided values along calculation arcs to undecided concepts."""
    queue = deque(sorted(decided))
    while queue:
        name = queue.popleft()
        value = decided[name].value
        for other, weight in graph.get(name, ()):
            if other in decided or other not in allowed or value is None:
                continue
            new = OPPOSITE[value] if signed and weight < 0 else value
            decided[other] = Attribute(new, f"cal-weight:{name}" if signed else f"cal:{name}")
            queue.append(other)


def context_period_types(corpus: CorpusEvidence) -> dict[str, Attribute]:
    """Per concept: the majority period type among facts of the newest us-gaap release seen."""
    newest: dict[str, int] = {}
    for use in corpus.period_uses:
        newest[use.concept] = max(use.year, newest.get(use.concept, 0))
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    first_source: dict[tuple[str, str], str] = {}
    for use in corpus.period_uses:
        if use.year == newest[use.concept]:
            votes[use.concept][use.period_type] += 1
            first_source.setdefault((use.concept, use.period_type), use.source)
    result = {}
    for name, counter in votes.items():
        value = counter.most_common(1)[0][0]
        result[name] = Attribute(value, f"{first_source[name, value]}+{counter[value]}")
    return result


def derive_period_types(sources: TaxonomySources, structures: Mapping[str, Structure],
                        rules: BuildRules, contexts: Mapping[str, Attribute]
                        ) -> dict[str, Attribute]:
    names = set(sources.concepts)
    decided: dict[str, Attribute] = {}
    for name, struct in structures.items():
        if struct.abstract or struct.substitution_group == "" or struct.type.endswith(
                ("textBlockItemType",)):
            decided[name] = Attribute("duration", f"{struct.evidence}:abstract-or-text")
    for name, attr in contexts.items():
        if name in names and name not in decided:
            decided[name] = attr
    for arc in sorted(sources.meta_arcs, key=lambda a: (a.arcrole, a.parent, a.child)):
        kind = arc.arcrole.rsplit("/", 1)[-1]
        parent, child = arc.parent.partition(":")[2], arc.child.partition(":")[2]
        decided.setdefault(parent, Attribute("instant", f"meta:{kind}"))
        child_value = "instant" if kind == "instant-contra" else "duration"
        decided.setdefault(child, Attribute(child_value, f"meta:{kind}"))
    graph = _calc_neighbours(sources)
    _spread(decided, graph, signed=False, allowed=names)
    for arc in sorted(sources.stm_presentation, key=lambda a: (a.role, a.parent, a.child)):
        role = arc.role.rsplit("/", 1)[-1]
        value = ("instant" if role.startswith(BALANCE_SHEET_ROLE)
                 else "duration" if role.startswith(DURATION_ROLES) else None)
        child = arc.child.partition(":")[2]
        if value is not None and child not in decided:
            decided[child] = Attribute(value, f"stm-network:{role}")
    _spread(decided, graph, signed=False, allowed=names)
    learned = {name for name in decided if not structures[name].abstract}
    for name in sorted(names - decided.keys()):
        rule = rules.first(rules.period_rules, name)
        if rule is not None:
            decided[name] = Attribute(rule.value, rule.evidence)
    _learn(decided, learned, names - decided.keys(), structures)
    return decided


def derive_balances(sources: TaxonomySources, structures: Mapping[str, Structure],
                    rules: BuildRules, corpus: CorpusEvidence) -> dict[str, Attribute]:
    monetary = {name for name, s in structures.items() if s.type == "xbrli:monetaryItemType"}
    decided: dict[str, Attribute] = {}
    for name in sorted(monetary):
        if name in corpus.metalinks_type and name not in corpus.metalinks_balance:
            decided[name] = Attribute(None, "metalinks:no-balance")
        else:
            pattern = next((p for p in rules.balance_none if p.search(name)), None)
            if pattern is not None:
                decided[name] = Attribute(None, f"name-rule:balance_none:{pattern.pattern}")
    for name, balance in sorted(corpus.metalinks_balance.items()):
        if name in monetary:
            decided[name] = Attribute(balance, "metalinks")
    for name, balance in sorted(rules.balance_anchors.items()):
        if name in monetary and name not in decided:
            decided[name] = Attribute(balance, "anchor:rules.yaml")
    graph = _calc_neighbours(sources)
    _spread(decided, graph, signed=True, allowed=monetary)
    for arc in sorted(sources.meta_arcs, key=lambda a: (a.parent, a.child)):
        if not arc.arcrole.endswith("instant-contra"):
            continue
        parent, child = arc.parent.partition(":")[2], arc.child.partition(":")[2]
        for known, other in ((parent, child), (child, parent)):
            if known in decided and other in monetary and other not in decided:
                value = decided[known].value
                if value is not None:
                    decided[other] = Attribute(OPPOSITE[value], f"meta:instant-contra:{known}")
    _spread(decided, graph, signed=True, allowed=monetary)
    learned = {name for name, attr in decided.items() if attr.value is not None}
    undecided = monetary - decided.keys()
    model = NaiveBayes((features(n, structures[n].type), str(decided[n].value))
                       for n in sorted(learned))
    for component in _components(sorted(undecided), graph, undecided):
        _vote(component, model, structures, rules, decided)
    return decided


def _components(names: Iterable[str], graph: Mapping[str, list[tuple[str, int]]],
                allowed: set[str]) -> list[dict[str, int]]:
    """Calculation-connected groups of undecided concepts, each with its sign relative to the
    group's first member."""
    seen: set[str] = set()
    groups = []
    for start in names:
        if start in seen:
            continue
        group = {start: 1}
        seen.add(start)
        queue = deque([start])
        while queue:
            name = queue.popleft()
            for other, weight in graph.get(name, ()):
                if other in allowed and other not in seen:
                    seen.add(other)
                    group[other] = group[name] * weight
                    queue.append(other)
        groups.append(group)
    return groups


def _learn(decided: dict[str, Attribute], learned: set[str], todo: set[str],
           structures: Mapping[str, Structure]) -> None:
    """Decide `todo` with a word model trained on the `learned` decisions."""
    model = NaiveBayes((features(n, structures[n].type), str(decided[n].value))
                       for n in sorted(learned))
    for name in sorted(todo):
        value, margin = model.predict(features(name, structures[name].type))
        decided[name] = Attribute(value, f"word-model:{margin:.1f}")


def _vote(group: dict[str, int], model: NaiveBayes, structures: Mapping[str, Structure],
          rules: BuildRules, decided: dict[str, Attribute]) -> None:
    """One balance for a calculation-connected group of undecided concepts, so that its
    arcs stay consistent: each member votes with a name rule (worth RULE_WEIGHT log-odds)
    or the word model's log-odds, signed by its weight path; the sum decides."""
    score = 0.0
    reasons = []
    for name, sign in sorted(group.items()):
        rule = rules.first(rules.balance_rules, name)
        if rule is not None:
            score += sign * RULE_WEIGHT * (1 if rule.value == "debit" else -1)
            reasons.append(rule.evidence)
        else:
            scores = model.scores(features(name, structures[name].type))
            score += sign * (scores["debit"] - scores["credit"])
    base = "debit" if score > 0 else "credit"
    if len(group) == 1:
        evidence = reasons[0] if reasons else f"word-model:{abs(score):.1f}"
    else:
        evidence = f"cal-group-vote:{sorted(group)[0]}:{len(group)}:{abs(score):.1f}"
    for name, sign in group.items():
        decided[name] = Attribute(base if sign > 0 else OPPOSITE[base], evidence)
