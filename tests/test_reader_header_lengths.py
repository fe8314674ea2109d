"""Column lengths named once for several column groups, and dates above the statement's title."""

from __future__ import annotations

from pathlib import Path

import pytest

from converter.errors import InputError
from converter.readers import read_document
from tests.conftest import shared_path

THREE_AND_NINE = """\
                         GIZMO CORPORATION
               CONDENSED CONSOLIDATED STATEMENTS OF INCOME
           For the Three and Nine Months Ended September 30, 1998 and 1997
                (In thousands, except per share amounts)
<TABLE>
<CAPTION>
                                    1998        1997         1998        1997
                                 ---------   ---------    ---------   ---------
<S>                              <C>         <C>          <C>         <C>
Revenues                         $  50,000   $  45,000    $ 148,000   $ 128,000
Costs and expenses                  42,000      38,000      126,000     109,000
                                 ---------   ---------    ---------   ---------
Net income                       $   8,000   $   7,000    $  22,000   $  19,000
                                 =========   =========    =========   =========
</TABLE>
"""


def _periods(tmp_path: Path, text: str) -> tuple[list[list[str]], list[str]]:
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    document = read_document(path)
    return ([[str(column.period) for column in s.columns] for s in document.statements],
            [d.code for d in document.diagnostics])


def test_a_title_naming_three_and_nine_months_dates_each_run_of_year_columns(tmp_path: Path) -> None:
    periods, codes = _periods(tmp_path, THREE_AND_NINE)
    assert periods == [["1998-07-01--1998-09-30", "1997-07-01--1997-09-30",
                        "1998-01-01--1998-09-30", "1997-01-01--1997-09-30"]]
    assert codes == []


def test_columns_the_named_lengths_cannot_be_spread_over_are_skipped(tmp_path: Path) -> None:
    # two lengths named over one run of year columns: which one is which cannot be known
    lines = THREE_AND_NINE.splitlines()
    text = "\n".join([*lines[:6], *(line[:46] for line in lines[6:])]) + "\n"
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match="could be any of the lengths the title names"):
        read_document(path)


def test_a_date_above_the_statement_title_does_not_date_its_columns() -> None:
    # Clorox's 10-K prints the auditor's report, dated August 10, 2022, right above the statement
    path = next(shared_path("corpus", "ixbrl").glob("*/clx-20220630_d2.htm"))
    document = read_document(path)
    income = next(s for s in document.statements if s.kind.value == "income_statement")
    assert [str(c.period) for c in income.columns] == [
        "2021-07-01--2022-06-30", "2020-07-01--2021-06-30", "2019-07-01--2020-06-30"]
    basic = next(item for item in income.items if item.label == "Basic")
    assert basic.values[0] == 123113000 and basic.scale == 3  # "Weighted average shares (in thousands)"
