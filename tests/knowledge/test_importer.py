"""``import_files`` failure paths: the KB is unchanged and the error is an ImportFailed."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newscheck.errors import ImportFailed
from newscheck.knowledge import importer
from newscheck.knowledge.importer import import_files

from .kbhelpers import isolate, japan_entities, table_rows, write_dump


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    isolate(monkeypatch, tmp_path)


@pytest.fixture
def dump(tmp_path: Path) -> Path:
    return write_dump(tmp_path / "japan.json", japan_entities())


def _rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(path)
    try:
        return table_rows(conn)
    finally:
        conn.close()


@pytest.mark.parametrize("new_kb", [False, True])
def test_disk_full_or_read_only_kb_is_an_import_error(
        tmp_path: Path, dump: Path, monkeypatch: pytest.MonkeyPatch, new_kb: bool) -> None:
    kb = tmp_path / "kb.sqlite"
    if not new_kb:
        import_files(kb, [dump])
        before = _rows(kb)

    def full(*args: object, **kwargs: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(importer, "_import_all", full)
    with pytest.raises(ImportFailed, match="disk is full"):
        import_files(kb, [dump])
    if new_kb:
        assert not kb.exists()
        assert not list(tmp_path.glob(".kb.sqlite.*"))
    else:
        assert _rows(kb) == before


def test_import_into_a_newer_schema_kb_is_refused(tmp_path: Path, dump: Path) -> None:
    kb = tmp_path / "kb.sqlite"
    import_files(kb, [dump])
    conn = sqlite3.connect(kb)
    conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema'")
    conn.commit()
    conn.close()
    before = kb.read_bytes()
    with pytest.raises(ImportFailed, match="newer newscheck"):
        import_files(kb, [dump])
    assert kb.read_bytes() == before


def test_import_into_a_directory(tmp_path: Path, dump: Path) -> None:
    with pytest.raises(ImportFailed, match="is a directory"):
        import_files(tmp_path, [dump])


def test_file_with_only_a_byte_order_mark_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbf\n")
    with pytest.raises(ImportFailed, match="empty"):
        import_files(tmp_path / "kb.sqlite", [path])
