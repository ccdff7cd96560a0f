"""role, former_role and counterpart claims: each phrasing, span, time and linking."""

from collections.abc import Callable

import pytest

from newscheck.model import Claim

Run = Callable[..., list[Claim]]


def only(claims: list[Claim], kind: str) -> list[Claim]:
    return [c for c in claims if c.kind == kind]


@pytest.mark.parametrize(("text", "span", "person", "kind", "country"), [
    ("Japanese Foreign Minister Fumio Kishida arrived.",
     "Japanese Foreign Minister Fumio Kishida", "Q359480", "foreign_minister", "Q17"),
    ("Japan's foreign minister, Fumio Kishida, arrived.",
     "Japan's foreign minister, Fumio Kishida", "Q359480", "foreign_minister", "Q17"),
    ("Penny Wong, Australia's foreign minister, spoke.",
     "Penny Wong, Australia's foreign minister", "L:penny-wong", "foreign_minister", "Q408"),
    ("Penny Wong, the Foreign Minister of Australia, spoke.",
     "Penny Wong, the Foreign Minister of Australia", "L:penny-wong", "foreign_minister",
     "Q408"),
    ("Penny Wong, who is foreign minister, spoke.",
     "Penny Wong, who is foreign minister", "L:penny-wong", "foreign_minister", None),
    ("Penny Wong is Australia's foreign minister.",
     "Penny Wong is Australia's foreign minister", "L:penny-wong", "foreign_minister", "Q408"),
    ("South Korean President Yoon Suk Yeol said so.",
     "South Korean President Yoon Suk Yeol", "Q21017", "head_of_state", "Q884"),
])
def test_role_forms(claims_of: Run, text: str, span: str, person: str, kind: str,
                    country: str | None) -> None:
    roles = only(claims_of(text), "role")
    assert len(roles) == 1
    c = roles[0]
    assert c.text == span
    assert c.subject is not None and c.subject.id == person
    assert c.qualifiers["office_kind"] == kind
    assert c.qualifiers["country"] == country
    assert c.time.basis == "published" and c.time.date is not None


def test_role_office_resolved_to_position(claims_of: Run) -> None:
    c = only(claims_of("Japanese Foreign Minister Fumio Kishida arrived."), "role")[0]
    assert c.object is not None and c.object.id == "Q1355043"
    assert c.qualifiers["office_candidates"] == ["Q1355043"]


def test_unknown_person_next_to_title_is_kept_unlinked(claims_of: Run) -> None:
    claims = claims_of("Foreign Minister Jane Roe of Freedonia spoke. Later, Mark Poe, "
                       "Australia's defence minister, agreed.")
    roles = only(claims, "role")
    assert [(c.subject.mention, c.subject.id) for c in roles if c.subject] == [
        ("Jane Roe", None), ("Mark Poe", None)]
    assert roles[1].qualifiers["country"] == "Q408"


def test_former_and_ex_and_late(claims_of: Run) -> None:
    for text in ("Former Prime Minister Shinzo Abe spoke.", "ex-Prime Minister Shinzo Abe spoke.",
                 "Shinzo Abe, a former prime minister, spoke.",
                 "Japan's former prime minister Shinzo Abe spoke."):
        claims = claims_of(text)
        assert [c.kind for c in claims if c.kind.endswith("role")] == ["former_role"], text
        c = only(claims, "former_role")[0]
        assert c.subject is not None and c.subject.id == "Q132345"
        assert c.time.basis == "narrated" and c.time.start is None
        assert c.time.end is not None and c.time.end.isoformat() == "2023-05-10"


def test_then_takes_the_narrated_date(claims_of: Run) -> None:
    c = only(claims_of("In 2015, then-Foreign Minister Fumio Kishida visited Seoul."),
             "former_role")[0]
    assert c.text == "then-Foreign Minister Fumio Kishida"
    assert c.time.to_dict() == {"start": "2015-01-01", "end": "2015-12-31", "basis": "narrated",
                                "cue": "then- (In 2015)"}


def test_then_without_date_is_some_time_before_the_anchor(claims_of: Run) -> None:
    c = only(claims_of("Then-Foreign Minister Fumio Kishida signed it."), "former_role")[0]
    assert c.time.start is None and c.time.end is not None


def test_who_served_as_with_a_period(claims_of: Run) -> None:
    # a time right after the title is the title's: held during 2012-2020 (checked as a role)
    c = only(claims_of("Shinzo Abe, who served as prime minister from 2012 to 2020, spoke."),
             "role")[0]
    assert c.time.to_dict()["start"] == "2012-01-01" and c.time.basis == "explicit"


def test_blocked_titles_make_no_role(claims_of: Run) -> None:
    for text in ("Deputy Foreign Minister Jane Roe spoke.", "Vice President Jane Roe spoke.",
                 "President-elect Jane Roe spoke.", "Incoming Prime Minister Jane Roe spoke.",
                 "The prime minister's spokesman, Jane Roe, spoke."):
        assert not [c for c in claims_of(text) if c.kind.endswith("role")], text


def test_counterpart_after(claims_of: Run) -> None:
    claims = claims_of("Japanese Foreign Minister Fumio Kishida met his South Korean "
                       "counterpart, Yun Byung-se, in Seoul on Tuesday.")
    c = only(claims, "counterpart")[0]
    assert c.text == "his South Korean counterpart, Yun Byung-se"
    assert c.subject is not None and c.subject.id == "Q8325594"
    assert c.object is not None and c.object.id == "Q359480"
    assert c.qualifiers["country"] == "Q884"
    assert c.qualifiers["reference_office_kind"] == "foreign_minister"
    assert c.time.to_dict() == {"date": "2023-05-09", "basis": "relative", "cue": "on Tuesday"}


def test_counterpart_before_and_pronoun(claims_of: Run) -> None:
    claims = claims_of("Fumio Kishida arrived on Monday. He later met Yun Byung-se, his South "
                       "Korean counterpart.")
    c = only(claims, "counterpart")[0]
    assert c.subject is not None and c.subject.mention == "Yun Byung-se"
    assert c.object is not None and c.object.id == "Q359480"
    assert "reference_office_kind" not in c.qualifiers


def test_no_counterpart_without_a_person(claims_of: Run) -> None:
    assert not only(claims_of("Kishida will meet his South Korean counterpart soon."),
                    "counterpart")


def test_title_of_an_organisation_is_a_role_of_kind_other(claims_of: Run) -> None:
    r = only(claims_of("Jane Roe, the governor of the Bank of Freedonia, spoke."), "role")[0]
    assert r.object is not None and r.object.mention == "governor of the Bank of Freedonia"
    assert r.qualifiers["office_kind"] == "other"


def test_two_titles_one_person(claims_of: Run) -> None:
    roles = only(claims_of("Deputy Prime Minister and Foreign Minister Jane Roe spoke."), "role")
    assert [r.qualifiers["office_kind"] for r in roles] == ["deputy_head_of_government",
                                                            "foreign_minister"]
