"""Classification scores for ``newscheck eval``: accuracy, macro-F1, per-label precision/recall,
confusion matrix and the majority-class baseline. Pure Python."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any


def _ratio(num: int, den: int) -> float:
    return round(num / den, 4) if den else 0.0


def score(gold: Sequence[str], predicted: Sequence[str],
          labels: Sequence[str]) -> dict[str, Any]:
    """Every figure ``newscheck eval`` prints, as one JSON-ready dict."""
    if len(gold) != len(predicted):
        raise ValueError("gold and predicted differ in length")
    n = len(gold)
    confusion = {g: dict.fromkeys(labels, 0) for g in labels}
    for g, p in zip(gold, predicted, strict=True):
        confusion[g][p] += 1
    per_label: dict[str, dict[str, float | int]] = {}
    for label in labels:
        tp = confusion[label][label]
        pred = sum(confusion[g][label] for g in labels)
        support = sum(confusion[label].values())
        precision, recall = _ratio(tp, pred), _ratio(tp, support)
        f1 = round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0
        per_label[label] = {"precision": precision, "recall": recall, "f1": f1,
                            "support": support, "predicted": pred}
    counts = Counter(gold)
    majority, majority_n = counts.most_common(1)[0] if counts else ("", 0)
    present = [lab for lab in labels if per_label[lab]["support"]]
    return {
        "n": n,
        "accuracy": _ratio(sum(confusion[lab][lab] for lab in labels), n),
        "macro_f1": round(sum(float(per_label[lab]["f1"]) for lab in present) / len(present), 4)
        if present else 0.0,
        "per_label": per_label,
        "confusion": confusion,
        "majority_baseline": {"label": majority, "accuracy": _ratio(majority_n, n)},
    }
