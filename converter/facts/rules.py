"""The data the facts stage follows, loaded from `taxonomy/rules/`.

Statement roots, roles and balance orientations live in `statements.json`;
the concepts that must never be negative in `non-negative.json` (generated
from the XBRL US DQC constants); taxonomy namespaces in `namespaces.json`; the EDGAR
Filer Manual's forms of namespace, roles and the cover network in `efm.yaml`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from converter.datafiles import read_data
from converter.errors import TaxonomyError
from converter.model import Balance, StatementKind
from converter.resources import TAXONOMY_DIR
from converter.taxonomy.catalog import non_negative_concepts

RULES_DIR = TAXONOMY_DIR / "rules"


@dataclass(frozen=True)
class StatementRule:
    root: str  # "us-gaap:StatementOfFinancialPositionAbstract"
    role: str  # role id, e.g. "BalanceSheet"
    title: str
    orientation: Balance
    second_side_orientation: Balance | None
    negate_mixed_rows: bool  # rows print cash effects: one negative amount negates the row
    always_negated_prefixes: tuple[str, ...] = ()  # opposite-balance names always printed negated
    never_negated: frozenset[str] = frozenset()  # us-gaap names printed with their own sign


@dataclass(frozen=True)
class Rules:
    statements: dict[StatementKind, StatementRule]
    credit_side_section_words: tuple[str, ...]
    asset_total_concepts: frozenset[str]
    non_negative: frozenset[str]  # us-gaap local names


@dataclass(frozen=True)
class CoverRule:
    role: str  # role id, e.g. "Cover"
    definition: str
    root: str  # "dei:CoverAbstract"
    order: tuple[str, ...]  # dei local names in presentation order
    hidden: frozenset[str]  # dei local names an Inline XBRL cover does not show
    date_formats: dict[str, tuple[str, str]]  # dei local name -> (strftime display, ixt format)


@dataclass(frozen=True)
class EfmRules:
    namespace: str  # "http://{prefix}.xbrlconv.invalid/{date}"
    role: str  # "{authority}/role/{name}": the authority of the extension namespace
    used_on: tuple[str, ...]
    statement_definition: str  # "{number:04d} - Statement - {title}"
    cover: CoverRule
    label_gaps: dict[str, str]  # prefix -> namespace of taxonomies without official labels offline

    def namespace_for(self, prefix: str, period_end: date) -> str:
        return self.namespace.format(prefix=prefix, date=period_end.strftime("%Y%m%d"))

    def role_uri(self, namespace: str, name: str) -> str:
        parts = urlsplit(namespace)
        return self.role.format(authority=f"{parts.scheme}://{parts.netloc}", name=name)


@dataclass(frozen=True)
class TaxonomyRef:
    prefix: str
    namespace: str
    schema: str


def _read(path: Path) -> dict:  # type: ignore[type-arg]
    return read_data(path, "rule data")


@cache
def load_rules() -> Rules:
    path = RULES_DIR / "statements.json"
    data = _read(path)
    try:
        statements = {
            StatementKind(kind): StatementRule(
                root=entry["root"], role=entry["role"], title=entry["title"],
                orientation=Balance(entry["orientation"]),
                second_side_orientation=(Balance(entry["second_side_orientation"])
                                         if "second_side_orientation" in entry else None),
                negate_mixed_rows=bool(entry.get("negate_mixed_rows", False)),
                always_negated_prefixes=tuple(entry.get("always_negated_prefixes", ())),
                never_negated=frozenset(entry.get("never_negated", ())),
            )
            for kind, entry in data["statements"].items()
        }
        missing = set(StatementKind) - set(statements)
        if missing:
            raise TaxonomyError(f"no rule for statement kinds {sorted(missing)}", file=path)
        rules = Rules(
            statements=statements,
            credit_side_section_words=tuple(data["credit_side_section_words"]),
            asset_total_concepts=frozenset(data["asset_total_concepts"]),
            non_negative=non_negative_concepts(),
        )
    except (KeyError, ValueError) as exc:
        raise TaxonomyError(f"malformed rule data: {exc!r}", file=path) from exc
    return rules


@cache
def load_taxonomy_refs() -> dict[str, TaxonomyRef]:
    path = RULES_DIR / "namespaces.json"
    data = _read(path)
    try:
        return {prefix: TaxonomyRef(prefix, entry["namespace"], entry["schema"])
                for prefix, entry in data["taxonomies"].items()}
    except (KeyError, TypeError) as exc:
        raise TaxonomyError(f"malformed taxonomy list: {exc!r}", file=path) from exc


@cache
def load_efm_rules() -> EfmRules:
    path = RULES_DIR / "efm.yaml"
    data = _read(path)
    try:
        cover = data["cover"]
        rules = EfmRules(
            namespace=str(data["namespace"]), role=str(data["role"]),
            used_on=tuple(str(u) for u in data["used_on"]),
            statement_definition=str(data["statement_definition"]),
            cover=CoverRule(role=str(cover["role"]), definition=str(cover["definition"]),
                            root=str(cover["root"]), order=tuple(str(n) for n in cover["order"]),
                            hidden=frozenset(str(n) for n in cover["hidden"]),
                            date_formats={str(n): (str(f["display"]), str(f["format"]))
                                          for n, f in cover["date_formats"].items()}),
            label_gaps={str(p): str(n) for p, n in data["label_gaps"].items()})
        rules.namespace_for("x", date(2000, 1, 1))
        rules.role_uri("http://x.invalid/20000101", "Role")
        rules.statement_definition.format(number=1, title="Title")
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        raise TaxonomyError(f"malformed EFM rule data: {exc!r}", file=path) from exc
    return rules
