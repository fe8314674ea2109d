"""Fit the mapper's confidence model (`model.yaml`, `confidence:`) from judged choices.

Each choice is the evidence behind a chosen concept (`converter.mapping.confidence.Evidence`)
and whether it was the filer's concept. A logistic regression (scikit-learn's, the `learn`
extra) weighs the inputs; its outputs are then calibrated by isotonic regression on
predictions made leave-one-company-out, so that the calibration says how often a choice of
that score was right for a company the regression never saw. Scikit-learn does both fits: a
regularised solver and pool-adjacent-violators are not worth writing again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from converter.errors import UsageError
from converter.mapping.confidence import ConfidenceModel, Evidence, input_value

INPUTS = ("logit", "margin", "agree", "dissent", "vote", "vexact", "exact", "cover", "row", "curated")
_BINS = 16  # equal-count bins of the calibration


@dataclass(frozen=True)
class Judged:
    evidence: Evidence
    right: bool
    company: str


def fit_confidence(judged: Sequence[Judged], inputs: tuple[str, ...] = INPUTS,
                   strength: float = 1.0) -> ConfidenceModel:
    """The logistic model on every choice, calibrated on its leave-one-company-out outputs."""
    try:
        from sklearn.isotonic import IsotonicRegression
        from sklearn.linear_model import LogisticRegression
    except ImportError as exc:
        raise UsageError("fitting the confidence model needs scikit-learn",
                         hint="pip install -e '.[learn]'") from exc
    x = np.array([[input_value(n, j.evidence) for n in inputs] for j in judged])
    y = np.array([j.right for j in judged], dtype=int)
    companies = np.array([j.company for j in judged])
    if len(set(y.tolist())) < 2 or len(set(companies.tolist())) < 2:
        raise UsageError("the confidence model needs right and wrong choices of at least two companies")
    held_out = np.zeros(len(judged))
    for company in sorted(set(companies.tolist())):
        train = companies != company
        if len(set(y[train].tolist())) < 2:
            continue
        fold = LogisticRegression(C=strength, max_iter=5000).fit(x[train], y[train])
        held_out[~train] = fold.predict_proba(x[~train])[:, 1]
    whole = LogisticRegression(C=strength, max_iter=5000).fit(x, y)
    return ConfidenceModel(inputs, tuple(round(float(c), 4) for c in whole.coef_[0]),
                           round(float(whole.intercept_[0]), 4), _calibration(held_out, y, IsotonicRegression))


def _calibration(scores: np.ndarray, right: np.ndarray, isotonic: type) -> tuple[tuple[float, float], ...]:
    """Points (mean held-out score, share right) of _BINS equal-count bins of the choices, the
    shares made non-decreasing by isotonic regression weighted by the bins' sizes: a bin is
    never a handful of rows, so no point claims more than the rows in it showed."""
    order = np.argsort(scores, kind="stable")
    bins = [b for b in np.array_split(order, _BINS) if len(b)]
    xs = np.array([scores[b].mean() for b in bins])
    shares = np.array([right[b].mean() for b in bins])
    fitted = isotonic(y_min=0.0, y_max=1.0).fit(xs, shares, sample_weight=[len(b) for b in bins]).predict(xs)
    points = [(0.0, 0.0)]
    for x, share in zip(xs.tolist(), fitted.tolist()):
        if round(x, 4) > points[-1][0]:
            points.append((round(x, 4), max(round(share, 3), points[-1][1])))
    if points[-1][0] < 1.0:
        points.append((1.0, points[-1][1]))
    return tuple(points)


def render(model: ConfidenceModel) -> str:
    """The `confidence:` block of model.yaml."""
    lines = ["confidence:", f"  inputs: [{', '.join(model.inputs)}]",
             f"  coefficients: [{', '.join(str(c) for c in model.coefficients)}]",
             f"  intercept: {model.intercept}", "  calibration:"]
    lines += [f"    - [{x}, {y}]" for x, y in model.calibration]
    return "\n".join(lines) + "\n"
