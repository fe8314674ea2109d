"""Labelled face-statement rows: `rows-train.jsonl` (and rows of the same shape other sources give).

A row is what a reader of a filing sees (statement, section, label, value as printed) with the
concept the filer chose. Sections are turned into those a reader's statement gives (a "Total
current ..." row closes its heading, see `effective_sections`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path

from converter.errors import InputError
from converter.mapping.context import Cues, effective_sections
from converter.mapping.normalize import Normalizer
from converter.resources import ROOT

DEFAULT_SHARED = ROOT.parent / "shared"
# documents named after the company rather than the ticker
_COMPANY_ALIASES = {"apple": "aapl", "nvidia": "nvda", "oracle": "orcl", "googl": "goog"}


@dataclass(frozen=True)
class TrainingRow:
    """One labelled row of `rows-train.jsonl`."""

    doc: str
    company: str
    statement: str
    period_type: str
    section: str
    label: str
    concept: str  # "prefix:Name"
    negated: bool
    value: str


def company_of(doc: str) -> str:
    """The filer a document belongs to: 'aapl-10-k-2024-11-01.html' and 'Apple.10-Q.html' -> 'aapl'."""
    stem = doc.lower().replace(".", "-").replace("_", "-").split("-")[0]
    stem = "".join(ch for ch in stem if ch.isalpha())
    return _COMPANY_ALIASES.get(stem, stem)


def read_rows(path: Path) -> list[TrainingRow]:
    rows: list[TrainingRow] = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                raw = json.loads(line)
                rows.append(TrainingRow(
                    doc=raw["doc"], company=company_of(raw["doc"]), statement=raw["statement"],
                    period_type=raw["period_type"], section=raw.get("section", ""),
                    label=raw["label"], concept=raw["concept"],
                    negated=bool(raw.get("negated", False)), value=str(raw.get("value", ""))))
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise InputError(f"bad training row: {exc}", file=path, line=number,
                                 hint="each line must be a JSON object with doc, statement, "
                                      "period_type, label and concept") from exc
    return rows


def looks_total(label: str) -> bool:
    """What a reader would flag as a total from the label alone: empty or starting with "total"."""
    clean = label.replace("\u200b", "").strip().lower()
    return not clean or clean.startswith("total")


def close_sections(rows: list[TrainingRow], cues: Cues, normalizer: Normalizer) -> list[TrainingRow]:
    """Rows with the sections a reader's statement would give the mapper (see effective_sections)."""
    groups: dict[tuple[str, str], list[int]] = {}
    for index, row in enumerate(rows):
        groups.setdefault((row.doc, row.statement), []).append(index)
    out = list(rows)
    for indexes in groups.values():
        sections = effective_sections([(rows[i].label, rows[i].section, looks_total(rows[i].label))
                                       for i in indexes], cues, normalizer)
        for i, section in zip(indexes, sections):
            out[i] = replace(rows[i], section=section)
    return out


