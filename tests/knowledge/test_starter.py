"""The starter-pack loader (knowledge/starter.py) on a tiny pack written to tmp_path."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

import newscheck
from newscheck.errors import ImportFailed, KnowledgeBaseNotFound
from newscheck.knowledge import open_kb, starter
from newscheck.model import Coverage

from .kbhelpers import FM_JAPAN, JAPAN, KISHIDA, KONO, PM_JAPAN, isolate

POSITIONS = """id,label,aliases,country,office_kind,single_holder
Q274948,Prime Minister of Japan,Japanese Prime Minister|PM of Japan,Q17,head_of_government,1
Q1355043,Minister for Foreign Affairs of Japan,Japanese Foreign Minister,Q17,foreign_minister,1
L:captain-regent-of-san-marino,Captain Regent of San Marino,,Q238,head_of_state,0
"""
PEOPLE = """id,label,aliases
Q359480,Fumio Kishida,Kishida Fumio
Q1161024,Taro Kono,Kōno Tarō
"""
TERMS = """person,position,start,end,note
Q359480,Q1355043,2012-12-26,2017-08-03,
Q359480,Q274948,2021-10-04,2024-10-01,
Q1161024,Q1355043,2017-08,2019-09-11,month precision on purpose (mechanics)
"""


def write_pack(folder: Path, *, terms: str = TERMS, positions: str = POSITIONS) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "pack.json").write_text(json.dumps({
        "name": "test pack", "as_of": "2024-12-01", "description": "tiny", "sources": []}))
    (folder / "positions.csv").write_text(positions, encoding="utf-8")
    (folder / "people.csv").write_text(PEOPLE, encoding="utf-8")
    (folder / "terms.csv").write_text(terms, encoding="utf-8")
    return folder


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    isolate(monkeypatch, tmp_path)


@pytest.fixture
def pack(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = write_pack(tmp_path / "starter")
    monkeypatch.setattr(starter, "default_pack_dir", lambda: folder)
    return folder


def test_open_kb_falls_back_to_the_cached_starter_pack(pack: Path, tmp_path: Path) -> None:
    with open_kb() as kb:
        assert kb.name == "test pack"
        assert kb.as_of == date(2024, 12, 1)
        assert Path(kb.path).parent == tmp_path / "xdg-cache" / "newscheck"
        assert Path(kb.path).name == (f"starter-{newscheck.__version__}-"
                                      f"{starter.pack_hash(pack)}.sqlite")
        (term,) = kb.holders(FM_JAPAN, date(2015, 1, 1))
        assert term.person == KISHIDA and term.source == "starter pack (as of 2024-12-01)"
        assert [e.id for e in kb.search("Japanese Foreign Minister")] == [FM_JAPAN]
        assert [e.id for e in kb.search("kono taro")] == [KONO]
        assert kb.kind(PM_JAPAN) == "head_of_government"
        assert kb.jurisdiction(PM_JAPAN) == JAPAN
        assert not kb.single_holder("L:captain-regent-of-san-marino")
        assert kb.single_holder(PM_JAPAN)
        (kono,) = kb.holders(FM_JAPAN, date(2017, 8, 20))
        assert kono.start.precision == "month"  # type: ignore[union-attr]
        assert kono.covers(date(2017, 8, 20), as_of=kb.as_of) is Coverage.MAYBE


def test_cache_is_built_once_and_rebuilt_when_the_pack_changes(pack: Path) -> None:
    first = starter.cached_kb()
    mtime = first.stat().st_mtime_ns
    assert starter.cached_kb() == first and first.stat().st_mtime_ns == mtime
    (pack / "terms.csv").write_text(TERMS + "Q1161024,Q274948,2030,,fictional\n")
    second = starter.cached_kb()
    assert second != first and second.exists()


def test_new_builds_prune_old_ones_keeping_the_most_recent(pack: Path) -> None:
    """Every pack change (or upgrade) builds a new ~25 MB file: beyond the current one only
    KEEP_BUILDS older builds stay, with the stamps that name them; the rest go."""
    import os

    builds = []
    for n in range(starter.KEEP_BUILDS + 3):
        (pack / "terms.csv").write_text(TERMS + f"Q1161024,Q274948,{2030 + n},,fictional\n")
        builds.append(starter.cached_kb())
        os.utime(builds[-1], (1_000_000 + n, 1_000_000 + n))   # build order, coarse clocks
    cache = builds[-1].parent
    left = sorted(cache.glob("starter-*.sqlite"))
    assert left == sorted(builds[-1 - starter.KEEP_BUILDS:])
    named = {p.read_text(encoding="ascii").rpartition("\n")[2]
             for p in cache.glob("starter-*.stamp")}
    assert named <= {p.stem.rpartition("-")[2] for p in left}
    assert starter.cached_kb() == builds[-1]                   # the current build is served


def test_no_pack_and_no_kb_is_a_clear_error(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(starter, "default_pack_dir", lambda: tmp_path / "none")
    with pytest.raises(KnowledgeBaseNotFound, match="newscheck kb import"):
        open_kb()


@pytest.mark.parametrize("terms,positions,match", [
    (TERMS + "L:nobody,Q274948,2000,,\n", POSITIONS, "unknown person 'L:nobody'"),
    (TERMS + "Q359480,L:nowhere,2000,,\n", POSITIONS, "unknown position 'L:nowhere'"),
    (TERMS + "Q359480,Q274948,someday,,\n", POSITIONS, "'someday' is not a date"),
    (TERMS, POSITIONS + "L:x,X,,Q17,emperor,1\n", "unknown office_kind 'emperor'"),
    (TERMS, POSITIONS + "L:x,X,,Q17,other,yes\n", "single_holder must be 1 or 0"),
])
def test_invalid_packs_are_rejected(tmp_path: Path, terms: str, positions: str,
                                    match: str) -> None:
    folder = write_pack(tmp_path / "bad", terms=terms, positions=positions)
    with pytest.raises(ImportFailed, match=match):
        starter.build(folder, tmp_path / "out.sqlite")
    assert not (tmp_path / "out.sqlite").exists()


def test_the_shipped_pack_loads() -> None:
    pack_dir = starter.default_pack_dir()
    if not (pack_dir / "pack.json").exists():
        pytest.skip("no starter pack shipped yet")
    meta, records = starter.read_pack(pack_dir)
    assert date.fromisoformat(meta["as_of"])
    assert any(r.kind == "position" for r in records)


def test_countries_come_from_reference_data_without_kb_items(pack: Path) -> None:
    with open_kb() as kb:
        japan = kb.entity(JAPAN)            # the pack has no item for Japan
        assert japan is not None and japan.kind == "country" and japan.label == "Japan"
        assert JAPAN in [e.id for e in kb.search("Japanese")]
        assert kb.entity(PM_JAPAN).country == JAPAN  # type: ignore[union-attr]


def test_unwritable_cache_falls_back_to_a_temporary_build(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    write_pack(pack)
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the cache directory should be")
    path = starter.cached_kb(pack, cache_dir=blocker / "newscheck")   # mkdir fails: OSError
    assert path.exists() and not path.is_relative_to(blocker)
    with open_kb(path) as kb:
        assert kb.entity(KISHIDA) is not None


def test_pack_hash_is_remembered_under_a_stamp_of_the_files(pack: Path, tmp_path: Path) -> None:
    cache = tmp_path / "stamp-cache"
    first = starter.stamped_pack_hash(pack, None, cache)
    assert first == starter.pack_hash(pack)
    (memo,) = cache.glob("starter-*.stamp")
    assert memo.read_text(encoding="ascii").endswith("\n" + first)
    assert starter.stamped_pack_hash(pack, None, cache) == first       # read from the memo
    terms = pack / "terms.csv"
    terms.write_text(terms.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    changed = starter.stamped_pack_hash(pack, None, cache)
    assert changed == starter.pack_hash(pack) != first
    for m in cache.glob("starter-*.stamp"):     # a corrupt memo is a miss, not an error
        m.write_text("garbage", encoding="ascii")
    assert starter.stamped_pack_hash(pack, None, cache) == starter.pack_hash(pack)
