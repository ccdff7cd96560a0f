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


def pairs(claims: list[Claim], kind: str) -> list[tuple[str, str]]:
    return [(c.subject.mention if c.subject else "", c.object.mention if c.object else "")
            for c in only(claims, kind)]


def test_meeting_phrasings(claims_of: Run) -> None:
    for text in ("Fumio Kishida sat down with Yoon Suk Yeol in Seoul.",
                 "Fumio Kishida hosted Yoon Suk Yeol at his residence.",
                 "Fumio Kishida received Yoon Suk Yeol at his office.",
                 "Fumio Kishida talked with Yoon Suk Yeol over dinner.",
                 "Fumio Kishida spoke with Yoon Suk Yeol on the sidelines.",
                 "Fumio Kishida held a brief conversation with Yoon Suk Yeol.",
                 "Fumio Kishida discussed trade with Yoon Suk Yeol.",
                 "Fumio Kishida called on Yoon Suk Yeol at the presidential office.",
                 "Fumio Kishida arrived in Seoul for talks with Yoon Suk Yeol.",
                 "Fumio Kishida was greeted at the airport by Yoon Suk Yeol.",
                 "Fumio Kishida and Yoon Suk Yeol discussed North Korea.",
                 "Fumio Kishida and Yoon Suk Yeol signed the accord in Tokyo."):
        assert pairs(claims_of(text), "meeting") == [("Fumio Kishida", "Yoon Suk Yeol")], text


def test_not_meetings(claims_of: Run) -> None:
    for text in ("Fumio Kishida spoke with Yoon Suk Yeol by phone.",
                 "Fumio Kishida discussed the issue with Yoon Suk Yeol by telephone.",
                 "Fumio Kishida called on Yoon Suk Yeol to resign.",
                 "Fumio Kishida and Yoon Suk Yeol agreed to cooperate.",
                 "Fumio Kishida said Yoon Suk Yeol was right.",
                 "Fumio Kishida is expected to meet Yoon Suk Yeol.",
                 "Officials worked toward a summit between Fumio Kishida and Yoon Suk Yeol."):
        assert not only(claims_of(text), "meeting"), text


def test_every_subject_meets_every_object(claims_of: Run) -> None:
    c = claims_of("Fumio Kishida and Foreign Minister Penny Wong hosted Yoon Suk Yeol and "
                  "Yun Byung-se on Monday.")
    assert sorted(pairs(c, "meeting")) == [
        ("Fumio Kishida", "Yoon Suk Yeol"), ("Fumio Kishida", "Yun Byung-se"),
        ("Penny Wong", "Yoon Suk Yeol"), ("Penny Wong", "Yun Byung-se")]
    c = claims_of("Penny Wong met Fumio Kishida, Yoon Suk Yeol and Yun Byung-se.")
    assert [o for _, o in pairs(c, "meeting")] == ["Fumio Kishida", "Yoon Suk Yeol",
                                                   "Yun Byung-se"]
    c = claims_of("Penny Wong met Fumio Kishida, Yoon Suk Yeol said.")
    assert pairs(c, "meeting") == [("Penny Wong", "Fumio Kishida")]


def test_relative_clause_and_pronoun_subjects(claims_of: Run) -> None:
    c = claims_of("Penny Wong, who replaced Yun Byung-se, also called on Fumio Kishida.")
    assert pairs(c, "meeting") == [("Penny Wong", "Fumio Kishida")]
    c = claims_of("Penny Wong spoke in Tokyo on Monday. She later briefed Fumio Kishida.")
    m = only(c, "meeting")[0]
    assert pairs(c, "meeting") == [("Penny Wong", "Fumio Kishida")]
    assert m.text == "briefed Fumio Kishida" and m.time.date == date(2023, 5, 8)


def test_visit_phrasings(claims_of: Run) -> None:
    for text, place in (("Penny Wong arrived in Tokyo on Monday.", "Tokyo"),
                        ("Penny Wong flew to Japan on Monday.", "Japan"),
                        ("Penny Wong traveled to Seoul on Monday.", "Seoul"),
                        ("Penny Wong met Yoon Suk Yeol, hours after returning from Tokyo.",
                         "Tokyo"),
                        ("Penny Wong, on a two-day trip to Japan, praised the deal.", "Japan"),
                        ("Penny Wong was in Seoul for talks with officials.", "Seoul"),
                        ("Fumio Kishida hosted Penny Wong in Tokyo.", "Tokyo")):
        v = only(claims_of(text), "visit")
        assert [(x.subject.mention if x.subject else "", x.object.mention if x.object else "")
                for x in v] == [("Penny Wong", place)], text


def test_visit_lists_companions_and_anaphora(claims_of: Run) -> None:
    c = claims_of("Penny Wong accompanied Fumio Kishida to Seoul.")
    assert sorted(pairs(c, "visit")) == [("Fumio Kishida", "Seoul"), ("Penny Wong", "Seoul")]
    c = claims_of("Penny Wong will travel to Tokyo, Seoul and Beijing next week.")
    v = only(c, "visit")
    assert [x.object.mention for x in v if x.object] == ["Tokyo", "Seoul", "Beijing"]
    assert all(x.qualifiers.get("planned") for x in v)
    c = claims_of("Penny Wong met Yoon Suk Yeol on Monday. The visit, which followed a stop in "
                  "Tokyo, was praised.")
    assert pairs(c, "visit") == [("Penny Wong", "Tokyo")]
    c = claims_of("Penny Wong met Yoon Suk Yeol in Seoul on Monday, the first stop of Wong's "
                  "regional tour.")
    assert pairs(c, "visit") == [("Wong", "Seoul")]
    assert not only(claims_of("The visiting Japanese Prime Minister Fumio Kishida spoke."),
                    "visit")


def test_planned_time_is_ahead_and_past_dates_are_narrative(claims_of: Run) -> None:
    # published Wednesday 2023-05-10: a planned "on Friday" is 2023-05-12
    v = only(claims_of("Penny Wong is due to visit Tokyo on Friday."), "visit")[0]
    assert v.qualifiers["planned"] is True and v.time.date == date(2023, 5, 12)
    # a dateline's date is the filing date, not the event's
    m = only(claims_of("TOKYO (May 10) — Fumio Kishida met Yoon Suk Yeol on Sunday."),
             "meeting")[0]
    assert m.time.date == date(2023, 5, 7)
    # a sentence without a time continues the story's day; a date of a noun is not the event's
    c = claims_of("Fumio Kishida met Yoon Suk Yeol on Monday. Kishida also discussed the launch "
                  "of April 13 with Yun Byung-se.")
    assert [x.time.date for x in only(c, "meeting")] == [date(2023, 5, 8), date(2023, 5, 8)]


def test_first_claim_subjects(claims_of: Run) -> None:
    def firsts(text: str) -> list[tuple[str, str, str]]:
        return [(f.subject.mention if f.subject else "", f.object.mention if f.object else "",
                 f.qualifiers["event"]) for f in only(claims_of(text), "first")]

    assert firsts("Fumio Kishida met Yoon Suk Yeol in Seoul, the first visit to South Korea "
                  "by a Japanese leader since 2011.") == [("Fumio Kishida", "South Korea",
                                                           "visit")]
    assert firsts("Fumio Kishida met Yoon Suk Yeol on Monday, their first face-to-face "
                  "meeting.") == [("Fumio Kishida", "Yoon Suk Yeol", "meeting")]
    assert firsts("Penny Wong, on her first trip abroad as foreign minister, met Yoon Suk "
                  "Yeol.") == [("Penny Wong", "", "visit")]
    assert firsts("Yoon Suk Yeol's first G7 summit was in Hiroshima.") == [
        ("Yoon Suk Yeol", "", "meeting")]
    assert firsts("Penny Wong became the first Asian-born minister to hold the post.") == [
        ("Penny Wong", "", "other")]
    for text in ("Fumio Kishida hosted the first trilateral summit in four years.",
                 "Fumio Kishida is expected to visit Seoul, the first such trip since 2011.",
                 "It was the first time Jane Roe had spoken."):
        assert not firsts(text), text
