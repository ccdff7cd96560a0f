"""Train the default stance model shipped as newscheck/data/stance_linear.json.

    python scripts/train_stance.py [--out PATH] [--check]

Reads the training sets of ../shared/data/stance named in ``stance_data.py`` (only those whose
licence allows a derived model), turns every (claim, evidence) pair into the features of
``newscheck.stance.features`` and fits a multinomial logistic regression (numpy, L2, balanced
classes, full-batch gradient descent from zero — deterministic). Claims in hash buckets 85-99 are
held out as validation: its pair and claim-level scores are printed and stored in the model file.
``--check`` retrains and fails unless the result equals the shipped file (reproducibility).
Exits 0 with a message when ../shared/data is absent.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
import stance_data as data

from newscheck.evaluate.stance_metrics import score
from newscheck.evaluate.stance_sets import VERDICTS, ClaimExample
from newscheck.stance import STANCE_LABELS, aggregate
from newscheck.stance.features import FEATURE_NAMES, featurize
from newscheck.stance.linear import FORMAT, LinearStance

OUT = data.ROOT / "src" / "newscheck" / "data" / "stance_linear.json"
L2 = 1e-3
STEPS = 3000
RATE = 0.5
VALIDATION_FROM = 85   # hash buckets 85-99 of the claims are validation


def pairs_of(examples: list[ClaimExample]) -> list[tuple[str, str, str]]:
    """(claim, passage, stance) for every evidence; an unknown stance counts as neutral."""
    out = []
    for e in examples:
        stances = e.stances or (None,) * len(e.evidence)
        for text, stance in zip(e.evidence, stances, strict=True):
            out.append((e.claim, text, stance or "neutral"))
    # An unrelated passage (the evidence of a claim far away in the list) is neutral too.
    for i, e in enumerate(examples[::7]):
        other = examples[(i * 7 + len(examples) // 2) % len(examples)]
        if other.claim != e.claim and other.evidence:
            out.append((e.claim, other.evidence[0], "neutral"))
    return out


def fit(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    mean, std = x.mean(axis=0), x.std(axis=0)
    mean[0], std[0] = 0.0, 1.0           # the bias column stays 1
    std[std == 0] = 1.0
    z = (x - mean) / std
    k = len(STANCE_LABELS)
    counts = np.bincount(y, minlength=k).astype(float)
    sample_w = (len(y) / (k * counts))[y]
    w = np.zeros((k, x.shape[1]))
    onehot = np.eye(k)[y]
    for _ in range(STEPS):
        logits = z @ w.T
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        p /= p.sum(axis=1, keepdims=True)
        grad = ((p - onehot) * sample_w[:, None]).T @ z / len(y) + L2 * w
        w -= RATE * grad
    return w, mean, std


def claim_scores(model: LinearStance, examples: list[ClaimExample]) -> dict[str, object]:
    gold, pred = [], []
    for e in examples:
        results = model.predict([(e.claim, t) for t in e.evidence])
        gold.append(e.label)
        pred.append(aggregate(results)[0])
    return score(gold, pred, VERDICTS)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--check", action="store_true", help="fail unless equal to the shipped file")
    args = ap.parse_args(argv)
    if not data.available():
        print(f"no shared data at {data.STANCE}: nothing to train on")
        return 0
    sets = data.training_sets()
    train, valid = [], []
    for examples in sets.values():
        for e in examples:
            (valid if data.bucket(e.claim) >= VALIDATION_FROM else train).append(e)
    train_pairs = pairs_of(train)
    x = np.array([featurize(c, p) for c, p, _ in train_pairs])
    y = np.array([STANCE_LABELS.index(s) for _, _, s in train_pairs])  # type: ignore[arg-type]
    w, mean, std = fit(x, y)
    spec = {
        "format": FORMAT, "features": list(FEATURE_NAMES), "labels": list(STANCE_LABELS),
        "mean": [round(float(v), 6) for v in mean], "std": [round(float(v), 6) for v in std],
        "weights": [[round(float(v), 6) for v in row] for row in w],
    }
    model = LinearStance(spec)
    valid_pairs = pairs_of(valid)
    pair_pred = [r.label for r in model.predict([(c, p) for c, p, _ in valid_pairs])]
    pair = score([s for _, _, s in valid_pairs], pair_pred, STANCE_LABELS)
    claims = claim_scores(model, valid)
    spec["meta"] = {
        "trained_by": "scripts/train_stance.py",
        "training_sets": {name: len(v) for name, v in sets.items()},
        "train_claims": len(train), "train_pairs": len(train_pairs),
        "validation_claims": len(valid), "validation_pairs": len(valid_pairs),
        "validation_pair_scores": pair, "validation_claim_scores": claims,
    }
    text = json.dumps(spec, indent=1, sort_keys=True) + "\n"
    print(f"train: {len(train)} claims, {len(train_pairs)} pairs; "
          f"validation: {len(valid)} claims, {len(valid_pairs)} pairs")
    print(f"validation pairs: accuracy {pair['accuracy']:.3f}  macro-F1 {pair['macro_f1']:.3f}")
    refuted = claims["per_label"]["refuted"]  # type: ignore[index]
    print(f"validation claims: accuracy {claims['accuracy']:.3f}  macro-F1 "
          f"{claims['macro_f1']:.3f}  refuted precision {refuted['precision']:.3f} "
          f"recall {refuted['recall']:.3f}")
    if args.check:
        same = args.out.read_text(encoding="utf-8") == text
        print("reproduces the shipped model" if same else "DIFFERS from the shipped model")
        return 0 if same else 1
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out} ({len(text.encode()) / 1024:.1f} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
