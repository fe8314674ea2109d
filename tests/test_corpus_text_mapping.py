"""The shared text filings end to end: concepts of their older vocabulary and a clean
validation (the source's arithmetic holds, no value is lost to a duplicate)."""

from __future__ import annotations

from pathlib import Path

from converter.model import Severity
from converter.pipeline import ConvertOptions, convert
from converter.validate import Validator
from tests.conftest import shared_path


def test_sears_2004_maps_the_cumulative_effect_rows_and_keeps_both_earnings_per_share(
        validator: Validator, tmp_path: Path) -> None:
    folder = shared_path("corpus", "text")
    (source,) = [p for p in folder.glob("*sears*/*.txt") if p.name != "SOURCES.txt"]
    result = convert(ConvertOptions(input=source, outdir=tmp_path / "out"), validator=validator)
    assert [d.code for d in result.diagnostics if d.severity is not Severity.INFO] == []
    text = result.instance.read_text(encoding="utf-8")
    assert "us-gaap:IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest" in text
    assert "<us-gaap:IncomeLossFromContinuingOperations " in text
    # the same label under "Basic" and under "Diluted": two extension concepts, no value dropped
    assert text.count("<sears:EarningsPerShareBeforeCumulativeEffectOfChangeInAccountingPrincipleBasic ") == 4
    assert text.count("<sears:EarningsPerShareBeforeCumulativeEffectOfChangeInAccountingPrincipleDiluted ") == 4
    assert result.facts == 226  # 216 statement and report facts, 10 cover facts from the SEC header
