"""Document metadata the text reader finds outside the tables: the registrant's name
in statement titles (no SEC header) and the header's fiscal year end for periods."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from converter.model import Duration
from converter.readers import read_document
from converter.readers.registrant import registrant_name
from converter.readers.fiscal import fiscal_year_ends
from tests.conftest import SEED

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "text"


def test_seed_without_header_takes_the_name_from_its_statement_titles():
    if not SEED.exists():
        pytest.skip("reference material not present")
    assert read_document(SEED).meta.company_name == "Innovo Group Inc"


@pytest.mark.parametrize(("title", "name"), [
    ("INNOVO GROUP INC  AND SUBSIDIARIES", "Innovo Group Inc"),
    ("          INNOVO GROUP INC. AND SUBUSIDIARIES", "Innovo Group Inc"),
    ("ACME HOLDINGS, L.P. AND CONSOLIDATED SUBSIDIARIES", "Acme Holdings, L.P."),
    ("BANK OF THE WEST AND ITS SUBSIDIARIES", "Bank of the West"),
    ("Widget Corp. and Subsidiaries", "Widget Corp"),
    ("THE BUCKLE, INC.", "The Buckle, Inc"),
    ("  ACME WIDGET COMPANY", "Acme Widget Company"),
])
def test_registrant_name_from_a_title_line(title, name):
    assert registrant_name(["CONSOLIDATED BALANCE SHEETS", title]) == name


def test_titles_without_a_company_name_name_no_registrant():
    assert registrant_name(["CONSOLIDATED BALANCE SHEETS", "(In thousands)", "Three Months Ended"]) is None


def test_a_header_name_is_kept():
    document = read_document(FIXTURES / "retailer_q1_2003_fiscal_year_end.txt")
    assert document.meta.company_name == "EXAMPLE RETAIL STORES INC"


def test_header_fiscal_year_end_decides_the_quarter_start_without_a_balance_sheet():
    document = read_document(FIXTURES / "retailer_q1_2003_fiscal_year_end.txt")
    (income,) = document.statements
    # 13 weeks back from May 3, 2003 would start on February 2; the fiscal year ended January 31.
    assert [column.period for column in income.columns] == [
        Duration(date(2003, 2, 1), date(2003, 5, 3)), Duration(date(2002, 2, 1), date(2002, 5, 4))]


def test_fiscal_year_ends_lie_before_the_columns():
    assert fiscal_year_ends("0131", {date(2003, 5, 3)}) == (
        date(2001, 1, 31), date(2002, 1, 31), date(2003, 1, 31))
    assert fiscal_year_ends("0229", {date(2005, 6, 30)}) == (date(2004, 2, 29),)
    assert fiscal_year_ends(None, {date(2003, 5, 3)}) == ()
    assert fiscal_year_ends("13", {date(2003, 5, 3)}) == ()
