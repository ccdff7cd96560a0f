"""Verification never loads a wide position whole (KnowledgeBase.wide): Facts asks for the part
it needs and applies the merge of sources to the people found. Every answer, and every report,
must be the one the whole list gives."""

from __future__ import annotations

import random
import sqlite3
from datetime import date
from pathlib import Path

import pytest

import newscheck
from newscheck.knowledge import KnowledgeBase, spans
from newscheck.report import to_json
from newscheck.verify.facts import Facts

from ..knowledge import widekb

CLAIMS = Path(__file__).resolve().parent.parent / "data" / "claims"


@pytest.fixture(scope="module")
def kb_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    rng = random.Random(9)
    path = tmp_path_factory.mktemp("wide") / "kb.sqlite"
    return widekb.build(path, widekb.rows(rng, positions=25, people=120, terms=5000), wide=0)


def test_facts_answers_equal_the_whole_list(kb_file: Path) -> None:
    rng = random.Random(90)
    with KnowledgeBase.open(kb_file) as kb, widekb.whole(kb_file) as whole:
        positions = [r[0] for r in kb.conn.execute(
            "SELECT DISTINCT value FROM statements ORDER BY 1")]
        wide, ref = Facts(kb), Facts(whole)
        assert all(kb.wide(p) and not whole.wide(p) for p in positions)
        merged = sum(len(whole.holders(p)) - len(ref.holders(p)) for p in positions)
        assert merged > 20          # the data exercise the merge of sources
        for _ in range(600):
            p = rng.choice(positions)
            a = date.fromordinal(date(1890, 1, 1).toordinal() + rng.randrange(150 * 365))
            b = date.fromordinal(a.toordinal() + rng.choice([0, 1, 30, 365, 4000]))
            assert wide.holders_between(p, a, b) == ref.holders_between(p, a, b)
            assert wide.holders_starting(p, a, b) == ref.holders_starting(p, a, b)
            some = rng.sample(positions, rng.randrange(1, 4))
            assert wide.record_start(some) == ref.record_start(some)
            assert wide.office_as_of(some) == ref.office_as_of(some)
        assert not kb._by_position


def _articles() -> list[Path]:
    return sorted(p for p in CLAIMS.iterdir() if p.suffix in (".txt", ".html"))[::3]


def test_reports_on_gold_articles_are_the_same_with_every_position_wide(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The shipped starter pack, every position served by the indexed queries, against the
    same pack read whole: byte-identical reports."""
    import json

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    path = tmp_path / "starter.sqlite"
    path.write_bytes(Path(newscheck.open_kb().path).read_bytes())
    with sqlite3.connect(path) as conn:       # every position indexed
        spans.drop(conn)
        spans.install(conn, wide=0)
    with KnowledgeBase.open(path) as kb, widekb.whole(path) as whole:
        assert kb._spans
        for article in _articles():
            day = json.loads(article.with_suffix(".json").read_text())["published"]
            got = [to_json(newscheck.check(article, published=day, kb=base))
                   for base in (kb, whole)]
            assert got[0] == got[1], article.name
        # only positions nobody holds (nothing to load) were asked for whole
        assert not any(index.terms for index in kb._by_position.values())


def test_an_undated_source_whose_terms_all_duplicate_another_never_makes_the_office_newer(
        tmp_path: Path) -> None:
    """The dated copy of a term wins over the undated one, so a source of copies keeps no term
    in the whole list: the indexed path must not date the office by it either (it did, with the
    KB's newest date, which let a later claim be refuted)."""
    rows: list[tuple[object, ...]] = []
    for i in range(6):     # snap A (2019-06-30) and undated E record the same terms
        for source in ("snap A", "undated E"):
            rows.append((f"Q9100{i:03d}", "P39", "Q9200001", f"{2000 + 3 * i}-01-01", "day",
                         f"{2003 + 3 * i}-01-01", "day", "normal", source, f"s{i}{source[-1]}"))
    rows.append(("Q9100999", "P39", "Q9200002", "2020-01-01", "day", None, None, "normal",
                 "table D", "sD"))     # the newest source records another office only
    path = widekb.build(tmp_path / "kb.sqlite", rows, wide=0)
    with KnowledgeBase.open(path) as kb, widekb.whole(path) as whole:
        assert kb.wide("Q9200001") and not whole.wide("Q9200001")
        assert {t.source for t in Facts(whole).holders("Q9200001")} == {"snap A"}
        expected = Facts(whole).office_as_of(["Q9200001"])
        assert expected == (date(2019, 6, 30), "snap A")
        assert Facts(kb).office_as_of(["Q9200001"]) == expected
