"""Layouts of 1990s balance sheets, written at test time: a label wrapped onto a line that
starts with a number, and an unlabeled net subtotal below a "Less ..." row inside a section."""

from __future__ import annotations

import pytest

from converter.mapping.engine import Mapper
from converter.model import Statement
from converter.readers import read_document
from converter.taxonomy.catalog import load_catalog

BALANCE_SHEET_1995 = """\
                        GLOBEX CORPORATION AND SUBSIDIARIES
                           CONSOLIDATED BALANCE SHEETS
                   (In thousands, except share and per share data)

                                                      December 31,
                                                 ---------------------
                                                   1995         1994
                                                 --------     --------
ASSETS
Current assets:
  Cash and cash equivalents                      $  5,210     $  3,980
  Accounts receivable, less allowance for
    doubtful accounts of $310 and $275             18,445       16,102
  Inventories                                      22,310       20,005
  Prepaid expenses                                  1,120          980
                                                 --------     --------
    Total current assets                           47,085       41,067
Property, plant and equipment, at cost             61,500       57,200
  Less accumulated depreciation                   (28,700)     (25,100)
                                                 --------     --------
                                                   32,800       32,100
Other assets                                        2,115        1,833
                                                 --------     --------
                                                 $ 82,000     $ 75,000
                                                 ========     ========
LIABILITIES AND SHAREHOLDERS' EQUITY
Current liabilities:
  Notes payable to banks                         $  4,000     $  3,500
  Accounts payable                                 11,200       10,050
  Accrued expenses                                  6,300        5,450
  Current portion of long-term debt                 1,500        1,500
                                                 --------     --------
    Total current liabilities                      23,000       20,500
Long-term debt                                     16,000       16,500
Deferred income taxes                               2,000        1,800
Shareholders' equity:
  Common stock, $.10 par value; authorized
    20,000,000 shares; issued 8,000,000 shares        800          800
  Additional paid-in capital                       12,200       12,200
  Retained earnings                                31,000       25,200
  Less treasury stock, at cost                     (3,000)      (2,000)
                                                 --------     --------
    Total shareholders' equity                     41,000       36,200
                                                 --------     --------
                                                 $ 82,000     $ 75,000
                                                 ========     ========
"""


@pytest.fixture(scope="module")
def balance(tmp_path_factory: pytest.TempPathFactory) -> Statement:
    path = tmp_path_factory.mktemp("text") / "globex.txt"
    path.write_text(BALANCE_SHEET_1995, encoding="utf-8")
    document = read_document(path)
    assert document.meta.company_name == "Globex Corporation"
    (statement,) = document.statements
    return statement


def test_a_label_wrapped_onto_a_line_starting_with_a_number_is_one_label(balance: Statement) -> None:
    common = next(item for item in balance.items if item.label.startswith("Common stock"))
    assert common.label == ("Common stock, $.10 par value; authorized 20,000,000 shares; "
                            "issued 8,000,000 shares")
    assert common.values == (800000, 800000) and common.section == "Shareholders' equity"


def test_an_unlabeled_net_subtotal_keeps_its_heading_open(balance: Statement) -> None:
    rows = [(item.source_line, item.label, item.section, item.is_total) for item in balance.items]
    assert rows[5:10] == [
        (18, "Property, plant and equipment, at cost", "ASSETS", False),
        (19, "Less accumulated depreciation", "ASSETS", False),
        (21, "", "ASSETS", True),  # 61,500 - 28,700: a subtotal, not the assets total
        (22, "Other assets", "ASSETS", False),
        (24, "", "ASSETS", True),  # 47,085 + 32,800 + 2,115: the total of the heading
    ]


def test_the_net_subtotal_and_the_total_map_to_their_concepts(balance: Statement) -> None:
    mappings = Mapper(load_catalog()).map_statement(balance)
    by_line = {item.source_line: mapping.concept.qname for item, mapping in zip(balance.items, mappings, strict=True)}
    assert by_line[18] == "us-gaap:PropertyPlantAndEquipmentGross"
    assert by_line[19] == "us-gaap:AccumulatedDepreciationDepletionAndAmortizationPropertyPlantAndEquipment"
    assert by_line[21] == "us-gaap:PropertyPlantAndEquipmentNet"
    assert by_line[24] == "us-gaap:Assets"
    assert by_line[45] == "us-gaap:LiabilitiesAndStockholdersEquity"


def test_a_statement_pasted_into_html_as_preformatted_text_is_read_as_text(balance: Statement, tmp_path) -> None:
    """HTML filings of the late 1990s often carry the statements as <PRE> text."""
    escaped = BALANCE_SHEET_1995.replace("&", "&amp;").replace("<", "&lt;")
    path = tmp_path / "release.htm"
    path.write_text(f"<html><body><p>Globex reports its year</p><pre>\n{escaped}</pre></body></html>",
                    encoding="utf-8")
    document = read_document(path)
    assert document.meta.company_name == "Globex Corporation"
    (statement,) = document.statements
    assert [(i.label, i.section, i.values, i.source_line - 1) for i in statement.items] == [
        (i.label, i.section, i.values, i.source_line) for i in balance.items]
    assert statement.columns == balance.columns


def test_a_heading_over_a_rule_spanning_both_columns_dates_both(tmp_path) -> None:
    """"December 31," printed over a rule that spans both year columns (but over the first
    column only) dates both of them."""
    from datetime import date

    from converter.model import Instant

    text = """\
                          STARK HOLDINGS CORPORATION
                         CONSOLIDATED BALANCE SHEETS
                            (Dollars in thousands)

                                                  December 31,
                                          ----------------------------
                                              2001            2000
                                          ------------    ------------
  Cash and cash equivalents               $     12,400    $      9,800
  Inventories                                   37,900          35,600
  Accounts payable                              31,200          29,800
  Retained earnings                             19,100          15,600
"""
    path = tmp_path / "stark.txt"
    path.write_text(text, encoding="utf-8")
    document = read_document(path)
    (balance,) = document.statements
    assert [column.period for column in balance.columns] == [Instant(date(2001, 12, 31)), Instant(date(2000, 12, 31))]
    assert [d.code for d in document.diagnostics] == []
    assert balance.items[0].values == (12400000, 9800000)


def test_a_statement_whose_columns_cannot_be_dated_is_named_in_the_error(tmp_path) -> None:
    from converter.errors import InputError

    path = tmp_path / "undated.txt"
    path.write_text("""\
                 CONSOLIDATED STATEMENTS OF OPERATIONS
                           (In thousands)
                                          1996          1995
                                       -------       -------
Revenues                                 12,400        11,800
Costs and expenses                       13,100        11,200
Operating income (loss)                    (700)          600
Net income (loss)                       $(1,000)      $   350
""", encoding="utf-8")
    with pytest.raises(InputError) as raised:
        read_document(path)
    message = raised.value.message
    assert message.startswith("no financial statements found: 'CONSOLIDATED STATEMENTS OF OPERATIONS': column 1 (")
    assert message.endswith("1996) has no date; skipped")
    assert raised.value.line == 5
