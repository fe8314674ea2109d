"""The reader's vocabulary files (taxonomy/reader/*.yaml) say what they should."""

from __future__ import annotations

from pathlib import Path

import pytest

from converter.errors import TaxonomyError
from converter.model import StatementKind
from converter.readers.statements import TitleLine, classify, find_scaling
from converter.readers.vocab import READER_DIR, matches, vocabulary

VOCAB = vocabulary()


@pytest.mark.parametrize(("note", "power", "shares_exempt"), [
    ("(000's except per share data)", 3, False),
    ("(000's except for share data)", 3, True),
    ("(Dollars in millions, except per share amounts)", 6, False),
    ("(in thousands)", 3, False),
    ("(In millions, except per share)", 6, False),
    ("(In thousands, except share and per share data)", 3, True),
    ("(millions, except earnings per common share)", 6, False),
    ("(In Millions of Dollars Except Earnings Per Share)", 6, False),
    ("($ in millions)", 6, False),
    ("(Amounts in thousands of U.S. dollars)", 3, False),
    ("Millions, except per share amounts, for the six months ended", 6, False),
    ("(In thousands) Three Months Ended", 3, False),
    ("Thousands, except share data", 3, True),
    ("(in $ millions, except per share data)", 6, False),
    ("USD millions", 6, False),
    ("Billions, except per share", 9, False),
    ("Amounts in millions, except per share data.", 6, False),
])
def test_scale_notes(note, power, shares_exempt):
    scaling = find_scaling([note], VOCAB)
    assert (scaling.power, scaling.shares_exempt) == (power, shares_exempt)


def test_no_scale_note():
    assert find_scaling(["JUNGLEE CORP.", "BALANCE SHEETS"], VOCAB).power is None
    # unit words that are no scale note: a share count in a label, a row of "millions of units"
    assert find_scaling(["Number of stores opened in the six months", "Unit sales growth"],
                        VOCAB).power is None


@pytest.mark.parametrize(("title", "kind"), [
    ("CONSOLIDATED CONDENSED BALANCE SHEETS", StatementKind.BALANCE_SHEET),
    ("CONSOLIDATED STATEMENTS OF FINANCIAL POSITION", StatementKind.BALANCE_SHEET),
    ("CONSOLIDATED CONDENSED STATEMENTS OF OPERATIONS", StatementKind.INCOME_STATEMENT),
    ("CONSOLIDATED STATEMENTS OF INCOME", StatementKind.INCOME_STATEMENT),
    ("STATEMENTS OF EARNINGS", StatementKind.INCOME_STATEMENT),
    ("CONSOLIDATED INCOME", StatementKind.INCOME_STATEMENT),
    ("CONDENSED STATEMENTS OF CASHFLOWS", StatementKind.CASH_FLOW),
    ("CONSOLIDATED STATEMENTS OF CASH FLOWS", StatementKind.CASH_FLOW),
    ("CONSOLIDATED STATEMENTS OF COMPREHENSIVE INCOME", StatementKind.COMPREHENSIVE_INCOME),
    ("STATEMENTS OF STOCKHOLDERS' EQUITY", StatementKind.EQUITY),
])
def test_statement_titles(title, kind):
    assert classify([TitleLine(title, 1)], [], VOCAB) == (kind, TitleLine(title, 1))


@pytest.mark.parametrize("title", [
    "Segment Income Statements", "SELECTED FINANCIAL DATA", "Financial Highlights",
    "SUPPLEMENTAL INFORMATION - INVENTORY", "NOTES TO FINANCIAL STATEMENTS",
    "STATEMENT TO CERTIFICATEHOLDERS",
])
def test_excluded_titles(title):
    assert classify([TitleLine(title, 1)], ["Net income", "Total revenues", "Operating income"], VOCAB) is None


def test_content_decides_without_a_title():
    labels = ["Total Revenues", "Total Operating Expenses", "Operating Income", "Net Income"]
    assert classify([], labels, VOCAB) == (StatementKind.INCOME_STATEMENT, TitleLine("", 0))
    assert classify([], ["Retail Business", "Synthetic Fuels"], VOCAB) is None


def test_row_vocabulary():
    assert matches(VOCAB.total_labels, "TOTAL CURRENT ASSETS")
    assert matches(VOCAB.total_labels, "INCOME (LOSS) BEFORE INCOME TAXES")
    assert not matches(VOCAB.total_labels, "NET SALES")
    assert matches(VOCAB.per_share_labels, "Earnings/ (loss) per share")
    assert matches(VOCAB.share_labels, "Weighted average common shares outstanding")
    assert matches(VOCAB.share_label_exclusions, "Common stock, $0.10 par value- shares authorized")
    assert "and" in VOCAB.wrap_connectors
    assert matches(VOCAB.percent_labels, "Gross margin percentage")
    assert matches(VOCAB.percent_labels, "Effective income tax rate")
    assert matches(VOCAB.ratio_labels, "Current ratio")
    assert not matches(VOCAB.percent_labels, "5.25% senior notes due 2030")  # money, whatever its rate
    assert matches(VOCAB.non_period_columns, "% Change")


def test_every_kind_in_the_files_is_a_statement_kind():
    assert {kind for kind, _ in VOCAB.titles} == set(StatementKind)
    assert {kind for kind, _ in VOCAB.content} <= set(StatementKind)
    assert sorted(path.name for path in READER_DIR.glob("*.yaml")) == [
        "calendar.yaml", "registrant.yaml", "rows.yaml", "scale.yaml", "statements.yaml"]


def test_broken_vocabulary_raises_taxonomy_error(tmp_path: Path):
    for name in ("scale.yaml", "statements.yaml", "rows.yaml"):
        (tmp_path / name).write_text((READER_DIR / name).read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "rows.yaml").write_text("total_labels: ['(unclosed']\n", encoding="utf-8")
    with pytest.raises(TaxonomyError):
        vocabulary(tmp_path)
    (tmp_path / "rows.yaml").write_text("- a list\n", encoding="utf-8")
    with pytest.raises(TaxonomyError, match="mapping"):
        vocabulary(tmp_path)
