"""Face-statement rows from filers' presentation and label linkbases (converter/learning/linkbases.py)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from converter.errors import InputError
from converter.learning.rows import TrainingRow
from converter.learning.linkbases import (
    linkbase_rows,
    load_role_words,
    shared_linkbase_folders,
    statement_kind,
)

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CLOROX = SHARED / "corpus" / "ixbrl" / "arelle-ixbrl-viewer_clorox-10-k-2022"
INSTANCES = SHARED / "corpus" / "xbrl-instances"


@cache
def _rows(folder: Path) -> tuple[TrainingRow, ...]:
    if not folder.is_dir():
        pytest.skip(f"reference material {folder} is absent")
    return tuple(linkbase_rows(folder))


def _statement(folder: Path, kind: str) -> list[TrainingRow]:
    return [row for row in _rows(folder) if row.statement == kind]


def test_clorox_balance_sheet_rows() -> None:
    rows = _statement(CLOROX, "balance_sheet")
    current = [row for row in rows if row.concept == "us-gaap:AssetsCurrent"]
    assert current == [TrainingRow(doc="arelle-ixbrl-viewer_clorox-10-k-2022", company="clx",
                                   statement="balance_sheet", period_type="instant", section="Current assets",
                                   label="Total current assets", concept="us-gaap:AssetsCurrent",
                                   negated=False, value="")]
    assert rows[0].concept == "us-gaap:CashAndCashEquivalentsAtCarryingValue"
    assert rows[-1].concept == "us-gaap:LiabilitiesAndStockholdersEquity"
    assert {"clx:TrademarksNet", "us-gaap:Goodwill"} <= {row.concept for row in rows}
    treasury = next(row for row in rows if row.concept == "us-gaap:TreasuryStockCommonValue")
    assert treasury.negated and treasury.section == "Stockholders’ equity"
    assert {row.period_type for row in rows} == {"instant"}


def test_clorox_cash_flow_order_and_cash_balances() -> None:
    rows = _statement(CLOROX, "cash_flow")
    concepts = [row.concept for row in rows]
    assert concepts[0] == "us-gaap:ProfitLoss"
    operating = concepts.index("us-gaap:NetCashProvidedByUsedInOperatingActivities")
    investing = concepts.index("us-gaap:NetCashProvidedByUsedInInvestingActivities")
    financing = concepts.index("us-gaap:NetCashProvidedByUsedInFinancingActivities")
    assert 0 < operating < investing < financing
    assert concepts.index("us-gaap:PaymentsToAcquirePropertyPlantAndEquipment") == operating + 1
    cash = [row for row in rows
            if row.concept == "us-gaap:CashCashEquivalentsRestrictedCashAndRestrictedCashEquivalents"]
    assert [(row.label, row.period_type) for row in cash] == [("Beginning of year", "instant"),
                                                              ("End of year", "instant")]
    change = next(row for row in rows if "PeriodIncreaseDecrease" in row.concept)
    assert change.period_type == "duration"
    capex = rows[operating + 1]
    assert (capex.label, capex.section, capex.negated) == ("Capital expenditures", "Investing activities:", True)


def test_clorox_income_statement_and_exclusions() -> None:
    rows = _rows(CLOROX)
    income = [row for row in rows if row.statement == "income_statement"]
    assert (income[0].concept, income[0].label) == ("us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax",
                                                    "Net sales")
    assert {row.period_type for row in income} == {"duration"}
    concepts = {row.concept for row in rows}
    assert "us-gaap:CommonStockParOrStatedValuePerShare" not in concepts  # parenthetical role only
    other = [row for row in rows if row.concept == "us-gaap:OtherComprehensiveIncomeLossNetOfTax"]
    assert other and {row.statement for row in other} == {"comprehensive_income"}
    assert not [c for c in concepts if c.endswith(("Abstract", "Member", "Axis", "Table", "LineItems"))]
    assert not [c for c in concepts if c.startswith(("dei:", "srt:"))]


def test_embedded_linkbases_in_schema() -> None:
    rows = _rows(INSTANCES / "msft_10k_2024")
    assert {row.company for row in rows} == {"msft"}
    kinds = {row.statement for row in rows}
    assert kinds == {"balance_sheet", "income_statement", "comprehensive_income", "cash_flow"}
    assert any(row.concept == "us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax" for row in rows)


def test_shared_folders_have_all_three_statements() -> None:
    if not SHARED.is_dir():
        pytest.skip("reference material ../shared is absent")
    folders = shared_linkbase_folders(SHARED)
    names = {folder.name for folder in folders}
    assert {"aapl_10k_2010", "msft_10k_2024", "gbdc_root", "arelle-ixbrl-viewer_clorox-10-k-2022"} <= names
    for folder in folders:
        assert {"balance_sheet", "income_statement", "cash_flow"} <= {row.statement for row in _rows(folder)}


@pytest.mark.parametrize(("definition", "kind"), [
    ("0000004 - Statement - CONSOLIDATED BALANCE SHEETS", "balance_sheet"),
    ("0000002 - Statement - Consolidated Statements of Financial Condition", "balance_sheet"),
    ("100010003 - Statement - CONSOLIDATED STATEMENT OF EARNINGS", "income_statement"),
    ("100010 - Statement - INCOME STATEMENTS", "income_statement"),
    ("0000009 - Statement - Consolidated Statements of Cash Flows", "cash_flow"),
    ("http://www.example.com/role/ConsolidatedStatementsOfOperations", "income_statement"),
    ("0000005 - Statement - CONSOLIDATED BALANCE SHEETS (Parenthetical)", None),
    ("0000004 - Statement - CONSOLIDATED STATEMENTS OF COMPREHENSIVE INCOME", "comprehensive_income"),
    ("0000007 - Statement - Consolidated Statements of Changes in Stockholders' Equity", None),
    ("9954645 - Disclosure - Parent Company - Statements of Cash Flows (Details)", None),
    ("0000008 - Statement - Consolidated Schedule of Investments", None),
    ("http://www.example.com/role/BalanceSheetDetails", None),
])
def test_statement_kind(definition: str, kind: str | None) -> None:
    assert statement_kind(definition, load_role_words()) == kind


@given(st.text(alphabet=st.characters(categories=("L", "Zs")), max_size=40))
def test_parenthetical_and_disclosure_roles_are_never_statements(title: str) -> None:
    vocab = load_role_words()
    for definition in (f"0000004 - Statement - BALANCE SHEETS {title} (Parenthetical)",
                       f"0000005 - Disclosure - Statements of Cash Flows {title}"):
        assert statement_kind(definition, vocab) is None


_XSD = """<?xml version="1.0"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:link="http://www.xbrl.org/2003/linkbase"
  xmlns:us-gaap="http://fasb.org/us-gaap/2024" xmlns:dei="http://xbrl.sec.gov/dei/2024"
  xmlns:abc="http://abc.example/2024" targetNamespace="http://abc.example/2024">
 <xsd:annotation><xsd:appinfo>
  <link:roleType roleURI="http://abc.example/role/BS" id="BS">
   <link:definition>0001 - Statement - Balance Sheets</link:definition></link:roleType>
  <link:roleType roleURI="http://abc.example/role/BSP" id="BSP">
   <link:definition>0002 - Statement - Balance Sheets (Parenthetical)</link:definition></link:roleType>
 </xsd:appinfo></xsd:annotation>
 <xsd:element id="abc_Gadgets" name="Gadgets" abstract="false"/>
 <xsd:element id="abc_OddHeading" name="OddHeading" abstract="true"/>
</xsd:schema>
"""

_LINK = ('<link:linkbase xmlns:link="http://www.xbrl.org/2003/linkbase" '
         'xmlns:xlink="http://www.w3.org/1999/xlink">{}</link:linkbase>')
_GAAP = "https://xbrl.fasb.org/us-gaap/2024/elts/us-gaap-2024.xsd#us-gaap_"
_ROLE = "http://www.xbrl.org/2003/role/"
_CONCEPTS = {
    "root": _GAAP + "StatementOfFinancialPositionAbstract", "table": _GAAP + "StatementTable",
    "axis": _GAAP + "StatementBusinessSegmentsAxis", "items": _GAAP + "StatementLineItems",
    "assets": _GAAP + "AssetsAbstract", "cash": _GAAP + "CashAndCashEquivalentsAtCarryingValue",
    "gadgets": "abc-20241231.xsd#abc_Gadgets", "total": _GAAP + "Assets", "odd": "abc-20241231.xsd#abc_OddHeading",
    "treasury": _GAAP + "TreasuryStockValue", "dei": "https://xbrl.sec.gov/dei/2024/dei-2024.xsd#dei_EntityName",
    "par": _GAAP + "CommonStockParOrStatedValuePerShare",
}


def _locs() -> str:
    return "".join(f'<link:loc xlink:type="locator" xlink:label="{k}" xlink:href="{v}"/>'
                   for k, v in _CONCEPTS.items())


def _pre() -> str:
    arcs = [("root", "table", 1, ""), ("table", "axis", 1, ""), ("table", "items", 2, ""),
            ("items", "odd", 2, ""), ("items", "assets", 1, ""), ("assets", "total", 3, "totalLabel"),
            ("assets", "cash", 1, ""), ("assets", "gadgets", 2, ""), ("items", "dei", 3, ""),
            ("odd", "treasury", 1, "negatedLabel")]
    body = "".join(f'<link:presentationArc xlink:type="arc" xlink:arcrole="http://www.xbrl.org/2003/arcrole/'
                   f'parent-child" xlink:from="{a}" xlink:to="{b}" order="{o}"'
                   + (f' preferredLabel="{_ROLE}{p}"' if p else "") + "/>" for a, b, o, p in arcs)
    par = ('<link:presentationArc xlink:type="arc" xlink:arcrole="http://www.xbrl.org/2003/arcrole/parent-child"'
           ' xlink:from="root" xlink:to="par" order="1"/>')
    return _LINK.format(
        f'<link:presentationLink xlink:type="extended" xlink:role="http://abc.example/role/BSP">{_locs()}{par}'
        f'</link:presentationLink><link:presentationLink xlink:type="extended" '
        f'xlink:role="http://abc.example/role/BS">{_locs()}{body}</link:presentationLink>')


def _lab() -> str:
    labels = {"root": [("label", "Statement of Financial Position [Abstract]")],
              "assets": [("label", "Assets [Abstract]"), ("terseLabel", "ASSETS")],
              "cash": [("label", "Cash and Cash Equivalents"), ("terseLabel", "Cash")],
              "gadgets": [("label", "Gadgets")], "total": [("label", "Assets"), ("totalLabel", "Total assets")],
              "odd": [("label", "Odd heading")], "treasury": [("label", "Treasury stock"),
                                                                ("negatedLabel", "Less treasury stock")],
              "dei": [("label", "Entity name")]}
    parts = [_locs()]
    for key, texts in labels.items():
        for role, text in texts:
            parts.append(f'<link:label xlink:type="resource" xlink:label="lab_{key}" xlink:role="{_ROLE}{role}" '
                         f'xml:lang="en-US">{text}</link:label>')
        parts.append(f'<link:labelArc xlink:type="arc" xlink:from="{key}" xlink:to="lab_{key}"/>')
    parts.append(f'<link:label xlink:type="resource" xlink:label="lab_fr" xlink:role="{_ROLE}terseLabel" '
                 f'xml:lang="fr">Trésorerie</link:label><link:labelArc xlink:type="arc" xlink:from="cash" '
                 f'xlink:to="lab_fr"/>')
    return _LINK.format(f'<link:labelLink xlink:type="extended" xlink:role="{_ROLE}link">{"".join(parts)}'
                        '</link:labelLink>')


def test_fixture_rows_exactly(tmp_path: Path) -> None:
    folder = tmp_path / "abc_10k"
    folder.mkdir()
    (folder / "abc-20241231.xsd").write_text(_XSD, encoding="utf-8")
    (folder / "abc-20241231_pre.xml").write_text(_pre(), encoding="utf-8")
    (folder / "abc-20241231_lab.xml").write_text(_lab(), encoding="utf-8")

    def row(section: str, label: str, concept: str, negated: bool = False) -> TrainingRow:
        return TrainingRow(doc="abc_10k", company="abc", statement="balance_sheet", period_type="instant",
                           section=section, label=label, concept=concept, negated=negated, value="")

    assert linkbase_rows(folder) == [
        row("ASSETS", "Cash", "us-gaap:CashAndCashEquivalentsAtCarryingValue"),
        row("ASSETS", "Gadgets", "abc:Gadgets"),
        row("ASSETS", "Total assets", "us-gaap:Assets"),
        row("Odd heading", "Less treasury stock", "us-gaap:TreasuryStockValue", negated=True),
    ]


def test_folder_without_linkbases(tmp_path: Path) -> None:
    (tmp_path / "abc-20241231.xsd").write_text(_XSD, encoding="utf-8")
    with pytest.raises(InputError, match="no presentation and label linkbase") as caught:
        linkbase_rows(tmp_path)
    assert caught.value.file == str(tmp_path)


def test_bad_arc_order_names_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "abc-20241231.xsd").write_text(_XSD, encoding="utf-8")
    (tmp_path / "abc-20241231_pre.xml").write_text(_pre().replace('order="2"', 'order="two"'), encoding="utf-8")
    (tmp_path / "abc-20241231_lab.xml").write_text(_lab(), encoding="utf-8")
    with pytest.raises(InputError, match="order 'two' is not a number") as caught:
        linkbase_rows(tmp_path)
    assert caught.value.file is not None and caught.value.file.endswith("abc-20241231_pre.xml")
    assert caught.value.line == 1
