"""The EX-27 tag table (taxonomy/benchmarks/fds-tags.yaml) names only live us-gaap 2024 concepts of
the tag's period type, each in the 2024 concept list and in no deprecation file."""

from __future__ import annotations

import json

import pytest

from benchmarks.fds_article5 import ART5
from benchmarks.fds_schedule import TAGS_FILE, load_tags
from converter.taxonomy.catalog import load_catalog
from tests.conftest import shared_path

ARTICLE_5 = frozenset(ART5)  # the article 5 schedule tags, as the generated submissions print them
ARTICLE_7 = {
    "DEBT-HELD-FOR-SALE",
    "TOTAL-INVEST",
    "DEFERRED-ACQUISITION",
    "POLICY-LOSSES",
    "UNEARNED-PREMIUMS",
    "PREMIUMS",
    "INVESTMENT-INCOME",
    "INVESTMENT-GAINS",
    "BENEFITS",
    "UNDERWRITING-AMORTIZATION",
    "RESERVE-OPEN",
    "RESERVE-CLOSE",
}
ARTICLE_9 = {
    "INT-BEARING-DEPOSITS",
    "FED-FUNDS-SOLD",
    "LOANS",
    "ALLOWANCE",
    "DEPOSITS",
    "SHORT-TERM",
    "LONG-TERM",
    "INTEREST-LOAN",
    "INTEREST-TOTAL",
    "INTEREST-DEPOSIT",
    "INTEREST-INCOME-NET",
    "LOAN-LOSSES",
    "EXPENSE-OTHER",
    "INCOME-PRE-EXTRAORDINARY",
    "LOANS-NON",
    "CHARGE-OFFS",
}


@pytest.fixture(scope="module")
def table():
    return load_tags()


def _all_rules(table):
    yield from (("common", rule) for rule in table.common.values())
    for article, rules in table.articles.items():
        yield from ((article, rule) for rule in rules.values())


def test_articles_5_7_9_cover_their_tags(table) -> None:
    for article, expected in (("5", ARTICLE_5), ("7", ARTICLE_7), ("9", ARTICLE_9)):
        missing = {tag for tag in expected if table.rule(article, tag) is None}
        assert not missing, (article, missing)
    assert table.rule("9", "CASH").concepts[0] == "us-gaap:CashAndDueFromBanks"  # the article's own rule
    assert table.rule("5", "CASH").concepts[0] == "us-gaap:CashAndCashEquivalentsAtCarryingValue"
    assert table.rule("5", "NO-SUCH-TAG") is None


def test_every_concept_is_a_live_2024_item_of_the_tags_period(table) -> None:
    catalog = load_catalog()
    for where, rule in _all_rules(table):
        assert rule.concepts or rule.score == "skip", (where, rule.tag)
        for concept in rule.concepts:
            prefix, _, name = concept.partition(":")
            assert prefix == "us-gaap", (where, rule.tag, concept)
            found = catalog.get(name)
            assert found is not None and found.usable, (where, rule.tag, concept)
            assert found.period_type.value == rule.period, (where, rule.tag, concept, found.period_type)


def test_no_concept_is_in_the_2024_list_s_deprecations(table) -> None:
    names = {
        json.loads(line)["us_gaap_tag"]
        for line in shared_path("taxonomy-sources", "fintagging", "us_gaap_2024_BM25.jsonl")
        .read_text(encoding="utf-8")
        .splitlines()
    }
    deprecated = json.loads(
        shared_path("taxonomy-sources", "arelle-edgar", "us-gaap-deprecated-concepts.json").read_text(
            encoding="utf-8"
        )
    )
    assert "ExtraordinaryItemNetOfTax" in deprecated  # the reason EXTRAORDINARY is skipped
    concepts = {c.partition(":")[2] for _, rule in _all_rules(table) for c in rule.concepts}
    assert len(concepts) > 80
    assert not concepts - names
    assert not concepts & set(deprecated)


def test_aside_and_skipped_tags_say_why(table) -> None:
    for where, rule in _all_rules(table):
        assert (rule.score == "face") == (not rule.reason), (where, rule.tag)
    assert table.rule("5", "COMMON").score == "aside"
    assert table.rule("9", "LOANS-NON").score == "skip"
    assert TAGS_FILE.name == "fds-tags.yaml"
