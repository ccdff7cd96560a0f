from collections.abc import Sequence
from dataclasses import dataclass

from newscheck.stance import StanceResult, aggregate
from newscheck.stance.aggregate import REFUTE_MIN, SUPPORT_MIN, thresholds_of


@dataclass
class Calibrated:
    """A back-end that states its own thresholds (as the NLI and LLM back-ends do)."""

    name: str = "calibrated"
    thresholds: tuple[float, float] = (0.6, 0.8)

    def predict(self, pairs: Sequence[tuple[str, str]]) -> list[StanceResult]:
        return [r(0.0, 0.0) for _ in pairs]


def r(support: float, refute: float) -> StanceResult:
    return StanceResult.from_probs({"support": support, "refute": refute,
                                    "neutral": 1.0 - support - refute})


def test_no_evidence_is_not_a_refutation() -> None:
    assert aggregate([]) == ("not_enough_evidence", 0.0)


def test_strong_support_supports() -> None:
    label, conf = aggregate([r(0.9, 0.02), r(0.1, 0.1)])
    assert label == "supported" and 0.8 < conf <= 0.9


def test_strong_uncontested_refutation_refutes_with_a_calibrated_back_end() -> None:
    label, conf = aggregate([r(0.02, 0.95), r(0.1, 0.1)], model=Calibrated())
    assert label == "refuted" and conf > 0.8


def test_the_shipped_thresholds_never_refute() -> None:
    assert REFUTE_MIN > 1.0 and thresholds_of(None) == (SUPPORT_MIN, REFUTE_MIN)
    assert aggregate([r(0.0, 0.99)])[0] == "not_enough_evidence"


def test_explicit_thresholds_win() -> None:
    assert aggregate([r(0.3, 0.0)], support_min=0.25)[0] == "supported"
    assert aggregate([r(0.02, 0.7)], refute_min=0.65)[0] == "refuted"


def test_weak_refutation_stays_not_enough_evidence() -> None:
    assert aggregate([r(0.1, 0.7)], model=Calibrated())[0] == "not_enough_evidence"


def test_mixed_evidence_stays_not_enough_evidence() -> None:
    mixed = [r(0.02, 0.95), r(0.9, 0.02)]
    assert aggregate(mixed, model=Calibrated())[0] == "not_enough_evidence"


def test_from_probs_normalises_and_picks_the_top_label() -> None:
    res = StanceResult.from_probs({"support": 2.0, "refute": 1.0, "neutral": 1.0})
    assert res.label == "support" and res.score == 0.5
    assert abs(sum(res.probs.values()) - 1.0) < 1e-9
