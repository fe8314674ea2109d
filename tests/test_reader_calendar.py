"""Fiscal calendars stated in words (`taxonomy/reader/calendar.yaml`): a 53-week year's
year-to-date columns start the day after the year end no statement prints."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from converter.model import Duration
from converter.readers import read_document
from converter.readers.calendar import FiscalCalendar, stated_calendar
from tests.conftest import shared_path


@pytest.mark.parametrize(("text", "rule"), [
    ("The Company&#8217;s fiscal year is the 52- or 53-week period that ends on the last "
     "<span>Saturday</span> of September.", FiscalCalendar(5, 9, nearest=False)),
    ("Our fiscal year is a 52- or 53-week period ending on the Sunday closest to December 31.",
     FiscalCalendar(6, 12, nearest=True)),
    ("We operate on a 52/53-week fiscal year ending on the Saturday nearest January 31.",
     FiscalCalendar(5, 1, nearest=True)),
    ("Our fiscal years end on the Friday nearest the end of November.", FiscalCalendar(4, 11, nearest=True)),
    ("fiscal year ends on the last Sunday in January", FiscalCalendar(6, 1, nearest=False)),
])
def test_stated_calendars_are_read(text: str, rule: FiscalCalendar) -> None:
    assert stated_calendar(text) == rule


@pytest.mark.parametrize("text", ["The year ended December 31, 2023 was strong.",
                                  "a 52-week high of $31 on the last Saturday of September"])
def test_text_stating_no_calendar_gives_none(text: str) -> None:
    assert stated_calendar(text) is None


def test_known_year_ends() -> None:
    apple = FiscalCalendar(5, 9, nearest=False)
    assert [apple.year_end(y) for y in (2022, 2023, 2024)] == [date(2022, 9, 24), date(2023, 9, 30),
                                                              date(2024, 9, 28)]
    home_depot = FiscalCalendar(6, 1, nearest=True)  # the Sunday nearest January 31
    assert [home_depot.year_end(y) for y in (2024, 2025)] == [date(2024, 1, 28), date(2025, 2, 2)]


@given(st.integers(0, 6), st.integers(1, 12), st.booleans(), st.integers(1995, 2040))
def test_year_ends_fall_on_the_weekday_near_the_month_end_52_or_53_weeks_apart(
        weekday: int, month: int, nearest: bool, year: int) -> None:
    rule = FiscalCalendar(weekday, month, nearest)
    end, following = rule.year_end(year), rule.year_end(year + 1)
    assert end.weekday() == weekday
    month_end = (date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1))
    assert -3 <= (end - month_end).days <= 3 if nearest else -6 <= (end - month_end).days <= 0
    assert (following - end).days in (364, 371)


def test_apple_53_week_year_gives_the_prior_nine_months_forty_weeks() -> None:
    document = read_document(shared_path("corpus", "ixbrl", "Apple.10-Q", "Apple.10-Q.html"))
    income = next(s for s in document.statements if s.kind == "income_statement")
    assert [c.period for c in income.columns][2:] == [Duration(date(2023, 10, 1), date(2024, 6, 29)),
                                                      Duration(date(2022, 9, 25), date(2023, 7, 1))]


def test_a_bad_phrase_is_an_error_naming_the_file(tmp_path) -> None:
    from converter.errors import TaxonomyError
    from converter.readers.calendar import _rules

    bad = tmp_path / "calendar.yaml"
    bad.write_text("last: ['(unclosed']\nnearest: []\n", encoding="utf-8")
    with pytest.raises(TaxonomyError) as caught:
        _rules(bad)
    assert "calendar.yaml" in str(caught.value)
