"""The data the facts stage follows, loaded from `taxonomy/rules/`.

Statement roots, roles and balance orientations live in `statements.json`;
the concepts that must never be negative in `non-negative.json` (generated
from the XBRL US DQC constants); taxonomy namespaces in `namespaces.json`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

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


@dataclass(frozen=True)
class Rules:
    statements: dict[StatementKind, StatementRule]
    credit_side_section_words: tuple[str, ...]
    asset_total_concepts: frozenset[str]
    non_negative: frozenset[str]  # us-gaap local names


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
