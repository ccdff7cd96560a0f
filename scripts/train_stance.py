"""Train the default stance model shipped as newscheck/data/stance_trees.json.

    python scripts/train_stance.py [--out PATH] [--check]

Needs numpy and scikit-learn (development only; inference is pure Python). Reads the training
sets of ../shared/data/stance named in ``stance_data.py`` (only those whose licence allows a
derived model), turns every (claim, evidence) pair into the features of
``newscheck.stance.features`` and fits multinomial gradient-boosted trees (fixed seed —
deterministic), exported as plain JSON with an idf table computed on the same training texts.
Five folds by claim hash give out-of-fold stances for every training claim: their pair and
claim-level scores, and the grid that chooses ``newscheck.stance.aggregate``'s thresholds, are
printed and stored in the model file. ``--check`` retrains and fails unless the result equals
the shipped file. Exits 0 with a message when ../shared/data is absent.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
import stance_data as data
from sklearn.ensemble import GradientBoostingClassifier

from newscheck.evaluate.stance_metrics import score
from newscheck.evaluate.stance_sets import VERDICTS, ClaimExample
from newscheck.stance import STANCE_LABELS, StanceResult, aggregate
from newscheck.stance.aggregate import REFUTE_MIN, SUPPORT_MIN
from newscheck.stance.features import FEATURE_NAMES, content, featurize, tokens
from newscheck.stance.shipped import FORMAT, TreeStance

OUT = data.ROOT / "src" / "newscheck" / "data" / "stance_trees.json"
TREES = 200            # boosting rounds (one tree per label per round)
DEPTH = 3
RATE = 0.1
MIN_DF = 2             # idf table: words seen in at least this many training texts
UNRELATED_OFFSETS = (97, 1031)  # two unrelated passages per claim, from other claims
BALANCE = 0.5          # half-way: refute is rare, but neither ignored nor over-predicted
FOLDS = 5              # out-of-fold predictions, folds by claim hash
REFUTE_GRID = (0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95)
SUPPORT_GRID = (0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7)
SUPPORT_PRECISION = 0.75  # supporting a false claim is bad too: a floor on supported precision
NEVER = 1.01           # a refute_min no probability reaches


def pairs_of(examples: list[ClaimExample]) -> list[tuple[str, str, str]]:
    """(claim, passage, stance) for every evidence; an unknown stance counts as neutral."""
    out = []
    for e in examples:
        stances = e.stances or (None,) * len(e.evidence)
        for text, stance in zip(e.evidence, stances, strict=True):
            out.append((e.claim, text, stance or "neutral"))
    # Unrelated passages (the evidence of claims far away in the list) are neutral too: without
    # them a passage sharing no word with the claim would look like a refutation.
    for i, e in enumerate(examples):
        for offset in UNRELATED_OFFSETS:
            other = examples[(i + offset) % len(examples)]
            if other.claim != e.claim and other.evidence:
                out.append((e.claim, other.evidence[0], "neutral"))
    return out


def idf_table(pairs: list[tuple[str, str, str]]) -> dict[str, float]:
    texts = {c for c, _, _ in pairs} | {p for _, p, _ in pairs}
    df: Counter[str] = Counter()
    for text in texts:
        df.update(set(content(tokens(text))))
    n = len(texts)
    return {w: round(math.log(n / d), 3) for w, d in sorted(df.items()) if d >= MIN_DF}


def fit_matrix(pairs: list[tuple[str, str, str]], idf: dict[str, float]) -> dict[str, Any]:
    x = np.array([featurize(c, p, idf) for c, p, _ in pairs])
    y = np.array([STANCE_LABELS.index(s) for _, _, s in pairs])  # type: ignore[arg-type]
    return fit(x, y)


def fit(x: np.ndarray, y: np.ndarray) -> dict[str, Any]:
    # Classes weighted by count ** -BALANCE (0: natural priors, 1: fully balanced).
    counts = np.bincount(y, minlength=len(STANCE_LABELS)).astype(float)
    weights = (counts.mean() / counts)[y] ** BALANCE
    gb = GradientBoostingClassifier(n_estimators=TREES, max_depth=DEPTH, learning_rate=RATE,
                                    subsample=0.8, random_state=0)
    gb.fit(x, y, sample_weight=weights)
    trees = []
    for k in range(len(STANCE_LABELS)):
        per_label = []
        for estimator in gb.estimators_[:, k]:
            t = estimator.tree_
            per_label.append({
                "feature": [int(f) if left >= 0 else -1
                            for f, left in zip(t.feature, t.children_left, strict=True)],
                "threshold": [round(float(v), 6) for v in t.threshold],
                "left": [int(v) for v in t.children_left],
                "right": [int(v) for v in t.children_right],
                "value": [round(float(v), 6) for v in t.value[:, 0, 0]],
            })
        trees.append(per_label)
    init = gb._raw_predict_init(x[:1])[0]
    spec = {"init": [round(float(v), 6) for v in init], "learning_rate": RATE, "trees": trees}
    # The pure-Python trees must give scikit-learn's probabilities.
    probe = TreeStance({"format": FORMAT, "features": list(FEATURE_NAMES),
                        "labels": list(STANCE_LABELS), **spec})
    expected = gb.predict_proba(x[:200])
    for row, want in zip(x[:200], expected, strict=True):
        got = probe.probabilities(list(row))
        assert max(abs(got[label] - w) for label, w in zip(STANCE_LABELS, want,
                                                          strict=True)) < 1e-3
    return spec


def wilson_low(hits: int, n: int, z: float = 1.96) -> float:
    """Lower end of the 95 % Wilson interval of a proportion (0 when n is 0)."""
    if n == 0:
        return 0.0
    p = hits / n
    centre = p + z * z / (2 * n)
    margin = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return (centre - margin) / (1 + z * z / n)


def choose_thresholds(examples: list[ClaimExample], stances: list[list[StanceResult]]
                      ) -> tuple[float, float, list[str]]:
    """Out-of-fold choice: the lowest refute_min whose refuted precision has a 95 % lower bound
    of at least 0.9 (else refute never), then the support_min with the best accuracy among those
    whose supported precision is at least ``SUPPORT_PRECISION``."""
    gold = [e.label for e in examples]
    rows: list[str] = []

    def run(support_min: float, refute_min: float) -> dict[str, Any]:
        pred = [aggregate(r, support_min=support_min, refute_min=refute_min)[0]
                for r in stances]
        s = score(gold, pred, VERDICTS)
        ref = s["per_label"]["refuted"]
        hits = round(ref["precision"] * ref["predicted"])
        rows.append(f"support_min {support_min:.2f} refute_min {refute_min:.2f}: accuracy "
                    f"{s['accuracy']:.3f}, supported precision "
                    f"{s['per_label']['supported']['precision']:.3f}, "
                    f"refuted {hits}/{ref['predicted']} "
                    f"(95% low {wilson_low(hits, ref['predicted']):.3f})")
        return s

    refute_min = NEVER
    for candidate in REFUTE_GRID:
        ref = run(0.5, candidate)["per_label"]["refuted"]
        hits = round(ref["precision"] * ref["predicted"])
        if ref["predicted"] and wilson_low(hits, ref["predicted"]) >= 0.9:
            refute_min = candidate
            break
    def accuracy_if_precise(m: float) -> tuple[float, float]:
        s = run(m, refute_min)
        precise = s["per_label"]["supported"]["precision"] >= SUPPORT_PRECISION
        return (s["accuracy"] if precise else -1.0, m)

    support_min = max(SUPPORT_GRID, key=accuracy_if_precise)
    return support_min, refute_min, rows


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--check", action="store_true", help="fail unless equal to the shipped file")
    args = ap.parse_args(argv)
    if not data.available():
        print(f"no shared data at {data.STANCE}: nothing to train on")
        return 0
    sets = data.training_sets()
    claims = [e for examples in sets.values() for e in examples]
    all_pairs = pairs_of(claims)
    idf = idf_table(all_pairs)
    head: dict[str, Any] = {"format": FORMAT, "features": list(FEATURE_NAMES),
                            "labels": list(STANCE_LABELS), "idf": idf}
    # Out-of-fold stances: five folds by claim hash, each predicted by a model fitted on the rest.
    oof_claims: list[ClaimExample] = []
    oof_stances: list[list[StanceResult]] = []
    oof_pairs: list[tuple[str, str]] = []
    for fold in range(FOLDS):
        fit_on = [e for e in claims if data.bucket(e.claim) * FOLDS // 100 != fold]
        held = [e for e in claims if data.bucket(e.claim) * FOLDS // 100 == fold]
        model = TreeStance({**head, **fit_matrix(pairs_of(fit_on), idf)})
        for e in held:
            results = model.predict([(e.claim, t) for t in e.evidence])
            oof_claims.append(e)
            oof_stances.append(results)
        held_pairs = pairs_of(held)
        predicted = model.predict([(c, p) for c, p, _ in held_pairs])
        oof_pairs.extend((s, r.label) for (_, _, s), r in zip(held_pairs, predicted, strict=True))
    support_min, refute_min, grid = choose_thresholds(oof_claims, oof_stances)
    pair = score([g for g, _ in oof_pairs], [p for _, p in oof_pairs], STANCE_LABELS)
    claim_pred = [aggregate(r, support_min=support_min, refute_min=refute_min)[0]
                  for r in oof_stances]
    claim = score([e.label for e in oof_claims], claim_pred, VERDICTS)
    spec = {**head, **fit_matrix(all_pairs, idf)}
    spec["meta"] = {
        "trained_by": "scripts/train_stance.py",
        "training_sets": {name: len(v) for name, v in sets.items()},
        "train_claims": len(claims), "train_pairs": len(all_pairs),
        "out_of_fold_pair_scores": pair, "out_of_fold_claim_scores": claim,
        "thresholds": {"support_min": support_min, "refute_min": refute_min},
        "aggregation_grid": grid,
    }
    text = json.dumps(spec, sort_keys=True, separators=(",", ":")) + "\n"
    print(f"train: {len(claims)} claims, {len(all_pairs)} pairs, {FOLDS}-fold out-of-fold scores")
    print(f"pairs: accuracy {pair['accuracy']:.3f}  macro-F1 {pair['macro_f1']:.3f}")
    refuted = claim["per_label"]["refuted"]
    print(f"claims: accuracy {claim['accuracy']:.3f}  macro-F1 {claim['macro_f1']:.3f}  "
          f"refuted precision {refuted['precision']:.3f} ({refuted['predicted']} refuted)")
    print(f"chosen thresholds: support_min {support_min}, refute_min {refute_min}")
    in_code = (SUPPORT_MIN, REFUTE_MIN)
    if in_code != (support_min, refute_min):
        print(f"NOTE: newscheck/stance/aggregate.py has {in_code}; set it to the chosen values")
    if args.check:
        same = args.out.read_text(encoding="utf-8") == text
        print("reproduces the shipped model" if same else "DIFFERS from the shipped model")
        return 0 if same and in_code == (support_min, refute_min) else 1
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out} ({len(text.encode()) / 1024:.1f} KiB)")
    for row in grid:
        print("  ", row)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
