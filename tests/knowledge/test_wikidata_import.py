"""Importing Wikidata JSON dumps: framings, compression, filter, errors, idempotence, atomicity."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from newscheck.errors import ImportFailed
from newscheck.knowledge import KnowledgeBase
from newscheck.knowledge import writer as writer_mod
from newscheck.knowledge.importer import import_files

from .kbhelpers import (
    FM_JAPAN,
    KISHIDA,
    PM_JAPAN,
    SUGA,
    fictional_entities,
    isolate,
    japan_entities,
    table_rows,
    write_dump,
)


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    isolate(monkeypatch, tmp_path)


def _snapshot(kb_path: Path, with_source: bool = True) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(kb_path)
    try:
        return table_rows(conn, with_source=with_source)
    finally:
        conn.close()


@pytest.mark.parametrize("name,framing", [
    ("dump.json", "official"), ("dump.json", "lines"), ("dump.json.gz", "official"),
    ("dump.json.bz2", "official"), ("dump.json.gz", "lines"),
])
def test_every_framing_and_compression_gives_the_same_kb(tmp_path: Path, name: str,
                                                         framing: str) -> None:
    reference = tmp_path / "ref.sqlite"
    import_files(reference, [write_dump(tmp_path / "ref.json", japan_entities())])
    kb_path = tmp_path / "kb.sqlite"
    import_files(kb_path, [write_dump(tmp_path / name, japan_entities(), framing=framing)])
    assert _snapshot(kb_path, False) == _snapshot(reference, False)
    with KnowledgeBase.open(kb_path) as kb:
        assert [t.person for t in kb.holders(PM_JAPAN, date(2022, 5, 1))] == [KISHIDA]


def test_filter_keeps_people_positions_and_countries(tmp_path: Path) -> None:
    kb_path = tmp_path / "kb.sqlite"
    import_files(kb_path, [write_dump(tmp_path / "d.json", fictional_entities())])
    with KnowledgeBase.open(kb_path) as kb:
        assert kb.entity("Q900000005") is None           # a painting: dropped
        assert kb.entity("Q900000006") is None           # a person with no position: dropped
        seal = kb.entity("Q900000004")                   # only reachable via P39: second pass
        assert seal is not None and seal.kind == "position"
        assert kb.entity("Q900000001").kind == "country"  # type: ignore[union-attr]
        assert [e.id for e in kb.search("Testlandish")] == ["Q900000001"]
        assert kb.kind("Q900000002") == "head_of_government"   # P279 head of government


def test_deprecated_rank_is_never_returned(tmp_path: Path) -> None:
    kb_path = tmp_path / "kb.sqlite"
    import_files(kb_path, [write_dump(tmp_path / "d.json", fictional_entities())])
    with KnowledgeBase.open(kb_path) as kb:
        terms = kb.positions("Q900000003")
        assert len(terms) == 2 and all(t.rank != "deprecated" for t in terms)
        assert kb.positions("Q900000003", at=date(2005, 1, 1)) == []


def test_second_import_of_the_same_dump_changes_nothing(tmp_path: Path) -> None:
    kb_path, dump = tmp_path / "kb.sqlite", write_dump(tmp_path / "d.json.gz", japan_entities())
    import_files(kb_path, [dump])
    before = _snapshot(kb_path)
    import_files(kb_path, [dump])
    assert _snapshot(kb_path) == before


def test_a_newer_import_of_an_entity_replaces_the_older(tmp_path: Path) -> None:
    kb_path = tmp_path / "kb.sqlite"
    wrong = japan_entities()
    wrong[0]["claims"]["P39"][1]["qualifiers"]["P582"][0]["datavalue"]["value"]["time"] = \
        "+2030-01-01T00:00:00Z"
    import_files(kb_path, [write_dump(tmp_path / "d.json", wrong)])
    import_files(kb_path, [write_dump(tmp_path / "d.json", japan_entities())])
    with KnowledgeBase.open(kb_path) as kb:
        ends = sorted(str(t.end) for t in kb.positions(KISHIDA))
        assert ends == ["2017-08-03", "2024-10-01"]


def test_malformed_line_names_file_and_line(tmp_path: Path) -> None:
    dump = write_dump(tmp_path / "bad.json", japan_entities(),
                      extra_lines=['{"type":"item","id":"Q900000009","claims":{"P39": [,'])
    with pytest.raises(ImportFailed, match=r"bad\.json:2: malformed entity"):
        import_files(tmp_path / "kb.sqlite", [dump])
    assert not (tmp_path / "kb.sqlite").exists()
    assert list(tmp_path.glob(".kb.sqlite*")) == []      # no temporary file left behind


def test_garbage_line_is_malformed_even_without_keywords(tmp_path: Path) -> None:
    dump = write_dump(tmp_path / "bad.json", japan_entities(), extra_lines=["hello"])
    with pytest.raises(ImportFailed, match=r"bad\.json:2"):
        import_files(tmp_path / "kb.sqlite", [dump])


def test_skip_bad_skips_and_counts(tmp_path: Path) -> None:
    dump = write_dump(tmp_path / "bad.json", japan_entities(), extra_lines=[
        "hello", '{"type":"item","id":"Q900000009","claims":{"P39": [,',
        '{"type":"item","claims":{"P39":[]}}'])
    result = import_files(tmp_path / "kb.sqlite", [dump], skip_bad=True)
    assert result.skipped == 3
    with KnowledgeBase.open(tmp_path / "kb.sqlite") as kb:
        assert kb.entity(KISHIDA) is not None


@pytest.mark.parametrize("suffix", [".gz", ".bz2"])
def test_truncated_compressed_dump_fails_and_leaves_kb_unchanged(tmp_path: Path,
                                                                 suffix: str) -> None:
    kb_path = tmp_path / "kb.sqlite"
    import_files(kb_path, [write_dump(tmp_path / "first.json", japan_entities()[:2])])
    before = _snapshot(kb_path)
    full = write_dump(tmp_path / f"d.json{suffix}", japan_entities() * 50)
    cut = tmp_path / f"cut.json{suffix}"
    cut.write_bytes(full.read_bytes()[: full.stat().st_size * 2 // 3])
    with pytest.raises(ImportFailed, match="truncated or corrupt"):
        import_files(kb_path, [cut])
    assert _snapshot(kb_path) == before


def test_failure_in_a_later_file_rolls_back_the_earlier_ones(tmp_path: Path) -> None:
    kb_path = tmp_path / "kb.sqlite"
    import_files(kb_path, [write_dump(tmp_path / "first.json", japan_entities()[4:])])
    before = _snapshot(kb_path)
    good = write_dump(tmp_path / "good.json", japan_entities())
    bad = write_dump(tmp_path / "bad.json", [], extra_lines=['{"id": "Q1", "claims": {"P39": 3}}'])
    with pytest.raises(ImportFailed):
        import_files(kb_path, [good, bad])
    assert _snapshot(kb_path) == before


def test_interrupted_import_leaves_kb_unchanged(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    kb_path = tmp_path / "kb.sqlite"
    import_files(kb_path, [write_dump(tmp_path / "first.json", japan_entities()[:1])])
    before = _snapshot(kb_path)
    monkeypatch.setattr(writer_mod, "BATCH", 1)
    calls = {"n": 0}
    real_flush = writer_mod.Writer.flush

    def flaky_flush(self: writer_mod.Writer) -> None:
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt
        real_flush(self)

    monkeypatch.setattr(writer_mod.Writer, "flush", flaky_flush)
    with pytest.raises(KeyboardInterrupt):
        import_files(kb_path, [write_dump(tmp_path / "d.json", japan_entities())])
    assert _snapshot(kb_path) == before


@pytest.mark.parametrize("content,match", [
    (b"\x89PNG\r\n\x1a\n" + b"\0" * 100, "PNG image"),
    (b"", "empty"),
    (b"\x00\x01\x02binary", "not a Wikidata JSON dump"),
])
def test_wrong_formats_get_clear_errors(tmp_path: Path, content: bytes, match: str) -> None:
    path = tmp_path / "file.json"
    path.write_bytes(content)
    with pytest.raises(ImportFailed, match=match):
        import_files(tmp_path / "kb.sqlite", [path])


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(ImportFailed, match="no such file"):
        import_files(tmp_path / "kb.sqlite", [tmp_path / "nope.json"])
    with pytest.raises(ImportFailed, match="directory"):
        import_files(tmp_path / "kb.sqlite", [tmp_path])


def test_import_into_a_file_that_is_not_a_kb(tmp_path: Path) -> None:
    target = tmp_path / "notes.txt"
    target.write_text("not a database " * 100)
    with pytest.raises(ImportFailed, match="not a newscheck knowledge base"):
        import_files(target, [write_dump(tmp_path / "d.json", japan_entities())])
    assert target.read_text().startswith("not a database")


def test_dump_date_in_the_name_sets_as_of(tmp_path: Path) -> None:
    kb_path = tmp_path / "kb.sqlite"
    import_files(kb_path, [write_dump(tmp_path / "wikidata-20230501-all.json", japan_entities())])
    with KnowledgeBase.open(kb_path) as kb:
        assert kb.as_of == date(2023, 5, 1)
        assert kb.info()["sources"][0]["name"] == "Wikidata dump wikidata-20230501-all.json"
        assert [t.person for t in kb.holders(FM_JAPAN, date(2018, 1, 1))] == ["Q1161024"]
        assert [t.person for t in kb.holders(PM_JAPAN, date(2021, 1, 1))] == [SUGA]


def test_preferred_rank_wins_for_single_valued_properties(tmp_path: Path) -> None:
    from newscheck.knowledge import wdjson

    office = wdjson.entity("Q900000010", "Minister of Widgets of Testland",
                           instance_of=["Q4164871"], jurisdiction="Q900000011")
    office["claims"]["P1001"].append(wdjson.statement(
        "Q900000010", "P1001", wdjson.item_value("Q900000001"), n=1, rank="preferred"))
    office["claims"]["P1001"].append(wdjson.statement(
        "Q900000010", "P1001", wdjson.item_value("Q900000012"), n=2, rank="deprecated"))
    kb_path = tmp_path / "kb.sqlite"
    import_files(kb_path, [write_dump(tmp_path / "d.json", [office])])
    with KnowledgeBase.open(kb_path) as kb:
        assert kb.jurisdiction("Q900000010") == "Q900000001"
        assert [e.id for e in kb.offices("Q900000001", "minister")] == ["Q900000010"]
        assert kb.offices("Q900000011", "minister") == []


@pytest.mark.parametrize("time,precision,expected", [
    ("+2013-05-07T00:00:00Z", 11, ("2013-05-07", "day")),
    ("+2013-05-07T00:00:00Z", 14, ("2013-05-07", "day")),     # seconds: still a day
    ("+2013-05-00T00:00:00Z", 11, ("2013-05-01", "month")),   # 00 day lowers the precision
    ("+2013-05-00T00:00:00Z", 10, ("2013-05-01", "month")),
    ("+2013-00-00T00:00:00Z", 9, ("2013-01-01", "year")),
    ("+2013-07-19T00:00:00Z", 9, ("2013-01-01", "year")),
    ("+1990-00-00T00:00:00Z", 8, None),                       # a decade: unknown
    ("-0044-03-15T00:00:00Z", 11, None),                      # BCE: unknown
    ("+2013-02-30T00:00:00Z", 11, None),                      # no such day
])
def test_wikidata_time_precision(time: str, precision: int,
                                 expected: tuple[str, str] | None) -> None:
    from newscheck.knowledge.wikidata import wd_date

    snak = {"snaktype": "value", "datavalue": {"type": "time", "value": {
        "time": time, "precision": precision, "timezone": 0, "before": 0, "after": 0,
        "calendarmodel": "http://www.wikidata.org/entity/Q1985727"}}}
    assert wd_date(snak) == expected
    assert wd_date({"snaktype": "somevalue"}) is None


def test_term_ended_at_an_unknown_date_is_left_out(tmp_path: Path) -> None:
    ents = fictional_entities()
    person = ents[2]
    person["claims"]["P39"][0]["qualifiers"]["P582"] = [
        {"snaktype": "somevalue", "property": "P582", "datatype": "time"}]
    kb_path = tmp_path / "kb.sqlite"
    import_files(kb_path, [write_dump(tmp_path / "d.json", ents)])
    with KnowledgeBase.open(kb_path) as kb:
        assert [t.position for t in kb.positions("Q900000003")] == ["Q900000004"]
