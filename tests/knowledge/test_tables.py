"""Office-holder tables: the holders21/positions shape and the world-leaders shape."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from newscheck.errors import ImportFailed
from newscheck.knowledge import KnowledgeBase
from newscheck.knowledge.importer import import_files

from .kbhelpers import (
    FM_JAPAN,
    JAPAN,
    KISHIDA,
    KONO,
    PM_JAPAN,
    SUGA,
    WORLD_LEADERS_CSV,
    isolate,
    table_rows,
    write_japan_tables,
)

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data"


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    isolate(monkeypatch, tmp_path)


def test_holders_table_resolves_short_labels_to_position_ids(tmp_path: Path) -> None:
    holders = write_japan_tables(tmp_path / "officeholders-japan" / "html")
    kb_path = tmp_path / "kb.sqlite"
    result = import_files(kb_path, [holders])
    assert result.files[0]["source"] == "office table officeholders-japan/holders21.csv"
    with KnowledgeBase.open(kb_path) as kb:
        assert [t.person for t in kb.holders(FM_JAPAN, date(2018, 1, 1))] == [KONO]
        assert [t.person for t in kb.holders(PM_JAPAN, date(2021, 1, 1))] == [SUGA]
        # "Minister of Defence" in the holders table is "Minister of Defense of Japan" (Q6500838)
        defence = [t.position for t in kb.positions(KISHIDA, date(2017, 8, 1))]
        assert sorted(defence) == ["Q1355043", "Q6500838"]
        assert kb.jurisdiction(PM_JAPAN) == JAPAN
        assert kb.kind("Q6500838") == "defence_minister"
        # The latest date in the table bounds what "still in office" can mean.
        assert kb.as_of == date(2021, 10, 4)
        (kishida,) = kb.search("Fumio Kishida")
        assert kishida.id == KISHIDA


def test_unmatched_positions_get_local_ids(tmp_path: Path) -> None:
    holders = write_japan_tables(tmp_path / "t")
    with holders.open("a", encoding="utf-8") as fh:
        fh.write("Minister in Charge of Testing,Alex Example,,2001-01-01,2001-12-31,,,,,\n")
    kb_path = tmp_path / "kb.sqlite"
    import_files(kb_path, [holders])
    with KnowledgeBase.open(kb_path) as kb:
        (person,) = kb.search("Alex Example")
        assert person.id == "L:alex-example"
        (term,) = kb.positions(person.id)
        assert term.position == "L:q17-minister-in-charge-of-testing"
        assert kb.jurisdiction(term.position) == JAPAN


def test_world_leaders_table_with_year_precision(tmp_path: Path) -> None:
    path = tmp_path / "wikidata.csv"
    path.write_text(WORLD_LEADERS_CSV, encoding="utf-8")
    kb_path = tmp_path / "kb.sqlite"
    import_files(kb_path, [path])
    with KnowledgeBase.open(kb_path) as kb:
        (term,) = kb.holders(PM_JAPAN, date(2021, 3, 1))      # started "2021": maybe
        assert term.person == KISHIDA and term.start.precision == "year"  # type: ignore
        assert kb.kind("Q208233") == "head_of_state"
        assert [e.id for e in kb.offices(JAPAN, "head_of_state")] == ["Q208233"]


def test_reimporting_a_table_changes_nothing(tmp_path: Path) -> None:
    holders = write_japan_tables(tmp_path / "t")
    kb_path = tmp_path / "kb.sqlite"
    import_files(kb_path, [holders])
    conn = sqlite3.connect(kb_path)
    before = table_rows(conn)
    conn.close()
    import_files(kb_path, [holders])
    conn = sqlite3.connect(kb_path)
    assert table_rows(conn) == before
    conn.close()


def test_unknown_columns_are_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "holders.csv"
    path.write_text("position,person,personID,start,end,shoe_size\nA,B,Q1,2000,,42\n")
    with pytest.raises(ImportFailed, match=r"unknown columns.*shoe_size"):
        import_files(tmp_path / "kb.sqlite", [path])
    other = tmp_path / "other.csv"
    other.write_text("name,colour\nx,y\n")
    with pytest.raises(ImportFailed, match="match no known shape"):
        import_files(tmp_path / "kb.sqlite", [other])


def test_holders_table_needs_positions_beside_it(tmp_path: Path) -> None:
    holders = write_japan_tables(tmp_path / "t")
    (tmp_path / "t" / "positions.csv").unlink()
    with pytest.raises(ImportFailed, match=r"positions\.csv not found"):
        import_files(tmp_path / "kb.sqlite", [holders])


def test_malformed_rows_fail_with_line_or_are_skipped(tmp_path: Path) -> None:
    holders = write_japan_tables(tmp_path / "t")
    with holders.open("a", encoding="utf-8") as fh:
        fh.write("Prime Minister,Bad Date,Q900000001,the other day,,,,,,\n")
        fh.write("Prime Minister,Too Few\n")
    with pytest.raises(ImportFailed, match=r"holders21\.csv:7: malformed row"):
        import_files(tmp_path / "kb.sqlite", [holders])
    result = import_files(tmp_path / "kb.sqlite", [holders], skip_bad=True)
    assert result.skipped == 2


@pytest.mark.shared
@pytest.mark.skipif(not SHARED.exists(), reason="needs ../shared/data")
def test_real_tables_from_shared_data(tmp_path: Path) -> None:
    kb_path = tmp_path / "kb.sqlite"
    import_files(kb_path, [SHARED / "officeholders-japan/html/holders21.csv",
                           SHARED / "officeholders-south-korea/html/holders21.csv",
                           SHARED / "world-leaders-2021/data/wikidata.csv"])
    with KnowledgeBase.open(kb_path) as kb:
        assert KISHIDA in {t.person for t in kb.holders(FM_JAPAN, date(2015, 1, 1))}
        assert [e.id for e in kb.offices("Q884", "foreign_minister")] == ["Q12592509"]
