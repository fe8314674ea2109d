"""Learn label statistics from real filings and write `taxonomy/mapping/label-stats.json`.

Two sources, both under `../shared/corpus` (read-only reference material):

* `mapping/rows-train.jsonl`: face-statement rows with the concept the filer chose;
  kept as (company, statement, period type, section words, label words, concept);
* `xbrl-instances/*/*_lab.xml`: the labels filers gave us-gaap concepts, kept as
  (company, concept, label words).

Only normalised words are stored (see `normalize.py`), with the digest of the
normalisation rules they were made with; the engine refuses a stale file.
Regenerate after editing `normalize.yaml` or the corpus:

    python -m converter.mapping.learn [SHARED_DIR]
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from converter.errors import InputError
from converter.mapping.normalize import Normalizer, load_normalizer
from converter.resources import ROOT, TAXONOMY_DIR

STATS_FILE = TAXONOMY_DIR / "mapping" / "label-stats.json"
DEFAULT_SHARED = ROOT.parent / "shared"
_LINK = "http://www.xbrl.org/2003/linkbase"
_XLINK = "http://www.w3.org/1999/xlink"
# documents named after the company rather than the ticker
_COMPANY_ALIASES = {"apple": "aapl", "nvidia": "nvda", "oracle": "orcl", "googl": "goog"}


@dataclass(frozen=True)
class TrainingRow:
    """One labelled row of `rows-train.jsonl`."""

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
                    company=company_of(raw["doc"]), statement=raw["statement"],
                    period_type=raw["period_type"], section=raw.get("section", ""),
                    label=raw["label"], concept=raw["concept"],
                    negated=bool(raw.get("negated", False)), value=str(raw.get("value", ""))))
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise InputError(f"bad training row: {exc}", file=path, line=number,
                                 hint="each line must be a JSON object with doc, statement, "
                                      "period_type, label and concept") from exc
    return rows


def lab_labels(shared: Path) -> Iterator[tuple[str, str, str]]:
    """(company, us-gaap concept name, label text) from the filers' label linkbases."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    for path in sorted((shared / "corpus" / "xbrl-instances").rglob("*_lab.xml")):
        company = company_of(path.name)
        root = etree.parse(str(path), parser).getroot()
        for link in root.iter(f"{{{_LINK}}}labelLink"):
            concepts: dict[str, str] = {}
            for loc in link.iter(f"{{{_LINK}}}loc"):
                fragment = loc.get(f"{{{_XLINK}}}href", "").rpartition("#")[2]
                if fragment.startswith("us-gaap_"):
                    concepts[loc.get(f"{{{_XLINK}}}label", "")] = fragment[len("us-gaap_"):]
            texts: dict[str, list[str]] = {}
            for label in link.iter(f"{{{_LINK}}}label"):
                texts.setdefault(label.get(f"{{{_XLINK}}}label", ""), []).append(
                    " ".join((label.text or "").split()))
            for arc in link.iter(f"{{{_LINK}}}labelArc"):
                concept = concepts.get(arc.get(f"{{{_XLINK}}}from", ""))
                if concept is None:
                    continue
                for text in texts.get(arc.get(f"{{{_XLINK}}}to", ""), []):
                    yield company, concept, text


def build_stats(rows: Iterable[TrainingRow], labels: Iterable[tuple[str, str, str]],
                usable: set[str], normalizer: Normalizer) -> dict[str, object]:
    """The JSON document of label statistics; us-gaap concepts outside `usable` are left out.

    `usable` should hold live and deprecated items: a label that matches a deprecated
    concept best is evidence for its replacement or for an extension.
    """
    row_records = []
    for row in rows:
        prefix, _, name = row.concept.partition(":")
        if prefix == "us-gaap" and name not in usable:
            continue
        concept = row.concept if prefix == "us-gaap" else "ext"
        row_records.append([row.company, row.statement, row.period_type,
                            " ".join(normalizer.words(row.section)),
                            " ".join(normalizer.words(row.label)), concept])
    label_records = sorted({(company, name, " ".join(normalizer.words(text)))
                            for company, name, text in labels if name in usable})
    return {
        "about": "Generated by `python -m converter.mapping.learn`; do not edit.",
        "normalize_digest": normalizer.digest,
        "rows": row_records,
        "labels": [list(record) for record in label_records if record[2]],
    }


def main(argv: list[str]) -> int:
    from converter.mapping.index import is_item
    from converter.taxonomy.catalog import load_catalog

    shared = Path(argv[0]) if argv else DEFAULT_SHARED
    catalog = load_catalog()
    usable = {concept.name for concept in catalog if is_item(concept)}
    normalizer = load_normalizer()
    stats = build_stats(read_rows(shared / "corpus" / "mapping" / "rows-train.jsonl"),
                        lab_labels(shared), usable, normalizer)
    STATS_FILE.write_text(json.dumps(stats, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {STATS_FILE}: {len(stats['rows'])} rows, {len(stats['labels'])} labels")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
