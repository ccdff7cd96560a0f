"""The gazetteer's disk cache (gazetteer/cache.py): reused across processes while the KB file is
unchanged; never stale, never an error."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from newscheck.gazetteer import Gazetteer, Tokens, clear_cache, gazetteer_for
from newscheck.gazetteer import cache as gazcache
from newscheck.knowledge import open_kb, wdjson
from newscheck.knowledge.importer import import_files
from tests.claims.kbfixture import build_kb

TEXT = ("Japanese Prime Minister Fumio Kishida met South Korean President Yoon Suk Yeol; "
        "Shinzo Abe and Shinzō Abe, Penny Wong and Sam Doe, the Australian foreign minister, "
        "the U.S. Secretary of State and Yun Byung-se were there too.")


@pytest.fixture()
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A private cache directory, and every gazetteer worth caching (threshold 0)."""
    home = tmp_path / "xdg-cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    monkeypatch.setenv(gazcache.ENV_MIN_KEYS, "0")
    clear_cache()
    yield home / "newscheck"
    clear_cache()


@pytest.fixture()
def kb_path(tmp_path: Path) -> Path:
    return build_kb(tmp_path)


def fresh(path: Path) -> Gazetteer:
    """The gazetteer a new process would get (the in-process cache cleared)."""
    clear_cache()
    return gazetteer_for(open_kb(path))


def files(cache_dir: Path) -> list[Path]:
    return sorted(cache_dir.glob("gazetteer-*.bin")) if cache_dir.is_dir() else []


def hits(gaz: Gazetteer, text: str = TEXT) -> list[tuple[int, int, object]]:
    return [(h.start, h.end, h.entries) for h in gaz.scan(Tokens.of(text))]


def test_loaded_cache_matches_a_fresh_build(cache: Path, kb_path: Path) -> None:
    built = fresh(kb_path)
    assert not built.from_cache and len(files(cache)) == 1
    loaded = fresh(kb_path)
    assert loaded.from_cache
    assert loaded.keys == built.keys and loaded.size == built.size
    assert loaded.max_key_tokens == built.longest_key() > 1     # from the file's header
    assert hits(loaded) == hits(built) and len(hits(built)) > 8
    assert [loaded.entries_at(i) for i in range(loaded.size)] == built.entries


def test_small_gazetteers_stay_in_memory(cache: Path, kb_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(gazcache.ENV_MIN_KEYS)
    assert gazcache.min_keys() == gazcache.MIN_KEYS
    assert not fresh(kb_path).from_cache
    assert files(cache) == []


def test_a_touched_kb_invalidates(cache: Path, kb_path: Path) -> None:
    fresh(kb_path)
    first = files(cache)
    st = kb_path.stat()
    os.utime(kb_path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
    again = fresh(kb_path)
    assert not again.from_cache
    assert len(files(cache)) == 1 and files(cache) != first   # the old file is replaced
    assert fresh(kb_path).from_cache


def test_a_reimport_invalidates(cache: Path, kb_path: Path, tmp_path: Path) -> None:
    def found(gaz: Gazetteer) -> bool:
        return any(("E", "L:new") in h.entries for h in gaz.scan(Tokens.of("Ada Newperson spoke.")))

    assert not found(fresh(kb_path)) and fresh(kb_path).from_cache
    dump = tmp_path / "more-20250701.json"
    dump.write_text("".join(wdjson.dump_lines([wdjson.entity(
        "L:new", "Ada Newperson", instance_of=["Q5"],
        positions=[{"position": "Q274948", "start": "2030-01-01"}])])), encoding="utf-8")
    import_files(kb_path, [dump])
    gaz = fresh(kb_path)
    assert not gaz.from_cache and found(gaz)
    assert fresh(kb_path).from_cache and found(fresh(kb_path))


def test_a_kb_changed_in_place_invalidates(cache: Path, kb_path: Path) -> None:
    """A writer that keeps the file's size (and maybe its mtime tick) still changes the key."""
    import sqlite3

    before = gazcache.disk_key(open_kb(kb_path))
    conn = sqlite3.connect(kb_path)
    conn.execute("UPDATE aliases SET alias = 'Penny Wing' WHERE alias = 'Penny Wong'")
    conn.commit()
    conn.close()
    after = gazcache.disk_key(open_kb(kb_path))
    assert before is not None and after is not None and before.name != after.name


@pytest.mark.parametrize("damage", ["truncate", "flip", "garbage", "empty", "foreign"])
def test_a_damaged_cache_file_is_rebuilt(cache: Path, kb_path: Path, damage: str,
                                         caplog: pytest.LogCaptureFixture) -> None:
    built = fresh(kb_path)
    (target,) = files(cache)
    data = target.read_bytes()
    if damage == "truncate":
        target.write_bytes(data[:len(data) // 2])
    elif damage == "flip":
        pos = len(data) - 10
        target.write_bytes(data[:pos] + bytes([data[pos] ^ 0x20]) + data[pos + 1:])
    elif damage == "garbage":
        target.write_bytes(os.urandom(4096))
    elif damage == "empty":
        target.write_bytes(b"")
    else:   # another KB's (or version's) file under this name
        head, _, body = data.partition(b"\n")
        meta = json.loads(head)
        meta["key"] = meta["key"].replace("claims.kb", "other.kb")
        target.write_bytes(json.dumps(meta).encode() + b"\n" + body)
    with caplog.at_level(logging.DEBUG, logger="newscheck.gazetteer"):
        again = fresh(kb_path)
    assert not again.from_cache
    assert hits(again) == hits(built)
    assert "unusable" in caplog.text
    assert fresh(kb_path).from_cache      # rewritten


def test_a_cache_path_that_is_a_file_still_works(tmp_path: Path, kb_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    monkeypatch.setenv(gazcache.ENV_MIN_KEYS, "0")
    gaz = fresh(kb_path)
    assert not gaz.from_cache and len(hits(gaz)) > 8
    assert not fresh(kb_path).from_cache
    clear_cache()


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="needs POSIX permissions that bind the user (not root)")
def test_a_read_only_cache_dir_still_works(cache: Path, kb_path: Path) -> None:
    cache.mkdir(parents=True)
    cache.chmod(0o500)
    try:
        gaz = fresh(kb_path)
        assert not gaz.from_cache and len(hits(gaz)) > 8
        assert files(cache) == []
    finally:
        cache.chmod(0o700)


def test_a_failed_write_leaves_nothing_behind(cache: Path, kb_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """A write that fails at the end (full disk, read-only mount, even for root): no file, no
    temporary file, and the gazetteer still works."""
    def refuse(self: Path, target: object) -> Path:
        raise PermissionError(13, "Permission denied", str(target))

    monkeypatch.setattr(Path, "replace", refuse)
    gaz = fresh(kb_path)
    assert not gaz.from_cache and len(hits(gaz)) > 8
    assert list(cache.iterdir()) == []


def test_files_of_gone_kbs_and_the_least_recently_used_are_pruned(
        cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gazcache, "MAX_FILES", 2)
    kbs = []
    for name in ("a", "b", "c", "d"):
        (tmp_path / name).mkdir()
        kbs.append(build_kb(tmp_path / name))
    for age, kb in ((200, kbs[0]), (100, kbs[1]), (0, kbs[2])):
        fresh(kb)
        (new,) = (f for f in files(cache) if gazcache._kb_of(f) == str(kb))
        os.utime(new, (new.stat().st_atime - age, new.stat().st_mtime - age))
    assert len(files(cache)) == 2                 # a's file was the least recently used
    assert {gazcache._kb_of(f) for f in files(cache)} == {str(kbs[1]), str(kbs[2])}
    assert fresh(kbs[1]).from_cache and fresh(kbs[2]).from_cache
    kbs[1].unlink()
    fresh(kbs[3])
    assert {gazcache._kb_of(f) for f in files(cache)} == {str(kbs[2]), str(kbs[3])}


def test_online_kbs_never_use_the_disk_cache(cache: Path, kb_path: Path) -> None:
    fresh(kb_path)
    assert len(files(cache)) == 1
    clear_cache()
    online = open_kb(kb_path, online=True)      # writable: the KB changes during the run
    try:
        assert online.readonly_file() is None
        assert gazcache.disk_key(online) is None
        assert not gazetteer_for(online).from_cache
    finally:
        online.close()


def test_reused_by_another_process(cache: Path, kb_path: Path) -> None:
    code = ("import sys; from newscheck.knowledge import open_kb; "
            "from newscheck.gazetteer import gazetteer_for; "
            "print(gazetteer_for(open_kb(sys.argv[1])).from_cache)")
    runs = [subprocess.run([sys.executable, "-c", code, str(kb_path)], capture_output=True,
                           text=True, check=True, env=os.environ.copy()).stdout.strip()
            for _ in range(2)]
    assert runs == ["False", "True"]


def test_the_key_follows_the_sources_of_the_static_entries(tmp_path: Path) -> None:
    """Countries and office titles are keyed by their source files, not by computing them: an
    edit to any of those files (an editable install keeps its version) is a new key."""
    package = Path(gazcache.__file__).resolve().parent.parent
    for rel in gazcache.STATIC_SOURCES:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_bytes((package / rel).read_bytes())
    before = gazcache._static_digest(tmp_path)
    assert before == gazcache._static_digest(package)
    for rel in gazcache.STATIC_SOURCES:
        original = (tmp_path / rel).read_bytes()
        (tmp_path / rel).write_bytes(original + b"\n")
        assert gazcache._static_digest(tmp_path) != before, rel
        (tmp_path / rel).write_bytes(original)
