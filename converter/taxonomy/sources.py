"""Read the us-gaap 2024 source material (`--sources DIR`, laid out like ../shared/taxonomy-sources).

Expected layout:
    us-gaap-2024/            the FASB package minus its big files (stm/, meta/, elts/)
    fintagging/us_gaap_2024_BM25.jsonl   every concept name with its item type
    arelle-edgar/            merged calculation relationships 2024/2025 (statements and
                             the 2024 summary of all relationships), deprecated concepts
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from converter.errors import TaxonomyError
from converter.taxonomy.xlink import Arc, iter_arcs

PREFIX = "us-gaap"
DEP_DEFINITION_ARCROLES = (  # from = replacement, to = deprecated; in order of preference
    "dep-concept-deprecatedConcept",
    "essence-alias",
    "dep-dimensionallyQualifiedConcept-deprecatedConcept",
    "dep-mutuallyExclusiveConcept-deprecatedConcept",
    "dep-partConcept-deprecatedAggregateConcept",
    "dep-aggregateConcept-deprecatedPartConcept",
)


@dataclass(frozen=True)
class TaxonomySources:
    root: Path
    concepts: dict[str, str]                  # name -> item type local name (as listed)
    calc_arcs: tuple[Arc, ...]                # us-gaap to us-gaap only, stm + arelle-edgar
    stm_presentation: tuple[Arc, ...]         # FASB statement networks
    meta_arcs: tuple[Arc, ...]                # instant-inflow/outflow/accrual/contra
    deprecated: dict[str, str]                # name -> year/date deprecated in the 2024 release
    replacements: dict[str, tuple[str, str]]  # deprecated name -> (replacement, arcrole)

    @property
    def usgaap(self) -> Path:
        return self.root / "us-gaap-2024"


def _require(path: Path) -> Path:
    if not path.exists():
        raise TaxonomyError("taxonomy source missing", file=path,
                            hint="pass --sources pointing at a taxonomy-sources folder")
    return path


def read_concept_list(path: Path) -> dict[str, str]:
    concepts: dict[str, str] = {}
    with _require(path).open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            try:
                row = json.loads(line)
                concepts[row["us_gaap_tag"]] = row["entity_type"]
            except (json.JSONDecodeError, KeyError) as exc:
                raise TaxonomyError(f"bad concept row: {exc}", file=path, line=number) from exc
    return concepts


def _local(concept: str) -> str | None:
    prefix, _, name = concept.partition(":")
    return name if prefix == PREFIX else None


def _usgaap_pairs(arcs: list[Arc], names: dict[str, str]) -> list[Arc]:
    return [arc for arc in arcs
            if _local(arc.parent) in names and _local(arc.child) in names]


def read_sources(root: Path) -> TaxonomySources:
    usgaap = _require(root / "us-gaap-2024")
    concepts = read_concept_list(root / "fintagging" / "us_gaap_2024_BM25.jsonl")
    calc: list[Arc] = []
    for path in sorted((usgaap / "stm").glob("*-cal-*.xml")):
        calc.extend(iter_arcs(path, "calculationArc"))
    for path in sorted((root / "arelle-edgar").glob("us-gaap-cal-*-all.xsd")):
        calc.extend(iter_arcs(path, "calculationArc"))
    calc.extend(_rels_calcs(_require(root / "arelle-edgar" / "us-gaap-rels-2024.json")))
    pre: list[Arc] = []
    for path in sorted((usgaap / "stm").glob("*-pre-*.xml")):
        pre.extend(iter_arcs(path, "presentationArc"))
    meta: list[Arc] = []
    for kind in ("Inflow", "Outflow", "Accrual", "Contra"):
        meta.extend(iter_arcs(_require(usgaap / "meta" / f"us-gaap-instant{kind}-2024.xsd"),
                              "definitionArc"))
    deprecated, replacements = _read_deprecations(root, concepts)
    return TaxonomySources(root=root, concepts=concepts,
                           calc_arcs=tuple(_usgaap_pairs(calc, concepts)),
                           stm_presentation=tuple(_usgaap_pairs(pre, concepts)),
                           meta_arcs=tuple(_usgaap_pairs(meta, concepts)),
                           deprecated=deprecated, replacements=replacements)


def _rels_calcs(path: Path) -> list[Arc]:
    """The SEC's summary of every 2024 calculation relationship (disclosures included):
    {"calcs": {"1.0": {"us-gaap": {parent: {"us-gaap": [child, ...]}}}, "-1.0": ...}}."""
    try:
        calcs = json.loads(path.read_text(encoding="utf-8"))["calcs"]
        return [Arc(role="", arcrole="summation-item", parent=f"{PREFIX}:{parent}",
                    child=f"{PREFIX}:{child}", weight=1 if float(weight) > 0 else -1,
                    order=0.0, source=path.name)
                for weight, by_prefix in sorted(calcs.items())
                for parent, children in sorted(by_prefix.get(PREFIX, {}).items())
                for child in children.get(PREFIX, [])]
    except (json.JSONDecodeError, KeyError, AttributeError, ValueError) as exc:
        raise TaxonomyError(f"unexpected calculation summary: {exc!r}", file=path) from exc


def _read_deprecations(root: Path, concepts: dict[str, str]
                       ) -> tuple[dict[str, str], dict[str, tuple[str, str]]]:
    """Deprecated in 2024 = listed in the 2024 deprecated-concepts network (depcon-pre);
    the date comes from the SEC's list of deprecated concepts with their years."""
    elts = root / "us-gaap-2024" / "elts"
    dates_path = _require(root / "arelle-edgar" / "us-gaap-deprecated-concepts.json")
    dates: dict[str, str] = json.loads(dates_path.read_text(encoding="utf-8"))
    in_network: set[str] = set()
    for arc in iter_arcs(_require(elts / "us-gaap-depcon-pre-2024.xml"), "presentationArc"):
        in_network.update(n for n in (_local(arc.parent), _local(arc.child)) if n)
    deprecated = {name: dates[name] for name in sorted(in_network)
                  if name in concepts and name in dates}
    rank = {role: index for index, role in enumerate(DEP_DEFINITION_ARCROLES)}
    best: dict[str, tuple[int, float, str, str]] = {}
    for arc in iter_arcs(_require(elts / "us-gaap-depcon-def-2024.xml"), "definitionArc"):
        old, new = _local(arc.child), _local(arc.parent)
        kind = arc.arcrole.rsplit("/", 1)[-1]
        if old not in deprecated or new is None or kind not in rank:
            continue
        key = (rank[kind], arc.order, new, kind)
        if old not in best or key < best[old]:
            best[old] = key
    replacements = {old: (key[2], key[3]) for old, key in sorted(best.items())}
    return deprecated, replacements
