"""How sure the mapper is of a candidate: the chance, learned from other filers' choices, that
it is the concept the filer itself would use.

The softmax share that ranks the candidates says how far one concept beats the others on
this label; it does not say how often such a winner is the filer's own concept (a label
that three filers printed with one concept each wins as clearly as one that thirty printed
with the same). The confidence model combines the share with the evidence behind it —
the margin over the next candidate, how many filers printed exactly this label with this
concept and how many with another, the companies' votes — in a logistic model, then maps
its output to the share of such choices that were right (leave-one-company-out, the
calibration points). Its parameters are data (`model.yaml`, `confidence:`), fitted by
`benchmarks/mapping.py --fit` (`converter.learning.confidence`).
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from converter.errors import TaxonomyError


@dataclass(frozen=True)
class Evidence:
    """What stands behind one candidate of one row."""

    probability: float  # its softmax share among the candidates (and "none of these")
    margin: float  # its score minus the best score of any other candidate
    agree: int  # companies that printed exactly this label with this concept
    dissent: int  # companies that printed exactly this label with another concept
    features: Mapping[str, float]  # its scoring features (`params.FEATURES`)


_MARGIN_CAP = 6.0
_EPSILON = 1e-6

INPUTS: dict[str, Callable[[Evidence], float]] = {
    "logit": lambda e: math.log(min(max(e.probability, _EPSILON), 1 - _EPSILON)
                                / (1 - min(max(e.probability, _EPSILON), 1 - _EPSILON))),
    "margin": lambda e: min(e.margin, _MARGIN_CAP),
    "agree": lambda e: math.log1p(e.agree),
    "dissent": lambda e: math.log1p(e.dissent),
}


def input_value(name: str, evidence: Evidence) -> float:
    """One input of the model: a derived one of `INPUTS`, else a scoring feature."""
    derive = INPUTS.get(name)
    return derive(evidence) if derive is not None else float(evidence.features.get(name, 0.0))


@dataclass(frozen=True)
class ConfidenceModel:
    inputs: tuple[str, ...]
    coefficients: tuple[float, ...]
    intercept: float
    calibration: tuple[tuple[float, float], ...]  # logistic output -> observed share right

    def __call__(self, evidence: Evidence) -> float:
        z = self.intercept + sum(c * input_value(n, evidence) for n, c in zip(self.inputs, self.coefficients))
        return self.calibrate(1.0 / (1.0 + math.exp(-max(min(z, 40.0), -40.0))))

    def calibrate(self, raw: float) -> float:
        """Piecewise-linear map of the logistic output to an observed accuracy."""
        xs = [x for x, _ in self.calibration]
        i = bisect.bisect_right(xs, raw)
        if i == 0:
            return self.calibration[0][1]
        if i == len(xs):
            return self.calibration[-1][1]
        (x0, y0), (x1, y1) = self.calibration[i - 1], self.calibration[i]
        return y0 + (y1 - y0) * (raw - x0) / (x1 - x0) if x1 > x0 else y1


def confidence_model(data: object, features: tuple[str, ...], source: Path) -> ConfidenceModel:
    """The `confidence:` block of model.yaml, checked: known inputs, one coefficient each,
    increasing calibration points within [0, 1]."""
    if not isinstance(data, dict):
        raise TaxonomyError("the scoring model has no confidence block", file=source,
                            hint="rebuild it: python benchmarks/mapping.py --fit")
    inputs = tuple(str(n) for n in _listed(data, "inputs", source))
    unknown = [n for n in inputs if n not in INPUTS and n not in features]
    if unknown:
        raise TaxonomyError(f"confidence model has unknown inputs: {', '.join(unknown)}", file=source,
                            hint=f"use {', '.join(INPUTS)} or a scoring feature")
    coefficients = tuple(float(c) for c in _listed(data, "coefficients", source))
    if len(coefficients) != len(inputs):
        raise TaxonomyError("confidence model needs one coefficient per input", file=source)
    calibration = tuple((float(x), float(y)) for x, y in _listed(data, "calibration", source))
    if (len(calibration) < 2 or any(a[0] >= b[0] or a[1] > b[1] for a, b in zip(calibration, calibration[1:]))
            or any(not 0.0 <= v <= 1.0 for point in calibration for v in point)):
        raise TaxonomyError("confidence calibration points must be at least two, increasing, in [0, 1]",
                            file=source)
    return ConfidenceModel(inputs, coefficients, float(data["intercept"]), calibration)


def _listed(data: dict[str, object], key: str, source: Path) -> list[object]:
    value = data.get(key)
    if not isinstance(value, list):
        raise TaxonomyError(f"confidence model: {key} must be a list", file=source)
    return value
