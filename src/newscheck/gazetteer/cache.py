"""The gazetteer's disk cache: big gazetteers are kept between processes.

Building the gazetteer of a KB with a million names takes ~10 s (reading the names, tokenising
them, merging their entries); a CLI call should not pay that every time. A gazetteer of at least
``min_keys()`` keys (``$NEWSCHECK_GAZETTEER_CACHE_MIN_KEYS``, 10,000 by default) is written to
``platformdirs.user_cache_dir("newscheck")`` and read back by later processes while the KB file is
unchanged (one file per KB path, at most ``MAX_FILES``, none for a KB that no longer exists).
The file holds the keys and their entries, not the automaton: pyahocorasick rebuilds the
automaton from the sorted keys ~2× faster than ``ahocorasick.load`` reads a saved one, from a file
~6× smaller (figures in docs/claims.md), and a text format needs no pickle. A gazetteer read from
here builds its automaton only when it is needed (``Gazetteer.scan``): a first small article is
answered by dict look-ups, so a one-article CLI run never builds it.

File: one JSON header line (``magic``, ``version``, the full cache ``key``, counts, byte lengths
and a BLAKE2b digest of the rest), then the keys joined by newlines, then the entries (one line
per key, :func:`~newscheck.gazetteer.index.encode_entries`). Any mismatch (truncated, corrupt,
another KB's or another version's file) is a miss: the gazetteer is built from the KB and the file
rewritten. An unreadable or unwritable cache directory is a miss too; nothing here is ever an error.

Only read-only KB connections use the cache (``KnowledgeBase.readonly_file()``): an ``--online``
KB is written during the run and always builds in memory.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .index import (
    MIN_NAME_CHARS,
    Gazetteer,
    build,
    encode_entries,
    static_entries,
)

if TYPE_CHECKING:
    from ..knowledge import KnowledgeBase

log = logging.getLogger("newscheck.gazetteer")

# Bump when the key or the file format changes (old files are then never read).
GAZETTEER_VERSION = 2   # 2: the header records the longest key
MAGIC = "newscheck-gazetteer"
MIN_KEYS = 10_000   # the shipped KB (starter + world pack, ~22k keys) is cached
MAX_FILES = 8     # cache files kept (one per KB path; least recently used removed first)
ENV_MIN_KEYS = "NEWSCHECK_GAZETTEER_CACHE_MIN_KEYS"


def min_keys() -> int:
    """The smallest gazetteer worth writing to disk (smaller ones build in well under 0.5 s)."""
    raw = os.environ.get(ENV_MIN_KEYS, "").strip()
    try:
        return int(raw) if raw else MIN_KEYS
    except ValueError:
        return MIN_KEYS


def cache_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_cache_dir("newscheck"))


@dataclass(frozen=True, slots=True)
class DiskKey:
    text: str         # everything the gazetteer depends on, as JSON
    prefix: str       # file name prefix shared by every cache file of this KB path
    name: str         # file name

    def path(self) -> Path:
        return cache_dir() / self.name


def _digest(data: bytes | memoryview | str, size: int = 16) -> str:
    return hashlib.blake2b(data.encode() if isinstance(data, str) else data,
                           digest_size=size).hexdigest()


def _wal_state(path: Path) -> list[object] | None:
    """A WAL KB's commits may sit in ``NAME-wal`` with the main file untouched: its size, mtime
    and header salts (new after every checkpoint) are part of the key."""
    wal = path.with_name(path.name + "-wal")
    try:
        st = wal.stat()
        with wal.open("rb") as fh:
            head = fh.read(32)
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns, head[16:24].hex()]


# What :func:`~newscheck.gazetteer.index.static_entries` is computed from (package-relative).
STATIC_SOURCES = ("gazetteer/index.py", "knowledge/offices.py", "knowledge/countries.py",
                  "data/countries.csv")


def _static_digest(root: Path | None = None) -> str:
    """A digest of the files the static entries (countries, office titles) come from: hashing
    ~100 KB of source is ~30× cheaper than computing the entries, and any edit to them (also in
    an editable install, where the version does not move) changes the key."""
    root = root or Path(__file__).resolve().parent.parent
    h = hashlib.blake2b(digest_size=16)
    for rel in STATIC_SOURCES:
        try:
            h.update((root / rel).read_bytes())
        except OSError:   # a packaging without the sources: fall back to the entries themselves
            h.update(json.dumps(static_entries(), ensure_ascii=False).encode())
            break
    return h.hexdigest()


def disk_key(kb: KnowledgeBase) -> DiskKey | None:
    """The cache key of ``kb``'s gazetteer, or None when ``kb`` may not use the disk cache."""
    from .. import __version__

    readonly_file = getattr(kb, "readonly_file", None)
    path = readonly_file() if callable(readonly_file) else None
    if path is None:
        return None
    try:
        st = path.stat()
        with path.open("rb") as fh:
            header = fh.read(100)      # SQLite header: bytes 24–27 count the file's commits
        wal = _wal_state(path)
        sources = [[s.get(k) for k in ("name", "kind", "file", "imported", "as_of", "entities",
                                       "statements")] for s in kb.sources()]
    except (OSError, sqlite3.Error) as exc:
        log.debug("gazetteer cache: cannot key %s (%s)", path, exc)
        return None
    static = _static_digest()
    text = json.dumps([MAGIC, GAZETTEER_VERSION, __version__, str(path), st.st_size,
                       st.st_mtime_ns, st.st_ino, header[24:28].hex(), sources, MIN_NAME_CHARS,
                       static, wal], ensure_ascii=False)
    prefix = f"gazetteer-{_digest(str(path), 8)}-"
    return DiskKey(text, prefix, f"{prefix}{_digest(text)}.bin")


def load(kb: KnowledgeBase, key: DiskKey) -> Gazetteer | None:
    """The cached gazetteer for ``key``, or None (no file, or a file that fails a check)."""
    import time

    t0 = time.perf_counter()
    target = key.path()
    try:
        data = target.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        log.debug("gazetteer cache: cannot read %s (%s)", target, exc)
        return None
    try:
        keys, entries, longest = _parse(data, key)
    except (ValueError, TypeError, KeyError, UnicodeDecodeError) as exc:
        log.debug("gazetteer cache: %s is unusable (%s); rebuilding", target, exc)
        with contextlib.suppress(OSError):
            target.unlink()
        return None
    gaz = Gazetteer(None, kb, keys, entries, from_cache=True)   # automaton: on demand (scan)
    gaz.max_key_tokens = longest
    gaz.build_seconds = time.perf_counter() - t0
    with contextlib.suppress(OSError):
        os.utime(target)      # recently used: pruned last
    return gaz


def _parse(data: bytes, key: DiskKey) -> tuple[list[str], list[Any], int | None]:
    end = data.find(b"\n")
    if end < 0:
        raise ValueError("no header")
    head = json.loads(data[:end])
    if not isinstance(head, dict) or head.get("magic") != MAGIC:
        raise ValueError("not a gazetteer cache file")
    if head.get("version") != GAZETTEER_VERSION or head.get("key") != key.text:
        raise ValueError("written for another KB state or another version")
    n, keys_len = int(head["count"]), int(head["keys_bytes"])
    entries_len = int(head["entries_bytes"])
    body = memoryview(data)[end + 1:]
    if len(body) != keys_len + entries_len:
        raise ValueError(f"{len(body)} bytes of data, the header says {keys_len + entries_len}")
    if _digest(body) != head["digest"]:
        raise ValueError("digest mismatch")
    keys = str(body[:keys_len], "utf-8").split("\n")
    entries: list[Any] = str(body[keys_len:], "utf-8").split("\n")
    if n < 1 or len(keys) != n or len(entries) != n:
        raise ValueError("key and entry counts disagree")
    longest = head.get("longest")       # the most tokens in a key (absent: counted on use)
    return keys, entries, longest if isinstance(longest, int) else None


def save(gaz: Gazetteer, key: DiskKey) -> bool:
    """Write ``gaz`` atomically (temporary file, then rename) and remove the older cache files
    of the same KB path. False (logged at debug level) when the cache directory is unwritable."""
    target = key.path()
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        keys = "\n".join(gaz.keys).encode()
        entries = "\n".join(e if isinstance(e, str) else encode_entries(e)
                            for e in gaz.entries).encode()
        h = hashlib.blake2b(keys, digest_size=16)
        h.update(entries)
        head = json.dumps({"magic": MAGIC, "version": GAZETTEER_VERSION, "key": key.text,
                           "count": len(gaz.keys), "keys_bytes": len(keys),
                           "entries_bytes": len(entries), "digest": h.hexdigest(),
                           "longest": gaz.longest_key()},
                          ensure_ascii=False)
        target.parent.mkdir(parents=True, exist_ok=True)
        with tmp.open("wb") as fh:
            fh.write(head.encode() + b"\n")
            fh.write(keys)
            fh.write(entries)
        tmp.replace(target)
    except OSError as exc:
        log.debug("gazetteer cache: cannot write %s (%s); keeping it in memory", target, exc)
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        return False
    _prune(target, key.prefix)
    return True


def _kb_of(cache_file: Path) -> str | None:
    """The KB path a cache file was written for (None: not a readable cache file)."""
    try:
        with cache_file.open("rb") as fh:
            line = fh.readline(1 << 20)
        return str(json.loads(json.loads(line)["key"])[3])
    except (OSError, ValueError, TypeError, KeyError, IndexError):
        return None


def _prune(keep: Path, prefix: str) -> None:
    """Remove the other files of ``keep``'s KB path, the files of KBs that no longer exist (a
    temporary KB leaves no 25 MB file behind), and the least recently used beyond MAX_FILES."""
    rest: list[tuple[float, Path]] = []
    with contextlib.suppress(OSError):
        for f in keep.parent.glob("gazetteer-*.bin"):
            if f.name == keep.name:
                continue
            kb = None if f.name.startswith(prefix) else _kb_of(f)
            if kb is None or not Path(kb).exists():
                f.unlink(missing_ok=True)
            else:
                rest.append((f.stat().st_mtime, f))
        for _, f in sorted(rest, reverse=True)[MAX_FILES - 1:]:
            f.unlink(missing_ok=True)


def load_or_build(kb: KnowledgeBase, *, min_size: int | None = None) -> Gazetteer:
    """``kb``'s gazetteer from the disk cache, else built (and cached when it has at least
    ``min_size`` keys, default :func:`min_keys`)."""
    key = disk_key(kb)
    if key is not None:
        cached = load(kb, key)
        if cached is not None:
            return cached
    gaz = build(kb)
    if key is not None and gaz.size >= (min_keys() if min_size is None else min_size):
        if disk_key(kb) == key:      # the KB did not change while it was read
            save(gaz, key)
        else:
            log.debug("gazetteer cache: %s changed during the build; not cached", kb.path)
    return gaz
