"""The Inline XBRL writer: a valid document whose extracted XBRL is the instance's, fact for fact."""

from __future__ import annotations

import json
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from converter.cli import main
from converter.facts import build_report
from converter.model import Column, Document, DocumentMeta, Severity, StatementKind, ValueKind, XbrlReport
from converter.validate import FactRow, Validator
from converter.writers import write_formats, write_ixbrl, write_xbrl
from converter.writers.placement import place
from converter.writers.printed import parse_printed
from tests.conftest import EXAMPLE
from tests.facts_fixtures import ENTITY, Q1_2002, Q1_2003, seed_document, statement

PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
IX = "{http://www.xbrl.org/2013/inlineXBRL}"
US_GAAP = "{http://fasb.org/us-gaap/2024}"


@pytest.fixture(scope="module")
def seed() -> tuple[Document, XbrlReport]:
    document, mappings = seed_document()
    return document, build_report(document, mappings, ENTITY, "8-K")


@pytest.fixture(scope="module")
def written(seed: tuple[Document, XbrlReport], tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    document, report = seed
    folder = tmp_path_factory.mktemp("ixbrl")
    write_formats(("xbrl", "ixbrl"), report, document, folder)
    return folder / f"{report.stem}.xml", folder / f"{report.stem}.htm"


def _row(rows: tuple[FactRow, ...], concept: str, period: str) -> FactRow:
    (row,) = [r for r in rows if r.concept == US_GAAP + concept and r.period == period]
    return row


def _cell_text(htm: Path, fact_id: str) -> str:
    """The text of the table cell that shows fact `fact_id`, as a browser would print it."""
    root = etree.parse(str(htm), PARSER).getroot()
    (fact,) = [e for e in root.iter(f"{IX}nonFraction") if e.get("id") == fact_id]
    cell = fact.getparent()
    return "".join(cell.itertext())


def test_inline_document_validates_with_only_the_sources_slip(
        validator: Validator, written: tuple[Path, Path]) -> None:
    diagnostics = validator.validate(written[1], {})
    assert [(d.code, d.severity, d.concept) for d in diagnostics] == [
        ("calc11e:inconsistentCalculationUsingRounding", Severity.WARNING, "us-gaap:LiabilitiesCurrent")]
    assert "8188000" in diagnostics[0].message and "8198000" in diagnostics[0].message


def test_extracted_facts_equal_the_instance_facts(validator: Validator, written: tuple[Path, Path],
                                                  seed: tuple[Document, XbrlReport]) -> None:
    from_xml = validator.read_fact_rows(written[0])
    from_htm = validator.read_fact_rows(written[1])
    assert len(from_xml) == len(seed[1].facts) == 86
    assert from_htm == from_xml


def test_every_fact_appears_once_visible_amounts_in_the_statements(seed: tuple[Document, XbrlReport]) -> None:
    document, report = seed
    placement = place(report, document)
    visible = {p.fact.id for p in placement.cells.values()}
    hidden = {f.id for f in placement.hidden}
    assert not visible & hidden
    assert visible | hidden == {f.id for f in report.facts}
    assert {f.concept for f in placement.hidden} == {
        "dei:DocumentType", "dei:AmendmentFlag", "dei:DocumentPeriodEndDate",
        "dei:EntityRegistrantName", "dei:EntityCentralIndexKey", "dei:TradingSymbol"}
    assert len(visible) == 80


def test_parentheses_flipped_by_balance_are_not_a_sign(validator: Validator, written: tuple[Path, Path],
                                                       seed: tuple[Document, XbrlReport]) -> None:
    rows = validator.read_fact_rows(written[1])
    # printed "(150)" as interest expense: a debit concept, so the fact is +150000
    assert _row(rows, "InterestExpense", "2002-12-01--2003-03-01").value == "150000"
    # printed "(33,227)" as accumulated deficit: the fact really is negative
    assert _row(rows, "RetainedEarningsAccumulatedDeficit", "2003-03-01").value == "-33227000"
    report = seed[1]
    ids = {(f.concept, f.context_id): f.id for f in report.facts}
    assert _cell_text(written[1], ids[("us-gaap:InterestExpense", "c-2002-12-01_2003-03-01")]) == "(150)"
    assert _cell_text(written[1], ids[("us-gaap:RetainedEarningsAccumulatedDeficit", "c-2003-03-01")]) == "(33,227)"
    assert _cell_text(written[1], ids[("us-gaap:Assets", "c-2003-03-01")]) == "15,990"


def test_dashes_are_zero_facts(validator: Validator, written: tuple[Path, Path]) -> None:
    rows = validator.read_fact_rows(written[1])
    row = _row(rows, "TemporaryEquityCarryingAmountAttributableToParent", "2003-03-01")
    assert (row.value, row.decimals) == ("0", "-3")
    assert _row(rows, "AccumulatedOtherComprehensiveIncomeLossNetOfTax", "2003-03-01").value == "0"


def test_an_amount_the_text_does_not_show_stays_hidden(validator: Validator, tmp_path: Path) -> None:
    rows = (("Cash & <equivalents>", "ASSETS", "us-gaap:Cash", None, ("1,234", "99"), False,
             ValueKind.MONETARY),)
    sheet, mappings = statement(StatementKind.INCOME_STATEMENT, 'Ops & "Other"',
                                (Column(Q1_2003, "2003 & <b>"), Column(Q1_2002, "2002")), rows, (10,))
    item = sheet.items[0]
    misprinted = replace(sheet, items=(replace(item, texts=("1,234", "98")),))
    report = build_report(Document(DocumentMeta(source="x"), (sheet,)), (mappings,), ENTITY, "10-Q")
    document = Document(DocumentMeta(source="x"), (misprinted,))
    placement = place(report, document)
    assert [p.fact.value for p in placement.cells.values()] == [Decimal("1234000")]
    assert Decimal("99000") in [f.value for f in placement.hidden]
    htm = write_ixbrl(report, tmp_path, document)[0]
    write_xbrl(report, tmp_path)
    assert validator.read_fact_rows(htm) == validator.read_fact_rows(tmp_path / f"{report.stem}.xml")
    assert "Cash & <equivalents>" in "".join(etree.parse(str(htm), PARSER).getroot().itertext())


@given(st.integers(min_value=0, max_value=10**12), st.sampled_from(["", "$", "$ "]),
       st.booleans(), st.sampled_from([0, 3, 6]))
def test_printed_amounts_read_back(number: int, currency: str, negative: bool, scale: int) -> None:
    text = f"{currency}({number:,})" if negative else f"{currency}{number:,}"
    printed = parse_printed(text)
    assert printed is not None
    assert printed.before + printed.number + printed.after == text
    assert printed.magnitude(scale) == Decimal(number).scaleb(scale)
    assert printed.format == "ixt:num-dot-decimal"


@pytest.mark.parametrize("text", ["--", " - ", "\u2014", "$ --", "$    -", "$        --", "(\u2014)"])
def test_dashes_print_zero(text: str) -> None:
    printed = parse_printed(text)
    assert printed is not None and printed.format == "ixt:fixed-zero" and printed.magnitude(3) == 0
    assert printed.before + printed.number + printed.after == text


@pytest.mark.parametrize("text", ["", "n/a", "1,234 / 5,678"])
def test_text_without_one_number_is_not_an_amount(text: str) -> None:
    assert parse_printed(text) is None


@pytest.mark.parametrize(("fmt", "instance", "extra"), [
    ("ixbrl", "innovo-20030301.htm", set()),
    ("all", "innovo-20030301.xml", {"innovo-20030301.htm", "innovo-20030301.json",
                                     "innovo-20030301-csv.json", "innovo-20030301-numeric.csv",
                                     "innovo-20030301-text.csv"}),
])
def test_cli_format_option_writes_and_validates(fmt: str, instance: str, extra: set[str], tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["convert", str(EXAMPLE), "-o", str(out), "--format", fmt]) == 0
    taxonomy = {"innovo-20030301.xsd", "innovo-20030301_cal.xml", "innovo-20030301_pre.xml",
                "innovo-20030301_lab.xml", "report.json", "review.html"}
    assert {p.name for p in out.iterdir()} == taxonomy | {instance} | extra
    summary = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert summary["instance"] == instance
    assert capsys.readouterr().out.startswith(str(out.resolve() / instance))


def test_cover_facts_are_shown_and_styles_are_attributes(written: tuple[Path, Path]) -> None:
    root = etree.parse(str(written[1]), PARSER).getroot()
    assert not root.xpath("//*[local-name()='style']")  # EDGAR refuses a <style> element (EFM 5.2.5)
    hidden = {e.get("name") for e in root.iter(f"{IX}nonNumeric") if e.getparent().tag == f"{IX}hidden"}
    assert hidden == {"dei:AmendmentFlag", "dei:EntityCentralIndexKey"}
    shown = {e.get("name"): (e.text, e.get("format")) for e in root.iter(f"{IX}nonNumeric")
             if e.getparent().tag != f"{IX}hidden"}
    assert shown["dei:DocumentPeriodEndDate"] == ("March 1, 2003", "ixt:date-monthname-day-year-en")
    assert shown["dei:EntityRegistrantName"] == ("INNOVO GROUP INC", None)
    row = root.xpath("//*[@name='dei:DocumentType']/ancestor::*[local-name()='tr'][1]")[0]
    assert "".join(row.itertext()).startswith("Document Type")
