"""The text reader on real EDGAR filings in ../shared/corpus/text (values checked by eye)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from converter.errors import InputError
from converter.model import Duration, Instant, Severity, StatementKind, ValueKind
from converter.readers import NO_STATEMENTS, read_document

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "text"
BS, IS, CF = StatementKind.BALANCE_SHEET, StatementKind.INCOME_STATEMENT, StatementKind.CASH_FLOW


def filing(folder: str) -> Path:
    found = sorted((CORPUS / folder).glob("0*.txt"))
    if not found:
        pytest.skip(f"reference filing not present: {CORPUS / folder}")
    return found[0]


def item(statement, label):
    return next(row for row in statement.items if row.label == label)


@pytest.fixture(scope="module")
def amazon():
    return read_document(filing("amazon_8-K_0000891020-98-001352"))


@pytest.fixture(scope="module")
def sears():
    return read_document(filing("sears_8-K_0000891092-04-003383"))


@pytest.fixture(scope="module")
def southern():
    return read_document(filing("southern_8-K_0000092122-05-000042"))


def test_amazon_header_metadata(amazon):
    meta = amazon.meta
    assert (meta.cik, meta.company_name, meta.form_type) == ("0001018724", "AMAZON COM INC", "8-K")
    assert meta.period_of_report == date(1998, 8, 12)
    assert meta.fiscal_year_end == "1231"


def test_amazon_statements_and_periods(amazon):
    assert [statement.kind for statement in amazon.statements] == [BS, IS, CF, BS, IS, CF]
    annual_bs, annual_is, _, interim_bs, interim_is, _ = amazon.statements
    assert [column.period for column in annual_bs.columns] == [
        Instant(date(1997, 12, 31)), Instant(date(1996, 12, 31))]
    assert [column.period for column in annual_is.columns] == [
        Duration(date(1997, 1, 1), date(1997, 12, 31)), Duration(date(1996, 6, 3), date(1996, 12, 31))]
    assert [column.period for column in interim_bs.columns] == [
        Instant(date(1998, 6, 30)), Instant(date(1997, 12, 31))]
    assert [column.period for column in interim_is.columns] == [
        Duration(date(1998, 1, 1), date(1998, 6, 30)), Duration(date(1997, 1, 1), date(1997, 6, 30))]


def test_amazon_spot_values(amazon):
    annual_bs, annual_is, annual_cf, interim_bs, _, interim_cf = amazon.statements
    cash = item(annual_bs, "Cash and equivalents")
    assert (cash.values, cash.source_line, cash.section) == (
        (Decimal(1576716), Decimal(2415200)), 329, "CURRENT ASSETS")
    assert item(annual_bs, "Accumulated deficit").values == (Decimal(-4942514), Decimal(-742411))
    assert item(annual_bs, "Short-term investments").values == (Decimal(0), Decimal(977957))
    net_loss = item(annual_is, "NET LOSS")
    assert net_loss.values == (Decimal(4200103), Decimal(742411)) and net_loss.is_total
    assert not item(annual_cf, "Net loss").is_total
    wrapped = item(interim_cf, "Accounts receivable from related party and other current assets")
    assert (wrapped.values, wrapped.source_line) == ((Decimal(-290483), Decimal(-126552)), 1205)
    series_b = next(row for row in interim_bs.items if row.label.startswith("Series B"))
    assert series_b.label.endswith("outstanding: 1998, 1,949,726; 1997, 1,943,666")
    assert series_b.values == (Decimal(5933752), Decimal(5915572))
    assert all(row.scale == 0 and row.decimals == 0 for row in annual_bs.items)


def test_amazon_diagnostics(amazon):
    codes = [diagnostic.code for diagnostic in amazon.diagnostics]
    assert codes.count("reader.unknown-scale") == 6
    skipped = next(d for d in amazon.diagnostics if d.code == "reader.equity-skipped")
    assert skipped.severity is Severity.INFO and skipped.source_line == 446


def test_sears_bare_ascii_statements(sears):
    assert [statement.kind for statement in sears.statements] == [IS, BS]
    income, balance = sears.statements
    assert income.title == "CONSOLIDATED INCOME"
    assert [column.period for column in income.columns] == [
        Duration(date(2004, 4, 4), date(2004, 7, 3)), Duration(date(2003, 3, 30), date(2003, 6, 28)),
        Duration(date(2004, 1, 4), date(2004, 7, 3)), Duration(date(2002, 12, 29), date(2003, 6, 28))]
    assert [column.period for column in balance.columns] == [
        Instant(date(2004, 7, 3)), Instant(date(2003, 6, 28)), Instant(date(2004, 1, 3))]


def test_sears_spot_values(sears):
    income, balance = sears.statements
    assert item(income, "Total revenues").values == (
        Decimal(8781000000), Decimal(10196000000), Decimal(16575000000), Decimal(19076000000))
    assert item(income, "NET INCOME/ (LOSS)").values[2] == Decimal(-806000000)
    credit = item(income, "Credit and financial products revenues")
    assert credit.source_line == 350 and credit.values[0] == Decimal(81000000)
    eps = [row for row in income.items if row.label == "Earnings/ (loss) per share"]
    assert [row.values[2] for row in eps] == [Decimal("-3.71"), Decimal("-3.71")]
    assert all(row.kind is ValueKind.PER_SHARE and row.decimals == 2 for row in eps)
    shares = item(income, "Average common equivalent shares outstanding")
    assert shares.kind is ValueKind.SHARES
    assert (shares.values[0], shares.scale, shares.decimals) == (Decimal(216500000), 6, -5)
    assert item(balance, "Total assets").values == (
        Decimal(21927000000), Decimal(50373000000), Decimal(27723000000))
    assert item(balance, "Treasury stock - at cost").values[0] == Decimal(-8740000000)
    assert item(balance, "Domestic credit card receivables").texts == ("-", "29,465", "-")


def test_southern_reads_the_income_exhibit_and_skips_change_columns(southern):
    assert (southern.meta.cik, southern.meta.company_name) == ("0000003153", "ALABAMA POWER CO")
    (income,) = southern.statements
    assert income.kind is IS and income.title == "Analysis of Consolidated Earnings"
    assert [column.period for column in income.columns] == [
        Duration(date(2004, 10, 1), date(2004, 12, 31)), Duration(date(2003, 10, 1), date(2003, 12, 31)),
        Duration(date(2004, 1, 1), date(2004, 12, 31)), Duration(date(2003, 1, 1), date(2003, 12, 31))]
    assert item(income, "Total Revenues").values == (
        Decimal(2721000000), Decimal(2520000000), Decimal(11903000000), Decimal(11186000000))
    assert item(income, "Income Taxes").values[0] == Decimal(-2000000)
    assert item(income, "Contract Termination").values == (0, 0, 0, Decimal(142000000))


def test_aames_trust_report_has_no_financial_statements():
    path = filing("aames_8-K_0001011438-98-000429")
    with pytest.raises(InputError, match=NO_STATEMENTS) as caught:
        read_document(path)
    assert caught.value.file == str(path)


@pytest.mark.parametrize("folder", [
    "no-statements/apple_8-K_0000320193-96-000027",
    "no-statements/apple_8-K_0000912057-00-002128",
    "no-statements/cisco_8-K_0000891618-95-000727",
])
def test_filings_without_statements_raise_input_error(folder):
    path = filing(folder)
    with pytest.raises(InputError) as caught:
        read_document(path)
    assert caught.value.message == NO_STATEMENTS
    assert path.name in str(caught.value)
