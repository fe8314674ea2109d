"""Stripped Inline XBRL filings read by the HTML reader, checked against the filers' own
face-statement facts (benchmarks/ixbrl_truth.py): at least 97% of them at the right period."""

from __future__ import annotations

from datetime import date

import pytest

from benchmarks.ixbrl_truth import Mappers, score
from converter.model import Duration, Instant
from converter.readers import html
from converter.sources import is_inline_xbrl, strip_inline_xbrl
from converter.readers.statements import build_statements
from tests.conftest import shared_path


@pytest.fixture(scope="module")
def mappers() -> Mappers:
    return Mappers(in_sample=True)


@pytest.mark.parametrize(("folder", "minimum"), [
    ("aapl-10-k-2024-11-01", 0.97),  # 52/53-week years ("last Saturday of September")
    ("jnj-10-k-2025-02-13", 0.96),  # bare year columns; a cash-flow statement continued after a page break
    ("hd-10-k-2025-03-21", 0.97),  # "Fiscal 2024" ends in February 2025
])
def test_value_recall_of_face_facts(folder: str, minimum: float, mappers: Mappers) -> None:
    path = shared_path("corpus", "ixbrl", folder, f"{folder}.html")
    result = score(path, mappers, 0)
    assert result.error == ""
    assert set(result.by_statement) == {"balance_sheet", "income_statement", "comprehensive_income", "cash_flow"}
    assert result.total > 200
    assert result.found / result.total >= minimum
    assert result.counts["scale"] == 0


def test_fiscal_years_from_bare_year_headers():
    path = shared_path("corpus", "ixbrl", "jnj-10-k-2025-02-13", "jnj-10-k-2025-02-13.html")
    statements, _ = build_statements([found.candidate for found in html.scan(path.read_text("utf-8")).found])
    balance, income = statements[0], statements[1]
    assert [column.period for column in balance.columns] == [Instant(date(2024, 12, 29)), Instant(date(2023, 12, 31))]
    assert [column.period for column in income.columns] == [
        Duration(date(2024, 1, 1), date(2024, 12, 29)), Duration(date(2023, 1, 2), date(2023, 12, 31)),
        Duration(date(2022, 1, 3), date(2023, 1, 1))]


def test_strip_keeps_text_and_lines():
    markup = ('<html><body><ix:header>\n<ix:hidden>x</ix:hidden>\n</ix:header>\n'
              '<td><ix:nonFraction name="us-gaap:Assets" contextRef="c1"\n scale="6">1,234</ix:nonFraction></td>'
              '</body></html>')
    stripped = strip_inline_xbrl(markup)
    assert is_inline_xbrl(markup) and not is_inline_xbrl(stripped)
    assert stripped.count("\n") == markup.count("\n")
    assert "<td>\n1,234</td>" in stripped and "hidden" not in stripped
