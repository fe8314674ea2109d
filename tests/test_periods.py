"""Date parsing and period inference (converter.periods)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from converter import periods
from converter.periods import Span, expand_year, infer_start, parse_date, parse_span

DATES = st.dates(min_value=date(1950, 1, 1), max_value=date(2049, 12, 31))


@pytest.mark.parametrize(("text", "expected"), [
    ("03/01/03", date(2003, 3, 1)),
    ("11/30/02", date(2002, 11, 30)),
    ("12/31/99", date(1999, 12, 31)),
    ("June 26, 1998", date(1998, 6, 26)),
    ("JUNE 30, 1998", date(1998, 6, 30)),
    ("Dec. 31, 2004", date(2004, 12, 31)),
    ("Sept. 30, 2001", date(2001, 9, 30)),
    ("January 3,2004", date(2004, 1, 3)),
])
def test_parse_date_forms(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["02/30/03", "13/01/03", "December 31,", "1997", "no date here"])
def test_parse_date_rejects_non_dates(text):
    assert parse_date(text) is None


def test_two_digit_year_window():
    assert [expand_year(year) for year in (0, 49, 50, 99, 2004)] == [2000, 2049, 1950, 1999, 2004]


@pytest.mark.parametrize(("text", "expected"), [
    ("Three Months Ended", Span(months=3)),
    ("Six Month Periods Ended June 30", Span(months=6)),
    ("Nine Months Ended", Span(months=9)),
    ("12 Months Ended December", Span(months=12)),
    ("Year Ended", Span(months=12)),
    ("Fiscal Year 2003", Span(months=12)),
    ("Quarter Ended", Span(months=3)),
    ("13 weeks ended", Span(weeks=13)),
    ("For the 26 Weeks Ended", Span(weeks=26)),
    ("52 weeks ended", Span(weeks=52)),
    ("Thirteen Weeks Ended", Span(weeks=13)),
])
def test_parse_span(text, expected):
    assert parse_span(text) == expected


def test_parse_span_without_duration_words():
    assert parse_span("December 31, 2004 (unaudited)") is None


def test_calendar_quarter_and_year():
    assert infer_start(date(2003, 3, 31), Span(months=3)) == date(2003, 1, 1)
    assert infer_start(date(2004, 12, 31), Span(months=12)) == date(2004, 1, 1)
    assert infer_start(date(1998, 6, 30), Span(months=6)) == date(1998, 1, 1)
    assert infer_start(date(2004, 2, 29), Span(months=3)) == date(2003, 12, 1)


def test_seed_quarters_use_the_fiscal_year_end_or_13_weeks():
    known = (date(2002, 11, 30), date(2003, 3, 1))
    assert infer_start(date(2003, 3, 1), Span(months=3), known) == date(2002, 12, 1)
    assert infer_start(date(2002, 3, 2), Span(months=3), known) == date(2001, 12, 2)


def test_month_end_fiscal_year_of_52_weeks_uses_the_known_year_end():
    assert infer_start(date(2004, 1, 31), Span(months=12), (date(2003, 2, 1),)) == date(2003, 2, 2)


def test_nine_months_from_known_fiscal_year_end():
    known = (date(2003, 2, 1),)
    assert infer_start(date(2003, 11, 1), Span(months=9), known) == date(2003, 2, 2)
    assert infer_start(date(2002, 11, 2), Span(months=9), known) == date(2002, 2, 3)


def test_52_or_53_week_year():
    assert infer_start(date(2004, 1, 3), Span(months=12)) == date(2002, 12, 29)  # Sears 2003: 53 weeks
    assert infer_start(date(2006, 1, 28), Span(months=12)) == date(2005, 1, 30)  # 52 weeks
    assert infer_start(date(2007, 2, 3), Span(months=12)) == date(2006, 1, 29)  # 53 weeks


def test_explicit_weeks():
    assert infer_start(date(2004, 7, 3), Span(weeks=13)) == date(2004, 4, 4)
    assert infer_start(date(2003, 6, 28), Span(weeks=26)) == date(2002, 12, 29)


@given(DATES)
def test_numeric_format_round_trip(day):
    assert parse_date(periods.format_numeric(day)) == day


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)))
def test_word_format_round_trip(day):
    assert parse_date(periods.format_words(day)) == day


@given(DATES, st.sampled_from([3, 6, 9, 12]))
def test_start_precedes_end_and_quarters_are_84_to_98_days(end, months):
    start = infer_start(end, Span(months=months))
    assert start <= end
    days = (end - start).days + 1
    quarters = months // 3
    assert 84 * quarters <= days <= 98 * quarters + 7


@given(DATES, st.sampled_from([3, 6, 9, 12]), st.integers(min_value=-6, max_value=7))
def test_known_year_end_decides_the_start(end, months, shift):
    # up to a week more (a 14-week quarter, a 53-week year), up to 6 days less: 12 weeks is no
    # quarter and 357 days no year (the period checks would call that year 8.25 days short)
    year_end = end - timedelta(days=91 * (months // 3) + shift)
    assert infer_start(end, Span(months=months), (year_end,)) == year_end + timedelta(days=1)


@given(DATES, st.integers(min_value=1, max_value=53))
def test_weeks_span_exact_days(end, weeks):
    start = infer_start(end, Span(weeks=weeks))
    assert (end - start).days + 1 == 7 * weeks
