"""Hostile HTML: the reader ends with a clean InputError or a diagnostic, never another
exception, never reads a file or the network an entity names, and stays fast."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from converter.errors import InputError
from converter.readers import NO_STATEMENTS, html, html_dom, read_document
from converter.readers.html_tables import grid
from converter.readers.vocab import vocabulary

TITLE = "<p>CONSOLIDATED BALANCE SHEETS</p><p>(In thousands)</p>"
STATEMENT = (
    "<table><tr><td></td><td>December 31, 2024</td><td>December 31, 2023</td></tr>"
    "<tr><td>Cash</td><td>1,000</td><td>900</td></tr>"
    "<tr><td>Receivables</td><td>500</td><td>400</td></tr>"
    "<tr><td>Inventories</td><td>300</td><td>200</td></tr>"
    "<tr><td>Total assets</td><td>1,800</td><td>1,500</td></tr></table>")


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_statement_fixture_itself_reads(tmp_path):
    document = read_document(write(tmp_path, "ok.htm", f"<html><body>{TITLE}{STATEMENT}</body></html>"))
    (balance,) = document.statements
    assert balance.items[-1].values[0] == 1800000


def test_ten_thousand_nested_elements_stop_the_parser_with_a_diagnostic(tmp_path):
    markup = "<html><body>" + "<div>" * 10_000 + "deep" + "</div>" * 10_000 + TITLE + STATEMENT + "</body></html>"
    result = html.scan(markup)
    (truncated,) = [d for d in result.diagnostics if d.code == "reader.html-truncated"]
    assert "depth" in truncated.message.lower() and truncated.source_line == 1
    with pytest.raises(InputError, match=NO_STATEMENTS):
        read_document(write(tmp_path, "deep.htm", markup))


def test_nested_tables_ten_thousand_deep(tmp_path):
    markup = "<html><body>" + "<table><tr><td>" * 10_000 + "1" + "</td></tr></table>" * 10_000 + "</body></html>"
    with pytest.raises(InputError, match=NO_STATEMENTS):
        read_document(write(tmp_path, "tables.htm", markup))


def test_a_table_with_ten_thousand_columns_is_skipped_with_a_diagnostic(tmp_path):
    cells = "".join(f"<td>{index:,}</td>" for index in range(10_000))
    markup = f"<html><body>{TITLE}<table><tr><td>December 31, 2024</td></tr><tr><td>Cash</td>{cells}</tr>" \
             f"</table></body></html>"
    result = html.scan(markup)
    assert [d.code for d in result.diagnostics] == ["reader.html-table-too-wide"]
    with pytest.raises(InputError, match=NO_STATEMENTS):
        read_document(write(tmp_path, "wide.htm", markup))


def test_huge_colspans_and_rowspans_are_capped():
    markup = STATEMENT.replace("<td></td>", '<td colspan="999999999" rowspan="999999999"></td>')
    root, _ = html_dom.parse(f"<html><body>{markup}</body></html>", 1)
    rows = grid(next(root.iter("table")), 0)
    assert max(cell.end for row in rows for cell in row.cells) <= 2 * 100 + 2
    assert [cell.text for cell in rows[1].cells] == ["Cash", "1,000", "900"]


def test_external_and_recursive_entities_are_never_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-1,234", encoding="utf-8")
    markup = (f'<!DOCTYPE html [<!ENTITY ext SYSTEM "file://{secret}"><!ENTITY net SYSTEM '
              '"http://127.0.0.1:9/x"><!ENTITY a "&b;&b;"><!ENTITY b "&a;&a;">]>'
              f"<html><body>{TITLE}" + STATEMENT.replace("Cash", "Cash &ext; &net; &a;") + "</body></html>")
    document = read_document(write(tmp_path, "entities.htm", markup))
    labels = [item.label for statement in document.statements for item in statement.items]
    assert labels[0].startswith("Cash")
    assert not any("TOP-SECRET" in label for label in labels)


def test_binary_junk_after_an_html_start_is_an_input_error(tmp_path):
    path = tmp_path / "junk.htm"
    path.write_bytes(b"<html><body>" + bytes(range(256)) * 4)
    with pytest.raises(InputError):
        read_document(path)


PARTS = st.sampled_from([
    "<table>", "</table>", "<tr>", "</tr>", "<td>", "</td>", '<td colspan="3">', '<td rowspan="2">',
    "<th>", "<p>", "</p>", "<div>", "</div>", "<sup>(1)</sup>", "$", "(1,234", ")", "%", "&mdash;", "&nbsp;",
    "CONSOLIDATED BALANCE SHEETS", "STATEMENTS OF OPERATIONS", "(In millions)", "Three Months Ended",
    "December 31,", "2024", "2023", "June 30, 2024", "Total assets", "Net income", "1,234", "0.25",
    "<!--", "-->", "<![CDATA[", "]]>", "<ix:nonFraction>", "</ix:nonFraction>", "<script>", "</script>",
    '<td style="padding-left:-99999pt;border-top:1px solid">', "<br>", "\n", "&#0;", "&#xD800;",
])


@given(st.lists(PARTS, max_size=120))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_mix_of_table_markup_reads_or_fails_cleanly(parts):
    markup = "<html><body>" + "".join(parts) + "</body></html>"
    try:
        statements, diagnostics, _ = html.read_part(markup, 1, vocabulary())
    except InputError:
        return
    for statement in statements:
        assert statement.columns and statement.items
        assert all(len(item.values) == len(statement.columns) for item in statement.items)
    assert all(diagnostic.code.startswith("reader.") for diagnostic in diagnostics)


def test_a_statement_inside_a_layout_table_is_read(tmp_path):
    markup = f"<html><body><table><tr><td>{TITLE}{STATEMENT}</td></tr></table></body></html>"
    (balance,) = read_document(write(tmp_path, "layout.htm", markup)).statements
    assert [item.label for item in balance.items] == ["Cash", "Receivables", "Inventories", "Total assets"]
