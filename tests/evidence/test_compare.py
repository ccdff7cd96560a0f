"""Exact comparison of a rewrite sentence with a source sentence (evidence/features, compare)."""

from __future__ import annotations

import pytest

from newscheck.evidence.compare import SourceFacts, compare
from newscheck.evidence.features import features


def _cmp(claim: str, source: str, *more: str):  # type: ignore[no-untyped-def]
    facts = SourceFacts()
    for s in (source, *more):
        facts.add(features(s))
    return compare(features(claim), features(source), facts)


SOURCE = "The Lindholm council approved a budget of 4.2 million euros on Tuesday after a debate."


@pytest.mark.parametrize(("claim", "what"), [
    ("The Lindholm council approved a budget of 4.8 million euros on Tuesday.", "number"),
    ("The Lindholm council approved a budget of 4.2 million euros on Friday.", "weekday"),
    ("The Arnfeld council approved a budget of 4.2 million euros on Tuesday.", "name"),
])
def test_changed_detail_is_a_conflict(claim: str, what: str) -> None:
    out = _cmp(claim, SOURCE)
    assert [c.what for c in out.conflicts] == [what]


def test_paraphrase_restates() -> None:
    out = _cmp("On Tuesday, Lindholm's council approved a 4.2 million euro budget.", SOURCE)
    assert out.restates and out.coverage >= 0.6


def test_number_words_and_rounding_are_the_same_number() -> None:
    assert _cmp("Some 18,000 vehicles cross the bridge every day.",
                "About 18,000 vehicles cross the bridge each day.").restates
    assert _cmp("Three people were hurt in the crash on the bridge.",
                "3 people were hurt in the crash on the bridge.").restates


def test_detail_absent_from_the_source_is_added_not_contradicted() -> None:
    out = _cmp("The council approved the budget after a debate, said Mayor Anna Berg.", SOURCE)
    assert not out.conflicts and "Anna Berg" in out.added


def test_detail_stated_elsewhere_in_the_source_is_not_a_conflict() -> None:
    out = _cmp("The Lindholm council approved the budget on Tuesday by 7 votes to 2.", SOURCE,
               "The vote was 7 to 2.")
    assert not out.conflicts


def test_unrelated_sentence_never_conflicts() -> None:
    out = _cmp("The new stadium will seat 12,000 fans from 2027.", SOURCE)
    assert not out.conflicts


@pytest.mark.parametrize(("claim", "source", "what"), [
    ("The study shows that walking lowers blood pressure in older adults.",
     "The study suggests that walking may lower blood pressure in older adults.", "hedge"),
    ("The compound reduced tumour growth by 30 percent, researchers reported.",
     "In mice, the compound reduced tumour growth by 30 percent, researchers reported.", "limit"),
    ("The court ruled that the city's parking fines were not lawful.",
     "The court ruled that the city's parking fines were lawful.", "negation"),
    ("Passenger numbers at the airport rose by 12 percent in the first half.",
     "Passenger numbers at the airport fell by 12 percent in the first half.", "wording"),
    ("Deputy chief executive Jonas Frei expects numbers to recover in 2025.",
     "Chief executive Jonas Frei expects numbers to recover in 2025.", "title"),
    ("\"We have listened to nobody,\" Berg told reporters at the town hall.",
     "\"We have listened to every neighbourhood,\" Berg told reporters at the town hall.",
     "quote"),
])
def test_wording_conflicts(claim: str, source: str, what: str) -> None:
    assert what in [c.what for c in _cmp(claim, source).conflicts]


def test_a_hedge_kept_in_other_words_is_no_conflict() -> None:
    assert not _cmp("The plan may shorten waiting times at the clinic, the mayor said.",
                    "The mayor said the plan could cut waiting times at the clinic.").conflicts


def test_features_read_dates_names_and_quotes() -> None:
    f = features('Anna Berg said on Friday, May 4, 2023: "We will build it by June 1."')
    assert f.weekdays == {"friday"} and (5, 4) in f.days and (6, 1) in f.days
    assert f.years == {"2023"} and "Anna Berg" in f.names
    assert f.quotes == ("we will build it by june 1",)
    assert not features("The bridge may reopen soon.").months
