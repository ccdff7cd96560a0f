"""A corrupt dump line is never skipped silently (issue 8, item 9), and ``--workers N`` imports
exactly what one process imports."""

from __future__ import annotations

import gzip
import sqlite3
from pathlib import Path

import pytest

from newscheck.errors import ImportFailed
from newscheck.knowledge import importer, parallel, wdjson
from newscheck.knowledge.importer import import_files

from .kbhelpers import isolate, japan_entities, table_rows, write_dump


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    isolate(monkeypatch, tmp_path)


def _rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(path)
    try:
        rows = table_rows(conn)
        return {k: v for k, v in rows.items() if k != "sources"}
    finally:
        conn.close()


def small_ranges(monkeypatch: pytest.MonkeyPatch) -> None:
    """Many small ranges (the chunks read and decompressed too), lines cut across chunks."""
    monkeypatch.setattr(parallel, "BLOCK", 2000)
    monkeypatch.setattr(importer, "CHUNK", 300)
    monkeypatch.setattr(importer, "OUT", 700)


def _filler(n: int) -> list[dict[str, object]]:
    """Items the filter drops, between the kept ones (fictional ids)."""
    return [wdjson.entity(f"Q9{i:07d}", f"Thing {i}", instance_of=["Q3"]) for i in range(n)]


def test_a_cut_line_the_filter_would_skip_is_reported(tmp_path: Path) -> None:
    lines = list(wdjson.dump_lines([*_filler(5), *japan_entities()]))
    lines[3] = lines[3][: len(lines[3]) // 2] + "\n"    # an irrelevant entity, cut short
    dump = tmp_path / "cut.json.gz"
    with gzip.open(dump, "wt", encoding="utf-8") as fh:
        fh.writelines(lines)
    kb = tmp_path / "kb.sqlite"
    import_files(kb, [write_dump(tmp_path / "ok.json", japan_entities())])
    before = _rows(kb)
    with pytest.raises(ImportFailed, match=r"cut.json.gz:4: malformed entity: the line is cut"):
        import_files(kb, [dump])
    assert _rows(kb) == before
    result = import_files(kb, [dump], skip_bad=True)
    assert result.skipped == 1


@pytest.mark.parametrize(("workers", "attach"), [(2, 10), (3, 10), (2, 0)])
def test_workers_import_what_one_process_imports(tmp_path: Path, workers: int, attach: int,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    ents = japan_entities()
    dump = write_dump(tmp_path / "japan.json", [*_filler(40), *ents[:5], *_filler(40),
                                                 *ents[5:], *_filler(40)])
    one, many = tmp_path / "one.sqlite", tmp_path / "many.sqlite"
    import_files(one, [dump])
    small_ranges(monkeypatch)
    monkeypatch.setattr(parallel, "MAX_ATTACHED", attach)   # 0: the row-by-row merge
    import_files(many, [dump], workers=workers)
    assert _rows(many) == _rows(one)
    import_files(many, [dump], workers=workers)       # into an existing KB: replaces, no doubles
    assert _rows(many) == _rows(one)


def test_a_bad_line_fails_a_parallel_import_too(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    lines = list(wdjson.dump_lines([*_filler(30), *japan_entities()]))
    lines[20] = "{broken\n"
    dump = tmp_path / "bad.json"
    dump.write_text("".join(lines), encoding="utf-8")
    small_ranges(monkeypatch)   # the line number counted across ranges
    with pytest.raises(ImportFailed, match=r"bad.json:21: malformed entity"):
        import_files(tmp_path / "kb.sqlite", [dump], workers=2)
    assert not (tmp_path / "kb.sqlite").exists()


def test_blocks_are_whole_lines_in_order() -> None:
    data = b"".join(b"line %d\n" % i for i in range(1000))
    chunks = [data[i:i + 777] for i in range(0, len(data), 777)]
    got = list(parallel.blocks(chunks, size=1000))
    assert b"\n".join(b for _, b in got).split(b"\n")[:1000] == data.split(b"\n")[:1000]
    first = [n for n, _ in got]
    assert first[0] == 1 and all(b.startswith(b"line %d" % (n - 1)) for n, b in got)


@pytest.mark.ray
def test_ray_workers_import_what_one_process_imports(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("ray")
    ents = japan_entities()
    dump = tmp_path / "japan.json.gz"
    with gzip.open(dump, "wt", encoding="utf-8") as fh:
        fh.writelines(wdjson.dump_lines([*_filler(40), *ents[:5], *_filler(40), *ents[5:],
                                         *_filler(40)]))
    one, many = tmp_path / "one.sqlite", tmp_path / "many.sqlite"
    import_files(one, [dump])
    small_ranges(monkeypatch)
    counts = import_files(many, [dump], workers=2, engine="ray").files[0]
    assert _rows(many) == _rows(one)
    assert counts["entities"] == len(_rows(one)["items"]) > 0
    import_files(many, [dump], workers=2, engine="ray")   # into an existing KB: no doubles
    assert _rows(many) == _rows(one)
