"""`xbrlconv taxonomy build --sources DIR`: derive the concept catalog and the offline
taxonomy package from the us-gaap 2024 source material and the shared filings.

Outputs (under `out`, normally the project's `taxonomy/`):
    us-gaap-2024/concepts.jsonl.gz   the catalog (one concept per line)
    us-gaap-2024/evidence.jsonl.gz   per concept, the evidence of each derived attribute
    packages/xbrlconv-us-gaap-2024.zip
"""

from __future__ import annotations

import gzip
import io
import json
import re
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

from converter.errors import TaxonomyError
from converter.resources import TAXONOMY_DIR
from converter.taxonomy import derive
from converter.taxonomy.corpus import CorpusEvidence, read_corpus
from converter.taxonomy.labels import real_labels, standard_label
from converter.taxonomy.package import PACKAGE_FILE, write_package
from converter.taxonomy.record import ConceptRecord
from converter.taxonomy.rules import BuildRules, load_rules
from converter.taxonomy.schema import DeiConcept, DeiType, dei_schema, srt_types_schema, usgaap_schema
from converter.taxonomy.sources import TaxonomySources, read_sources
from converter.taxonomy.xlink import Arc

CATALOG_FILE = "concepts.jsonl.gz"
EVIDENCE_FILE = "evidence.jsonl.gz"
PACKAGED_ELTS = ("us-types-2024.xsd", "us-roles-2024.xsd", "us-arcroles-2024.xsd",
                 "us-parts-codification-2024.xsd", "us-parts-tin-2024.xsd")
_WORD = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+")


@dataclass(frozen=True)
class BuildSummary:
    concepts: int
    catalog: Path
    evidence: Path
    package: Path
    period_type_evidence: dict[str, int]    # evidence kind -> concepts decided by it
    balance_evidence: dict[str, int]
    context_disagreements: tuple[str, ...]  # same-release contexts that disagree
    holdout: tuple[int, int]                # (agreeing, compared): derivation without contexts
    calc_violations: int                    # FASB statement and SEC merged calculation arcs
    filer_calc_violations: int              # calculation arcs of the shared filings
    seconds: float

    def report(self) -> str:
        """A few lines for the command line."""
        agree, compared = self.holdout
        lines = [
            f"{self.concepts} concepts -> {self.catalog}",
            f"evidence -> {self.evidence}",
            f"package -> {self.package}",
            "period type from: " + ", ".join(f"{k} {v}" for k, v in self.period_type_evidence.items()),
            "balance from: " + ", ".join(f"{k} {v}" for k, v in self.balance_evidence.items()),
            f"period type without filings agrees with {agree}/{compared} concepts used in them",
            f"contexts disagreeing (2024 release): {len(self.context_disagreements)}",
            f"calculation arcs contradicting balances: {self.calc_violations} "
            f"(filers' arcs: {self.filer_calc_violations})",
            f"built in {self.seconds} s",
        ]
        return "\n".join(lines + list(self.context_disagreements))


def build(sources: Path, out: Path = TAXONOMY_DIR, corpus: Path | None = None) -> BuildSummary:
    """Build catalog, evidence and package from `sources` and the filings in `corpus`
    (by default the `corpus` folder beside `sources`)."""
    started = time.perf_counter()
    src = read_sources(sources)
    evidence = read_corpus(corpus if corpus is not None else sources.parent / "corpus")
    rules = load_rules(TAXONOMY_DIR / "us-gaap-2024" / "rules.yaml")
    records = derive_records(src, evidence, rules)
    folder = out / "us-gaap-2024"
    folder.mkdir(parents=True, exist_ok=True)
    catalog = folder / CATALOG_FILE
    catalog.write_bytes(gzip_bytes("".join(catalog_line(r) for r in records)))
    evidence_path = folder / EVIDENCE_FILE
    evidence_path.write_bytes(gzip_bytes("".join(
        json.dumps({"name": r.name, **dict(r.evidence)}, ensure_ascii=False,
                   separators=(",", ":")) + "\n" for r in records)))
    package = write_package(out / "packages" / PACKAGE_FILE, _package_members(src, records))
    contexts = derive.context_period_types(evidence)
    blind = derive.derive_period_types(src, _structures(src, rules), rules, {}, evidence.calc_arcs)
    compared = [name for name in contexts if name in blind]
    by_name = {r.name: r for r in records}
    return BuildSummary(
        concepts=len(records), catalog=catalog, evidence=evidence_path, package=package,
        period_type_evidence=_count(records, "period_type"),
        balance_evidence=_count(records, "balance"),
        context_disagreements=tuple(context_disagreements(by_name, evidence)),
        holdout=(sum(blind[n].value == contexts[n].value for n in compared), len(compared)),
        calc_violations=len(calc_violations(by_name, src.calc_arcs)),
        filer_calc_violations=len(calc_violations(by_name, evidence.calc_arcs)),
        seconds=round(time.perf_counter() - started, 2))


def _us_types(src: TaxonomySources) -> set[str]:
    text = (src.usgaap / "elts" / "us-types-2024.xsd").read_text(encoding="utf-8")
    return set(re.findall(r"complexType[^>]*name='([^']+)'", text))


def _structures(src: TaxonomySources, rules: BuildRules) -> dict[str, derive.Structure]:
    us_types = _us_types(src)
    return {name: derive.structure_of(name, listed, us_types, rules)
            for name, listed in src.concepts.items()}


def _enum_domain(name: str, domains: list[str], rules: BuildRules) -> tuple[str, str, str]:
    for pattern, head, role in rules.enumeration_domains:
        if pattern.search(name):
            return head, role, f"name-rule:enumeration_domains:{pattern.pattern}"
    words = set(_WORD.findall(name))
    best = max(domains, key=lambda d: (len(words & set(_WORD.findall(d))), -len(d), d))
    return best, rules.enumeration_default_linkrole, "name-words:domainItemType"


def derive_records(src: TaxonomySources, corpus: CorpusEvidence,
                   rules: BuildRules) -> list[ConceptRecord]:
    structures = _structures(src, rules)
    periods = derive.derive_period_types(src, structures, rules,
                                         derive.context_period_types(corpus), corpus.calc_arcs)
    balances = derive.derive_balances(src, structures, rules, corpus)
    domains = sorted(n for n, s in structures.items()
                     if s.type == "dtr-types:domainItemType" and n.endswith("Domain"))
    records = []
    for name in sorted(src.concepts):
        struct = structures[name]
        period = periods[name]
        balance = balances.get(name, derive.Attribute(None, "not-monetary"))
        label, label_evidence = standard_label(name, corpus)
        evidence = [("type", struct.evidence), ("period_type", period.evidence),
                    ("balance", balance.evidence), ("label", label_evidence)]
        enum_domain = enum_role = None
        if struct.type == "enum2:enumerationSetItemType":
            enum_domain, enum_role, enum_evidence = _enum_domain(name, domains, rules)
            evidence.append(("enum_domain", enum_evidence))
        replacement = src.replacements.get(name)
        if name in src.deprecated:
            evidence.append(("deprecated", "depcon-pre+us-gaap-deprecated-concepts.json"))
        if replacement is not None:
            evidence.append(("replacement", f"depcon-def:{replacement[1]}"))
        typed = f"{name}.domain" if f"{name}.domain" in src.concepts else None
        records.append(ConceptRecord(
            name=name, type=struct.type, substitution_group=struct.substitution_group,
            abstract=struct.abstract, period_type=period.value or "duration",
            balance=balance.value, nillable=struct.substitution_group != "",
            deprecated=src.deprecated.get(name),
            replacement=replacement[0] if replacement else None, label=label,
            labels=real_labels(name, corpus), typed_domain=typed, enum_domain=enum_domain,
            enum_linkrole=enum_role, evidence=tuple(evidence)))
    return records


def catalog_line(record: ConceptRecord) -> str:
    row = {"name": record.name, "type": record.type, "sg": record.substitution_group,
           "abstract": record.abstract, "period": record.period_type,
           "balance": record.balance, "nillable": record.nillable,
           "deprecated": record.deprecated, "replacement": record.replacement,
           "label": record.label, "labels": list(record.labels)}
    return json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n"


def gzip_bytes(text: str) -> bytes:
    """Deterministic gzip (no name, no timestamp)."""
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0, compresslevel=9) as gz:
        gz.write(text.encode("utf-8"))
    return buffer.getvalue()


def _count(records: list[ConceptRecord], attribute: str) -> dict[str, int]:
    counter: Counter[str] = Counter()
    for record in records:
        value = dict(record.evidence)[attribute]
        counter[re.split(r"[:+]", value, maxsplit=1)[0]] += 1
    return dict(sorted(counter.items()))


def context_disagreements(records: dict[str, ConceptRecord],
                          corpus: CorpusEvidence) -> list[str]:
    """Facts in filings using us-gaap 2024 whose context period disagrees with the catalog."""
    found: dict[str, set[str]] = {}
    for use in corpus.period_uses:
        record = records.get(use.concept)
        if use.year == 2024 and record is not None and record.period_type != use.period_type:
            found.setdefault(f"{use.concept}: catalog={record.period_type} "
                             f"context={use.period_type}", set()).add(use.source)
    return [f"{key} ({', '.join(sorted(sources))})" for key, sources in sorted(found.items())]


def calc_violations(records: dict[str, ConceptRecord], arcs: Iterable[Arc]) -> list[str]:
    """Calculation arcs whose weight contradicts the balances (XBRL 2.1 5.1.1.2)."""
    bad = []
    for arc in arcs:
        parent_record = records.get(arc.parent.partition(":")[2])
        child_record = records.get(arc.child.partition(":")[2])
        if parent_record is None or child_record is None:
            continue
        parent, child = parent_record.balance, child_record.balance
        if parent and child and (parent == child) != ((arc.weight or 1) > 0):
            bad.append(f"{arc.source}: {arc.parent} -> {arc.child} weight {arc.weight}")
    return bad


def _dei_members() -> bytes:
    """The package's dei 2024 schema, from taxonomy/dei-2024/concepts.yaml."""
    path = TAXONOMY_DIR / "dei-2024" / "concepts.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        abstract = set(data["abstract"])
        concepts = [DeiConcept(name, type_, period, name in abstract)
                    for name, (type_, period, _label) in data["concepts"].items()]
        types = [DeiType(name, base, facets.get("pattern"), tuple(facets.get("enumeration", ())))
                 for name, (base, facets) in data["types"].items()]
    except (OSError, yaml.YAMLError, KeyError, TypeError, ValueError) as exc:
        raise TaxonomyError(f"bad dei concept file: {exc}", file=path) from exc
    return dei_schema(concepts, types).encode("utf-8")


def _package_members(src: TaxonomySources, records: list[ConceptRecord]) -> dict[str, bytes]:
    members = {"us-gaap/2024/elts/us-gaap-2024.xsd": usgaap_schema(records).encode("utf-8"),
               "srt/2024/elts/srt-types-2024.xsd": srt_types_schema().encode("utf-8"),
               "dei/2024/dei-2024.xsd": _dei_members()}
    for name in PACKAGED_ELTS:
        members[f"us-gaap/2024/elts/{name}"] = (src.usgaap / "elts" / name).read_bytes()
    for path in sorted((src.usgaap / "stm").iterdir()):
        members[f"us-gaap/2024/stm/{path.name}"] = path.read_bytes()
    return members
