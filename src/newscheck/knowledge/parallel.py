"""``newscheck kb import --workers N``: one dump imported by N processes, merged into one KB.

The decompressed dump is cut into line-aligned ranges of ~4 MB (:func:`blocks`); each worker
filters and parses the ranges it is handed and writes what it keeps into its own part file (an
SQLite KB without indexes); the parent merges the parts into the target inside the import's one
transaction, so a failure anywhere still leaves the KB unchanged. Decompression stays in the
parent — a gzip stream, and Wikidata's single bzip2 stream, cannot be entered in the middle — so it
bounds the speed-up (docs/knowledge.md gives the measured and projected figures).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import queue
import sqlite3
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from ..errors import ImportFailed
from . import schema
from .writer import Writer

BLOCK = 4 << 20
Handle = Callable[[list[bytes], Writer, int], int]   # (lines, writer, first line no) → skipped


def blocks(chunks: Iterable[bytes], size: int = 0) -> Iterator[tuple[int, bytes]]:
    """``(number of the first line, bytes of whole lines)`` ranges of about ``size`` bytes
    (default :data:`BLOCK`, read at each call)."""
    size = size or BLOCK
    pending: list[bytes] = []
    held, line = 0, 1
    for chunk in chunks:
        pending.append(chunk)
        held += len(chunk)
        if held < size:
            continue
        data = b"".join(pending)
        cut = data.rfind(b"\n")
        if cut < 0:
            pending, held = [data], len(data)
            continue
        yield line, data[:cut]
        line += data.count(b"\n", 0, cut) + 1
        pending, held = [data[cut + 1:]], len(data) - cut - 1
    if held:
        yield line, b"".join(pending)


def _worker(part: str, source: str, handle: Handle, inq: Any, outq: Any) -> None:
    try:
        conn = sqlite3.connect(part)
        conn.execute("PRAGMA journal_mode = OFF")
        conn.execute("PRAGMA synchronous = OFF")
        schema.create(conn, indexes=False)
        writer = Writer(conn, source, fresh=True)
        skipped = 0
        while (task := inq.get()) is not None:
            first, data = task
            skipped += handle(data.split(b"\n"), writer, first)
        writer.flush()
        conn.commit()
        conn.close()
        outq.put(("ok", part, writer.entities, writer.statements, skipped))
    except ImportFailed as exc:
        outq.put(("error", exc.message, exc.hint))
    except BaseException as exc:   # reported by the parent as one line
        outq.put(("error", f"import worker failed: {type(exc).__name__}: {exc}", None))


_COLS = {"items": "id, label, description, kind, office_kind, single_holder, source",
         "aliases": "entity, alias, norm, type, source",
         "statements": "subject, property, value, start, start_prec, end, end_prec, rank, "
                       "source, sid"}


MAX_ATTACHED = 10   # SQLite's default limit; an attached part stays until the connection closes


def merge(conn: sqlite3.Connection, part: str, writer: Writer) -> None:
    """Copy one part file into ``conn`` with the writer's replace-per-entity rule: in SQL when
    the part can be attached (SQLite cannot detach inside the import's transaction, so at most
    ``MAX_ATTACHED`` parts per import), else row by row."""
    from .writer import _UPSERT

    attached = conn.execute("PRAGMA database_list").fetchall()
    if len(attached) - 1 < MAX_ATTACHED:
        alias = f"part{len(attached)}"
        conn.execute("ATTACH DATABASE ? AS " + alias, (part,))
        if not writer.fresh:
            for table, key in (("statements", "subject"), ("aliases", "entity")):
                conn.execute(f"DELETE FROM main.{table} WHERE source = ? AND {key} IN "
                             f"(SELECT id FROM {alias}.items)", (writer.source,))
        conn.execute(_UPSERT.replace("VALUES (?, ?, ?, ?, ?, ?, ?)",
                                     f"SELECT {_COLS['items']} FROM {alias}.items WHERE true"))
        for table in ("aliases", "statements"):
            conn.execute(f"INSERT INTO main.{table}({_COLS[table]}) "
                         f"SELECT {_COLS[table]} FROM {alias}.{table}")
        return
    src = sqlite3.connect(part)
    try:
        ids = [(r[0], writer.source) for r in src.execute("SELECT id FROM items")]
        cur = conn.cursor()
        if not writer.fresh:
            cur.executemany("DELETE FROM statements WHERE subject = ? AND source = ?", ids)
            cur.executemany("DELETE FROM aliases WHERE entity = ? AND source = ?", ids)
        cur.executemany(_UPSERT, src.execute(f"SELECT {_COLS['items']} FROM items"))
        for table in ("aliases", "statements"):
            marks = ", ".join("?" * len(_COLS[table].split(",")))
            cur.executemany(f"INSERT INTO {table}({_COLS[table]}) VALUES ({marks})",
                            src.execute(f"SELECT {_COLS[table]} FROM {table}"))
    finally:
        src.close()


def import_blocks(ranges: Iterable[tuple[int, bytes]], handle: Handle, writer: Writer,
                  workers: int, conn: sqlite3.Connection) -> int:
    """Hand ``ranges`` to ``workers`` processes, merge their parts; returns skipped lines."""
    ctx = multiprocessing.get_context("fork")
    inq: Any = ctx.Queue(maxsize=2 * workers)
    outq: Any = ctx.Queue()
    tmp = tempfile.mkdtemp(prefix="newscheck-import-")
    parts = [str(Path(tmp) / f"part-{i}.sqlite") for i in range(workers)]
    procs = [ctx.Process(target=_worker, args=(p, writer.source, handle, inq, outq), daemon=True)
             for p in parts]
    for p in procs:
        p.start()
    results: list[tuple[Any, ...]] = []

    def check() -> None:
        with contextlib.suppress(queue.Empty):
            while True:
                results.append(outq.get_nowait())
        for r in results:
            if r[0] == "error":
                raise ImportFailed(r[1], r[2] or "the knowledge base is unchanged")
        if any(p.exitcode not in (None, 0) for p in procs):
            raise ImportFailed("an import worker died (out of memory?)",
                               "retry with fewer --workers; the knowledge base is unchanged")

    try:
        for task in ranges:
            while True:
                try:
                    inq.put(task, timeout=0.5)
                    break
                except queue.Full:
                    check()
        for _ in procs:
            inq.put(None)
        while sum(r[0] == "ok" for r in results) < workers:
            check()
            with contextlib.suppress(queue.Empty):
                results.append(outq.get(timeout=0.5))
        check()
        skipped = 0
        for _, part, entities, statements, skips in results:
            merge(conn, part, writer)
            writer.entities += entities
            writer.statements += statements
            skipped += skips
        return skipped
    finally:
        for p in procs:
            if p.is_alive():
                p.kill()
            p.join()
        for part in parts:
            with contextlib.suppress(OSError):
                Path(part).unlink()
        with contextlib.suppress(OSError):
            Path(tmp).rmdir()
