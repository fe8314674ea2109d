"""Self-checks: periods against their headers and the fiscal calendar, the balance identity,
earnings per share against income ÷ shares, and figures two statements share.

Statements are written at test time in the layouts of 1990s filings and converted through
the pipeline (read → map → facts → checks); each test names the diagnostic it expects, or
that there is none.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from converter import periods
from converter.checks.data import load_check_rules
from converter.checks.periods import _fits, check_periods
from converter.model import (
    Column,
    Document,
    DocumentMeta,
    Duration,
    Instant,
    LineItem,
    Severity,
    Statement,
    StatementKind,
    ValueKind,
)
from converter.pipeline import ConvertOptions, prepare
from converter.taxonomy.catalog import load_catalog
from tests.conftest import shared_path

RULES = load_check_rules()

INCOME = """\
                               GIZMO CORPORATION
                       CONSOLIDATED STATEMENTS OF INCOME
                    {note}

<TABLE>
<CAPTION>
                                                 Years Ended December 31,
                                             --------------------------------
                                                  1998              1997
                                             --------------    --------------
<S>                                          <C>               <C>
Net sales                                      $  120,000        $  110,000
Cost of sales                                      80,000            74,000
                                             --------------    --------------
Income before income taxes                         40,000            36,000
Income taxes                                       16,000            14,400
                                             --------------    --------------
Net income                                     $   24,000        $   21,600
                                             ==============    ==============
Net income per share                           $     2.40        $     2.16
                                             ==============    ==============
Weighted average shares outstanding            {shares}
</TABLE>
"""


def _diagnostics(tmp_path: Path, text: str, name: str = "doc.txt") -> list:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    prepared = prepare(ConvertOptions(input=path, outdir=tmp_path / "out", validate=False))
    return [d for d in prepared.diagnostics if d.code.startswith("check.")]


def test_every_concept_the_rules_name_is_a_live_us_gaap_concept() -> None:
    catalog = load_catalog()
    for name in sorted(RULES.concepts()):
        concept = catalog.get(name)
        assert concept is not None, name
        assert not concept.deprecated, name


def test_consistent_per_share_figures_raise_nothing(tmp_path: Path) -> None:
    text = INCOME.format(note="(In thousands, except per share amounts)",
                         shares="     10,000            10,000")
    assert _diagnostics(tmp_path, text) == []


def test_share_counts_printed_in_units_under_a_thousands_note_are_a_scale_error(tmp_path: Path) -> None:
    # the note scales the share counts too, but they are printed in units: 10,000,000 × 1,000
    text = INCOME.format(note="(In thousands, except per share amounts)",
                         shares="10,000,000        10,000,000")
    found = _diagnostics(tmp_path, text)
    scale = [d for d in found if d.code == "check.per-share-scale"]
    assert {d.severity for d in scale} == {Severity.ERROR}
    assert len(scale) == 2  # one per year column
    assert "a factor of 10^-3" in scale[0].message
    assert "EarningsPerShare" in scale[0].message and scale[0].source_line == 20


def test_a_statement_without_a_scale_note_and_too_few_shares_is_an_error(tmp_path: Path) -> None:
    # income ÷ shares = EPS at scale 1 too, so only the share counts show the amounts are scaled
    found = _diagnostics(tmp_path, INCOME.format(note="", shares="     10,000            10,000"))
    (error,) = found
    assert (error.code, error.severity, error.source_line) == ("check.unknown-scale", Severity.ERROR, 22)
    assert "prints no scale note" in error.message
    assert "'Weighted average shares outstanding' (line 22): 10000, 10000" in error.message


def test_a_per_share_scale_error_names_the_rows_and_the_missing_scale_note(tmp_path: Path) -> None:
    # no scale note: income and EPS as printed, the shares row scaled by its own words
    text = INCOME.format(note="", shares="     10,000            10,000").replace(
        "Weighted average shares outstanding      ", "Weighted average shares (in thousands)   ")
    scale = [d for d in _diagnostics(tmp_path, text) if d.code == "check.per-share-scale"]
    assert len(scale) == 2 and {d.severity for d in scale} == {Severity.ERROR}
    assert "NetIncomeLoss 24000 ('Net income', line 18)" in scale[0].message
    assert "('Weighted average shares (in thousands)', line 22)" in scale[0].message
    assert "prints no scale note" in scale[0].message and "look printed in thousands" in scale[0].message


def test_a_per_share_figure_off_by_other_factors_is_a_warning(tmp_path: Path) -> None:
    text = INCOME.format(note="(In thousands, except per share amounts)",
                         shares="     12,000            10,000")
    found = _diagnostics(tmp_path, text)
    assert [(d.code, d.severity) for d in found] == [("check.per-share", Severity.WARNING)]
    assert "2.00" in found[0].message and "2.40" in found[0].message


BALANCE = """\
                               GIZMO CORPORATION
                          CONSOLIDATED BALANCE SHEETS
                                (In thousands)
<TABLE>
<CAPTION>
                                                        December 31,
                                                 --------------------------
                                                    1998            1997
                                                 ----------      ----------
<S>                                              <C>             <C>
Cash                                              $ 10,000        $  9,000
Inventories                                         30,000          27,000
                                                 ----------      ----------
Total assets                                      $ 40,000        $ 36,000
                                                 ==========      ==========
Accounts payable                                  $ 15,000        $ 14,000
Common stock                                         5,000           5,000
Retained earnings                                   20,000          17,000
                                                 ----------      ----------
Total liabilities and stockholders' equity        $ {total}        $ 36,000
                                                 ==========      ==========
</TABLE>
"""


def test_a_balance_sheet_that_balances_raises_nothing(tmp_path: Path) -> None:
    assert _diagnostics(tmp_path, BALANCE.format(total="40,000")) == []


def test_a_balance_sheet_that_does_not_balance_is_an_error(tmp_path: Path) -> None:
    found = [d for d in _diagnostics(tmp_path, BALANCE.format(total="41,000")) if d.code == "check.balance"]
    assert len(found) == 1 and found[0].severity is Severity.ERROR
    assert "1998-12-31" in found[0].message and "40000000" in found[0].message
    assert "41000000" in found[0].message and found[0].source_line == 14


def test_a_figure_two_statements_print_at_different_scales_is_an_error(tmp_path: Path) -> None:
    # the cash-flow statement prints net income in units although its note says thousands
    cash_flow = """
                               GIZMO CORPORATION
                     CONSOLIDATED STATEMENTS OF CASH FLOWS
                                (In thousands)
<TABLE>
<CAPTION>
                                                 Years Ended December 31,
                                             --------------------------------
                                                  1998              1997
                                             --------------    --------------
<S>                                          <C>               <C>
Net income                                     $ 24,000,000      $ 21,600,000
Increase in payables                                1,000             1,000
                                             --------------    --------------
Net cash provided by operating activities      24,001,000        21,601,000
</TABLE>
"""
    text = INCOME.format(note="(In thousands, except per share amounts)",
                         shares="     10,000            10,000") + cash_flow
    found = [d for d in _diagnostics(tmp_path, text) if d.code == "check.scale"]
    assert found and all(d.severity is Severity.ERROR for d in found)
    assert "us-gaap:NetIncomeLoss" in found[0].message and "10^3" in found[0].message


# --- periods ---------------------------------------------------------------------------


def _statement(columns: list[tuple[str, Duration | Instant]], header: str = "",
               kind: StatementKind = StatementKind.INCOME_STATEMENT) -> Statement:
    item = LineItem(label="Net sales", section="", depth=0, values=tuple(Decimal(1) for _ in columns),
                    texts=tuple("1" for _ in columns), kind=ValueKind.MONETARY, scale=0, decimals=0,
                    is_total=False, source_line=12)
    return Statement(kind, "STATEMENTS OF INCOME", tuple(Column(p, h) for h, p in columns), (item,), 7, header)


def _period_codes(statement: Statement, **meta: object) -> list[str]:
    document = Document(DocumentMeta(source="x.txt", **meta), (statement,))  # type: ignore[arg-type]
    return [d.code for d in check_periods(document, RULES)]


def test_a_six_month_column_read_as_a_year_is_a_period_error() -> None:
    statement = _statement([("SIX MONTHS ENDED MARCH 28, 1998", Duration(date(1997, 3, 30), date(1998, 3, 28)))])
    assert _period_codes(statement) == ["check.period-length"]


def test_a_title_naming_two_lengths_allows_either() -> None:
    statement = _statement([("1998", Duration(date(1998, 7, 1), date(1998, 9, 30))),
                            ("1998", Duration(date(1998, 1, 1), date(1998, 9, 30)))],
                           "STATEMENTS OF INCOME For the Three and Nine Months Ended September 30, 1998 and 1997")
    assert _period_codes(statement) == []
    wrong = _statement([("1998", Duration(date(1997, 10, 1), date(1998, 9, 30)))],
                       "For the Three and Nine Months Ended September 30, 1998 and 1997")
    assert _period_codes(wrong) == ["check.period-length"]


def test_fourteen_week_quarters_and_53_week_years_fit_their_headers() -> None:
    statement = _statement([("Quarter Ended January 1, 2005", Duration(date(2004, 9, 26), date(2005, 1, 1))),
                            ("Fiscal Year Ended January 1, 2005", Duration(date(2003, 12, 28), date(2005, 1, 1)))])
    assert _period_codes(statement) == []


def test_an_end_date_the_header_does_not_name_is_an_error() -> None:
    statement = _statement([("December 31, 1998", Instant(date(1998, 12, 26)))], kind=StatementKind.BALANCE_SHEET)
    assert _period_codes(statement) == ["check.period-date"]


def test_a_year_to_date_period_starts_after_the_fiscal_year_end() -> None:
    good = _statement([("Six Months Ended March 28, 1998", Duration(date(1997, 9, 28), date(1998, 3, 28)))])
    assert _period_codes(good, fiscal_year_end="0927") == []
    bad = _statement([("Six Months Ended March 28, 1998", Duration(date(1997, 9, 28), date(1998, 3, 28)))])
    assert _period_codes(bad, fiscal_year_end="1231") == ["check.fiscal-year"]


def test_a_quarter_straddling_the_fiscal_year_end_is_an_error() -> None:
    statement = _statement([("Three Months Ended May 31, 1999", Duration(date(1999, 3, 1), date(1999, 5, 31)))])
    assert _period_codes(statement, fiscal_year_end="0331") == ["check.fiscal-year"]


def test_a_column_ending_after_the_period_of_report_is_an_error() -> None:
    statement = _statement([("Three Months Ended March 31, 1999", Duration(date(1999, 1, 1), date(1999, 3, 31)))])
    assert _period_codes(statement, period_of_report=date(1998, 3, 31)) == ["check.period-after-report"]


def test_a_period_the_header_spells_out_passes() -> None:
    period = Duration(date(1996, 6, 3), date(1996, 12, 31))
    statement = _statement([("1996", period)], "YEAR ENDED DECEMBER 31, 1997 AND PERIOD FROM JUNE 3, 1996 "
                                               "(INCEPTION) TO DECEMBER 31, 1996")
    assert _period_codes(statement, fiscal_year_end="1231") == []


SPANS = st.sampled_from([periods.Span(months=3), periods.Span(months=6), periods.Span(months=9),
                         periods.Span(months=12), periods.Span(weeks=13), periods.Span(weeks=26),
                         periods.Span(weeks=39), periods.Span(weeks=52), periods.Span(weeks=53)])


@given(end=st.dates(min_value=date(1993, 1, 1), max_value=date(2030, 12, 31)), span=SPANS,
       year_end_offset=st.integers(min_value=-400, max_value=-1))
def test_every_period_the_reader_infers_fits_the_length_it_was_inferred_from(
        end: date, span: periods.Span, year_end_offset: int) -> None:
    known = (end + timedelta(days=year_end_offset),)
    start = periods.infer_start(end, span, known)
    assert _fits(span, (end - start).days + 1, RULES)


def test_the_seed_passes_every_check() -> None:
    seed = shared_path("seed", "000_42643171a94e83b9.txt")
    prepared = prepare(ConvertOptions(input=seed, outdir=Path("unused"), validate=False))
    assert [d for d in prepared.diagnostics if d.code.startswith("check.")] == []


@pytest.mark.parametrize("folder", ["apple_8-K_0001104659-04-019574"])
def test_share_counts_under_a_heading_in_thousands_keep_that_scale(folder: str) -> None:
    # "Shares used in computing earnings per share (in thousands):" under "(In millions ...)"
    path = next(shared_path("corpus", "html-releases", folder).glob("0*.txt"))
    prepared = prepare(ConvertOptions(input=path, outdir=Path("unused"), validate=False))
    assert [d for d in prepared.diagnostics if d.code.startswith("check.")] == []
    shares = [f for f in prepared.report.facts if f.concept == "us-gaap:WeightedAverageNumberOfSharesOutstandingBasic"]
    assert Decimal(375023000) in {f.value for f in shares}
