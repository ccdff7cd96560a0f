"""The default shipped stance model: gradient-boosted decision trees over :mod:`.features`.

The trees, the feature list and an idf table live in ``newscheck/data/stance_trees.json`` (plain
JSON, no pickle), written by ``scripts/train_stance.py``; provenance, splits and metrics are in
docs/stance.md. Inference is pure Python: a few hundred comparisons per pair.
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
from .features import FEATURE_NAMES, content, featurize, tokens

FORMAT = "newscheck-stance-trees/1"
# The features read Latin-script words only: a claim with fewer content words than this (another
# script, a fragment) cannot be judged and gets a neutral stance instead of a guess from numbers.
MIN_CLAIM_WORDS = 3
DEFAULT_FILE = "stance_trees.json"

# A tree is four parallel lists: feature index (-1 at a leaf), threshold, left child, right
# child, plus the leaf values; x[feature] <= threshold goes left (scikit-learn's convention).
Tree = tuple[list[int], list[float], list[int], list[int], list[float]]


UNREADABLE = StanceResult("neutral", 1.0, {"support": 0.0, "refute": 0.0, "neutral": 1.0})


def readable(claim: str) -> bool:
    """Whether the features can read enough of the claim to judge it."""
    return len(set(content(tokens(claim)))) >= MIN_CLAIM_WORDS


def _tree(spec: dict[str, Any]) -> Tree:
    return ([int(v) for v in spec["feature"]], [float(v) for v in spec["threshold"]],
            [int(v) for v in spec["left"]], [int(v) for v in spec["right"]],
            [float(v) for v in spec["value"]])


def _leaf(tree: Tree, x: Sequence[float]) -> float:
    feature, threshold, left, right, value = tree
    node = 0
    while feature[node] >= 0:
        node = left[node] if x[feature[node]] <= threshold[node] else right[node]
    return value[node]


class TreeStance:
    """Softmax over ``init + rate · Σ tree(features)`` per label (multinomial boosting)."""

    def __init__(self, spec: dict[str, Any], name: str = "newscheck-trees") -> None:
        if spec.get("format") != FORMAT:
            raise StanceModelError(f"not a newscheck stance model (format {spec.get('format')!r})",
                                   f"expected {FORMAT}; retrain with scripts/train_stance.py")
        if tuple(spec.get("features", ())) != FEATURE_NAMES:
            raise StanceModelError("the stance model was trained on another feature list",
                                   "retrain it with scripts/train_stance.py")
        self.name = name
        self.labels: list[str] = [str(v) for v in spec["labels"]]
        if sorted(self.labels) != sorted(STANCE_LABELS):
            raise StanceModelError(f"stance model labels {self.labels} are not "
                                   f"{list(STANCE_LABELS)}", "retrain it")
        self.init: list[float] = [float(v) for v in spec["init"]]
        self.rate = float(spec["learning_rate"])
        self.trees: list[list[Tree]] = [[_tree(t) for t in per_label]
                                        for per_label in spec["trees"]]
        self.idf: dict[str, float] = {str(k): float(v) for k, v in spec.get("idf", {}).items()}
        self.meta: dict[str, Any] = dict(spec.get("meta", {}))
        if len(self.init) != len(self.labels) or len(self.trees) != len(self.labels):
            raise StanceModelError("the stance model's trees do not match its labels",
                                   "retrain it with scripts/train_stance.py")

    def probabilities(self, features: Sequence[float]) -> dict[str, float]:
        logits = [b + self.rate * sum(_leaf(t, features) for t in trees)
                  for b, trees in zip(self.init, self.trees, strict=True)]
        top = max(logits)
        exps = [math.exp(z - top) for z in logits]
        total = sum(exps)
        return {label: e / total for label, e in zip(self.labels, exps, strict=True)}

    def predict(self, pairs: Sequence[tuple[str, str]]) -> list[StanceResult]:
        return [StanceResult.from_probs(self.probabilities(featurize(c, p, self.idf)))
                if readable(c) else UNREADABLE for c, p in pairs]


def load_model(path: Path) -> TreeStance:
    """A stance model from a JSON file written by ``scripts/train_stance.py``."""
    try:
        spec = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise StanceModelError(f"cannot read the stance model {path}: {exc}",
                               "reinstall newscheck or retrain with scripts/train_stance.py"
                               ) from exc
    if not isinstance(spec, dict):
        raise StanceModelError(f"{path} is not a stance model", "expected a JSON object")
    try:
        return TreeStance(spec)
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        raise StanceModelError(f"the stance model {path} is malformed: {exc}",
                               "retrain it with scripts/train_stance.py") from exc


@lru_cache(maxsize=1)
def default_model() -> TreeStance:
    """The model shipped with newscheck (loaded once per process)."""
    ref = resources.files("newscheck") / "data" / DEFAULT_FILE
    with resources.as_file(ref) as path:
        return load_model(Path(path))
