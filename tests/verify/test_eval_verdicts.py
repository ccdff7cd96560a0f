"""The verdict metrics of newscheck.evaluate.verdicts on hand-made cases."""

from __future__ import annotations

from newscheck.evaluate.verdicts import MISSED, Case, VerdictEvaluation


def case(gold: str, predicted: str) -> Case:
    return Case("001-x", "role", "A", "B", "2023-05-07", gold, predicted, "", "why")


def test_metrics_count_missed_claims_as_misses() -> None:
    ev = VerdictEvaluation(cases=[case("refuted", "refuted"), case("refuted", MISSED),
                                  case("supported", "supported"), case("supported", "refuted"),
                                  case("not_enough_evidence", "not_enough_evidence")],
                           unmatched_refutations=[case("(none)", "refuted")], articles=1)
    assert ev.refuted_recall == 0.5
    assert ev.refuted_precision == 1 / 3
    assert ev.supported_recall == 0.5
    assert [c.gold for c in ev.false_refutations] == ["supported"]
    assert ev.confusion()["refuted"][MISSED] == 1
    text = ev.render()
    assert "false refutations  1" in text and "gold supported, predicted refuted" in text
    assert ev.summary()["missed"] == 1


def test_empty_evaluation_is_vacuous() -> None:
    ev = VerdictEvaluation()
    assert ev.refuted_recall == ev.refuted_precision == ev.supported_recall == 1.0
    assert ev.accuracy == 0.0
