"""Regular expressions compiled once per install instead of once per process.

The claim patterns, the debris lists and the date patterns are ~250 regular expressions, several
of them long alternations; compiling them costs ~35 ms, a quarter of a ``newscheck check`` run on
a short text. :func:`compile` is :func:`re.compile` with a disk cache of the compiled programs:
the first process parses and compiles a pattern as ``re`` does and records the program; later
processes hand the recorded program to the regex engine (``_sre.compile``, what ``re.compile``
itself ends with) without parsing it again. The result is the same :class:`re.Pattern`.

The cache is one file in the user cache directory (``platformdirs.user_cache_dir("newscheck")``),
named per newscheck version, Python version and regex-engine magic number, so another
interpreter never reads it. Only constant patterns written in newscheck's own source go through
here — never a pattern built from an article or a KB. A missing, unreadable or damaged file, an
unwritable directory or an interpreter without the private compiler hooks (not CPython) all fall
back to plain :func:`re.compile`. ``NEWSCHECK_REGEX_CACHE=0`` turns the cache off.

:func:`library_import` extends the cache to the module constants of a library while it is
imported (trafilatura, courlan and htmldate compile ~400 patterns at import, ~25 ms).
"""

from __future__ import annotations

import importlib
import os
import re
import sys
import threading
from array import array
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, AnyStr

MAX_ENTRIES = 2048        # bounds the file (~1 MB) whatever a development tree compiles over time
# A pattern no saving process used in this many saves is dropped: a library pattern built from
# a set (its order follows the hash seed) is new in nearly every process and must not pile up.
KEEP_SAVES = 64

# (pattern, flags) -> (flags, program as bytes, groups, groupindex, indexgroup)
_Entry = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]
_Key = tuple[str | bytes, int]
_cache: dict[_Key, _Entry] | None = None
_used: dict[_Key, None] = {}    # keys compiled by this process, in order
_last_used: dict[_Key, int] = {}   # the save generation that last used each key
_generation = 0                    # saves of the file so far
_dirty = False
_engine: Any = None       # the ``_sre`` module, or False where the hooks are missing
_LIBRARY_LOCK = threading.RLock()
_TYPECODE = "I"           # the programs' code words, stored as bytes
_DIGEST = 16              # bytes of BLAKE2b digest at the start of the file


def _digest(payload: bytes) -> bytes:
    import hashlib

    return hashlib.blake2b(payload, digest_size=_DIGEST).digest()


def compile(pattern: AnyStr, flags: int | re.RegexFlag = 0) -> re.Pattern[AnyStr]:
    """``re.compile(pattern, flags)``, served from the per-install cache of compiled programs."""
    global _dirty
    flags = int(flags)
    engine = _hooks()
    cache = _load() if engine else None
    if cache is None or flags & re.DEBUG:
        return re.compile(pattern, flags)
    key = (pattern, flags)
    entry = cache.get(key)
    if entry is None:
        entry = _program(pattern, flags)
        if entry is None:
            return re.compile(pattern, flags)
        cache[key] = entry
        if not _dirty:
            import atexit

            atexit.register(save)
            _dirty = True
    _used[key] = None
    try:
        code = array(_TYPECODE, entry[1]).tolist()
        compiled: re.Pattern[AnyStr] = engine.compile(pattern, entry[0], code, entry[2], entry[3],
                                                      entry[4])
        return compiled
    except (TypeError, ValueError, RuntimeError):     # a damaged entry: compile afresh
        cache.pop(key, None)
        return re.compile(pattern, flags)


@contextmanager
def library_import() -> Iterator[None]:
    """Within the block, ``re.compile`` and friends called *by this thread* go through
    :func:`compile`: wrap the first import of a library whose modules compile many constant
    patterns (``with rx.library_import(): import trafilatura``). Nothing else is cached: other
    threads and non-string patterns reach ``re`` untouched, and ``re`` is restored on exit.
    Keep the block to the import alone (a pattern built from an article must not be cached)."""
    if not _hooks() or getattr(re, "_compile", None) is None:
        yield
        return
    me = threading.get_ident()
    with _LIBRARY_LOCK:     # one thread at a time patches and restores ``re``
        original = re._compile  # type: ignore[attr-defined]

        def cached(pattern: Any, flags: Any) -> Any:
            if threading.get_ident() != me or not isinstance(pattern, (str, bytes)):
                return original(pattern, flags)
            return compile(pattern, flags)

        re._compile = cached  # type: ignore[attr-defined]
        try:
            yield
        finally:
            re._compile = original  # type: ignore[attr-defined]


def _hooks() -> Any:
    global _engine
    if _engine is None:
        _engine = False
        if (sys.implementation.name == "cpython"
                and os.environ.get("NEWSCHECK_REGEX_CACHE", "1") != "0"):
            try:
                engine = importlib.import_module("_sre")
                compiler = importlib.import_module("re._compiler")
                parser = importlib.import_module("re._parser")
                if (array(_TYPECODE).itemsize == engine.CODESIZE and callable(compiler._code)
                        and callable(parser.parse)):
                    _engine = engine
            except (ImportError, AttributeError):
                pass
    return _engine



def _program(pattern: str | bytes, flags: int) -> _Entry | None:
    """Parse and compile ``pattern`` as ``re._compiler.compile`` does, keeping the program."""
    try:
        parsed = importlib.import_module("re._parser").parse(pattern, flags)
        code = importlib.import_module("re._compiler")._code(parsed, flags)
        state = parsed.state
        groupindex = dict(state.groupdict)
        indexgroup: list[str | None] = [None] * state.groups
        for name, i in groupindex.items():
            indexgroup[i] = name
        return (int(flags | state.flags), array(_TYPECODE, code).tobytes(), state.groups - 1,
                groupindex, tuple(indexgroup))
    except (AttributeError, TypeError, OverflowError):   # the private hooks changed shape
        return None


def cache_path() -> Path:
    import platformdirs

    from . import __version__

    engine = _hooks()
    magic = getattr(engine, "MAGIC", 0) if engine else 0
    return Path(platformdirs.user_cache_dir("newscheck")) / (
        f"regex-{__version__}-py{sys.hexversion:x}-{magic}.marshal")


def _load() -> dict[_Key, _Entry]:
    """The file: a BLAKE2b digest of the rest, then the marshalled ``(generation, {key: entry},
    {key: generation last used})``."""
    global _cache, _generation
    if _cache is None:
        import marshal

        _cache = {}
        try:
            raw = cache_path().read_bytes()
            data = marshal.loads(raw[_DIGEST:]) if raw[:_DIGEST] == _digest(raw[_DIGEST:]) \
                else None     # a damaged file (a flipped byte could change a program): unused
        except (OSError, ValueError, EOFError, TypeError):
            return _cache
        if (isinstance(data, tuple) and len(data) == 3 and isinstance(data[0], int)
                and isinstance(data[1], dict) and isinstance(data[2], dict)):
            _generation = data[0]
            _cache = {k: v for k, v in data[1].items() if _valid(k, v)}
            _last_used.update((k, g) for k, g in data[2].items()
                              if k in _cache and isinstance(g, int))
    return _cache


def _valid(key: Any, entry: Any) -> bool:
    return (isinstance(key, tuple) and len(key) == 2 and isinstance(key[0], (str, bytes))
            and isinstance(key[1], int) and isinstance(entry, tuple) and len(entry) == 5
            and isinstance(entry[0], int) and isinstance(entry[1], bytes)
            and len(entry[1]) % array(_TYPECODE).itemsize == 0 and isinstance(entry[2], int)
            and isinstance(entry[3], dict) and isinstance(entry[4], tuple))


def save() -> None:
    """Write the cache (atomically) when this process compiled something new: the patterns it
    used first, then the others that a save in the last :data:`KEEP_SAVES` used, up to
    :data:`MAX_ENTRIES`. Errors are ignored."""
    global _dirty, _generation
    if not _dirty or _cache is None:
        return
    import marshal

    generation = _generation + 1
    for key in _used:
        _last_used[key] = generation
    keys = [*_used, *(k for k in _cache if k not in _used
                      and generation - _last_used.get(k, 0) <= KEEP_SAVES)][:MAX_ENTRIES]
    data = (generation, {k: _cache[k] for k in keys}, {k: _last_used[k] for k in keys})
    try:
        target = cache_path()
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        payload = marshal.dumps(data)
        tmp.write_bytes(_digest(payload) + payload)
        tmp.replace(target)
    except (OSError, ValueError):
        return
    _generation = generation
    _dirty = False
