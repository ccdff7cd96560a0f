from newscheck.stance import StanceResult, aggregate


def r(support: float, refute: float) -> StanceResult:
    return StanceResult.from_probs({"support": support, "refute": refute,
                                    "neutral": 1.0 - support - refute})


def test_no_evidence_is_not_a_refutation() -> None:
    assert aggregate([]) == ("not_enough_evidence", 0.0)


def test_strong_support_supports() -> None:
    label, conf = aggregate([r(0.9, 0.02), r(0.1, 0.1)])
    assert label == "supported" and 0.8 < conf <= 0.9


def test_strong_uncontested_refutation_refutes() -> None:
    assert aggregate([r(0.02, 0.95), r(0.1, 0.1)])[0] == "refuted"


def test_weak_refutation_stays_not_enough_evidence() -> None:
    assert aggregate([r(0.1, 0.7)])[0] == "not_enough_evidence"


def test_mixed_evidence_stays_not_enough_evidence() -> None:
    assert aggregate([r(0.02, 0.95), r(0.9, 0.02)])[0] == "not_enough_evidence"


def test_from_probs_normalises_and_picks_the_top_label() -> None:
    res = StanceResult.from_probs({"support": 2.0, "refute": 1.0, "neutral": 1.0})
    assert res.label == "support" and res.score == 0.5
    assert abs(sum(res.probs.values()) - 1.0) < 1e-9
