"""The mapper's confidence model: the shipped parameters, their checks, the fit, and what the
confidence says on the seed."""

from __future__ import annotations

import math
import random
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from converter.errors import TaxonomyError
from converter.learning.confidence import Judged, fit_confidence, render
from converter.mapping.confidence import Evidence, confidence_model
from converter.mapping.params import FEATURES, load_model

SHIPPED = load_model().confidence


def _evidence(probability: float = 0.99, margin: float = 2.0, agree: int = 0, dissent: int = 0,
              **features: float) -> Evidence:
    return Evidence(probability, margin, agree, dissent, {f: features.get(f, 0.0) for f in FEATURES})


def test_shipped_calibration_is_increasing_and_never_certain() -> None:
    points = SHIPPED.calibration
    assert points[0] == (0.0, 0.0) and points[-1][0] == 1.0
    assert all(a <= b for a, b in zip(points, points[1:]))
    assert points[-1][1] < 1.0  # no choice of the mapper is right for sure: the benchmark never showed it


def test_more_filers_printing_the_label_with_the_concept_raise_the_confidence() -> None:
    weights = dict(zip(SHIPPED.inputs, SHIPPED.coefficients))
    assert weights["agree"] > 0 > weights["dissent"]
    lone = SHIPPED(_evidence(agree=1, dissent=2, vote=0.4, row=0.6, cover=0.5))
    shared = SHIPPED(_evidence(agree=12, dissent=0, vote=0.95, row=1.0, cover=0.5))
    assert lone < 0.6 and shared > 0.85 and shared - lone > 0.3


@given(st.floats(0.0, 1.0), st.floats(-5.0, 8.0), st.integers(0, 40), st.integers(0, 40),
       st.floats(0.0, 1.0), st.floats(0.0, 1.0))
def test_confidence_is_a_probability_and_grows_with_agreement(probability: float, margin: float, agree: int,
                                                              dissent: int, vote: float, row: float) -> None:
    low = SHIPPED(_evidence(probability, margin, agree, dissent, vote=vote, row=row))
    high = SHIPPED(_evidence(probability, margin, agree + 5, dissent, vote=vote, row=row))
    assert 0.0 <= low <= high <= 1.0


@pytest.mark.parametrize(("block", "says"), [
    ({"inputs": ["logit", "luck"], "coefficients": [1, 2], "intercept": 0, "calibration": [[0, 0], [1, 1]]},
     "unknown inputs: luck"),
    ({"inputs": ["logit"], "coefficients": [1, 2], "intercept": 0, "calibration": [[0, 0], [1, 1]]},
     "one coefficient per input"),
    ({"inputs": ["logit"], "coefficients": [1], "intercept": 0, "calibration": [[0, 0.5], [0.5, 0.2]]},
     "increasing"),
    ({"inputs": ["logit"], "coefficients": [1], "intercept": 0, "calibration": [[0, 0], [1, 1.5]]},
     "in [0, 1]"),
    (None, "no confidence block"),
])
def test_a_malformed_block_is_an_error_naming_the_file(block: object, says: str) -> None:
    with pytest.raises(TaxonomyError, match=re.escape(says)) as caught:
        confidence_model(block, FEATURES, Path("model.yaml"))
    assert "model.yaml" in str(caught.value.file)


def _synthetic(seed: int) -> list[Judged]:
    """Choices of eight companies where agreement among filers predicts being right."""
    rng = random.Random(seed)
    judged = []
    for n in range(1600):
        agree, dissent = rng.randint(0, 20), rng.randint(0, 5)
        chance = 1 / (1 + math.exp(-(0.35 * agree - 0.8 * dissent - 1.0)))
        judged.append(Judged(_evidence(rng.uniform(0.3, 1.0), rng.uniform(0, 4), agree, dissent,
                                       vote=rng.random()), rng.random() < chance, f"c{n % 8}"))
    return judged


def test_fitted_model_learns_what_predicts_a_right_choice_and_is_calibrated() -> None:
    judged = _synthetic(7)
    model = fit_confidence(judged)
    weights = dict(zip(model.inputs, model.coefficients))
    assert weights["agree"] > 0 > weights["dissent"]
    for low, high in ((0.0, 0.5), (0.5, 0.8), (0.8, 1.01)):
        band = [j for j in _synthetic(8) if low <= model(j.evidence) < high]
        if len(band) > 50:  # on fresh choices, a band's share right lies near its confidences
            share = sum(j.right for j in band) / len(band)
            mean = sum(model(j.evidence) for j in band) / len(band)
            assert abs(share - mean) < 0.08, (low, high, share, mean)
    assert render(model).startswith("confidence:\n  inputs: [logit, margin, agree, dissent")


def test_seed_rows_the_mapper_is_sure_of_are_the_expected_concepts() -> None:
    from converter.mapping import Mapper
    from converter.readers import read_document
    from converter.taxonomy.catalog import load_catalog
    from tests.conftest import shared_path
    from tests.test_mapping_seed import SEED_ROWS

    accepted = {(kind, label, value): concepts for kind, _, label, value, _, _, concepts in SEED_ROWS}
    mapper = Mapper(load_catalog())
    sure = []
    for statement in read_document(shared_path("seed", "000_42643171a94e83b9.txt")).statements:
        for item, mapping in zip(statement.items, mapper.map_statement(statement)):
            if mapping.confidence >= 0.9:
                sure.append((statement.kind, item.label, item.kind, mapping.concept.name))
    assert len(sure) >= 12
    assert [row for row in sure if row[3] not in accepted[row[:3]]] == []
