"""A Wikidata-model KB that holds the generic *class* items ("prime minister", aliases "prime
minister", "premier") must not hijack written titles: a title that names a class resolves through
the KB's own P279 hierarchy (transitively) to the person's office or the country's office.

Testland ids are fictional (mechanics only); the class ids are the KB's, none hard-coded.
"""

from __future__ import annotations

import pytest

import newscheck
from newscheck.knowledge import KnowledgeBase
from newscheck.knowledge import wdjson as wd
from newscheck.knowledge.importer import import_files

from ..knowledge.kbhelpers import COUNTRY, HUMAN, POSITION, write_dump

TESTLAND, OTHERLAND = "Q900000201", "Q900000202"
HEAD_CLASS = "Q900000210"       # "head of government" (a class of classes)
PM_CLASS = "Q900000211"         # "prime minister": subclass of the class above
PM_TESTLAND, PM_OTHERLAND = "Q900000212", "Q900000213"
ALEX, CHRIS, SAM = "Q900000220", "Q900000221", "Q900000222"


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    tmp = tmp_path_factory.mktemp("classes")
    entities = [
        wd.entity(TESTLAND, "Testland", instance_of=[COUNTRY], demonyms=["Testlandish"]),
        wd.entity(OTHERLAND, "Otherland", instance_of=[COUNTRY], demonyms=["Otherlandish"]),
        wd.entity(HEAD_CLASS, "head of government", instance_of=[POSITION],
                  subclass_of=["Q2285706"]),
        wd.entity(PM_CLASS, "prime minister", aliases=["premier"], instance_of=[POSITION],
                  subclass_of=[HEAD_CLASS]),
        wd.entity(PM_TESTLAND, "Prime Minister of Testland", instance_of=[POSITION],
                  subclass_of=[PM_CLASS], jurisdiction=TESTLAND, country=TESTLAND),
        wd.entity(PM_OTHERLAND, "Prime Minister of Otherland", instance_of=[POSITION],
                  subclass_of=[PM_CLASS], jurisdiction=OTHERLAND, country=OTHERLAND),
        wd.entity(ALEX, "Alex Example", instance_of=[HUMAN], positions=[
            {"position": PM_TESTLAND, "start": "2010-01-01", "end": "2015-01-01"}]),
        wd.entity(CHRIS, "Chris Case", instance_of=[HUMAN], positions=[
            {"position": PM_TESTLAND, "start": "2015-01-01"}]),
        wd.entity(SAM, "Sam Sample", instance_of=[HUMAN], positions=[
            {"position": PM_OTHERLAND, "start": "2009-01-01"}]),
    ]
    path = tmp / "kb.sqlite"
    import_files(path, [write_dump(tmp / "wikidata-20200101-all.json", entities)])
    return KnowledgeBase.open(path)


def role(kb: KnowledgeBase, text: str, day: str) -> tuple[str | None, str]:
    report = newscheck.check(text=text, published=day, kb=kb)
    (claim,) = [c for c in report.claims if c.kind == "role"]
    assert claim.verdict is not None and claim.object is not None
    return claim.object.id, claim.verdict.label


def test_the_hierarchy_is_read_transitively(kb: KnowledgeBase) -> None:
    assert kb.subclasses(PM_CLASS) == (PM_TESTLAND, PM_OTHERLAND)
    assert set(kb.subclasses(HEAD_CLASS)) == {PM_CLASS, PM_OTHERLAND, PM_TESTLAND}
    assert kb.subclasses(PM_TESTLAND) == ()


def test_a_class_title_resolves_to_the_persons_office(kb: KnowledgeBase) -> None:
    assert role(kb, "Prime Minister Alex Example spoke in the capital.", "2012-06-01") == (
        PM_TESTLAND, "supported")
    # a stale title is refuted, not lost in the class
    assert role(kb, "Prime Minister Alex Example spoke in the capital.", "2019-06-01") == (
        PM_TESTLAND, "refuted")


def test_a_class_title_with_a_country_resolves_to_that_countrys_office(
        kb: KnowledgeBase) -> None:
    """"Otherland's Premier X": the country the text states picks the office under the class
    (the country is set on the claim as the claims stage does for a stated country)."""
    from newscheck.anchor import anchor_for
    from newscheck.claims import extract_claims
    from newscheck.intake import extract
    from newscheck.linking import link_claims
    from newscheck.verify import verify_claims

    # Alex held Testland's office only: the foreign-office rule withholds a refutation, but the
    # reason names Otherland's office and its holder, not the class
    for person, label in ((ALEX, "not_enough_evidence"), (SAM, "supported")):
        name = "Alex Example" if person == ALEX else "Sam Sample"
        article = extract(text=f"Premier {name} spoke in the capital.", published="2012-06-01")
        anchor, _ = anchor_for(article)
        (claim,) = [c for c in extract_claims(article, kb, anchor) if c.kind == "role"]
        claim.qualifiers["country"] = OTHERLAND
        link_claims([claim], article, kb)
        verify_claims([claim], kb, article)
        assert claim.object is not None and claim.object.id == PM_OTHERLAND
        assert claim.verdict is not None and claim.verdict.label == label, claim.verdict
        assert "Prime Minister of Otherland" in claim.verdict.explanation
