"""The KnowledgeBase read API (docs/design.md) and open_kb's resolution order."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from newscheck.errors import KnowledgeBaseCorrupt, KnowledgeBaseNotFound
from newscheck.knowledge import KnowledgeBase, open_kb
from newscheck.knowledge.importer import import_files
from newscheck.model import Coverage

from .kbhelpers import (
    ABE,
    FM_JAPAN,
    JAPAN,
    KISHIDA,
    KONO,
    PM_JAPAN,
    SUGA,
    fictional_entities,
    isolate,
    japan_entities,
    write_dump,
)


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    isolate(monkeypatch, tmp_path)


@pytest.fixture
def kb_path(tmp_path: Path) -> Path:
    path = tmp_path / "kb.sqlite"
    import_files(path, [write_dump(tmp_path / "wikidata-20250630.json",
                                   japan_entities() + fictional_entities())])
    return path


@pytest.fixture
def kb(kb_path: Path) -> KnowledgeBase:
    with KnowledgeBase.open(kb_path) as base:
        yield base


def test_search_is_case_accent_and_punctuation_insensitive(kb: KnowledgeBase) -> None:
    for query in ("Shinzō Abe", "shinzo abe", "SHINZO-ABE", " Shinzo  Abe. "):
        assert [e.id for e in kb.search(query)] == [ABE]
    assert [e.id for e in kb.search("Kishida, Fumio")] == [KISHIDA]   # alias
    assert kb.search("Kishida") == []                                 # exact names only
    assert kb.search("") == []


def test_entity_people_positions_and_countries(kb: KnowledgeBase) -> None:
    kishida = kb.entity(KISHIDA)
    assert kishida is not None and kishida.kind == "person"
    assert kishida.aliases == ("Kishida Fumio",)
    fm = kb.entity(FM_JAPAN)
    assert fm is not None and fm.kind == "position"
    assert (fm.country, fm.office_kind) == (JAPAN, "foreign_minister")
    japan = kb.entity(JAPAN)
    assert japan is not None and japan.kind == "country" and "Japanese" in japan.demonyms
    assert kb.entity("Q900000404") is None


def test_holders_and_positions_on_a_date(kb: KnowledgeBase) -> None:
    assert [t.person for t in kb.holders(PM_JAPAN, date(2021, 10, 3))] == [SUGA]
    on_handover = {t.person for t in kb.holders(PM_JAPAN, date(2021, 10, 4))}
    assert on_handover == {SUGA, KISHIDA}     # both terms include the boundary day
    assert [t.person for t in kb.holders(FM_JAPAN, date(2015, 6, 1))] == [KISHIDA]
    terms = kb.positions(KISHIDA, date(2016, 1, 1))
    assert [(t.position, t.position_label, t.person_label) for t in terms] == [
        (FM_JAPAN, "Minister for Foreign Affairs", "Fumio Kishida")]
    assert terms[0].source == "Wikidata dump wikidata-20250630.json"
    assert terms[0].covers(date(2016, 1, 1), as_of=kb.as_of) is Coverage.YES
    assert len(kb.positions(KISHIDA)) == 2
    assert kb.holders(FM_JAPAN, date(1990, 1, 1)) == []
    assert {t.person for t in kb.holders(FM_JAPAN)} == {KISHIDA, KONO}


def test_year_and_month_precision_give_maybe_near_the_edges(kb: KnowledgeBase) -> None:
    # Alex Example: Grand Widget from 1990 (year) to 1994-05 (month), Keeper 2001-02 to 2003.
    terms = kb.positions("Q900000003")
    widget = next(t for t in terms if t.position == "Q900000002")
    assert (widget.start.precision, widget.end.precision) == ("year", "month")  # type: ignore
    for day, expected in [(date(1990, 6, 1), Coverage.MAYBE), (date(1992, 1, 1), Coverage.YES),
                          (date(1994, 5, 20), Coverage.MAYBE), (date(1994, 6, 1), None)]:
        found = [t for t in kb.positions("Q900000003", day) if t.position == "Q900000002"]
        if expected is None:
            assert found == []
        else:
            assert found[0].covers(day, as_of=kb.as_of) is expected
    keeper = kb.holders("Q900000004", date(2003, 12, 31))
    assert keeper and keeper[0].end.iso() == "2003"  # type: ignore[union-attr]


def test_open_ended_term_is_maybe_after_as_of(tmp_path: Path) -> None:
    ents = japan_entities()
    del ents[0]["claims"]["P39"][1]["qualifiers"]["P582"]     # Kishida as PM, no end
    path = tmp_path / "open.sqlite"
    import_files(path, [write_dump(tmp_path / "wikidata-20230101.json", ents)])
    with KnowledgeBase.open(path) as kb:
        assert kb.as_of == date(2023, 1, 1)
        (term,) = kb.holders(PM_JAPAN, date(2026, 1, 1))
        assert term.covers(date(2026, 1, 1), as_of=kb.as_of) is Coverage.MAYBE
        assert term.covers(date(2022, 6, 1), as_of=kb.as_of) is Coverage.YES


def test_kind_jurisdiction_offices_single_holder(kb: KnowledgeBase) -> None:
    assert kb.kind(PM_JAPAN) == "head_of_government"
    assert kb.kind(FM_JAPAN) == "foreign_minister"
    assert kb.kind("Q900000404") is None
    assert kb.jurisdiction(FM_JAPAN) == JAPAN
    assert [e.id for e in kb.offices(JAPAN, "foreign_minister")] == [FM_JAPAN]
    assert [e.id for e in kb.offices(JAPAN, "head_of_government")] == [PM_JAPAN]
    assert kb.offices(JAPAN, "finance_minister") == []
    assert kb.single_holder(PM_JAPAN) and kb.single_holder(FM_JAPAN)


def test_names_and_info(kb: KnowledgeBase, kb_path: Path) -> None:
    names = set(kb.names())
    assert ("Kishida Fumio", KISHIDA) in names and ("Prime Minister of Japan", PM_JAPAN) in names
    assert not any(ent == JAPAN for _, ent in names)        # countries are not in names()
    info = kb.info()
    assert info["path"] == str(kb_path) and info["as_of"] == "2025-06-30"
    assert info["entities"] > 5 and info["statements"] > 5
    assert info["sources"][0]["file"].endswith("wikidata-20250630.json")


def test_open_kb_explicit_missing_path(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeBaseNotFound, match="newscheck kb import"):
        open_kb(tmp_path / "missing.sqlite")


def test_open_kb_env_then_user_kb(kb_path: Path, monkeypatch: pytest.MonkeyPatch,
                                  tmp_path: Path) -> None:
    monkeypatch.setenv("NEWSCHECK_KB", str(kb_path))
    with open_kb() as kb:
        assert kb.path == str(kb_path)
    monkeypatch.setenv("NEWSCHECK_KB", str(tmp_path / "nope.sqlite"))
    with pytest.raises(KnowledgeBaseNotFound, match="NEWSCHECK_KB"):
        open_kb()
    monkeypatch.delenv("NEWSCHECK_KB")
    from newscheck.knowledge import default_kb_path

    user = default_kb_path()
    assert str(user).startswith(str(tmp_path))
    import_files(user, [write_dump(tmp_path / "u.json", japan_entities())])
    with open_kb() as kb:
        assert kb.path == str(user)


def test_open_kb_is_read_only(kb_path: Path) -> None:
    import sqlite3

    with open_kb(kb_path) as kb, pytest.raises(sqlite3.OperationalError):
        kb.conn.execute("DELETE FROM items")


def test_corrupt_or_foreign_file(tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"this is not sqlite" * 200)
    with pytest.raises(KnowledgeBaseCorrupt):
        open_kb(junk)
    other = tmp_path / "other.sqlite"
    import sqlite3

    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(KnowledgeBaseCorrupt, match="not a newscheck knowledge base"):
        open_kb(other)


def test_sqlite_file_with_only_some_newscheck_tables_is_not_a_kb(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "meta-only.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    conn.commit()
    conn.close()
    with pytest.raises(KnowledgeBaseCorrupt, match="not a newscheck knowledge base"):
        open_kb(path)     # was an internal error: "no such table: sources"


def test_kb_from_a_newer_schema_is_refused(kb_path: Path) -> None:
    import sqlite3

    conn = sqlite3.connect(kb_path)
    conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema'")
    conn.commit()
    conn.close()
    with pytest.raises(KnowledgeBaseCorrupt, match="newer newscheck"):
        open_kb(kb_path)


def test_kb_path_that_is_a_directory(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeBaseNotFound, match="is a directory"):
        open_kb(tmp_path)
