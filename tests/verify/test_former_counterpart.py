"""``former_role`` and ``counterpart`` claims against the fixture KB."""

from __future__ import annotations

from .conftest import Check, at, make_claim, ref

KISHIDA, KONO, ABE, YOHEI_KONO = "Q359480", "Q1161024", "Q132345", "Q186146"
YOON, HAN, PARK_JIN, SUH_WOOK = "Q16090635", "Q356666", "Q16090188", "Q61117556"
PM_JAPAN, FM_JAPAN, JAPAN, KOREA = "Q274948", "Q1355043", "Q17", "Q884"


def former(person: str, office: str, day: str, cue: str = "former", basis: str = "narrated"
           ) -> object:
    return make_claim("former_role", ref(person), ref(office), at(day, basis=basis, cue=cue))


def test_former_supported(check: Check) -> None:
    v = check(former(ABE, PM_JAPAN, "2023-05-07"))
    assert v.label == "supported" and v.confidence >= 0.9
    assert "before 2023-05-07" in v.explanation
    assert len(v.evidence) == 1


def test_former_while_still_in_office_is_not_confirmed(check: Check) -> None:
    v = check(former(KISHIDA, PM_JAPAN, "2023-05-07"))
    assert v.label == "not_enough_evidence"
    assert "still held it on 2023-05-07" in v.explanation
    # Abe again in 2014: his first term had ended, so "former prime minister" was true.
    assert check(former(ABE, PM_JAPAN, "2014-05-01")).label == "supported"


def test_former_never_held_with_complete_record_is_refuted(check: Check) -> None:
    v = check(former(KONO, PM_JAPAN, "2023-05-07"))
    assert v.label == "refuted"
    assert "Taro Kono is not among them" in v.explanation
    assert "Shinzō Abe" in v.explanation


def test_former_held_only_later_is_refuted(check: Check) -> None:
    v = check(former(KISHIDA, FM_JAPAN, "2011-05-01"))
    assert v.label == "refuted"
    assert "only from 2012-12-26" in v.explanation


def test_former_record_not_covering_career_is_not_enough(check: Check) -> None:
    # Yōhei Kōno's first recorded office (1999) predates the KB's record of prime ministers.
    v = check(former(YOHEI_KONO, PM_JAPAN, "2023-05-07"))
    assert v.label == "not_enough_evidence"
    assert "does not cover" in v.explanation


def test_then_with_narrated_time_is_a_role_at_that_time(check: Check) -> None:
    assert check(former(KISHIDA, FM_JAPAN, "2015-06-01", cue="then-")).label == "supported"
    v = check(former(KISHIDA, FM_JAPAN, "2019-06-01", cue="then-"))
    assert v.label == "refuted"
    assert "Taro Kono" in v.explanation


def test_then_without_its_own_time_is_checked_as_former(check: Check) -> None:
    # The narrated time is the article's anchor: "then-" says no more than "former".
    v = check(former(KISHIDA, FM_JAPAN, "2023-05-07", cue="then-", basis="published"))
    assert v.label == "supported"


def counterpart(q: str, p: str, day: str = "2023-05-07", **qual: object) -> object:
    return make_claim("counterpart", ref(q), ref(p), at(day), **qual)


def test_counterpart_leader_across_systems(check: Check) -> None:
    v = check(counterpart(YOON, KISHIDA, country=KOREA))
    assert v.label == "supported"
    assert "President of South Korea" in v.explanation and "Prime Minister of Japan" in \
        v.explanation
    assert {e.extra["subject"] for e in v.evidence} == {YOON, KISHIDA}
    assert check(counterpart(HAN, KISHIDA, country=KOREA)).label == "supported"


def test_counterpart_wrong_office_is_refuted_naming_holders(check: Check) -> None:
    v = check(counterpart(PARK_JIN, KISHIDA, country=KOREA))
    assert v.label == "refuted"
    assert "Yoon Suk Yeol" in v.explanation and "Han Duck-soo" in v.explanation
    assert "Park Jin was Minister of Foreign Affairs of South Korea" in v.explanation


def test_counterpart_stated_office_counts(check: Check) -> None:
    # "Foreign Minister Hayashi and his counterpart Park Jin"
    v = check(counterpart(PARK_JIN, "Q1141271", country=KOREA,
                          reference_office_kind="foreign_minister"))
    assert v.label == "supported"
    w = check(counterpart(PARK_JIN, "Q1141271", country=KOREA, reference_office=FM_JAPAN))
    assert w.label == "supported"


def test_counterpart_missing_facts(check: Check) -> None:
    assert check(counterpart(YOON, KISHIDA)).label == "supported"   # country from Yoon's office
    assert check(counterpart(PARK_JIN, KISHIDA)).label == "not_enough_evidence"
    assert check(counterpart(YOON, "L:nobody", country=KOREA)).label == "not_enough_evidence"
    v = check(make_claim("counterpart", ref(None, "Mr Nobody"), ref(KISHIDA), at("2023-05-07"),
                         country=KOREA))
    assert v.label == "not_enough_evidence"


def test_counterpart_boundary_and_ambiguity(check: Check) -> None:
    # Yoon took office on 2022-05-10; three days earlier Moon Jae-in was still president.
    v = check(counterpart(YOON, KISHIDA, day="2022-05-07", country=KOREA))
    assert v.label == "not_enough_evidence"
    amb = make_claim("counterpart", ref(PARK_JIN), ref(KISHIDA), at("2023-05-07"),
                     country=KOREA, ambiguous=True)
    assert check(amb).label == "not_enough_evidence"


def test_events_and_other_are_not_enough_evidence(check: Check) -> None:
    for kind in ("meeting", "visit", "first", "other"):
        v = check(make_claim(kind, ref(KISHIDA), ref(YOON), at("2023-05-07"), event="visit"))
        assert v.label == "not_enough_evidence", kind
        assert v.confidence == 0.0 and v.explanation.endswith(".")
    meeting = check(make_claim("meeting", ref(KISHIDA), ref(YOON), at("2023-05-07")))
    assert "not meetings" in meeting.explanation and "2023-05-07" in meeting.explanation
    first = check(make_claim("first", ref(KISHIDA), ref(KOREA), at("2023-05-07"), event="visit"))
    assert "never refuted" in first.explanation
