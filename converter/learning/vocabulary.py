"""The filers' vocabulary (`taxonomy/mapping/filer-vocabulary.tsv.gz`) from the SEC's Financial
Statement Data Sets rows in `../shared/corpus/mapping/rows-fsds-2009-2010.jsonl.gz`.

Each row is a label a company printed on a face statement and the tag it chose. Concepts are
carried forward to the live 2024 concept standing for them (a deprecated concept to its
replacement; one removed from the taxonomy before 2024 to the concept modern filers print for the
same labels, see `conventions`, or left out); company extensions count as "ext". A
record counts the companies (CIKs) that printed the label's words with the concept, each once.
"""

from __future__ import annotations

import gzip
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from converter.errors import InputError
from converter.learning.rows import TrainingRow
from converter.mapping.evidence import EXTENSION
from converter.mapping.filers import VocabularyRecord
from converter.mapping.normalize import Normalizer

FSDS_FILE = Path("corpus") / "mapping" / "rows-fsds-2009-2010.jsonl.gz"


@dataclass(frozen=True)
class FilerRow:
    cik: str
    statement: str
    period_type: str
    label: str
    concept: str  # "us-gaap:Name" or "ext:Name"


def fsds_rows(shared: Path) -> Iterator[FilerRow]:
    path = shared / FSDS_FILE
    try:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                try:
                    raw = json.loads(line)
                    yield FilerRow(str(raw["cik"]), raw["statement"], raw["period_type"], raw["label"],
                                   raw["concept"])
                except (json.JSONDecodeError, KeyError, TypeError) as exc:
                    raise InputError(f"bad row: {exc}", file=path, line=number,
                                     hint="each line is a JSON object with cik, statement, period_type, "
                                          "label and concept") from exc
    except OSError as exc:
        raise InputError(f"cannot read the Financial Statement Data Sets rows: {exc}", file=path) from exc


RETIRED = "retired"  # the prefix of a concept removed from the taxonomy before 2024 (no successor known)


def build_vocabulary(rows: Iterable[FilerRow], live: dict[str, str], normalizer: Normalizer,
                     leave_out: frozenset[str] = frozenset()) -> list[VocabularyRecord]:
    """Records counting companies per (statement, period type, label words, live concept);
    `leave_out` names CIKs whose rows are skipped (leave-one-company-out). A concept removed from
    the taxonomy before 2024 (SalesRevenueNet) is kept as "retired:Name" until `carried_forward`
    gives it the modern filers' concept or drops it."""
    companies: dict[tuple[str, str, str, str], set[str]] = defaultdict(set)
    for row in rows:
        if row.cik in leave_out:
            continue
        prefix, _, name = row.concept.partition(":")
        if prefix == "us-gaap":
            concept = f"us-gaap:{live[name]}" if name in live else f"{RETIRED}:{name}"
        else:
            concept = EXTENSION
        words = normalizer.key(row.label)  # the label's distinct words, sorted: all a vote reads
        if words:
            companies[(row.statement, row.period_type, words, concept)].add(row.cik)
    return [VocabularyRecord(*key, len(ciks)) for key, ciks in companies.items()]


MIN_CONVENTION_COMPANIES = 3  # modern filers that must agree before an old convention is carried forward


def conventions(records: Iterable[VocabularyRecord], modern: Iterable[TrainingRow], live: dict[str, str],
                normalizer: Normalizer) -> dict[tuple[str, str], str]:
    """Old conventions carried forward, learned where both vocabularies printed a label:
    (statement, concept the 2009–2010 filers chose most for it) → the concept most modern filers
    chose for the same words on the same statement, when at least MIN_CONVENTION_COMPANIES modern
    companies did so and they outnumber those who kept the old concept ("Cash and cash
    equivalents at end of period": CashAndCashEquivalentsAtCarryingValue then, the restricted-cash
    total since ASU 2016-18)."""
    tops: dict[tuple[str, str], tuple[int, str]] = {}
    for record in records:
        key = (record.statement, record.label)
        best = tops.get(key)
        if best is None or (record.companies, record.concept) > best:
            tops[key] = (record.companies, record.concept)
    chosen: dict[tuple[str, str], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for row in modern:
        prefix, _, name = row.concept.partition(":")
        if prefix != "us-gaap" or name not in live:
            continue
        top = tops.get((row.statement, normalizer.key(row.label)))
        if top is not None and top[1] != EXTENSION:  # filers' own concepts differ label by label
            chosen[(row.statement, top[1])][f"us-gaap:{live[name]}"].add(row.company)
    table: dict[tuple[str, str], str] = {}
    for (statement, old), by_concept in sorted(chosen.items()):
        counts = {concept: len(companies) for concept, companies in by_concept.items()}
        new, count = max(sorted(counts.items()), key=lambda item: item[1])
        if new != old and count >= MIN_CONVENTION_COMPANIES and count > counts.get(old, 0):
            table[(statement, old)] = new
    return table


def carried_forward(records: Iterable[VocabularyRecord],
                    table: dict[tuple[str, str], str]) -> list[VocabularyRecord]:
    """The records with each old convention replaced by its modern concept (counts merged);
    retired concepts without one are left out."""
    merged: dict[tuple[str, str, str, str], int] = defaultdict(int)
    for r in records:
        concept = table.get((r.statement, r.concept), r.concept)
        if not concept.startswith(f"{RETIRED}:"):
            merged[(r.statement, r.period_type, r.label, concept)] += r.companies
    return [VocabularyRecord(*key, count) for key, count in merged.items()]
