"""The one code path that writes entities into a KB: every importer (Wikidata dumps, office
tables, the starter pack, online look-ups) builds :class:`Record` values and hands them to a
:class:`Writer`.

Per entity and source, a newer record replaces the older one: its statements and aliases from that
source are deleted and re-inserted, so importing the same file twice changes nothing. Writes are
batched; the caller owns the transaction (see :mod:`newscheck.knowledge.importer`).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import UTC, datetime

from .schema import norm

BATCH = 5000


@dataclass(slots=True)
class Stmt:
    """One statement: ``property`` with ``value`` (an item id or a literal), an optional period
    (ISO first day + precision), a rank and Wikidata's statement id."""

    property: str
    value: str
    start: str | None = None
    start_prec: str | None = None
    end: str | None = None
    end_prec: str | None = None
    rank: str = "normal"
    sid: str | None = None


@dataclass(slots=True)
class Record:
    id: str
    label: str
    kind: str = "other"
    description: str = ""
    aliases: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)
    statements: list[Stmt] = field(default_factory=list)
    office_kind: str | None = None
    single_holder: bool | None = None


_UPSERT = """
INSERT INTO items(id, label, description, kind, office_kind, single_holder, source)
VALUES (?, ?, ?, ?, ?, ?, ?)
ON CONFLICT(id) DO UPDATE SET
    label = CASE WHEN excluded.label != '' THEN excluded.label ELSE items.label END,
    description = CASE WHEN excluded.description != '' THEN excluded.description
                  ELSE items.description END,
    kind = CASE WHEN excluded.kind != 'other' THEN excluded.kind ELSE items.kind END,
    office_kind = COALESCE(excluded.office_kind, items.office_kind),
    single_holder = COALESCE(excluded.single_holder, items.single_holder),
    source = excluded.source
"""


class Writer:
    """Batched writer of records from one source (e.g. ``"Wikidata dump latest.json.gz"``)."""

    def __init__(self, conn: sqlite3.Connection, source: str, *, fresh: bool = False) -> None:
        """``fresh``: nothing from this source is in the KB yet (a bulk load into a new file),
        so there is nothing to replace and the per-entity deletes are skipped."""
        self.conn = conn
        self.source = source
        self.fresh = fresh
        self.entities = 0
        self.statements = 0
        self._batch: dict[str, Record] = {}

    def put(self, rec: Record) -> None:
        self._batch[rec.id] = rec   # a later record of the same entity in a batch wins
        if len(self._batch) >= BATCH:
            self.flush()

    def flush(self) -> None:
        if not self._batch:
            return
        recs = list(self._batch.values())
        self._batch.clear()
        src = self.source
        keys = [(r.id, src) for r in recs]
        cur = self.conn.cursor()
        if not self.fresh:
            cur.executemany("DELETE FROM statements WHERE subject = ? AND source = ?", keys)
            cur.executemany("DELETE FROM aliases WHERE entity = ? AND source = ?", keys)
        cur.executemany(_UPSERT, [
            (r.id, r.label, r.description, r.kind, r.office_kind,
             None if r.single_holder is None else int(r.single_holder), src) for r in recs])
        names: list[tuple[str, str, str, str, str]] = []
        stmts: list[tuple[object, ...]] = []
        for r in recs:
            seen: set[tuple[str, str]] = set()
            for text, typ in ([(r.label, "label")] + [(a, "alias") for a in r.aliases]
                              + [(d, "demonym") for d in r.demonyms]):
                key = norm(text)
                if key and (text, typ) not in seen:
                    seen.add((text, typ))
                    names.append((r.id, text, key, typ, src))
            stmts.extend((r.id, s.property, s.value, s.start, s.start_prec, s.end, s.end_prec,
                          s.rank, src, s.sid) for s in r.statements)
        cur.executemany("INSERT INTO aliases(entity, alias, norm, type, source) "
                        "VALUES (?, ?, ?, ?, ?)", names)
        cur.executemany("INSERT INTO statements(subject, property, value, start, start_prec, end, "
                        "end_prec, rank, source, sid) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        stmts)
        self.entities += len(recs)
        self.statements += len(stmts)

    def finish(self, *, kind: str, file: str, as_of: str | None, skipped: int = 0) -> None:
        """Flush and record the source (one row per source name; a re-import updates it)."""
        self.flush()
        now = datetime.now(UTC).replace(microsecond=0).isoformat()
        self.conn.execute(
            "INSERT INTO sources(name, kind, file, imported, as_of, entities, statements, skipped)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(name) DO UPDATE SET kind=excluded.kind,"
            " file=excluded.file, imported=excluded.imported, as_of=excluded.as_of,"
            " entities=excluded.entities, statements=excluded.statements,"
            " skipped=excluded.skipped",
            (self.source, kind, file, now, as_of, self.entities, self.statements, skipped))
