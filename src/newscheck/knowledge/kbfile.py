"""Opening a KB file: SQLite errors as the documented errors, and the roll-back of what an
interrupted import left."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import KnowledgeBaseBusy, KnowledgeBaseCorrupt


@contextmanager
def kb_errors(path: object) -> Iterator[None]:
    """SQLite errors while reading a KB as the documented errors: a lock held beyond the wait is
    :class:`KnowledgeBaseBusy` (exit 17, not a disk or data problem), anything else from the
    database (a malformed page, a file that is not SQLite) :class:`KnowledgeBaseCorrupt`."""
    try:
        yield
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise KnowledgeBaseBusy(f"{path}: the knowledge base is locked by another process "
                                    f"({exc})", "retry when it has finished; a lock is not a "
                                    "disk or permission problem") from None
        raise _corrupt(path, exc) from None
    except sqlite3.DatabaseError as exc:
        raise _corrupt(path, exc) from None


def _corrupt(path: object, exc: Exception) -> KnowledgeBaseCorrupt:
    if Path(str(path)).name.startswith("starter-"):   # the cache starter.cached_kb builds
        return KnowledgeBaseCorrupt(f"{path}: newscheck's starter-pack cache is damaged ({exc})",
                                    f"delete it (rm '{path}') and run again: it is rebuilt "
                                    "from the installed package")
    return KnowledgeBaseCorrupt(f"{path}: cannot be read as a knowledge base ({exc})",
                                "rebuild it with `newscheck kb import` (or restore a copy)")


def _hot_journal(path: Path) -> bool:
    """An interrupted write left a rollback journal that only a writable open rolls back."""
    journal = path.with_name(path.name + "-journal")
    try:
        return journal.stat().st_size > 0
    except OSError:
        return False


def _recover(path: Path) -> bool:
    """Roll back what an interrupted import left (a hot journal; a WAL's uncommitted frames are
    ignored by readers anyway) by opening the KB writably once. True if that worked."""
    try:
        conn = sqlite3.connect(path, timeout=10)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return False
    return not _hot_journal(path)
