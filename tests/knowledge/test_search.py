"""Fuzzy name search: misspelt, partial and re-ordered names find their entity; junk finds
nothing; exact names come first."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from newscheck.knowledge import KnowledgeBase, open_kb
from newscheck.knowledge.search import fuzzy_search


@pytest.fixture(scope="module")
def kb() -> Iterator[KnowledgeBase]:
    with open_kb() as base:     # the starter pack
        yield base


@pytest.mark.parametrize(("query", "expected"), [
    ("Fumio Kishida", "Fumio Kishida"), ("Kishida", "Fumio Kishida"),
    ("Fumio Kishda", "Fumio Kishida"), ("olaf scholtz", "Olaf Scholz"),
    ("Scholz Olaf", "Olaf Scholz"), ("Xi", "Xi Jinping"),
    ("prime minister of japan", "Prime Minister of Japan"),
])
def test_finds_the_entity_first(kb: KnowledgeBase, query: str, expected: str) -> None:
    found = fuzzy_search(kb, query, limit=5)
    assert found and found[0].entity.label == expected, [m.entity.label for m in found]


def test_exact_scores_100_and_results_are_sorted(kb: KnowledgeBase) -> None:
    found = fuzzy_search(kb, "Prime Minister of Japan", limit=5)
    assert found[0].score == 100
    assert [m.score for m in found] == sorted((m.score for m in found), reverse=True)
    assert all(m.entity.kind in ("person", "position") for m in found)


@pytest.mark.parametrize("query", ["zzzzqx", "", "   ", "!!!"])
def test_junk_finds_nothing(kb: KnowledgeBase, query: str) -> None:
    assert fuzzy_search(kb, query) == []


def test_limit(kb: KnowledgeBase) -> None:
    assert len(fuzzy_search(kb, "minister", limit=3)) == 3
