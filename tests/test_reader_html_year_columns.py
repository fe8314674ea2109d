"""Columns headed by years in HTML statements: dated by the cover's fiscal year end when no
balance sheet prints a date, by a date printed beside them, by "February 28 or 29"."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from converter.model import Duration, Instant, StatementKind
from converter.readers import read_document
from converter.readers.calendar import stated_year_end

BS, IS = StatementKind.BALANCE_SHEET, StatementKind.INCOME_STATEMENT


def _table(title: str, headers: list[list[str]], rows: list[list[str]]) -> str:
    """A statement table: header rows and body rows of cells (label first), under a title."""
    def tr(cells: list[str]) -> str:
        return "<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>\n"
    return (f"<p>{title}</p><p>(In thousands, except per share data)</p><table>\n"
            + "".join(tr(row) for row in headers) + "".join(tr(row) for row in rows) + "</table>\n")


def _read(tmp_path: Path, body: str) -> dict[StatementKind, object]:
    path = tmp_path / "filing.htm"
    path.write_text(f"<html><body><p>Example Stores, Inc.</p>{body}</body></html>", encoding="utf-8")
    return {statement.kind: statement for statement in read_document(path).statements}


def _periods(statement) -> list[object]:
    return [column.period for column in statement.columns]


BALANCE_ROWS = [["Cash", "", "1,200", "", "900"], ["Inventory", "", "300", "", "250"],
                ["Total assets", "", "1,500", "", "1,150"], ["Accounts payable", "", "400", "", "350"],
                ["Total liabilities", "", "400", "", "350"]]
INCOME_ROWS = [["Net sales", "", "9,000", "", "8,100", "", "7,700"],
               ["Cost of sales", "", "6,000", "", "5,500", "", "5,200"],
               ["Gross profit", "", "3,000", "", "2,600", "", "2,500"],
               ["Net income", "", "3,000", "", "2,600", "", "2,500"]]


def test_the_covers_year_end_dates_fiscal_year_columns_of_a_53_week_calendar(tmp_path):
    """No balance sheet prints a date ("At the End of Fiscal 2023 | 2022"): the cover's "For the
    fiscal year ended February 3, 2024" ends fiscal 2023, and earlier years step back 53 and 52
    weeks, each ending nearest January 31."""
    statements = _read(tmp_path, (
        "<p>FORM 10-K</p><p>For the fiscal year ended February 3 , 2024</p>"
        + _table("CONSOLIDATED BALANCE SHEETS", [["", "", "At the End of Fiscal"],
                                                 ["", "", "2023", "", "2022"]], BALANCE_ROWS)
        + _table("CONSOLIDATED STATEMENTS OF OPERATIONS", [["", "", "Fiscal Year Ended"],
                                                           ["", "", "2023", "", "2022", "", "2021"]],
                 INCOME_ROWS)))
    assert _periods(statements[BS]) == [Instant(date(2024, 2, 3)), Instant(date(2023, 1, 28))]
    assert _periods(statements[IS]) == [Duration(date(2023, 1, 29), date(2024, 2, 3)),
                                        Duration(date(2022, 1, 30), date(2023, 1, 28)),
                                        Duration(date(2021, 1, 31), date(2022, 1, 29))]
    assert statements[IS].items[0].values == (Decimal(9_000_000), Decimal(8_100_000), Decimal(7_700_000))


@pytest.mark.parametrize(("text", "end"), [
    ("ANNUAL REPORT ... For the fiscal year ended February 6 , 2022 OR TRANSITION REPORT", date(2022, 2, 6)),
    ("For the Fiscal Year Ended: December 31, 2023", date(2023, 12, 31)),
    ("For the quarterly period ended September 30, 2023", None),
    ("Net sales for the year ended December 31, 2023 rose.", None),
])
def test_the_fiscal_year_end_a_cover_states(text, end):
    assert stated_year_end(f"<p>{text}</p>") == end


def test_years_printed_beside_a_date_are_that_dates_year(tmp_path):
    """"December 31, 2023 | 2022": 2022 is December 31, 2022, not the year ending with 2023."""
    statements = _read(tmp_path, (
        _table("CONSOLIDATED BALANCE SHEET", [["", "", "December 31, 2023", "", "2022"]], BALANCE_ROWS)
        + _table("CONSOLIDATED STATEMENT OF INCOME",
                 [["", "", "Years ended December 31, 2023", "", "2022", "", "2021"]], INCOME_ROWS)))
    assert _periods(statements[BS]) == [Instant(date(2023, 12, 31)), Instant(date(2022, 12, 31))]
    assert _periods(statements[IS]) == [Duration(date(2023, 1, 1), date(2023, 12, 31)),
                                        Duration(date(2022, 1, 1), date(2022, 12, 31)),
                                        Duration(date(2021, 1, 1), date(2021, 12, 31))]


def test_february_28_or_29_is_the_months_last_day_in_a_leap_year(tmp_path):
    statements = _read(tmp_path, (
        _table("CONSOLIDATED BALANCE SHEETS", [["", "", "As of February 28"], ["", "", "2026", "", "2025"]],
               BALANCE_ROWS)
        + _table("CONSOLIDATED STATEMENTS OF EARNINGS", [["", "", "Years Ended February 28 or 29"],
                                                         ["", "", "2026", "", "2025", "", "2024"]],
                 INCOME_ROWS)))
    assert _periods(statements[IS]) == [Duration(date(2025, 3, 1), date(2026, 2, 28)),
                                        Duration(date(2024, 3, 1), date(2025, 2, 28)),
                                        Duration(date(2023, 3, 1), date(2024, 2, 29))]
