"""The default shipped stance model: a multinomial logistic regression over :mod:`.features`.

Weights live in ``newscheck/data/stance_linear.json`` (plain JSON, no pickle), written by
``scripts/train_stance.py``; provenance, splits and metrics are in docs/stance.md. Inference is
pure Python: a few dozen multiply-adds per label and pair.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import StanceModelError
from .base import STANCE_LABELS, StanceResult
from .features import FEATURE_NAMES, featurize

FORMAT = "newscheck-stance-linear/1"
DEFAULT_FILE = "stance_linear.json"


class LinearStance:
    """Softmax over ``W · standardise(features(claim, passage))``."""

    def __init__(self, spec: dict[str, Any], name: str = "newscheck-linear") -> None:
        if spec.get("format") != FORMAT:
            raise StanceModelError(f"not a newscheck stance model (format {spec.get('format')!r})",
                                   f"expected {FORMAT}; retrain with scripts/train_stance.py")
        if tuple(spec.get("features", ())) != FEATURE_NAMES:
            raise StanceModelError("the stance model was trained on another feature list",
                                   "retrain it with scripts/train_stance.py")
        self.name = name
        self.labels: list[str] = list(spec["labels"])
        if sorted(self.labels) != sorted(STANCE_LABELS):
            raise StanceModelError(f"stance model labels {self.labels} are not "
                                   f"{list(STANCE_LABELS)}", "retrain it")
        self.mean: list[float] = [float(x) for x in spec["mean"]]
        self.scale: list[float] = [1.0 / float(s) if float(s) > 0 else 0.0 for s in spec["std"]]
        self.weights: list[list[float]] = [[float(x) for x in row] for row in spec["weights"]]
        self.meta: dict[str, Any] = dict(spec.get("meta", {}))
        n = len(FEATURE_NAMES)
        if len(self.mean) != n or any(len(row) != n for row in self.weights):
            raise StanceModelError("the stance model's weights do not match its features",
                                   "retrain it with scripts/train_stance.py")

    def probabilities(self, features: Sequence[float]) -> dict[str, float]:
        x = [(f - m) * s for f, m, s in zip(features, self.mean, self.scale, strict=True)]
        logits = [sum(w * v for w, v in zip(row, x, strict=True)) for row in self.weights]
        top = max(logits)
        exps = [math.exp(z - top) for z in logits]
        total = sum(exps)
        return {label: e / total for label, e in zip(self.labels, exps, strict=True)}

    def predict(self, pairs: Sequence[tuple[str, str]]) -> list[StanceResult]:
        return [StanceResult.from_probs(self.probabilities(featurize(c, p))) for c, p in pairs]


def load_linear(path: Path) -> LinearStance:
    """A linear stance model from a JSON file written by ``scripts/train_stance.py``."""
    try:
        spec = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise StanceModelError(f"cannot read the stance model {path}: {exc}",
                               "reinstall newscheck or retrain with scripts/train_stance.py"
                               ) from exc
    if not isinstance(spec, dict):
        raise StanceModelError(f"{path} is not a stance model", "expected a JSON object")
    try:
        return LinearStance(spec)
    except (KeyError, TypeError, ValueError) as exc:
        raise StanceModelError(f"the stance model {path} is malformed: {exc}",
                               "retrain it with scripts/train_stance.py") from exc


@lru_cache(maxsize=1)
def default_model() -> LinearStance:
    """The model shipped with newscheck (loaded once per process)."""
    ref = resources.files("newscheck") / "data" / DEFAULT_FILE
    with resources.as_file(ref) as path:
        return load_linear(Path(path))
