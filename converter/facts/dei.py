"""Cover (dei) facts: which concepts, which values, which period."""

from __future__ import annotations

from datetime import date

from converter.facts.contexts import ContextSet
from converter.model import ConceptDef, Duration, Entity, PeriodType

DEI_STRING = "xbrli:stringItemType"


def dei_concept(name: str, type_: str = DEI_STRING) -> ConceptDef:
    return ConceptDef("dei", name, type_, PeriodType.DURATION, None, name)


def report_period(contexts: ContextSet, period_end: date) -> Duration:
    """The longest duration ending at the period end; a one-day period when none does."""
    candidates = [d for d in contexts.durations() if d.end == period_end]
    if not candidates:
        return Duration(period_end, period_end)
    return min(candidates, key=lambda d: (d.start, d.end))


def cover_facts(entity: Entity, document_type: str,
                period_end: date) -> tuple[tuple[ConceptDef, str], ...]:
    values: list[tuple[ConceptDef, str]] = [
        (dei_concept("DocumentType", "dei:submissionTypeItemType"), document_type),
        (dei_concept("AmendmentFlag", "xbrli:booleanItemType"), "false"),
        (dei_concept("DocumentPeriodEndDate", "xbrli:dateItemType"), period_end.isoformat()),
        (dei_concept("EntityRegistrantName"), entity.name),
        (dei_concept("EntityCentralIndexKey", "dei:centralIndexKeyItemType"), entity.cik),
    ]
    if entity.ticker:
        values.append((dei_concept("TradingSymbol", "dei:tradingSymbolItemType"), entity.ticker))
    return tuple(values)
