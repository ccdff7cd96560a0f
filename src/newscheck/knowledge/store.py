"""``KnowledgeBase``: the read API over a KB file (docs/design.md is the contract).

Terms are served from an in-memory interval index per person and per position, built on first
use from one indexed query: ``holders(position, at)`` is a bisect plus a short scan.
"""

from __future__ import annotations

import sqlite3
import threading
from bisect import bisect_right
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import Any

from ..errors import KnowledgeBaseBusy, KnowledgeBaseCorrupt, KnowledgeBaseNotFound
from ..model import Entity, PartialDate, Term
from . import schema
from .kinds import default_single_holder, kind_from_label, kind_from_superclasses

_MAX_CACHED = 200_000
_FAR = date.max.toordinal()
_TERMS_SQL = """
SELECT s.subject, s.value, s.start, s.start_prec, s.end, s.end_prec, s.rank, s.source, s.sid,
       COALESCE(p.label, ''), COALESCE(o.label, '')
FROM statements s LEFT JOIN items p ON p.id = s.subject LEFT JOIN items o ON o.id = s.value
WHERE s.property = 'P39' AND s.rank != 'deprecated' AND s.{col} = ?
ORDER BY s.start, s.rowid
"""


class _Index:
    """Terms sorted by earliest start, with their latest end: candidates for ``at`` are a
    prefix (bisect) whose latest end is on or after ``at``."""

    __slots__ = ("his", "los", "terms")

    def __init__(self, terms: list[Term]) -> None:
        keyed = sorted(((t.start.earliest().toordinal() if t.start else 0,
                         t.end.latest().toordinal() if t.end else _FAR, t) for t in terms),
                       key=lambda k: k[0])
        self.los = [k[0] for k in keyed]
        self.his = [k[1] for k in keyed]
        self.terms = [k[2] for k in keyed]

    def at(self, when: date) -> list[Term]:
        o = when.toordinal()
        n = bisect_right(self.los, o)
        his, terms = self.his, self.terms
        return [terms[i] for i in range(n) if his[i] >= o]


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


def _pd(value: str | None, prec: str | None) -> PartialDate | None:
    if not value:
        return None
    return PartialDate.parse(value, prec or "day")  # type: ignore[arg-type]


class KnowledgeBase:
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
        self._by_person: dict[str, _Index] = {}
        self._by_position: dict[str, _Index] = {}
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

    # -- context manager -----------------------------------------------------------------------
    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> KnowledgeBase:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    # -- metadata ------------------------------------------------------------------------------
    def sources(self) -> list[dict[str, Any]]:
        rows = self.conn.execute("SELECT name, kind, file, imported, as_of, entities, statements,"
                                 " skipped FROM sources ORDER BY imported, name").fetchall()
        keys = ("name", "kind", "file", "imported", "as_of", "entities", "statements", "skipped")
        return [dict(zip(keys, r, strict=True)) for r in rows]

    def info(self) -> dict[str, Any]:
        with self._lock:
            if self._counts is None:
                self._counts = (self.conn.execute("SELECT count(*) FROM items").fetchone()[0],
                                self.conn.execute("SELECT count(*) FROM statements")
                                .fetchone()[0])
            return {"name": self.name, "path": self.path,
                    "as_of": self.as_of.isoformat() if self.as_of else None,
                    "sources": [{k: s[k] for k in ("name", "file", "imported", "as_of")}
                                for s in self.sources()],
                    "entities": self._counts[0], "statements": self._counts[1]}

    def public_info(self) -> dict[str, Any]:
        """``info()`` as it goes into a report that people share: sources named by name and file
        name, never by a local path (no ``path``; a source's ``file`` is its base name), and
        nothing that depends on this machine (no import time): the same KB data gives the same
        report everywhere. Built once per KB state (a check asks for it every time)."""
        import copy

        with self._lock:
            if self._public is None:
                self._public = self._public_info()
            return copy.deepcopy(self._public)

    def _public_info(self) -> dict[str, Any]:
        info = self.info()
        info.pop("path", None)
        sources = sorted(self.sources(), key=lambda s: s["kind"] != "starter")   # stable
        info["sources"] = [
            {k: _base_name(v) if k == "file" else v for k, v in s.items()
             if k in ("name", "file", "as_of")}      # when it was imported here is local
            for s in sources if s["kind"] != "world pack"]
        world = [s for s in sources if s["kind"] == "world pack"]
        if world:   # one entry for the world pack's snapshots (each term names its own)
            from .. import __version__

            dates = sorted(s["as_of"] for s in world if s["as_of"])
            info["sources"].insert(1 if info["sources"] else 0, {
                "name": f"newscheck world pack: {len(world)} Wikidata snapshots of "
                        f"every-politician-scrapers, {dates[0]} to {dates[-1]}" if dates else
                        "newscheck world pack",
                "file": f"newscheck {__version__} world pack",
                "as_of": dates[-1] if dates else None})
        return info

    def readonly_file(self) -> Path | None:
        """The KB file when this connection reads it and cannot write to it, else None (a
        writable connection, as ``--online`` opens, or an in-memory copy). Caches derived from the
        KB may be keyed on that file's state only when this is not None."""
        with self._lock:
            try:
                query_only = self.conn.execute("PRAGMA query_only").fetchone()[0]
                files = {r[1]: r[2] for r in self.conn.execute("PRAGMA database_list")}
            except sqlite3.Error:
                return None
        main = files.get("main")
        return Path(main).resolve() if query_only == 1 and main else None

    def stats(self) -> dict[str, Any]:
        """``info()`` plus entities by kind and statements by property (``newscheck kb stats``)."""
        out = self.info()
        out["entities_by_kind"] = dict(self.conn.execute(
            "SELECT kind, count(*) FROM items GROUP BY kind ORDER BY kind").fetchall())
        out["statements_by_property"] = dict(self.conn.execute(
            "SELECT property, count(*) FROM statements GROUP BY property ORDER BY property")
            .fetchall())
        out["sources"] = self.sources()
        out["coverage_by_country"] = self.coverage()
        return out

    def coverage(self) -> list[dict[str, Any]]:
        """Per country (a position's jurisdiction, P1001): offices, people and terms recorded,
        and each source recording them with its date (``newscheck kb stats``)."""
        # A jurisdiction inside a country (a US state: congressional seats) counts for the
        # country it is in (its P17), so people are counted once per country.
        rows = self.conn.execute(
            "SELECT COALESCE(jj.value, j.value), t.source, count(DISTINCT t.value), "
            "count(DISTINCT t.subject), count(*) FROM statements t JOIN statements j ON "
            "j.subject = t.value AND j.property = 'P1001' LEFT JOIN statements jj ON "
            "jj.subject = j.value AND jj.property = 'P17' AND jj.value != j.value "
            "WHERE t.property = 'P39' AND t.rank != 'deprecated' "
            "GROUP BY COALESCE(jj.value, j.value), t.source").fetchall()
        by: dict[str, dict[str, Any]] = {}
        for country, source, offices, people, terms in rows:
            c = by.setdefault(country, {"country": country, "name": _name_of(country),
                                        "offices": 0, "people": 0, "terms": 0, "sources": {}})
            c["offices"] = max(c["offices"], offices)
            c["people"] = max(c["people"], people)
            c["terms"] += terms
            when = self.source_dates.get(source)
            c["sources"][source] = when.isoformat() if when else None
        return sorted(by.values(), key=lambda c: (c["name"] or c["country"]).casefold())

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
                if len(self._entities) > _MAX_CACHED:
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

    # -- terms ---------------------------------------------------------------------------------
    def _index(self, cache: dict[str, _Index], col: str, key: str) -> _Index:
        idx = cache.get(key)
        if idx is None:
            with self._lock:
                rows = self.conn.execute(_TERMS_SQL.format(col=col), (key,)).fetchall()
            dates = self.source_dates
            best: dict[tuple[object, ...], Term] = {}
            for (person, pos, s, sp, e, ep, rank, source, sid, plabel, olabel) in rows:
                dedup = (person, pos, s, sp, e, ep, rank)
                term = Term(person, pos, _pd(s, sp), _pd(e, ep), source, sid, rank, plabel,
                            olabel, dates.get(source))
                old = best.get(dedup)
                # the same term from two sources: keep the one taken last (it knows more)
                if old is None or (term.as_of or date.min) > (old.as_of or date.min):
                    best[dedup] = term
            terms = list(best.values())
            idx = _Index(terms)
            if len(cache) > _MAX_CACHED:
                cache.clear()
            cache[key] = idx
        return idx

    def positions(self, person: str, at: date | None = None) -> list[Term]:
        idx = self._index(self._by_person, "subject", person)
        return list(idx.terms) if at is None else idx.at(at)

    def holders(self, position: str, at: date | None = None) -> list[Term]:
        idx = self._index(self._by_position, "value", position)
        return list(idx.terms) if at is None else idx.at(at)

    def affiliations(self, person: str) -> list[Term]:
        """The person's party memberships (P102), dated, as terms whose ``position`` is the
        party (US Congress data: the party of each term, docs/knowledge.md)."""
        with self._lock:
            rows = self.conn.execute(
                "SELECT s.value, s.start, s.start_prec, s.end, s.end_prec, s.rank, s.source, "
                "s.sid, COALESCE(o.label, '') FROM statements s LEFT JOIN items o ON o.id = "
                "s.value WHERE s.subject = ? AND s.property = 'P102' AND s.rank != 'deprecated'"
                " ORDER BY s.start, s.rowid", (person,)).fetchall()
        return [Term(person, v, _pd(s, sp), _pd(e, ep), src, sid, rank, "", label,
                     self.source_dates.get(src))
                for v, s, sp, e, ep, rank, src, sid, label in rows]

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


def _country(id: str) -> Any:
    try:
        from .countries import country
    except ImportError:
        return None
    return country(id)


def _name_of(id: str) -> str:
    c = _country(id)
    return str(c.name) if c is not None else id


def _country_by_name(name: str) -> Any:
    try:
        from .countries import country_by_name
    except ImportError:
        return None
    return country_by_name(name)


# Source kinds built from data shipped in the package (knowledge/starter.py): the same on every
# install of a version, so their local build time never goes into a report.


def _base_name(file: object) -> object:
    """``/home/u/dumps/wikidata-20240101.json.gz`` → ``wikidata-20240101.json.gz`` (Windows
    separators too); anything that is not a string is kept as it is."""
    if not isinstance(file, str):
        return file
    return file.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1] or file
