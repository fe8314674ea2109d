"""Face-statement training rows from a filer's own XBRL linkbases.

A filing folder holds the company schema (`*.xsd` or `*.xsd.xml`, with the role
definitions) and its presentation and label linkbases (`*_pre.xml`, `*_lab.xml`, or
embedded in the schema). The presentation roles that are the balance sheet, the income
statement, the statement of comprehensive income and the cash-flow statement (vocabulary:
`taxonomy/mapping/statement-roles.yaml`) are walked depth first in arc order; every reported concept becomes a `TrainingRow` with
the label the filer prints (the arc's preferred label), the heading it sits under (the
nearest abstract ancestor) and the concept the filer chose. Rows carry no value.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from converter.datafiles import RESTORE, read_data
from converter.errors import InputError, TaxonomyError
from converter.learning.rows import TrainingRow
from converter.resources import TAXONOMY_DIR
from converter.taxonomy.xlink import LINK, XLINK

ROLES_FILE = TAXONOMY_DIR / "mapping" / "statement-roles.yaml"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True, remove_comments=True)
_XSD = "http://www.w3.org/2001/XMLSchema"
_HREF, _LABEL, _FROM, _TO = (f"{{{XLINK}}}{a}" for a in ("href", "label", "from", "to"))
_ROLE, _ARCROLE = f"{{{XLINK}}}role", f"{{{XLINK}}}arcrole"
_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_ROLE_PREFIX = "http://www.xbrl.org/2003/role/"
_PARENT_CHILD = "http://www.xbrl.org/2003/arcrole/parent-child"
_US_GAAP_NS = "http://fasb.org/us-gaap/"
_NOT_ROWS = ("Axis", "Member", "Domain", "Table", "LineItems", "Abstract")
_CASH_CHANGES = ("CashAndCashEquivalentsPeriodIncreaseDecrease",
                 "CashCashEquivalentsRestrictedCashAndRestrictedCashEquivalentsPeriodIncrease")
_NO_LINKBASE_HINT = "the folder needs a presentation (*_pre.xml) and a label (*_lab.xml) linkbase"


@dataclass(frozen=True)
class RoleWords:
    """The vocabulary of `statement-roles.yaml`, as padded lower-case word phrases."""

    singular: dict[str, str]
    categories: tuple[str, ...]
    statements: tuple[tuple[str, tuple[str, ...]], ...]
    exclude: tuple[str, ...]
    root_sections: tuple[str, ...]
    learn: frozenset[str]  # statement kinds whose rows join the mapper's evidence


def _phrases(values: object, what: str, path: Path, singular: dict[str, str]) -> tuple[str, ...]:
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise TaxonomyError(f"{what} must be a list of phrases", file=path, hint=RESTORE)
    return tuple(_words(v, singular) for v in values)


def load_role_words(path: Path = ROLES_FILE) -> RoleWords:
    data = read_data(path, "statement role vocabulary")
    kinds, singular = data.get("statements"), data.get("singular")
    if not isinstance(kinds, dict) or not isinstance(singular, dict):
        raise TaxonomyError("statements and singular must be mappings", file=path, hint=RESTORE)
    plain = {str(k): str(v) for k, v in singular.items()}

    def phrases(key: str, values: object) -> tuple[str, ...]:
        return _phrases(values, key, path, plain)

    return RoleWords(singular=plain, categories=phrases("categories", data.get("categories")),
                     statements=tuple((str(k), phrases(f"statements.{k}", v)) for k, v in kinds.items()),
                     exclude=phrases("exclude", data.get("exclude")),
                     root_sections=phrases("root_sections", data.get("root_sections")),
                     learn=_kinds(data.get("learn_statements"), {str(k) for k in kinds}, path))


def _kinds(values: object, known: set[str], path: Path) -> frozenset[str]:
    if not isinstance(values, list) or not set(map(str, values)) <= known:
        raise TaxonomyError(f"learn_statements must list statement kinds among {sorted(known)}",
                            file=path, hint=RESTORE)
    return frozenset(map(str, values))


def _words(text: str, singular: dict[str, str]) -> str:
    """' consolidated balance sheet ' for 'CONSOLIDATED BALANCE SHEETS' or 'ConsolidatedBalanceSheets'."""
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", " ", text)
    words = [singular.get(w, w) for w in re.findall(r"[a-z0-9]+", spaced.lower())]
    return f" {' '.join(words)} "


def statement_kind(description: str, vocab: RoleWords) -> str | None:
    """The face statement a role is (a StatementKind value other than 'equity') or None.

    `description` is the role definition ("0000004 - Statement - BALANCE SHEETS") or its URI."""
    parts = [p.strip() for p in description.split(" - ")]
    if len(parts) >= 3 and parts[0].isdigit():
        if _words(parts[1], vocab.singular) not in vocab.categories:
            return None
        title = " - ".join(parts[2:])
    else:
        title = description.rstrip("/").rsplit("/", 1)[-1]
    words = _words(title, vocab.singular)
    if any(phrase in words for phrase in vocab.exclude):
        return None
    return next((kind for kind, phrases in vocab.statements if any(p in words for p in phrases)), None)


@dataclass(frozen=True)
class _Filing:
    company: str
    schema: Path | None
    prefixes: dict[str, str] = field(default_factory=dict)      # namespace prefix -> URI
    target: str = ""
    names: dict[str, tuple[str, bool]] = field(default_factory=dict)  # element id -> (name, abstract)
    roles: dict[str, str] = field(default_factory=dict)          # role URI -> definition


@dataclass(frozen=True)
class _Arc:
    order: float
    child: str
    preferred: str


def _parse(path: Path) -> etree._Element:
    try:
        return etree.parse(str(path), _PARSER).getroot()
    except (OSError, etree.XMLSyntaxError) as exc:
        raise InputError(f"cannot read XML: {exc}", file=path,
                         hint="the linkbase must be well-formed XML") from exc


def _has_links(root: etree._Element) -> bool:
    kinds = {el.tag for el in root.iter(f"{{{LINK}}}presentationLink", f"{{{LINK}}}labelLink")}
    return len(kinds) == 2


def _filing(folder: Path) -> tuple[_Filing, list[etree._Element]]:
    """The filing's schema facts and the parsed documents holding its pre and lab linkbases."""
    if not folder.is_dir():
        raise InputError("not a folder", file=folder, hint="give a filing folder with its XBRL linkbases")
    schemas = sorted(p for p in folder.iterdir() if p.name.endswith((".xsd", ".xsd.xml")))
    pre, lab = sorted(folder.glob("*_pre.xml")), sorted(folder.glob("*_lab.xml"))
    named = (schemas or pre or lab or [folder])[0]
    company = re.split(r"[-_.]", named.name, maxsplit=1)[0].lower()
    if not schemas:
        filing = _Filing(company=company, schema=None)
        roots = [_parse(p) for p in pre + lab] if pre and lab else []
    else:
        root = _parse(schemas[0])
        filing = _Filing(
            company=company, schema=schemas[0], prefixes={k: v for k, v in root.nsmap.items() if k},
            target=root.get("targetNamespace", ""),
            names={el.get("id", ""): (el.get("name", ""), el.get("abstract") == "true")
                   for el in root.iter(f"{{{_XSD}}}element") if el.get("id")},
            roles={rt.get("roleURI", ""): " ".join("".join(d.itertext()).split())
                   for rt in root.iter(f"{{{LINK}}}roleType") for d in rt.iter(f"{{{LINK}}}definition")})
        roots = [_parse(p) for p in pre + lab] if pre and lab else [root] if _has_links(root) else []
    if not roots:
        raise InputError("no presentation and label linkbase", file=folder, hint=_NO_LINKBASE_HINT)
    return filing, roots


def _concept(href: str, filing: _Filing) -> tuple[str, bool] | None:
    """("us-gaap:Assets", abstract) for a locator href; None for dei, srt and other taxonomies."""
    doc, _, fragment = href.partition("#")
    prefix, sep, rest = fragment.partition("_")
    if not sep:
        return None
    doc_name = doc.rsplit("/", 1)[-1]
    namespace = filing.prefixes.get(prefix, "")
    if namespace.startswith(_US_GAAP_NS) or (not namespace and doc_name.startswith("us-gaap")):
        return f"us-gaap:{rest}", False
    schema = filing.schema
    local = schema is not None and (not doc or doc_name in (schema.name, schema.name.removesuffix(".xml")))
    if local or (namespace and namespace == filing.target):
        name, abstract = filing.names.get(fragment, (rest, False))
        return f"{prefix}:{name}", abstract
    return None


def _labels(roots: list[etree._Element]) -> dict[str, dict[str, str]]:
    """href fragment -> label role -> English text."""
    labels: dict[str, dict[str, str]] = {}
    for root in roots:
        for link in root.iter(f"{{{LINK}}}labelLink"):
            locs = {loc.get(_LABEL): loc.get(_HREF, "").partition("#")[2] for loc in link.iter(f"{{{LINK}}}loc")}
            texts: dict[str, list[tuple[str, str]]] = {}
            for res in link.iter(f"{{{LINK}}}label"):
                if res.get(_LANG, "").lower() in ("en", "en-us"):
                    texts.setdefault(res.get(_LABEL, ""), []).append(
                        (res.get(_ROLE, ""), " ".join("".join(res.itertext()).split())))
            for arc in link.iter(f"{{{LINK}}}labelArc"):
                fragment = locs.get(arc.get(_FROM), "")
                for role, text in texts.get(arc.get(_TO, ""), []) if fragment else []:
                    labels.setdefault(fragment, {}).setdefault(role, text)
    return labels


def _networks(roots: list[etree._Element]) -> dict[str, tuple[dict[str, list[_Arc]], dict[str, str]]]:
    """role URI -> (parent fragment -> child arcs in order, fragment -> href), in document order."""
    networks: dict[str, tuple[dict[str, list[_Arc]], dict[str, str]]] = {}
    for root in roots:
        for link in root.iter(f"{{{LINK}}}presentationLink"):
            tree, hrefs = networks.setdefault(link.get(_ROLE, ""), ({}, {}))
            locs = {}
            for loc in link.iter(f"{{{LINK}}}loc"):
                href = loc.get(_HREF, "")
                locs[loc.get(_LABEL)] = href.partition("#")[2]
                hrefs.setdefault(href.partition("#")[2], href)
            prohibited = set()
            for arc in link.iter(f"{{{LINK}}}presentationArc"):
                parent, child = locs.get(arc.get(_FROM)), locs.get(arc.get(_TO))
                if not parent or not child or arc.get(_ARCROLE, _PARENT_CHILD) != _PARENT_CHILD:
                    continue
                if arc.get("use") == "prohibited":
                    prohibited.add((parent, child))
                    continue
                tree.setdefault(parent, []).append(_Arc(_order(arc), child, arc.get("preferredLabel", "")))
            for parent, child in prohibited:
                tree[parent] = [a for a in tree.get(parent, []) if a.child != child]
    for tree, _ in networks.values():
        for arcs in tree.values():
            arcs.sort(key=lambda a: a.order)
    return networks


def _order(arc: etree._Element) -> float:
    try:
        return float(arc.get("order", "1"))
    except ValueError as exc:
        raise InputError(f"presentation arc order {arc.get('order')!r} is not a number",
                         file=arc.getroottree().docinfo.URL, line=arc.sourceline,
                         hint="the order attribute must be a decimal number") from exc


def _period(kind: str, name: str, preferred: str) -> str:
    if kind == "balance_sheet" or preferred.endswith(("periodStartLabel", "periodEndLabel")):
        return "instant"
    if (kind == "cash_flow" and name.startswith("Cash") and "Equivalents" in name
            and not name.startswith(_CASH_CHANGES)):
        return "instant"
    return "duration"


@dataclass(frozen=True)
class _Network:
    kind: str
    tree: dict[str, list[_Arc]]
    hrefs: dict[str, str]


def _printed(texts: dict[str, str], preferred: str, name: str) -> str:
    """The label a reader sees: the arc's preferred label, else the terse, else the standard one."""
    text = (texts.get(preferred) or texts.get(_ROLE_PREFIX + "terseLabel")
            or texts.get(_ROLE_PREFIX + "label") or name)
    return text.removesuffix("[Abstract]").strip()


def _network_rows(network: _Network, filing: _Filing, labels: dict[str, dict[str, str]],
                  vocab: RoleWords, doc: str) -> Iterator[TrainingRow]:
    """Depth first in arc order from every root; a row's section is its nearest abstract heading."""
    tree = network.tree
    children = {a.child for arcs in tree.values() for a in arcs}
    roots = [p for p in tree if p not in children]
    stack: list[tuple[str, str, str, tuple[str, ...]]] = [(r, "", "", ()) for r in reversed(roots)]
    while stack:
        node, preferred, section, path = stack.pop()
        concept = _concept(network.hrefs.get(node, ""), filing)
        texts = labels.get(node, {})
        inner = section
        if concept is not None:
            name, abstract = concept[0].partition(":")[2], concept[1]
            if abstract or name.endswith(_NOT_ROWS):
                heading = _printed(texts, preferred, name)
                is_root = not path and any(p in _words(heading, vocab.singular) for p in vocab.root_sections)
                if (abstract or name.endswith("Abstract")) and not is_root:
                    inner = heading
            else:
                label = _printed(texts, preferred, name)
                yield TrainingRow(doc=doc, company=filing.company, statement=network.kind,
                                  period_type=_period(network.kind, name, preferred), section=section,
                                  label=label, concept=concept[0], negated="negated" in preferred.lower(),
                                  value="")
        if node not in path:
            stack.extend((a.child, a.preferred, inner, (*path, node)) for a in reversed(tree.get(node, [])))


def linkbase_rows(folder: Path, vocab: RoleWords | None = None) -> list[TrainingRow]:
    """The face-statement rows of one filing folder, statement by statement in presentation order."""
    vocab = vocab or load_role_words()
    filing, roots = _filing(folder)
    labels = _labels(roots)
    rows: list[TrainingRow] = []
    for role, (tree, hrefs) in _networks(roots).items():
        kind = statement_kind(filing.roles.get(role, role), vocab)
        if kind is not None:
            rows.extend(_network_rows(_Network(kind, tree, hrefs), filing, labels, vocab, folder.name))
    return rows


def shared_linkbase_folders(shared: Path) -> list[Path]:
    """The filing folders of the reference material with a presentation and a label linkbase."""
    corpus = shared / "corpus"
    candidates = sorted((corpus / "xbrl-instances").glob("*/"))
    candidates.append(corpus / "ixbrl" / "arelle-ixbrl-viewer_clorox-10-k-2022")
    return [folder for folder in candidates if folder.is_dir() and _usable(folder)]


def _usable(folder: Path) -> bool:
    if any(folder.glob("*_pre.xml")) and any(folder.glob("*_lab.xml")):
        return True
    schemas = sorted(p for p in folder.iterdir() if p.name.endswith((".xsd", ".xsd.xml")))
    return bool(schemas) and _has_links(_parse(schemas[0]))
