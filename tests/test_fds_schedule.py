"""The EX-27 Financial Data Schedule reader of benchmarks/fds.py: multiplier, amounts in parentheses,
per-share amounts unscaled, periods from PERIOD-START/END, several and restated schedules."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from benchmarks.fds_schedule import ScheduleError, parse_amount, parse_date, schedules

SUBMISSION = """\
<SEC-DOCUMENT>0000000000-98-000001.txt : 19981110
<SEC-HEADER>0000000000-98-000001.hdr.sgml : 19981110
CONFORMED SUBMISSION TYPE:\t10-Q
CONFORMED PERIOD OF REPORT:\t19980930
</SEC-HEADER>
<DOCUMENT>
<TYPE>10-Q
<SEQUENCE>1
<TEXT>
Total assets  <TOTAL-ASSETS> is not a schedule line outside an EX-27
</TEXT>
</DOCUMENT>
<DOCUMENT>
<TYPE>EX-27
<SEQUENCE>2
<DESCRIPTION>FINANCIAL DATA SCHEDULE
<TEXT>
<ARTICLE> 5
<LEGEND>
THIS SCHEDULE CONTAINS SUMMARY FINANCIAL INFORMATION EXTRACTED FROM THE
CONSOLIDATED FINANCIAL STATEMENTS AND IS QUALIFIED IN ITS ENTIRETY BY REFERENCE
<TOTAL-ASSETS> 99 (a legend line is no value)
</LEGEND>
<MULTIPLIER> 1,000
<CURRENCY> U.S. DOLLARS

<S>                             <C>
<PERIOD-TYPE>                   9-MOS
<FISCAL-YEAR-END>                          DEC-31-1998
<PERIOD-START>                             JAN-01-1998
<PERIOD-END>                               SEP-30-1998
<EXCHANGE-RATE>                                      1
<CASH>                                           1,234
<TOTAL-ASSETS>                                  56,789
<NET-INCOME>                                      (12)
<EPS-PRIMARY>                                    (.05)
<EPS-DILUTED>                                      .12
</TABLE>
</TEXT>
</DOCUMENT>
<DOCUMENT>
<TYPE>EX-27.1
<SEQUENCE>3
<DESCRIPTION>RESTATED FINANCIAL DATA SCHEDULE
<TEXT>
<LEGEND> ART. 9 FDS FOR RESTATED 1997 </LEGEND>
<MULTIPLIER> 1
<S>                             <C>                     <C>
<PERIOD-TYPE>                   3-MOS                   YEAR
<FISCAL-YEAR-END>                          DEC-31-1997             DEC-31-1997
<PERIOD-END>                               SEP-30-1997             DEC-31-97
<LOANS>                                      5,000                   6,000
<NET-INCOME>                                    70                     280
</TABLE>
</TEXT>
</DOCUMENT>
</SEC-DOCUMENT>
"""


@pytest.fixture(scope="module")
def found():
    return schedules(SUBMISSION)


def test_every_ex27_document_and_column_is_a_schedule(found) -> None:
    assert [(s.document_type, s.column) for s in found] == [("EX-27", 0), ("EX-27.1", 0), ("EX-27.1", 1)]
    lines = SUBMISSION.splitlines()
    first, restated = lines.index("<TYPE>EX-27") + 1, lines.index("<TYPE>EX-27.1") + 1
    assert [s.line for s in found] == [first, restated, restated] == [14, 42, 42]
    assert [s.restated for s in found] == [False, True, True]


def test_article_from_the_tag_or_the_legend(found) -> None:
    assert [s.article for s in found] == ["5", "9", "9"]


def test_multiplier_and_parentheses(found) -> None:
    first = found[0]
    assert first.multiplier == 1000
    values = {v.tag: v for v in first.values}
    assert set(values) == {"CASH", "TOTAL-ASSETS", "NET-INCOME", "EPS-PRIMARY", "EPS-DILUTED"}
    assert (
        values["TOTAL-ASSETS"].line
        == SUBMISSION.splitlines().index("<TOTAL-ASSETS>                                  56,789") + 1
    )
    assert first.amount(values["TOTAL-ASSETS"]) == Decimal(56789000)
    assert first.amount(values["NET-INCOME"]) == Decimal(-12000)


def test_per_share_amounts_are_not_multiplied(found) -> None:
    values = {v.tag: v for v in found[0].values}
    assert found[0].amount(values["EPS-PRIMARY"]) == Decimal("-0.05")
    assert found[0].amount(values["EPS-DILUTED"]) == Decimal("0.12")


def test_periods_from_start_and_end(found) -> None:
    first, quarter, year = found
    assert (first.start, first.period_end, first.fiscal_year_end) == (
        date(1998, 1, 1),
        date(1998, 9, 30),
        date(1998, 12, 31),
    )
    # no PERIOD-START: the period type counts back from PERIOD-END
    assert (quarter.period_type, quarter.start, quarter.period_end) == (
        "3-MOS",
        date(1997, 7, 1),
        date(1997, 9, 30),
    )
    assert (year.period_type, year.start, year.period_end) == ("YEAR", date(1997, 1, 1), date(1997, 12, 31))
    assert [(v.tag, year.amount(v)) for v in year.values] == [("LOANS", 6000), ("NET-INCOME", 280)]


def test_52_week_period_start_counts_back_from_a_saturday() -> None:
    text = SUBMISSION.replace("DEC-31-97", "DEC-27-97")
    assert schedules(text)[2].start == date(1996, 12, 28)


def test_amounts_and_dates() -> None:
    assert parse_amount("(1,234)") == -1234
    assert parse_amount("$ 5") == 5
    assert parse_amount("-.5") == Decimal("-0.5")
    assert parse_date("FEB-28-1998") == date(1998, 2, 28)
    with pytest.raises(ValueError, match="not an FDS amount"):
        parse_amount("U.S. DOLLARS")
    with pytest.raises(ValueError, match="not an FDS date"):
        parse_date("1998-09-30")


def test_a_schedule_without_period_end_names_its_document() -> None:
    text = SUBMISSION.replace("<PERIOD-END>                               SEP-30-1998\n", "")
    with pytest.raises(ScheduleError, match="EX-27 at line 14: no <PERIOD-END>"):
        schedules(text)
