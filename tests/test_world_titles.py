"""Titles news uses for offices of the shipped world pack (issue 10): portfolio secretaries
("Energy Secretary", "Health Secretary"), "ambassador to X", "Gov." with its state, "Chinese
leader", press secretaries and a lone surname after a title. Each is found among the offices
the KB records, and none of them may refute: a wrong pairing gets no verdict."""

from __future__ import annotations

import pytest

import newscheck
from newscheck.knowledge import KnowledgeBase


@pytest.fixture(scope="module")
def shipped() -> KnowledgeBase:
    return newscheck.open_kb()


def roles(kb: KnowledgeBase, text: str, day: str) -> list[tuple[str, str]]:
    report = newscheck.check(text, published=day, kb=kb)
    return [(c.text, c.verdict.label if c.verdict else "") for c in report.claims
            if c.kind == "role"]


@pytest.mark.parametrize(("text", "day", "claim"), [
    # US department secretaries and UK secretaries of state by portfolio
    ("Energy Secretary Rick Perry flew to Kyiv.", "2019-10-15", "Energy Secretary Rick Perry"),
    ("Health Secretary Matt Hancock spoke in London.", "2019-11-19",
     "Health Secretary Matt Hancock"),
    # an ambassador by the country of posting
    ("Ambassador to the European Union Gordon Sondland testified.", "2019-11-19",
     "Ambassador to the European Union Gordon Sondland"),
    # "Gov." with and without its state
    ("Kentucky Gov. Matt Bevin lost the race.", "2019-11-06", "Kentucky Gov. Matt Bevin"),
    ("Voters rejected Gov. Matt Bevin on Tuesday.", "2019-11-06", "Gov. Matt Bevin"),
    # a country's leader: its head of state or of government
    ("Chinese leader Xi Jinping met him.", "2019-11-18", "Chinese leader Xi Jinping"),
    ("White House Press Secretary Stephanie Grisham said so.", "2019-11-19",
     "White House Press Secretary Stephanie Grisham"),
    # a lone surname after a title: the one holder of that office then with that name
    ("He called Ukrainian president Zelensky on Monday.", "2019-11-19",
     "Ukrainian president Zelensky"),
])
def test_true_titles_are_supported(shipped: KnowledgeBase, text: str, day: str,
                                   claim: str) -> None:
    assert (claim, "supported") in roles(shipped, text, day)


@pytest.mark.parametrize(("text", "day"), [
    ("Energy Secretary Matt Hancock flew to Kyiv.", "2019-10-15"),       # wrong portfolio
    ("Health Secretary Rick Perry spoke in London.", "2019-11-19"),
    ("Texas Gov. Matt Bevin lost the race.", "2019-11-06"),               # wrong state
    ("Russian leader Xi Jinping met him.", "2019-11-18"),                 # wrong country
    ("Russian president Zelensky met him.", "2019-11-19"),
    # the ambassador had left the post: an ambassador keeps the title, so no refutation
    ("US ambassador to Ukraine Marie Yovanovitch testified.", "2019-11-15"),
    ("Ambassador to the European Union Gordon Sondland testified.", "2021-06-01"),
])
def test_wrong_titles_get_no_verdict(shipped: KnowledgeBase, text: str, day: str) -> None:
    got = roles(shipped, text, day)
    assert got, "the title was not read"
    assert all(label == "not_enough_evidence" for _, label in got), got


@pytest.mark.parametrize("text", [
    "Lt. Gov. Matt Bevin spoke.",              # a lieutenant governor is not the governor
    "Visit the site at www.ky.gov. Matt Bevin spoke.",
])
def test_no_governor_claim(shipped: KnowledgeBase, text: str) -> None:
    assert all(label != "supported" for _, label in roles(shipped, text, "2019-11-06"))


def test_a_lone_surname_says_whom_it_was_read_as(shipped: KnowledgeBase) -> None:
    report = newscheck.check("He called Ukrainian president Zelensky on Monday.",
                             published="2019-11-19", kb=shipped)
    [claim] = [c for c in report.claims if c.kind == "role"]
    assert claim.verdict is not None
    assert claim.verdict.explanation.startswith("“Zelensky” is read as Volodymyr Zelenskyy")
