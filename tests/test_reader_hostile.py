"""Hostile and broken inputs: a clean InputError or a Diagnostic, never another exception."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from converter.errors import InputError
from converter.model import Severity
from converter.readers import NO_STATEMENTS, read_document

SEED = Path(__file__).resolve().parent.parent.parent / "shared" / "seed" / "000_42643171a94e83b9.txt"


def seed_lines() -> list[str]:
    if not SEED.exists():
        pytest.skip(f"reference material not present: {SEED}")
    return SEED.read_text(encoding="utf-8").splitlines()


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


@pytest.mark.parametrize(("data", "message"), [
    (b"", "empty"),
    (b"  \n\n\t \n", "empty"),
    (bytes(range(256)) * 8, "binary"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 64, "binary"),
    (b"NET SALES   1,234   1,000\n\x81\x8d\x8f\x90\x9d and more text\n", "neither UTF-8"),
])
def test_unreadable_files(tmp_path, data, message):
    path = write(tmp_path, "input.txt", data)
    with pytest.raises(InputError, match=message) as caught:
        read_document(path)
    assert caught.value.file == str(path)


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="cannot read the file"):
        read_document(tmp_path / "absent.txt")


def test_html_file_without_statements_is_not_read_as_text(tmp_path):
    path = write(tmp_path, "release.htm", "<html><body><table><tr><td>1</td></tr></table></body></html>")
    with pytest.raises(InputError, match=NO_STATEMENTS):
        read_document(path)


def test_prose_only_file(tmp_path):
    path = write(tmp_path, "letter.txt", "Dear shareholder,\n\nWe had a good year.\n")
    with pytest.raises(InputError, match=NO_STATEMENTS):
        read_document(path)


def test_truncated_table_keeps_the_rows_read_and_warns(tmp_path):
    path = write(tmp_path, "truncated.txt", "\n".join(seed_lines()[:238]) + "\n")
    document = read_document(path)
    (balance,) = document.statements
    assert [item.label for item in balance.items][-1] == "LONG-TERM DEBT, less current maturities"
    truncated = [d for d in document.diagnostics if d.code == "reader.truncated-table"]
    assert truncated and truncated[0].source_line == 237 and truncated[0].severity is Severity.WARNING


def test_ragged_row_is_a_diagnostic(tmp_path):
    lines = seed_lines()[:256]
    lines[210] = " Inventories                                  5,139  99     5,710"
    path = write(tmp_path, "ragged.txt", "\n".join(lines) + "\n")
    document = read_document(path)
    codes = {diagnostic.code for diagnostic in document.diagnostics}
    assert codes & {"reader.ragged-row", "reader.undated-column"}
    balance = document.statements[0]
    assert next(item for item in balance.items if item.label == "Cash and cash equivalents").values[0] == 137000


def test_html_document_without_tables_inside_a_submission_adds_nothing(tmp_path):
    table = "\n".join(seed_lines()[190:313])
    submission = (
        "<SEC-DOCUMENT>0000000000-03-000001.txt : 20030415\n<SEC-HEADER>\n"
        "CONFORMED SUBMISSION TYPE:\t8-K\nCONFORMED PERIOD OF REPORT:\t20030415\n"
        "\tCOMPANY CONFORMED NAME:\t\t\tINNOVO GROUP INC\n\tCENTRAL INDEX KEY:\t\t\t0000844143\n"
        "\tFISCAL YEAR END:\t\t\t1130\n</SEC-HEADER>\n"
        "<DOCUMENT>\n<TYPE>EX-99.2\n<SEQUENCE>2\n<TEXT>\n<html><body><p>photo</p></body></html>\n"
        "</TEXT>\n</DOCUMENT>\n"
        f"<DOCUMENT>\n<TYPE>EX-99.1\n<SEQUENCE>3\n<TEXT>\n{table}\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n")
    document = read_document(write(tmp_path, "submission.txt", submission))
    assert (document.meta.cik, document.meta.company_name, document.meta.fiscal_year_end) == (
        "0000844143", "INNOVO GROUP INC", "1130")
    assert [statement.kind.value for statement in document.statements] == [
        "balance_sheet", "income_statement"]
    assert not [d for d in document.diagnostics if d.severity is not Severity.INFO]
    first_row = document.statements[0].items[0]
    assert first_row.label == "Cash and cash equivalents"
    assert submission.splitlines()[first_row.source_line - 1].startswith(" Cash and cash equivalents")


ROW_PARTS = st.sampled_from([
    "", "<TABLE>", "</TABLE>", "<S>   <C>   <C>", "<PAGE>", "CONSOLIDATED BALANCE SHEETS",
    "STATEMENTS OF OPERATIONS", "(in thousands)", "  Three Months Ended", "  03/01/03   03/02/02",
    "December 31,", "   2004    2003", "ASSETS", "Cash      $ 1,234     $ (56)", "  Total    --   -",
    "                 1,000    2,000", "-------   -------", "NET INCOME PER SHARE:", " Basic  0.02  (0.03)",
    "Weighted average shares   14,841  14,921", "wrapped label of", "  continued  12  13  14",
    "      5.1%    -4.3%", "Sales  1,2,3  (((  ))  $$", "\t\tTabbed   9   8",
])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(ROW_PARTS, st.text(max_size=60)), min_size=1, max_size=60))
def test_random_table_text_never_crashes(lines):
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "fuzz.txt"
        path.write_text("\n".join(lines), encoding="utf-8", errors="surrogatepass")
        try:
            document = read_document(path)
        except InputError:
            return
        for statement in document.statements:
            for item in statement.items:
                assert len(item.values) == len(statement.columns) == len(item.texts)


def test_submission_document_without_text_tags_and_unclosed(tmp_path):
    table = "\n".join(seed_lines()[190:313])
    submission = ("<SEC-DOCUMENT>0000000000-03-000002.txt : 20030415\n<SEC-HEADER>\n"
                  "CONFORMED SUBMISSION TYPE:\t8-K\n</SEC-HEADER>\n"
                  f"<DOCUMENT>\n<TYPE>EX-99\n{table}\n")
    document = read_document(write(tmp_path, "unclosed.txt", submission))
    assert document.meta.form_type == "8-K"
    balance, income = document.statements
    net_income = next(item for item in income.items if item.label == "NET INCOME (LOSS)")
    assert submission.splitlines()[net_income.source_line - 1].startswith("NET INCOME (LOSS)")
    assert len(balance.items) == 24
