"""``KnowledgeBase``: the read API over a KB file (docs/design.md is the contract).

The term queries (``positions``, ``holders``, ``holders_between``…) are in knowledge/holders.py,
``info``/``stats``/``coverage`` in knowledge/kbinfo.py, opening errors in knowledge/kbfile.py.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import Any

from ..errors import KnowledgeBaseCorrupt, KnowledgeBaseNotFound
from ..model import Entity
from . import schema
from .holders import MAX_CACHED, TermQueries
from .kbfile import _corrupt, _hot_journal, _recover, kb_errors
from .kbinfo import KbInfo, _country
from .kinds import default_single_holder, kind_from_label, kind_from_superclasses

__all__ = ["KnowledgeBase", "kb_errors"]


class KnowledgeBase(KbInfo, TermQueries):
    """A time-scoped knowledge graph in one SQLite file (read-only unless ``writable``)."""

    def __init__(self, conn: sqlite3.Connection, path: Path | str, *,
                 name: str | None = None) -> None:
        self.conn = conn
        self.path = str(path)
        self._lock = threading.RLock()
        try:
            if not schema.is_kb(conn):
                raise KnowledgeBaseCorrupt(f"{path}: not a newscheck knowledge base",
                                           "build one with `newscheck kb import FILE... --kb "
                                           "PATH`")
            if (problem := schema.version_problem(conn)) is not None:
                raise KnowledgeBaseCorrupt(f"{path}: {problem}",
                                           "upgrade newscheck (pip install -U newscheck) or "
                                           "rebuild the KB with `newscheck kb import`")
            row = conn.execute("SELECT value FROM meta WHERE key = 'name'").fetchone()
            self.name = name or (row[0] if row else Path(self.path).stem)
            self._reset()
        except sqlite3.Error as exc:
            conn.close()
            with kb_errors(path):
                raise exc from None

    @classmethod
    def open(cls, path: Path | str, *, readonly: bool = True) -> KnowledgeBase:
        if Path(path).is_dir():
            raise KnowledgeBaseNotFound(f"{path} is a directory, not a knowledge base file",
                                        "give the path of the .sqlite file (--kb PATH)")
        if readonly and _hot_journal(Path(path)) and not _recover(Path(path)):
            raise KnowledgeBaseCorrupt(f"{path}: an interrupted import left a journal that must "
                                       "be rolled back, and this user cannot write the file",
                                       "run `newscheck kb stats --kb PATH` once as a user who "
                                       "can write it; the data before that import are intact")
        try:
            conn = schema.connect(Path(path), readonly=readonly)
        except sqlite3.Error as exc:
            if isinstance(exc, sqlite3.DatabaseError) \
                    and not isinstance(exc, sqlite3.OperationalError):   # not SQLite, malformed
                raise _corrupt(path, exc) from None
            raise KnowledgeBaseCorrupt(f"{path}: cannot be opened ({exc})",
                                       "check the file and its permissions, or rebuild it with "
                                       "`newscheck kb import`") from None
        return cls(conn, path)

    def _reset(self) -> None:
        self._entities: dict[str, Entity | None] = {}
        self._kinds: dict[str, str | None] = {}
        self._subclasses: dict[str, tuple[str, ...]] = {}
        self._offices: dict[tuple[str, str], list[Entity]] = {}
        self._counts: tuple[int, int] | None = None
        self._public: dict[str, Any] | None = None
        rows = self.conn.execute("SELECT name, as_of FROM sources").fetchall()
        # Each statement knows the date its source was taken (Term.as_of): an open term is
        # "still held" only up to its own source's date. The KB as a whole knows nothing after
        # its newest source.
        self.source_dates: dict[str, date] = {}
        for name, as_of in rows:
            try:
                self.source_dates[name] = date.fromisoformat(as_of)
            except (TypeError, ValueError):
                continue
        self.as_of: date | None = max(self.source_dates.values(), default=None)
        self._reset_terms()

    # -- context manager -----------------------------------------------------------------------
    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> KnowledgeBase:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    # -- entities ------------------------------------------------------------------------------
    def _best(self, subject: str, prop: str) -> list[str]:
        """Values of a single-valued property, Wikidata-style: preferred rank over normal."""
        rows = self.conn.execute("SELECT value, rank FROM statements WHERE subject = ? AND "
                                 "property = ? AND rank != 'deprecated'", (subject, prop))
        ranked = rows.fetchall()
        preferred = [v for v, r in ranked if r == "preferred"]
        return preferred or [v for v, _ in ranked]

    def entity(self, id: str) -> Entity | None:
        with self._lock:
            if id not in self._entities:
                if len(self._entities) > MAX_CACHED:
                    self._entities.clear()
                self._entities[id] = self._load_entity(id)
            return self._entities[id]

    def _load_entity(self, id: str) -> Entity | None:
        row = self.conn.execute("SELECT label, description, kind FROM items WHERE id = ?",
                                (id,)).fetchone()
        ref = _country(id)
        if row is None:
            if ref is None:
                return None
            return Entity(ref.id, ref.name, "country", tuple(ref.short_forms), "",
                          demonyms=tuple(ref.demonyms))
        label, description, kind = row
        names = self.conn.execute("SELECT alias, type FROM aliases WHERE entity = ? AND "
                                  "type != 'label' ORDER BY rowid", (id,)).fetchall()
        aliases = tuple(dict.fromkeys(a for a, t in names if t == "alias" and a != label))
        demonyms = tuple(dict.fromkeys(a for a, t in names if t == "demonym"))
        if kind == "country" or ref is not None:
            kind = "country"
            if ref is not None:
                aliases = tuple(dict.fromkeys((*aliases, *ref.short_forms)))
                demonyms = tuple(dict.fromkeys((*demonyms, *ref.demonyms)))
        if kind == "position":
            return Entity(id, label, "position", aliases, description,
                          country=self._country_of(id), office_kind=self.kind(id))
        return Entity(id, label, kind, aliases, description, demonyms=demonyms)

    def search(self, name: str, limit: int = 10) -> list[Entity]:
        key = schema.norm(name)
        if not key:
            return []
        with self._lock:
            ids = [r[0] for r in self.conn.execute(
                "SELECT entity FROM aliases WHERE norm = ? GROUP BY entity "
                "ORDER BY min(type != 'label'), entity LIMIT ?", (key, limit))]
        ref = _country_by_name(name)
        if ref is not None and ref.id not in ids and key in {
                schema.norm(x) for x in (ref.name, *ref.short_forms, *ref.demonyms)}:
            ids.append(ref.id)
        found = [e for i in ids if (e := self.entity(i)) is not None]
        return found[:limit]

    def names(self) -> Iterator[tuple[str, str]]:
        """Names of people and positions for the gazetteer. US congressional seats, leadership
        roles and the vice presidency are left out: their titles are read by the congress
        claim patterns (claims/congress.py), not as office names."""
        rows = self.conn.execute(
            "SELECT a.alias, a.entity FROM aliases a JOIN items i ON i.id = a.entity "
            "WHERE i.kind IN ('person', 'position') AND a.type != 'demonym' AND "
            "COALESCE(i.office_kind, '') NOT IN ('us_senator', 'us_representative', "
            "'us_congress_leader', 'us_vice_president')").fetchall()
        seen: set[tuple[str, str]] = set()
        for alias, ent in rows:
            if (alias, ent) not in seen:
                seen.add((alias, ent))
                yield alias, ent

    # -- offices -------------------------------------------------------------------------------
    def kind(self, position: str) -> str | None:
        if position in self._kinds:
            return self._kinds[position]
        with self._lock:
            row = self.conn.execute("SELECT label, office_kind FROM items WHERE id = ?",
                                    (position,)).fetchone()
            supers = self._best_all(position, "P279") if row is not None and not row[1] else []
            result = self._derive_kind(position, row, supers)
        self._kinds[position] = result
        return result

    def _derive_kind(self, position: str, row: tuple[str, str | None] | None,
                     supers: list[str]) -> str | None:
        if row is None:
            return None
        if row[1]:
            return row[1]
        result = kind_from_superclasses(supers, row[0])
        return result if result is not None else kind_from_label(row[0],
                                                                 self.jurisdiction(position))

    def _prefetch_kinds(self, ids: list[str]) -> None:
        """:meth:`kind` of many positions, reading labels and P279 in two queries per 500
        positions instead of two per position (a country has hundreds of offices)."""
        todo = [i for i in ids if i not in self._kinds]
        for n in range(0, len(todo), 500):
            chunk = todo[n:n + 500]
            marks = ",".join("?" * len(chunk))
            with self._lock:
                rows = {r[0]: (r[1], r[2]) for r in self.conn.execute(
                    f"SELECT id, label, office_kind FROM items WHERE id IN ({marks})", chunk)}
                supers: dict[str, list[str]] = {}
                for subject, value in self.conn.execute(
                        f"SELECT subject, value FROM statements WHERE subject IN ({marks}) AND "
                        "property = 'P279' AND rank != 'deprecated'", chunk):
                    supers.setdefault(subject, []).append(value)
                for i in chunk:
                    self._kinds[i] = self._derive_kind(i, rows.get(i), supers.get(i, []))

    def subclasses(self, position: str) -> tuple[str, ...]:
        """The positions that are subclasses (P279) of ``position``, transitively, in id order:
        for a class of offices ("prime minister") the offices under it ("Prime Minister of
        Japan", …); empty for an office that is no class. Read from the KB's own statements,
        so any Wikibase's hierarchy works; cycles are harmless."""
        if position in self._subclasses:
            return self._subclasses[position]
        found: set[str] = set()
        frontier = [position]
        with self._lock:
            while frontier:
                marks = ",".join("?" * len(frontier))
                rows = self.conn.execute(
                    f"SELECT s.subject FROM statements s JOIN items i ON i.id = s.subject "
                    f"WHERE s.property = 'P279' AND s.value IN ({marks}) "
                    f"AND s.rank != 'deprecated' AND i.kind = 'position'", frontier).fetchall()
                frontier = [r[0] for r in rows if r[0] not in found and r[0] != position]
                found.update(frontier)
        result = tuple(sorted(found))
        self._subclasses[position] = result
        return result

    def _best_all(self, subject: str, prop: str) -> list[str]:
        rows = self.conn.execute("SELECT value FROM statements WHERE subject = ? AND property = ?"
                                 " AND rank != 'deprecated'", (subject, prop))
        return [r[0] for r in rows]

    def jurisdiction(self, position: str) -> str | None:
        with self._lock:
            for prop in ("P1001", "P17"):
                values = self._best(position, prop)
                if values:
                    return values[0]
        return None

    def _country_of(self, position: str) -> str | None:
        """The position's country: its jurisdiction when that is a country, else its P17 when
        that is (Emperor of Japan: P1001 is a state form, P17 is Japan), else the jurisdiction."""
        juris = self.jurisdiction(position)
        if juris is None or _country(juris) is not None:
            return juris
        with self._lock:
            p17 = self._best(position, "P17")
        return p17[0] if p17 and _country(p17[0]) is not None else juris

    def offices(self, country: str, kind: str) -> list[Entity]:
        key = (country, kind)
        if key not in self._offices:
            with self._lock:
                ids = [r[0] for r in self.conn.execute(
                    "SELECT DISTINCT s.subject FROM statements s JOIN items i ON i.id = s.subject"
                    " WHERE s.property IN ('P1001', 'P17') AND s.value = ? AND s.rank != "
                    "'deprecated' AND i.kind = 'position' AND COALESCE(i.office_kind, '') IN "
                    "('', ?) ORDER BY s.subject", (country, kind))]
            # (a position with a recorded office kind is that kind: kind() returns it unread)
            self._prefetch_kinds(ids)
            # A position of the country: its jurisdiction (P1001, else P17) is the country; a
            # head of state may name a state form as jurisdiction (Emperor of Japan) and count
            # by its P17 alone. Regional offices (P17 = country, P1001 = region) do not count.
            self._offices[key] = [e for i in ids if self.kind(i) == kind
                                  and (self.jurisdiction(i) == country
                                       or kind == "head_of_state")
                                  and (e := self.entity(i)) is not None]
        return list(self._offices[key])

    def single_holder(self, position: str) -> bool:
        with self._lock:
            row = self.conn.execute("SELECT single_holder FROM items WHERE id = ?",
                                    (position,)).fetchone()
        if row is not None and row[0] is not None:
            return bool(row[0])
        return default_single_holder(self.kind(position))


def _country_by_name(name: str) -> Any:
    try:
        from .countries import country_by_name
    except ImportError:
        return None
    return country_by_name(name)
