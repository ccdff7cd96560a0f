"""Congress role claims end to end (claims/congress.py → verify/congress.py) on a KB built from
the derived CC0 fixtures in tests/data/kb/ (real records). "Pat Example" and "Jordan Sample" are
fictional and only exercise mechanics (nicknames, ambiguity, caucus)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from newscheck.knowledge import KnowledgeBase, open_kb
from newscheck.knowledge.importer import import_files
from newscheck.model import Article, Claim
from newscheck.pipeline import check_article

DATA = Path(__file__).parent.parent / "data" / "kb"
FICTION = """\
- id: {{bioguide: X900001}}
  name: {{first: Patricia, nickname: Pat, last: Example}}
  terms:
  - {{type: sen, start: '2021-01-03', end: '2027-01-03', state: OH, party: Independent,
      caucus: Democrat}}
- id: {{bioguide: X900002}}
  name: {{first: Jordan, last: Sample}}
  terms:
  - {{type: rep, start: '2019-01-03', end: '2021-01-03', state: {a}, district: 2,
      party: Republican}}
- id: {{bioguide: X900003}}
  name: {{first: Jordan, last: Sample}}
  terms:
  - {{type: rep, start: '2019-01-03', end: '2021-01-03', state: {b}, district: 3,
      party: Democrat}}
  - {{type: rep, start: '2023-01-03', end: '2025-01-03', state: {b}, district: 3,
      party: Democrat}}
""".format(a="TX", b="NM")


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KnowledgeBase]:
    tmp = tmp_path_factory.mktemp("congress")
    fiction = tmp / "legislators-fiction.yaml"
    fiction.write_text(FICTION, encoding="utf-8")
    path = tmp / "kb.sqlite"
    import_files(path, [DATA / "congress-legislators-fixture.yaml",
                        DATA / "congress-executive-fixture.yaml", fiction])
    with open_kb(path) as k:
        yield k


def congress(kb: KnowledgeBase, text: str, published: date) -> list[Claim]:
    report = check_article(Article(text=text, published=published), kb=kb)
    return [c for c in report.claims if c.qualifiers.get("congress")]


def one(kb: KnowledgeBase, text: str, published: date) -> Claim:
    (claim,) = congress(kb, text, published)
    assert claim.verdict is not None
    return claim


D2018 = date(2018, 3, 6)


def test_party_and_state_in_parentheses(kb: KnowledgeBase) -> None:
    c = one(kb, "Sen. Elizabeth Warren (D-Mass.) criticized the bill.", D2018)
    assert c.text == "Sen. Elizabeth Warren (D-Mass.)"
    assert c.qualifiers["us_state"] == "MA" and c.qualifiers["us_party"] == "Democrat"
    assert c.verdict is not None and c.verdict.label == "supported"
    assert {e.extra.get("property") for e in c.verdict.evidence} == {"P39", "P102"}


@pytest.mark.parametrize(("text", "named"), [
    ("Sen. Elizabeth Warren (R-Mass.) criticized the bill.", "Democratic Party, not Republican"),
    ("Sen. Elizabeth Warren (D-Calif.) criticized the bill.", "from Massachusetts"),
    ("Rep. Elizabeth Warren, D-Mass., criticized the bill.", "United States senator"),
    ("Sen. Alexandria Ocasio-Cortez said the bill failed.", "representative"),
])
def test_wrong_party_state_or_chamber_is_refuted_naming_the_record(
        kb: KnowledgeBase, text: str, named: str) -> None:
    c = one(kb, text, date(2021, 5, 4))
    assert c.verdict is not None and c.verdict.label == "refuted", c.verdict
    assert named in c.verdict.explanation


def test_state_and_party_before_the_name(kb: KnowledgeBase) -> None:
    c = one(kb, "Kentucky Republican Rand Paul said he would oppose it.", D2018)
    assert c.qualifiers["congress"] == "member" and c.qualifiers["us_state"] == "KY"
    assert c.verdict is not None and c.verdict.label == "supported"
    c = one(kb, "Texas Democrat Ted Cruz said he would oppose it.", D2018)
    assert c.verdict is not None and c.verdict.label == "refuted"
    c = one(kb, "Senator Pat Example of Ohio was absent.", date(2022, 4, 5))
    assert c.qualifiers["us_state"] == "OH"
    assert c.verdict is not None and c.verdict.label == "supported"


def test_leadership_and_vice_president(kb: KnowledgeBase) -> None:
    text = ("Senate Majority Leader Mitch McConnell scheduled the vote. House Speaker Nancy "
            "Pelosi objected. Vice President Mike Pence presided.")
    labels = [c.verdict.label for c in congress(kb, text, date(2019, 6, 4)) if c.verdict]
    assert labels == ["supported", "supported", "supported"]
    wrong = congress(kb, text.replace("Mitch McConnell", "Chuck Schumer"), date(2018, 3, 6))
    # 2018: Schumer was minority leader; the Speaker then (Paul Ryan) is not in the data
    assert [c.verdict.label for c in wrong if c.verdict] == ["refuted", "not_enough_evidence",
                                                             "supported"]
    assert wrong[0].verdict is not None and "Mitch McConnell" in wrong[0].verdict.explanation
    # former holders keep "Vice President" and "Speaker" by courtesy: not refuted
    later = congress(kb, text, date(2024, 3, 14))
    assert [c.verdict.label for c in later if c.verdict] == ["refuted", "not_enough_evidence",
                                                             "not_enough_evidence"]
    assert later[2].verdict is not None and "courtesy" in later[2].verdict.explanation


def test_leadership_is_never_refuted_on_the_persons_own_record_alone(
        kb: KnowledgeBase) -> None:
    # Pelosi was Speaker 2007-2011; the data record her leadership roles only from 2011, and
    # nobody else as Speaker then: not enough evidence, never refuted
    c = one(kb, "House Speaker Nancy Pelosi opened the session.", date(2009, 6, 2))
    assert c.verdict is not None and c.verdict.label == "not_enough_evidence"


def test_appositive_leadership(kb: KnowledgeBase) -> None:
    cs = congress(kb, "Sen. Dick Durbin (D-Ill.), the Senate Majority Whip, said so.",
                  date(2023, 6, 1))
    assert [c.qualifiers["congress"] for c in cs] == ["senator", "leader"]
    assert all(c.verdict is not None and c.verdict.label == "supported" for c in cs)


def test_time_rules(kb: KnowledgeBase) -> None:
    # before the person's time in Congress: absence never refutes
    c = one(kb, "Rep. Alexandria Ocasio-Cortez (D-N.Y.) spoke.", date(2017, 5, 2))
    assert c.verdict is not None and c.verdict.label == "not_enough_evidence"
    # within days of a term boundary: no refutation
    c = one(kb, "Rep. Bernie Sanders (I-Vt.) spoke.", date(2007, 1, 6))
    assert c.verdict is not None and c.verdict.label == "not_enough_evidence"
    # months after: refuted (senator since 2007-01-04)
    c = one(kb, "Rep. Bernie Sanders (I-Vt.) spoke.", date(2008, 5, 6))
    assert c.verdict is not None and c.verdict.label == "refuted"
    # a time in the sentence: the title may be the one held when the article was written
    c = one(kb, "Sen. Bernie Sanders (I-Vt.) recalled a vote in 1999.", date(2019, 5, 6))
    assert c.verdict is not None and c.verdict.label == "not_enough_evidence"
    assert "when the article was written" in c.verdict.explanation
    # after the source's date: no refutation
    c = one(kb, "Sen. Elizabeth Warren (R-Mass.) spoke.", date(2026, 5, 5))
    assert c.verdict is not None and c.verdict.label == "not_enough_evidence"


def test_caucus_and_nicknames(kb: KnowledgeBase) -> None:
    c = one(kb, "Sen. Bernie Sanders (D-Vt.) spoke.", D2018)
    assert c.verdict is not None and c.verdict.label == "not_enough_evidence"
    assert "caucus" in c.verdict.explanation
    c = one(kb, "Sen. Pat Example (I-Ohio) spoke.", date(2022, 4, 5))
    assert c.subject is not None and c.subject.id == "L:bioguide-X900001"


def test_two_candidates_no_guess(kb: KnowledgeBase) -> None:
    # two "Jordan Sample"s (TX Republican, NM Democrat): never refuted; supported only when
    # exactly one of them fits what the article says
    c = one(kb, "Rep. Jordan Sample (D-Texas) spoke.", date(2020, 3, 3))
    assert c.verdict is not None and c.verdict.label == "not_enough_evidence"
    assert "could be" in c.verdict.explanation
    c = one(kb, "Rep. Jordan Sample (R-Texas) spoke.", date(2020, 3, 3))
    assert c.verdict is not None and c.verdict.label == "supported"
    assert c.verdict.confidence < 0.9
    c = one(kb, "Rep. Jordan Sample spoke.", date(2020, 3, 3))
    assert c.verdict is not None and c.verdict.label == "not_enough_evidence"


@pytest.mark.parametrize("text", [
    "State Sen. Elizabeth Warren spoke.", "Former Sen. Elizabeth Warren spoke.",
    "Chinese Vice President Mike Pence spoke.", "Ghana's Vice President Mike Pence spoke.",
    "Republican Rand Paul spoke.", "Indiana House Speaker Nancy Pelosi spoke.",
])
def test_no_claim_for_other_legislatures_or_other_times(kb: KnowledgeBase, text: str) -> None:
    assert congress(kb, text, D2018) == []
