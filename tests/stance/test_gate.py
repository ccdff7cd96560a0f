"""Quality gate of the shipped stance model on CLIMATE-FEVER (../shared/data; skipped without it):
above the dataset paper's 38.78 % claim accuracy, and no refutation below 0.9 precision."""

from __future__ import annotations

import pytest
from scripts.stance_data import SHARED

from newscheck.evaluate.stance_eval import evaluate_stance
from newscheck.evaluate.stance_sets import load_examples
from newscheck.stance import load_stance

CLIMATE_FEVER = SHARED / "climate-fever" / "dataset" / "climate-fever.jsonl"


@pytest.mark.shared
@pytest.mark.skipif(not CLIMATE_FEVER.is_file(), reason="needs ../shared/data")
def test_climate_fever_beats_the_paper_and_never_refutes_wrongly() -> None:
    result = evaluate_stance(load_examples("climate-fever", CLIMATE_FEVER), load_stance())
    assert result["n"] == 1535
    assert result["accuracy"] > 0.3878
    refuted = result["per_label"]["refuted"]
    assert refuted["predicted"] == 0 or refuted["precision"] >= 0.9
