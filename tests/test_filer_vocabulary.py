"""The filers' vocabulary (taxonomy/mapping/filer-vocabulary.tsv.gz): what the learner makes of the
SEC's Financial Statement Data Sets rows, old conventions carried forward, and what the mapper
reads from it."""

from __future__ import annotations

import numpy as np
import pytest

from converter.learning.evidence import live_names, training_rows
from converter.learning.rows import TrainingRow
from converter.learning.vocabulary import (
    MIN_CONVENTION_COMPANIES,
    FilerRow,
    build_vocabulary,
    carried_forward,
    conventions,
    fsds_rows,
)
from converter.mapping import ItemContext, Mapper
from converter.mapping.arrays import name_arrays
from converter.mapping.evidence import EXTENSION
from converter.mapping.filers import FilerVocabulary, VocabularyRecord, load_vocabulary
from converter.mapping.normalize import load_normalizer
from converter.model import StatementKind, ValueKind
from converter.taxonomy.catalog import load_catalog
from tests.conftest import shared_path


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def test_the_shipped_vocabulary_names_live_concepts_only(catalog) -> None:
    records = load_vocabulary(load_normalizer())
    assert len(records) > 40_000
    for record in records:
        if record.concept != EXTENSION:
            concept = catalog.get(record.concept.removeprefix("us-gaap:"))
            assert concept is not None and concept.usable, record
        assert record.companies >= 1 and record.label == " ".join(sorted(set(record.label.split())))


def test_the_shipped_vocabulary_is_what_the_learner_makes(catalog) -> None:
    shared = shared_path("corpus", "mapping", "rows-fsds-2009-2010.jsonl.gz").parents[2]
    normalizer = load_normalizer()
    live = live_names(catalog)
    records = build_vocabulary(fsds_rows(shared), live, normalizer)
    rebuilt = carried_forward(records, conventions(records, training_rows(shared)[0], live, normalizer))
    assert sorted(rebuilt, key=repr) == sorted(load_vocabulary(normalizer), key=repr), \
        "run python benchmarks/learn.py"


def _row(cik: str, label: str, concept: str, statement: str = "cash_flow") -> FilerRow:
    return FilerRow(cik, statement, "instant", label, concept)


def test_companies_count_once_deprecated_concepts_take_their_replacement_removed_ones_wait(catalog) -> None:
    normalizer = load_normalizer()
    live = live_names(catalog)
    rows = [_row("1", "Cash at end of period", "us-gaap:CashAndCashEquivalentsAtCarryingValue"),
            _row("1", "CASH AT END OF PERIOD", "us-gaap:CashAndCashEquivalentsAtCarryingValue"),
            _row("2", "Cash at end of period", "us-gaap:CashAndCashEquivalentsAtCarryingValue"),
            _row("3", "Cash at end of period", "ext:CashEnd"),
            _row("4", "Net income per share, basic and diluted", "us-gaap:EarningsPerShareBasicAndDiluted",
                 "income_statement"),
            _row("5", "Net sales", "us-gaap:SalesRevenueNet", "income_statement")]
    records = build_vocabulary(rows, live, normalizer, leave_out=frozenset({"2"}))
    key = normalizer.key("Cash at end of period")
    counts = {(r.label, r.concept): r.companies for r in records}
    assert counts[(key, "us-gaap:CashAndCashEquivalentsAtCarryingValue")] == 1  # company 2 left out
    assert counts[(key, EXTENSION)] == 1
    income = {r.concept for r in records if r.statement == "income_statement"}
    assert income == {"us-gaap:EarningsPerShareBasic", "retired:SalesRevenueNet"}  # removed before 2024
    assert {r.concept for r in carried_forward(records, {}) if r.statement == "income_statement"} == {
        "us-gaap:EarningsPerShareBasic"}


def _modern(company: str, label: str, concept: str) -> TrainingRow:
    return TrainingRow(doc=f"{company}.htm", company=company, statement="cash_flow", period_type="instant",
                       section="", label=label, concept=concept, negated=False, value="")


def test_an_old_convention_is_carried_forward_when_enough_modern_filers_agree(catalog) -> None:
    normalizer = load_normalizer()
    live = live_names(catalog)
    key = normalizer.key("Cash and cash equivalents, end of period")
    old = "us-gaap:CashAndCashEquivalentsAtCarryingValue"
    new = "us-gaap:CashCashEquivalentsRestrictedCashAndRestrictedCashEquivalents"
    records = [VocabularyRecord("cash_flow", "instant", key, old, 40), VocabularyRecord("cash_flow", "instant", key, EXTENSION, 3)]
    modern = [_modern(c, "Cash and cash equivalents, end of period", new)
              for c in ("a", "b", "c")[:MIN_CONVENTION_COMPANIES]]
    table = conventions(records, modern, live, normalizer)
    assert table == {("cash_flow", old): new}
    carried = {(r.concept, r.companies) for r in carried_forward(records, table)}
    assert carried == {(new, 40), (EXTENSION, 3)}
    assert conventions(records, modern[:-1], live, normalizer) == {}  # too few modern filers


def test_vocabulary_features_share_votes_among_concepts(catalog) -> None:
    normalizer = load_normalizer()
    mapper = Mapper(catalog, vocabulary=())
    arrays = name_arrays(mapper.names)
    key = normalizer.key("Net premiums earned")
    vocabulary = FilerVocabulary([VocabularyRecord("income_statement", "duration", key, "us-gaap:PremiumsEarnedNet", 30),
                                  VocabularyRecord("income_statement", "duration", key, EXTENSION, 10)], arrays)
    ids, shares = vocabulary.exact("income_statement", key)
    assert dict(zip(ids.tolist(), shares.tolist())) == {arrays.ids["PremiumsEarnedNet"]: 0.75,
                                                        vocabulary.extension_id: 0.25}
    votes = vocabulary.votes(mapper.names.vector(normalizer.tokens("Premiums earned, net")), "income_statement")
    assert np.isclose(votes.sum(), 1.0) and votes[arrays.ids["PremiumsEarnedNet"]] == pytest.approx(0.75)


@pytest.mark.parametrize(("label", "concept"), [
    ("Provision for loan losses", "us-gaap:ProvisionForLoanAndLeaseLosses"),  # banks
    ("Interest on deposits", "us-gaap:InterestExpenseDeposits"),
    ("Interest credited to policyholder account balances",  # insurers
     "us-gaap:InterestCreditedToPolicyholdersAccountBalances"),
])
def test_the_vocabulary_knows_industry_labels_the_modern_evidence_lacks(catalog, label: str, concept: str) -> None:
    ctx = ItemContext(label=label, statement=StatementKind.INCOME_STATEMENT, section="",
                      period_type=StatementKind.INCOME_STATEMENT.period_type, kind=ValueKind.MONETARY)
    assert Mapper(catalog).map_item(ctx).concept.qname == concept
    assert Mapper(catalog, vocabulary=()).map_item(ctx).is_extension
