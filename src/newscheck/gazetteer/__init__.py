"""The gazetteer: every name an article could mention, matched in one pass (between the knowledge
base and the claims stage, which drives it; linking only reads the candidate ids it gave).

* :mod:`.index` – the Aho–Corasick automaton over the KB's names, countries and office titles
* :mod:`.cache` – big gazetteers kept on disk between processes

``gazetteer_for(kb)`` is the one entry point: the gazetteer of an open KB, built on first use (or
read from the disk cache) and kept in this process while the KB file is unchanged.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .cache import load_or_build
from .index import Gazetteer, Hit, Tokens, build, key_of

if TYPE_CHECKING:
    from ..knowledge import KnowledgeBase

__all__ = ["Gazetteer", "Hit", "Tokens", "build", "clear_cache", "gazetteer_for", "key_of"]

_CACHE_SIZE = 4
_cache: dict[tuple[Any, ...], Gazetteer] = {}
_last: list[Gazetteer] = []
_locks_lock = threading.Lock()
_building: dict[tuple[Any, ...], threading.Lock] = {}


def _cache_key(kb: KnowledgeBase) -> tuple[Any, ...]:
    path = getattr(kb, "path", None)
    if isinstance(path, str | Path):
        p = Path(path)
        try:
            wal = p.with_name(p.name + "-wal")     # a WAL KB's commits may sit there
            wal_state = (wal.stat().st_size, wal.stat().st_mtime_ns) if wal.exists() else None
            return ("path", str(p.resolve()), p.stat().st_mtime_ns, wal_state)
        except OSError:
            pass
    return ("object", id(kb))


def gazetteer_for(kb: KnowledgeBase) -> Gazetteer:
    """The cached gazetteer of ``kb`` (built on first use, or read from the disk cache; rebuilt
    when the KB file changes)."""
    last = _last[0] if _last else None
    if last is not None and last.kb is kb:
        return last       # the same open KB object as last time: skip the stat
    key = _cache_key(kb)
    gaz = _cache.get(key)
    if gaz is None or (key[0] == "object" and gaz.kb is not kb):
        # Build once per key, under its lock: eight threads starting together used to build
        # eight gazetteers of the same KB (2.49 GB instead of 466 MB for 270k entities).
        with _locks_lock:
            lock = _building.setdefault(key, threading.Lock())
        with lock:
            gaz = _cache.get(key)
            if gaz is None or (key[0] == "object" and gaz.kb is not kb):
                gaz = load_or_build(kb)
                if len(_cache) >= _CACHE_SIZE:
                    _cache.pop(next(iter(_cache)))
                _cache[key] = gaz
        with _locks_lock:
            _building.pop(key, None)
    gaz.kb = kb     # same file, maybe a new connection: look entities up through this one
    _last[:] = [gaz]
    return gaz


def clear_cache() -> None:
    _cache.clear()
    _last.clear()
