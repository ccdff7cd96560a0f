"""meeting, visit, first and other claims; coreference; claim ids and time bases."""

from collections.abc import Callable
from datetime import date

from newscheck.model import Claim

Run = Callable[..., list[Claim]]


def only(claims: list[Claim], kind: str) -> list[Claim]:
    return [c for c in claims if c.kind == kind]


def test_meeting_forms(claims_of: Run) -> None:
    for text in ("Fumio Kishida met Yoon Suk Yeol in Seoul on Sunday.",
                 "Fumio Kishida held talks with Yoon Suk Yeol in Seoul on Sunday.",
                 "Fumio Kishida and Yoon Suk Yeol met in Seoul on Sunday."):
        m = only(claims_of(text), "meeting")
        assert len(m) == 1, text
        assert m[0].subject is not None and m[0].subject.id == "Q359480"
        assert m[0].object is not None and m[0].object.id == "Q21017"
        assert m[0].qualifiers["place"] == "Seoul"
        assert m[0].time.date == date(2023, 5, 7)


def test_meeting_with_counterpart_and_place_country(claims_of: Run) -> None:
    claims = claims_of("Fumio Kishida met his South Korean counterpart Yun Byung-se in Japan.")
    m = only(claims, "meeting")[0]
    assert m.object is not None and m.object.id == "Q8325594"
    assert m.qualifiers == {"place": "Japan", "place_id": "Q17"}


def test_planned_events_are_marked_and_hedged_ones_dropped(claims_of: Run) -> None:
    m = only(claims_of("Fumio Kishida will meet Yoon Suk Yeol next week."), "meeting")
    assert m and m[0].qualifiers.get("planned") is True
    for text in ("Fumio Kishida could meet Yoon Suk Yeol.", "Fumio Kishida did not visit Seoul.",
                 "Fumio Kishida held talks by telephone with Yoon Suk Yeol.",
                 "Fumio Kishida is expected to visit Seoul."):
        assert not only(claims_of(text), "meeting") and not only(claims_of(text), "visit"), text


def test_visit_forms(claims_of: Run) -> None:
    for text, place, place_id in (("Penny Wong visited Japan last month.", "Japan", "Q17"),
                                  ("Penny Wong travelled to Seoul last month.", "Seoul", None),
                                  ("Penny Wong's visit to Japan last month was short.", "Japan",
                                   "Q17")):
        v = only(claims_of(text), "visit")
        assert len(v) == 1, text
        assert v[0].subject is not None and v[0].subject.id == "L:penny-wong"
        assert v[0].object is not None and v[0].object.mention == place
        assert v[0].object.id == place_id
        assert v[0].time.start == date(2023, 4, 1) and v[0].time.basis == "relative"


def test_first_claims(claims_of: Run) -> None:
    f = only(claims_of("Fumio Kishida made his first visit to South Korea since 2011."),
             "first")[0]
    assert f.subject is not None and f.subject.id == "Q359480"
    assert f.qualifiers["event"] == "visit" and f.qualifiers["since"] == "since 2011"
    assert f.object is not None and f.object.id == "Q884"
    assert only(claims_of("Penny Wong met Yoon Suk Yeol for the first time."), "first")
    assert not only(claims_of("Penny Wong spoke in the first half of the session."), "first")


def test_other_claims_are_checkworthy_sentences_only(claims_of: Run) -> None:
    claims = claims_of("Trade between the two countries rose 12 percent in 2022.\n"
                       "What happens next?\n"
                       '"We are very happy with the results of this," she said.\n'
                       "Sign up for our newsletter to read more stories like this.\n"
                       "It was nice.")
    assert [c.text for c in claims] == ["Trade between the two countries rose 12 percent in 2022."]
    assert claims[0].kind == "other" and claims[0].time.basis == "explicit"


def test_coreference_of_surname_and_korean_first_token(claims_of: Run) -> None:
    claims = claims_of("Fumio Kishida and Yun Byung-se met in Tokyo on Monday. Later, Kishida "
                       "visited Seoul. Yun visited Japan on Tuesday.")
    visits = only(claims, "visit")
    assert [(v.subject.mention, v.subject.id) for v in visits if v.subject] == [
        ("Kishida", "Q359480"), ("Yun", "Q8325594")]


def test_ids_in_text_order_and_deterministic(claims_of: Run) -> None:
    text = ("Penny Wong visited Japan last month. Japanese Foreign Minister Fumio Kishida met "
            "his South Korean counterpart, Yun Byung-se.")
    first = claims_of(text)
    assert [c.id for c in first] == [f"c{i}" for i in range(1, len(first) + 1)]
    assert [c.start for c in first] == sorted(c.start for c in first)
    assert [c.to_dict() for c in first] == [c.to_dict() for c in claims_of(text)]


def test_today_basis_is_kept(claims_of: Run) -> None:
    claims = claims_of("Penny Wong, Australia's foreign minister, spoke.", basis="today")
    assert claims[0].time.basis == "today"
