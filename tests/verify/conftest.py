"""Fixtures for the verification tests: the real fixture KB (tests/data/kb/facts.json through the
real importer) and a small, clearly fictional KB for edge cases the public record lacks (coarse
dates, unknown starts, open terms)."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from newscheck.evaluate.fixture import build_fixture_kb
from newscheck.knowledge import KnowledgeBase, open_kb
from newscheck.model import Claim, EntityRef, TimeAnchor, Verdict
from newscheck.verify import CHECKERS, Context
from newscheck.verify.facts import Facts

# Ruritania and its office-holders are fictional (country id L:ruritania).
FICTION: dict[str, Any] = {
    "as_of": "2024-12-31",
    "positions": [
        {"id": "L:ruritania-pm", "label": "Prime Minister of Ruritania",
         "country": "L:ruritania", "office_kind": "head_of_government"},
        {"id": "L:ruritania-fm", "label": "Foreign Minister of Ruritania",
         "country": "L:ruritania", "office_kind": "foreign_minister"},
    ],
    "people": [
        {"id": "L:anna-test", "label": "Anna Testova", "positions": [
            {"position": "L:ruritania-pm", "start": "2010", "end": "2014-06-30"},
            {"position": "L:ruritania-fm", "end": "2009-12-31"}]},
        {"id": "L:boris-test", "label": "Boris Testov", "positions": [
            {"position": "L:ruritania-pm", "start": "2014-07-01"}]},
        {"id": "L:carl-test", "label": "Carl Testin", "positions": [
            {"position": "L:ruritania-fm", "start": "2012-03-01", "end": "2016-05"}]},
    ],
}


@pytest.fixture(scope="session")
def kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    return open_kb(build_fixture_kb(tmp_path_factory.mktemp("fixture-kb")))


@pytest.fixture(scope="session")
def fiction_kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    tmp = tmp_path_factory.mktemp("fiction-kb")
    facts = tmp / "facts.json"
    facts.write_text(json.dumps(FICTION), encoding="utf-8")
    return open_kb(build_fixture_kb(tmp / "kb", facts))


def ref(id: str | None, mention: str = "", candidates: tuple[str, ...] = ()) -> EntityRef:
    return EntityRef(mention=mention or (id or "someone"), id=id, candidates=candidates)


def at(day: str, basis: str = "published", cue: str | None = None) -> TimeAnchor:
    return TimeAnchor(basis=basis, date=date.fromisoformat(day), cue=cue)  # type: ignore[arg-type]


def period(start: str, end: str, cue: str | None = None) -> TimeAnchor:
    return TimeAnchor(basis="narrated", start=date.fromisoformat(start),
                      end=date.fromisoformat(end), cue=cue)


def make_claim(kind: str, subject: EntityRef | None, obj: EntityRef | None, time: TimeAnchor,
               **qualifiers: Any) -> Claim:
    return Claim(id="c1", kind=kind, text="", sentence="", start=0, end=0,  # type: ignore[arg-type]
                 time=time, subject=subject, object=obj, qualifiers=qualifiers)


Check = Callable[[Claim], Verdict]


def checker_for(kb: KnowledgeBase, fallback: str = "2023-05-07") -> Check:
    ctx = Context(Facts(kb), date.fromisoformat(fallback))

    def run(claim: Claim) -> Verdict:
        return CHECKERS[claim.kind](claim, ctx)
    return run


@pytest.fixture()
def check(kb: KnowledgeBase) -> Check:
    return checker_for(kb)


@pytest.fixture()
def check_fiction(fiction_kb: KnowledgeBase) -> Check:
    return checker_for(fiction_kb, "2024-06-01")
