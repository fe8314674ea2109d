"""What the review page shows, read back from `report.json`: the mapping rows and every
finding (Arelle's, the reader's, the facts stage's, and whatever later stages add to the
report's `errors` and `warnings`), each finding linked to the rows it is about.

A finding is about the rows printed on its source line; one with no line, or a line no
row stands on, is about the rows whose concept it names; the rest are about the filing.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

US_GAAP = "us-gaap:"


@dataclass(frozen=True)
class Choice:
    concept: str
    confidence: float


@dataclass(frozen=True)
class Row:
    statement: str
    label: str
    mapped_label: str  # what a --mapping key must match
    concept: str
    confidence: float
    source_line: int
    reason: str
    alternatives: tuple[Choice, ...]

    @property
    def is_extension(self) -> bool:
        return not self.concept.startswith(US_GAAP)

    @property
    def is_override(self) -> bool:
        return self.reason.startswith("override ")


@dataclass(frozen=True)
class Finding:
    code: str
    severity: str
    message: str
    concept: str | None
    source_line: int | None
    rows: tuple[int, ...] = ()  # indexes into `ReportData.rows`


@dataclass(frozen=True)
class ReportData:
    source: str
    instance: str
    facts: int
    rows: tuple[Row, ...]
    findings: tuple[Finding, ...]  # errors first, in report order


def _text(entry: Mapping[str, object], key: str) -> str:
    return str(entry[key])


def _row(entry: Mapping[str, object]) -> Row:
    alternatives = entry.get("alternatives")
    choices = tuple(Choice(str(a["concept"]), float(a["confidence"])) for a in alternatives
                    if isinstance(a, Mapping)) if isinstance(alternatives, list) else ()
    line = entry["source_line"]
    return Row(statement=_text(entry, "statement"), label=_text(entry, "label"),
               mapped_label=str(entry.get("mapped_label", entry["label"])), concept=_text(entry, "concept"),
               confidence=float(str(entry["confidence"])), source_line=int(str(line)),
               reason=_text(entry, "reason"), alternatives=choices)


def _finding(entry: Mapping[str, object]) -> Finding:
    concept, line = entry.get("concept"), entry.get("source_line")
    return Finding(code=_text(entry, "code"), severity=_text(entry, "severity"), message=_text(entry, "message"),
                   concept=str(concept) if concept is not None else None,
                   source_line=int(str(line)) if line is not None else None)


def link(finding: Finding, rows: Sequence[Row]) -> tuple[int, ...]:
    """The rows a finding is about: those on its source line, else those of its concept."""
    if finding.source_line is not None:
        on_line = tuple(i for i, row in enumerate(rows) if row.source_line == finding.source_line)
        if on_line:
            return on_line
    if finding.concept is not None:
        return tuple(i for i, row in enumerate(rows) if row.concept == finding.concept)
    return ()


def parse_report(text: str) -> ReportData:
    """The parts of a `report.json` text the review page shows."""
    body = json.loads(text)
    rows = tuple(_row(entry) for entry in body["mapping"])
    findings = [_finding(entry) for key in ("errors", "warnings") for entry in body[key]]
    return ReportData(source=str(body["source"]), instance=str(body["instance"]), facts=int(body["facts"]),
                      rows=rows, findings=tuple(Finding(f.code, f.severity, f.message, f.concept, f.source_line,
                                                        link(f, rows)) for f in findings))
