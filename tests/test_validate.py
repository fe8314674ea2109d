"""Arelle validation of rendered reports against the shipped taxonomy package."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from converter.errors import ValidationSetupError
from converter.model import Severity, XbrlReport
from converter.taxonomy.package import default_package
from converter.validate import Validator
from converter.writers import write_xbrl


def test_seed_like_report_has_only_the_sources_calc_slip(
        validator: Validator, seed_report: XbrlReport, tmp_path: Path,
        capfd: pytest.CaptureFixture[str]) -> None:
    instance = write_xbrl(seed_report, tmp_path)[0]
    diagnostics = validator.validate(instance, seed_report.fact_lines)
    assert capfd.readouterr() == ("", "")
    (slip,) = diagnostics
    assert slip.code.startswith("calc11e:inconsistentCalculation")
    assert (slip.severity, slip.concept, slip.source_line) == (
        Severity.WARNING, "us-gaap:LiabilitiesCurrent", 233)
    assert "8188000" in slip.message and "8198000" in slip.message and "line 233" in slip.message


def test_arelle_reads_back_the_model_values(validator: Validator, seed_report: XbrlReport,
                                            tmp_path: Path) -> None:
    instance = write_xbrl(seed_report, tmp_path)[0]
    assert validator.read_facts(instance) == {f.id: f.value for f in seed_report.facts}


def test_errors_are_errors_with_their_source_line(validator: Validator, seed_report: XbrlReport,
                                                  tmp_path: Path) -> None:
    treasury = next(f for f in seed_report.facts if f.concept == "us-gaap:TreasuryStockValue")
    wrong = replace(treasury, concept="us-gaap:NoSuchConceptAnywhere")
    report = replace(seed_report, facts=tuple(wrong if f is treasury else f for f in seed_report.facts))
    instance = write_xbrl(report, tmp_path)[0]
    errors = [d for d in validator.validate(instance, report.fact_lines)
              if d.severity is Severity.ERROR]
    assert errors
    assert {d.source_line for d in errors} == {treasury.source_line}


def test_missing_package_is_a_setup_error(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.zip"
    with pytest.raises(ValidationSetupError, match="nowhere.zip") as caught:
        Validator(missing)
    assert caught.value.hint


def test_broken_package_is_a_setup_error(seed_report: XbrlReport, tmp_path: Path) -> None:
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"not a zip")
    instance = write_xbrl(seed_report, tmp_path / "out")[0]
    with Validator(broken) as validator, pytest.raises(ValidationSetupError, match="broken.zip"):
        validator.validate(instance, {})


def test_subset_and_whole_package_give_the_same_verdict(
        validator: Validator, seed_report: XbrlReport, tmp_path: Path) -> None:
    instance = write_xbrl(seed_report, tmp_path)[0]
    fast = validator.validate(instance, seed_report.fact_lines)
    with Validator(default_package(), subset=False) as whole:
        slow = whole.validate(instance, seed_report.fact_lines)
    assert fast == slow
    assert [d.concept for d in fast] == ["us-gaap:LiabilitiesCurrent"]


def test_unit_registry_is_checked(validator: Validator, seed_report: XbrlReport, tmp_path: Path) -> None:
    eps = next(f for f in seed_report.facts if f.concept == "us-gaap:EarningsPerShareBasic")
    usd = next(u.id for u in seed_report.units if u.numerators == ("iso4217:USD",) and not u.denominators)
    wrong = replace(eps, unit_id=usd)
    report = replace(seed_report, facts=tuple(wrong if f is eps else f for f in seed_report.facts))
    instance = write_xbrl(report, tmp_path)[0]
    errors = [d for d in validator.validate(instance, report.fact_lines) if d.severity is Severity.ERROR]
    assert any(d.code.startswith("utre:") and d.concept == "us-gaap:EarningsPerShareBasic" for d in errors), errors
