"""What a KnowledgeBase says about itself: ``sources``, ``info``, ``public_info`` (what goes in
a shared report), ``stats`` and ``coverage`` (``newscheck kb stats``)."""

from __future__ import annotations

import sqlite3
import threading
from datetime import date
from pathlib import Path
from typing import Any


class KbInfo:
    """Mixed into KnowledgeBase: needs ``conn``, ``_lock``, ``name``, ``path``, ``as_of``,
    ``source_dates``, ``_counts`` and ``_public``."""

    conn: sqlite3.Connection
    _lock: threading.RLock
    name: str
    path: str
    as_of: date | None
    source_dates: dict[str, date]
    _counts: tuple[int, int] | None
    _public: dict[str, Any] | None

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


def _country(id: str) -> Any:
    try:
        from .countries import country
    except ImportError:
        return None
    return country(id)


def _name_of(id: str) -> str:
    c = _country(id)
    return str(c.name) if c is not None else id


# Source kinds built from data shipped in the package (knowledge/starter.py): the same on every
# install of a version, so their local build time never goes into a report.


def _base_name(file: object) -> object:
    """``/home/u/dumps/wikidata-20240101.json.gz`` → ``wikidata-20240101.json.gz`` (Windows
    separators too); anything that is not a string is kept as it is."""
    if not isinstance(file, str):
        return file
    return file.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1] or file
