"""The rows of an EPS computation printed on the face: the money it divides and the shares it
divides by are no per-share amounts, though their labels say "earnings per share" and they sit
under an "Earnings per share:" heading (tests/fixtures/html/kinds, written for these tests)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from converter.mapping.context import load_cues
from converter.mapping.normalize import load_normalizer
from converter.model import ValueKind
from converter.readers import read_document

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "html" / "kinds" / "eps_computation.html"


@pytest.fixture(scope="module")
def rows() -> dict[str, tuple[ValueKind, tuple[Decimal, ...]]]:
    (statement,) = read_document(FIXTURE).statements
    return {item.label: (item.kind, item.values) for item in statement.items}


@pytest.mark.parametrize(("label", "kind", "first"), [
    ("Numerator for basic earnings per share", ValueKind.MONETARY, Decimal(17_600_000)),
    ("Income allocated to common stock for diluted EPS", ValueKind.MONETARY, Decimal(17_550_000)),
    ("Denominator for diluted earnings per share", ValueKind.SHARES, Decimal(5_049_000)),
    ("Dilutive common stock options", ValueKind.SHARES, Decimal(49_000)),
    ("Basic earnings per share", ValueKind.PER_SHARE, Decimal("3.52")),
])
def test_an_eps_computation_keeps_its_money_and_shares(rows, label: str, kind: ValueKind, first: Decimal) -> None:
    assert rows[label][0] is kind
    assert rows[label][1][0] == first


@pytest.mark.parametrize(("label", "kind"), [
    ("Numerator for basic earnings per share", ValueKind.MONETARY),
    ("Denominator for diluted earnings per share", ValueKind.SHARES),
    ("Dilutive effect of common share equivalents", ValueKind.SHARES),
    ("Diluted earnings per share", ValueKind.PER_SHARE),
])
def test_the_mappers_guess_of_a_rows_kind_agrees(label: str, kind: ValueKind) -> None:
    normalizer = load_normalizer()
    assert load_cues(normalizer).kind_of(label, "Earnings per share:", normalizer) is kind
