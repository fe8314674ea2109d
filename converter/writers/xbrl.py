"""Render an XbrlReport as an XBRL 2.1 instance with its extension schema and linkbases.

The templates in `templates/` do the rendering; this module only arranges the
report's ready values into what they iterate over. Files are written into a
temporary directory beside the target and moved into place.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from decimal import Decimal
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context, select_autoescape
from jinja2.runtime import Context

from converter.facts.contexts import CIK_SCHEME
from converter.facts.rules import TaxonomyRef, load_efm_rules, load_taxonomy_refs
from converter.model import CalcArc, Duration, Label, PresentationArc, XbrlReport
from converter.resources import TEMPLATES_DIR
from converter.writers.files import write_files

BASE_NAMESPACES = (
    ("xbrli", "http://www.xbrl.org/2003/instance"),
    ("link", "http://www.xbrl.org/2003/linkbase"),
    ("xlink", "http://www.w3.org/1999/xlink"),
    ("iso4217", "http://www.xbrl.org/2003/iso4217"),
)
NEGATED_ROLE_HREF = ("http://www.xbrl.org/2009/role/negatedLabel",
                     "http://www.xbrl.org/lrr/role/negated-2009-12-16.xsd#negatedLabel")
LINKBASE_ROLES = {
    "cal": "http://www.xbrl.org/2003/role/calculationLinkbaseRef",
    "pre": "http://www.xbrl.org/2003/role/presentationLinkbaseRef",
    "lab": "http://www.xbrl.org/2003/role/labelLinkbaseRef",
}
TEMPLATES = {"cal": "calculation.xml.j2", "pre": "presentation.xml.j2", "lab": "label.xml.j2"}


@dataclass(frozen=True)
class ContextView:
    """A context as the templates print it: an instant, or a start and an end date."""

    id: str
    instant: str | None
    start: str | None
    end: str | None


def context_views(report: XbrlReport) -> tuple[ContextView, ...]:
    return tuple(
        ContextView(c.id, None, c.period.start.isoformat(), c.period.end.isoformat())
        if isinstance(c.period, Duration) else ContextView(c.id, str(c.period), None, None)
        for c in report.contexts)


@dataclass(frozen=True)
class _Ref:
    uri: str
    href: str


@dataclass(frozen=True)
class _LinkbaseRef:
    role: str
    href: str


XML_ILLEGAL = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(value: object) -> object:
    """Drop what XML 1.0 cannot carry (form feeds and other controls of plain-text filings)."""
    if isinstance(value, str):
        return XML_ILLEGAL.sub("", value)
    return value


def xbrl_value(value: Decimal | str) -> str:
    """A fact value as XBRL writes it: decimals in plain notation (33227000, never 3.3227E+7)."""
    if isinstance(value, Decimal):
        return format(value, "f")
    return value


@cache
def _environment() -> Environment:
    """One template environment per process: templates compile once, not per filing."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        autoescape=select_autoescape(enabled_extensions=("xml", "xsd", "j2"),
                                     default_for_string=True, default=True),
        undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
        keep_trailing_newline=True, finalize=xml_text,
    )
    env.filters.update(xbrl_value=xbrl_value, href=_href, loc=_loc, lab=_lab,
                       arc_concepts=_arc_concepts, pre_link=presentation_link)
    return env


@pass_context
def _href(context: Context, concept: str) -> str:
    """The locator href of a concept: the extension schema, or the taxonomy's official URL."""
    prefix, name = concept.split(":", 1)
    if prefix == context["ext_prefix"]:
        return f"{context['stem']}.xsd#{prefix}_{name}"
    return f"{load_taxonomy_refs()[prefix].schema}#{prefix}_{name}"


class _Renderer:
    def __init__(self, report: XbrlReport) -> None:
        self.report = report
        self.taxonomies: dict[str, TaxonomyRef] = load_taxonomy_refs()
        self.env = _environment()

    def namespaces(self) -> tuple[tuple[str, str], ...]:
        entity = self.report.entity
        return (BASE_NAMESPACES
                + tuple((t.prefix, t.namespace) for t in self.taxonomies.values())
                + ((entity.prefix, entity.namespace),))

    def instance(self) -> str:
        return self.env.get_template("instance.xml.j2").render(
            namespaces=self.namespaces(), stem=self.report.stem, contexts=context_views(self.report),
            units=self.report.units, facts=self.report.facts, cik_scheme=CIK_SCHEME,
            cik=self.report.entity.cik)

    def schema(self, stem: str) -> str:
        used_types = {c.type.split(":", 1)[0] for c in self.report.extension_concepts}
        imports = tuple(t for t in self.taxonomies.values()
                        if t.prefix in ("us-gaap", "dei") or t.prefix in used_types)
        linkbases = tuple(_LinkbaseRef(LINKBASE_ROLES[kind], f"{stem}_{kind}.xml")
                          for kind in self.linkbase_kinds())
        return self.env.get_template("schema.xsd.j2").render(
            namespace=self.report.entity.namespace,
            namespaces=(("xs", "http://www.w3.org/2001/XMLSchema"),) + self.namespaces(),
            linkbases=linkbases, networks=self.report.networks, imports=imports,
            concepts=self.report.extension_concepts, used_on=load_efm_rules().used_on)

    def linkbase_kinds(self) -> tuple[str, ...]:
        """The linkbases the report has links for: a calculation linkbase without a single
        summation (no statement printed a total) is left out, as EFM 6.3.3 rejects an empty one."""
        calculations = any(network.calculation for network in self.report.networks)
        return tuple(kind for kind in TEMPLATES if kind != "cal" or calculations)

    def linkbase(self, kind: str) -> str:
        networks = self.report.networks
        labels: dict[str, list[Label]] = {}
        for label in self.report.labels:
            labels.setdefault(label.concept, []).append(label)
        if kind == "lab":
            negated = any(label.role == NEGATED_ROLE_HREF[0] for label in self.report.labels)
            role_refs: tuple[_Ref, ...] = (_Ref(*NEGATED_ROLE_HREF),) if negated else ()
        else:
            role_refs = tuple(_Ref(n.role_uri, f"{self.report.stem}.xsd#{n.role_id}")
                              for n in networks if kind == "pre" or n.calculation)
        return self.env.get_template(TEMPLATES[kind]).render(
            role_refs=role_refs, networks=networks, labels=tuple(labels.items()),
            stem=self.report.stem, ext_prefix=self.report.entity.prefix)


def _loc(concept: str) -> str:
    return "loc_" + concept.replace(":", "_")


def _lab(concept: str) -> str:
    return "lab_" + concept.replace(":", "_")


def _arc_concepts(arcs: Iterable[CalcArc | PresentationArc]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for arc in arcs:
        seen.setdefault(arc.parent)
        seen.setdefault(arc.child)
    return tuple(seen)


@dataclass(frozen=True)
class PresentationLink:
    """A presentation network's locators and arcs with their xlink labels. A concept shown
    again under the same parent (the cash at the beginning and at the end of a cash-flow
    statement, each with its preferred label) gets a locator of its own, as XBRL 2.1 allows
    no two arcs between the same locators."""

    locators: tuple[tuple[str, str], ...]  # (concept, xlink label)
    arcs: tuple[tuple[PresentationArc, str, str], ...]  # (arc, from label, to label)


def presentation_link(arcs: Iterable[PresentationArc]) -> PresentationLink:
    locators: dict[str, str] = {}
    pairs: set[tuple[str, str]] = set()
    labelled: list[tuple[PresentationArc, str, str]] = []
    for arc in arcs:
        source = _loc(arc.parent)
        locators.setdefault(source, arc.parent)
        target = _loc(arc.child)
        copy = 1
        while (source, target) in pairs:
            copy += 1
            target = f"{_loc(arc.child)}_{copy}"
        pairs.add((source, target))
        locators.setdefault(target, arc.child)
        labelled.append((arc, source, target))
    return PresentationLink(tuple((concept, label) for label, concept in locators.items()), tuple(labelled))


def taxonomy_files(report: XbrlReport) -> dict[str, str]:
    """`<stem>.xsd` and its `_cal`, `_pre`, `_lab` linkbases: the extension taxonomy every format uses."""
    renderer = _Renderer(report)
    stem = report.stem
    files = {f"{stem}.xsd": renderer.schema(stem)}
    for kind in renderer.linkbase_kinds():
        files[f"{stem}_{kind}.xml"] = renderer.linkbase(kind)
    return files


def namespaces(report: XbrlReport) -> tuple[tuple[str, str], ...]:
    """Prefix → namespace of every taxonomy the report's facts may use, as in the instance."""
    return _Renderer(report).namespaces()


def write_xbrl(report: XbrlReport, outdir: Path) -> tuple[Path, ...]:
    """Write `<stem>.xml`, `<stem>.xsd` and the `_cal`, `_pre`, `_lab` linkbases into `outdir`."""
    return write_files({f"{report.stem}.xml": _Renderer(report).instance(), **taxonomy_files(report)}, outdir)
