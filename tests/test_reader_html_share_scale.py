"""Share counts under a dollar scale in HTML statements: "except per share and share data",
"Shares used (000’s)" with a curly apostrophe."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from converter.model import ValueKind
from converter.readers import read_document

INCOME = [("Revenues", "54,607", "54,022"), ("Operating costs", "42,048", "42,060"),
          ("Net income", "4,557", "5,055"), ("Earnings per share:", "", ""), ("Basic", "$ 30.54", "$ 31.30")]


def _table(rows: list[tuple[str, ...]], header: str = "Year Ended December 31,") -> str:
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in (row[0], *[c for v in row[1:] for c in ("", v)]))
                   + "</tr>\n" for row in rows)
    return (f'<table><tr><td></td><td colspan="4">{header}</td></tr>'
            "<tr><td></td><td></td><td>2023</td><td></td><td>2022</td></tr>\n" + body + "</table>\n")


def _read(tmp_path: Path, body: str):
    path = tmp_path / "filing.htm"
    path.write_text(f"<html><body><p>Example Cable Corp.</p>{body}</body></html>", encoding="utf-8")
    return read_document(path)


def _row(statement, label: str):
    return next(item for item in statement.items if item.label == label)


@pytest.mark.parametrize(("note", "shares", "label"), [
    ("(dollars in millions, except per share and share data)", "149,208,188",
     "Weighted average common shares outstanding, basic"),
    ("(amounts in millions, except per share amounts and number of shares)", "149,208,188",
     "Weighted average common shares outstanding, basic"),
])
def test_share_counts_a_note_exempts_are_read_as_printed(tmp_path, note, shares, label):
    document = _read(tmp_path, f"<p>CONSOLIDATED STATEMENTS OF OPERATIONS</p><p>{note}</p>"
                     + _table([*INCOME, (label, shares, "161,501,355")]))
    (income,) = document.statements
    row = _row(income, label)
    assert row.kind is ValueKind.SHARES
    assert row.values == (Decimal(149_208_188), Decimal(161_501_355))
    assert _row(income, "Revenues").values == (Decimal(54_607_000_000), Decimal(54_022_000_000))


@pytest.mark.parametrize("apostrophe", ["'", "\u2019"])
def test_a_share_heading_in_thousands_with_either_apostrophe_scales_its_rows(tmp_path, apostrophe):
    document = _read(tmp_path, "<p>CONSOLIDATED STATEMENTS OF INCOME</p><p>(amounts in millions, except per "
                     "share data)</p>" + _table([*INCOME, (f"Shares used in calculation (000{apostrophe}s):", "", ""),
                                                 ("Basic", "443,985", "443,914")]))
    (income,) = document.statements
    basic_shares = [item for item in income.items if item.label == "Basic"][1]
    assert basic_shares.values == (Decimal(443_985_000), Decimal(443_914_000))
