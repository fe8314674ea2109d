"""`report.json`: what a conversion produced, what it could not map, what validation said."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from converter.facts.rules import load_efm_rules
from converter.model import Diagnostic, Document, Mapping, Severity, XbrlReport
from converter.resources import TAXONOMY_DIR
from converter.taxonomy.package import PACKAGE_FILE


SHIPPED_PACKAGE = TAXONOMY_DIR / "packages" / PACKAGE_FILE


@dataclass(frozen=True)
class MappingRow:
    statement: str
    label: str
    mapped_label: str  # the label the mapper read, which a --mapping key must match
    concept: str
    confidence: float
    source_line: int
    reason: str
    alternatives: tuple[tuple[str, float], ...]


def mapping_rows(document: Document, mappings: Sequence[Sequence[Mapping]]) -> tuple[MappingRow, ...]:
    rows = []
    for statement, statement_mappings in zip(document.statements, mappings, strict=True):
        for item, mapping in zip(statement.items, statement_mappings, strict=True):
            rows.append(MappingRow(
                statement=statement.kind.value,
                label=item.label or mapping.concept.label,
                mapped_label=mapping.label,
                concept=mapping.concept.qname,
                confidence=round(mapping.confidence, 3),
                source_line=item.source_line,
                reason=mapping.reason,
                alternatives=tuple((alt.concept, round(alt.confidence, 3)) for alt in mapping.alternatives),
            ))
    return tuple(rows)


def _diagnostic_json(diagnostic: Diagnostic) -> dict[str, object]:
    entry: dict[str, object] = {
        "code": diagnostic.code,
        "severity": diagnostic.severity.value,
        "message": diagnostic.message,
    }
    if diagnostic.concept is not None:
        entry["concept"] = diagnostic.concept
    if diagnostic.fact is not None:
        entry["fact"] = diagnostic.fact
    if diagnostic.source_line is not None:
        entry["source_line"] = diagnostic.source_line
    return entry


def render_report(*, source: Path, instance: str, taxonomy_package: Path, report: XbrlReport,
                  rows: Sequence[MappingRow], diagnostics: Sequence[Diagnostic]) -> str:
    """The report as JSON text, stable key order, so two runs give identical bytes."""
    errors = [_diagnostic_json(d) for d in diagnostics if d.severity is Severity.ERROR]
    warnings = [_diagnostic_json(d) for d in diagnostics if d.severity is not Severity.ERROR]
    body = {
        "source": str(source),
        "instance": instance,
        "taxonomy_package": str(taxonomy_package.resolve()),
        # taxonomies whose official standard labels the package lacks (EFM 6.10.1 notes, not errors)
        "offline_label_gaps": (sorted(load_efm_rules().label_gaps.values())
                               if taxonomy_package.resolve() == SHIPPED_PACKAGE.resolve() else []),
        "facts": len(report.facts),
        "errors": errors,
        "warnings": warnings,
        "mapping": [
            {
                "statement": row.statement,
                "label": row.label,
                "mapped_label": row.mapped_label,
                "concept": row.concept,
                "confidence": row.confidence,
                "source_line": row.source_line,
                "reason": row.reason,
                "alternatives": [{"concept": c, "confidence": p} for c, p in row.alternatives],
            }
            for row in rows
        ],
    }
    return json.dumps(body, indent=2, ensure_ascii=False) + "\n"
