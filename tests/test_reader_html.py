"""The HTML reader on the shared EX-99 earnings releases (kinds, periods, values checked
by eye against the documents) and on a hand-written release with every cell quirk."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from converter.model import Duration, Instant, StatementKind, ValueKind
from converter.readers import read_document
from tests.conftest import shared_path

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "html"
RELEASES = ("corpus", "html-releases")
BS, IS, CF = StatementKind.BALANCE_SHEET, StatementKind.INCOME_STATEMENT, StatementKind.CASH_FLOW


def row(statement, label):
    return next(item for item in statement.items if item.label == label)


def periods(statement):
    return [column.period for column in statement.columns]


def d(text: str) -> date:
    return date.fromisoformat(text)


def test_apple_2024_release():
    document = read_document(shared_path(*RELEASES, "apple_8-K_0000320193-24-000005", "0000320193-24-000005.txt"))
    income, balance, cash = document.statements
    assert [income.kind, balance.kind, cash.kind] == [IS, BS, CF]
    assert periods(income) == [Duration(d("2023-10-01"), d("2023-12-30")), Duration(d("2022-10-01"), d("2022-12-31"))]
    assert periods(balance) == [Instant(d("2023-12-30")), Instant(d("2023-09-30"))]
    assert row(income, "Total net sales").values == (Decimal("119575000000"), Decimal("117154000000"))
    assert row(income, "Net income").values == (Decimal("33916000000"), Decimal("29998000000"))
    basic = [item for item in income.items if item.label == "Basic"]
    assert [item.kind for item in basic] == [ValueKind.PER_SHARE, ValueKind.SHARES]
    assert basic[1].values[0] == Decimal("15509763000")  # shares "reflected in thousands"
    assert row(balance, "Total assets").values == (Decimal("353514000000"), Decimal("352583000000"))
    # the segment and category breakdowns printed under the statement are not part of it
    assert [item.label for item in income.items].count("Total net sales") == 1
    assert document.meta.company_name == "Apple Inc."


def test_apple_2004_release_in_old_html():
    document = read_document(shared_path(*RELEASES, "apple_8-K_0001104659-04-019574", "0001104659-04-019574.txt"))
    balance, income = document.statements
    assert [balance.kind, income.kind] == [BS, IS]
    assert periods(balance) == [Instant(d("2004-06-26")), Instant(d("2003-09-27"))]
    assert periods(income) == [
        Duration(d("2004-03-28"), d("2004-06-26")), Duration(d("2003-03-30"), d("2003-06-28")),
        Duration(d("2003-09-28"), d("2004-06-26")), Duration(d("2002-09-29"), d("2003-06-28"))]
    net_sales = row(income, "Net sales")
    assert net_sales.values == (Decimal("2014000000"), Decimal("1545000000"), Decimal("5929000000"),
                                Decimal("4492000000"))
    assert row(balance, "Total assets").values == (Decimal("7223000000"), Decimal("6815000000"))
    lines = document_lines(document.meta.source)
    assert "Net sales" in lines[net_sales.source_line - 1]
    # the non-GAAP statement of operations is no statement
    assert all("NON-GAAP" not in statement.title for statement in document.statements)


def document_lines(source: str) -> list[str]:
    return Path(source).read_text(encoding="utf-8", errors="replace").splitlines()


def test_apple_2011_release():
    document = read_document(shared_path(*RELEASES, "apple_8-K_0001193125-11-009392", "0001193125-11-009392.txt"))
    income, balance, cash = document.statements
    assert [income.kind, balance.kind, cash.kind] == [IS, BS, CF]
    assert periods(income) == [Duration(d("2010-09-26"), d("2010-12-25")), Duration(d("2009-09-27"), d("2009-12-26"))]
    assert row(income, "Net sales").values == (Decimal("26741000000"), Decimal("15683000000"))
    assert row(balance, "Total assets").values == (Decimal("86742000000"), Decimal("75183000000"))
    assert row(cash, "Cash and cash equivalents, end of the period").values == (
        Decimal("10734000000"), Decimal("7609000000"))


@pytest.mark.parametrize(("folder", "name", "quarter", "year", "revenues", "assets"), [
    ("oracle_8-K_0001193125-14-242424", "0001193125-14-242424.txt",
     Duration(d("2014-03-01"), d("2014-05-31")), Duration(d("2013-06-01"), d("2014-05-31")),
     Decimal("38275000000"), Decimal("90344000000")),
    ("oracle_8-K_0001564590-22-023099", "0001564590-22-023099.txt",
     Duration(d("2022-03-01"), d("2022-05-31")), Duration(d("2021-06-01"), d("2022-05-31")),
     Decimal("42440000000"), Decimal("109297000000")),
])
def test_oracle_releases_have_a_quarter_and_a_year_statement(folder, name, quarter, year, revenues, assets):
    document = read_document(shared_path(*RELEASES, folder, name))
    kinds = [statement.kind for statement in document.statements]
    assert kinds == [IS, IS, BS, CF]
    fourth_quarter, full_year, balance, _ = document.statements
    assert periods(fourth_quarter)[0] == quarter and periods(full_year)[0] == year
    total = next(item for item in full_year.items if item.label.lower() == "total revenues")
    assert total.values[0] == revenues
    assert row(balance, "TOTAL ASSETS").values[0] == assets
    assert all(column.header for statement in document.statements for column in statement.columns)


def test_caterpillar_release():
    document = read_document(shared_path(*RELEASES, "caterpillar_8-K_0000018230-22-000107",
                                         "0000018230-22-000107.txt"))
    income, balance, cash = document.statements
    assert [income.kind, balance.kind, cash.kind] == [IS, BS, CF]
    assert periods(income) == [Duration(d("2022-01-01"), d("2022-03-31")), Duration(d("2021-01-01"), d("2021-03-31"))]
    assert row(income, "Total sales and revenues").values == (Decimal("13589000000"), Decimal("11887000000"))
    assert row(income, "Profit per common share — diluted").values == (Decimal("2.86"), Decimal("2.77"))
    assert row(balance, "Total assets").values == (Decimal("82276000000"), Decimal("82793000000"))


def test_buckle_release_with_thirteen_week_quarters():
    document = read_document(shared_path(*RELEASES, "buckle_8-K_EX99.1", "BuckleInc.8-K.EX99.1.html"))
    income, balance = document.statements
    assert [income.kind, balance.kind] == [IS, BS]
    assert periods(income) == [
        Duration(d("2024-08-04"), d("2024-11-02")), Duration(d("2023-07-30"), d("2023-10-28")),
        Duration(d("2024-02-04"), d("2024-11-02")), Duration(d("2023-01-29"), d("2023-10-28"))]
    assert periods(balance) == [Instant(d("2024-11-02")), Instant(d("2024-02-03")), Instant(d("2023-10-28"))]
    assert row(income, "NET INCOME").values[0] == Decimal("44172000")
    assert document.meta.company_name == "The Buckle, Inc"  # no SEC header: from the title lines
    assert row(balance, "Total assets").values == (Decimal("976270000"), Decimal("889810000"), Decimal("921207000"))


@pytest.fixture(scope="module")
def widget():
    return read_document(FIXTURES / "widget_q1_2024_release.html")


def test_fixture_statements_and_the_reconciliation_left_out(widget):
    assert [statement.kind for statement in widget.statements] == [IS, BS]
    assert widget.meta.company_name == "Widget Corp"
    income, balance = widget.statements
    assert periods(income) == [Duration(d("2024-01-01"), d("2024-03-31")), Duration(d("2023-01-01"), d("2023-03-31"))]
    assert periods(balance) == [Instant(d("2024-03-31")), Instant(d("2023-12-31"))]


def test_fixture_cells_split_over_table_cells(widget):
    income = widget.statements[0]
    revenue = row(income, "Revenue")  # footnote superscript dropped from the label
    assert revenue.values == (Decimal("12500000"), Decimal("11000000")) and revenue.texts == ("$12,500", "$11,000")
    other = row(income, "Other income (expense), net")  # "(1,234" and ")" in two cells
    assert other.values == (Decimal("-1234000"), Decimal("-25000")) and other.texts == ("(1,234)", "(25)")
    assert row(income, "Restructuring").values == (Decimal("0"), Decimal("350000"))  # em dash
    basic = [item for item in income.items if item.label == "Basic"]
    assert [(item.kind, item.values[0], item.decimals) for item in basic] == [
        (ValueKind.PER_SHARE, Decimal("0.02"), 2), (ValueKind.SHARES, Decimal("10100000"), -3)]


def test_fixture_indentation_sections_totals_and_lines(widget):
    income, balance = widget.statements
    research = row(income, "Research and development")
    total = row(income, "Total operating expenses")
    assert research.section == "Operating expenses" and research.depth < total.depth
    assert row(income, "Revenue").depth == 0
    assert total.is_total and row(income, "Gross profit").is_total and not research.is_total
    assert row(balance, "Total current assets").section == "Current assets"
    lines = (FIXTURES / "widget_q1_2024_release.html").read_text(encoding="utf-8").splitlines()
    for statement in widget.statements:
        for item in statement.items:
            assert item.label.split()[0].replace("\u2019", "&#8217;") in lines[item.source_line - 1]


def _statement_html(title: str, header: str, rows: list[tuple[int, str, str]]) -> str:
    """A one-table release: (indent in pt, label, amount or "") rows under a title."""
    body = "".join(f'<tr><td style="padding-left:{indent}pt">{label}</td><td></td><td>{amount}</td></tr>\n'
                   for indent, label, amount in rows)
    return (f"<html><body><p>Example Corp.</p><p>{title}</p><p>(In millions)</p><table>\n"
            f"<tr><td></td><td></td><td>{header}</td></tr>\n{body}</table></body></html>")


def test_total_printed_left_of_its_rows_closes_only_their_heading(tmp_path):
    """IBM's layout: "Total current assets" sits level with the "Current assets:" heading, so
    the rows after it are still under "Assets" (it used to close both headings)."""
    path = tmp_path / "release.htm"
    path.write_text(_statement_html("CONSOLIDATED BALANCE SHEET", "June 30, 2025", [
        (0, "Assets:", ""), (10, "Current assets:", ""), (20, "Cash", "10"), (20, "Receivables", "5"),
        (10, "Total current assets", "15"), (10, "Goodwill", "7"), (10, "Deferred taxes", "3"),
        (0, "Total assets", "25"), (0, "Liabilities:", ""), (10, "Accounts payable", "9"),
        (10, "Long-term debt", "16"), (0, "Total liabilities", "25")]), encoding="utf-8")
    (balance,) = read_document(path).statements
    sections = {item.label: item.section for item in balance.items}
    assert sections["Total current assets"] == "Current assets"
    assert sections["Goodwill"] == sections["Deferred taxes"] == "Assets"
    assert sections["Long-term debt"] == "Liabilities"


def test_heading_ending_in_a_colon_heads_the_rows_level_with_it(tmp_path):
    """NVIDIA prints "Net income per share:" level with its "Basic" and "Diluted" rows."""
    path = tmp_path / "release.htm"
    path.write_text(_statement_html("CONSOLIDATED STATEMENTS OF INCOME", "Year Ended January 26, 2025", [
        (0, "Revenue", "130,497"), (0, "Cost of revenue", "32,639"), (0, "Net income", "72,880"),
        (0, "Net income per share:", ""), (0, "Basic", "2.97"), (0, "Diluted", "2.94"),
        (0, "Weighted average shares used in per share computation:", ""),
        (0, "Basic", "24,555"), (0, "Diluted", "24,804")]), encoding="utf-8")
    (income,) = read_document(path).statements
    rows = [(item.label, item.section, item.kind) for item in income.items if item.label in ("Basic", "Diluted")]
    assert rows == [("Basic", "Net income per share", ValueKind.PER_SHARE),
                    ("Diluted", "Net income per share", ValueKind.PER_SHARE),
                    ("Basic", "Weighted average shares used in per share computation", ValueKind.SHARES),
                    ("Diluted", "Weighted average shares used in per share computation", ValueKind.SHARES)]
    assert next(item for item in income.items if item.label == "Net income").section == ""
