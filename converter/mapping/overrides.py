"""User overrides: force a concept for a label, globally or for one company.

File format (YAML or JSON, chosen by the extension `.json`; anything else is read as YAML)::

    global:
      "Promissory note-officer": us-gaap:StockholdersEquityNoteSubscriptionsReceivable
      "/^due to (related|affiliated) part/": us-gaap:OtherLiabilitiesCurrent
    companies:
      "0000844143":                 # CIK, digits (leading zeros optional)
        "Net sales": us-gaap:Revenues

A key is either a label, matched after normalisation (case, punctuation,
abbreviations, plurals do not matter), or `/regex/`, searched case-insensitively
in the printed label. The value is a us-gaap concept that exists in the 2024
catalog and is neither abstract nor deprecated. Company entries win over global
ones; `Overrides.for_company(cik)` selects them before a `Mapper` is built.
Any other shape raises `UsageError` naming the file and the entry.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from converter.errors import UsageError
from converter.mapping.normalize import Normalizer, load_normalizer

if TYPE_CHECKING:
    from converter.taxonomy.catalog import Catalog


@dataclass(frozen=True)
class OverrideRule:
    key: str  # as written in the file
    concept: str  # us-gaap local name
    pattern: re.Pattern[str] | None  # for /regex/ keys
    label_key: str  # normalised label for plain keys

    def matches(self, label: str, normalizer: Normalizer) -> bool:
        if self.pattern is not None:
            return self.pattern.search(label) is not None
        return normalizer.key(label) == self.label_key


@dataclass(frozen=True)
class Overrides:
    source: str
    global_rules: tuple[OverrideRule, ...] = ()
    companies: tuple[tuple[str, tuple[OverrideRule, ...]], ...] = ()
    selected: tuple[OverrideRule, ...] = ()  # the chosen company's rules

    def for_company(self, cik: str | None) -> Overrides:
        wanted = _cik(cik) if cik else None
        rules = dict(self.companies).get(wanted, ()) if wanted else ()
        return Overrides(self.source, self.global_rules, self.companies, rules)

    def match(self, label: str, normalizer: Normalizer) -> OverrideRule | None:
        for rule in self.selected + self.global_rules:
            if rule.matches(label, normalizer):
                return rule
        return None


def _cik(text: str) -> str:
    return text.strip().lstrip("0") or "0"


def _rule(path: Path, where: str, key: object, value: object, catalog: Catalog,
          normalizer: Normalizer) -> OverrideRule:
    entry = f"{where} {key!r}: {value!r}"
    if not isinstance(key, str) or not key.strip() or not isinstance(value, str):
        raise UsageError(f"override {entry} must map a label text to 'us-gaap:Name'", file=path)
    prefix, _, name = value.strip().partition(":")
    concept = catalog.get(name) if prefix == "us-gaap" else None
    if concept is None:
        raise UsageError(f"override {entry} names an unknown concept", file=path,
                         hint="use a us-gaap 2024 concept written as us-gaap:Name")
    if concept.deprecated:
        hint = f"use us-gaap:{concept.replacement}" if concept.replacement else "pick a live concept"
        raise UsageError(f"override {entry} names a concept deprecated in {concept.deprecated}",
                         file=path, hint=hint)
    if not concept.usable:
        raise UsageError(f"override {entry} names an abstract or non-item concept", file=path,
                         hint="facts need a concrete item concept")
    pattern = None
    if len(key) > 2 and key.startswith("/") and key.endswith("/"):
        try:
            pattern = re.compile(key[1:-1], re.IGNORECASE)
        except re.error as exc:
            raise UsageError(f"override {entry} has a bad regular expression: {exc}", file=path) from exc
    label_key = "" if pattern else normalizer.key(key)
    if pattern is None and not label_key:
        raise UsageError(f"override {entry} has no words to match", file=path)
    return OverrideRule(key, name, pattern, label_key)


def _rules(path: Path, where: str, table: object, catalog: Catalog,
           normalizer: Normalizer) -> tuple[OverrideRule, ...]:
    if table is None:
        return ()
    if not isinstance(table, dict):
        raise UsageError(f"'{where}' must be a mapping of label -> concept", file=path)
    return tuple(_rule(path, where, k, v, catalog, normalizer) for k, v in table.items())


def load_overrides(path: str | Path, catalog: Catalog | None = None) -> Overrides:
    """Read and validate an overrides file against the catalog (the shipped one by default)."""
    if catalog is None:
        from converter.taxonomy.catalog import load_catalog

        catalog = load_catalog()
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot read overrides: {exc.strerror}", file=path) from exc
    try:
        data = json.loads(text) if path.suffix.lower() == ".json" else yaml.safe_load(text)
    except json.JSONDecodeError as exc:
        raise UsageError(f"overrides are not valid JSON: {exc.msg}", file=path, line=exc.lineno) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise UsageError(f"overrides are not valid YAML: {exc}", file=path,
                         line=mark.line + 1 if mark is not None else None) from exc
    if not isinstance(data, dict) or set(data) - {"global", "companies"}:
        raise UsageError("overrides must be a mapping with only 'global' and 'companies'", file=path)
    normalizer = load_normalizer()
    companies = data.get("companies") or {}
    if not isinstance(companies, dict):
        raise UsageError("'companies' must map a CIK to label -> concept entries", file=path)
    company_rules = []
    for cik, table in companies.items():
        if not str(cik).strip().isdigit():
            raise UsageError(f"company key {cik!r} is not a CIK (digits)", file=path)
        company_rules.append((_cik(str(cik)), _rules(path, f"companies.{cik}", table, catalog, normalizer)))
    return Overrides(str(path), _rules(path, "global", data.get("global"), catalog, normalizer),
                     tuple(company_rules))
