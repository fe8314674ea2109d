"""Cell references: every value the HTML reader reads names the cell it came from, in the
file or in one document of a full submission, and `converter.sources` finds that cell again."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from converter.model import Document
from converter.readers import html, read_document
from converter.readers.html_refs import with_cell_refs
from converter.readers.html_tables import build_table, grid
from converter.readers.statements import BlockReader, TitleLine
from converter.readers.vocab import vocabulary
from converter.sources import CellRef, parse_html, source_markup, split_documents
from tests.conftest import shared_path

FIXTURES = Path(__file__).resolve().parent / "fixtures"
RELEASE = FIXTURES / "ixbrl" / "release.htm"
APPLE_2024 = ("corpus", "html-releases", "apple_8-K_0000320193-24-000005", "0000320193-24-000005.txt")
_NUMBER = re.compile(r"\d[\d,.]*|[-\u2014]+")


def _cell(document: Document, ref: str) -> etree._Element:
    located = CellRef.parse(ref)
    assert located is not None
    markup = source_markup(document.meta.source, located.part)
    assert markup is not None
    root = parse_html(markup)
    assert root is not None
    (cell,) = root.getroottree().xpath(located.xpath)
    return cell


def _printed_number(text: str) -> str:
    (number,) = _NUMBER.findall(text.replace(" ", ""))
    return number


def test_release_values_name_their_cells():
    document = read_document(RELEASE)
    (statement,) = document.statements
    refs = [item.cell_refs for item in statement.items]
    assert refs == [(f"/html/body/table/tr[{row}]/td[2]", f"/html/body/table/tr[{row}]/td[4]")
                    for row in range(3, 7)]
    interest = _cell(document, statement.items[1].cell_refs[0])
    assert (interest.tag, interest.text) == ("td", "(150")  # the ")" in the next cell is not the number's


def test_submission_values_name_the_document_and_the_printed_cell():
    document = read_document(shared_path(*APPLE_2024))
    refs = [(item, value, ref) for statement in document.statements for item in statement.items
            for value, ref in zip(item.values, item.cell_refs, strict=True) if value is not None]
    assert len(refs) == 148
    assert {CellRef.parse(ref).part for _, _, ref in refs} == {1}  # EX-99.1, after the 8-K itself
    texts = {item.texts[item.cell_refs.index(ref)]: ref for item, _, ref in refs}
    for printed, ref in texts.items():
        cell = _cell(document, ref)
        assert cell.tag == "td"
        assert _printed_number(printed) in "".join(cell.itertext()).replace(" ", "")
    lines = Path(document.meta.source).read_text(encoding="utf-8").splitlines()
    assert split_documents(lines)[1].type == "EX-99.1"


def test_blank_cells_have_no_reference():
    markup = (FIXTURES / "html" / "widget_q1_2024_release.html").read_text(encoding="utf-8")
    statements, _, _ = html.read_part(markup, 1, vocabulary(), part=3)
    pairs = [(value, ref) for statement in statements for item in statement.items
             for value, ref in zip(item.values, item.cell_refs, strict=True)]
    assert pairs and all((value is None) == (ref is None) for value, ref in pairs)
    assert all(ref.startswith("doc:3|/html/body/table[") for _, ref in pairs if ref is not None)


def test_inline_xbrl_sources_are_referenced_in_their_stripped_tree(tmp_path):
    """Inline XBRL is read stripped of its ix tags; the references point into that tree,
    which `source_markup` gives back, so the writer can tag the filing in place."""
    markup = RELEASE.read_text(encoding="utf-8").replace(
        "$ 11,915", '$ <ix:nonFraction name="us-gaap:Revenues" contextRef="c" unitRef="usd" '
                    'decimals="-3" scale="3">11,915</ix:nonFraction>')
    statements, _, _ = html.read_part(markup, 1, vocabulary())
    (statement,) = statements
    first = statement.items[0]
    assert first.values[0] == 11915000
    path = tmp_path / "filing.htm"
    path.write_text(markup, encoding="utf-8")
    plain = source_markup(path, None)
    assert plain is not None and "ix:nonFraction" not in plain
    root = parse_html(plain)
    ref = CellRef.parse(first.cell_refs[0])
    assert root is not None and ref is not None
    (cell,) = root.getroottree().xpath(ref.xpath)
    assert "11,915" in "".join(cell.itertext())


def test_a_table_whose_cells_do_not_reproduce_the_values_gets_no_references():
    root = parse_html(RELEASE.read_text(encoding="utf-8"))
    assert root is not None
    titles = [TitleLine("CONDENSED STATEMENTS OF OPERATIONS", 8), TitleLine("(In thousands)", 8)]
    table = build_table(grid(root.find(".//table"), 0), titles)
    assert table is not None
    candidate = BlockReader(vocabulary()).read_table(table.table)
    assert candidate is not None
    tree = root.getroottree()
    located = with_cell_refs(candidate, table, tree.getpath)
    assert located.items[0].cell_refs == ("/html/body/table/tr[3]/td[2]", "/html/body/table/tr[3]/td[4]")
    altered = replace(candidate, items=(replace(candidate.items[0], texts=("$ 11,916", "$ 3,201")),
                                        *candidate.items[1:]))
    assert with_cell_refs(altered, table, tree.getpath) == altered


@given(part=st.none() | st.integers(min_value=0, max_value=10**6),
       xpath=st.text(min_size=0, max_size=40).map(lambda text: "/" + text))
def test_cell_references_round_trip(part: int | None, xpath: str):
    ref = CellRef(part, xpath)
    assert CellRef.parse(str(ref)) == ref


def test_text_that_is_no_reference_is_refused():
    assert CellRef.parse("doc:x|/html") is None
    assert CellRef.parse("html/body") is None
    assert CellRef.parse("doc:2|/html/body/td[1]") == CellRef(2, "/html/body/td[1]")


def test_missing_source_or_document_reads_as_none(tmp_path: Path):
    assert source_markup(tmp_path / "gone.htm", None) is None
    submission = tmp_path / "s.txt"
    submission.write_text("<DOCUMENT>\n<TYPE>EX-99\n<TEXT>\n<html><body>x</body></html>\n</TEXT>\n</DOCUMENT>\n",
                          encoding="utf-8")
    assert source_markup(submission, 0) == "<html><body>x</body></html>"
    assert source_markup(submission, 1) is None
