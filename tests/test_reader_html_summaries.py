"""The discussion's tables beside the statements: a results table with "Percent of sales"
rows, a cash-flow summary without a scale note; the statement is read, not them."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from converter.model import Duration, StatementKind
from converter.readers import read_document

CF = StatementKind.CASH_FLOW


def _table(rows: list[tuple[str, ...]], header: str = "Year Ended December 31,") -> str:
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in (row[0], *[c for v in row[1:] for c in ("", v)]))
                   + "</tr>\n" for row in rows)
    return (f'<table><tr><td></td><td colspan="4">{header}</td></tr>'
            "<tr><td></td><td></td><td>2023</td><td></td><td>2022</td></tr>\n" + body + "</table>\n")


def _read(tmp_path: Path, body: str):
    path = tmp_path / "filing.htm"
    path.write_text(f"<html><body><p>Example Cable Corp.</p>{body}</body></html>", encoding="utf-8")
    return read_document(path)


def _row(statement, label: str):
    return next(item for item in statement.items if item.label == label)


def test_the_statement_wins_over_a_discussion_table_with_percent_rows(tmp_path):
    """The discussion's "Results of Operations" prints more rows than the statement, but its
    "Percent of sales" rows are none of the statement's: the statement is kept."""
    discussion = [("Net sales", "18,236", "16,785"), ("Gross profit", "7,563", "7,009"),
                  ("Percent of sales", "41.5 %", "41.8 %"), ("SG&A", "4,541", "3,986"),
                  ("Percent of sales", "24.9 %", "23.7 %"), ("Earnings before income taxes", "2,907", "2,501"),
                  ("Percent of sales", "15.9 %", "14.9 %"), ("Net earnings", "2,303", "1,965"),
                  ("Percent of sales", "12.6 %", "11.7 %")]
    statement = [("Net sales", "18,236", "16,785"), ("Cost of sales", "10,673", "9,776"),
                 ("Selling, general and administrative expenses", "4,541", "3,986"),
                 ("Interest expense", "154", "156"), ("Earnings before income taxes", "2,907", "2,501"),
                 ("Income taxes", "604", "536"), ("Net earnings", "2,303", "1,965")]
    document = _read(tmp_path, "<p>Results of Operations</p><p>(dollars in millions)</p>" + _table(discussion)
                     + "<p>Consolidated Statements of Earnings</p><p>(Dollars in millions)</p>" + _table(statement))
    (income,) = document.statements
    assert income.title == "Consolidated Statements of Earnings"
    assert _row(income, "Cost of sales").values == (Decimal(10_673_000_000), Decimal(9_776_000_000))


def test_an_unscaled_summary_of_the_cash_flow_statement_is_left_out(tmp_path):
    """The discussion's "CASH FLOW" table, headed by years alone, prints the statement's amounts
    without a scale note; read as printed they would be facts a million times too small."""
    summary = [("Operating cash flow", "$ 3,575", "3,083"), ("Capital expenditures", "$ 581", "538"),
               ("Free cash flow", "$ 2,994", "2,545"), ("Operating working capital", "$ 1,057", "1,105")]
    statement = [("Net earnings", "2,303", "1,965"), ("Depreciation and amortization", "1,272", "998"),
                 ("Other, net", "0", "120"), ("Cash provided by operating activities", "3,575", "3,083"),
                 ("Capital expenditures", "(581)", "(538)"), ("Cash used in investing activities", "(581)", "(538)")]
    document = _read(tmp_path, "<p>CASH FLOW</p>" + _table(summary, header="")
                     + "<p>Consolidated Statements of Cash Flows</p><p>(Dollars in millions)</p>" + _table(statement))
    (cash,) = [s for s in document.statements if s.kind is CF]
    assert cash.title == "Consolidated Statements of Cash Flows"
    assert [column.period for column in cash.columns] == [Duration(date(2023, 1, 1), date(2023, 12, 31)),
                                                          Duration(date(2022, 1, 1), date(2022, 12, 31))]
    assert _row(cash, "Cash provided by operating activities").values == (Decimal(3_575_000_000),
                                                                         Decimal(3_083_000_000))
    assert any(d.code == "reader.unscaled-summary" for d in document.diagnostics)
