"""The vectorised scorer: `rank` (feature arrays, partial sort) must equal scoring the full
feature table (`rank_features(features(ctx))`), and the features must be the cosine and
section agreements they stand for."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from converter.mapping import ItemContext, Mapper
from converter.mapping.params import FEATURES
from converter.model import StatementKind, ValueKind
from converter.readers import read_document
from converter.taxonomy.catalog import load_catalog

SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seed" / "000_42643171a94e83b9.txt"
BS = StatementKind.BALANCE_SHEET
_WORDS = ("cash", "accounts", "payable", "receivable", "net", "total", "current", "income", "tax",
          "deferred", "revenue", "cost", "sales", "stock", "common", "equity", "debt", "long-term",
          "depreciation", "operating", "activities", "proceeds", "from", "issuance", "notes", "other")


@pytest.fixture(scope="module")
def mapper() -> Mapper:
    return Mapper(load_catalog(), extension_prefix="t")


def _ctx(label: str, section: str = "", statement: StatementKind = BS, **extra: object) -> ItemContext:
    return ItemContext(label=label, statement=statement, section=section,
                       period_type=statement.period_type, kind=ValueKind.MONETARY, **extra)


def test_fast_rank_equals_full_table_on_a_real_filing(mapper) -> None:
    document = read_document(SEED)
    rows = [_ctx(item.label, item.section, statement.kind, is_total=item.is_total,
                 shown_negative=any(v is not None and v < 0 for v in item.values))
            for statement in document.statements for item in statement.items]
    assert len(rows) == 40
    for ctx in rows:
        assert mapper.scorer.rank(ctx) == mapper.scorer.rank_features(mapper.scorer.features(ctx)), ctx.label


@settings(max_examples=60, deadline=None)
@given(label=st.lists(st.sampled_from(_WORDS), min_size=0, max_size=6).map(" ".join),
       section=st.lists(st.sampled_from(_WORDS), max_size=3).map(" ".join),
       statement=st.sampled_from(list(StatementKind)), negative=st.booleans())
def test_fast_rank_equals_full_table(mapper, label, section, statement, negative) -> None:
    ctx = _ctx(label, section, statement, shown_negative=negative, is_total=label.startswith("total"))
    assert mapper.scorer.rank(ctx) == mapper.scorer.rank_features(mapper.scorer.features(ctx))


def test_name_feature_is_the_cosine_with_the_concept_words(mapper) -> None:
    names = mapper.names
    query = names.vector(names.normalizer.tokens("Accounts payable"))
    table = mapper.scorer.features(_ctx("Accounts payable", "Current liabilities")).table
    concept = dict(names.postings["payable"])
    expected = sum(qw * dict(names.postings[token]).get("AccountsPayableCurrent", 0.0)
                   for token, qw in query.items())
    assert "AccountsPayableCurrent" in concept
    assert table["AccountsPayableCurrent"][FEATURES.index("name")] == pytest.approx(expected, abs=0.0)
    assert 0.5 < expected <= 1.0


def test_section_agreement_separates_current_from_noncurrent(mapper) -> None:
    """Under "Current liabilities" (position current, side credit) a current credit concept
    agrees twice; a noncurrent one is no candidate at all (position is a hard dimension)."""
    table = mapper.scorer.features(_ctx("Accounts payable", "Current liabilities")).table
    section = FEATURES.index("section")
    assert table["AccountsPayableRelatedPartiesCurrent"][section] == 2.0
    assert "AccountsPayableRelatedPartiesNoncurrent" not in table
