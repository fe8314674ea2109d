"""Hand-written fixtures: 52/53-week quarters, share-exempt scale notes, bare ASCII
tables with a percent-change column, em-dash zeros and footnote marks."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from converter.model import Duration, Instant, StatementKind, ValueKind
from converter.readers import read_document

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "text"


def item(statement, label, section=None):
    return next(row for row in statement.items
                if row.label == label and (section is None or row.section == section))


@pytest.fixture(scope="module")
def acme():
    return read_document(FIXTURES / "acme_q3_2003_52week.txt")


@pytest.fixture(scope="module")
def utility():
    return read_document(FIXTURES / "example_utility_2004_bare.txt")


def test_fiscal_quarters_follow_the_balance_sheet_year_end(acme):
    balance, income = acme.statements
    assert [column.period for column in balance.columns] == [
        Instant(date(2003, 11, 1)), Instant(date(2003, 2, 1))]
    assert [column.period for column in income.columns] == [
        Duration(date(2003, 8, 3), date(2003, 11, 1)), Duration(date(2002, 8, 4), date(2002, 11, 2)),
        Duration(date(2003, 2, 2), date(2003, 11, 1)), Duration(date(2002, 2, 3), date(2002, 11, 2))]
    assert income.columns[2].header == "Nine Months Ended November 1, 2003"
    assert acme.diagnostics == ()


def test_share_counts_are_exempt_when_the_note_says_share_data(acme):
    income = acme.statements[1]
    basic = item(income, "Basic", "Weighted average shares outstanding")
    assert basic.kind is ValueKind.SHARES and basic.scale == 0 and basic.decimals == 0
    assert basic.values[0] == Decimal(10000000)
    eps = item(income, "Diluted", "Net income per share")
    assert eps.kind is ValueKind.PER_SHARE and eps.values == (
        Decimal("0.58"), Decimal("0.39"), Decimal("1.44"), Decimal("0.81"))


def test_footnote_marks_dashes_and_wrapped_labels(acme):
    balance, income = acme.statements
    prepaid = item(balance, "Prepaid expenses and other current assets")
    assert prepaid.source_line == 22 and prepaid.values == (Decimal(1200000), Decimal(1350000))
    assert item(balance, "Accrued expenses").values == (Decimal(8223000), Decimal(0))
    interest = item(income, "Interest expense, net")
    assert interest.values[3] == Decimal(-1800000) and interest.texts[3] == "(1,800)*"
    sga = item(income, "Selling, general and administrative expenses")
    assert sga.source_line == 63 and not sga.is_total


def test_sections_and_totals(acme):
    balance = acme.statements[0]
    assert item(balance, "Total current assets").section == "Current assets"
    assert item(balance, "Property and equipment, net").section == "ASSETS"
    assert item(balance, "Total liabilities and stockholders' equity").section == (
        "LIABILITIES AND STOCKHOLDERS' EQUITY")
    assert [row.label for row in balance.items if row.is_total] == [
        "Total current assets", "Total assets", "Total current liabilities",
        "Total stockholders' equity", "Total liabilities and stockholders' equity"]


def test_bare_ascii_income_statement(utility):
    income, cash_flow = utility.statements
    assert income.kind is StatementKind.INCOME_STATEMENT
    assert [column.period for column in income.columns] == [
        Duration(date(2004, 1, 1), date(2004, 12, 31)), Duration(date(2003, 1, 1), date(2003, 12, 31))]
    assert [column.header for column in income.columns] == [
        "Year Ended December 31, 2004", "Year Ended December 31, 2003"]
    unlabeled = next(row for row in income.items if row.label == "")
    assert unlabeled.is_total and unlabeled.section == "Operating expenses"
    assert unlabeled.values == (Decimal(3960000000), Decimal(3770000000))
    assert item(income, "Operations and maintenance").values[0] == Decimal(1310000000)
    eps = item(income, "Earnings per share - basic")
    assert (eps.kind, eps.scale, eps.decimals, eps.values) == (
        ValueKind.PER_SHARE, 0, 2, (Decimal("2.05"), Decimal("1.98")))
    shares = item(income, "Average shares outstanding (in millions)")
    assert (shares.kind, shares.values[0], shares.decimals) == (ValueKind.SHARES, Decimal(200000000), -5)


def test_bare_ascii_cash_flow(utility):
    cash_flow = utility.statements[1]
    assert cash_flow.kind is StatementKind.CASH_FLOW
    net_income = item(cash_flow, "Net income")
    assert net_income.section == "Operating activities" and not net_income.is_total
    assert item(cash_flow, "Repayment of long-term debt").values == (Decimal(0), Decimal(-60000000))
    investing = item(cash_flow, "Net cash used in investing activities")
    assert investing.is_total and investing.section == "Investing activities"


def test_continued_statement_is_joined_to_the_first_part():
    document = read_document(FIXTURES / "widget_split_balance_sheet.txt")
    (balance,) = document.statements
    assert balance.title == "CONSOLIDATED BALANCE SHEETS" and balance.source_line == 2
    assert [row.label for row in balance.items] == [
        "Cash", "Receivables, net", "Total assets", "Accounts payable", "Shareholders' equity",
        "Total liabilities and shareholders' equity"]
    assert balance.items[-1].source_line == 35
    assert balance.items[-1].values == (Decimal(4000000), Decimal(3500000))


def test_a_scale_note_in_a_label_overrides_the_statement_scale(tmp_path):
    text = (FIXTURES / "example_utility_2004_bare.txt").read_text(encoding="utf-8")
    text = text.replace("(Dollars in millions, except per share amounts)", "(Dollars in thousands)")
    path = tmp_path / "thousands.txt"
    path.write_text(text, encoding="utf-8")
    income = read_document(path).statements[0]
    assert item(income, "Operating revenues").values[0] == Decimal(5120000)
    shares = item(income, "Average shares outstanding (in millions)")
    assert (shares.values[0], shares.scale) == (Decimal(200000000), 6)


def test_month_day_centred_under_a_spanning_header_applies_to_its_columns():
    document = read_document(FIXTURES / "gadget_q2_2004_centered_dates.txt")
    (income,) = document.statements
    assert [column.period for column in income.columns] == [
        Duration(date(2004, 4, 1), date(2004, 6, 30)), Duration(date(2003, 4, 1), date(2003, 6, 30)),
        Duration(date(2004, 1, 1), date(2004, 6, 30)), Duration(date(2003, 1, 1), date(2003, 6, 30))]
    assert income.columns[1].header == "Three Months Ended June 30, 2003"
    assert item(income, "Basic").values == (
        Decimal("0.10"), Decimal("0.08"), Decimal("0.20"), Decimal("0.15"))
    assert document.diagnostics == ()
