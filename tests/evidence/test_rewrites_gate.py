"""Gate: ``check --against`` on the rewrite development set (tests/data/rewrites/dev.txt).

The set was written for this and the rules were developed on it, so these are floors against
regressions, not a blind measurement (docs/evidence.md).
"""

from __future__ import annotations

from pathlib import Path

import newscheck
from newscheck.evaluate.rewrites import evaluate, read_pairs
from newscheck.knowledge import open_kb

DEV = Path(__file__).resolve().parents[1] / "data" / "rewrites" / "dev.txt"


def test_rewrite_dev_set_gate() -> None:
    kb = open_kb(None)
    pairs = read_pairs(DEV)
    assert len(pairs) >= 30
    r = evaluate(pairs, lambda rw, src: newscheck.check(rw, against=[src], kb=kb,
                                                        published="2024-03-05"))
    assert r["refuted_recall"] >= 0.9, r["errors"]
    assert r["refuted_precision"] >= 0.9, r["errors"]
    assert r["false_refutation_rate"] <= 0.02, r["errors"]
    assert r["not_in_source_recall"] >= 0.9, r["errors"]
