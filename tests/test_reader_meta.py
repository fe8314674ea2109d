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


RELEASE_1997 = """\
                          ACME WIDGETS, INC.
                CONSOLIDATED STATEMENTS OF OPERATIONS
             (Dollars in millions, except per share data)

                                    Three Months Ended     Six Months Ended
                                         June 30,               June 30,
                                      1997      1996        1997      1996
                                    -------   -------     -------   -------
Net sales                           $ 412.5   $ 380.1     $ 801.2   $ 742.9
Cost of sales                         250.1     231.4       489.0     455.3
Net income                          $  35.3   $  22.6     $  64.4   $  48.1
Net income per share:
  Primary                           $   .71   $   .46     $  1.30   $   .98
  Fully diluted                     $   .70   $   .45     $  1.28   $   .97
"""


def test_a_table_at_the_top_of_the_file_names_the_registrant_in_its_header(tmp_path):
    """The company line sits inside the first table's header, not above the table."""
    path = tmp_path / "release.txt"
    path.write_text(RELEASE_1997, encoding="utf-8")
    document = read_document(path)
    assert document.meta.company_name == "Acme Widgets, Inc"
    (income,) = document.statements
    assert [item.label for item in income.items][-2:] == ["Primary", "Fully diluted"]


def test_primary_earnings_per_share_is_basic(tmp_path):
    """Before SFAS 128 (1997) basic earnings per share was printed as "primary"."""
    from converter.mapping.engine import Mapper
    from converter.taxonomy.catalog import load_catalog

    path = tmp_path / "release.txt"
    path.write_text(RELEASE_1997, encoding="utf-8")
    (income,) = read_document(path).statements
    mappings = Mapper(load_catalog()).map_statement(income)
    concepts = {item.label: mapping.concept.qname for item, mapping in zip(income.items, mappings, strict=True)}
    assert concepts["Primary"] == "us-gaap:EarningsPerShareBasic"
    assert concepts["Fully diluted"] == "us-gaap:EarningsPerShareDiluted"
