"""Office changes ("resigned as", "sworn in as", "succeeded … as") and titles held "under" a
head, against the fixture KB (public record)."""

from __future__ import annotations

from datetime import date

from newscheck.model import TimeAnchor

from .conftest import Check, at, make_claim, period, ref

JOHNSON, TRUSS, SUNAK = "Q180589", "Q272201", "L:rishi-sunak"
POMPEO, BLINKEN, BIDEN, TRUMP = "L:mike-pompeo", "L:antony-blinken", "Q6279", "L:donald-trump"
KISHIDA, ABE, SUGA = "Q359480", "Q132345", "Q122465"
UK, US, JAPAN = "Q145", "Q30", "Q17"


def before(day: str) -> TimeAnchor:
    return TimeAnchor(basis="narrated", start=None, end=date.fromisoformat(day), cue="x")


def change(person: str, event: str, time: TimeAnchor, kind: str = "", office: str = "pm",
           **q: object) -> object:
    kinds = {"pm": ("head_of_government", "prime minister"),
             "fs": ("foreign_minister", "foreign secretary")}
    office_kind, words = kinds[office]
    return make_claim(kind or ("former_role" if event == "left" else "role"), ref(person),
                      ref(None, words), time, office_kind=office_kind, country=UK, event=event,
                      **q)


def test_left_within_the_period_is_supported(check: Check) -> None:
    v = check(change(JOHNSON, "left", period("2018-07-01", "2018-07-31"), office="fs"))
    assert v.label == "supported"
    assert "ended 2018-07-09" in v.explanation and "not why" in v.explanation


def test_left_near_the_period_is_supported_within_seven_days(check: Check) -> None:
    assert check(change(JOHNSON, "left", at("2018-07-03"), office="fs")).label == "supported"
    assert check(change(JOHNSON, "left", at("2018-06-20"), office="fs")).label != "supported"


def test_left_when_not_in_office_at_all_is_refuted(check: Check) -> None:
    v = check(change(JOHNSON, "left", period("2020-01-01", "2020-12-31"), office="fs"))
    assert v.label == "refuted"
    assert "cannot have left that office in 2020" in v.explanation


def test_left_during_a_continuing_term_is_not_refuted(check: Check) -> None:
    # resignations are announced before the term ends (July → September 2022), and leaders
    # resign and are reappointed: a term that goes on is no evidence against it
    v = check(change(JOHNSON, "left", period("2022-07-01", "2022-07-31")))
    assert v.label == "not_enough_evidence"
    assert "announced before the term ends" in v.explanation


def test_left_on_or_before_the_article_date(check: Check) -> None:
    assert check(change(JOHNSON, "left", before("2023-05-07"), office="fs")).label == "supported"
    # Sunak became prime minister only in October 2022
    v = check(change(SUNAK, "left", before("2021-05-07")))
    assert v.label == "refuted"


def test_took_office(check: Check) -> None:
    assert check(change(SUNAK, "took", at("2022-10-25"))).label == "supported"
    assert check(change(SUNAK, "took", period("2022-10-01", "2022-10-31"))).label == "supported"
    # Truss held the office in 2023 not at all: refuted
    assert check(change(TRUSS, "took", period("2023-01-01", "2023-12-31"))).label == "refuted"


def test_took_during_a_term_is_not_refuted(check: Check) -> None:
    # a second inauguration or a re-election by parliament is not a new term in the KB
    v = check(change(SUNAK, "took", period("2023-01-01", "2023-12-31")))
    assert v.label == "not_enough_evidence"
    assert "not recorded as a new term" in v.explanation


def test_succession_supported_names_both_terms(check: Check) -> None:
    v = check(change(SUNAK, "took", before("2023-05-07"), predecessor=TRUSS,
                     predecessor_mention="Liz Truss", predecessor_candidates=[TRUSS]))
    assert v.label == "supported"
    assert "2022-09-06 to 2022-10-25" in v.explanation and "from 2022-10-25" in v.explanation
    v = check(change(TRUSS, "left", before("2023-05-07"), successor=SUNAK,
                     successor_mention="Rishi Sunak", successor_candidates=[SUNAK]))
    assert v.label == "supported"


def test_succession_in_the_wrong_order_is_refuted(check: Check) -> None:
    v = check(change(TRUSS, "took", before("2023-05-07"), predecessor=SUNAK,
                     predecessor_mention="Rishi Sunak", predecessor_candidates=[SUNAK]))
    assert v.label == "refuted"
    assert "cannot have been the predecessor" in v.explanation


def test_succession_with_holders_in_between_is_not_refuted(check: Check) -> None:
    v = check(change(SUNAK, "took", before("2023-05-07"), predecessor=JOHNSON,
                     predecessor_mention="Boris Johnson", predecessor_candidates=[JOHNSON]))
    assert v.label == "not_enough_evidence"
    assert "Liz Truss in between" in v.explanation


def test_succession_with_an_unknown_partner(check: Check) -> None:
    v = check(change(SUNAK, "took", before("2023-05-07"), predecessor=None,
                     predecessor_mention="Jane Doe", predecessor_candidates=[]))
    assert v.label == "not_enough_evidence"


def under(person: str, head: str, **q: object) -> object:
    return make_claim("former_role", ref(person), ref(None, "secretary of state"),
                      before("2024-06-01"), office_kind="foreign_minister", country=US,
                      under=head, under_mention=head, under_candidates=[head], **q)


def test_under_supported_when_terms_overlap(check: Check) -> None:
    v = check(under(POMPEO, TRUMP))
    assert v.label == "supported"
    assert "2018-04-26 to 2021-01-20" in v.explanation and "2017-01-20" in v.explanation


def test_under_refuted_when_terms_meet_only_at_the_handover(check: Check) -> None:
    v = check(under(POMPEO, BIDEN))
    assert v.label == "refuted"
    assert "Joe Biden was President" in v.explanation and "do not overlap" in v.explanation


def test_under_blocked_for_an_ambiguous_person(check: Check) -> None:
    assert check(under(POMPEO, BIDEN, ambiguous=True)).label == "not_enough_evidence"


def test_under_a_non_leader_falls_back_to_the_plain_check(check: Check) -> None:
    # Blinken is not a head of state or government: the "under" part cannot be read
    v = check(under(POMPEO, BLINKEN))
    assert v.label == "supported" and "before 2024-06-01" in v.explanation


def test_under_japan(check: Check) -> None:
    def claim(head: str) -> object:
        return make_claim("former_role", ref(KISHIDA), ref(None, "foreign minister"),
                          before("2024-06-01"), office_kind="foreign_minister", country=JAPAN,
                          under=head, under_mention=head, under_candidates=[head])
    assert check(claim(ABE)).label == "supported"
    assert check(claim(SUGA)).label == "refuted"
