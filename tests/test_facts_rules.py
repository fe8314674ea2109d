"""The facts stage's data files agree with the taxonomy they describe."""

from __future__ import annotations

import json

from converter.facts.rules import RULES_DIR, load_rules, load_taxonomy_refs
from converter.model import StatementKind
from converter.taxonomy.catalog import load_catalog
from converter.taxonomy.package import ENTRY_POINTS
from tests.conftest import shared_path
from tests.facts_fixtures import BALANCE_ROWS, INCOME_ROWS


def test_every_non_negative_concept_is_in_the_catalog() -> None:
    catalog = load_catalog()
    names = load_rules().non_negative
    assert len(names) > 6000
    assert sorted(n for n in names if n not in catalog) == []
    assert "TreasuryStockValue" in names and "NetIncomeLoss" not in names


def test_non_negative_list_is_the_dqc_us_gaap_list() -> None:
    source = shared_path("taxonomy-sources", "arelle-edgar", "dqcrt-us-2024-constants.json")
    entries = json.loads(source.read_text(encoding="utf-8"))["NON_NEG_ITEMS"][1:]
    prefix = "{http://fasb.org/us-gaap/2024}"
    expected = {qname.removeprefix(prefix) for (_tag, qname), _rule in entries if qname.startswith(prefix)}
    assert load_rules().non_negative == expected


def test_statement_roots_are_abstract_catalog_concepts() -> None:
    catalog = load_catalog()
    rules = load_rules()
    assert set(rules.statements) == set(StatementKind)
    for rule in rules.statements.values():
        prefix, name = rule.root.split(":")
        concept = catalog.get(name)
        assert prefix == "us-gaap" and concept is not None and concept.abstract, rule.root
    assert all(catalog.get(c.split(":")[1]) is not None for c in rules.asset_total_concepts)


def test_official_schema_urls_are_package_entry_points() -> None:
    refs = load_taxonomy_refs()
    entry_points = {url for _name, url in ENTRY_POINTS}
    assert {refs["us-gaap"].schema, refs["dei"].schema} <= entry_points


def test_rule_files_are_json_objects() -> None:
    for path in RULES_DIR.glob("*.json"):
        assert isinstance(json.loads(path.read_text(encoding="utf-8")), dict), path


def test_fixture_concepts_agree_with_the_catalog() -> None:
    catalog = load_catalog()
    for rows, period_type in ((BALANCE_ROWS, "instant"), (INCOME_ROWS, "duration")):
        for row in rows:
            concept = catalog.get(row[2].split(":")[1])
            assert concept is not None and concept.usable, row[2]
            assert (concept.balance, concept.period_type.value) == (row[3], period_type), row[2]
