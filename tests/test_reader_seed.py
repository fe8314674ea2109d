"""The reference document: every statement value of the Innovo Q1 2003 release."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from converter.model import Document, Duration, Instant, StatementKind, ValueKind
from converter.readers import read_document

TESTS = Path(__file__).resolve().parent
SEED = TESTS.parent.parent / "shared" / "seed" / "000_42643171a94e83b9.txt"
GOLDEN = TESTS / "golden" / "seed_reader.txt"


def item_rows(document: Document) -> list[str]:
    """Every value as one sorted text row: kind | section | label | period | value | value kind |
    decimals | total | source line."""
    rows = []
    for statement in document.statements:
        for item in statement.items:
            for column, value in zip(statement.columns, item.values, strict=True):
                if value is None:
                    continue
                rows.append(" | ".join((
                    statement.kind.value, item.section, item.label, str(column.period), str(value),
                    item.kind.value, str(item.decimals), "total" if item.is_total else "-",
                    str(item.source_line))))
    return sorted(rows)


@pytest.fixture(scope="module")
def seed():
    return read_document(SEED)


def test_every_item_matches_the_hand_checked_golden_file(seed):
    expected = GOLDEN.read_text(encoding="utf-8").splitlines()
    assert item_rows(seed) == expected


def test_statements_kinds_and_periods(seed):
    balance, income = seed.statements
    assert balance.kind is StatementKind.BALANCE_SHEET
    assert balance.title == "CONSOLIDATED CONDENSED BALANCE SHEETS"
    assert [column.period for column in balance.columns] == [
        Instant(date(2003, 3, 1)), Instant(date(2002, 11, 30))]
    assert income.kind is StatementKind.INCOME_STATEMENT
    assert [column.period for column in income.columns] == [
        Duration(date(2002, 12, 1), date(2003, 3, 1)), Duration(date(2001, 12, 2), date(2002, 3, 2))]
    assert income.columns[0].header == "Three Months Ended 03/01/03"
    assert (len(balance.items), len(income.items)) == (24, 16)


def test_wrapped_label_and_dash_row(seed):
    balance = seed.statements[0]
    receivable = next(item for item in balance.items if item.label.startswith("Accounts receivable"))
    assert receivable.label == ("Accounts receivable, and due from factor net of allowance for "
                                "uncollectible accounts of $428(2003) and $383(2002)")
    assert receivable.source_line == 207
    preferred = next(item for item in balance.items if item.label.startswith("8% Redeemable"))
    assert preferred.values == (Decimal(0), Decimal(0))
    assert preferred.texts == ("--", "--")
    assert not preferred.is_total


def test_unlabeled_total_eps_and_shares(seed):
    income = seed.statements[1]
    unlabeled = next(item for item in income.items if item.label == "")
    assert unlabeled.is_total and unlabeled.section == "OPERATING EXPENSES"
    assert unlabeled.values == (Decimal(2917000), Decimal(1296000))
    eps = [item for item in income.items if item.kind is ValueKind.PER_SHARE]
    assert [(item.label, item.values, item.scale, item.decimals) for item in eps] == [
        ("Basic", (Decimal("0.02"), Decimal("-0.03")), 0, 2),
        ("Diluted", (Decimal("0.02"), Decimal("-0.03")), 0, 2)]
    shares = [item for item in income.items if item.kind is ValueKind.SHARES]
    assert [item.values for item in shares] == [
        (Decimal(14841000), Decimal(14921000)), (Decimal(17241000), Decimal(14921000))]
    assert all(item.scale == 3 and item.decimals == -3 for item in shares)


def test_plain_text_seed_has_no_header_metadata(seed):
    assert seed.meta.source == str(SEED)
    assert seed.meta.cik is None
    assert seed.diagnostics == ()


def test_statement_without_table_tags_reads_the_same(tmp_path, seed):
    lines = SEED.read_text(encoding="utf-8").splitlines()
    assert (lines[267], lines[309]) == ("<TABLE>", "</TABLE>")
    lines[267] = lines[309] = ""
    untagged = tmp_path / "untagged.txt"
    untagged.write_text("\n".join(lines) + "\n", encoding="utf-8")
    document = read_document(untagged)
    assert item_rows(document) == item_rows(seed)
