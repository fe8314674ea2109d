"""The mapping data in taxonomy/mapping/ only names live us-gaap concepts and is up to date."""

from __future__ import annotations

import json

import pytest
import yaml

from tests.conftest import shared_path
from converter.errors import TaxonomyError
from converter.mapping.context import load_cues
from converter.learning.evidence import build_evidence, live_names, training_rows
from converter.learning.rows import company_of, read_rows
from converter.mapping.evidence import CURATED_FILE, EXTENSION, STATS_FILE, load_curated, load_evidence
from converter.mapping.normalize import NORMALIZE_FILE, load_normalizer
from converter.model import PeriodType
from converter.taxonomy.catalog import load_catalog


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def test_label_stats_match_the_normalisation_rules() -> None:
    data = json.loads(STATS_FILE.read_text(encoding="utf-8"))
    assert data["normalize_digest"] == load_normalizer().digest, "run python benchmarks/learn.py"
    shared = {row.company for row in read_rows(shared_path("corpus", "mapping", "rows-train.jsonl"))}
    faces = [row[0] for row in data["rows"] if row[1] != "comprehensive_income"]
    assert sum(company in shared for company in faces) == 1588  # rows-train.jsonl
    # the face rows of the gathered Inline XBRL filings (benchmarks/filings/ixbrl), one company each
    assert len({company for company in faces if company not in shared}) >= 60
    assert sum(company not in shared for company in faces) > 5000
    assert sum(row[1] == "comprehensive_income" for row in data["rows"]) > 500  # linkbases and gathered filings


def test_label_stats_are_what_the_learner_makes_from_the_corpus(catalog) -> None:
    normalizer = load_normalizer()
    shared = shared_path("corpus", "mapping", "rows-train.jsonl").parents[2]
    rows, extra = training_rows(shared)
    rebuilt = build_evidence(rows + extra, live_names(catalog), normalizer)
    assert rebuilt == load_evidence(normalizer), "run python benchmarks/learn.py"


def test_label_stats_name_only_live_concepts(catalog) -> None:
    evidence = load_evidence(load_normalizer())
    names = {r.concept.partition(":")[2] for r in evidence.rows if r.concept.startswith("us-gaap:")}
    assert len(names) > 250
    for name in names:
        concept = catalog.get(name)
        assert concept is not None and concept.usable, name


def test_curated_labels_name_live_concepts_of_their_period(catalog) -> None:
    records = load_curated(load_normalizer())
    assert records
    raw = yaml.safe_load(CURATED_FILE.read_text(encoding="utf-8"))
    assert sum(len(t) for periods in raw.values() for t in periods.values()) == len(records)
    for record in records:
        if record.concept == EXTENSION:
            continue
        concept = catalog.get(record.concept.partition(":")[2])
        assert concept is not None and concept.usable, record.concept
        assert concept.period_type is PeriodType(record.period_type), record.concept
        assert record.label, record


def test_normalisation_rules_hold_only_strings() -> None:
    data = yaml.safe_load(NORMALIZE_FILE.read_text(encoding="utf-8"))
    for key in ("stop_words", "not_plural"):
        assert all(isinstance(w, str) for w in data[key]), key
    for key in ("phrases", "synonyms", "characters"):
        assert all(isinstance(k, str) and isinstance(v, str) for k, v in data[key].items()), key


@pytest.mark.parametrize(("label", "words"), [
    ("PROPERTY, PLANT and EQUIPMENT, net", ("property", "plant", "equipment", "net")),
    ("Prepaid expenses & other current assets", ("prepaid", "expense", "other", "current", "asset")),
    ("SG&A", ("selling", "general", "administrative")),
    ("Accrued taxes on income (Note 5)", ("accrued", "tax", "income")),
    ("Total shareholders\u2019 equity", ("stockholder", "equity")),
    ("Common stock, $0.10 par value- shares authorized-40,000,000", ("common", "stock")),
    ("Non-current assets:", ("noncurrent", "asset")),
    ("Due to related parties", ("due", "to", "related", "party")),
])
def test_normaliser_words(label, words) -> None:
    assert load_normalizer().words(label) == words


def test_key_ignores_order_case_and_plurals() -> None:
    normalizer = load_normalizer()
    assert normalizer.key("Inventories, net") == normalizer.key("NET INVENTORY")
    assert normalizer.key("Due to related parties") != normalizer.key("Due from related parties")


def test_section_cues_classify_headings() -> None:
    normalizer = load_normalizer()
    cues = load_cues(normalizer)
    classify = lambda text: cues.section_class(frozenset(normalizer.words(text)))  # noqa: E731
    assert classify("CURRENT LIABILITIES") == {"position": "current", "side": "credit"}
    assert classify("Long-term liabilities:") == {"position": "noncurrent", "side": "credit"}
    assert classify("Cash flows from investing activities:") == {"activity": "investing"}
    assert classify("STOCKHOLDERS EQUITY") == {"side": "credit", "part": "equity"}
    assert classify("Noncurrent CURRENT ASSETS") == {"position": "noncurrent", "side": "debit"}


@pytest.mark.parametrize(("doc", "company"), [
    ("Apple.10-Q.html", "aapl"), ("aapl-10-k-2024-11-01.html", "aapl"), ("Nvidia.10-K.html", "nvda"),
    ("nvda-10-q-2025-08-27.html", "nvda"), ("Oracle.10-Q.html", "orcl"), ("aeon-20230930x10q.htm", "aeon"),
    ("googl-10-k-2025-02-05.html", "goog"),
])
def test_documents_group_by_company(doc, company) -> None:
    assert company_of(doc) == company


def test_training_rows_cover_fourteen_companies() -> None:
    rows = read_rows(shared_path("corpus", "mapping", "rows-train.jsonl"))
    assert len({r.company for r in rows}) == 14


def test_malformed_rules_name_the_file(tmp_path) -> None:
    bad = tmp_path / "normalize.yaml"
    bad.write_text("stop_words: [the, on]\n", encoding="utf-8")
    with pytest.raises(TaxonomyError) as info:
        load_normalizer(bad)
    assert "normalize.yaml" in str(info.value) and "stop_words" in str(info.value)

