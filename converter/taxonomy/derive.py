"""Derive each concept's attributes from the evidence, strongest first, recording the evidence.

periodType: abstracts and text blocks are durations; then contexts of real filings (newest
us-gaap release wins) > meta-model arcs (instant-inflow/outflow/accrual: instant ->
duration; contra: instant) > calculation arcs (summation binds facts of one context, so
parent and child share the period type; so do a deprecated concept and its replacement)
> FASB statement networks (balance sheet: instant;
income, comprehensive income: duration) > name rules and a word model trained on all of
the above (learn.py), voted per calculation-connected group.

balance (monetary items only): MetaLinks (SEC renderer's copy of the taxonomy) > accounting
anchors, spread along the FASB's and the filers' calculation arcs (XBRL 2.1 5.1.1.2: weight
+1 joins equal balances, -1 opposite ones), the meta-model's instant-contra arcs (opposite
balances) and deprecated-to-replacement arcs (same balance) > name rules and the word model, voted per connected group so that
every arc stays consistent.
"""

from __future__ import annotations

from collections import Counter, defaultdict, deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from converter.taxonomy.corpus import CorpusEvidence
from converter.taxonomy.learn import NaiveBayes, features
from converter.taxonomy.rules import BuildRules, NameRule
from converter.taxonomy.sources import TaxonomySources
from converter.taxonomy.xlink import Arc

BALANCE_SHEET_ROLE = "StatementOfFinancialPosition"
DURATION_ROLES = ("StatementOfIncome", "StatementOfComprehensiveIncome")
OPPOSITE = {"debit": "credit", "credit": "debit"}
Graph = Mapping[str, list[tuple[str, int, str]]]  # concept -> (neighbour, weight, arc source)
RULE_WEIGHT = 5.0  # log-odds a name rule is worth in a calculation-group vote
PERIODS = ("instant", "duration")
CONTRA_SOURCE = "meta-instant-contra"
BALANCES = ("debit", "credit")


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


def _neighbours(arcs: Iterable[Arc]) -> dict[str, list[tuple[str, int, str]]]:
    graph: dict[str, list[tuple[str, int, str]]] = defaultdict(list)
    for arc in arcs:
        parent, child = arc.parent.partition(":")[2], arc.child.partition(":")[2]
        graph[parent].append((child, arc.weight or 1, arc.source))
        graph[child].append((parent, arc.weight or 1, arc.source))
    return graph


def _replacement_arcs(sources: TaxonomySources) -> list[Arc]:
    """A deprecated concept and the concept the FASB says to use instead report the same kind
    of fact: same period type, same balance (weight +1)."""
    return [Arc("", kind, f"us-gaap:{new}", f"us-gaap:{old}", 1, 0.0, f"depcon-def:{kind}")
            for old, (new, kind) in sorted(sources.replacements.items())]


def _arc_kind(source: str, signed: bool) -> str:
    if source.startswith("depcon-def"):
        return "replacement"
    if source == CONTRA_SOURCE:
        return "contra"
    return "cal-weight" if signed else "cal"


def _spread(decided: dict[str, Attribute], graph: Graph,
            signed: bool, allowed: set[str]) -> None:
    """Breadth-first spread of decided values along calculation arcs to undecided concepts."""
    queue = deque(sorted(decided))
    while queue:
        name = queue.popleft()
        value = decided[name].value
        for other, weight, source in graph.get(name, ()):
            if other in decided or other not in allowed or value is None:
                continue
            new = OPPOSITE[value] if signed and weight < 0 else value
            decided[other] = Attribute(new, f"{_arc_kind(source, signed)}:{name}:{source}")
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
                        rules: BuildRules, contexts: Mapping[str, Attribute],
                        filer_arcs: Iterable[Arc] = ()) -> dict[str, Attribute]:
    names = set(sources.concepts)
    decided: dict[str, Attribute] = {}
    for name, struct in structures.items():
        if struct.abstract or struct.substitution_group == "" or struct.type.endswith(
                ("textBlockItemType",)):
            decided[name] = Attribute("duration", "structure:abstract-or-text-block")
    for name, attr in contexts.items():
        if name in names and name not in decided:
            decided[name] = attr
    for arc in sorted(sources.meta_arcs, key=lambda a: (a.arcrole, a.parent, a.child)):
        kind = arc.arcrole.rsplit("/", 1)[-1]
        parent, child = arc.parent.partition(":")[2], arc.child.partition(":")[2]
        decided.setdefault(parent, Attribute("instant", f"meta:{kind}"))
        child_value = "instant" if kind == "instant-contra" else "duration"
        decided.setdefault(child, Attribute(child_value, f"meta:{kind}"))
    graph = _neighbours([*sources.calc_arcs, *filer_arcs, *_replacement_arcs(sources)])
    _spread(decided, graph, signed=False, allowed=names)
    for arc in sorted(sources.stm_presentation, key=lambda a: (a.role, a.parent, a.child)):
        role = arc.role.rsplit("/", 1)[-1]
        value = ("instant" if role.startswith(BALANCE_SHEET_ROLE)
                 else "duration" if role.startswith(DURATION_ROLES) else None)
        child = arc.child.partition(":")[2]
        if value is not None and child not in decided:
            decided[child] = Attribute(value, f"stm-network:{role}")
    _spread(decided, graph, signed=False, allowed=names)
    learned = sorted(name for name in decided if not structures[name].abstract)
    model = NaiveBayes(((features(n, structures[n].type), str(decided[n].value)) for n in learned),
                       classes=PERIODS)
    undecided = names - decided.keys()
    for group in _components(sorted(undecided), graph, undecided, signed=False):
        _vote(group, model, structures, rules.period_rules, PERIODS, decided)
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
    contra = [replace(arc, weight=-1, source=CONTRA_SOURCE) for arc in sources.meta_arcs
              if arc.arcrole.endswith("instant-contra")]
    graph = _neighbours([*sources.calc_arcs, *corpus.calc_arcs, *contra,
                         *_replacement_arcs(sources)])
    _spread(decided, graph, signed=True, allowed=monetary)
    learned = sorted(name for name, attr in decided.items() if attr.value is not None)
    model = NaiveBayes(((features(n, structures[n].type), str(decided[n].value)) for n in learned),
                       classes=BALANCES)
    undecided = monetary - decided.keys()
    for group in _components(sorted(undecided), graph, undecided, signed=True):
        _vote(group, model, structures, rules.balance_rules, BALANCES, decided)
    return decided


def _components(names: Iterable[str], graph: Graph, allowed: set[str],
                signed: bool) -> list[dict[str, int]]:
    """Calculation-connected groups of undecided concepts, each with its sign relative to the
    group's first member (always +1 when not `signed`)."""
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
            for other, weight, _ in graph.get(name, ()):
                if other in allowed and other not in seen:
                    seen.add(other)
                    group[other] = group[name] * weight if signed else 1
                    queue.append(other)
        groups.append(group)
    return groups


def _vote(group: dict[str, int], model: NaiveBayes, structures: Mapping[str, Structure],
          name_rules: tuple[NameRule, ...], classes: tuple[str, str],
          decided: dict[str, Attribute]) -> None:
    """One decision for a calculation-connected group of undecided concepts, so that its arcs
    stay consistent: each member votes with a name rule (worth RULE_WEIGHT log-odds) or the
    word model's log-odds, signed by its weight path; the sum decides between the classes."""
    first, second = classes
    score = 0.0
    reasons = []
    for name, sign in sorted(group.items()):
        rule = BuildRules.first(name_rules, name)
        if rule is not None:
            score += sign * RULE_WEIGHT * (1 if rule.value == first else -1)
            reasons.append(rule.evidence)
        else:
            scores = model.scores(features(name, structures[name].type))
            score += sign * (scores[first] - scores[second])
    base, other = (first, second) if score > 0 else (second, first)
    if len(group) == 1:
        evidence = reasons[0] if reasons else f"word-model:{abs(score):.1f}"
    else:
        evidence = f"cal-group-vote:{sorted(group)[0]}:{len(group)}:{abs(score):.1f}"
    for name, sign in group.items():
        decided[name] = Attribute(base if sign > 0 else other, evidence)
