"""taxonomy/rules/efm.yaml against the EDGAR plug-in's own checks (../shared/tools/arelle-edgar)."""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlsplit

from lxml import etree

from converter.facts.dei import load_dei
from converter.facts.rules import load_efm_rules
from tests.conftest import shared_path

PLUGIN = ("tools", "arelle-edgar", "validate")


def _plugin_pattern(file: str, name: str) -> re.Pattern[str]:
    """A regular expression as the plug-in's source compiles it (the pattern itself is not copied)."""
    text = shared_path(*PLUGIN, file).read_text(encoding="utf-8")
    match = re.search(rf"{name} = re\.compile\((r\"[^\n]*?\"(?:\s*r\"[^\n]*?\")*)\)", text)
    assert match, name
    return re.compile("".join(re.findall(r'r"([^"]*)"', match.group(1))))


def test_the_namespace_is_authority_then_date_as_efm_6_7_4_reads_it() -> None:
    rules = load_efm_rules()
    namespace = rules.namespace_for("innovo", date(2003, 3, 1))
    parts = urlsplit(namespace)
    assert parts.scheme == "http"
    pattern = _plugin_pattern("DTS.py", "targetNamespaceDatePattern")
    match = pattern.match(namespace[len(f"{parts.scheme}://{parts.netloc}"):])
    assert match is not None and match.lastindex == 6 and match.groups()[3:] == ("2003", "03", "01")
    assert parts.netloc.split(".")[-2:] == ["xbrlconv", "invalid"]  # no standard taxonomy's authority


def test_roles_share_the_namespace_authority_and_end_with_a_name() -> None:
    rules = load_efm_rules()
    namespace = rules.namespace_for("innovo", date(2003, 3, 1))
    role = rules.role_uri(namespace, "BalanceSheet")
    assert role == "http://innovo.xbrlconv.invalid/role/BalanceSheet"
    assert _plugin_pattern("DTS.py", "roleTypePattern").match(role)


def test_definitions_match_the_disclosure_systems_pattern() -> None:
    config = etree.parse(str(shared_path(*PLUGIN, "config.xml")))
    pragmatic = next(e for e in config.iter("DisclosureSystem") if "efm-pragmatic" in e.get("names", "").split("|"))
    pattern = re.compile(pragmatic.get("roleDefinitionPattern"))
    rules = load_efm_rules()
    assert pattern.match(rules.cover.definition)
    assert pattern.match(rules.statement_definition.format(number=1, title="CONSOLIDATED BALANCE SHEETS"))


def test_roles_are_declared_for_all_three_links() -> None:
    assert set(load_efm_rules().used_on) == {"link:presentationLink", "link:calculationLink", "link:definitionLink"}


def test_the_cover_network_names_dei_concepts() -> None:
    cover = load_efm_rules().cover
    concepts = load_dei().concepts
    assert cover.root == "dei:CoverAbstract" and concepts["CoverAbstract"].abstract
    assert set(cover.order) <= concepts.keys() and len(set(cover.order)) == len(cover.order)
    assert cover.hidden <= set(cover.order) and set(cover.date_formats) <= set(cover.order)
    assert {concepts[n].type for n in cover.date_formats} <= {"xbrli:dateItemType", "xbrli:gMonthDayItemType"}


def test_the_incomes_a_cash_flow_prints_with_their_sign_are_dqcs_income_concepts() -> None:
    import json

    from converter.facts.rules import load_rules
    from converter.model import StatementKind

    rules = json.loads(shared_path(*PLUGIN, "resources", "dqc-us-rules.json").read_text(encoding="utf-8"))
    income = set(rules["DQC.US.0043"]["income-names"])
    never = load_rules().statements[StatementKind.CASH_FLOW].never_negated
    assert never and never <= income
