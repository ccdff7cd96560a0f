"""The SQLite layout of a knowledge base and the helpers every module shares.

One file, stdlib ``sqlite3``. Wikidata's model, cut down to what verification reads:

* ``items``       id, label, description, kind (person/position/country/other), office_kind and
                  single_holder overrides (starter pack, office tables)
* ``aliases``     (entity, alias, norm, source): labels, aliases and demonyms under their
                  normalised form (:func:`norm`), the index behind ``search()``
* ``statements``  (subject, property, value, start, start_prec, end, end_prec, rank, source, sid):
                  P39 terms, P31/P279/P17/P1001; dates are the ISO first day of the period plus a
                  precision (``day``/``month``/``year``)
* ``sources``     one row per imported file (name, kind, file, imported, as_of, counts)
* ``meta``        key/value (schema version, name)
"""

from __future__ import annotations

import os
import re
import sqlite3
import unicodedata
from pathlib import Path

from .. import rx

SCHEMA_VERSION = "1"

DDL = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS items (
    id TEXT PRIMARY KEY,
    label TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL DEFAULT 'other',
    office_kind TEXT,
    single_holder INTEGER,
    source TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS aliases (
    entity TEXT NOT NULL,
    alias TEXT NOT NULL,
    norm TEXT NOT NULL,
    type TEXT NOT NULL DEFAULT 'alias',
    source TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS statements (
    subject TEXT NOT NULL,
    property TEXT NOT NULL,
    value TEXT NOT NULL,
    start TEXT,
    start_prec TEXT,
    end TEXT,
    end_prec TEXT,
    rank TEXT NOT NULL DEFAULT 'normal',
    source TEXT NOT NULL DEFAULT '',
    sid TEXT
);
CREATE TABLE IF NOT EXISTS sources (
    name TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    file TEXT NOT NULL,
    imported TEXT NOT NULL,
    as_of TEXT,
    entities INTEGER NOT NULL DEFAULT 0,
    statements INTEGER NOT NULL DEFAULT 0,
    skipped INTEGER NOT NULL DEFAULT 0
);
"""

INDEXES = """
CREATE INDEX IF NOT EXISTS aliases_norm ON aliases(norm);
CREATE INDEX IF NOT EXISTS aliases_entity ON aliases(entity, source);
CREATE INDEX IF NOT EXISTS statements_subject ON statements(subject, property);
CREATE INDEX IF NOT EXISTS statements_value ON statements(property, value, start);
CREATE INDEX IF NOT EXISTS statements_source ON statements(subject, source);
"""

_PUNCT = rx.compile(r"[\W_]+", re.UNICODE)


def norm(text: str) -> str:
    """The look-up key of a name: casefolded, accents stripped, punctuation and spacing ignored.

    ``"Kishida, Fumio."`` and ``"kishida fumio"`` share a key; ``"Keizō Obuchi"`` matches
    ``"Keizo Obuchi"``.
    """
    if text.isascii():
        return _PUNCT.sub(" ", text.lower()).strip()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _PUNCT.sub(" ", stripped).strip()


def create(conn: sqlite3.Connection, *, indexes: bool = True) -> None:
    """Create the tables (a bulk load into a new file adds the indexes after loading)."""
    conn.executescript(DDL)
    if indexes:
        conn.executescript(INDEXES)
    conn.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('schema', ?)", (SCHEMA_VERSION,))


def connect(path: Path, *, readonly: bool) -> sqlite3.Connection:
    """Open a KB file; read-only opens never create or modify it."""
    if readonly:
        uri = path.resolve().as_uri()
        conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, check_same_thread=False)
        try:
            conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()
        except sqlite3.OperationalError:
            # A WAL KB in a directory this user cannot write (no -shm can be made): nobody can be
            # writing it either, so it is read as an immutable file.
            if os.access(path.resolve().parent, os.W_OK):
                raise
            conn.close()
            conn = sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True,
                                   check_same_thread=False)
    else:
        conn = sqlite3.connect(path, check_same_thread=False)
    conn.execute(f"PRAGMA query_only = {1 if readonly else 0}")
    return conn


TABLES = frozenset({"meta", "items", "aliases", "statements", "sources"})


def is_kb(conn: sqlite3.Connection) -> bool:
    """True when the file holds a newscheck KB: all its tables (raises sqlite3.DatabaseError if
    the file is not SQLite)."""
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type='table'").fetchall()
    return {r[0] for r in rows} >= TABLES


def version_problem(conn: sqlite3.Connection) -> str | None:
    """Why this version of newscheck cannot use the KB (a newer or unknown schema), or None."""
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
    version = row[0] if row else SCHEMA_VERSION
    if not str(version).isdigit():
        return f"its schema version {version!r} is not one newscheck writes"
    if int(version) > int(SCHEMA_VERSION):
        return (f"it was written by a newer newscheck (schema version {version}; this version "
                f"reads {SCHEMA_VERSION})")
    return None
