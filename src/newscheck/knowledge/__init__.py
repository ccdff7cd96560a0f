"""The knowledge graph newscheck checks claims against (docs/knowledge.md).

``open_kb(path=None, *, online=False)`` picks the KB: an explicit path (which must exist), else
``$NEWSCHECK_KB``, else the user KB (``platformdirs.user_data_dir("newscheck")/kb.sqlite``) if it
exists, else the starter pack shipped in ``newscheck/data/starter`` (built once into a cached
SQLite file).
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from ..errors import KnowledgeBaseNotFound
from .store import KnowledgeBase

__all__ = ["KnowledgeBase", "default_kb_path", "import_target", "open_kb", "shared_kb"]

ENV_KB = "NEWSCHECK_KB"


def default_kb_path() -> Path:
    """The user KB: where ``newscheck kb import`` writes when no --kb is given."""
    import platformdirs

    return Path(platformdirs.user_data_dir("newscheck")) / "kb.sqlite"


def import_target(path: str | Path | None = None) -> Path:
    """The KB an import writes to: ``path`` > $NEWSCHECK_KB > the user KB."""
    if path is not None:
        return Path(path)
    env = os.environ.get(ENV_KB)
    return Path(env) if env else default_kb_path()


def _must_exist(path: Path, origin: str) -> Path:
    if not path.exists():
        raise KnowledgeBaseNotFound(f"no knowledge base at {path} ({origin})",
                                    f"build it with `newscheck kb import FILE... --kb {path}`")
    return path


def resolve_kb(path: str | Path | None = None) -> tuple[Path, bool]:
    """``(kb_file, is_starter_pack)`` by the resolution order above."""
    if path is not None:
        return _must_exist(Path(path), "--kb"), False
    env = os.environ.get(ENV_KB)
    if env:
        return _must_exist(Path(env), f"${ENV_KB}"), False
    user = default_kb_path()
    if user.exists():
        return user, False
    from .starter import cached_kb

    return cached_kb(), True


def open_kb(path: str | Path | None = None, *, online: bool = False) -> KnowledgeBase:
    """Open the knowledge base for checking (read-only; ``online`` adds Wikidata look-ups
    whose results are cached in the KB, or in memory for the starter pack)."""
    kb_path, is_starter = resolve_kb(path)
    if not online:
        return KnowledgeBase.open(kb_path, readonly=True)
    from .online import OnlineKnowledgeBase

    if is_starter:   # never write into the shared, hash-named cache: work on a copy in memory
        src = sqlite3.connect(f"{kb_path.resolve().as_uri()}?mode=ro", uri=True)
        mem = sqlite3.connect(":memory:", check_same_thread=False)
        src.backup(mem)
        src.close()
        return OnlineKnowledgeBase(mem, kb_path)
    from .schema import connect

    return OnlineKnowledgeBase(connect(kb_path, readonly=False), kb_path)


# Read-only KBs opened by ``shared_kb``, by (file, mtime, size): ``newscheck.check(text)`` without
# a ``kb`` reuses the open KB (and its indexes) instead of reopening it on every call.
_SHARED: dict[tuple[str, int, int], KnowledgeBase] = {}
_SHARED_MAX = 4


def shared_kb(path: str | Path | None = None) -> KnowledgeBase:
    """The KB :func:`open_kb` would open (read-only, offline), opened once per process and
    reused while its file is unchanged (a changed file is opened afresh)."""
    kb_path, _ = resolve_kb(path)
    try:
        st = kb_path.stat()
        key = (str(kb_path.resolve()), st.st_mtime_ns, st.st_size)
    except OSError:
        return KnowledgeBase.open(kb_path, readonly=True)   # let open() name the problem
    kb = _SHARED.get(key)
    if kb is None:
        kb = KnowledgeBase.open(kb_path, readonly=True)
        if len(_SHARED) >= _SHARED_MAX:
            _SHARED.pop(next(iter(_SHARED)))
        _SHARED[key] = kb
    return kb
