"""The scoring model's parameters (`taxonomy/mapping/model.yaml`): weights, temperature, calibration."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from converter.datafiles import read_data
from converter.errors import TaxonomyError
from converter.resources import TAXONOMY_DIR

MODEL_FILE = TAXONOMY_DIR / "mapping" / "model.yaml"
FEATURES = ("name", "cover", "row", "exact", "prior", "stated", "section", "contra", "fit", "vote", "conflict",
            "curated", "vexact", "vvote")


@dataclass(frozen=True)
class ScoringModel:
    weights: tuple[tuple[str, float], ...]
    temperature: float
    null_score: float
    extension_threshold: float
    calibration: tuple[tuple[float, float], ...]

    def weight(self, feature: str) -> float:
        return dict(self.weights)[feature]

    def calibrate(self, raw: float) -> float:
        """Piecewise-linear map of a raw softmax probability to an observed accuracy."""
        xs = [x for x, _ in self.calibration]
        i = bisect.bisect_right(xs, raw)
        if i == 0:
            return self.calibration[0][1]
        if i == len(xs):
            return self.calibration[-1][1]
        (x0, y0), (x1, y1) = self.calibration[i - 1], self.calibration[i]
        return y0 + (y1 - y0) * (raw - x0) / (x1 - x0) if x1 > x0 else y1

    def with_weights(self, **weights: float) -> ScoringModel:
        merged = dict(self.weights) | weights
        return replace(self, weights=tuple((f, merged[f]) for f in FEATURES))


@lru_cache(maxsize=2)
def load_model(path: Path = MODEL_FILE) -> ScoringModel:
    try:
        data = read_data(path, "scoring model")
        weights = data["weights"]
        missing = [f for f in FEATURES if f not in weights]
        if missing:
            raise TaxonomyError(f"scoring model lacks weights for {', '.join(missing)}", file=path)
        calibration = tuple((float(x), float(y)) for x, y in data["calibration"])
        if list(calibration) != sorted(calibration) or len(calibration) < 2:
            raise TaxonomyError("calibration points must be at least two, increasing", file=path)
        return ScoringModel(
            weights=tuple((f, float(weights[f])) for f in FEATURES),
            temperature=float(data["temperature"]),
            null_score=float(data["null_score"]),
            extension_threshold=float(data["extension_threshold"]),
            calibration=calibration,
        )
    except OSError as exc:
        raise TaxonomyError(f"cannot read the scoring model: {exc.strerror}", file=path) from exc
    except (KeyError, TypeError, ValueError) as exc:
        raise TaxonomyError(f"scoring model is malformed: {exc}", file=path,
                            hint="see the comments at the top of model.yaml") from exc
