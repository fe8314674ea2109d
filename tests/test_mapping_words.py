"""The precomputed concept words (`taxonomy/mapping/concept-words.json`) are what the
normaliser makes of the catalog, and the mapper falls back to normalising when they are stale."""

from __future__ import annotations

import json

import pytest

from converter.mapping.conceptwords import WORDS_FILE, load_words, words_of
from converter.mapping.context import load_cues
from converter.mapping.index import NameIndex
from converter.learning.evidence import concept_words
from converter.mapping.normalize import load_normalizer
from converter.taxonomy.catalog import load_catalog


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def test_concept_words_are_up_to_date(catalog) -> None:
    normalizer = load_normalizer()
    data = json.loads(WORDS_FILE.read_text(encoding="utf-8"))
    assert data["normalize_digest"] == normalizer.digest, "run python benchmarks/learn.py"
    assert load_words(normalizer) == concept_words(catalog, normalizer), "run python benchmarks/learn.py"


def test_concept_words_split_names_and_labels(catalog) -> None:
    normalizer = load_normalizer()
    words = load_words(normalizer)
    assert words["AccountsPayableCurrent"] == words_of(catalog.get("AccountsPayableCurrent"), normalizer)
    assert {"account", "payable", "current"} <= set(words["AccountsPayableCurrent"])
    assert "ProceedsFromSaleOfShortTermInvestments" in words
    assert len(words) > 8000


def test_words_made_with_other_rules_are_not_used(tmp_path) -> None:
    stale = tmp_path / "concept-words.json"
    stale.write_text(json.dumps({"normalize_digest": "0" * 16, "words": {"Cash": "zorblax"}}), encoding="utf-8")
    assert load_words(load_normalizer(), stale) == {}


def test_the_name_index_reads_the_precomputed_words(catalog) -> None:
    normalizer = load_normalizer()
    index = NameIndex(catalog, normalizer, load_cues(normalizer))
    words = load_words(normalizer)
    assert set(index.concepts) == set(words)
    assert {name for name, _ in index.postings["payable"]} >= {"AccountsPayableCurrent"}
