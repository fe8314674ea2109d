"""xBRL-JSON and xBRL-CSV: Arelle loads them back offline to the instance's facts."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from converter.facts import build_report
from converter.model import Column, Document, DocumentMeta, StatementKind, ValueKind, XbrlReport
from converter.validate import Validator
from converter.writers import Writer, write_csv, write_json, write_xbrl
from tests.facts_fixtures import ENTITY, Q1_2002, Q1_2003, statement

PURE = "{http://www.xbrl.org/2003/instance}pure"


@pytest.fixture(scope="module")
def rate_report() -> XbrlReport:
    """A pure-number row and a per-share row beside money: every unit form OIM writes."""
    rows = (
        ("Revenue", "", "us-gaap:Revenues", None, ("1,200", "900"), False, ValueKind.MONETARY),
        ("Effective tax rate", "", "us-gaap:EffectiveIncomeTaxRateContinuingOperations", None,
         ("0.21", "0.35"), False, ValueKind.PURE),
        ("Basic", "PER SHARE", "us-gaap:EarningsPerShareBasic", None, ("0.02", "(0.03)"), False,
         ValueKind.PER_SHARE),
    )
    sheet, mappings = statement(StatementKind.INCOME_STATEMENT, "Operations",
                                (Column(Q1_2003, "2003"), Column(Q1_2002, "2002")), rows, (10, 11, 12))
    return build_report(Document(DocumentMeta(source="x"), (sheet,)), (mappings,), ENTITY, "10-Q")


@pytest.mark.parametrize("writer", [write_json, write_csv], ids=["json", "csv"])
@pytest.mark.parametrize("which", ["seed_report", "rate_report"])
def test_oim_reports_load_back_to_the_instance_facts(
        validator: Validator, writer: Writer, which: str, request: pytest.FixtureRequest,
        tmp_path: Path) -> None:
    report: XbrlReport = request.getfixturevalue(which)
    instance = write_xbrl(report, tmp_path)[0]
    oim = writer(report, tmp_path)[0]
    expected = validator.read_fact_rows(instance)
    assert len(expected) == len(report.facts)
    assert validator.read_fact_rows(oim) == expected


def test_oim_reports_validate_like_the_instance(validator: Validator, seed_report: XbrlReport,
                                               tmp_path: Path) -> None:
    for oim in (write_json(seed_report, tmp_path)[0], write_csv(seed_report, tmp_path)[0]):
        diagnostics = validator.validate(oim, {})
        assert [(d.code, d.concept) for d in diagnostics] == [
            ("calc11e:inconsistentCalculationUsingRounding", "us-gaap:LiabilitiesCurrent")]


def test_json_fact_carries_oim_dimensions(seed_report: XbrlReport, tmp_path: Path) -> None:
    document = json.loads(write_json(seed_report, tmp_path)[0].read_text(encoding="utf-8"))
    info = document["documentInfo"]
    assert info["documentType"] == "https://xbrl.org/2021/xbrl-json"
    assert info["taxonomy"] == ["inno-20030301.xsd"]
    assert info["namespaces"]["us-gaap"] == "http://fasb.org/us-gaap/2024"
    (deficit,) = [f for f in document["facts"].values()
                  if f["dimensions"]["concept"] == "us-gaap:RetainedEarningsAccumulatedDeficit"
                  and f["dimensions"]["period"] == "2003-03-02T00:00:00"]
    assert deficit == {"value": "-33227000", "decimals": -3, "dimensions": {
        "concept": "us-gaap:RetainedEarningsAccumulatedDeficit", "entity": "cik:0000844143",
        "period": "2003-03-02T00:00:00", "unit": "iso4217:USD"}}


def test_pure_numbers_have_no_unit_dimension(rate_report: XbrlReport, validator: Validator,
                                             tmp_path: Path) -> None:
    document = json.loads(write_json(rate_report, tmp_path)[0].read_text(encoding="utf-8"))
    rates = [f for f in document["facts"].values()
             if f["dimensions"]["concept"] == "us-gaap:EffectiveIncomeTaxRateContinuingOperations"]
    assert sorted(f["value"] for f in rates) == ["0.21", "0.35"]
    assert all("unit" not in f["dimensions"] for f in rates)
    eps = [f for f in document["facts"].values()
           if f["dimensions"]["concept"] == "us-gaap:EarningsPerShareBasic"]
    assert {f["dimensions"]["unit"] for f in eps} == {"iso4217:USD/xbrli:shares"}
    loaded = validator.read_fact_rows(tmp_path / f"{rate_report.stem}.json")
    assert {r.unit for r in loaded if r.concept.endswith("EffectiveIncomeTaxRateContinuingOperations")} == {PURE}


def test_csv_tables_hold_numbers_and_text_apart(seed_report: XbrlReport, tmp_path: Path) -> None:
    written = write_csv(seed_report, tmp_path)
    metadata = json.loads(written[0].read_text(encoding="utf-8"))
    assert metadata["documentInfo"]["documentType"] == "https://xbrl.org/2021/xbrl-csv"
    tables = {name: list(csv.DictReader((tmp_path / table["url"]).open(encoding="utf-8", newline="")))
              for name, table in metadata["tables"].items()}
    assert len(tables["numeric"]) == 80 and len(tables["text"]) == 6
    assert {"concept": "dei:EntityCentralIndexKey", "value": "0000844143"}.items() <= {
        k: v for row in tables["text"] if row["concept"] == "dei:EntityCentralIndexKey"
        for k, v in row.items()}.items()
    (assets,) = [r for r in tables["numeric"]
                 if r["concept"] == "us-gaap:Assets" and r["period"] == "2003-03-02T00:00:00"]
    assert (assets["value"], assets["decimals"], assets["unit"]) == ("15990000", "-3", "iso4217:USD")
