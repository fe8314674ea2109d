"""Load the committed concept catalog (`taxonomy/us-gaap-2024/concepts.jsonl.gz`).

CONTRACT (implemented by the taxonomy build work; other stages rely on exactly this API):

    @dataclass(frozen=True)
    class CatalogConcept:
        name: str                      # "AccountsPayableCurrent"
        prefix: str                    # "us-gaap"
        type: str                      # "xbrli:monetaryItemType", "dtr-types:perShareItemType", ...
        substitution_group: str        # "xbrli:item", "xbrldt:dimensionItem", "xbrldt:hypercubeItem"
        abstract: bool
        period_type: PeriodType
        balance: Balance | None
        nillable: bool
        deprecated: str | None         # year or date the concept was deprecated, None if live
        replacement: str | None        # replacement concept name when the deprecation linkbase names one
        label: str                     # standard-style label
        labels: tuple[str, ...]        # real-world labels seen in filings
        def to_def(self) -> ConceptDef  # model.ConceptDef for writers
        @property usable -> bool       # item, not abstract, not deprecated

    class Catalog:
        def get(self, name: str) -> CatalogConcept | None
        def __contains__(self, name: str) -> bool
        def __iter__(self) -> Iterator[CatalogConcept]
        def __len__(self) -> int

    def load_catalog() -> Catalog          # cached; raises TaxonomyError when the data is missing

The eight elements of typed dimensions (`...Axis.domain`, XML Schema types) are in the
catalog too, with substitution_group "" (they are not items, so never usable).
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from converter.datafiles import read_data
from converter.errors import TaxonomyError
from converter.model import Balance, ConceptDef, PeriodType
from converter.resources import TAXONOMY_DIR

CATALOG_PATH = TAXONOMY_DIR / "us-gaap-2024" / "concepts.jsonl.gz"
NON_NEGATIVE_PATH = TAXONOMY_DIR / "rules" / "non-negative.json"
PREFIX = "us-gaap"
_PERIODS = {p.value: p for p in PeriodType}
_BALANCES = {b.value: b for b in Balance}


@dataclass(frozen=True)
class CatalogConcept:
    name: str
    prefix: str
    type: str
    substitution_group: str
    abstract: bool
    period_type: PeriodType
    balance: Balance | None
    nillable: bool
    deprecated: str | None
    replacement: str | None
    label: str
    labels: tuple[str, ...]

    def to_def(self) -> ConceptDef:
        return ConceptDef(prefix=self.prefix, name=self.name, type=self.type,
                          period_type=self.period_type, balance=self.balance,
                          label=self.label, abstract=self.abstract)

    @property
    def usable(self) -> bool:
        return (self.substitution_group == "xbrli:item" and not self.abstract
                and self.deprecated is None)


class Catalog:
    """The us-gaap 2024 concepts by name."""

    def __init__(self, concepts: dict[str, CatalogConcept]) -> None:
        self._concepts = concepts

    def get(self, name: str) -> CatalogConcept | None:
        return self._concepts.get(name)

    def __contains__(self, name: object) -> bool:
        return name in self._concepts

    def __iter__(self) -> Iterator[CatalogConcept]:
        return iter(self._concepts.values())

    def __len__(self) -> int:
        return len(self._concepts)


def _concept(row: dict[str, object]) -> CatalogConcept:
    balance = row["balance"]
    return CatalogConcept(
        name=str(row["name"]), prefix=PREFIX, type=str(row["type"]),
        substitution_group=str(row["sg"]), abstract=bool(row["abstract"]),
        period_type=_PERIODS[str(row["period"])],
        balance=None if balance is None else _BALANCES[str(balance)],
        nillable=bool(row["nillable"]),
        deprecated=None if row["deprecated"] is None else str(row["deprecated"]),
        replacement=None if row["replacement"] is None else str(row["replacement"]),
        label=str(row["label"]), labels=tuple(row["labels"]))  # type: ignore[arg-type]


def _bad_line(lines: list[str]) -> tuple[int, str]:
    """The first line that is not a catalog entry, and why."""
    for number, line in enumerate(lines, start=1):
        try:
            _concept(json.loads(line))
        except (json.JSONDecodeError, KeyError, TypeError, AttributeError) as exc:
            return number, repr(exc)
    return 0, "unknown"


def read_catalog(path: Path) -> Catalog:
    """Read a catalog file (the build's output); raises TaxonomyError naming file and line."""
    try:
        text = gzip.decompress(path.read_bytes()).decode("utf-8")
    except FileNotFoundError as exc:
        raise TaxonomyError("concept catalog missing", file=path,
                            hint="run `xbrlconv taxonomy build --sources DIR`") from exc
    except (OSError, EOFError, zlib.error, UnicodeDecodeError) as exc:
        raise TaxonomyError(f"concept catalog unreadable: {exc}", file=path,
                            hint="rebuild it with `xbrlconv taxonomy build`") from exc
    lines = text.splitlines()
    try:  # one parse of the whole file is twice as fast as one per line
        concepts = [_concept(row) for row in json.loads("[" + ",".join(lines) + "]")]
    except (json.JSONDecodeError, KeyError, TypeError, AttributeError) as exc:
        number, reason = _bad_line(lines)
        raise TaxonomyError(f"bad catalog entry ({reason})", file=path, line=number or None,
                            hint="rebuild it with `xbrlconv taxonomy build`") from exc
    return Catalog({concept.name: concept for concept in concepts})


@lru_cache(maxsize=1)
def load_catalog() -> Catalog:
    """The shipped catalog, read once per process."""
    return read_catalog(CATALOG_PATH)


@lru_cache(maxsize=2)
def non_negative_concepts(path: Path = NON_NEGATIVE_PATH) -> frozenset[str]:
    """us-gaap concepts (local names) whose values must never be negative: XBRL US DQC rule
    0015's list, in `taxonomy/rules/non-negative.json`."""
    try:
        return frozenset(str(name) for name in read_data(path, "rule data")["concepts"])
    except (KeyError, TypeError) as exc:
        raise TaxonomyError(f"malformed rule data: {exc!r}", file=path) from exc
