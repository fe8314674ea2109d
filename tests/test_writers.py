"""The XBRL writer: five well-formed files whose content is the report's, verbatim."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from lxml import etree

from converter.facts import build_report
from converter.model import Balance, Column, Document, DocumentMeta, Fact, StatementKind, ValueKind, XbrlReport
from converter.writers import WRITERS, write_xbrl
from converter.writers.xbrl import xbrl_value
from tests.facts_fixtures import ENTITY, Q1_2002, Q1_2003, statement

PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
NS = {"xbrli": "http://www.xbrl.org/2003/instance", "link": "http://www.xbrl.org/2003/linkbase",
      "xlink": "http://www.w3.org/1999/xlink", "xs": "http://www.w3.org/2001/XMLSchema"}
HOSTILE = 'Prepaid expenses & other <b>current</b> assets ]]> "quoted" \'single\''


def parse(path: Path) -> etree._Element:
    return etree.parse(str(path), PARSER).getroot()


@pytest.fixture
def hostile_report() -> XbrlReport:
    rows = (
        (HOSTILE, "", "x:PrepaidAndOther", None, ("(610)", "(279)"), False, ValueKind.MONETARY),
        ("Treasury & <stock>", "EQUITY", "us-gaap:TreasuryStockValue", None, ("(5)", "(6)"), False,
         ValueKind.MONETARY),
    )
    sheet, mappings = statement(StatementKind.INCOME_STATEMENT, 'Ops & "Other" <Statements>',
                                (Column(Q1_2003, "a"), Column(Q1_2002, "b")), rows, (10, 11))
    mappings = (replace(mappings[0], is_extension=True,
                        concept=replace(mappings[0].concept, balance=Balance.DEBIT)),
                replace(mappings[1], concept=replace(mappings[1].concept, balance=Balance.DEBIT)))
    entity = replace(ENTITY, name='A & B <Holdings> "Co" ]]>')
    return build_report(Document(DocumentMeta(source="x"), (sheet,)), (mappings,), entity, "10-Q")


def test_registry_names_the_xbrl_writer() -> None:
    assert WRITERS["xbrl"] is write_xbrl


def test_writes_instance_schema_and_linkbases(seed_report: XbrlReport, tmp_path: Path) -> None:
    written = write_xbrl(seed_report, tmp_path)
    assert [p.name for p in written] == [
        "inno-20030301.xml", "inno-20030301.xsd", "inno-20030301_cal.xml",
        "inno-20030301_pre.xml", "inno-20030301_lab.xml"]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in written)
    for path in written:
        parse(path)


def test_instance_content(seed_report: XbrlReport, tmp_path: Path) -> None:
    root = parse(write_xbrl(seed_report, tmp_path)[0])
    assert root.find("link:schemaRef", NS).get(f"{{{NS['xlink']}}}href") == "inno-20030301.xsd"
    identifiers = {i.text for i in root.iterfind("xbrli:context/xbrli:entity/xbrli:identifier", NS)}
    schemes = {i.get("scheme") for i in root.iterfind("xbrli:context/xbrli:entity/xbrli:identifier", NS)}
    assert (identifiers, schemes) == ({"0000844143"}, {"http://www.sec.gov/CIK"})
    deficit = root.find("{http://fasb.org/us-gaap/2024}RetainedEarningsAccumulatedDeficit", NS)
    assert (deficit.text, deficit.get("decimals"), deficit.get("unitRef")) == ("-33227000", "-3", "usd")
    per_share = root.find("xbrli:unit[@id='usd-per-share']/xbrli:divide", NS)
    assert [m.text for m in per_share.iterfind(".//xbrli:measure", NS)] == ["iso4217:USD", "xbrli:shares"]
    assert root.find("{http://xbrl.sec.gov/dei/2024}AmendmentFlag").text == "false"


def test_schema_declares_roles_imports_and_linkbases(seed_report: XbrlReport, tmp_path: Path) -> None:
    root = parse(write_xbrl(seed_report, tmp_path)[1])
    assert root.get("targetNamespace") == "http://innovo-group-inc.example/20030301"
    imports = {i.get("namespace"): i.get("schemaLocation") for i in root.iterfind("xs:import", NS)}
    assert imports["http://fasb.org/us-gaap/2024"] == "https://xbrl.fasb.org/us-gaap/2024/elts/us-gaap-2024.xsd"
    assert imports["http://xbrl.sec.gov/dei/2024"] == "https://xbrl.sec.gov/dei/2024/dei-2024.xsd"
    roles = [r.get("id") for r in root.iterfind(".//link:roleType", NS)]
    assert roles == ["BalanceSheet", "IncomeStatement", "Cover"]
    used_on = {tuple(u.text for u in r.iterfind("link:usedOn", NS)) for r in root.iterfind(".//link:roleType", NS)}
    assert used_on == {("link:presentationLink", "link:calculationLink", "link:definitionLink")}
    refs = [r.get(f"{{{NS['xlink']}}}href") for r in root.iterfind(".//link:linkbaseRef", NS)]
    assert refs == ["inno-20030301_cal.xml", "inno-20030301_pre.xml", "inno-20030301_lab.xml"]


def test_calculation_linkbase_carries_the_weights(seed_report: XbrlReport, tmp_path: Path) -> None:
    root = parse(write_xbrl(seed_report, tmp_path)[2])
    arcs = [(a.get(f"{{{NS['xlink']}}}from"), a.get(f"{{{NS['xlink']}}}to"), a.get("weight"))
            for a in root.iterfind(".//link:calculationArc", NS)]
    assert ("loc_us-gaap_StockholdersEquity", "loc_us-gaap_TreasuryStockValue", "-1") in arcs
    assert len(arcs) == sum(len(n.calculation) for n in seed_report.networks)


def test_hostile_labels_stay_well_formed_and_verbatim(hostile_report: XbrlReport, tmp_path: Path) -> None:
    written = write_xbrl(hostile_report, tmp_path)
    roots = [parse(p) for p in written]
    # no statement total, no summation: no calculation linkbase (EFM 6.3.3 rejects an empty one)
    assert not any(n.calculation for n in hostile_report.networks)
    assert [p.name.rsplit("_", 1)[-1] for p in written[2:]] == ["pre.xml", "lab.xml"]
    instance, schema, pre, lab = roots
    refs = [ref.get(f"{{{NS['xlink']}}}href") for ref in schema.iterfind(".//link:linkbaseRef", NS)]
    assert [ref.rsplit("_", 1)[-1] for ref in refs] == ["pre.xml", "lab.xml"]
    labels = sorted((e.get(f"{{{NS['xlink']}}}role").rsplit("/", 1)[1], e.text)
                    for e in lab.iterfind(".//link:label", NS) 
                    if not e.get(f"{{{NS['xlink']}}}label", "").startswith("lab_dei_"))
    assert labels == [("label", HOSTILE), ("negatedLabel", HOSTILE), ("negatedLabel", "Treasury & <stock>")]
    assert instance.find("{http://xbrl.sec.gov/dei/2024}EntityRegistrantName").text == 'A & B <Holdings> "Co" ]]>'
    assert schema.find(".//link:definition", NS).text == '0001 - Statement - Ops & "Other" <Statements>'
    element = schema.find("xs:element", NS)
    assert {k: element.get(k) for k in ("name", "type", "abstract", "nillable")} == {
        "name": "PrepaidAndOther", "type": "xbrli:monetaryItemType", "abstract": "false", "nillable": "true"}
    assert element.get("{http://www.xbrl.org/2003/instance}balance") == "debit"
    assert element.get("{http://www.xbrl.org/2003/instance}periodType") == "duration"
    preferred = [a.get("preferredLabel") for a in pre.iterfind(".//link:presentationArc", NS)
                 if not a.get(f"{{{NS['xlink']}}}to", "").startswith("loc_dei_")]
    assert preferred == ["http://www.xbrl.org/2009/role/negatedLabel"] * 2


def test_decimals_are_written_without_exponent() -> None:
    assert xbrl_value(Decimal("3.3227E+7")) == "33227000"
    assert xbrl_value(Decimal("-0.03")) == "-0.03"
    assert xbrl_value("INNO") == "INNO"


def test_exponent_values_in_a_report_come_out_plain(seed_report: XbrlReport, tmp_path: Path) -> None:
    fact = next(f for f in seed_report.facts if f.concept == "us-gaap:RetainedEarningsAccumulatedDeficit")
    odd = replace(fact, value=Decimal("-3.3227E+7"))
    report = replace(seed_report, facts=tuple(odd if f is fact else f for f in seed_report.facts))
    root = parse(write_xbrl(report, tmp_path)[0])
    assert root.find(f".//*[@id='{fact.id}']").text == "-33227000"


def test_rewriting_replaces_earlier_files(seed_report: XbrlReport, tmp_path: Path) -> None:
    (tmp_path / "inno-20030301.xml").write_text("stale", encoding="utf-8")
    write_xbrl(seed_report, tmp_path)
    parse(tmp_path / "inno-20030301.xml")
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_fact_without_unit_has_no_decimals(tmp_path: Path, seed_report: XbrlReport) -> None:
    report = replace(seed_report, facts=(Fact("f-1", "dei:DocumentType", seed_report.contexts[0].id, "8-K"),))
    root = parse(write_xbrl(report, tmp_path)[0])
    element = root.find("{http://xbrl.sec.gov/dei/2024}DocumentType")
    assert element.get("decimals") is None and element.get("unitRef") is None


def test_xml_files_are_ascii_with_character_references(seed_report: XbrlReport, tmp_path: Path) -> None:
    extension = next(lb for lb in seed_report.labels if lb.role.endswith("/role/label"))
    curly = replace(extension, text="Officer\u2019s note ^ \u00a0due")
    report = replace(seed_report, labels=tuple(curly if lb is extension else lb for lb in seed_report.labels))
    written = write_xbrl(report, tmp_path)
    for path in written:
        path.read_bytes().decode("ascii")  # EDGAR accepts no other byte (EFM 5.2.1.1)
    lab = parse(next(p for p in written if p.name.endswith("_lab.xml")))
    assert "Officer\u2019s note ^ \u00a0due" in [e.text for e in lab.iterfind(".//link:label", NS)]
    assert b"&#8217;" in written[-1].read_bytes() and b"&#94;" in written[-1].read_bytes()
