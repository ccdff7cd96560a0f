"""``newscheck kb import --workers N --engine ray``: the ranges of :mod:`.parallel` parsed by
N Ray actors, on one machine or a cluster.

The driver decompresses and cuts the dump as the local engine does; each range's bytes go to an
actor through Ray's object store, the next range to whichever actor finished one (at most two
waiting per actor). Each actor fills a part KB in a temporary file on its own node and, at the
end, returns the file's bytes, so the driver needs no storage shared with the workers; it merges
the parts with :func:`.parallel.merge` inside the import's one transaction, the same rows as one
process. The workers need newscheck installed (the same version) on every node.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..errors import ImportFailed, require
from . import schema
from .parallel import Handle, merge
from .writer import Writer

UNCHANGED = "the knowledge base is unchanged"


class _Part:
    """One Ray actor: parses the ranges it is sent into its own part file."""

    def __init__(self, source: str, handle: Handle) -> None:
        self.dir = tempfile.mkdtemp(prefix="newscheck-import-ray-")
        self.path = str(Path(self.dir) / "part.sqlite")
        self.conn = sqlite3.connect(self.path)
        self.conn.execute("PRAGMA journal_mode = OFF")
        self.conn.execute("PRAGMA synchronous = OFF")
        schema.create(self.conn, indexes=False)
        self.writer = Writer(self.conn, source, fresh=True)
        self.handle = handle

    def feed(self, first: int, data: bytes) -> tuple[Any, ...]:
        try:
            return ("ok", self.handle(data.split(b"\n"), self.writer, first))
        except ImportFailed as exc:
            return ("error", exc.message, exc.hint)
        except Exception as exc:   # reported by the driver as one line
            return ("error", f"import worker failed: {type(exc).__name__}: {exc}", None)

    def finish(self) -> tuple[bytes, int, int]:
        self.writer.flush()
        self.conn.commit()
        self.conn.close()
        data = Path(self.path).read_bytes()
        Path(self.path).unlink()
        Path(self.dir).rmdir()
        return data, self.writer.entities, self.writer.statements


def init(workers: int) -> Any:
    """Join the cluster named by ``RAY_ADDRESS``, else start a local Ray with ``workers`` CPUs."""
    ray: Any = require("ray", "ray")
    if not ray.is_initialized():
        address = os.environ.get("RAY_ADDRESS")
        ray.init(address=address, include_dashboard=False, log_to_driver=False,
                 logging_level=logging.WARNING, **({} if address else {"num_cpus": workers}))
    return ray


def import_blocks_ray(ranges: Iterable[tuple[int, bytes]], handle: Handle, writer: Writer,
                      workers: int, conn: sqlite3.Connection) -> int:
    """Parse ``ranges`` in ``workers`` Ray actors and merge their parts; returns skipped lines."""
    ray = init(workers)
    part = ray.remote(num_cpus=1)(_Part)
    actors = [part.remote(writer.source, handle) for _ in range(workers)]
    busy: dict[Any, Any] = {}     # pending feed → its actor
    skipped = 0

    def collect(ready: list[Any]) -> None:
        nonlocal skipped
        for ref in ready:
            busy.pop(ref)
            status, *rest = _get(ray, ref)
            if status == "error":
                raise ImportFailed(rest[0], rest[1] or UNCHANGED)
            skipped += rest[0]

    try:
        free = [a for a in actors for _ in range(2)]
        for first, data in ranges:
            if not free:
                ready, _ = ray.wait(list(busy), num_returns=1)
                free += [busy[r] for r in ready]
                collect(ready)
            actor = free.pop(0)
            busy[actor.feed.remote(first, ray.put(data))] = actor
        collect(list(busy))
        with tempfile.TemporaryDirectory(prefix="newscheck-import-") as tmp:
            for i, actor in enumerate(actors):
                data, entities, statements = _get(ray, actor.finish.remote())
                path = Path(tmp) / f"part-{i}.sqlite"
                path.write_bytes(data)
                merge(conn, str(path), writer)
                writer.entities += entities
                writer.statements += statements
        return skipped
    finally:
        for actor in actors:
            ray.kill(actor)


def _get(ray: Any, ref: Any) -> Any:
    try:
        return ray.get(ref)
    except ray.exceptions.RayError as exc:   # a dead actor or node, a lost object
        raise ImportFailed(f"a Ray import worker failed: {type(exc).__name__}",
                           f"retry with fewer --workers; {UNCHANGED}") from None
