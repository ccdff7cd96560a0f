from collections.abc import Callable

from newscheck.model import Claim

Run = Callable[..., list[Claim]]


def test_same_name_resolved_by_office_and_time(claims_of: Run) -> None:
    c = next(c for c in claims_of("In 1995, Australian Foreign Minister Sam Doe visited Tokyo.")
         if c.kind == "role")
    assert c.subject is not None and c.subject.id == "L:sam-doe-2"
    assert c.subject.label == "Sam Doe" and not c.qualifiers.get("ambiguous")


def test_same_name_resolved_by_time_alone(claims_of: Run) -> None:
    v = next(c for c in claims_of("In 1990, Sam Doe visited Tokyo.") if c.kind == "visit")
    assert v.subject is not None and v.subject.id == "L:sam-doe-1"


def test_still_ambiguous_is_not_guessed(claims_of: Run) -> None:
    v = next(c for c in claims_of("Sam Doe visited Tokyo last week.") if c.kind == "visit")
    assert v.subject is not None and v.subject.id is None
    assert set(v.subject.candidates) == {"L:sam-doe-1", "L:sam-doe-2"}
    assert v.qualifiers["ambiguous"] is True


def test_unknown_person_stays_unlinked(claims_of: Run) -> None:
    r = next(c for c in claims_of("Foreign Minister Jane Roe spoke.") if c.kind == "role")
    assert r.subject is not None and r.subject.id is None and r.subject.candidates == ()
    assert "ambiguous" not in r.qualifiers


def test_office_without_country_has_no_candidates(claims_of: Run) -> None:
    r = next(c for c in claims_of("Prime Minister Fumio Kishida spoke.") if c.kind == "role")
    assert r.object is not None and r.object.id is None
    assert r.qualifiers["office_kind"] == "head_of_government"
    assert r.qualifiers["office_candidates"] == []
    assert r.subject is not None and r.subject.id == "Q359480"



def test_short_mention_in_another_spelling_of_a_person_named_in_full() -> None:
    """"President Zelensky" after "Volodymyr Zelenskiy": the KB names of the person linked in
    full (shipped world pack: Zelenskyy, Zelenskiy, Zelensky) end with the short mention."""
    import newscheck

    text = ("KYIV — Ukrainian President Volodymyr Zelenskiy said on Tuesday that talks would "
            "continue. President Zelensky later told reporters he was hopeful.")
    roles = [c for c in newscheck.check(text, published="2019-11-19").claims
             if c.kind == "role"]
    assert [c.subject.id for c in roles if c.subject] == ["Q3874799", "Q3874799"]
    assert roles[1].qualifiers.get("short_mention") is True
    assert roles[1].verdict is not None and roles[1].verdict.label == "supported"


def test_short_mention_shared_by_two_people_is_not_linked() -> None:
    """Nawaz and Shehbaz Sharif both named in full: "Prime Minister Sharif" is neither."""
    import newscheck

    text = ("ISLAMABAD — Prime Minister Shehbaz Sharif said on Monday that former Prime "
            "Minister Nawaz Sharif would return. Prime Minister Sharif did not say when.")
    role = next(c for c in newscheck.check(text, published="2022-05-02").claims
                if c.kind == "role" and c.subject is not None and c.subject.mention == "Sharif")
    assert role.subject is not None and role.subject.id is None
    assert role.verdict is not None and role.verdict.label == "not_enough_evidence"
