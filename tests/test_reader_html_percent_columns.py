"""A percent column beside each year's amounts in an HTML statement ("2024 | | % | 2023 | | %")."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from converter.model import Duration, StatementKind
from converter.readers import read_document


def test_a_percent_heading_beside_each_year_heads_a_column_of_its_own(tmp_path):
    """"2024 | | % | 2023 | | %": the "%" is no suffix of the year before it (the row stays a
    header row; the percent columns are dropped, the amounts read under their years)."""
    rows = [["Net sales", "$", "9,000", "", "100.0", "", "$", "8,100", "", "100.0"],
            ["Cost of sales", "", "6,000", "", "66.7", "", "", "5,500", "", "67.9"],
            ["Gross profit", "", "3,000", "", "33.3", "", "", "2,600", "", "32.1"],
            ["Net income", "", "3,000", "", "33.3", "", "", "2,600", "", "32.1"]]
    html = ("<p>CONSOLIDATED STATEMENTS OF EARNINGS</p><table>"
            '<tr><td></td><td colspan="9">Years Ended December 31</td></tr>'
            '<tr><td>(In thousands)</td><td colspan="2">2024</td><td></td><td>%</td><td></td>'
            '<td colspan="2">2023</td><td></td><td>%</td></tr>'
            + "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
            + "</table>")
    path = tmp_path / "filing.htm"
    path.write_text(f"<html><body><p>Example Stores, Inc.</p>{html}</body></html>", encoding="utf-8")
    (income,) = read_document(path).statements
    assert income.kind is StatementKind.INCOME_STATEMENT
    assert [column.period for column in income.columns] == [Duration(date(2024, 1, 1), date(2024, 12, 31)),
                                Duration(date(2023, 1, 1), date(2023, 12, 31))]
    assert [item.values for item in income.items] == [
        (Decimal(9_000_000), Decimal(8_100_000)), (Decimal(6_000_000), Decimal(5_500_000)),
        (Decimal(3_000_000), Decimal(2_600_000)), (Decimal(3_000_000), Decimal(2_600_000))]
