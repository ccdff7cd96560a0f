"""Properties of ``newscheck.check()`` on arbitrary text, with a small KB built in the test
(wdjson + the importer): a Report or a NewscheckError, never anything else; claim spans point
into the article text; time stays linear on hostile repetitions."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newscheck
from newscheck.errors import NewscheckError
from newscheck.knowledge import KnowledgeBase, open_kb
from newscheck.knowledge.importer import import_files

from .knowledge.kbhelpers import japan_entities, write_dump

WORDS = st.sampled_from([
    "Prime Minister", "Fumio Kishida", "Kishida", "Yoshihide Suga", "Taro Kono", "Shinzō Abe",
    "Japanese", "Foreign Minister", "met", "met with", "his counterpart", "former", "then-",
    "visited", "Tokyo", "in", "on", "7 May 2023", "2019", "last year", "and", "the", ",", ".",
    "\n", "\n\n", " ", "He", "first", "\u200b", "東京", "🙂", "<p>", "said"])
TEXTS = st.one_of(st.text(max_size=300),
                  st.lists(WORDS, max_size=80).map(" ".join),
                  st.lists(WORDS, max_size=80).map("".join))


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KnowledgeBase]:
    folder = tmp_path_factory.mktemp("prop-kb")
    path = folder / "kb.sqlite"
    import_files(path, [write_dump(folder / "wikidata-20250630.json", japan_entities())])
    knowledge = open_kb(path)
    yield knowledge
    knowledge.close()


@settings(max_examples=120, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(TEXTS, st.sampled_from([None, "2023-05-07", "2015-01-01"]))
def test_check_gives_a_report_or_a_newscheck_error(kb: KnowledgeBase, text: str,
                                                   published: str | None) -> None:
    try:
        report = newscheck.check(text, kb=kb, published=published)
    except NewscheckError:
        return
    body = report.article.text
    for claim in report.claims:
        assert body[claim.start:claim.end] == claim.text
        assert claim.verdict is not None
    assert report.to_dict()["summary"]["claims"] == len(report.claims)


@pytest.mark.parametrize("unit", ["Fumio Kishida Taro Kono ", "Fumio Kishida met Taro Kono ",
                                  "Prime Minister ", "former Foreign Minister ", "counterpart "])
def test_time_is_linear_on_repetitions_without_punctuation(kb: KnowledgeBase, unit: str) -> None:
    def seconds(size: int) -> float:
        text = unit * (size // len(unit))
        t0 = time.perf_counter()
        newscheck.check(text, kb=kb, published="2023-05-07")
        return time.perf_counter() - t0

    seconds(10_000)   # warm up (imports, caches)
    small, large = seconds(50_000), seconds(200_000)
    # 4x the input: ~4x the time when linear (was ~16x and 130 s for 1 MB of names)
    assert large < 8 * small + 0.5, (small, large)


def test_report_of_a_path_article(kb: KnowledgeBase, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"Prime Minister Fumio Kishida met Taro Kono in Tokyo.\r\n")
    report = newscheck.check(path, kb=kb, published="2023-05-07")
    assert report.article.source == str(path)
