"""The filers' vocabulary: which concept many companies chose for each label they printed.

`taxonomy/mapping/filer-vocabulary.tsv.gz` holds one record a line (statement, period type,
label words, concept, companies): how many companies printed a label with these (normalised)
words on that statement and tagged it with that concept ("ext" for their own extension). It is
learned from the SEC's Financial Statement Data Sets (thousands of companies, 2009–2010, concepts
carried forward to their 2024 successors) by `converter/learning/vocabulary.py`; the mapper reads
it as two features of its own, apart from the modern filings' evidence (`evidence.py`), since old
conventions (Revenues before ASC 606, restricted cash outside cash) must not outvote new ones.

- `exact`: the concept's share of the companies that printed exactly this label's words;
- `votes`: its share of the companies' votes over similar labels, each label voting with its
  cosine to the query raised to `VOTE_POWER`, times the number of companies that printed it.
"""

from __future__ import annotations

import gzip
import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from converter.errors import TaxonomyError
from converter.mapping.arrays import Floats, Ints, NameArrays
from converter.mapping.evidence import EXTENSION
from converter.mapping.index import NameIndex, Vector
from converter.mapping.normalize import Normalizer
from converter.resources import TAXONOMY_DIR

VOCABULARY_FILE = TAXONOMY_DIR / "mapping" / "filer-vocabulary.tsv.gz"
VOTE_POWER = 8
RELEARN = "run `python benchmarks/learn.py`"


@dataclass(frozen=True)
class VocabularyRecord:
    statement: str
    period_type: str
    label: str  # the label's distinct normalised words, sorted (`Normalizer.key`)
    concept: str  # "us-gaap:Name" or EXTENSION
    companies: int


def read_vocabulary(path: Path, digest: str) -> tuple[VocabularyRecord, ...]:
    """The records of a vocabulary file: a header line naming the normalisation digest, then one
    tab-separated record a line (statement, period type, label words, concept, companies)."""
    try:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            header = json.loads(handle.readline())
            if header.get("normalize_digest") != digest:
                raise TaxonomyError("the filers' vocabulary was made with other normalisation rules",
                                    file=path, hint=RELEARN)
            records = []
            for line in handle:
                statement, period_type, label, concept, companies = line.rstrip("\n").split("\t")
                records.append(VocabularyRecord(statement, period_type, label, concept, int(companies)))
            return tuple(records)
    except (OSError, EOFError, json.JSONDecodeError, ValueError) as exc:
        raise TaxonomyError(f"cannot read the filers' vocabulary: {exc}", file=path, hint=RELEARN) from exc


def write_vocabulary(records: Iterable[VocabularyRecord], digest: str, path: Path) -> int:
    """Write records sorted (byte-identical rebuilds); returns how many."""
    rows = sorted(records, key=lambda r: (r.statement, r.period_type, r.label, r.concept))
    with gzip.GzipFile(path, "wb", mtime=0) as raw:
        raw.write((json.dumps({"about": f"generated; {RELEARN}", "normalize_digest": digest}) + "\n").encode())
        for r in rows:
            raw.write(f"{r.statement}\t{r.period_type}\t{r.label}\t{r.concept}\t{r.companies}\n".encode())
    return len(rows)


@lru_cache(maxsize=2)
def load_vocabulary(normalizer: Normalizer, path: Path = VOCABULARY_FILE) -> tuple[VocabularyRecord, ...]:
    return read_vocabulary(path, normalizer.digest)


class FilerVocabulary:
    """The vocabulary as arrays over one `NameArrays`' concept ids (EXTENSION gets the id
    `extension_id`, one past the last concept)."""

    def __init__(self, records: Iterable[VocabularyRecord], concepts: NameArrays) -> None:
        self.concepts = concepts
        self.extension_id = concepts.size
        index = concepts.index
        by_statement: dict[str, list[VocabularyRecord]] = defaultdict(list)
        for record in records:
            name = record.concept.partition(":")[2] if record.concept != EXTENSION else EXTENSION
            if name == EXTENSION or name in concepts.ids:
                by_statement[record.statement].append(record)
        self._exact: dict[tuple[str, str], dict[int, int]] = defaultdict(lambda: defaultdict(int))
        self._tables: dict[str, _Table] = {}
        for statement, rows in by_statement.items():
            table = self._tables[statement] = _Table(rows, self._id, index)
            for row, concept in zip(rows, table.record_concept.tolist(), strict=True):
                self._exact[(statement, row.label)][concept] += row.companies

    def _id(self, concept: str) -> int:
        return self.extension_id if concept == EXTENSION else self.concepts.ids[concept.partition(":")[2]]

    def exact(self, statement: str, key: str) -> tuple[Ints, Floats]:
        """Concept ids and their shares of the companies that printed exactly `key` (sorted words)."""
        counts = self._exact.get((statement, key))
        if not counts:
            return np.zeros(0, dtype=np.intp), np.zeros(0)
        total = sum(counts.values())
        return (np.fromiter(counts, dtype=np.intp, count=len(counts)),
                np.fromiter((n / total for n in counts.values()), dtype=np.float64, count=len(counts)))

    def votes(self, query: Vector, statement: str) -> Floats:
        """Each concept's share of the similarity-weighted company votes (dense, extension last)."""
        table = self._tables.get(statement)
        out = np.zeros(self.extension_id + 1)
        if table is None or not query:
            return out
        return table.votes(query, out)


class _Table:
    """One statement's labels: token postings of their TF-IDF vectors (the catalog's idf, as the
    query's), and per record its label, concept and company count."""

    def __init__(self, rows: list[VocabularyRecord], concept_id: Callable[[str], int], names: NameIndex) -> None:
        labels: dict[str, int] = {}
        record_label = [labels.setdefault(row.label, len(labels)) for row in rows]
        tokens: dict[str, int] = {}
        pair_label: list[int] = []
        pair_token: list[int] = []
        for text, label in labels.items():
            for word in text.split():
                pair_label.append(label)
                pair_token.append(tokens.setdefault(word, len(tokens)))
        idf = np.array([names.idf.get(token, names.default_idf) for token in tokens])
        label_ids = np.array(pair_label, dtype=np.intp)
        token_ids = np.array(pair_token, dtype=np.intp)
        weights = idf[token_ids] if len(token_ids) else np.zeros(0)
        norms = np.sqrt(np.bincount(label_ids, weights * weights, len(labels)))
        weights = weights / norms[label_ids] if len(token_ids) else weights
        order = np.argsort(token_ids, kind="stable")
        bounds = np.searchsorted(token_ids[order], np.arange(len(tokens) + 1))
        self.size = len(labels)
        self.postings = {token: (label_ids[order[bounds[i]:bounds[i + 1]]], weights[order[bounds[i]:bounds[i + 1]]])
                         for token, i in tokens.items()}
        self.record_label = np.array(record_label, dtype=np.intp)
        self.record_concept = np.array([concept_id(row.concept) for row in rows], dtype=np.intp)
        self.record_count = np.array([row.companies for row in rows], dtype=np.float64)

    def votes(self, query: Vector, out: Floats) -> Floats:
        parts = [(self.postings[token], weight) for token, weight in query.items() if token in self.postings]
        if not parts:
            return out
        cosine = np.bincount(np.concatenate([p[0] for p, _ in parts]),
                             np.concatenate([w * p[1] for p, w in parts]), self.size)
        weights = self.record_count * cosine[self.record_label] ** VOTE_POWER
        total = weights.sum()
        if total <= 0:
            return out
        return np.bincount(self.record_concept, weights / total, len(out))
