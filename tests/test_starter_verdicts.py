"""End to end on the shipped starter pack: true statements in tricky phrasings are never
refuted, and stale titles are. Every case is public record."""

from __future__ import annotations

import pytest

import newscheck
from newscheck.knowledge import KnowledgeBase


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return newscheck.open_kb()


def verdicts(kb: KnowledgeBase, text: str, day: str) -> dict[str, str]:
    report = newscheck.check(text, published=day, kb=kb)
    return {c.text: c.verdict.label for c in report.claims if c.verdict
            and c.kind in ("role", "former_role", "counterpart")}


@pytest.mark.parametrize(("text", "day"), [
    ("Emperor Emeritus Akihito attended the ceremony in Tokyo.", "2020-06-10"),
    ("Foreign Secretary David Cameron arrived in Kyiv on Thursday.", "2024-01-10"),
    ("Deputy Prime Minister Taro Aso spoke in Tokyo.", "2015-06-10"),
    ("Chief Cabinet Secretary Yoshihide Suga told reporters in Tokyo.", "2015-06-10"),
    ("Shadow Foreign Secretary David Lammy criticised the plan.", "2023-06-10"),
    ("Vice President Joe Biden arrived in Kyiv.", "2015-06-10"),
    ("President Bush signed the bill.", "1990-06-10"),
    ("Prime Minister-designate Shigeru Ishiba named his cabinet.", "2024-09-30"),
    ("Incoming Foreign Minister Takeshi Iwaya said he would visit Washington.", "2024-09-30"),
    ("President-elect Donald Trump met President Joe Biden at the White House.", "2024-11-13"),
    ("The late Queen Elizabeth II was remembered in London.", "2023-06-10"),
    ("U.S. President Donald Trump spoke on Tuesday.", "2026-03-10"),
    ("German Chancellor Olaf Scholz spoke on Tuesday.", "2025-08-10"),
    ("Former British prime minister Boris Johnson visited Kyiv.", "2022-06-10"),
    # an election precedes the term: the date of the vote says nothing about holding office
    ("Yoon Suk Yeol was elected president in March 2022.", "2024-03-01"),
    # "until 2022" puts the title in the past
    ("Moon Jae-in, president until 2022, met the envoy.", "2024-03-01"),
])
def test_never_refuted(kb: KnowledgeBase, text: str, day: str) -> None:
    got = verdicts(kb, text, day)
    assert "refuted" not in got.values(), got


@pytest.mark.parametrize(("text", "day", "span"), [
    ("British Prime Minister Boris Johnson welcomed the deal.", "2023-05-08",
     "British Prime Minister Boris Johnson"),
    ("Chinese Foreign Minister Wang Yi said Beijing was watching.", "2023-05-08",
     "Chinese Foreign Minister Wang Yi"),
    ("Japanese Prime Minister Fumio Kishida spoke in Tokyo.", "2024-11-20",
     "Japanese Prime Minister Fumio Kishida"),
])
def test_stale_titles_refuted(kb: KnowledgeBase, text: str, day: str, span: str) -> None:
    assert verdicts(kb, text, day).get(span) == "refuted"


def test_emeritus_is_a_former_title(kb: KnowledgeBase) -> None:
    report = newscheck.check("Emperor Emeritus Akihito attended the ceremony in Tokyo.",
                             published="2020-06-10", kb=kb)
    (claim,) = [c for c in report.claims if c.kind in ("role", "former_role")]
    assert claim.kind == "former_role" and claim.verdict and claim.verdict.label == "supported"


def test_unlinked_name_does_not_swallow_the_full_stop(kb: KnowledgeBase) -> None:
    report = newscheck.check("Treasury Secretary Janet Yellen.", published="2022-06-10", kb=kb)
    assert [c.text for c in report.claims if c.kind == "role"] == [
        "Treasury Secretary Janet Yellen"]
