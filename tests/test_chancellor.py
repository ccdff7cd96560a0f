""""Chancellor" names different offices in different countries: the head of government of
Germany and Austria, the finance minister (Chancellor of the Exchequer) of the United Kingdom.
A bare "Chancellor" must never be read as the head of government of the person's country."""

from __future__ import annotations

from pathlib import Path

import pytest

import newscheck
from newscheck.evaluate.fixture import build_fixture_kb
from newscheck.knowledge import KnowledgeBase


@pytest.fixture(scope="module")
def starter() -> KnowledgeBase:
    return newscheck.open_kb()


@pytest.fixture(scope="module")
def fixture_kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    return newscheck.open_kb(build_fixture_kb(Path(tmp_path_factory.mktemp("chancellor"))))


def roles(kb: KnowledgeBase, text: str, day: str) -> list[tuple[str, str]]:
    report = newscheck.check(text, published=day, kb=kb)
    return [(c.qualifiers.get("office_kind") or "", c.verdict.label if c.verdict else "")
            for c in report.claims if c.kind == "role"]


@pytest.mark.parametrize(("text", "day"), [
    ("Chancellor Rishi Sunak announced the budget.", "2021-03-03"),       # true: Exchequer
    ("British Chancellor Rishi Sunak announced the budget.", "2021-03-03"),
    ("UK Chancellor Jeremy Hunt spoke in London.", "2023-03-15"),
    ("Britain's chancellor, Jeremy Hunt, spoke in London.", "2023-03-15"),
])
def test_the_uk_chancellor_is_never_read_as_prime_minister(starter: KnowledgeBase, text: str,
                                                           day: str) -> None:
    got = roles(starter, text, day)
    assert got and all(label != "refuted" for _, label in got), got


def test_british_chancellor_is_the_finance_minister(starter: KnowledgeBase) -> None:
    assert roles(starter, "British Chancellor Jeremy Hunt spoke.", "2023-03-15")[0][0] == \
        "finance_minister"


@pytest.mark.parametrize(("text", "day", "label"), [
    ("Chancellor Rishi Sunak told MPs on Wednesday.", "2023-03-15", "refuted"),   # Hunt then
    ("Chancellor Rishi Sunak announced the budget.", "2021-03-03", "supported"),
    ("British Chancellor Jeremy Hunt spoke.", "2023-03-15", "supported"),
    ("Chancellor Olaf Scholz spoke in Berlin.", "2023-03-15", "supported"),
    ("German Chancellor Angela Merkel spoke in Berlin.", "2023-03-15", "refuted"),
])
def test_with_the_exchequer_in_the_kb(fixture_kb: KnowledgeBase, text: str, day: str,
                                      label: str) -> None:
    assert [v for _, v in roles(fixture_kb, text, day)] == [label]
