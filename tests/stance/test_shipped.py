import json
from pathlib import Path

import pytest

from newscheck.errors import StanceModelError
from newscheck.stance import STANCE_LABELS, StanceModel, load_stance
from newscheck.stance.features import FEATURE_NAMES, featurize
from newscheck.stance.shipped import load_model as load_linear

CLAIM = "The city council approved the new budget of 4.2 million euros in March 2023."
PARAPHRASE = ("In March 2023 the city council approved a new budget worth 4.2 million euros, "
              "officials said.")
CHANGED = ("In March 2023 the city council rejected the new budget of 9.8 million euros, "
           "officials said.")
UNRELATED = "The river flooded several villages in the north after days of heavy rain."


def test_default_model_is_a_stance_model_with_probabilities() -> None:
    model = load_stance()
    assert isinstance(model, StanceModel)
    results = model.predict([(CLAIM, PARAPHRASE), (CLAIM, UNRELATED)])
    assert len(results) == 2
    for r in results:
        assert set(r.probs) == set(STANCE_LABELS)
        assert abs(sum(r.probs.values()) - 1.0) < 1e-9
        assert r.score == max(r.probs.values()) and r.probs[r.label] == r.score


def test_paraphrase_supports_more_than_an_unrelated_passage() -> None:
    para, unrelated = load_stance().predict([(CLAIM, PARAPHRASE), (CLAIM, UNRELATED)])
    assert para.probs["support"] > unrelated.probs["support"]
    assert unrelated.label != "support"


def test_changed_number_and_verb_refute_more_than_the_paraphrase() -> None:
    para, changed = load_stance().predict([(CLAIM, PARAPHRASE), (CLAIM, CHANGED)])
    assert changed.probs["refute"] > para.probs["refute"]


def test_features_match_their_names() -> None:
    assert len(featurize(CLAIM, PARAPHRASE)) == len(FEATURE_NAMES)
    assert len(featurize("", "")) == len(FEATURE_NAMES)


def test_shipped_model_is_small_json() -> None:
    path = Path(__import__("newscheck").__file__).parent / "data" / "stance_trees.json"
    assert path.stat().st_size < 25 * 1024 * 1024
    assert json.loads(path.read_text())["meta"]["trained_by"] == "scripts/train_stance.py"


@pytest.mark.parametrize("content", ["not json", "[1, 2]", '{"format": "other"}',
                                     '{"format": "newscheck-stance-trees/1", "features": []}'])
def test_a_broken_model_file_is_a_clear_error(tmp_path: Path, content: str) -> None:
    path = tmp_path / "m.json"
    path.write_text(content)
    with pytest.raises(StanceModelError):
        load_linear(path)


def test_nli_and_llm_together_are_refused() -> None:
    with pytest.raises(StanceModelError):
        load_stance(nli_model="x", llm_endpoint="http://127.0.0.1:9")


def test_a_claim_it_cannot_read_is_neutral_not_a_guess_from_numbers() -> None:
    claim = "Готовится буквально минут 15, нужно только заранее замочить лапшу."
    (r,) = load_stance().predict([(claim, "기사입력 :[ 2018-08-25 15:24 ]")])
    assert r.label == "neutral" and r.probs["support"] == 0.0
