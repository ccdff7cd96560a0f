"""``check --against`` speed on a ~600-word rewrite/source pair, warm (median of runs).

    python benchmarks/against.py [--runs 30]

The pair is built from the development set (tests/data/rewrites/dev.txt): its pairs' sources and
rewrites are joined until each side has ~600 words. Printed: the median warm time of
``newscheck.check(rewrite, against=[source])`` and, as the anchor in the same run, of
``newscheck.check(rewrite)`` without a source (the same pipeline minus stage 5b), and their
ratio. Goal: ≤ 100 ms warm.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import newscheck
from newscheck.evaluate.rewrites import read_pairs
from newscheck.knowledge import open_kb

DEV = Path(__file__).resolve().parent.parent / "tests" / "data" / "rewrites" / "dev.txt"
TARGET_WORDS = 600


def build_pair() -> tuple[str, str]:
    sources, rewrites = [], []
    for pair in read_pairs(DEV):
        sources.append(pair.source)
        rewrites.append(pair.rewrite_text)
        if min(len(" ".join(rewrites).split()), len(" ".join(sources).split())) >= TARGET_WORDS:
            break
    lines, n = [], 0
    for line in "\n\n".join(rewrites).split("\n\n"):      # the rewrite cut to ~600 words too
        if n >= TARGET_WORDS:
            break
        lines.append(line)
        n += len(line.split())
    return "\n\n".join(lines), "\n\n".join(sources)


def median_ms(fn, runs: int) -> float:  # type: ignore[no-untyped-def]
    fn()                                  # warm-up (caches, lazy imports, stance model)
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=30)
    args = ap.parse_args()
    rewrite, source = build_pair()
    kb = open_kb(None)
    from newscheck.evidence.features import features

    def with_source() -> None:
        features.cache_clear()            # no help from the previous run's sentence cache
        newscheck.check(rewrite, against=[source], kb=kb, published="2024-03-05")

    def without() -> None:
        newscheck.check(rewrite, kb=kb, published="2024-03-05")

    print(f"rewrite {len(rewrite.split())} words, source {len(source.split())} words, "
          f"{args.runs} runs")
    a = median_ms(with_source, args.runs)
    b = median_ms(without, args.runs)
    print(f"check --against (warm, median)   {a:7.1f} ms")
    print(f"check without a source (anchor)  {b:7.1f} ms")
    print(f"stage 5b costs                   {a - b:7.1f} ms  (ratio {a / b:.2f}x)")


if __name__ == "__main__":
    main()
