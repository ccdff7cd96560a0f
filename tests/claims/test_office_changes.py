"""Office-change claims ("resigned as", "sworn in as", "succeeded … as") and titles held
"under" a head."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from newscheck.model import Claim

Run = Callable[..., list[Claim]]
KISHIDA, ABE, YOON = "Q359480", "Q132345", "Q21017"


def checked(claims: list[Claim]) -> list[Claim]:
    return [c for c in claims if c.kind in ("role", "former_role")]


@pytest.mark.parametrize(("text", "kind", "event", "start", "end"), [
    ("Fumio Kishida resigned as foreign minister in August 2017.", "former_role", "left",
     date(2017, 8, 1), date(2017, 8, 31)),
    ("Fumio Kishida stepped down as prime minister in 2024.", "former_role", "left",
     date(2024, 1, 1), date(2024, 12, 31)),
    ("Shinzo Abe quit as prime minister in 2007.", "former_role", "left",
     date(2007, 1, 1), date(2007, 12, 31)),
    ("Yoon Suk Yeol was sworn in as president on May 10, 2022.", "role", "took",
     date(2022, 5, 10), date(2022, 5, 10)),
    ("Yoon Suk Yeol took office as South Korea's president in May 2022.", "role", "took",
     date(2022, 5, 1), date(2022, 5, 31)),
    ("In 2012, Shinzo Abe took over as prime minister.", "role", "took",
     date(2012, 1, 1), date(2012, 12, 31)),
])
def test_change_with_a_time(claims_of: Run, text: str, kind: str, event: str, start: date,
                            end: date) -> None:
    [c] = checked(claims_of(text))
    assert (c.kind, c.qualifiers["event"]) == (kind, event)
    t = c.time
    assert (t.date or t.start, t.date or t.end) == (start, end)
    assert c.qualifiers["office_kind"] in ("foreign_minister", "head_of_government",
                                           "head_of_state")


def test_change_without_a_time_is_on_or_before_the_anchor(claims_of: Run) -> None:
    [c] = checked(claims_of("Fumio Kishida, who resigned as foreign minister, spoke on Monday."))
    assert c.qualifiers["event"] == "left"
    assert c.time.start is None and c.time.end == date(2023, 5, 10)   # not Monday's date
    assert c.text == "Fumio Kishida, who resigned as foreign minister"


@pytest.mark.parametrize("text", [
    "Fumio Kishida succeeded Shinzo Abe as prime minister.",
    "Fumio Kishida replaced Shinzo Abe as prime minister.",
    "Shinzo Abe was replaced as prime minister by Fumio Kishida.",
    "Fumio Kishida's predecessor as prime minister, Shinzo Abe, spoke.",
    "Shinzo Abe's successor as prime minister, Fumio Kishida, spoke.",
])
def test_succession_gives_two_claims(claims_of: Run, text: str) -> None:
    took, left = sorted(checked(claims_of(text)), key=lambda c: c.kind != "role")
    assert (took.kind, took.qualifiers["event"], took.subject.id) == ("role", "took", KISHIDA)
    assert took.qualifiers["predecessor"] == ABE
    assert (left.kind, left.qualifiers["event"], left.subject.id) == ("former_role", "left", ABE)
    assert left.qualifiers["successor"] == KISHIDA


@pytest.mark.parametrize("text", [
    "Fumio Kishida will step down as prime minister in September.",
    "Fumio Kishida refused to resign as prime minister.",
    "Fumio Kishida never resigned as prime minister.",
    "Fumio Kishida was elected prime minister in 2021.",
    "Shinzo Abe resigned as acting prime minister in 2007.",
    "Fumio Kishida's successor, Shinzo Abe, spoke.",
])
def test_no_change_claim(claims_of: Run, text: str) -> None:
    assert not [c for c in checked(claims_of(text)) if c.qualifiers.get("event")]


@pytest.mark.parametrize(("text", "person", "head"), [
    ("Shinzo Abe's foreign minister, Fumio Kishida, spoke.", KISHIDA, ABE),
    ("Fumio Kishida, Shinzo Abe's foreign minister, spoke.", KISHIDA, ABE),
    ("Fumio Kishida, foreign minister under Shinzo Abe, spoke.", KISHIDA, ABE),
    ("Fumio Kishida, who served as foreign minister under Prime Minister Shinzo Abe, spoke.",
     KISHIDA, ABE),
])
def test_under_records_the_head(claims_of: Run, text: str, person: str, head: str) -> None:
    claims = checked(claims_of(text))
    c = next(c for c in claims if c.subject and c.subject.id == person)
    assert c.kind == "former_role"
    assert c.qualifiers["under"] == head
    # the head's own title after "under" is the one held then, not at publication
    assert all(o.kind == "former_role" for o in claims if o.subject and o.subject.id == head)
