"""Evidence about us-gaap concepts from real filings (`../shared/corpus`).

* period types: every fact of a us-gaap concept in an XBRL instance or Inline XBRL
  document, with the period of its context;
* labels: the filers' label linkbases (`*_lab.xml`) and MetaLinks.json;
* item type and balance: MetaLinks.json (the SEC renderer's copy of the taxonomy);
* calculation arcs between us-gaap concepts in the filers' `*_cal.xml`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from converter.taxonomy.xlink import XBRLI, Arc, iter_arcs, iter_labels, parse_xml

USGAAP_NS = re.compile(r"^http://(?:(?:xbrl\.)?fasb\.org|xbrl\.us)/us-gaap/(\d{4})(?:-\d\d-\d\d)?$")
IX_NS = ("http://www.xbrl.org/2013/inlineXBRL", "http://www.xbrl.org/2008/inlineXBRL")
STANDARD_ROLE = "http://www.xbrl.org/2003/role/label"
_LINKBASE = re.compile(r"_(lab|cal|pre|def)\.xml$")
_HREF_YEAR = re.compile(r"us-gaap-(\d{4})")


@dataclass(frozen=True)
class PeriodUse:
    concept: str       # local name in us-gaap
    period_type: str   # "instant" | "duration"
    year: int          # us-gaap release the filing used
    source: str        # "contexts:<filing folder>"


@dataclass
class CorpusEvidence:
    period_uses: list[PeriodUse] = field(default_factory=list)
    # name -> list of (year, source, standard label)
    standard_labels: dict[str, list[tuple[int, str, str]]] = field(default_factory=dict)
    labels: dict[str, set[str]] = field(default_factory=dict)      # every label text seen
    metalinks_type: dict[str, str] = field(default_factory=dict)
    metalinks_balance: dict[str, str] = field(default_factory=dict)
    calc_arcs: list[Arc] = field(default_factory=list)  # filers' us-gaap to us-gaap arcs


def _instance_files(corpus: Path) -> Iterator[Path]:
    for folder in ("ixbrl", "xbrl-instances"):
        for path in sorted((corpus / folder).rglob("*")):
            name = path.name
            if path.suffix.lower() not in (".htm", ".html", ".xml") or _LINKBASE.search(name):
                continue
            if re.match(r"R\d+\.htm$", name) or name == "FilingSummary.xml" or ".xsd" in name:
                continue
            yield path


def _period_of(context: etree._Element) -> str | None:
    period = context.find(f"{{{XBRLI}}}period")
    if period is None:
        return None
    if period.find(f"{{{XBRLI}}}instant") is not None:
        return "instant"
    if period.find(f"{{{XBRLI}}}startDate") is not None:
        return "duration"
    return None


def _usgaap_year(uri: str) -> int | None:
    match = USGAAP_NS.match(uri)
    return int(match.group(1)) if match else None


def period_uses_in(path: Path, source: str) -> Iterator[PeriodUse]:
    """Every (concept, period type) of the us-gaap facts in one instance or Inline XBRL file."""
    root = parse_xml(path, recover=True)
    periods = {ctx.get("id"): _period_of(ctx) for ctx in root.iter(f"{{{XBRLI}}}context")}
    if not periods:
        return
    for element in root.iter():
        context_ref = element.get("contextRef")
        if context_ref is None or not isinstance(element.tag, str):
            continue
        namespace, _, name = element.tag[1:].partition("}")
        if namespace in IX_NS:
            prefix, _, name = element.get("name", "").rpartition(":")
            namespace = element.nsmap.get(prefix or None, "")
        year = _usgaap_year(namespace)
        period = periods.get(context_ref)
        if year is not None and period is not None:
            yield PeriodUse(concept=name, period_type=period, year=year, source=source)


def _add_label(evidence: CorpusEvidence, name: str, role: str, text: str,
               year: int, source: str) -> None:
    if not text:
        return
    evidence.labels.setdefault(name, set()).add(text)
    if role == STANDARD_ROLE:
        evidence.standard_labels.setdefault(name, []).append((year, source, text))


def _read_label_linkbase(evidence: CorpusEvidence, path: Path, source: str) -> None:
    raw = path.read_text(encoding="utf-8", errors="replace")
    years = [int(y) for y in _HREF_YEAR.findall(raw)]
    year = max(years) if years else 0
    for concept, role, text in iter_labels(path):
        prefix, _, name = concept.partition(":")
        if prefix == "us-gaap":
            _add_label(evidence, name, role, text, year, source)


def _read_metalinks(evidence: CorpusEvidence, path: Path, source: str) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    for instance in data["instance"].values():
        for tag in instance["tag"].values():
            match = USGAAP_NS.match(tag.get("nsuri", ""))
            if not match:
                continue
            name = tag["localname"]
            evidence.metalinks_type[name] = tag["xbrltype"]
            if "crdr" in tag:
                evidence.metalinks_balance[name] = tag["crdr"]
            for role, text in tag.get("lang", {}).get("en-us", {}).get("role", {}).items():
                if role != "documentation":
                    full_role = f"http://www.xbrl.org/2003/role/{role}"
                    _add_label(evidence, name, full_role, " ".join(text.split()),
                               int(match.group(1)), source)


def read_corpus(corpus: Path) -> CorpusEvidence:
    evidence = CorpusEvidence()
    for path in _instance_files(corpus):
        folder = path.parent.name
        evidence.period_uses.extend(period_uses_in(path, f"contexts:{folder}"))
    for folder in ("ixbrl", "xbrl-instances"):
        for path in sorted((corpus / folder).rglob("*_lab.xml")):
            _read_label_linkbase(evidence, path, f"lab:{path.parent.name}")
        for path in sorted((corpus / folder).rglob("*_cal.xml")):
            evidence.calc_arcs.extend(
                arc for arc in iter_arcs(path, "calculationArc")
                if arc.parent.startswith("us-gaap:") and arc.child.startswith("us-gaap:"))
        for path in sorted((corpus / folder).rglob("MetaLinks.json")):
            _read_metalinks(evidence, path, "metalinks")
    return evidence
