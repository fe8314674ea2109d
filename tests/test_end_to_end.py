"""The reference release, converted end to end: every value, period and concept, and the report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from converter.cli import main
from tests.conftest import EXAMPLE, ROOT, SEED, shared_path
from tests.factdump import fact_rows

GOLDEN = ROOT / "tests" / "golden" / "seed_facts.tsv"


@pytest.fixture(scope="module")
def seed_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[int, Path]:
    shared_path("seed")
    out = tmp_path_factory.mktemp("seed") / "out"
    code = main(["convert", str(SEED), "-o", str(out), "--cik", "844143", "--name", "Innovo Group Inc.",
                 "--ticker", "INNO"])
    return code, out


def _report(out: Path) -> dict:
    return json.loads((out / "report.json").read_text(encoding="utf-8"))


def test_seed_converts_valid(seed_run: tuple[int, Path]) -> None:
    code, out = seed_run
    report = _report(out)
    assert code == 0, report["errors"]
    assert report["errors"] == []
    assert report["instance"] == "inno-20030301.xml"
    assert (out / report["instance"]).is_file()
    assert Path(report["taxonomy_package"]).is_absolute() and Path(report["taxonomy_package"]).is_file()
    for suffix in (".xsd", "_cal.xml", "_pre.xml", "_lab.xml"):
        assert (out / f"inno-20030301{suffix}").is_file()


def test_seed_facts_match_golden(seed_run: tuple[int, Path]) -> None:
    _, out = seed_run
    rows = fact_rows(out / "inno-20030301.xml")
    assert rows == GOLDEN.read_text(encoding="utf-8").splitlines()


def test_seed_has_its_77_printed_values(seed_run: tuple[int, Path]) -> None:
    _, out = seed_run
    nonzero = [row for row in fact_rows(out / "inno-20030301.xml") if row.split("\t")[2] not in ("0",)]
    assert len(nonzero) == 77


def test_seed_reports_only_the_current_liabilities_slip(seed_run: tuple[int, Path]) -> None:
    _, out = seed_run
    warnings = _report(out)["warnings"]
    calc = [w for w in warnings if "calc" in w["code"].lower() or "summation" in w["code"].lower()]
    assert len(calc) == 1, calc
    assert calc[0]["concept"] == "us-gaap:LiabilitiesCurrent"
    assert calc[0]["source_line"] == 233
    assert "us-gaap:LiabilitiesCurrent is 8188000 but its items sum to 8198000" in calc[0]["message"]


def test_seed_mapping_entries(seed_run: tuple[int, Path]) -> None:
    _, out = seed_run
    mapping = _report(out)["mapping"]
    assert len(mapping) == 40
    assert {m["statement"] for m in mapping} == {"balance_sheet", "income_statement"}
    for entry in mapping:
        assert 0.0 <= entry["confidence"] <= 1.0
        assert isinstance(entry["alternatives"], list)
        assert entry["source_line"] > 0
    by_line = {m["source_line"]: m for m in mapping}
    assert by_line[248]["concept"] == "us-gaap:TreasuryStockValue"
    assert by_line[247]["concept"] == "us-gaap:StockholdersEquityNoteSubscriptionsReceivable"
    assert by_line[230]["concept"] == "inno:DueToRelatedParties"
    assert by_line[230]["reason"] == "filers used their own extension concepts for labels like this one"
    assert by_line[298]["concept"] == "us-gaap:NetIncomeLoss"


def test_bundled_example_gives_the_seed_facts(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["convert", str(EXAMPLE), "-o", str(out), "--cik", "844143", "--name", "Innovo Group Inc.",
                 "--ticker", "INNO"]) == 0
    assert fact_rows(out / "inno-20030301.xml") == GOLDEN.read_text(encoding="utf-8").splitlines()


def test_mapping_file_global_and_company_entries(tmp_path: Path) -> None:
    overrides = tmp_path / "mapping.yaml"
    overrides.write_text(
        'global:\n  "Due to related parties": "us-gaap:AccountsPayableCurrent"\n'
        'companies:\n  "844143":\n    "NET SALES": "us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax"\n'
        '  "999":\n    "COST OF GOODS SOLD": "us-gaap:CostOfRevenue"\n', encoding="utf-8")
    out = tmp_path / "out"
    assert main(["convert", str(EXAMPLE), "-o", str(out), "--cik", "844143", "--mapping", str(overrides)]) == 0
    by_label = {m["label"]: m["concept"] for m in _report(out)["mapping"]}
    assert by_label["Due to related parties"] == "us-gaap:AccountsPayableCurrent"
    assert by_label["NET SALES"] == "us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax"
    assert by_label["COST OF GOODS SOLD"] == "us-gaap:CostOfGoodsAndServicesSold"
    rows = fact_rows(out / "innovo-20030301.xml")
    assert "us-gaap:AccountsPayableCurrent\t2003-03-01\t4522000" in rows


def test_mapping_file_with_unknown_concept_is_a_usage_error(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    overrides = tmp_path / "mapping.yaml"
    overrides.write_text('global:\n  "NET SALES": "us-gaap:NoSuchRevenueConcept"\n', encoding="utf-8")
    out = tmp_path / "out"
    assert main(["convert", str(EXAMPLE), "-o", str(out), "--mapping", str(overrides)]) == 2
    err = capsys.readouterr().err
    assert "mapping.yaml" in err and "NoSuchRevenueConcept" in err and err.count("\n") == 1
    assert not out.exists()
