"""CI gate: claim extraction + linking on the gold set must not fall below pinned floors.

Floors live in ``tests/data/claims_baseline.json`` (per kind, precision and recall), pinned at or
slightly below what the extractor reached when they were set, together with a hash of the gold
set so a changed corpus is noticed. Raise a floor when the extractor improves; never lower one to
make a change pass without saying why in the commit.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
BASELINE = DATA / "claims_baseline.json"
GOLD = DATA / "claims"


def corpus_hash() -> str:
    h = hashlib.sha256()
    for p in sorted(GOLD.glob("[0-9][0-9][0-9]-*")):
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


@pytest.fixture(scope="module")
def scores() -> dict[str, dict[str, object]]:
    if not GOLD.is_dir():
        pytest.skip("no gold claim set")
    from newscheck.evaluate.claims import evaluate_claims

    return evaluate_claims(GOLD).to_dict()


def test_floors(scores: dict[str, dict[str, object]]) -> None:
    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))
    failures = []
    for kind, floor in baseline["floors"].items():
        got = scores[kind]
        for metric in ("precision", "recall"):
            value = float(got[metric])  # type: ignore[arg-type]
            if value < floor[metric]:
                failures.append(f"{kind} {metric} {value:.3f} < floor {floor[metric]:.3f}")
    assert not failures, "; ".join(failures) + (
        "" if baseline.get("corpus") == corpus_hash() else
        " (the gold set changed since the floors were pinned)")
