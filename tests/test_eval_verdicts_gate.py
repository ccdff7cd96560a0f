"""CI gate: verdict quality over the gold set must not fall below the pinned floors.

Runs the whole pipeline (intake → claims → linking → verify) on every gold article with the
fixture KB (newscheck.evaluate.verdicts) and compares with tests/data/verdicts_baseline.json.
Zero false refutations is a hard floor: refuting a true statement is the worst error newscheck can
make. When a floor is raised or the gold set changes, re-pin with
``python scripts/eval_verdicts.py --json`` and update the baseline (never lower a floor silently).
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest

from newscheck.evaluate.gold import default_gold_dir
from newscheck.evaluate.verdicts import VerdictEvaluation, evaluate

BASELINE = Path(__file__).parent / "data" / "verdicts_baseline.json"


@pytest.fixture(scope="module")
def result() -> VerdictEvaluation:
    if not default_gold_dir().is_dir():
        pytest.skip(f"no gold set at {default_gold_dir()}")
    return evaluate()


@pytest.fixture(scope="module")
def baseline() -> dict[str, object]:
    data: dict[str, object] = json.loads(BASELINE.read_text(encoding="utf-8"))
    return data


def test_no_false_refutations(result: VerdictEvaluation, baseline: dict[str, object]) -> None:
    cases = "\n".join(c.line() for c in result.false_refutations)
    assert len(result.false_refutations) <= int(str(baseline["max_false_refutations"])), cases


def test_refuted_recall(result: VerdictEvaluation, baseline: dict[str, object]) -> None:
    floor = float(str(baseline["refuted_recall_min"]))
    assert result.refuted_recall >= floor, result.render()


def test_supported_recall(result: VerdictEvaluation, baseline: dict[str, object]) -> None:
    floor = float(str(baseline["supported_recall_min"]))
    assert result.supported_recall >= floor, result.render()


def test_gold_set_is_substantial(result: VerdictEvaluation) -> None:
    summary = result.summary()
    assert summary["gold_by_label"]["refuted"] > 0
    assert summary["gold_by_label"]["supported"] > 0


def test_corpus_is_the_one_measured(result: VerdictEvaluation,
                                    baseline: dict[str, object]) -> None:
    if baseline.get("corpus_sha256") != result.corpus_sha256:
        warnings.warn("the gold set or fixture facts changed since the baseline was pinned; "
                      "re-run scripts/eval_verdicts.py and re-pin tests/data/verdicts_baseline"
                      ".json", stacklevel=1)
