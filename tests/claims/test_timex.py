from datetime import date
from typing import Any

import pytest

from newscheck.claims.timex import find_timexes

ANCHOR = date(2023, 5, 10)   # Wednesday


def one(text: str) -> dict[str, str]:
    found = find_timexes(text, 0, ANCHOR)
    assert len(found) == 1, found
    assert text[found[0].start:found[0].end] == found[0].text
    return found[0].when.to_dict()


@pytest.mark.parametrize(("text", "expected"), [
    ("on May 7, 2023", {"date": "2023-05-07", "basis": "explicit"}),
    ("on 7 May 2023", {"date": "2023-05-07", "basis": "explicit"}),
    ("on Sept. 5, 2022", {"date": "2022-09-05", "basis": "explicit"}),
    ("in May 2019", {"start": "2019-05-01", "end": "2019-05-31", "basis": "explicit"}),
    ("In 2015", {"start": "2015-01-01", "end": "2015-12-31", "basis": "explicit"}),
    ("on March 3", {"date": "2023-03-03", "basis": "explicit"}),
    ("yesterday", {"date": "2023-05-09", "basis": "relative"}),
    ("on Tuesday", {"date": "2023-05-09", "basis": "relative"}),
    ("last month", {"start": "2023-04-01", "end": "2023-04-30", "basis": "relative"}),
    ("last year", {"start": "2022-01-01", "end": "2022-12-31", "basis": "relative"}),
    ("earlier this month", {"start": "2023-05-01", "end": "2023-05-10", "basis": "relative"}),
    ("three days ago", {"date": "2023-05-07", "basis": "relative"}),
])
def test_resolves(text: str, expected: dict[str, str]) -> None:
    got = one(f"It happened {text}.")
    assert {k: got[k] for k in expected} == expected
    assert got["cue"] == text


def test_month_day_in_the_future_means_last_year() -> None:
    assert one("on December 20")["date"] == "2022-12-20"


def test_roles_of_since_and_range() -> None:
    found = find_timexes("the first visit since 2011, and he served from 2012 to 2020", 5,
                         ANCHOR)
    assert [(t.role, t.text) for t in found] == [("since", "since 2011"),
                                                 ("range", "from 2012 to 2020")]
    assert found[0].start == 5 + len("the first visit ")


def test_no_time_no_parse() -> None:
    assert find_timexes("The ministers spoke about trade.", 0, ANCHOR) == []
    assert find_timexes("It may rain.", 0, ANCHOR) == []


def test_many_dates_are_found_in_linear_time() -> None:
    import itertools
    import time

    unit = "".join(f"They met on {d} May 2023 and again in 2021. " for d in range(1, 29))

    def run(n: int) -> tuple[float, list[Any]]:
        t0 = time.perf_counter()
        found = find_timexes(unit * n, 0, ANCHOR)
        return time.perf_counter() - t0, list(found)

    run(10)                                         # warm up
    small, _ = run(40)
    large, found = run(160)
    # 4x the input: ~4x the time when linear (it was quadratic: ~20 s at 150 units)
    assert large < 8 * small + 0.5, (small, large)
    assert len(found) == 2 * 28 * 160
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


def test_a_possessive_time_names_a_thing_not_the_event() -> None:
    text = "The prime minister faces a fight over next year's budget and 2023's deficit."
    assert find_timexes(text, 0, ANCHOR) == []
