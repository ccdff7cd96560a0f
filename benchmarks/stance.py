"""Speed of the default stance model (claim, passage) pairs per second, on one core.

    python benchmarks/stance.py [--pairs 2000] [--rounds 7]

Builds ``--pairs`` synthetic news-like pairs (a 15-25-word claim, a 30-50-word passage that
restates, changes or ignores it; fixed seed), pins the process to one CPU and times the shipped
model's ``predict`` over all of them, ``--rounds`` times, warm. The anchor in the same run is the
least any lexical model must do: lower-case, split and intersect the two word sets of every pair.
Prints the median pairs/s of both and their ratio, and the 200 pairs/s goal.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time

from newscheck.stance import load_stance


def _words(text: str) -> list[str]:
    return text.split()


WORDS = _words("minister council budget river bridge election court vaccine study percent "
               "million agreement talks border company shares workers strike hospital police "
               "report rain flood summit treaty taxes prices school mayor record season team")
VERBS = _words("approved rejected announced denied opened "
               "closed raised cut signed delayed")
GOAL = 200.0


def sentence(rng: random.Random, n: int) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    words.insert(n // 2, rng.choice(VERBS))
    words.insert(rng.randrange(n), str(rng.randrange(1900, 2030)))
    return " ".join(words).capitalize() + "."


def make_pairs(n: int, seed: int = 7) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    pairs = []
    for i in range(n):
        claim = sentence(rng, rng.randrange(15, 25))
        if i % 3 == 0:      # restates it inside a longer passage
            passage = f"{sentence(rng, 12)} {claim} {sentence(rng, 12)}"
        elif i % 3 == 1:    # changes a word and a number
            passage = claim.replace(claim.split()[2], rng.choice(VERBS)) + " " + sentence(rng, 20)
        else:               # unrelated
            passage = f"{sentence(rng, 20)} {sentence(rng, 20)}"
        pairs.append((claim, passage))
    return pairs


def anchor(pairs: list[tuple[str, str]]) -> int:
    shared = 0
    for claim, passage in pairs:
        shared += len(set(claim.lower().split()) & set(passage.lower().split()))
    return shared


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pairs", type=int, default=2000)
    ap.add_argument("--rounds", type=int, default=7)
    args = ap.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    pairs = make_pairs(args.pairs)
    model = load_stance()
    model.predict(pairs[:50])  # warm: the model file is read once
    model_rates, anchor_rates = [], []
    for _ in range(args.rounds):
        started = time.perf_counter()
        model.predict(pairs)
        model_rates.append(len(pairs) / (time.perf_counter() - started))
        started = time.perf_counter()
        anchor(pairs)
        anchor_rates.append(len(pairs) / (time.perf_counter() - started))
    m, a = statistics.median(model_rates), statistics.median(anchor_rates)
    print(f"stance model {model.name}: {len(pairs)} pairs x {args.rounds} rounds, one core")
    print(f"  median {m:,.0f} pairs/s (min {min(model_rates):,.0f}, max {max(model_rates):,.0f})")
    print(f"  anchor (word-set intersection only): median {a:,.0f} pairs/s")
    print(f"  the model costs {a / m:.1f}x the anchor; goal {GOAL:.0f} pairs/s: "
          f"{'met' if m >= GOAL else 'NOT met'} ({m / GOAL:.1f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
