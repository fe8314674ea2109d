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

from converter.errors import TaxonomyError
from converter.model import Balance, ConceptDef, PeriodType
from converter.resources import TAXONOMY_DIR

CATALOG_PATH = TAXONOMY_DIR / "us-gaap-2024" / "concepts.jsonl.gz"
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


def _concept(line: str) -> CatalogConcept:
    row = json.loads(line)
    balance = row["balance"]
    return CatalogConcept(
        name=row["name"], prefix=PREFIX, type=row["type"], substitution_group=row["sg"],
        abstract=row["abstract"], period_type=_PERIODS[row["period"]],
        balance=None if balance is None else _BALANCES[balance], nillable=row["nillable"],
        deprecated=row["deprecated"], replacement=row["replacement"], label=row["label"],
        labels=tuple(row["labels"]))


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
    concepts: dict[str, CatalogConcept] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        try:
            concept = _concept(line)
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise TaxonomyError(f"bad catalog entry ({exc!r})", file=path, line=number,
                                hint="rebuild it with `xbrlconv taxonomy build`") from exc
        concepts[concept.name] = concept
    return Catalog(concepts)


@lru_cache(maxsize=1)
def load_catalog() -> Catalog:
    """The shipped catalog, read once per process."""
    return read_catalog(CATALOG_PATH)
