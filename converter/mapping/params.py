"""The scoring model's parameters (`taxonomy/mapping/model.yaml`): weights, temperature, the
extension threshold and the confidence model."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from converter.datafiles import read_data
from converter.errors import TaxonomyError
from converter.mapping.confidence import ConfidenceModel, confidence_model
from converter.resources import TAXONOMY_DIR

MODEL_FILE = TAXONOMY_DIR / "mapping" / "model.yaml"
FEATURES = ("name", "cover", "row", "exact", "prior", "stated", "section", "contra", "fit", "vote", "conflict",
            "curated", "vexact", "vvote")


@dataclass(frozen=True)
class ScoringModel:
    weights: tuple[tuple[str, float], ...]
    temperature: float
    null_score: float
    extension_threshold: float  # a softmax share: below it the row gets an extension concept
    confidence: ConfidenceModel

    def weight(self, feature: str) -> float:
        return dict(self.weights)[feature]

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
        return ScoringModel(
            weights=tuple((f, float(weights[f])) for f in FEATURES),
            temperature=float(data["temperature"]),
            null_score=float(data["null_score"]),
            extension_threshold=float(data["extension_threshold"]),
            confidence=confidence_model(data.get("confidence"), FEATURES, path),
        )
    except OSError as exc:
        raise TaxonomyError(f"cannot read the scoring model: {exc.strerror}", file=path) from exc
    except (KeyError, TypeError, ValueError) as exc:
        raise TaxonomyError(f"scoring model is malformed: {exc}", file=path,
                            hint="see the comments at the top of model.yaml") from exc
