"""Inline XBRL in the source's own HTML: a hand-written release, its amounts tagged in place."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from lxml import etree

from converter.facts import build_report
from converter.model import Balance, Column, Document, DocumentMeta, Severity, StatementKind, ValueKind, XbrlReport
from converter.readers.html_dom import parse
from converter.validate import Validator
from converter.writers import write_ixbrl, write_xbrl
from tests.facts_fixtures import ENTITY, Q1_2002, Q1_2003, statement

RELEASE = Path(__file__).resolve().parent / "fixtures" / "ixbrl" / "release.htm"
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
IX = "{http://www.xbrl.org/2013/inlineXBRL}"
M = ValueKind.MONETARY
ROWS = (
    ("Net sales", "", "us-gaap:Revenues", Balance.CREDIT, ("11,915", "3,201"), False, M),
    ("Interest expense", "", "us-gaap:InterestExpense", Balance.DEBIT, ("(150)", "(97)"), False, M),
    ("Other income (expense), net", "", "us-gaap:OtherNonoperatingIncomeExpense", Balance.CREDIT, ("--", "6"), False, M),
    ("Net income (loss)", "", "us-gaap:NetIncomeLoss", Balance.CREDIT, ("282", "(496)"), True, M),
)


def _cell_refs() -> tuple[tuple[str, str], ...]:
    """Where each row's two amounts sit: the XPaths the HTML reader records."""
    root, _ = parse(RELEASE.read_text(encoding="utf-8"), 1)
    assert root is not None
    tree = root.getroottree()
    rows = root.findall(".//table/tr")[2:]
    return tuple((tree.getpath(row[1]), tree.getpath(row[3])) for row in rows)


@pytest.fixture(scope="module")
def release() -> tuple[Document, XbrlReport]:
    sheet, mappings = statement(StatementKind.INCOME_STATEMENT, "CONDENSED STATEMENTS OF OPERATIONS",
                                (Column(Q1_2003, "03/01/03"), Column(Q1_2002, "03/02/02")), ROWS,
                                (12, 13, 14, 15))
    items = tuple(replace(item, cell_refs=refs) for item, refs in zip(sheet.items, _cell_refs(), strict=True))
    document = Document(DocumentMeta(source=str(RELEASE)), (replace(sheet, items=items),))
    return document, build_report(document, (mappings,), ENTITY, "8-K")


@pytest.fixture(scope="module")
def written(release: tuple[Document, XbrlReport], tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    document, report = release
    folder = tmp_path_factory.mktemp("release")
    return write_xbrl(report, folder)[0], write_ixbrl(report, folder, document)[0]


def _facts(htm: Path) -> dict[str, etree._Element]:
    root = etree.parse(str(htm), PARSER).getroot()
    return {str(e.get("name")) + " " + str(e.get("contextRef")): e for e in root.iter(f"{IX}nonFraction")}


def test_source_document_is_tagged_in_place_and_valid(validator: Validator, written: tuple[Path, Path]) -> None:
    diagnostics = validator.validate(written[1], {})
    assert [d for d in diagnostics if d.severity is Severity.ERROR] == []
    text = "".join(etree.parse(str(written[1]), PARSER).getroot().itertext())
    assert "Example Corp today reported results" in text and "Loose text sits in the body" in text
    assert "tracking" not in text


def test_extracted_facts_equal_the_instance_facts(validator: Validator, written: tuple[Path, Path]) -> None:
    assert validator.read_fact_rows(written[1]) == validator.read_fact_rows(written[0])


def test_numbers_are_wrapped_where_the_source_prints_them(written: tuple[Path, Path]) -> None:
    facts = _facts(written[1])
    sales = facts["us-gaap:Revenues c-2002-12-01_2003-03-01"]
    assert (sales.text, sales.get("scale"), sales.get("sign")) == ("11,915", "3", None)
    assert "".join(sales.getparent().itertext()) == "$ 11,915"
    interest = facts["us-gaap:InterestExpense c-2002-12-01_2003-03-01"]
    assert (interest.text, interest.get("sign")) == ("150", None)  # "(150" of a debit: +150000
    # "(4<I>96</I>)" is split by markup: that fact is hidden, not mis-tagged
    split = facts["us-gaap:NetIncomeLoss c-2001-12-02_2002-03-02"]
    assert (split.getparent().tag, split.text, split.get("sign")) == (f"{IX}hidden", "496000", "-")
    assert facts["us-gaap:NetIncomeLoss c-2002-12-01_2003-03-01"].text == "282"
    zero = facts["us-gaap:OtherNonoperatingIncomeExpense c-2002-12-01_2003-03-01"]
    assert (zero.text, zero.get("format")) == ("--", "ixt:fixed-zero")


def test_documents_without_cell_locations_are_rendered(release: tuple[Document, XbrlReport],
                                                       tmp_path: Path) -> None:
    document, report = release
    plain = replace(document, statements=tuple(
        replace(s, items=tuple(replace(i, cell_refs=()) for i in s.items)) for s in document.statements))
    text = "".join(etree.parse(str(write_ixbrl(report, tmp_path, plain)[0]), PARSER).getroot().itertext())
    assert "CONDENSED STATEMENTS OF OPERATIONS" in text and "Example Corp today" not in text


def test_an_inline_xbrl_filing_is_retagged_in_place(validator: Validator, tmp_path: Path) -> None:
    """A filing that is already Inline XBRL (every 10-K/10-Q since 2019) is read stripped of
    its tags; the output is the same document carrying the converter's own tags, valid, and
    the XBRL extracted from it is the instance's."""
    from converter.pipeline import ConvertOptions, convert
    from tests.conftest import shared_path

    source = shared_path("corpus", "ixbrl", "nvda-10-q-2025-08-27", "nvda-10-q-2025-08-27.html")
    result = convert(ConvertOptions(input=source, outdir=tmp_path / "out", formats=("xbrl", "ixbrl")),
                     validator=validator)
    assert [d for d in result.diagnostics if d.severity is Severity.ERROR] == []
    htm = result.instance.with_suffix(".htm")
    root = etree.parse(str(htm), PARSER).getroot()
    text = " ".join("".join(root.itertext()).split())
    assert "Management's Discussion and Analysis" in text.replace("\u2019", "'")  # the whole filing, not a rendering
    tagged = list(root.iter(f"{IX}nonFraction"))
    names = {str(e.get("name")).partition(":")[0] for e in tagged}
    assert names <= {"us-gaap", "dei", "nvidia"}  # the filer's own tags are gone, ours are in
    shown = [e for e in tagged if e.getparent().tag != f"{IX}hidden"]
    assert len(shown) >= 0.9 * result.facts
    assert validator.read_fact_rows(htm) == validator.read_fact_rows(result.instance)


def test_xhtml_has_no_bare_anchor_and_no_self_closed_container() -> None:
    from converter.sources import parse_html
    from converter.writers.xhtml import body_xhtml

    root = parse_html("<html><body><p><a name='top'>Top</a> of page<span></span></p>"
                 "<table><tr><td></td><td>1<br></td></tr></table><hr></body></html>")
    text = etree.tostring(body_xhtml(root), encoding="unicode")
    assert "<a" not in text and "<span>Top</span>" in text  # an anchor without href (EFM 5.2.5)
    assert "<td></td>" in text and "<span></span>" in text and "<br/>" in text and "<hr/>" in text


def test_an_inline_sources_own_edgar_style_properties_are_dropped() -> None:
    from converter.sources import parse_html
    from converter.writers.xhtml import body_xhtml

    root = parse_html("<html><body><p style='color:red; -sec-ix-hidden:f-539;font-weight:bold'>x</p></body></html>")
    paragraph = body_xhtml(root)[0]
    assert paragraph.get("style") == "color:red;font-weight:bold"  # f-539 was a fact of the stripped tags
