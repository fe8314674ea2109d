"""Inline XBRL of a plain-text filing: the filing's own text, its amounts tagged where they stand."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from converter.cli import main
from converter.model import Severity
from converter.sources import text_lines
from converter.validate import Validator
from converter.writers.ixbrl_text import spans
from tests.conftest import SEED, shared_path

PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True)
IX = "{http://www.xbrl.org/2013/inlineXBRL}"
XHTML = "{http://www.w3.org/1999/xhtml}"
SOUTHERN = ("corpus", "text", "southern_8-K_0000092122-05-000042", "0000092122-05-000042.txt")


def _convert(source: Path, out: Path) -> tuple[Path, Path]:
    assert main(["convert", str(source), "-o", str(out), "--format", "all", "--no-validate"]) == 0
    (htm,) = [p for p in out.glob("*.htm")]
    return htm, htm.with_suffix(".xml")


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return _convert(shared_path("seed", SEED.name), tmp_path_factory.mktemp("text") / "out")


def _body_facts(htm: Path) -> tuple[list[etree._Element], list[etree._Element]]:
    root = etree.parse(str(htm), PARSER).getroot()
    facts = list(root.iter(f"{IX}nonFraction"))
    hidden = [f for f in facts if f.getparent().tag == f"{IX}hidden"]
    return [f for f in facts if f not in hidden], hidden


def test_the_page_is_the_release_text_as_printed(seed: tuple[Path, Path]) -> None:
    root = etree.parse(str(seed[0]), PARSER).getroot()
    (pre,) = root.iter(f"{XHTML}pre")
    assert "".join(pre.itertext()) == "\n".join(_seed_lines()) + "\n"


def _seed_lines() -> list[str]:
    lines = text_lines(shared_path("seed", SEED.name))
    assert lines is not None
    return lines


def test_every_amount_is_tagged_on_its_own_line(seed: tuple[Path, Path]) -> None:
    shown, hidden = _body_facts(seed[0])
    assert (len(shown), len(hidden)) == (80, 0)
    by_name = {(f.get("name"), f.get("contextRef")): f for f in shown}
    receivables = by_name[("us-gaap:AccountsReceivableNetCurrent", "c-2003-03-01")]
    assert (receivables.text, receivables.get("scale")) == ("3,948", "3")
    # the label wraps over four lines and prints $428 and $383 itself; the amounts stand on its last line
    pre = receivables.getparent()
    children = list(pre)
    before = (pre.text or "") + "".join((e.text or "") + (e.tail or "") for e in children[:children.index(receivables)])
    assert _seed_lines()[before.count("\n")].startswith("  and $383(2002)")
    deficit = by_name[("us-gaap:RetainedEarningsAccumulatedDeficit", "c-2003-03-01")]
    assert (deficit.text, deficit.get("sign")) == ("33,227", "-")


def test_a_submission_shows_the_documents_holding_statements(tmp_path: Path) -> None:
    lines = _seed_lines()
    header = ["<SEC-DOCUMENT>0000844143-03-000010.txt", "<SEC-HEADER>", "CONFORMED SUBMISSION TYPE:\t8-K",
              "</SEC-HEADER>", "<DOCUMENT>", "<TYPE>8-K", "<TEXT>", "Item 12. Results of Operations", "</TEXT>",
              "</DOCUMENT>", "<DOCUMENT>", "<TYPE>EX-99", "<TEXT>"]
    source = tmp_path / "submission.txt"
    source.write_text("\n".join([*header, *lines, "</TEXT>", "</DOCUMENT>", "</SEC-DOCUMENT>"]) + "\n",
                      encoding="utf-8")
    htm, _ = _convert(source, tmp_path / "out")
    (pre,) = etree.parse(str(htm), PARSER).getroot().iter(f"{XHTML}pre")
    assert "".join(pre.itertext()) == "\n".join(lines) + "\n"
    assert len(_body_facts(htm)[0]) == 80


def test_extracted_facts_equal_the_instance_and_validate(validator: Validator, seed: tuple[Path, Path]) -> None:
    rows = validator.read_fact_rows(seed[0])
    assert len(rows) == 85 and rows == validator.read_fact_rows(seed[1])
    diagnostics = validator.validate(seed[0], {})
    assert [d.code for d in diagnostics if d.severity is not Severity.INFO] == [
        "calc11e:inconsistentCalculationUsingRounding"]


def test_a_bare_ascii_filing_is_tagged_in_place(validator: Validator, tmp_path: Path) -> None:
    htm, xml = _convert(shared_path(*SOUTHERN), tmp_path / "out")
    shown, hidden = _body_facts(htm)
    assert (len(shown), len(hidden)) == (68, 0)
    assert validator.read_fact_rows(htm) == validator.read_fact_rows(xml)


def test_markup_in_the_text_stays_text(validator: Validator, tmp_path: Path) -> None:
    seed = shared_path("seed", SEED.name).read_text(encoding="utf-8")
    hostile = "Zyxq <frob> & ]]> wobl"  # as wide as the label it replaces
    text = seed.replace("Due to related parties", hostile).replace(
        "FOR IMMEDIATE RELEASE", "<script>alert(1)</script> &amp; <b>bold</b>", 1)
    source = tmp_path / "markup.txt"
    source.write_text(text, encoding="utf-8")
    htm, xml = _convert(source, tmp_path / "out")
    root = etree.parse(str(htm), PARSER).getroot()
    page = "".join(root.itertext())
    assert hostile in page and "<script>alert(1)</script> &amp; <b>bold</b>" in page
    assert not list(root.iter(f"{XHTML}script")) and not list(root.iter(f"{XHTML}b"))
    assert validator.read_fact_rows(htm) == validator.read_fact_rows(xml)


@pytest.mark.parametrize(("line", "numbers", "found"), [
    ("  and $383(2002)                                   3,948          2,737", ["3,948", "2,737"], ["3,948", "2,737"]),
    ("accounts of $428 (2003)                 428            2,737", ["428", "2,737"], ["428", "2,737"]),
    (" 194 shares(2003) and 194(2002)                      --             --", ["--", "--"], ["--", "--"]),
    ("                                                 -------        --", ["--"], ["--"]),
    ("Net sales  11,915  3,201   272%", ["11,915", "3,201"], ["11,915", "3,201"]),
    ("Net sales  11,915", ["11,915", "3,201"], None),
    ("Net sales  1,915", ["915"], None),
])
def test_spans_find_the_cells_from_the_right(line: str, numbers: list[str], found: list[str] | None) -> None:
    located = spans(line, numbers)
    if found is None:
        assert located is None
        return
    assert located is not None and [line[a:b] for a, b in located] == found
    assert located == sorted(located) and all(line[start - 1] == " " for start, _ in located)  # not in the label
