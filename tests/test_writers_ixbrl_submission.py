"""Inline XBRL for an HTML release inside a full EDGAR submission: the release itself,
its amounts tagged where it prints them, carrying exactly the instance's facts."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from converter.cli import main
from converter.model import Severity
from converter.sources import CellRef
from converter.validate import Validator
from converter.writers.ixbrl_html import main_part
from tests.conftest import shared_path

APPLE_2024 = ("corpus", "html-releases", "apple_8-K_0000320193-24-000005", "0000320193-24-000005.txt")
FIXTURES = Path(__file__).resolve().parent / "fixtures"
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True)
IX = "{http://www.xbrl.org/2013/inlineXBRL}"
IN_PLACE_SHARE = 0.9  # measured: 142 of Apple's 142 numeric facts are tagged in the release's body


def _convert(source: Path, out: Path) -> tuple[Path, Path]:
    for fmt in ("ixbrl", "xbrl"):
        assert main(["convert", str(source), "-o", str(out / fmt), "--format", fmt, "--no-validate"]) == 0
    (htm,) = (out / "ixbrl").glob("*.htm")
    return htm, (out / "xbrl" / htm.name).with_suffix(".xml")


@pytest.fixture(scope="module")
def apple(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return _convert(shared_path(*APPLE_2024), tmp_path_factory.mktemp("apple"))


def _facts(htm: Path) -> tuple[list[etree._Element], list[etree._Element]]:
    """Numeric facts in the visible body, and those in `ix:hidden`."""
    root = etree.parse(str(htm), PARSER).getroot()
    facts = list(root.iter(f"{IX}nonFraction"))
    hidden = [fact for fact in facts if fact.getparent().tag == f"{IX}hidden"]
    return [fact for fact in facts if fact not in hidden], hidden


def test_release_in_a_submission_is_valid_inline_xbrl(validator: Validator, apple: tuple[Path, Path]) -> None:
    diagnostics = validator.validate(apple[0], {})
    assert [d for d in diagnostics if d.severity is Severity.ERROR] == []


def test_extracted_facts_equal_the_instance_facts(validator: Validator, apple: tuple[Path, Path]) -> None:
    rows = validator.read_fact_rows(apple[0])
    # 147; 10 cover facts from the SEC header (file number … phone); 4 cost-of-sales facts that
    # shared the revenue lines' concepts and were dropped as duplicates
    assert len(rows) == 161
    assert rows == validator.read_fact_rows(apple[1])


def test_numbers_are_tagged_in_the_release_body(apple: tuple[Path, Path]) -> None:
    shown, hidden = _facts(apple[0])
    assert len(shown) / (len(shown) + len(hidden)) >= IN_PLACE_SHARE
    text = "".join(etree.parse(str(apple[0]), PARSER).getroot().itertext())
    assert "Apple reports first quarter results" in text and "CONFORMED SUBMISSION TYPE" not in text
    (income,) = [fact for fact in shown if fact.get("name") == "us-gaap:NetIncomeLoss"
                 and fact.get("contextRef") == "c-2023-10-01_2023-12-30"]
    assert (income.text, income.get("scale")) == ("33,916", "6")
    assert "".join(income.getparent().itertext()).strip() == "33,916"


def _submission(folder: Path) -> Path:
    """An 8-K whose cover names no statements, a long release and a short second exhibit."""
    parts = [("8-K", "<html><body><p>Item 2.02 Results of Operations</p></body></html>"),
             ("EX-99.1", (FIXTURES / "html" / "widget_q1_2024_release.html").read_text(encoding="utf-8")),
             ("EX-99.2", (FIXTURES / "ixbrl" / "release.htm").read_text(encoding="utf-8"))]
    header = ("<SEC-DOCUMENT>0000000000-24-000001.txt\n<SEC-HEADER>\nCONFORMED SUBMISSION TYPE:\t8-K\n"
              "CENTRAL INDEX KEY:\t\t\t0000000001\nCOMPANY CONFORMED NAME:\t\t\tWIDGET CORP\n</SEC-HEADER>\n")
    documents = "".join(f"<DOCUMENT>\n<TYPE>{kind}\n<TEXT>\n{body}\n</TEXT>\n</DOCUMENT>\n" for kind, body in parts)
    path = folder / "0000000000-24-000001.txt"
    path.write_text(header + documents + "</SEC-DOCUMENT>\n", encoding="utf-8")
    return path


def test_with_statements_in_two_documents_the_main_one_is_tagged(
        validator: Validator, tmp_path: Path) -> None:
    htm, xml = _convert(_submission(tmp_path), tmp_path)
    shown, hidden = _facts(htm)
    text = "".join(etree.parse(str(htm), PARSER).getroot().itertext())
    assert "Widget Corp. Reports First Quarter 2024 Results" in text and "Example Corp today" not in text
    assert {fact.get("contextRef") for fact in hidden} >= {"c-2002-12-01_2003-03-01", "c-2001-12-02_2002-03-02"}
    assert not any(fact.get("contextRef", "").startswith("c-200") for fact in shown)
    assert len(shown) == 48
    assert validator.read_fact_rows(htm) == validator.read_fact_rows(xml)


def test_main_document_is_the_one_most_values_come_from() -> None:
    refs = [CellRef(2, "/a"), CellRef(1, "/b"), CellRef(1, "/c"), CellRef(2, "/d")]
    assert main_part(refs) == 2  # a tie goes to the document read first
    assert main_part([*refs, CellRef(1, "/e")]) == 1
    assert main_part([CellRef(None, "/a")]) is None
