"""Which time a title is checked at: a time right after the title, "became" without a time,
titles under another person or body, times the sentence names but no timex reads."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from newscheck.claims.timex import find_timexes
from newscheck.model import Claim

Run = Callable[..., list[Claim]]
ANCHOR = date(2023, 5, 10)


def roles(claims: list[Claim]) -> list[Claim]:
    return [c for c in claims if c.kind in ("role", "former_role")]


def test_attributive_title_with_another_time_may_be_current(claims_of: Run) -> None:
    [c] = roles(claims_of("Prime Minister Fumio Kishida defended the deal reached in 2015."))
    assert c.kind == "role" and c.qualifiers.get("title_now") is True
    assert c.time.to_dict()["start"] == "2015-01-01"


def test_time_right_after_a_past_title_is_the_titles(claims_of: Run) -> None:
    [c] = roles(claims_of("Fumio Kishida was prime minister in 2015."))
    assert c.kind == "role" and "title_now" not in c.qualifiers
    assert c.time.to_dict()["start"] == "2015-01-01"


@pytest.mark.parametrize("text", [
    "Fumio Kishida, who became prime minister, spoke in Tokyo on Tuesday.",
    "Fumio Kishida, prime minister until last month, spoke.",
    "Fumio Kishida, prime minister until October, spoke.",
])
def test_past_titles_without_their_own_time_are_former(claims_of: Run, text: str) -> None:
    [c] = roles(claims_of(text))
    assert c.kind == "former_role", c


@pytest.mark.parametrize("text", [
    "Fumio Kishida, Japan's foreign minister under Abe, negotiated the deal.",
    "Fumio Kishida, foreign minister under then-Prime Minister Shinzo Abe, spoke.",
])
def test_title_under_another_person_is_then(claims_of: Run, text: str) -> None:
    c = roles(claims_of(text))[0]
    assert c.kind == "former_role" and (c.time.cue or "").startswith("then")


@pytest.mark.parametrize("text", [
    "Liberal Democratic Party President Fumio Kishida addressed the party.",
    "LDP President Fumio Kishida addressed the party.",
])
def test_title_of_another_body_is_not_a_national_office(claims_of: Run, text: str) -> None:
    for c in roles(claims_of(text)):
        assert c.qualifiers["office_kind"] in (None, "other"), c


def test_designate_suffix_blocks_the_title(claims_of: Run) -> None:
    assert not roles(claims_of("Fumio Kishida, the prime minister-designate, spoke."))


@pytest.mark.parametrize(("text", "unread"), [
    ("Foreign Minister Fumio Kishida visited Seoul in the 2010s.", "2010"),
    ("Foreign Minister Fumio Kishida visited Seoul in FY2015.", "2015"),
    ("Prime Minister Fumio Kishida, who visited Seoul as foreign minister, spoke.",
     "as foreign minister"),
])
def test_unread_time_is_flagged(claims_of: Run, text: str, unread: str) -> None:
    [c] = roles(claims_of(text))
    assert c.qualifiers.get("unread_time") == unread


def test_counterpart_with_a_narrated_office_is_flagged(claims_of: Run) -> None:
    cs = claims_of("As foreign minister, Fumio Kishida met his South Korean counterpart "
                   "Yun Byung-se many times.")
    [c] = [c for c in cs if c.kind == "counterpart"]
    assert c.qualifiers.get("unread_time")


def test_former_counterpart_is_not_a_claim(claims_of: Run) -> None:
    cs = claims_of("Prime Minister Fumio Kishida met his former South Korean counterpart "
                   "Moon Jae-in.")
    assert not [c for c in cs if c.kind == "counterpart"]


@pytest.mark.parametrize(("text", "start", "end"), [
    ("at the 2019 G20 summit", "2019-01-01", "2019-12-31"),
    ("in spring 2015", "2015-01-01", "2015-12-31"),
    ("in 2015-16", "2015-01-01", "2016-12-31"),
    ("during the 2014–2015 season", "2014-01-01", "2015-12-31"),
])
def test_year_forms(text: str, start: str, end: str) -> None:
    [t] = find_timexes(text, 0, ANCHOR)
    assert (t.when.to_dict()["start"], t.when.to_dict()["end"]) == (start, end)
    assert t.role == "at"


def test_bare_number_is_still_not_a_time() -> None:
    assert not find_timexes("2015 people came", 0, ANCHOR)
