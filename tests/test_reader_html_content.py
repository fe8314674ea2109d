"""Statements found by their rows: HTML tables whose title the reader does not see (printed as
an image, in a page header, or nowhere). Segment, five-year and note tables stay out.

The shared filings are read twice: as they are, and with a vocabulary that recognises no
statement title (as if every title were an image); the statements found by rows alone must be
the titled ones, with the same periods and rows."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from converter.model import StatementKind
from converter.readers import read_document
from converter.readers.content import content_kind, proven_totals
from converter.readers.html import read_part
from converter.readers.vocab import vocabulary
from converter.sources import decode
from tests.conftest import shared_path

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "html" / "untitled" / "untitled_10k.html"
VOCAB = vocabulary()
BLIND = replace(VOCAB, titles=())  # no title line names a statement
FACE = (StatementKind.BALANCE_SHEET, StatementKind.INCOME_STATEMENT, StatementKind.CASH_FLOW)


def test_untitled_statements_are_found_by_their_rows_and_summaries_stay_out() -> None:
    document = read_document(FIXTURE)
    kinds = [s.kind for s in document.statements]
    assert kinds == [StatementKind.BALANCE_SHEET, StatementKind.INCOME_STATEMENT]
    balance, income = document.statements
    assert balance.title == ""  # the role is named by the statement's kind
    assert [str(c.period) for c in balance.columns] == ["2024-12-31", "2023-12-31"]
    assets = next(item for item in balance.items if item.label == "Total assets")
    assert assets.values == (Decimal(5_500_000), Decimal(5_050_000))  # "(In thousands)" above it
    assert len(income.columns) == 3 and income.columns[2].period.start.isoformat() == "2022-01-01"
    eps = next(item for item in income.items if item.label == "Basic earnings per share")
    assert eps.values == (Decimal("0.88"), Decimal("0.67"), Decimal("0.50"))
    labels = [item.label for statement in document.statements for item in statement.items]
    assert "Americas" not in labels and "Cash dividends per share" not in labels


@pytest.mark.parametrize(("labels", "kind"), [
    (["Net sales", "Cost of sales", "Gross margin", "Research and development", "Operating income",
      "Interest expense", "Income before income taxes", "Net income"], StatementKind.INCOME_STATEMENT),
    # a five-year summary mixes income rows with balance-sheet totals
    (["Net sales", "Operating income", "Net income", "Basic earnings per share", "Total assets",
      "Long-term debt", "Total stockholders' equity", "Cash dividends per share"], None),
    # a segment table repeats the income rows per segment
    (["Net sales", "Cost of sales", "Operating income", "Net sales", "Cost of sales", "Operating income",
      "Net sales", "Cost of sales", "Operating income"], None),
    # a non-GAAP reconciliation of cash flows
    (["Net cash provided by operating activities", "Purchases of property and equipment",
      "Free cash flow", "Net cash used in investing activities", "Net cash used in financing activities",
      "Other", "Other, net", "Net increase in cash"], None),
    (["Cash and cash equivalents", "Accounts receivable", "Total current assets", "Goodwill", "Total assets",
      "Accounts payable", "Sales taxes payable", "Total current liabilities"], StatementKind.BALANCE_SHEET),
])
def test_the_kind_the_rows_name(labels: list[str], kind: StatementKind | None) -> None:
    assert content_kind(labels, VOCAB) is kind


def test_totals_are_proven_by_the_rows_above_them() -> None:
    (balance, _) = read_document(FIXTURE).statements
    assert proven_totals(balance.items) >= 3  # current assets, current liabilities, equity
    assert proven_totals(balance.items[:2]) == 0


def _face(markup: str, vocab) -> list[tuple[StatementKind, tuple[str, ...], int]]:
    statements, _, _ = read_part(markup, 1, vocab)
    return [(s.kind, tuple(str(c.period) for c in s.columns), len(s.items))
            for s in statements if s.kind in FACE]


@pytest.mark.parametrize("parts", [
    ("ixbrl", "aapl-10-k-2024-11-01", "aapl-10-k-2024-11-01.html"),
    ("ixbrl", "hd-10-k-2025-03-21", "hd-10-k-2025-03-21.html"),
    ("ixbrl", "arelle-ixbrl-viewer_clorox-10-k-2022", "clx-20220630_d2.htm"),
    ("ixbrl", "crm-10-k-2025-03-05", "crm-10-k-2025-03-05.html"),
    ("html-releases", "buckle_8-K_EX99.1", "BuckleInc.8-K.EX99.1.html"),
])
def test_shared_filings_statements_are_found_without_their_titles(parts: tuple[str, ...]) -> None:
    markup = decode(shared_path("corpus", *parts).read_bytes())
    assert markup is not None
    titled = _face(markup, VOCAB)
    assert len(titled) >= 2
    assert _face(markup, BLIND) == titled


def test_a_titled_statement_keeps_untitled_tables_of_its_kind_out() -> None:
    # Johnson & Johnson's 10-K prints the discontinued operations' (Kenvue) income in a note
    # table of income-statement rows without a title: a summary, not a second income statement
    path = shared_path("corpus", "ixbrl", "jnj-10-k-2025-02-13", "jnj-10-k-2025-02-13.html")
    markup = decode(path.read_bytes())
    assert markup is not None
    statements, _, _ = read_part(markup, 1, VOCAB)
    incomes = [s for s in statements if s.kind is StatementKind.INCOME_STATEMENT]
    assert [len(s.items) for s in incomes] == [23] and "statements of earnings" in incomes[0].title
    assert all(s.title for s in statements)
