"""Read XLink linkbases (calculation, definition, presentation, label) safely with lxml.

Only what the taxonomy build needs: arcs between concepts named by their
locator fragments (`us-gaap_Assets` -> prefix "us-gaap", name "Assets").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from converter.errors import TaxonomyError

LINK = "http://www.xbrl.org/2003/linkbase"
XLINK = "http://www.w3.org/1999/xlink"
XBRLI = "http://www.xbrl.org/2003/instance"
_HREF = f"{{{XLINK}}}href"
_LABEL = f"{{{XLINK}}}label"
_FROM = f"{{{XLINK}}}from"
_TO = f"{{{XLINK}}}to"
_ROLE = f"{{{XLINK}}}role"
_ARCROLE = f"{{{XLINK}}}arcrole"
_TYPE = f"{{{XLINK}}}type"


@dataclass(frozen=True)
class Arc:
    role: str          # extended link role
    arcrole: str
    parent: str        # "prefix:Name"
    child: str
    weight: int | None  # calculation arcs only: +1 / -1
    order: float
    source: str        # file name the arc came from


def parse_xml(path: Path, *, recover: bool = False) -> etree._Element:
    """Parse a local XML file without entities or network access.

    `recover` tolerates the tag soup of some saved Inline XBRL pages."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True,
                             remove_comments=True, recover=recover)
    try:
        return etree.parse(str(path), parser).getroot()
    except (OSError, etree.XMLSyntaxError) as exc:
        raise TaxonomyError(f"cannot read XML: {exc}", file=path,
                            hint="check the taxonomy sources folder") from exc


def concept_of_href(href: str) -> str | None:
    """`../elts/us-gaap-2024.xsd#us-gaap_Assets` -> `us-gaap:Assets` (None if not a concept id)."""
    _, _, fragment = href.partition("#")
    prefix, sep, name = fragment.partition("_")
    if not sep or not name:
        return None
    return f"{prefix}:{name}"


def iter_arcs(path: Path, arc_tag: str) -> Iterator[Arc]:
    """Every arc named `arc_tag` (e.g. "calculationArc") in every extended link of the file."""
    root = parse_xml(path)
    for link in root.iter(f"{{{LINK}}}*"):
        if link.get(_TYPE) != "extended":
            continue
        locs = {loc.get(_LABEL): concept_of_href(loc.get(_HREF, ""))
                for loc in link.iter(f"{{{LINK}}}loc")}
        role = link.get(_ROLE, "")
        for arc in link.iter(f"{{{LINK}}}{arc_tag}"):
            parent, child = locs.get(arc.get(_FROM)), locs.get(arc.get(_TO))
            if parent is None or child is None:
                continue
            weight = arc.get("weight")
            yield Arc(role=role, arcrole=arc.get(_ARCROLE, ""), parent=parent, child=child,
                      weight=None if weight is None else (1 if float(weight) > 0 else -1),
                      order=float(arc.get("order", "0")), source=path.name)


def iter_labels(path: Path) -> Iterator[tuple[str, str, str]]:
    """(concept "prefix:Name", label role, text) for every English label of a label linkbase."""
    root = parse_xml(path)
    for link in root.iter(f"{{{LINK}}}labelLink"):
        locs: dict[str, str] = {}
        for loc in link.iter(f"{{{LINK}}}loc"):
            concept = concept_of_href(loc.get(_HREF, ""))
            if concept is not None:
                locs[loc.get(_LABEL, "")] = concept
        texts: dict[str, list[tuple[str, str]]] = {}
        for res in link.iter(f"{{{LINK}}}label"):
            lang = res.get("{http://www.w3.org/XML/1998/namespace}lang", "")
            if lang.lower().startswith("en"):
                texts.setdefault(res.get(_LABEL, ""), []).append(
                    (res.get(_ROLE, ""), " ".join("".join(res.itertext()).split())))
        for arc in link.iter(f"{{{LINK}}}labelArc"):
            concept = locs.get(arc.get(_FROM, ""))
            if concept is None:
                continue
            for role, text in texts.get(arc.get(_TO, ""), []):
                yield concept, role, text
