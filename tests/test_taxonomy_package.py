"""The offline taxonomy package: contents, Arelle validation, fast subsets, determinism."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from converter.errors import TaxonomyError
from converter.taxonomy.build import build
from converter.taxonomy.catalog import load_catalog
from converter.taxonomy.package import PACKAGE_NAME, default_package
from converter.taxonomy.subset import subset_package

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
ARELLE = Path(sys.executable).with_name("arelleCmdLine")
XS = "{http://www.w3.org/2001/XMLSchema}"
XBRLI = "{http://www.xbrl.org/2003/instance}"

EXTENSION = """<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="http://example.com/tiny/2024"
    elementFormDefault="qualified">
  <xs:import namespace="http://fasb.org/us-gaap/2024"
      schemaLocation="https://xbrl.fasb.org/us-gaap/2024/elts/us-gaap-2024.xsd"/>
  <xs:import namespace="http://xbrl.sec.gov/dei/2024"
      schemaLocation="https://xbrl.sec.gov/dei/2024/dei-2024.xsd"/>
</xs:schema>
"""
# 20 us-gaap facts of Apple's fiscal 2024 balance sheet and income statement, and the cover.
FACTS = {
    "Assets": ("I", 364980), "AssetsCurrent": ("I", 152987), "AssetsNoncurrent": ("I", 211993),
    "Liabilities": ("I", 308030), "StockholdersEquity": ("I", 56950),
    "LiabilitiesAndStockholdersEquity": ("I", 364980),
    "CashAndCashEquivalentsAtCarryingValue": ("I", 29943), "AccountsPayableCurrent": ("I", 68960),
    "RetainedEarningsAccumulatedDeficit": ("I", -19154), "InventoryNet": ("I", 7286),
    "RevenueFromContractWithCustomerExcludingAssessedTax": ("D", 391035),
    "CostOfGoodsAndServicesSold": ("D", 210352), "GrossProfit": ("D", 180683),
    "ResearchAndDevelopmentExpense": ("D", 31370),
    "SellingGeneralAndAdministrativeExpense": ("D", 26097), "OperatingExpenses": ("D", 57467),
    "OperatingIncomeLoss": ("D", 123216), "IncomeTaxExpenseBenefit": ("D", 29749),
    "NetIncomeLoss": ("D", 93736), "NonoperatingIncomeExpense": ("D", 269),
}
COVER = {"DocumentType": "10-K", "EntityRegistrantName": "Apple Inc.",
         "EntityCentralIndexKey": "0000320193", "DocumentPeriodEndDate": "2024-09-28",
         "AmendmentFlag": "false", "TradingSymbol": "AAPL", "DocumentFiscalYearFocus": "2024",
         "DocumentFiscalPeriodFocus": "FY", "CurrentFiscalYearEndDate": "--09-28",
         "EntityIncorporationStateCountryCode": "CA"}


def write_instance(folder: Path, facts: dict[str, tuple[str, int]] = FACTS) -> Path:
    entity = ("<xbrli:entity><xbrli:identifier scheme='http://www.sec.gov/CIK'>0000320193"
              "</xbrli:identifier></xbrli:entity>")
    lines = [
        "<?xml version='1.0' encoding='UTF-8'?>",
        "<xbrli:xbrl xmlns:xbrli='http://www.xbrl.org/2003/instance' "
        "xmlns:link='http://www.xbrl.org/2003/linkbase' xmlns:xlink='http://www.w3.org/1999/xlink' "
        "xmlns:us-gaap='http://fasb.org/us-gaap/2024' xmlns:dei='http://xbrl.sec.gov/dei/2024' "
        "xmlns:iso4217='http://www.xbrl.org/2003/iso4217'>",
        "<link:schemaRef xlink:type='simple' xlink:href='ext.xsd'/>",
        f"<xbrli:context id='I'>{entity}<xbrli:period><xbrli:instant>2024-09-28</xbrli:instant>"
        "</xbrli:period></xbrli:context>",
        f"<xbrli:context id='D'>{entity}<xbrli:period><xbrli:startDate>2023-10-01"
        "</xbrli:startDate><xbrli:endDate>2024-09-28</xbrli:endDate></xbrli:period></xbrli:context>",
        "<xbrli:unit id='USD'><xbrli:measure>iso4217:USD</xbrli:measure></xbrli:unit>",
        *(f"<dei:{name} contextRef='D'>{value}</dei:{name}>" for name, value in COVER.items()),
        *(f"<us-gaap:{name} contextRef='{ctx}' unitRef='USD' decimals='-6'>{value}000000"
          f"</us-gaap:{name}>" for name, (ctx, value) in facts.items()),
        "</xbrli:xbrl>",
    ]
    (folder / "ext.xsd").write_text(EXTENSION, encoding="utf-8")
    instance = folder / "instance.xml"
    instance.write_text("\n".join(lines), encoding="utf-8")
    return instance


def arelle(package: Path, instance: Path) -> list[str]:
    """Warnings and errors of an offline Arelle validation (calculations 1.1, round to decimals)."""
    done = subprocess.run(
        [str(ARELLE), "--packages", str(package), "--file", str(instance), "--validate",
         "--calc=c11r", "--internetConnectivity=offline", "--logLevel=warning"],
        capture_output=True, text=True, timeout=120, check=False)
    return [line for line in (done.stdout + done.stderr).splitlines() if line.strip()]


def package_member(name: str) -> bytes:
    with zipfile.ZipFile(default_package()) as archive:
        return archive.read(f"{PACKAGE_NAME}/{name}")


def test_package_layout_and_catalog_rewrites() -> None:
    with zipfile.ZipFile(default_package()) as archive:
        names = set(archive.namelist())
        assert all(info.date_time == (2024, 1, 31, 0, 0, 0) for info in archive.infolist())
    for member in ("META-INF/taxonomyPackage.xml", "META-INF/catalog.xml",
                   "us-gaap/2024/elts/us-gaap-2024.xsd", "us-gaap/2024/elts/us-types-2024.xsd",
                   "us-gaap/2024/stm/us-gaap-stm-sfp-cls-cal-2024.xml",
                   "srt/2024/elts/srt-types-2024.xsd", "dei/2024/dei-2024.xsd"):
        assert f"{PACKAGE_NAME}/{member}" in names
    rewrites = re.findall(r"uriStartString='([^']+)' rewritePrefix='([^']+)'",
                          package_member("META-INF/catalog.xml").decode())
    assert ("https://xbrl.fasb.org/us-gaap/2024/", "../us-gaap/2024/") in rewrites
    assert ("http://xbrl.fasb.org/us-gaap/2024/", "../us-gaap/2024/") in rewrites
    assert ("https://xbrl.sec.gov/dei/2024/", "../dei/2024/") in rewrites
    assert ("http://xbrl.sec.gov/dei/2024/", "../dei/2024/") in rewrites


def test_concept_schema_declares_the_catalog() -> None:
    schema = etree.fromstring(package_member("us-gaap/2024/elts/us-gaap-2024.xsd"),
                              etree.XMLParser(resolve_entities=False, no_network=True,
                                              huge_tree=True))
    assert schema.get("targetNamespace") == "http://fasb.org/us-gaap/2024"
    elements = {e.get("name"): e for e in schema.iter(f"{XS}element")}
    catalog = load_catalog()
    assert len(elements) == len(catalog) == 17_388
    for concept in catalog:
        element = elements[concept.name]
        assert element.get("id") == f"us-gaap_{concept.name}"
        assert element.get("type") == concept.type
        if concept.substitution_group:
            assert element.get(f"{XBRLI}periodType") == concept.period_type.value
            assert element.get(f"{XBRLI}balance") == (concept.balance and concept.balance.value)
    imports = {i.get("namespace"): i.get("schemaLocation") for i in schema.iter(f"{XS}import")}
    assert imports["http://www.xbrl.org/dtr/type/2022-03-31"] == \
        "https://www.xbrl.org/dtr/type/2022-03-31/types.xsd"
    assert imports["http://fasb.org/us-types/2024"] == "us-types-2024.xsd"


def test_dei_schema_types_and_period_types() -> None:
    schema = etree.fromstring(package_member("dei/2024/dei-2024.xsd"))
    elements = {e.get("name"): (e.get("type"), e.get(f"{XBRLI}periodType"))
                for e in schema.iter(f"{XS}element")}
    assert elements["EntityCentralIndexKey"] == ("dei:centralIndexKeyItemType", "duration")
    assert elements["DocumentFiscalYearFocus"] == ("xbrli:gYearItemType", "duration")
    assert elements["CurrentFiscalYearEndDate"] == ("xbrli:gMonthDayItemType", "duration")
    assert elements["DocumentType"] == ("dei:submissionTypeItemType", "duration")
    assert elements["EntityCommonStockSharesOutstanding"] == ("xbrli:sharesItemType", "instant")
    assert set(COVER) <= elements.keys()


def test_full_package_validates_a_tiny_instance_offline(tmp_path: Path) -> None:
    assert arelle(default_package(), write_instance(tmp_path)) == []


def test_subset_package_validates_and_catches_a_wrong_period(tmp_path: Path) -> None:
    names = set(FACTS)
    package = subset_package(names, tmp_path / "subset.zip")
    good = tmp_path / "good"
    good.mkdir()
    assert arelle(package, write_instance(good)) == []
    bad = tmp_path / "bad"
    bad.mkdir()
    messages = arelle(package, write_instance(bad, {**FACTS, "Assets": ("D", 364980)}))
    assert len(messages) == 1 and "[xbrl.4.7.2:contextPeriodType] Fact us-gaap:Assets" in messages[0]


def test_subset_refuses_unknown_concepts(tmp_path: Path) -> None:
    with pytest.raises(TaxonomyError, match="no concept 'AssetsTotalish'"):
        subset_package({"AssetsTotalish"}, tmp_path / "subset.zip")


def test_rebuild_is_deterministic_and_matches_the_committed_files(tmp_path: Path) -> None:
    first, second = tmp_path / "one", tmp_path / "two"
    summaries = [build(SHARED / "taxonomy-sources", out) for out in (first, second)]
    committed = default_package().parent.parent
    for relative in ("us-gaap-2024/concepts.jsonl.gz", "us-gaap-2024/evidence.jsonl.gz",
                     "packages/xbrlconv-us-gaap-2024.zip"):
        data = (first / relative).read_bytes()
        assert data == (second / relative).read_bytes(), relative
        assert data == (committed / relative).read_bytes(), f"{relative}: rebuild and commit"
    summary = summaries[0]
    assert summary.concepts == 17_388
    assert summary.calc_violations == 0
    assert summary.context_disagreements == ()
