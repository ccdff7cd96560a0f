"""A refutation is withheld when the claim's time may not be the title's: an attributive title
("Prime Minister X") in a sentence narrating another time, or a time the sentence names that no
timex read ("the 2010s", "as foreign minister")."""

from __future__ import annotations

from .conftest import Check, at, make_claim, period, ref

KISHIDA, PM_JAPAN, FM_JAPAN = "Q359480", "Q274948", "Q1355043"


def test_title_now_withholds_when_true_at_publication(check: Check) -> None:
    # "Prime Minister Kishida defended the agreement reached in 2015" (published 2023-05-07)
    claim = make_claim("role", ref(KISHIDA, "Fumio Kishida"), ref(PM_JAPAN),
                       period("2015-01-01", "2015-12-31"), title_now=True)
    v = check(claim)
    assert v.label == "not_enough_evidence"
    assert "held when the article was written (2023-05-07)" in v.explanation


def test_title_now_still_refutes_when_false_at_both_times(check: Check) -> None:
    claim = make_claim("role", ref(KISHIDA, "Fumio Kishida"), ref(FM_JAPAN),
                       period("2022-01-01", "2022-12-31"), title_now=True)
    assert check(claim).label == "refuted"


def test_without_title_now_the_sentence_time_decides(check: Check) -> None:
    claim = make_claim("role", ref(KISHIDA, "Fumio Kishida"), ref(PM_JAPAN),
                       period("2015-01-01", "2015-12-31"))
    assert check(claim).label == "refuted"


def test_unread_time_withholds_a_role_refutation(check: Check) -> None:
    claim = make_claim("role", ref(KISHIDA, "Fumio Kishida"), ref(FM_JAPAN), at("2023-05-07"),
                       unread_time="2010s")
    v = check(claim)
    assert v.label == "not_enough_evidence" and "(“2010s”)" in v.explanation


def test_unread_time_does_not_touch_a_support(check: Check) -> None:
    claim = make_claim("role", ref(KISHIDA, "Fumio Kishida"), ref(PM_JAPAN), at("2023-05-07"),
                       unread_time="2015")
    assert check(claim).label == "supported"
