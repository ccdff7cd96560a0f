"""A wide position is answered by indexed queries (knowledge/spans.py, knowledge/terms.py):
every answer must equal the one the whole-position load gives, term for term and in order."""

from __future__ import annotations

import random
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest

from newscheck.knowledge import KnowledgeBase, spans, wdjson
from newscheck.knowledge.importer import import_files
from newscheck.model import Coverage, Term

from . import widekb
from .kbhelpers import write_dump


def _t(t: Term) -> tuple[object, ...]:
    return (t.person, t.start, t.end, t.rank, t.source, t.statement)


@pytest.fixture(scope="module")
def kb_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every position indexed (``wide=0``)."""
    rng = random.Random(8)
    path = tmp_path_factory.mktemp("wide") / "kb.sqlite"
    return widekb.build(path, widekb.rows(rng, positions=40, people=300, terms=6000), wide=0)


def _positions(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return [r[0] for r in conn.execute("SELECT DISTINCT value FROM statements ORDER BY 1")]


def _dates(rng: random.Random, n: int) -> list[date]:
    base = date(1890, 1, 1).toordinal()
    return [date.fromordinal(base + rng.randrange(150 * 365)) for _ in range(n)]


def test_the_whole_list_is_the_reference_load(kb_file: Path) -> None:
    with KnowledgeBase.open(kb_file) as kb:
        for pos in _positions(kb_file):
            assert [_t(t) for t in kb.holders(pos)] == widekb.reference_holders(kb_file, pos)


def test_indexed_queries_equal_the_whole_list(kb_file: Path) -> None:
    rng = random.Random(80)
    with KnowledgeBase.open(kb_file) as kb, widekb.whole(kb_file) as ref:
        for pos in _positions(kb_file):
            assert kb.wide(pos) and not ref.wide(pos)
            everyone = ref.holders(pos)
            assert list(kb.holders_in_order(pos)) == everyone
            assert list(kb.holders_in_order(pos, started=True)) == [t for t in everyone
                                                                    if t.start]
            assert list(ref.holders_in_order(pos, started=True)) == [t for t in everyone
                                                                     if t.start]
            raw = {r[0] for r in kb.conn.execute(
                "SELECT source FROM statements WHERE property = 'P39' AND value = ? AND "
                "rank != 'deprecated'", (pos,))}
            assert set(kb.holder_sources(pos)) == {(s, kb.source_dates.get(s)) for s in raw}
            assert set(ref.holder_sources(pos)) == {
                (t.source, kb.source_dates.get(t.source)) for t in everyone}
            for a, b in zip(_dates(rng, 30), _dates(rng, 30), strict=True):
                a, b = min(a, b), max(a, b)
                if rng.random() < 0.3:
                    b = a + timedelta(rng.randrange(0, 60))
                assert kb.holders(pos, a) == ref.holders(pos, a) == [
                    t for t in everyone if t.covers(a) is not Coverage.NO]
                expected = [t for t in everyone
                            if (t.start is None or t.start.earliest() <= b)
                            and (t.end is None or t.end.latest() >= a)]
                assert kb.holders_between(pos, a, b) == expected
                assert kb.holders_starting(pos, a, b) == [
                    t for t in everyone if t.start and a <= t.start.earliest() <= b]
        assert not kb._by_position        # no wide position was ever loaded whole


def test_the_index_follows_deletes_and_updates(kb_file: Path, tmp_path: Path) -> None:
    copy = tmp_path / "kb.sqlite"
    copy.write_bytes(kb_file.read_bytes())
    with sqlite3.connect(copy) as conn:
        conn.execute("DELETE FROM statements WHERE rowid % 7 = 0")
        conn.execute("UPDATE statements SET start = '1950-05-05', start_prec = 'day' "
                     "WHERE rowid % 11 = 0")
        conn.execute("UPDATE statements SET rank = 'deprecated' WHERE rowid % 13 = 0")
        conn.execute("UPDATE statements SET rank = 'normal' WHERE rowid % 17 = 0")
    with KnowledgeBase.open(copy) as kb:
        for pos in _positions(copy):
            got = [_t(t) for t in kb.holders_between(pos, date.min, date.max)]
            assert got == widekb.reference_holders(copy, pos)
            assert got == [_t(t) for t in kb.holders_in_order(pos)]
            assert {s for s, _ in kb.holder_sources(pos)} == {r[0] for r in kb.conn.execute(
                "SELECT source FROM statements WHERE property = 'P39' AND value = ? AND "
                "rank != 'deprecated'", (pos,))}


def test_a_position_growing_wide_through_the_triggers_is_indexed_whole(tmp_path: Path) -> None:
    rng = random.Random(83)
    statements = widekb.rows(rng, 4, 100, 300, wide=700)
    path = widekb.build(tmp_path / "kb.sqlite", statements, before=0.0)   # all by triggers
    with KnowledgeBase.open(path) as kb:
        assert kb.wide("Q9200000") and not kb.wide("Q9200001")
        assert kb.conn.execute("SELECT count(*) FROM term_spans").fetchone()[0] == kb.conn.execute(
            "SELECT count(*) FROM statements WHERE value = 'Q9200000' AND rank != 'deprecated'"
        ).fetchone()[0]
        assert [_t(t) for t in kb.holders_in_order("Q9200000")] == widekb.reference_holders(
            path, "Q9200000")


def test_a_kb_from_before_the_index_is_read_whole_then_indexed_by_import(
        tmp_path: Path) -> None:
    rng = random.Random(81)
    path = widekb.build(tmp_path / "old.sqlite", widekb.rows(rng, 3, 50, 400, wide=600),
                        index=False)
    with KnowledgeBase.open(path) as kb:
        assert not kb._spans and not kb.wide("Q9200000")
        assert [_t(t) for t in kb.holders("Q9200000")] == widekb.reference_holders(
            path, "Q9200000")
    dump = tmp_path / "extra.json.gz"
    write_dump(dump, [wdjson.entity("Q9100001", "Someone", instance_of=["Q5"], positions=[
        {"position": "Q9200000", "start": "2001-02-03", "end": "2004-05-06"}])])
    import_files(path, [dump])
    with KnowledgeBase.open(path) as kb:
        assert spans.present(kb.conn)
        assert kb.wide("Q9200000") and not kb.wide("Q9200001")
        for pos in ("Q9200000", "Q9200001", "Q9200002"):
            assert [_t(t) for t in kb.holders_in_order(pos)] == widekb.reference_holders(path,
                                                                                         pos)


def test_a_wide_position_of_thousands(tmp_path: Path) -> None:
    """5,000 holders in one position, with the real threshold: served by indexed queries."""
    rng = random.Random(82)
    path = widekb.build(tmp_path / "kb.sqlite", widekb.rows(rng, 10, 4000, 500, wide=5000))
    with KnowledgeBase.open(path) as kb:
        assert kb.wide("Q9200000") and not kb.wide("Q9200001")
        at = date(1990, 6, 1)
        got = kb.holders("Q9200000", at)
        assert 0 < len(got) < 2000
        assert [_t(t) for t in got] == [
            r for r in widekb.reference_holders(path, "Q9200000")
            if (r[1] is None or r[1].earliest() <= at)            # type: ignore[attr-defined]
            and (r[2] is None or r[2].latest() >= at)]            # type: ignore[attr-defined]
        assert "Q9200000" not in kb._by_position


def test_an_index_of_another_layout_is_not_used_and_is_rebuilt(kb_file: Path,
                                                                tmp_path: Path) -> None:
    copy = tmp_path / "kb.sqlite"
    copy.write_bytes(kb_file.read_bytes())
    with sqlite3.connect(copy) as conn:
        conn.execute("UPDATE meta SET value = '0' WHERE key = 'term_spans'")
    with KnowledgeBase.open(copy) as kb:
        assert not kb._spans and not kb.wide("Q9200000")
    with sqlite3.connect(copy) as conn:
        spans.install(conn)
        assert spans.present(conn)
    with KnowledgeBase.open(copy) as kb:
        assert kb._spans and not kb.wide("Q9200001")      # rebuilt with the real threshold
