"""Held-out gates: claim extraction and verdicts on ``tests/data/heldout/`` and
``tests/data/heldout2/``.

These sets are HELD OUT. Their articles and gold claims were written blind by people who had not
read the claim extractor, the linker or the verifier (nor, for the second set, the first set), and
the product was run on them only after the gold was final (docs/gold-set.md, "The held-out set",
"Second held-out set"). Their first-run figures are the honest ones; the development set
(``tests/data/claims``) is what the extractor was tuned on.

Rules:

* NEVER tune product code on these articles. Do not edit them or their gold to make a change pass
  (only a genuine labelling mistake may be fixed, with the reason in the commit).
* A failure found here is fixed by adding a case that shows the same problem to
  ``tests/data/claims`` (the development set) and fixing the product against that case; not by
  editing these sets.
* Floors are pinned a little below the first measurement. Raise them when the product improves;
  never lower one silently.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from newscheck.evaluate.claims import evaluate_claims
from newscheck.evaluate.verdicts import VerdictEvaluation, evaluate

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class HeldOut:
    name: str
    min_articles: int
    claim_floors: dict[str, dict[str, float]]
    refuted_recall_min: float
    supported_recall_min: float

    @property
    def path(self) -> Path:
        return DATA / self.name


SETS = (
    # First run: role P 0.992 R 0.908; former_role P 1.000 R 0.938; counterpart P 1.000 R 0.917;
    # refuted recall 0.941 (16/17); supported recall 0.963 (105/109). The one refutation missed
    # then ("Chancellor Rishi Sunak", supported as if he were prime minister) was a class of error
    # that could also refute true statements; it was fixed with its own tests
    # (tests/test_chancellor.py), not by tuning on this set: 17/17 since.
    HeldOut("heldout", 25, {
        "role": {"precision": 0.97, "recall": 0.88},
        "former_role": {"precision": 0.95, "recall": 0.90},
        "counterpart": {"precision": 0.95, "recall": 0.85},
    }, refuted_recall_min=0.90, supported_recall_min=0.93),
    # First run (blind): role P 1.000 R 0.854; former_role P 0.857 R 0.857; counterpart P 1.000
    # R 1.000; refuted recall 0.917 (11/12); supported recall 0.968 (61/63); 0 false refutations.
    HeldOut("heldout2", 15, {
        "role": {"precision": 0.97, "recall": 0.82},
        "former_role": {"precision": 0.80, "recall": 0.80},
        "counterpart": {"precision": 0.95, "recall": 0.85},
    }, refuted_recall_min=0.90, supported_recall_min=0.94),
)
_BY_NAME = {s.name: s for s in SETS}


@pytest.fixture(scope="module", params=[s.name for s in SETS])
def held(request: pytest.FixtureRequest) -> HeldOut:
    held_out: HeldOut = _BY_NAME[request.param]
    if not held_out.path.is_dir():
        pytest.skip(f"no held-out set {held_out.name}")
    return held_out


_VERDICTS: dict[str, VerdictEvaluation] = {}
_CLAIMS: dict[str, dict[str, dict[str, object]]] = {}


def verdicts_of(held_out: HeldOut) -> VerdictEvaluation:
    if held_out.name not in _VERDICTS:
        _VERDICTS[held_out.name] = evaluate(held_out.path)
    return _VERDICTS[held_out.name]


def claim_scores_of(held_out: HeldOut) -> dict[str, dict[str, object]]:
    if held_out.name not in _CLAIMS:
        _CLAIMS[held_out.name] = evaluate_claims(held_out.path).to_dict()
    return _CLAIMS[held_out.name]


def test_set_is_there(held: HeldOut) -> None:
    assert len(list(held.path.glob("[0-9][0-9][0-9]-*.json"))) >= held.min_articles


def test_no_false_refutations(held: HeldOut) -> None:
    v = verdicts_of(held)
    cases = "\n".join(c.line() for c in v.false_refutations)
    assert not v.false_refutations, cases


def test_refuted_recall(held: HeldOut) -> None:
    v = verdicts_of(held)
    assert v.refuted_recall >= held.refuted_recall_min, v.render()


def test_supported_recall(held: HeldOut) -> None:
    v = verdicts_of(held)
    assert v.supported_recall >= held.supported_recall_min, v.render()


@pytest.mark.parametrize("kind", ["counterpart", "former_role", "role"])
def test_claim_floors(held: HeldOut, kind: str) -> None:
    got = claim_scores_of(held)[kind]
    for metric, floor in held.claim_floors[kind].items():
        value = float(str(got[metric]))
        assert value >= floor, f"{held.name} {kind} {metric} {value:.3f} < floor {floor:.3f}"
