"""Column headings centred over a pair (or run) of columns, as 1990s ASCII tables print them:
"THREE MONTHS ENDED" narrower than the two columns it heads, "December 31," between the two
years below it, with no rule under either. Such a heading heads every column under the headings
of the line below that it is centred over; a heading over one column stays over that column."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from converter.model import Duration, Instant, Period, Statement, StatementKind
from converter.readers import read_document

QUARTER_AND_HALF = """\
                         ACME WIDGET CORPORATION
                    CONSOLIDATED STATEMENTS OF OPERATIONS
                  (In thousands, except per share amounts)

                                         Quarter Ended                Six Months Ended
                                    June 30,        June 30,        June 30,        June 30,
                                       1996            1995            1996            1995
Net sales                           $ 12,400        $ 11,100        $ 24,900        $ 21,800
Cost of sales                          7,900           7,200          15,800          14,100
Selling, general and administrative    2,600           2,450           5,150           4,900
                                    --------        --------        --------        --------
Income before income taxes             1,900           1,450           3,950           2,800
Provision for income taxes               720             550           1,500           1,060
                                    --------        --------        --------        --------
Net income                           $ 1,180         $   900         $ 2,450         $ 1,740
                                    ========        ========        ========        ========
"""

BALANCE_SHEET = """\
                         ACME WIDGET CORPORATION
                       CONSOLIDATED BALANCE SHEETS
                             (In thousands)

                                               December 31,
                                          1996            1995
ASSETS
Cash                                   $  4,100        $  3,700
Accounts receivable                       9,800           9,100
Inventories                              11,200          10,400
                                       --------        --------
    Total assets                       $ 25,100        $ 23,200
                                       ========        ========
LIABILITIES AND STOCKHOLDERS' EQUITY
Accounts payable                       $  6,300        $  5,900
Stockholders' equity                     18,800          17,300
                                       --------        --------
    Total liabilities and equity       $ 25,100        $ 23,200
                                       ========        ========
"""

# each column has a date of its own under the heading: the dates stay their own column's
OWN_DATES = """\
                         ACME WIDGET CORPORATION
                    CONSOLIDATED STATEMENTS OF OPERATIONS
                             (In thousands)

                                      THIRTEEN WEEKS ENDED
                                   March 30,       April 1,
                                     1996            1995
Net sales                          $ 12,400        $ 11,100
Cost of sales                         7,900           7,200
                                   --------        --------
Net income                         $  4,500        $  3,900
                                   ========        ========
"""


def _statement(tmp_path: Path, text: str) -> Statement:
    path = tmp_path / "acme.txt"
    path.write_text(text, encoding="ascii")
    (statement,) = read_document(path).statements
    return statement


def _periods(statement: Statement) -> list[Period]:
    return [column.period for column in statement.columns]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("spanning")


def test_a_length_centred_over_each_pair_heads_both_of_its_columns(folder: Path) -> None:
    statement = _statement(folder, QUARTER_AND_HALF)
    assert statement.kind is StatementKind.INCOME_STATEMENT
    assert _periods(statement) == [
        Duration(date(1996, 4, 1), date(1996, 6, 30)),
        Duration(date(1995, 4, 1), date(1995, 6, 30)),
        Duration(date(1996, 1, 1), date(1996, 6, 30)),
        Duration(date(1995, 1, 1), date(1995, 6, 30)),
    ]
    net = next(item for item in statement.items if item.label == "Net income")
    assert net.values[1] == 900000 and net.values[3] == 1740000


def test_a_date_between_two_years_dates_both(folder: Path) -> None:
    statement = _statement(folder, BALANCE_SHEET)
    assert statement.kind is StatementKind.BALANCE_SHEET
    assert _periods(statement) == [Instant(date(1996, 12, 31)), Instant(date(1995, 12, 31))]


def test_a_spanning_length_leaves_each_column_its_own_date(folder: Path) -> None:
    statement = _statement(folder, OWN_DATES)
    assert _periods(statement) == [
        Duration(date(1995, 12, 31), date(1996, 3, 30)),
        Duration(date(1995, 1, 1), date(1995, 4, 1)),
    ]
