"""``check --against`` on the rewrite/source development set (tests/data/rewrites/dev.txt).

Prints refuted recall and precision, false refutations among faithful sentences, supported and
"not in the source" recall, recall by kind of change, and the sentences it got wrong.

    python benchmarks/rewrites.py [--errors]     # both sets: dev.txt and heldout.txt
"""

from __future__ import annotations

import sys
from pathlib import Path

import newscheck
from newscheck.evaluate.rewrites import evaluate, read_pairs
from newscheck.knowledge import open_kb

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "rewrites"


def main() -> None:
    kb = open_kb(None)
    for name in ("dev.txt", "heldout.txt"):
        report(name, evaluate(read_pairs(DATA / name),
                              lambda rw, src: newscheck.check(rw, against=[src], kb=kb,
                                                              published="2024-03-05")))


def report(name: str, result: dict) -> None:  # type: ignore[type-arg]
    print(f"== {name}: pairs {result['pairs']}  sentences {result['sentences']}")
    for key in ("refuted_recall", "refuted_precision", "false_refutation_rate",
                "supported_recall", "not_in_source_recall"):
        print(f"{key:24} {result[key]:.3f}")
    print("refuted recall by kind:", result["refuted_recall_by_kind"])
    print("confusion:", result["confusion"])
    if "--errors" in sys.argv:
        for e in result["errors"]:
            print(f"  {e['pair']:>3} {e['mark']:8} {e['kind']:11} got {e['got']:20} {e['text']}")


if __name__ == "__main__":
    main()
