"""Rows whose sign follows their caption: "(Gain) loss on sale", "Other (income) expense, net",
"(Increase) decrease in accounts receivable". Each value must come out with its concept's sign
convention (a gain, an increase, income positive), whatever section the row sits in. The
fixtures are statements written for these tests (tests/fixtures/html/signs), converted through
the pipeline once per module."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from converter.model import Balance, XbrlReport
from converter.pipeline import ConvertOptions, prepare
from converter.readers.rows import caption_direction
from converter.readers.vocab import vocabulary

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "html" / "signs"


def _facts(name: str) -> dict[tuple[str, int], Decimal]:
    prepared = prepare(ConvertOptions(input=FIXTURES / name, outdir=Path("unused"), validate=False))
    assert not [d for d in prepared.diagnostics if d.code.startswith("check.")]
    report: XbrlReport = prepared.report
    years = {context.id: context.period.end.year for context in report.contexts}
    return {(fact.concept.removeprefix("us-gaap:"), years[fact.context_id]): fact.value
            for fact in report.facts
            if fact.concept.startswith("us-gaap:") and isinstance(fact.value, Decimal)}


@pytest.fixture(scope="module")
def income() -> dict[tuple[str, int], Decimal]:
    return _facts("income_captions.html")


@pytest.fixture(scope="module")
def cash_flow() -> dict[tuple[str, int], Decimal]:
    return _facts("cash_flow_captions.html")


@pytest.mark.parametrize(("label", "direction"), [
    ("(Gain) loss on sale of assets", Balance.DEBIT),
    ("Loss (gain) on extinguishment of debt", Balance.DEBIT),
    ("Other (income) expense, net", Balance.DEBIT),
    ("Provision for (benefit from) income taxes", Balance.DEBIT),
    ("Gain (loss) on investments, net", Balance.CREDIT),
    ("Benefit (provision) for income taxes", Balance.CREDIT),
    ("Income tax (expense)/benefit", Balance.CREDIT),
    ("Less: net earnings/(loss) attributable to noncontrolling interest", None),  # a subtraction
    ("(Increase) decrease in accounts receivable", None),  # no balance word: the cash-effect rule decides
    ("Selling, general and administrative", None),
])
def test_the_direction_a_caption_names(label: str, direction: Balance | None) -> None:
    assert caption_direction(vocabulary(), label) is direction


def test_a_gain_in_parentheses_among_expenses_is_a_positive_gain(income) -> None:
    # "(Gain) loss on sale of assets  (120)  35": a gain of 120, a loss of 35
    assert (income[("GainsLossesOnSalesOfAssets", 2024)], income[("GainsLossesOnSalesOfAssets", 2023)]) == (
        Decimal(120_000), Decimal(-35_000))


def test_other_income_in_parentheses_is_positive_income(income) -> None:
    # "Other (income) expense, net  (30)  15": income of 30, an expense of 15
    other = "OtherNonoperatingIncomeExpense"
    assert (income[(other, 2024)], income[(other, 2023)]) == (Decimal(30_000), Decimal(-15_000))


def test_captions_printing_the_concepts_own_direction_keep_the_printed_sign(income) -> None:
    assert (income[("GainLossOnInvestments", 2024)], income[("GainLossOnInvestments", 2023)]) == (
        Decimal(-40_000), Decimal(25_000))  # "Gain (loss) on investments  (40)  25"
    assert (income[("IncomeTaxExpenseBenefit", 2024)], income[("IncomeTaxExpenseBenefit", 2023)]) == (
        Decimal(262_000), Decimal(-20_000))  # "Provision for (benefit from) income taxes  262  (20)"


def test_changes_in_working_capital_are_increases_of_the_balance(cash_flow) -> None:
    # "(Increase) decrease in accounts receivable  (100)  40": receivables rose 100, then fell 40
    assert (cash_flow[("IncreaseDecreaseInAccountsReceivable", 2024)],
            cash_flow[("IncreaseDecreaseInAccountsReceivable", 2023)]) == (Decimal(100_000), Decimal(-40_000))
    assert (cash_flow[("IncreaseDecreaseInInventories", 2024)],
            cash_flow[("IncreaseDecreaseInInventories", 2023)]) == (Decimal(-30_000), Decimal(25_000))
    # "Increase (decrease) in accounts payable  50  (10)"
    assert (cash_flow[("IncreaseDecreaseInAccountsPayable", 2024)],
            cash_flow[("IncreaseDecreaseInAccountsPayable", 2023)]) == (Decimal(50_000), Decimal(-10_000))


def test_a_gain_subtracted_in_a_cash_flow_statement_is_a_positive_gain(cash_flow) -> None:
    # "(Gain) loss on sale of equipment  (50)  20" among the adjustments
    assert (cash_flow[("GainLossOnSaleOfPropertyPlantEquipment", 2024)],
            cash_flow[("GainLossOnSaleOfPropertyPlantEquipment", 2023)]) == (
                Decimal(50_000), Decimal(-20_000))
    assert cash_flow[("NetCashProvidedByUsedInOperatingActivities", 2024)] == Decimal(1_110_000)
    assert cash_flow[("PaymentsToAcquirePropertyPlantAndEquipment", 2024)] == Decimal(400_000)
