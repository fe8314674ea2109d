"""The learned label statistics (`taxonomy/mapping/label-stats.json`) as typed records."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from converter.datafiles import read_data
from converter.errors import TaxonomyError
from converter.mapping.normalize import Normalizer
from converter.resources import TAXONOMY_DIR

RELEARN = "run `python benchmarks/learn.py`"

STATS_FILE = TAXONOMY_DIR / "mapping" / "label-stats.json"
CURATED_FILE = TAXONOMY_DIR / "mapping" / "curated.yaml"
CURATED = "curated"  # the company of curated evidence
EXTENSION = "ext"  # the concept of a training row whose filer used its own extension


@dataclass(frozen=True)
class RowRecord:
    company: str
    statement: str
    period_type: str
    section: str  # normalised words
    label: str  # normalised words
    concept: str  # "us-gaap:Name" or EXTENSION


@dataclass(frozen=True)
class Evidence:
    rows: tuple[RowRecord, ...]

    def without(self, company: str) -> Evidence:
        """The evidence minus one company's rows (leave-one-company-out)."""
        return Evidence(tuple(r for r in self.rows if r.company != company))

    def companies(self) -> tuple[str, ...]:
        return tuple(sorted({r.company for r in self.rows} - {CURATED}))

    def plus(self, rows: tuple[RowRecord, ...]) -> Evidence:
        return Evidence(self.rows + rows)


@lru_cache(maxsize=2)
def load_evidence(normalizer: Normalizer, path: Path = STATS_FILE) -> Evidence:
    data = read_data(path, "label statistics", hint=RELEARN)
    if data.get("normalize_digest") != normalizer.digest:
        raise TaxonomyError("label statistics were made with other normalisation rules", file=path,
                            hint=f"{RELEARN} after editing normalize.yaml")
    try:
        return Evidence(tuple(RowRecord(*record) for record in data["rows"]))
    except (KeyError, TypeError) as exc:
        raise TaxonomyError(f"label statistics are malformed: {exc}", file=path,
                            hint=RELEARN) from exc


@lru_cache(maxsize=2)
def load_curated(normalizer: Normalizer, path: Path = CURATED_FILE) -> tuple[RowRecord, ...]:
    """Curated label -> concept entries as training rows of the company CURATED."""
    data = read_data(path, "curated labels")
    records = []
    try:
        for statement, periods in data.items():
            for period_type, table in periods.items():
                for label, concept in table.items():
                    qname = EXTENSION if concept == EXTENSION else f"us-gaap:{concept}"
                    records.append(RowRecord(CURATED, str(statement), str(period_type), "",
                                             " ".join(normalizer.words(str(label))), qname))
    except AttributeError as exc:
        raise TaxonomyError("curated labels must nest statement -> period type -> label: concept",
                            file=path) from exc
    return tuple(records)
