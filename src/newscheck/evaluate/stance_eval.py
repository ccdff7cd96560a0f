"""``newscheck eval``: run a stance back-end over a claim-level dataset and score the verdicts.

Every claim's evidence texts are labelled by the stance model, the stances are combined by
:func:`newscheck.stance.aggregate` and the verdict is compared with the gold label. The ``gold``
dataset instead runs the whole pipeline over the project's gold articles
(:mod:`.verdicts`); a gold claim the pipeline did not extract counts as not_enough_evidence.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..stance import StanceModel, aggregate
from .stance_metrics import score
from .stance_sets import VERDICTS, ClaimExample

DATASET_NAMES = ("climate-fever", "liar-plus", "jsonl", "gold")


def evaluate_stance(examples: Sequence[ClaimExample], model: StanceModel) -> dict[str, Any]:
    """Scores of ``model`` + :func:`aggregate` on ``examples`` (one verdict per claim)."""
    gold: list[str] = []
    predicted: list[str] = []
    pairs = 0
    started = time.perf_counter()
    for example in examples:
        results = model.predict([(example.claim, text) for text in example.evidence])
        pairs += len(results)
        gold.append(example.label)
        predicted.append(aggregate(results, model=model)[0])
    seconds = time.perf_counter() - started
    out = score(gold, predicted, VERDICTS)
    out.update(model=model.name, pairs=pairs, seconds=round(seconds, 3),
               pairs_per_second=round(pairs / seconds, 1) if seconds else None)
    return out


def evaluate_gold(gold_dir: Path) -> dict[str, Any]:
    """Scores of the whole pipeline on the project's gold articles (a directory)."""
    from .verdicts import MISSED, evaluate

    started = time.perf_counter()
    result = evaluate(gold_dir)
    gold = [c.gold for c in result.cases]
    predicted = ["not_enough_evidence" if c.predicted == MISSED else c.predicted
                 for c in result.cases]
    out = score(gold, predicted, VERDICTS)
    out.update(model="pipeline (knowledge base)", articles=result.articles,
               seconds=round(time.perf_counter() - started, 3))
    return out


def render_text(dataset: str, path: str, result: dict[str, Any]) -> str:
    """The human-readable table ``newscheck eval`` prints."""
    lines = [f"{dataset} {path}: {result['n']} claims, model {result['model']}"]
    if result.get("pairs_per_second"):
        lines.append(f"  {result['pairs']} claim-passage pairs, "
                     f"{result['pairs_per_second']:.0f} pairs/s")
    base = result["majority_baseline"]
    lines.append(f"  accuracy {result['accuracy']:.2%}   macro-F1 {result['macro_f1']:.3f}   "
                 f"majority baseline ({base['label']}) {base['accuracy']:.2%}")
    lines.append(f"  {'label':<22}{'precision':>10}{'recall':>8}{'F1':>8}{'gold':>7}{'pred':>7}")
    for label in VERDICTS:
        s = result["per_label"][label]
        lines.append(f"  {label:<22}{s['precision']:>10.3f}{s['recall']:>8.3f}{s['f1']:>8.3f}"
                     f"{s['support']:>7}{s['predicted']:>7}")
    lines.append("  confusion (rows gold, columns predicted):")
    short = {"supported": "sup", "refuted": "ref", "not_enough_evidence": "nee"}
    lines.append("  " + " " * 22 + "".join(f"{short[c]:>7}" for c in VERDICTS))
    for g in VERDICTS:
        row = result["confusion"][g]
        lines.append(f"  {g:<22}" + "".join(f"{row[c]:>7}" for c in VERDICTS))
    return "\n".join(lines) + "\n"


def plot_png(result: dict[str, Any], title: str, out: Path) -> None:
    """Confusion matrix and per-label precision/recall bars as a PNG (extra ``plot``)."""
    from ..errors import OutputNotWritten, require

    require("matplotlib", "plot")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.2))
    matrix = [[result["confusion"][g][p] for p in VERDICTS] for g in VERDICTS]
    left.imshow(matrix, cmap="Blues")
    names = ["supported", "refuted", "not enough"]
    left.set_xticks(range(3), names)
    left.set_yticks(range(3), names)
    left.set_xlabel("predicted")
    left.set_ylabel("gold")
    for i, row in enumerate(matrix):
        for j, value in enumerate(row):
            left.text(j, i, str(value), ha="center", va="center")
    left.set_title("confusion matrix")
    width = 0.38
    for k, metric in enumerate(("precision", "recall")):
        values = [result["per_label"][label][metric] for label in VERDICTS]
        right.bar([i + (k - 0.5) * width for i in range(3)], values, width, label=metric)
    right.set_xticks(range(3), names)
    right.set_ylim(0, 1)
    right.legend()
    right.set_title(f"accuracy {result['accuracy']:.1%}, macro-F1 {result['macro_f1']:.3f}")
    fig.suptitle(title)
    fig.tight_layout()
    try:
        fig.savefig(out, dpi=100)
    except OSError as exc:
        raise OutputNotWritten(f"cannot write the plot {out}: {exc}",
                               "check the directory exists and is writable") from exc
    finally:
        plt.close(fig)
