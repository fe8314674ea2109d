"""Layouts of 1994 10-K statements: dates in a caption over bare year columns in ascending order,
a separator rule printed across the table, a total's label wrapped onto the next line, segment
sub-columns under one year, a par-value description in a capital-stock label, and a statement
continued in a table without a title. Fixtures are written at test time in the layouts of two
real 1994 10-Ks (benchmarks/filings/text, WMX Technologies and Ford), which the last tests read."""

from __future__ import annotations

import gzip
import hashlib
from datetime import date
from pathlib import Path

import pytest

from converter.model import Duration, Instant, StatementKind
from converter.pipeline import ConvertOptions, prepare
from converter.readers import read_document

FILINGS = Path(__file__).resolve().parents[1] / "benchmarks" / "filings" / "text"

ASCENDING = """\
ACME DISPOSAL, INC. AND SUBSIDIARIES
CONSOLIDATED BALANCE SHEETS

AS OF DECEMBER 31, 1992 AND 1993
($000's OMITTED EXCEPT PER SHARE AMOUNTS)

<TABLE>
<CAPTION>
                                                        1992            1993
- ----------------------------------------------------------------------------
<S>                                              <C>            <C>
CURRENT ASSETS
  Cash                                           $     6,473    $     8,200
  Accounts receivable                              1,574,798      1,762,091
- ----------------------------------------------------------------------------
      Total Current Assets                       $ 1,581,271    $ 1,770,291
- ----------------------------------------------------------------------------
  Land                                             3,048,834      3,625,412
- ----------------------------------------------------------------------------
        Total Assets                             $ 4,630,105    $ 5,395,703
============================================================================
CURRENT LIABILITIES
  Accounts payable                               $   724,418    $   818,501
- ----------------------------------------------------------------------------
      Total Current Liabilities                  $   724,418    $   818,501
- ----------------------------------------------------------------------------
STOCKHOLDERS' EQUITY
  Common stock, $1 par value; 1,500,000,000
   shares authorized                                 496,203        496,217
  Retained earnings                                3,409,484      4,080,985
- ----------------------------------------------------------------------------
      Total Stockholders' Equity                 $ 3,905,687    $ 4,577,202
- ----------------------------------------------------------------------------
        Total Liabilities and Stockholders'
         Equity                                  $ 4,630,105    $ 5,395,703
============================================================================
</TABLE>
"""


@pytest.fixture(scope="module")
def ascending(tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("acme") / "acme.txt"
    path.write_text(ASCENDING, encoding="utf-8")
    return prepare(ConvertOptions(input=path, outdir=path.parent / "out", validate=False))


def test_ascending_year_columns_under_a_separator_rule_each_keep_their_year(ascending) -> None:
    (balance,) = ascending.document.statements
    assert [column.period for column in balance.columns] == [Instant(date(1992, 12, 31)),
                                                            Instant(date(1993, 12, 31))]


def test_a_total_label_wrapped_onto_the_next_line_is_one_row(ascending) -> None:
    (balance,) = ascending.document.statements
    last = balance.items[-1]
    assert last.label == "Total Liabilities and Stockholders' Equity"
    assert last.values == (4630105000, 5395703000) and last.is_total
    concepts = {item.label: m.concept.qname for item, m in zip(balance.items, ascending.mappings[0])}
    assert concepts["Total Liabilities and Stockholders' Equity"] == "us-gaap:LiabilitiesAndStockholdersEquity"
    assert concepts["Total Stockholders' Equity"] == "us-gaap:StockholdersEquity"
    assert [d for d in ascending.diagnostics if d.code.startswith("check.")] == []


SEGMENTS = """\
                     Gadget Motor Company and Subsidiaries

                      CONSOLIDATED STATEMENT OF CASH FLOWS
                      ------------------------------------
            For the Years Ended December 31, 1993, 1992 and 1991
                                (in millions)
<TABLE>
<CAPTION>
                                              1993        1992       1991
                                              ----        ----       ----
<S>                                           <C>         <C>         <C>
Cash flows from operating activities          6,862       5,753      3,341
Cash flows from investing activities         (4,211)     (3,100)    (2,900)
                                              -----       -----      -----
Net increase in cash                          2,651       2,653        441
</TABLE>

                     Gadget Motor Company and Subsidiaries

                   CONSOLIDATED STATEMENT OF CASH FLOWS BY SECTOR 
                   ----------------------------------------------
            For the Years Ended December 31, 1993 and 1992
                                (in millions)
<TABLE>
<CAPTION>
                                            1993                      1992
                                  -----------------------  -----------------------
                                               Financial                Financial
                                  Automotive   Services    Automotive   Services
<S>                               <C>          <C>         <C>          <C>
Cash flows from operating
 activities                          6,862        7,145       5,753        5,762
Cash flows from investing
 activities                         (4,211)      (9,000)     (3,100)      (8,000)
                                  --------     --------    --------     --------
Net increase in cash                 2,651       (1,855)      2,653       (2,238)
</TABLE>
"""


def test_a_caption_in_the_labels_margin_dates_every_year_column(tmp_path: Path) -> None:
    path = tmp_path / "gadget.txt"
    path.write_text(SEGMENTS, encoding="utf-8")
    document = read_document(path)
    (consolidated,) = [s for s in document.statements if s.kind is StatementKind.CASH_FLOW]
    assert [column.period for column in consolidated.columns] == [
        Duration(date(1993, 1, 1), date(1993, 12, 31)), Duration(date(1992, 1, 1), date(1992, 12, 31)),
        Duration(date(1991, 1, 1), date(1991, 12, 31))]


def test_segment_columns_under_one_year_are_skipped_not_read_as_the_entitys(tmp_path: Path) -> None:
    path = tmp_path / "gadget.txt"
    path.write_text(SEGMENTS, encoding="utf-8")
    document = read_document(path)
    assert len(document.statements) == 1  # the segment table's columns are all skipped
    breakdown = [d for d in document.diagnostics if d.code == "reader.breakdown-columns"]
    assert len(breakdown) == 2 and "Automotive" in breakdown[0].message
    assert "Financial Services" in breakdown[0].message


def test_a_breakdown_keeps_its_total_column(tmp_path: Path) -> None:
    text = SEGMENTS.replace("Automotive   Services    Automotive   Services",
                            "Automotive   Total       Automotive   Total   ")
    path = tmp_path / "gadget.txt"
    path.write_text(text, encoding="utf-8")
    document = read_document(path)
    segment = document.statements[1]
    assert [c.period.end for c in segment.columns] == [date(1993, 12, 31), date(1992, 12, 31)]
    assert segment.items[0].values == (7145000000, 5762000000)


def test_a_capital_stock_line_describing_its_par_value_per_share_holds_money(tmp_path: Path) -> None:
    html = """<html><body><p>CONSOLIDATED BALANCE SHEETS</p><p>(Dollars in millions)</p><table>
<tr><td></td><td>December 29, 2024</td><td>December 31, 2023</td></tr>
<tr><td>Cash</td><td>24,105</td><td>21,859</td></tr>
<tr><td>Total assets</td><td>180,104</td><td>167,558</td></tr>
<tr><td>Common stock &#8212; par value $1.00 per share (authorized 4,320,000,000 shares; issued
3,119,843,000 shares)</td><td>3,120</td><td>3,120</td></tr>
<tr><td>Retained earnings</td><td>155,791</td><td>153,843</td></tr>
</table></body></html>"""
    path = tmp_path / "bs.htm"
    path.write_text(html, encoding="utf-8")
    (balance,) = read_document(path).statements
    common = next(item for item in balance.items if item.label.startswith("Common stock"))
    assert common.kind.value == "monetary" and common.values == (3120000000, 3120000000)


def test_a_statement_continued_after_a_page_break_in_a_table_without_title(tmp_path: Path) -> None:
    head = "<tr><td></td><td>2024</td><td>2023</td></tr>"
    first = "".join(f"<tr><td>{label}</td><td>{a}</td><td>{b}</td></tr>" for label, a, b in [
        ("Cash flows from operating activities", "", ""), ("Net earnings", "14,066", "35,153"),
        ("Depreciation", "7,339", "7,486"), ("Net cash flows from operating activities", "24,266", "22,791"),
        ("Additions to property", "(4,424)", "(4,543)")])
    second = "".join(f"<tr><td>{label}</td><td>{a}</td><td>{b}</td></tr>" for label, a, b in [
        ("Net cash used by investing activities", "(4,424)", "(4,543)"),
        ("Dividends to shareholders", "(11,823)", "(11,770)"),
        ("Repurchase of common stock", "(2,432)", "(5,054)"),
        ("Net cash used by financing activities", "(14,255)", "(16,824)")])
    html = (f"<html><body><p>CONSOLIDATED STATEMENTS OF CASH FLOWS</p><p>(Dollars in millions)</p>"
            f"<table>{head}{first}</table><table><tr><td>48</td></tr></table>"
            f"<table>{head}{second}</table></body></html>")
    path = tmp_path / "cf.htm"
    path.write_text(html, encoding="utf-8")
    (cash_flow,) = read_document(path).statements
    assert cash_flow.items[-1].label == "Net cash used by financing activities"
    assert cash_flow.items[-1].values == (-14255000000, -16824000000)  # the continuation keeps the scale
    assert len(cash_flow.items) == 8


def _real(name: str, tmp_path: Path) -> Path:
    source = FILINGS / f"{name}.gz"
    data = gzip.decompress(source.read_bytes())
    sha = next(line.split("\t")[5] for line in (FILINGS / "SOURCES.tsv").read_text().splitlines()
               if line.startswith(f"{name}.gz"))
    assert hashlib.sha256(data).hexdigest() == sha
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_wmx_1993_10k_reads_every_year_and_passes_its_checks(tmp_path: Path) -> None:
    prepared = prepare(ConvertOptions(input=_real("104938_0000950131-94-000440.txt", tmp_path),
                                      outdir=tmp_path / "out", validate=False))
    income, balance = prepared.document.statements[:2]
    assert [c.period.end.year for c in income.columns] == [1991, 1992, 1993]
    assert [c.period for c in balance.columns] == [Instant(date(1992, 12, 31)), Instant(date(1993, 12, 31))]
    assert [d for d in prepared.diagnostics if d.severity.value == "error"] == []
    facts = {(f.concept, f.context_id): f.value for f in prepared.report.facts}
    assert facts[("us-gaap:Assets", "c-1993-12-31")] == 16264476000
    assert facts[("us-gaap:LiabilitiesAndStockholdersEquity", "c-1993-12-31")] == 16264476000


def test_ford_1993_10k_dates_its_third_year_and_skips_its_segment_cash_flows(tmp_path: Path) -> None:
    prepared = prepare(ConvertOptions(input=_real("37996_0000037996-94-000005.txt", tmp_path),
                                      outdir=tmp_path / "out", validate=False))
    income = prepared.document.statements[0]
    assert [c.period.end.year for c in income.columns] == [1993, 1992, 1991]
    assert not any(s.kind is StatementKind.CASH_FLOW for s in prepared.document.statements)
    assert sum(d.code == "reader.breakdown-columns" for d in prepared.diagnostics) == 3
    assert [d for d in prepared.diagnostics if d.severity.value == "error"] == []
