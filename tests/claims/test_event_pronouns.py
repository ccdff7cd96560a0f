"""Meeting and visit claims whose subject is a pronoun or a description, or whose object is a
list or a pronoun; visits that were called off. Names other than the KB's are fictional."""

from datetime import date

from newscheck.model import Claim

from .test_events import Run, only, pairs


def test_pronoun_after_a_lead_phrase_and_object_lists(claims_of: Run) -> None:
    c = claims_of("Fumio Kishida arrived in Japan on Wednesday. In Tokyo on Thursday he met "
                  "Foreign Minister Jane Roe and Prime Minister John Poe.")
    m = only(c, "meeting")
    assert pairs(c, "meeting") == [("Fumio Kishida", "Jane Roe"), ("Fumio Kishida", "John Poe")]
    assert all(x.qualifiers["place"] == "Tokyo" and x.time.date == date(2023, 5, 4) for x in m)
    c = claims_of("Fumio Kishida met his South Korean counterpart Yun Byung-se and acting "
                  "President Yoon Suk Yeol.")
    assert [o for _, o in pairs(c, "meeting")] == ["Yun Byung-se", "Yoon Suk Yeol"]


def test_pronoun_needs_one_plausible_antecedent(claims_of: Run) -> None:
    for text in ("Fumio Kishida and Penny Wong arrived in Seoul on Monday. He met Yoon Suk Yeol.",
                 "Mr Kishida arrived in Seoul. Fumio Kishida spoke. She met Yoon Suk Yeol.",
                 "Penny Wong arrived in Seoul. Officials said Yoon Suk Yeol praised the talks. "
                 "She later met Yun Byung-se.",
                 "Penny Wong met Fumio Kishida in Tokyo, and he later visited Seoul.",
                 "Penny Wong arrived in Tokyo. After meeting Fumio Kishida, she flew to Seoul."):
        cut = text.rfind(". ") if ". " in text else text.index(", and")
        assert not [x for x in claims_of(text) if x.kind in ("meeting", "visit")
                    and x.start > cut], text


def test_shared_subject_across_and_and_clause_pronouns(claims_of: Run) -> None:
    c = claims_of("Penny Wong flew to Florida on Monday and met former President Sam Smith.")
    assert pairs(c, "visit") == [("Penny Wong", "Florida")]
    assert pairs(c, "meeting") == [("Penny Wong", "Sam Smith")]
    assert only(c, "meeting")[0].time.date == date(2023, 5, 8)
    c = claims_of("Penny Wong went to Buenos Aires, where she met Argentine President Jane Roe.")
    assert pairs(c, "meeting") == [("Penny Wong", "Jane Roe")]
    c = claims_of("Fumio Kishida arrived in Seoul. He is due to travel to Busan on Friday and "
                  "meet Yoon Suk Yeol.")
    planned = [x for x in c if x.qualifiers.get("planned")]
    assert [(x.kind, x.time.date) for x in planned] == [("visit", date(2023, 5, 12)),
                                                        ("meeting", date(2023, 5, 12))]
    c = claims_of("Penny Wong said Fumio Kishida flew to Seoul and met Yoon Suk Yeol.")
    assert pairs(c, "meeting") == [("Fumio Kishida", "Yoon Suk Yeol")]
    c = claims_of("Penny Wong met Fumio Kishida, who flew to Seoul and met Yoon Suk Yeol.")
    assert ("Penny Wong", "Yoon Suk Yeol") not in pairs(c, "meeting")
    assert not only(claims_of("Penny Wong could fly to Tokyo and meet Fumio Kishida."),
                    "meeting")


def test_hosts_receivers_descriptions_and_the_two(claims_of: Run) -> None:
    c = claims_of("Penny Wong visited Beijing on Monday. Foreign Minister Jane Roe is due to "
                  "host her again next year.")
    m = only(c, "meeting")[-1]
    assert (m.subject and m.subject.mention, m.object and m.object.mention) == ("Jane Roe",
                                                                                "Penny Wong")
    assert m.qualifiers["planned"] is True and m.text == "Jane Roe is due to host her"
    # "him" could be either person of the last sentence
    c = claims_of("Penny Wong met Fumio Kishida on Monday. Yoon Suk Yeol will host him next week.")
    assert pairs(c, "meeting") == [("Penny Wong", "Fumio Kishida")]
    c = claims_of("Fumio Kishida was later received by Prime Minister John Poe.")
    assert pairs(c, "meeting") == [("Fumio Kishida", "John Poe")]
    c = claims_of("Penny Wong, Australia's foreign minister, arrived in Tokyo on Monday. The "
                  "minister met Fumio Kishida.")
    assert pairs(c, "meeting") == [("Penny Wong", "Fumio Kishida")]
    c = claims_of("Fumio Kishida greeted Yoon Suk Yeol at the airport. When the two met on "
                  "Monday, they talked for an hour.")
    m = only(c, "meeting")[-1]
    assert m.text == "the two met" and m.time.date == date(2023, 5, 8)


def test_visit_phrasings_and_trips_that_did_not_happen(claims_of: Run) -> None:
    def visits(text: str) -> list[Claim]:
        return only(claims_of(text), "visit")

    v = visits("Penny Wong made a weekend stop in Singapore.")
    assert [x.object.mention for x in v if x.object] == ["Singapore"]
    v = visits("Penny Wong travels on to Seoul on Friday.")
    assert v[0].qualifiers["planned"] is True and v[0].time.date == date(2023, 5, 12)
    v = visits("Penny Wong is due to travel to Tokyo next week.")
    assert v[0].qualifiers["planned"] is True
    for text in ("Penny Wong had postponed a trip to Tokyo.",
                 "Penny Wong cancelled a visit to Tokyo.",
                 "Penny Wong called off her visit to Tokyo."):
        assert not visits(text), text
    for text in ("Penny Wong spoke by phone with Fumio Kishida.",
                 "Penny Wong spoke with Fumio Kishida by phone on Monday."):
        assert not only(claims_of(text), "meeting"), text
