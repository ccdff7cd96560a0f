"""meeting / visit / first: never decided (the KB records offices, not events), but the
explanation names what the KB does confirm about the participants at that date."""

from __future__ import annotations

from .conftest import Check, at, make_claim, ref

KISHIDA, YOON, KOREA = "Q359480", "Q16090635", "Q884"


def test_meeting_names_both_offices_as_evidence(check: Check) -> None:
    v = check(make_claim("meeting", ref(KISHIDA), ref(YOON), at("2023-05-07")))
    assert v.label == "not_enough_evidence" and v.confidence == 0.0
    assert v.explanation.startswith("The knowledge base records offices, not meetings: it "
                                    "cannot confirm that Fumio Kishida met Yoon Suk Yeol on "
                                    "2023-05-07.")
    assert "On 2023-05-07, Fumio Kishida was Prime Minister of Japan and Yoon Suk Yeol was " \
           "President of South Korea (both recorded)." in v.explanation
    assert sorted(e.extra["value"] for e in v.evidence if e.kind == "kb_statement") == [
        "Q274948", "Q6296418"]


def test_meeting_with_an_unknown_person_and_a_planned_one(check: Check) -> None:
    v = check(make_claim("meeting", ref(KISHIDA), ref(None, "Jane Roe"), at("2023-05-07"),
                         planned=True))
    assert "was due to meet Jane Roe" in v.explanation
    assert "“Jane Roe” is not in the knowledge base" in v.explanation
    assert len(v.evidence) == 1


def test_no_office_at_that_date_is_said_not_refuted(check: Check) -> None:
    v = check(make_claim("visit", ref(YOON), ref(KOREA, "Seoul"), at("2015-05-07")))
    assert v.label == "not_enough_evidence"
    assert "cannot confirm that Yoon Suk Yeol visited Seoul on 2015-05-07" in v.explanation
    assert "records no office of Yoon Suk Yeol" in v.explanation and not v.evidence


def test_first_is_never_refuted_and_names_the_office(check: Check) -> None:
    v = check(make_claim("first", ref(KISHIDA), ref(KOREA, "South Korea"), at("2023-05-07"),
                         event="visit"))
    assert v.label == "not_enough_evidence"
    assert "no record of earlier visits by Fumio Kishida" in v.explanation
    assert "never refuted" in v.explanation and "Prime Minister of Japan" in v.explanation
    assert len(v.evidence) == 1
