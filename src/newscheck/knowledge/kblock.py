"""The import lock of a KB file, and the cleanup of what killed imports left behind.

One ``newscheck kb import`` at a time per KB: the importer holds an exclusive ``flock`` on
``.NAME-import.lock`` next to the KB for the whole import. A second import fails at once with
:class:`~newscheck.errors.ImportLocked` (exit 16) instead of racing to the final rename (two
imports into a new KB both reported success and the last rename won). The kernel releases the
lock when its process dies, however it dies, so a stale lock file never blocks anyone (the next
import takes it, and every import removes it when done); holding it also proves that the
``.NAME.*.tmp`` files of earlier imports belong to dead processes, which are then removed.
Readers never take the lock: a KB is in WAL mode, so checks read while an import writes.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from ..errors import ImportLocked


def lock_path(kb_path: Path) -> Path:
    return kb_path.with_name(f".{kb_path.name}-import.lock")


@contextlib.contextmanager
def import_lock(kb_path: Path) -> Iterator[None]:
    """Hold the exclusive import lock of ``kb_path`` (its directory must exist)."""
    import fcntl

    path = lock_path(kb_path)
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise ImportLocked(f"another import into {kb_path} is running",
                               "wait for it to finish, then run this import again; the "
                               "knowledge base is unchanged") from None
        held = os.fstat(fd)
        try:
            now = path.stat()
        except FileNotFoundError:
            now = None
        if now is not None and (now.st_ino, now.st_dev) == (held.st_ino, held.st_dev):
            break
        os.close(fd)      # the holder before us removed this file: lock the new one
    try:
        remove_stale_temps(kb_path)
        yield
    finally:
        with contextlib.suppress(OSError):
            path.unlink()     # while still locked: a waiter re-checks the inode, see above
        os.close(fd)          # releases the lock


def remove_stale_temps(kb_path: Path) -> list[Path]:
    """Delete the temporary files of imports that died (call only under the import lock)."""
    removed = []
    for tmp in kb_path.parent.glob(f".{kb_path.name}.*.tmp*"):
        with contextlib.suppress(OSError):
            tmp.unlink()
            removed.append(tmp)
    return removed
