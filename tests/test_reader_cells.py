"""Reading one line of a text table: label, cells, rules."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from converter.readers.cells import LineKind, read_line


@pytest.mark.parametrize(("text", "label", "values", "places"), [
    (" Cash and cash equivalents                      $    137       $    222",
     "Cash and cash equivalents", ["137", "222"], [0, 0]),
    (" Accumulated deficit                             (33,227)       (33,507)",
     "Accumulated deficit", ["-33227", "-33507"], [0, 0]),
    ("  and $383(2002)                                   3,948          2,737",
     "and $383(2002)", ["3948", "2737"], [0, 0]),
    ("  194 shares(2003) and 194(2002)                      --             --",
     "194 shares(2003) and 194(2002)", ["0", "0"], [0, 0]),
    (" Basic                                                  0.02          (0.03)",
     "Basic", ["0.02", "-0.03"], [2, 2]),
    ("NET INCOME (LOSS)                                   $    282       $   (496)",
     "NET INCOME (LOSS)", ["282", "-496"], [0, 0]),
    ("Net loss (1)                  $(4,200,103) *     $  (742,411)",
     "Net loss", ["-4200103", "-742411"], [0, 0]),
    ("Revenue*                      1,000 (2)         900",
     "Revenue", ["1000", "900"], [0, 0]),
    ("Total Sales              45,217    47,147     -4.1%",
     "Total Sales", ["45217", "47147", "-4.1"], [0, 0, 1]),
    ("  Accrued expenses                  8,223       \u2014",
     "Accrued expenses", ["8223", "0"], [0, 0]),
    ("      1997, 1,943,666; 1996, 1,191,666         5,915,572   3,564,238",
     "1997, 1,943,666; 1996, 1,191,666", ["5915572", "3564238"], [0, 0]),
    ("                                                       2,917          1,296",
     "", ["2917", "1296"], [0, 0]),
    ("Cash and equivalents.............. $  1,234    $ ( 5,678)",
     "Cash and equivalents", ["1234", "-5678"], [0, 0]),
    ("Net sales . . . . . . . . . . . . .   12.5     10.0",
     "Net sales", ["12.5", "10.0"], [1, 1]),
    ("Other income (expense), net         (340)        120        NM",
     "Other income (expense), net", ["-340", "120"], [0, 0]),
    ("Interest income                       45          --       n/a",
     "Interest income", ["45", "0"], [0, 0]),
    ("Net loss                        1,234-      567-", "Net loss", ["-1234", "-567"], [0, 0]),
    ("Net income (loss)             $<1,000>     $  350", "Net income (loss)", ["-1000", "350"], [0, 0]),
    ("Operating loss                   <12.5>      3.25", "Operating loss", ["-12.5", "3.25"], [1, 2]),
])
def test_value_lines(text, label, values, places):
    line = read_line(7, text)
    assert line.kind is LineKind.VALUES and line.number == 7
    assert line.label == label
    assert [str(cell.value) for cell in line.cells] == values
    assert [cell.places for cell in line.cells] == places


@pytest.mark.parametrize(("text", "kind"), [
    ("", LineKind.BLANK),
    ("     \t ", LineKind.BLANK),
    ("                                                 -------        -------", LineKind.RULE),
    ("- --------------------------------------------------------------------", LineKind.RULE),
    ("        ===========    ===========", LineKind.RULE),
    ("NONCASH INVESTING AND FINANCING ACTIVITIES -", LineKind.TEXT),
    ("shares  outstanding on a fully diluted basis were 17,241,000", LineKind.TEXT),
    ("  Issued and outstanding 14,901(2003)", LineKind.TEXT),
    ("CURRENT ASSETS:", LineKind.TEXT),
    ("Growth rate  n/a", LineKind.TEXT),
])
def test_other_lines(text, kind):
    line = read_line(1, text)
    assert line.kind is kind and not line.cells


def test_tabs_expand_to_columns():
    line = read_line(1, "Cash\t\t\t$ 1,234\t\t$ 5,678")
    assert line.label == "Cash" and [cell.value for cell in line.cells] == [1234, 5678]
    assert line.cells[0].start == 26


WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyz,&'", min_size=1, max_size=12)
AMOUNTS = st.decimals(min_value=Decimal("-999999999.99"), max_value=Decimal("999999999.99"),
                      places=2, allow_nan=False, allow_infinity=False)


def printed(amount: Decimal, places: int, dollar: bool) -> str:
    body = f"{abs(amount):,.{places}f}"
    text = f"({body})" if amount < 0 else body
    return f"$ {text}" if dollar else text


@given(st.lists(WORDS, min_size=1, max_size=5), st.lists(AMOUNTS, min_size=1, max_size=6),
       st.sampled_from([0, 1, 2]), st.booleans(), st.integers(min_value=2, max_value=12))
def test_printed_rows_round_trip(words, amounts, places, dollar, gap):
    label = " ".join(words).capitalize()
    text = "  " + label + "".join(" " * gap + printed(amount, places, dollar) for amount in amounts)
    line = read_line(1, text)
    rounded = [round(amount, places) for amount in amounts]
    assert line.label == label
    assert [cell.value for cell in line.cells] == rounded
    assert all(cell.places == places for cell in line.cells)
