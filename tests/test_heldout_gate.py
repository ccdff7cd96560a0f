"""Held-out gate: claim extraction and verdicts on ``tests/data/heldout/``.

This set is HELD OUT. Its 25 articles and their gold claims were written blind by someone who
had not read the claim extractor, the linker or the verifier, and the product was run on them only
after the gold was finished (docs/gold-set.md, "The held-out set"). Its figures are the honest
ones; the development set (``tests/data/claims``) is what the extractor was tuned on.

Rules:

* Do not tune product code on these articles. Do not edit them or their gold to make a change
  pass (only a genuine labelling mistake may be fixed, with the reason in the commit).
* A failure found here is fixed by adding a case that shows the same problem to
  ``tests/data/claims`` (the development set) and fixing the product against that case; not by
  editing this set.
* Floors are pinned a little below what was measured when the set was written. Raise them when
  the product improves; never lower one silently.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newscheck.evaluate.claims import evaluate_claims
from newscheck.evaluate.verdicts import VerdictEvaluation, evaluate

HELDOUT = Path(__file__).parent / "data" / "heldout"

# Measured when the set was written (first run): role P 0.992 R 0.908; former_role P 1.000
# R 0.938; counterpart P 1.000 R 0.917; refuted recall 0.941 (16/17); supported recall 0.963
# (105/109). The one refutation missed then ("Chancellor Rishi Sunak", supported as if he were
# prime minister) was a class of error that could also refute true statements; it was fixed
# with its own tests (tests/test_chancellor.py), not by tuning on this set: 17/17 since.
CLAIM_FLOORS: dict[str, dict[str, float]] = {
    "role": {"precision": 0.97, "recall": 0.88},
    "former_role": {"precision": 0.95, "recall": 0.90},
    "counterpart": {"precision": 0.95, "recall": 0.85},
}
REFUTED_RECALL_MIN = 0.90
SUPPORTED_RECALL_MIN = 0.93


@pytest.fixture(scope="module")
def verdicts() -> VerdictEvaluation:
    if not HELDOUT.is_dir():
        pytest.skip("no held-out set")
    return evaluate(HELDOUT)


@pytest.fixture(scope="module")
def claim_scores() -> dict[str, dict[str, object]]:
    if not HELDOUT.is_dir():
        pytest.skip("no held-out set")
    return evaluate_claims(HELDOUT).to_dict()


def test_heldout_set_is_there() -> None:
    assert len(list(HELDOUT.glob("[0-9][0-9][0-9]-*.json"))) >= 25


def test_no_false_refutations(verdicts: VerdictEvaluation) -> None:
    cases = "\n".join(c.line() for c in verdicts.false_refutations)
    assert not verdicts.false_refutations, cases


def test_refuted_recall(verdicts: VerdictEvaluation) -> None:
    assert verdicts.refuted_recall >= REFUTED_RECALL_MIN, verdicts.render()


def test_supported_recall(verdicts: VerdictEvaluation) -> None:
    assert verdicts.supported_recall >= SUPPORTED_RECALL_MIN, verdicts.render()


@pytest.mark.parametrize("kind", sorted(CLAIM_FLOORS))
def test_claim_floors(claim_scores: dict[str, dict[str, object]], kind: str) -> None:
    got = claim_scores[kind]
    for metric, floor in CLAIM_FLOORS[kind].items():
        value = float(str(got[metric]))
        assert value >= floor, f"{kind} {metric} {value:.3f} < floor {floor:.3f}"
