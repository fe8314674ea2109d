"""Document + mappings → XbrlReport: facts, contexts, units, networks, labels."""

from __future__ import annotations

from collections.abc import Mapping as MappingOf
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import Decimal

from converter.facts.calc import CalcRow, Fitted, derive, merged, mismatches
from converter.facts.contexts import ContextSet, context_id
from converter.facts.dei import cover_facts, dei_concept, header_cover, report_period
from converter.facts.labels import unique_labels
from converter.facts.rules import EfmRules, Rules, load_efm_rules, load_rules
from converter.facts.signs import NEGATED_LABEL_ROLE, orientations, sign_row
from converter.model import (
    Balance,
    BalanceAt,
    CalcArc,
    Column,
    ConceptDef,
    Diagnostic,
    Document,
    Duration,
    Entity,
    Fact,
    Instant,
    Label,
    LineItem,
    Mapping,
    Network,
    Period,
    PeriodType,
    PresentationArc,
    Severity,
    Statement,
    ValueKind,
    XbrlReport,
)

STANDARD_LABEL_ROLE = "http://www.xbrl.org/2003/role/label"
BALANCE_LABEL_ROLES = {  # preferred labels of the cash at the start and end of a cash-flow period
    BalanceAt.START: "http://www.xbrl.org/2003/role/periodStartLabel",
    BalanceAt.END: "http://www.xbrl.org/2003/role/periodEndLabel",
}


@dataclass
class _Collector:
    contexts: ContextSet = field(default_factory=ContextSet)
    facts: list[Fact] = field(default_factory=list)
    seen: dict[tuple[str, str, str | None], Fact] = field(default_factory=dict)
    labels: dict[tuple[str, str], Label] = field(default_factory=dict)
    extensions: dict[str, ConceptDef] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def add_fact(self, concept: str, period: Period, value: Decimal | str,
                 kind: ValueKind | None, decimals: int | None, source_line: int | None) -> None:
        context_id = self.contexts.context(period)
        unit_id = self.contexts.unit(kind) if kind is not None else None
        key = (concept, context_id, unit_id)
        earlier = self.seen.get(key)
        if earlier is not None:
            if earlier.value != value:
                self.diagnostics.append(Diagnostic(
                    code="xbrlconv:duplicateFact", severity=Severity.WARNING,
                    message=(f"{concept} for {period} is {value} here but {earlier.value} on "
                             f"line {earlier.source_line}; the first value is reported"),
                    source_line=source_line, concept=concept))
            return
        fact = Fact(id=f"f-{len(self.facts) + 1}", concept=concept, context_id=context_id,
                    value=value, unit_id=unit_id, decimals=decimals, source_line=source_line)
        self.seen[key] = fact
        self.facts.append(fact)

    def add_label(self, concept: str, role: str, text: str) -> None:
        self.labels.setdefault((concept, role), Label(concept, role, text))


def build_report(document: Document, mappings: Sequence[Sequence[Mapping]], entity: Entity,
                 document_type: str, period_end: date | None = None,
                 cover: MappingOf[str, str] | None = None) -> XbrlReport:
    """Turn the statements and their mappings into an XBRL report.

    `mappings[i][j]` maps `document.statements[i].items[j]`; `cover` holds dei values
    (local name -> value) that override those of the SEC header (a `--cover` file).
    """
    if len(mappings) != len(document.statements):
        raise ValueError(f"{len(mappings)} mapping lists for {len(document.statements)} statements")
    rules = load_rules()
    end = period_end or document.meta.period_of_report or _last_period_end(document)
    out = _Collector()
    networks: list[Network] = []
    summations: list[tuple[Fitted, ...]] = []
    role_counts: dict[str, int] = {}
    for number, (statement, statement_mappings) in enumerate(
            zip(document.statements, mappings, strict=True), start=1):
        if len(statement_mappings) != len(statement.items):
            raise ValueError(f"statement {number}: {len(statement_mappings)} mappings for "
                             f"{len(statement.items)} items")
        concepts = tuple(_concept(m, entity) for m in statement_mappings)
        for concept, mapping in zip(concepts, statement_mappings, strict=True):
            if mapping.is_extension:
                out.extensions.setdefault(concept.qname, concept)
        rule = rules.statements[statement.kind]
        role_counts[rule.role] = role_counts.get(rule.role, 0) + 1
        count = role_counts[rule.role]
        role_id = rule.role if count == 1 else f"{rule.role}{count}"
        network, fitted = _statement_network(statement, concepts, rules, out, entity, role_id,
                                             number)
        networks.append(network)
        summations.append(fitted)
    everywhere = [s for fitted in summations for s in fitted]
    networks = [replace(network, calculation=_calc_arcs(fitted, everywhere, out.facts, out))
                for network, fitted in zip(networks, summations, strict=True)]
    dei_period = report_period(out.contexts, end)
    supplied = {**header_cover(document.meta), **(cover or {})}
    for concept, value in cover_facts(entity, document_type, end, supplied):
        out.add_fact(concept.qname, dei_period, value, None, None, None)
    networks.append(_cover_network(out, entity, load_efm_rules()))
    taken = [label.text for label in out.labels.values() if label.role == STANDARD_LABEL_ROLE]
    for qname, text in unique_labels(out.extensions.values(), taken).items():
        out.add_label(qname, STANDARD_LABEL_ROLE, text)
    facts = tuple(sorted(out.facts,
                         key=lambda f: (not f.concept.startswith("dei:"), _fact_number(f))))
    return XbrlReport(
        entity=entity, document_type=document_type, period_end=end,
        stem=f"{entity.prefix}-{end.strftime('%Y%m%d')}",
        contexts=out.contexts.contexts(), units=out.contexts.units(), facts=facts,
        extension_concepts=tuple(out.extensions.values()), networks=tuple(networks),
        labels=tuple(out.labels.values()),
        diagnostics=tuple(out.diagnostics),
    )


def _cover_network(out: _Collector, entity: Entity, efm: EfmRules) -> Network:
    """The cover (document and entity information) network of every dei fact, with the dei
    standard labels, which the extension's label linkbase carries as filers' do."""
    rule = efm.cover
    names = {f.concept.removeprefix("dei:") for f in out.facts if f.concept.startswith("dei:")}
    ordered = [n for n in rule.order if n in names] + sorted(names - set(rule.order))
    for qname in (rule.root, *(f"dei:{n}" for n in ordered)):
        out.add_label(qname, STANDARD_LABEL_ROLE, dei_concept(qname.removeprefix("dei:")).label)
    return Network(role_id=rule.role, role_uri=efm.role_uri(entity.namespace, rule.role), definition=rule.definition,
                   presentation=tuple(PresentationArc(rule.root, f"dei:{name}", order)
                                      for order, name in enumerate(ordered, start=1)),
                   calculation=())


def _fact_number(fact: Fact) -> int:
    return int(fact.id.removeprefix("f-"))


def _last_period_end(document: Document) -> date:
    ends = [c.period.end for s in document.statements for c in s.columns]
    if not ends:
        raise ValueError("the document has no statement columns to take a period end from")
    return max(ends)


def _concept(mapping: Mapping, entity: Entity) -> ConceptDef:
    if mapping.is_extension and mapping.concept.prefix != entity.prefix:
        return replace(mapping.concept, prefix=entity.prefix)
    return mapping.concept


def _fact_period(column: Column, concept: ConceptDef, item: LineItem) -> Period | None:
    """The period of a row's fact in a column; None when the concept cannot take it. An instant
    concept in a duration column is the balance at the period's end, or, on a row the reader
    marked as the balance at its start, the day before the period starts."""
    period = column.period
    if concept.period_type is PeriodType.DURATION:
        return period if isinstance(period, Duration) else None
    if isinstance(period, Instant):
        return period
    if item.balance_at is BalanceAt.START:
        return Instant(period.start - timedelta(days=1))
    return Instant(period.end)


def _statement_network(statement: Statement, concepts: Sequence[ConceptDef], rules: Rules,
                       out: _Collector, entity: Entity, role_id: str,
                       number: int) -> tuple[Network, tuple[Fitted, ...]]:
    rule = rules.statements[statement.kind]
    sides = orientations(statement, concepts, rules)
    signed = [sign_row(item, concept, side, rules, negate_mixed=rule.negate_mixed_rows,
                       always_negated=rule.always_negated_prefixes, never_negated=rule.never_negated)
              for item, concept, side in zip(statement.items, concepts, sides, strict=True)]
    periods = [tuple(_fact_period(c, concept, item) for c in statement.columns)
               for item, concept in zip(statement.items, concepts, strict=True)]
    calc_rows = [CalcRow(
        concept=concept,
        values=row.values if not concept.abstract else tuple(None for _ in row.values),
        periods=row_periods, decimals=item.decimals, is_total=item.is_total and not item.balance_at,
        summable=(item.kind is ValueKind.MONETARY and not concept.abstract and not item.balance_at
                  and (concept.balance is not None or concept.qname in out.extensions
                       or rule.negate_mixed_rows)),  # a cash-effect statement sums no-balance totals
        may_negate=concept.name not in rules.non_negative,
        free=concept.balance is None and concept.qname in out.extensions,
        restorable=row.negated and concept.name not in rules.non_negative,
        shown_negated=row.negated, closes_side=concept.qname in rules.asset_total_concepts)
        for item, concept, row, row_periods
        in zip(statement.items, concepts, signed, periods, strict=True)]
    derivation = derive(calc_rows)
    turned = ({s.total for s in derivation.summations if s.negated}
              | {i for s in derivation.summations for i in s.restored})
    for summation in derivation.summations:
        for child in summation.children:
            _settle_balance(out, concepts[child], concepts[summation.total].balance)
    presentation: dict[tuple[str, str | None], PresentationArc] = {}
    for index, (item, concept) in enumerate(zip(statement.items, concepts, strict=True)):
        out.diagnostics.extend(signed[index].diagnostics)
        values = derivation.values[index]
        has_values = any(v is not None for v in values)
        if has_values:
            _add_row_facts(item, concept, values, periods[index], out)
        negated = has_values and signed[index].negated != (index in turned)
        if negated:
            out.add_label(concept.qname, NEGATED_LABEL_ROLE, item.label)
        role = BALANCE_LABEL_ROLES.get(item.balance_at) if item.balance_at else None
        if role is not None:
            out.add_label(concept.qname, role, item.label)
        else:
            role = NEGATED_LABEL_ROLE if negated else None
        presentation.setdefault((concept.qname, role), PresentationArc(
            rule.root, concept.qname, len(presentation) + 1, role))
    fitted = tuple(
        Fitted(parent=concepts[s.total].qname,
               children=tuple(concepts[i].qname for i in s.children), weights=s.weights,
               own_contexts=frozenset(context_id(p) for p in periods[s.total] if p is not None))
        for s in derivation.summations)
    efm = load_efm_rules()
    network = Network(
        role_id=role_id,
        role_uri=efm.role_uri(entity.namespace, role_id),
        definition=efm.statement_definition.format(number=number, title=statement.title.strip() or rule.title),
        presentation=tuple(presentation.values()),
        calculation=(),
    )
    return network, fitted


def _settle_balance(out: _Collector, concept: ConceptDef, balance: Balance | None) -> None:
    """An extension concept without a balance takes the one of the total it is summed into."""
    current = out.extensions.get(concept.qname)
    if current is not None and current.balance is None and balance is not None:
        out.extensions[concept.qname] = replace(current, balance=balance)


def _add_row_facts(item: LineItem, concept: ConceptDef, values: Sequence[Decimal | None],
                   periods: Sequence[Period | None], out: _Collector) -> None:
    for value, period in zip(values, periods, strict=True):
        if value is None:
            continue
        if period is None:
            out.diagnostics.append(Diagnostic(
                code="xbrlconv:periodTypeMismatch", severity=Severity.WARNING,
                message=(f"{concept.qname} is a duration concept but row {item.label!r} sits in "
                         "an instant column; the value is not reported"),
                source_line=item.source_line, concept=concept.qname))
            continue
        out.add_fact(concept.qname, period, value, item.kind, item.decimals, item.source_line)


def _calc_arcs(summations: Sequence[Fitted], everywhere: Sequence[Fitted], facts: Sequence[Fact],
               out: _Collector) -> tuple[CalcArc, ...]:
    """Arcs for the summations that hold wherever their total is reported (widened if need be)."""
    reported = {(f.concept, f.context_id): (f.value, f.decimals) for f in facts
                if isinstance(f.value, Decimal) and f.decimals is not None}
    arcs: list[CalcArc] = []
    parents: set[str] = set()
    for summation in summations:
        if summation.parent in parents:
            continue
        slips = mismatches(summation, reported) & summation.own_contexts
        chosen: Fitted | None = summation
        if mismatches(summation, reported) - slips:
            others = [s for s in everywhere if s.parent == summation.parent and s is not summation]
            chosen = merged(summation, others)
            if chosen is None or mismatches(chosen, reported) - slips:
                out.diagnostics.append(Diagnostic(
                    code="xbrlconv:calculationNotShared", severity=Severity.INFO,
                    message=(f"{summation.parent} is the sum of {', '.join(summation.children)} in "
                             "this statement but not in another statement of the document; no "
                             "calculation arcs are written for it here"),
                    concept=summation.parent))
                continue
        parents.add(chosen.parent)
        arcs.extend(CalcArc(chosen.parent, child, weight, order) for order, (child, weight)
                    in enumerate(zip(chosen.children, chosen.weights, strict=True), start=1))
    return tuple(arcs)
