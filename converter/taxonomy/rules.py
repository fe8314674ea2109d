"""The build's knowledge file `taxonomy/us-gaap-2024/rules.yaml`, loaded and checked."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from converter.datafiles import read_data
from converter.errors import TaxonomyError


@dataclass(frozen=True)
class NameRule:
    value: str               # "debit"/"credit" or "instant"/"duration"
    pattern: re.Pattern[str]
    list_name: str           # "balance_rules" / "period_rules"

    @property
    def evidence(self) -> str:
        return f"name-rule:{self.list_name}:{self.pattern.pattern}"


@dataclass(frozen=True)
class BuildRules:
    balance_anchors: dict[str, str]          # concept -> debit/credit
    balance_rules: tuple[NameRule, ...]
    balance_none: tuple[re.Pattern[str], ...]
    period_rules: tuple[NameRule, ...]
    type_prefixes: dict[str, str]            # item type local name -> prefix
    typed_domain_types: dict[str, str]
    enumeration_domains: tuple[tuple[re.Pattern[str], str, str], ...]  # pattern, head, role
    enumeration_default_linkrole: str

    @staticmethod
    def first(rules: tuple[NameRule, ...], name: str) -> NameRule | None:
        return next((rule for rule in rules if rule.pattern.search(name)), None)


def _rules(raw: object, list_name: str, allowed: set[str], path: Path) -> tuple[NameRule, ...]:
    if not isinstance(raw, list):
        raise TaxonomyError(f"{list_name} must be a list", file=path)
    rules = []
    for item in raw:
        if not (isinstance(item, list) and len(item) == 2 and item[0] in allowed):
            raise TaxonomyError(f"{list_name}: bad rule {item!r}", file=path,
                                hint=f"write [{'|'.join(sorted(allowed))}, regex]")
        try:
            rules.append(NameRule(item[0], re.compile(item[1]), list_name))
        except re.error as exc:
            raise TaxonomyError(f"{list_name}: bad pattern {item[1]!r}: {exc}", file=path) from exc
    return tuple(rules)


def load_rules(path: Path) -> BuildRules:
    data = read_data(path, "build rules")
    anchors = {name: balance for balance, names in data["balance_anchors"].items()
               for name in names}
    prefixes = {type_name: prefix for prefix, names in data["type_prefixes"].items()
                for type_name in names}
    return BuildRules(
        balance_anchors=anchors,
        balance_rules=_rules(data["balance_rules"], "balance_rules", {"debit", "credit"}, path),
        balance_none=tuple(re.compile(pattern) for pattern in data["balance_none"]),
        period_rules=_rules(data["period_rules"], "period_rules", {"instant", "duration"}, path),
        type_prefixes=prefixes,
        typed_domain_types=dict(data["typed_domain_types"]),
        enumeration_domains=tuple((re.compile(p), head, role)
                                  for p, head, role in data["enumeration_domains"]),
        enumeration_default_linkrole=data["enumeration_default_linkrole"])
