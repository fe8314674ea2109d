"""The SEC's own EDGAR checks on every shared document, in XBRL and Inline XBRL form.

Each document is converted once, and every output is checked in one warm session with the
Arelle EDGAR plug-in (../shared/tools/arelle-edgar/validate, disclosure system efm-pragmatic).
Besides the standard-label notes of the offline package (EFM 6.10.1 on us-gaap concepts), no
output may have an EFM or EDGAR error; the DQC findings and warnings are the ones the README
lists, with their reasons.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from benchmarks.efm import counts, is_label_gap, shared_documents
from converter.errors import InputError
from converter.model import Diagnostic, Severity, XbrlReport
from converter.pipeline import ConvertOptions, convert
from converter.taxonomy.package import default_package
from converter.validate import Validator
from converter.writers import write_xbrl
from tests.conftest import SEED, SHARED, shared_path

DOCUMENTS = shared_documents(SHARED) if (SHARED / "corpus").is_dir() else []
STATEMENT_LESS = {"0001011438-98-000429.txt", "BuckleInc.8-K.html"}  # an 8-K letter, a cover 8-K
# DQC findings that remain, the same in both outputs of a document: face-statement lines in no
# calculation (DQC 0099, 0048: a mapping slip or arithmetic the statement does not show) and
# pre-2018 cash-flow balances that are cash and cash equivalents only (DQC 0057); see README,
# "EDGAR checks".
KNOWN_DQC: dict[str, dict[str, int]] = {
    "innovo-20030301": {},
    "amazon-19980630": {"DQC.US.0057.9728": 2, "DQC.US.0099.9533": 4},
    "sears-20040703": {"DQC.US.0099.9533": 1},
    "alabama-20041231": {"DQC.US.0099.9533": 1},
    "apple-20231230": {},
    "apple-20040626": {},
    "apple-20101225": {"DQC.US.0057.9728": 1, "DQC.US.0099.9533": 1},
    "buckle-20241102": {"DQC.US.0099.9533": 1},
    "caterpillar-20220331": {"DQC.US.0048.7482": 1, "DQC.US.0099.9533": 2},
    "oracle-20140531": {"DQC.US.0057.9728": 1, "DQC.US.0099.9533": 2},
    "oracle-20220531": {"DQC.US.0057.9728": 1, "DQC.US.0099.9533": 2},
}
# Warnings that remain (README, "EDGAR checks"): cover facts the source does not give (6.5.40,
# 6.5.47, 6.5.48), XBRL 2.1 instances where EDGAR wants Inline XBRL for an 8-K (EXG.12.08), the
# sources' own arithmetic slips (calc11e).
ALLOWED_WARNINGS = ("EFM.6.05.40.", "EFM.6.05.47.", "EFM.6.05.48.", "EXG.12.08", "calc11e:")


@pytest.fixture(scope="module")
def efm_validator() -> Iterator[Validator]:
    with Validator(default_package(), efm_plugin=shared_path("tools", "arelle-edgar", "validate")) as warm:
        yield warm


@pytest.fixture(scope="module")
def findings(efm_validator: Validator, tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Diagnostic, ...]]:
    """Output file name -> the plug-in's findings, for every output of every shared document."""
    results: dict[str, tuple[Diagnostic, ...]] = {}
    out = tmp_path_factory.mktemp("efm")
    for number, document in enumerate(DOCUMENTS):
        try:
            result = convert(ConvertOptions(input=document, outdir=out / str(number), formats=("xbrl", "ixbrl"),
                                            validate=False))
        except InputError as exc:
            assert document.name in STATEMENT_LESS, exc
            continue
        for path in (result.instance, result.instance.with_suffix(".htm")):
            results[path.name] = efm_validator.validate(path, {})
    return results


def test_every_shared_document_is_checked(findings: dict[str, tuple[Diagnostic, ...]]) -> None:
    assert sorted({name.rsplit(".", 1)[0] for name in findings}) == sorted(KNOWN_DQC)
    assert len(findings) == 2 * len(KNOWN_DQC)


@pytest.mark.parametrize("suffix", [".xml", ".htm"])
@pytest.mark.parametrize("stem", sorted(KNOWN_DQC))
def test_no_edgar_error_besides_the_offline_label_notes(findings: dict[str, tuple[Diagnostic, ...]],
                                                         stem: str, suffix: str) -> None:
    diagnostics = findings[stem + suffix]
    errors, dqc, warnings, gaps = counts(diagnostics)
    assert errors == Counter(), [d.message for d in diagnostics if d.code in errors]
    assert dict(dqc) == KNOWN_DQC[stem]
    assert all(code.startswith(ALLOWED_WARNINGS) for code in warnings), sorted(warnings)
    notes = [d for d in diagnostics if d.code == "EFM.6.10.01"]
    assert gaps == len(notes) > 0  # every standard-label finding is a us-gaap concept's
    assert {d.severity for d in notes} == {Severity.INFO}


def test_dei_cover_facts_are_labelled_and_presented(findings: dict[str, tuple[Diagnostic, ...]]) -> None:
    for name, diagnostics in findings.items():
        codes = {d.code for d in diagnostics}
        assert not codes & {"EFM.6.12.03", "EFM.6.07.04", "EFM.6.07.11", "EFM.5.02.05.disallowedElement",
                            "EFM.5.02.01.01", "EFM.6.10.04", "EFM.6.07.16"}, name
        assert not [d for d in diagnostics if d.code == "EFM.6.10.01" and not is_label_gap(d)], name


def test_planted_defects_are_reported_with_their_codes(efm_validator: Validator, seed_report: XbrlReport,
                                                       tmp_path: Path) -> None:
    cash = next(f for f in seed_report.facts if f.concept == "us-gaap:CashAndCashEquivalentsAtCarryingValue")
    other = replace(cash, id="f-planted", value=cash.value + 1000)  # the same fact, a different value
    deprecated = next(f for f in seed_report.facts if f.concept == "us-gaap:AssetsCurrent")
    stale = replace(deprecated, id="f-stale", concept="us-gaap:IncreaseInRestrictedCash")  # deprecated in 2022
    report = replace(seed_report, facts=(*seed_report.facts, other, stale))
    instance = write_xbrl(report, tmp_path)[0]
    diagnostics = efm_validator.validate(instance, {"f-planted": 999, "f-stale": 998})
    duplicate = next(d for d in diagnostics if d.code == "EFM.6.05.12")
    assert (duplicate.severity, duplicate.concept) == (Severity.ERROR, "us-gaap:CashAndCashEquivalentsAtCarryingValue")
    assert str(cash.value) in duplicate.message and str(other.value) in duplicate.message
    stale_finding = next(d for d in diagnostics if d.code == "EFM.6.05.42")
    assert (stale_finding.concept, stale_finding.fact, stale_finding.source_line) == (
        "us-gaap:IncreaseInRestrictedCash", "f-stale", 998)
    assert "deprecated as of 2022" in stale_finding.message


def test_convert_with_efm_writes_the_findings_into_the_report(efm_validator: Validator, tmp_path: Path) -> None:
    cover = tmp_path / "cover.yaml"
    cover.write_text("EntityEmergingGrowthCompany: false\n", encoding="utf-8")
    source = shared_path(*SEED.relative_to(SHARED).parts)
    result = convert(ConvertOptions(input=source, outdir=tmp_path / "out", cover=cover), validator=efm_validator)
    report = json.loads(result.report.read_text(encoding="utf-8"))
    assert report["errors"] == []
    assert report["offline_label_gaps"] == ["http://fasb.org/srt/2024", "http://fasb.org/us-gaap/2024"]
    codes = {d["code"] for d in report["warnings"]}
    assert "EFM.6.05.40.entityEmergingGrowthCompanyMissing" not in codes  # the cover file gave it
    note = next(d for d in report["warnings"] if d["code"] == "EFM.6.10.01")
    assert (note["severity"], note["concept"], note["source_line"]) == (
        "info", "us-gaap:CashAndCashEquivalentsAtCarryingValue", 206)  # the cash row of the balance sheet
    assert note["fact"] in {"f-1", "f-2"}  # one of its two facts
