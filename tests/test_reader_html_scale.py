"""Scale and unit wherever HTML filers print them: in the title block, inside a column-header
cell (at any position, with the period words), in a footnote under the table; and the rows
that keep their own unit under a dollar scale (per share, shares in thousands, percentages,
ratios). The fixtures are small statements written for these tests (tests/fixtures/html/scale)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from converter.model import Document, Severity, ValueKind
from converter.readers import read_document

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "html" / "scale"


def _read(name: str) -> Document:
    return read_document(FIXTURES / name)


def _row(document: Document, label: str):
    (statement,) = document.statements
    return next(item for item in statement.items if item.label == label)


@pytest.mark.parametrize(("name", "power"), [
    ("topleft_cell.html", 6),  # "(In millions, except per share amounts)" in the top-left header cell
    ("period_cell.html", 6),  # "Millions, except per share amounts, for the six months ended" over the dates
    ("thousands_period_cell.html", 3),  # "(In thousands) Six Months Ended"
    ("footnote.html", 6),  # "Amounts in millions, except per share data." under the table
    ("amounts_in.html", 6),  # "(Amounts in millions, except per share data)" in the title block
])
def test_the_scale_is_read_wherever_the_filer_prints_it(name: str, power: int) -> None:
    document = _read(name)
    (statement,) = document.statements
    assert statement.scale_note
    assert _row(document, "Net sales").values == (Decimal(52000).scaleb(power), Decimal(48000).scaleb(power))
    assert _row(document, "Net income").scale == power
    assert _row(document, "Basic earnings per share").values == (Decimal("2.08"), Decimal("1.76"))
    assert _row(document, "Basic").values == (Decimal(5000).scaleb(power), Decimal(5000).scaleb(power))
    assert not [d for d in document.diagnostics if d.code == "reader.unknown-scale"]


def test_the_period_words_around_a_scale_in_a_header_cell_still_date_the_columns() -> None:
    (statement,) = _read("period_cell.html").statements
    assert [(str(c.period.start), str(c.period.end)) for c in statement.columns] == [
        ("2023-12-31", "2024-06-29"), ("2023-01-01", "2023-07-01")]


def test_without_any_scale_words_the_amounts_are_read_as_printed_with_a_warning() -> None:
    document = _read("no_scale.html")
    (statement,) = document.statements
    assert not statement.scale_note
    assert _row(document, "Net sales").values == (Decimal(52000), Decimal(48000))
    (warning,) = [d for d in document.diagnostics if d.code == "reader.unknown-scale"]
    assert warning.severity is Severity.WARNING and "amounts read as printed" in warning.message


def test_rows_keep_their_own_unit_under_a_dollar_scale() -> None:
    document = _read("row_exceptions.html")  # "(Dollars in millions, except per share amounts)"
    assert _row(document, "Net sales").values == (Decimal(52_000_000_000), Decimal(48_000_000_000))
    eps = _row(document, "Earnings per share \u2014 basic")
    assert (eps.kind, eps.scale, eps.values) == (ValueKind.PER_SHARE, 0, (Decimal("2.08"), Decimal("1.76")))
    shares = _row(document, "Basic")  # under "Weighted-average shares outstanding (in thousands):"
    assert (shares.kind, shares.scale, shares.values) == (
        ValueKind.SHARES, 3, (Decimal(5_000_000_000), Decimal(5_000_000_000)))
    margin = _row(document, "Gross margin percentage")  # "42.3%": the pure number 0.423
    assert (margin.kind, margin.values, margin.decimals) == (
        ValueKind.PURE, (Decimal("0.423"), Decimal("0.406")), 3)
    rate = _row(document, "Effective tax rate")  # a rate printed without "%"
    assert (rate.kind, rate.values) == (ValueKind.PURE, (Decimal("0.200"), Decimal("0.200")))


def test_a_caption_or_an_image_alt_text_titles_a_table(tmp_path: Path) -> None:
    table = (FIXTURES / "no_scale.html").read_text(encoding="utf-8")
    body = table[table.index("<table>") + len("<table>"):table.index("</table>")]
    caption = tmp_path / "caption.html"
    caption.write_text("<html><body><p>ACME CORP.</p><table><caption>Consolidated Statements of Operations "
                       f"(in millions)</caption>{body}</table></body></html>", encoding="utf-8")
    image = tmp_path / "image.html"
    image.write_text('<html><body><p><img src="t.gif" alt="CONSOLIDATED STATEMENTS OF OPERATIONS"></p>'
                     f"<p>(In thousands)</p><table>{body}</table></body></html>", encoding="utf-8")
    for path, title, power in ((caption, "Consolidated Statements of Operations (in millions)", 6),
                               (image, "CONSOLIDATED STATEMENTS OF OPERATIONS", 3)):
        (statement,) = read_document(path).statements
        assert statement.title == title
        net_income = next(item for item in statement.items if item.label == "Net income")
        assert net_income.values == (Decimal(10400).scaleb(power), Decimal(8800).scaleb(power))
