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
    # "became" with no time of its own: some time before the anchor
    ("Theresa May, who became prime minister after the referendum, spoke in Parliament.",
     "2023-06-10"),
    # a title under another person, or "until" + any time, is a past title
    ("Trump's secretary of state, Mike Pompeo, said the deal was bad.", "2023-06-10"),
    ("Obama's secretary of state, Hillary Clinton, said the deal was good.", "2023-06-10"),
    ("Hillary Clinton, secretary of state under Obama, said the deal was good.", "2023-06-10"),
    ("Fumio Kishida, Japan's foreign minister under Abe, negotiated the deal.", "2023-06-10"),
    ("Fumio Kishida, prime minister until October, spoke.", "2024-11-20"),
    ("Fumio Kishida, prime minister until last month, spoke.", "2024-11-20"),
    # the sentence's time belongs to another event; the title may be the current one
    ("Prime Minister Fumio Kishida defended the agreement reached in 2015.", "2023-06-10"),
    ("Prime Minister Rishi Sunak criticised the decision taken in 2016.", "2023-06-10"),
    ("President Joe Biden, who was vice president in 2015, met Kishida.", "2023-06-10"),
    ("Biden, who visited Japan as vice president in 2013, met Prime Minister Kishida.",
     "2023-06-10"),
    ("Prime Minister Kishida, foreign minister from 2012 to 2017, met Blinken.", "2023-06-10"),
    # times the timex reader now reads ("the 2019 …", "spring 2015", "2015-16") or flags
    ("The 2015 deal was reached by Foreign Minister Fumio Kishida and his South Korean "
     "counterpart Yun Byung-se.", "2023-06-10"),
    ("The 2015 deal, negotiated by Foreign Minister Fumio Kishida, collapsed.", "2023-06-10"),
    ("Prime Minister Shinzo Abe hosted leaders at the 2019 G20 summit in Osaka.", "2023-06-10"),
    ("At the 2019 G20 summit in Osaka, Prime Minister Shinzo Abe hosted leaders.",
     "2023-06-10"),
    ("Prime Minister Shinzo Abe met his South Korean counterpart Moon Jae-in at the 2019 G20 "
     "summit in Osaka.", "2023-05-07"),
    ("Foreign Minister Fumio Kishida visited Seoul in spring 2015.", "2023-06-10"),
    ("Foreign Minister Fumio Kishida visited Seoul in 2015-16.", "2023-06-10"),
    ("Foreign Minister Fumio Kishida visited Seoul on 28/12/2015.", "2023-06-10"),
    ("Foreign Minister Fumio Kishida visited Seoul in the mid-2010s.", "2023-06-10"),
    ("Foreign Minister Fumio Kishida visited Seoul in the 2010s.", "2023-06-10"),
    ("Foreign Minister Fumio Kishida visited Seoul in FY2015.", "2023-06-10"),
    ("Throughout 2015, Foreign Minister Fumio Kishida visited Seoul often.", "2023-06-10"),
    ("Foreign Minister Fumio Kishida visited Seoul for the 2015 talks.", "2023-06-10"),
    ("Foreign Minister Fumio Kishida visited Seoul around 2015.", "2023-06-10"),
    ("Foreign Minister Fumio Kishida visited Seoul circa 2015.", "2023-06-10"),
    ("Foreign Minister Fumio Kishida visited Seoul as early as 2013.", "2023-06-10"),
    # the counterpart relation at another time
    ("Prime Minister Fumio Kishida met his former South Korean counterpart Moon Jae-in.",
     "2023-05-07"),
    ("As foreign minister, Fumio Kishida met his South Korean counterpart Yun Byung-se many "
     "times.", "2023-05-07"),
    ("Fumio Kishida met his South Korean counterpart Yun Byung-se when both were foreign "
     "ministers.", "2023-05-07"),
    # a title of another body that shares words with a national office
    ("Liberal Democratic Party President Fumio Kishida addressed the party.", "2023-06-10"),
    ("LDP President Kishida addressed the party.", "2023-06-10"),
    ("Shigeru Ishiba, the prime minister-designate, named his cabinet.", "2024-09-10"),
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
    # wrong at the sentence's time and at publication; a time read from "the 2015 talks"
    ("Foreign Minister Taro Kono attended the 2015 talks in Seoul.", "2023-06-10",
     "Foreign Minister Taro Kono"),
    ("Boris Johnson became prime minister in 2016.", "2023-06-10",
     "Boris Johnson became prime minister"),
    ("Fumio Kishida was prime minister in 2015.", "2023-06-10",
     "Fumio Kishida was prime minister"),
    ("Foreign Minister Fumio Kishida visited Seoul in 2022.", "2023-06-10",
     "Foreign Minister Fumio Kishida"),
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


def test_batched_office_kinds_equal_one_by_one(kb: KnowledgeBase) -> None:
    """offices() reads the kinds of a country's positions in batches; every kind equals the one
    kind() derives position by position (labels, P279 classes, jurisdiction)."""
    ids = [r[0] for r in kb.conn.execute("SELECT id FROM items WHERE kind = 'position' "
                                         "ORDER BY id")]
    assert len(ids) > 1000
    one_by_one = newscheck.open_kb()
    batched = newscheck.open_kb()
    batched._prefetch_kinds(ids)
    assert {i: batched.kind(i) for i in ids} == {i: one_by_one.kind(i) for i in ids}
    kinds = {k for k in (one_by_one.kind(i) for i in ids) if k}
    assert {"head_of_state", "head_of_government", "foreign_minister", "us_senator"} <= kinds
