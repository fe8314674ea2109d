"""Learn label statistics from real filings and write `taxonomy/mapping/label-stats.json`
(and the catalog's normalised concept words, `taxonomy/mapping/concept-words.json`).

Sources (read-only reference material in `../shared`): `corpus/mapping/rows-train.jsonl`,
face-statement rows with the concept the filer chose, and the face statements of the filers'
own presentation and label linkbases (`linkbase_rows.py`: more companies, and statements of
comprehensive income), kept as (company, statement, period type, section words, label
words, concept). Sections are those a reader's
statement gives (a "Total current …" row closes its heading, see `effective_sections`);
deprecated concepts become their live replacement or are left out.

(The filers' label linkbases and the catalog's real-world labels were tried as a
further feature; leave-one-company-out accuracy fell by 0.5-1.3 points, so they are
not used. See benchmarks/mapping.py.)

Only normalised words are stored (see `normalize.py`), with the digest of the
normalisation rules they were made with; the engine refuses a stale file.
Regenerate after editing `normalize.yaml` or the corpus:

    python -m converter.mapping.learn [SHARED_DIR]
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from dataclasses import astuple, dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from converter.errors import InputError
from converter.mapping.conceptwords import WORDS_FILE, build
from converter.mapping.conceptwords import write as write_words
from converter.mapping.context import Cues, effective_sections, load_cues
from converter.mapping.evidence import EXTENSION, STATS_FILE, Evidence, RowRecord
from converter.mapping.index import is_item
from converter.mapping.normalize import Normalizer, load_normalizer
from converter.resources import ROOT

if TYPE_CHECKING:
    from converter.taxonomy.catalog import Catalog

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


def build_evidence(rows: Iterable[TrainingRow], live: dict[str, str], normalizer: Normalizer) -> Evidence:
    """The label statistics as evidence records (normalised words only).

    `live` maps a us-gaap name to the live concept that stands for it: itself when it is
    usable, its replacement when it is deprecated and the replacement is usable. Other
    concepts are left out, so the evidence names only live concepts.
    """
    row_records = []
    for row in close_sections(list(rows), load_cues(normalizer), normalizer):
        prefix, _, name = row.concept.partition(":")
        if prefix == "us-gaap" and name not in live:
            continue
        concept = f"us-gaap:{live[name]}" if prefix == "us-gaap" else EXTENSION
        row_records.append(RowRecord(row.company, row.statement, row.period_type,
                                     " ".join(normalizer.words(row.section)),
                                     " ".join(normalizer.words(row.label)), concept))
    return Evidence(tuple(row_records))


def live_names(catalog: Catalog) -> dict[str, str]:
    """us-gaap name -> the live concept standing for it (itself, or its live replacement)."""
    live = {concept.name: concept.name for concept in catalog if concept.usable}
    for concept in catalog:
        if concept.deprecated and concept.replacement in live and not concept.abstract:
            live[concept.name] = concept.replacement
    return live


def concept_words(catalog: Catalog, normalizer: Normalizer) -> dict[str, tuple[str, ...]]:
    """The words of the concepts a NameIndex reads (us-gaap items), for `concept-words.json`."""
    item_types = dict(load_cues(normalizer).item_types)
    return build((c for c in catalog if c.prefix == "us-gaap" and is_item(c)
                  and c.type.rpartition(":")[2] in item_types), normalizer)


def write_evidence(evidence: Evidence, digest: str, path: Path) -> None:
    """The stats file, one record a line so that a regeneration diffs readably."""
    def block(records: Iterable[tuple[str, ...]]) -> str:
        return ",\n".join("  " + json.dumps(list(r), ensure_ascii=False) for r in records)

    rows = block(astuple(r) for r in evidence.rows)
    text = (f'{{\n "about": "Generated by `python -m converter.mapping.learn`; do not edit.",\n'
            f' "normalize_digest": {json.dumps(digest)},\n'
            f' "rows": [\n{rows}\n ]\n}}\n')
    path.write_text(text, encoding="utf-8")


def training_rows(shared: Path, linkbases: bool = True) -> tuple[list[TrainingRow], list[TrainingRow]]:
    """The rows of `rows-train.jsonl`, and those of the filers' linkbases in `shared` on the
    statements `statement-roles.yaml` names under `learn_statements`."""
    from converter.mapping.linkbase_rows import linkbase_rows, load_role_words, shared_linkbase_folders

    rows = read_rows(shared / "corpus" / "mapping" / "rows-train.jsonl")
    if not linkbases:
        return rows, []
    vocab = load_role_words()
    return rows, [row for folder in shared_linkbase_folders(shared) for row in linkbase_rows(folder, vocab)
                  if row.statement in vocab.learn]


def main(argv: list[str]) -> int:
    from converter.taxonomy.catalog import load_catalog

    shared = Path(argv[0]) if argv else DEFAULT_SHARED
    normalizer = load_normalizer()
    rows, extra = training_rows(shared)
    evidence = build_evidence(rows + extra, live_names(load_catalog()), normalizer)
    write_evidence(evidence, normalizer.digest, STATS_FILE)
    print(f"wrote {STATS_FILE}: {len(evidence.rows)} rows")
    words = concept_words(load_catalog(), normalizer)
    write_words(words, normalizer.digest, WORDS_FILE)
    print(f"wrote {WORDS_FILE}: {len(words)} concepts")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
