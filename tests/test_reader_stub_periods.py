"""Stub periods spelled day to day under a period heading (predecessor and successor columns
of a business combination): each column is its own period, checked against its own words."""

from __future__ import annotations

from datetime import date

import pytest

from converter import periods
from converter.checks import run_checks
from converter.model import Duration, Instant
from converter.pipeline import ConvertOptions, prepare
from converter.readers import read_document
from tests.conftest import shared_path


@pytest.mark.parametrize(("text", "year", "expected"), [
    ("Successor July 22 to September 30", 2023, (date(2023, 7, 22), date(2023, 9, 30))),
    ("Predecessor January 1 through July 21", 2023, (date(2023, 1, 1), date(2023, 7, 21))),
    ("December 1 - March 1", 2003, (date(2002, 12, 1), date(2003, 3, 1))),
    ("June 3, 1996 to December 31, 1996", 2000, (date(1996, 6, 3), date(1996, 12, 31))),
    ("Three Months Ended September 30", 2023, None),
    ("February 30 to March 3", 2023, None),
])
def test_day_ranges(text: str, year: int, expected: tuple[date, date] | None) -> None:
    assert periods.day_range(text, year) == expected


AEON = ("corpus", "ixbrl", "aeon-10-q-2023-09-30", "aeon-20230930x10q.htm")


def test_predecessor_and_successor_columns_keep_their_own_periods() -> None:
    document = read_document(shared_path(*AEON))
    by_kind = {s.kind: [c.period for c in s.columns] for s in document.statements}
    assert by_kind["balance_sheet"] == [Instant(date(2023, 9, 30)), Instant(date(2022, 12, 31))]
    assert by_kind["income_statement"] == [
        Duration(date(2023, 7, 1), date(2023, 7, 21)), Duration(date(2023, 7, 22), date(2023, 9, 30)),
        Duration(date(2022, 7, 1), date(2022, 9, 30)), Duration(date(2023, 1, 1), date(2023, 7, 21)),
        Duration(date(2022, 1, 1), date(2022, 9, 30))]
    assert by_kind["cash_flow"] == [Duration(date(2023, 1, 1), date(2023, 7, 21)),
                                    Duration(date(2023, 7, 22), date(2023, 9, 30)),
                                    Duration(date(2022, 1, 1), date(2022, 9, 30))]


def test_stub_periods_pass_the_period_checks(tmp_path) -> None:
    prepared = prepare(ConvertOptions(input=shared_path(*AEON), outdir=tmp_path / "out", validate=False))
    codes = [d.code for d in run_checks(prepared.document, prepared.mappings, prepared.report)]
    assert not [c for c in codes if c.startswith("check.period")], codes
