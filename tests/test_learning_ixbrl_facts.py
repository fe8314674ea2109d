"""The filers' answers read from Inline XBRL filings: the rows the mapper learns from gathered
filings are the rows `rows-train.jsonl` gives for the shared ones."""

from __future__ import annotations

import gzip
from collections import Counter
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from converter.learning.ixbrl_facts import face_facts, face_rows
from converter.learning.rows import TrainingRow, read_rows
from converter.model import Instant
from tests.conftest import shared_path


@pytest.mark.parametrize("folder, doc", [("aapl-10-k-2024-11-01", "aapl-10-k-2024-11-01.html"),
                                         ("hubs-10-q-2025-08-06", "hubs-10-q-2025-08-06.html")])
def test_rows_are_those_of_the_training_file(folder: str, doc: str) -> None:
    train = [r for r in read_rows(shared_path("corpus", "mapping", "rows-train.jsonl")) if r.doc == doc]
    ours = face_rows(shared_path("corpus", "ixbrl", folder, doc))

    def key(r: TrainingRow) -> tuple[str, str, str, str]:
        return (r.statement, r.section, r.label, r.concept)

    common = sum((Counter(map(key, train)) & Counter(map(key, ours))).values())
    assert common >= 0.95 * len(train)
    assert {r.statement for r in ours} >= {"balance_sheet", "income_statement", "cash_flow"}


def test_apple_rows_and_facts_read_from_a_gzip_copy(tmp_path) -> None:
    source = shared_path("corpus", "ixbrl", "aapl-10-k-2024-11-01", "aapl-10-k-2024-11-01.html")
    copy = tmp_path / "aapl-20240928.htm.gz"
    copy.write_bytes(gzip.compress(source.read_bytes()))
    rows = face_rows(copy)
    assert rows == [replace(r, doc="aapl-20240928.htm") for r in face_rows(source)]
    assets = [r for r in rows if r.concept == "us-gaap:Assets"]
    assert [(r.label, r.section, r.value) for r in assets][0] == ("Total assets", "Non-current assets:", "364,980")
    facts = {(f.concept, f.period): f.value for f in face_facts(copy)}
    assert facts[("us-gaap:Assets", Instant(date(2024, 9, 28)))] == Decimal("364980000000")
