"""The learned sentence scorer: a logistic regression over ``features.FEATURES``, shipped as JSON.

It was trained (``storyline train summary-scorer``, ``storyline.training.summary_scorer``) on the
greedy-oracle labels of the Multi-News dev clusters and ships as the ``summary-scorer`` artefact; the selection parameters stored beside the coefficients (MMR redundancy,
similarity ceiling, regularisation) were chosen there by cross-validation over clusters. The file
also records a fingerprint of every training cluster, so ``storyline evaluate`` can tell when it is
asked to score clusters the model has seen and cross-validate instead.
"""

from __future__ import annotations

import functools
import hashlib
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from ..artefacts import load_artefact
from ..errors import StorylineError
from .features import FEATURES

# Artefact names (``storyline.artefacts``; files data/summary_scorer.json and data/summary_scorer_heldout.json).
SHIPPED_MODEL = "summary-scorer"
# The same model trained without the first clusters of the dev set, for an honest quick gate.
HELD_OUT_MODEL = "summary-scorer-heldout"


def fingerprint(reference: str) -> str:
    """A short, stable name for a training cluster: the hash of its gold summary's words."""
    return hashlib.sha256(" ".join(reference.split()).encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True)
class SelectionParameters:
    """What cross-validation chose: regularisation of the fit and the MMR trade-off."""

    regularization: float = 0.03
    redundancy: float = 0.3
    max_similarity: float = 0.4


@dataclass
class LinearScorer:
    """``score = intercept + sum(weight * (feature - mean) / scale)``, by feature name."""

    weights: dict[str, float]
    means: dict[str, float]
    scales: dict[str, float]
    intercept: float
    parameters: SelectionParameters = field(default_factory=SelectionParameters)
    trained_on: list[str] = field(default_factory=list)
    notes: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # Columns the model does not know get weight 0, so new features never break an old model.
        self._weight_vector = np.array([self.weights.get(name, 0.0) for name in FEATURES])
        self._mean_vector = np.array([self.means.get(name, 0.0) for name in FEATURES])
        self._scale_vector = np.array([self.scales.get(name, 1.0) or 1.0 for name in FEATURES])

    def score(self, features: np.ndarray) -> np.ndarray:
        """The log-odds that each row's sentence belongs in the summary."""
        if features.shape[0] == 0:
            return np.zeros(0)
        standardized = (features - self._mean_vector) / self._scale_vector
        return np.asarray(standardized @ self._weight_vector + self.intercept)

    def to_dict(self) -> dict[str, Any]:
        return {
            "model": "logistic-regression",
            "weights": self.weights,
            "means": self.means,
            "scales": self.scales,
            "intercept": self.intercept,
            "parameters": asdict(self.parameters),
            "notes": self.notes,
            "trained_on": self.trained_on,
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=1, sort_keys=False) + "\n"

    @classmethod
    def from_json(cls, text: str, source: str = SHIPPED_MODEL) -> LinearScorer:
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise StorylineError(f"{source}: not a valid sentence-scorer model ({exc})") from exc
        return cls.from_dict(data, source)

    @classmethod
    def from_dict(cls, data: Any, source: str = SHIPPED_MODEL) -> LinearScorer:
        try:
            return cls(
                weights={k: float(v) for k, v in data["weights"].items()},
                means={k: float(v) for k, v in data["means"].items()},
                scales={k: float(v) for k, v in data["scales"].items()},
                intercept=float(data["intercept"]),
                parameters=SelectionParameters(**data.get("parameters", {})),
                trained_on=list(data.get("trained_on", [])),
                notes=dict(data.get("notes", {})),
            )
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise StorylineError(
                f"{source}: not a valid sentence-scorer model ({exc}); "
                "retrain it with `storyline train summary-scorer`"
            ) from exc

    def write(self, path: str | Path) -> None:
        Path(path).write_text(self.to_json(), encoding="utf-8")


@functools.cache
def shipped_scorer(name: str = SHIPPED_MODEL) -> LinearScorer:
    """The model shipped with storyline (trained on all Multi-News dev clusters), or another artefact by name."""
    return LinearScorer.from_dict(load_artefact(name), source=name)
