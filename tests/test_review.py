"""review.html from report.json: every row and finding on one self-contained page.

The page is parsed here as HTML; test_browser_review.py drives it in Chromium.
"""

from __future__ import annotations

import json
from pathlib import Path

import lxml.html
import pytest

from converter.pipeline import ConvertOptions, ConvertResult, convert
from converter.readers import read_document
from converter.validate import Validator
from converter.writers.review import render_review
from converter.writers.review_data import Finding, Row, link, parse_report
from tests.conftest import SEED, shared_path


@pytest.fixture(scope="module")
def seed(validator: Validator, tmp_path_factory: pytest.TempPathFactory) -> ConvertResult:
    out = tmp_path_factory.mktemp("review") / "out"
    return convert(ConvertOptions(input=shared_path("seed", SEED.name), outdir=out), validator=validator)


def _page(path: Path) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(path.read_bytes())


def _find(element: lxml.html.HtmlElement, selector: str) -> list[lxml.html.HtmlElement]:
    """Elements under `element` matching `tag.class` steps separated by spaces (a small CSS subset)."""
    path = "."
    for step in selector.split():
        tag, *classes = step.split(".")
        path += "//" + (tag or "*") + "".join(f"[contains(concat(' ', @class, ' '), ' {c} ')]" for c in classes)
    found: list[lxml.html.HtmlElement] = element.xpath(path)
    return found


def _row(statement: str, line: int, concept: str) -> Row:
    return Row(statement, "x", "x", concept, 0.5, line, "label 'x' scored 1.00", ())


def test_a_finding_is_about_the_rows_on_its_line_else_of_its_concept() -> None:
    rows = (_row("balance_sheet", 10, "us-gaap:Assets"), _row("cash_flow", 40, "us-gaap:Cash"),
            _row("cash_flow", 48, "us-gaap:Cash"))
    assert link(Finding("c", "warning", "m", "us-gaap:Assets", 40), rows) == (1,)
    assert link(Finding("c", "warning", "m", "us-gaap:Cash", None), rows) == (1, 2)
    assert link(Finding("c", "warning", "m", "us-gaap:Cash", 99), rows) == (1, 2)  # no row on line 99
    assert link(Finding("c", "error", "m", None, 99), rows) == ()
    assert link(Finding("c", "error", "m", None, None), rows) == ()


def test_every_mapping_row_is_on_the_page_with_its_choices(seed: ConvertResult) -> None:
    report = json.loads(seed.report.read_text(encoding="utf-8"))
    page = _page(seed.outdir / "review.html")
    rows = _find(page, "tr.row")
    assert len(rows) == len(report["mapping"]) == 40
    for tr, entry in zip(rows, report["mapping"], strict=True):
        assert tr.get("data-concept") == entry["concept"]
        assert float(tr.get("data-confidence")) == entry["confidence"]
        assert tr.get("data-key") == entry["mapped_label"]
        assert _find(tr, "td.line")[0].text_content() == str(entry["source_line"])
        options = [o.get("value") for o in _find(tr, "select.choice option")]
        assert options == [entry["concept"], *(a["concept"] for a in entry["alternatives"]
                                               if a["concept"] != entry["concept"]), ""]
    titles = [h.text_content() for h in _find(page, "section.statement h2")]
    assert titles == ["CONSOLIDATED CONDENSED BALANCE SHEETS", "CONSOLIDATED CONDENSED STATEMENTS OF OPERATIONS"]


def test_rows_show_the_statement_as_printed_and_why(seed: ConvertResult) -> None:
    page = _page(seed.outdir / "review.html")
    by_line = {_find(tr, "td.line")[0].text_content(): tr for tr in _find(page, "tr.row")}
    cash = by_line["206"]
    assert [td.text_content() for td in _find(cash, "td.num")] == ["$    137", "$    222"]  # as printed
    assert _find(cash, "td.label")[0].text_content() == "Cash and cash equivalents"
    due = by_line["230"]  # the one extension, and why
    assert due.get("data-extension") == "true"
    assert "filers used their own extension concepts" in _find(due, "td.notes")[0].text_content()


def test_findings_sit_on_their_rows_and_in_the_list(seed: ConvertResult) -> None:
    page = _page(seed.outdir / "review.html")
    total = page.get_element_by_id("row-14")
    assert _find(total, "td.line")[0].text_content() == "233"
    assert total.get("data-findings") == "1"
    (finding,) = _find(total, "p.finding")
    assert "8188000" in finding.text_content() and finding.get("class") == "finding warning"
    listed = _find(page, "section li")
    assert len(listed) == 3  # no CIK, no form type, the calculation slip
    assert [a.get("href") for li in listed for a in _find(li, "a")] == ["#row-14"]


def test_any_new_finding_in_report_json_appears_on_its_row(seed: ConvertResult) -> None:
    """Diagnostics other stages add (EFM, DQC, self-checks) need no change to the page."""
    report = json.loads(seed.report.read_text(encoding="utf-8"))
    report["errors"].append({"code": "EFM.6.5.20", "severity": "error", "message": "a <b>made-up</b> EFM finding",
                             "source_line": 206})
    report["warnings"].append({"code": "check.eps", "severity": "warning", "message": "EPS does not follow",
                               "concept": "us-gaap:EarningsPerShareBasic"})
    document = read_document(shared_path("seed", SEED.name))
    page = lxml.html.fromstring(render_review(json.dumps(report), document))
    cash = page.get_element_by_id("row-1")
    assert cash.get("data-findings") == "1"
    assert _find(cash, "p.finding.error")[0].text_content() == "EFM.6.5.20 a <b>made-up</b> EFM finding"
    eps = [tr for tr in _find(page, "tr.row") if tr.get("data-concept") == "us-gaap:EarningsPerShareBasic"]
    assert [tr.get("data-findings") for tr in eps] == ["1"]
    assert "1 errors" in _find(page, "p.summary")[0].text_content()


def test_the_page_is_self_contained(seed: ConvertResult) -> None:
    text = (seed.outdir / "review.html").read_text(encoding="utf-8")
    page = lxml.html.fromstring(text)
    (policy,) = page.xpath('//meta[@http-equiv="Content-Security-Policy"]')
    assert policy.get("content").startswith("default-src 'none';")
    assert not page.xpath("//link | //img | //iframe | //script[@src] | //*[@src]")
    assert all(a.get("href", "").startswith("#") for a in _find(page, "a"))
    assert "http://" not in text.replace("http-equiv", "") and "https://" not in text


def test_report_data_reads_what_the_page_needs(seed: ConvertResult) -> None:
    data = parse_report(seed.report.read_text(encoding="utf-8"))
    assert (data.instance, data.facts, len(data.rows)) == ("innovo-20030301.xml", 85, 40)
    unlabeled = [row for row in data.rows if row.mapped_label != row.label]
    assert [(row.label, row.mapped_label) for row in unlabeled] == [("Operating Expenses", "Total operating expenses")]
    assert [f.rows for f in data.findings if f.code.startswith("calc11e")] == [(13,)]
