"""The term-span index: which P39 terms of a position fall in a span of years, without reading
every holder (docs/knowledge.md, "Query performance").

A position held by tens of thousands of people (a parliament's members) cannot be loaded whole
for every question about one date. Three derived tables answer what verification asks:

* ``term_positions`` (id, value, n): a number per position and its count of terms;
* ``term_sources`` (position, source, n): the sources that record holders of each position;
* ``term_spans``: an SQLite R*Tree (``rtree_i32``) over (position number, start year, end
  year) of every non-deprecated P39 statement, keyed by the statement's rowid.

Years are a conservative box around the exact dates: a term's start year is the year of its
``start`` when that is written ``YYYY-…`` (the year :class:`~newscheck.model.PartialDate` reads),
else unbounded (``LOW``), and likewise its end (an open or odd end: ``HIGH``; never before the
start year). The exact test on
the parsed dates is made in Python on the few rows the box returns (knowledge/terms.py).

Triggers keep the tables in step with ``statements`` on every insert, delete and update, from
any writer (and from older newscheck versions writing the same file). A KB without them (made
before this index) is served by the whole-position load, as before; ``kb import`` into it adds
them. The index is keyed by rowid: newscheck never runs VACUUM on a KB.
"""

from __future__ import annotations

import sqlite3

VERSION = "1"           # meta 'term_spans': the layout below
LOW, HIGH = -1_000_000, 1_000_000
DATE_GLOB = "[0-9][0-9][0-9][0-9]-*"
TABLES = ("term_positions", "term_sources", "term_spans")
TRIGGERS = ("term_spans_insert", "term_spans_delete", "term_spans_update")

_DDL = """
CREATE TABLE IF NOT EXISTS term_positions (id INTEGER PRIMARY KEY, value TEXT NOT NULL UNIQUE,
                                           n INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS term_sources (position INTEGER NOT NULL, source TEXT NOT NULL,
                                         n INTEGER NOT NULL DEFAULT 0,
                                         PRIMARY KEY (position, source)) WITHOUT ROWID;
CREATE VIRTUAL TABLE IF NOT EXISTS term_spans USING rtree_i32(id, pmin, pmax, ymin, ymax);
"""


def _year(col: str, unknown: int) -> str:
    return (f"CASE WHEN {col} GLOB '{DATE_GLOB}' THEN CAST(substr({col}, 1, 4) AS INTEGER) "
            f"ELSE {unknown} END")


def _end(row: str) -> str:
    """The end year, raised to the start year when the data put the end first (an R*Tree box
    cannot be inverted; a larger box only lets the exact test see one more row)."""
    return f"max({_year(f'{row}.start', LOW)}, {_year(f'{row}.end', HIGH)})"


def _counted(row: str) -> str:
    return f"{row}.property = 'P39' AND {row}.rank != 'deprecated'"


def _add(row: str) -> str:
    pos = f"(SELECT id FROM term_positions WHERE value = {row}.value)"
    return f"""
  INSERT OR IGNORE INTO term_positions(value) SELECT {row}.value WHERE {_counted(row)};
  UPDATE term_positions SET n = n + 1 WHERE value = {row}.value AND {_counted(row)};
  INSERT OR IGNORE INTO term_sources(position, source)
    SELECT {pos}, {row}.source WHERE {_counted(row)};
  UPDATE term_sources SET n = n + 1
    WHERE position = {pos} AND source = {row}.source AND {_counted(row)};
  INSERT INTO term_spans(id, pmin, pmax, ymin, ymax)
    SELECT {row}.rowid, p.id, p.id, {_year(f'{row}.start', LOW)}, {_end(row)}
    FROM term_positions p WHERE p.value = {row}.value AND {_counted(row)};"""


def _remove(row: str) -> str:
    pos = f"(SELECT id FROM term_positions WHERE value = {row}.value)"
    return f"""
  UPDATE term_positions SET n = n - 1 WHERE value = {row}.value AND {_counted(row)};
  UPDATE term_sources SET n = n - 1
    WHERE position = {pos} AND source = {row}.source AND {_counted(row)};
  DELETE FROM term_spans WHERE id = {row}.rowid AND {_counted(row)};"""


_TRIGGERS = f"""
CREATE TRIGGER IF NOT EXISTS term_spans_insert AFTER INSERT ON statements
WHEN {_counted('new')} BEGIN {_add('new')}
END;
CREATE TRIGGER IF NOT EXISTS term_spans_delete AFTER DELETE ON statements
WHEN {_counted('old')} BEGIN {_remove('old')}
END;
CREATE TRIGGER IF NOT EXISTS term_spans_update AFTER UPDATE ON statements BEGIN {_remove('old')}
{_add('new')}
END;
"""

_FILL = f"""
INSERT INTO term_positions(value, n) SELECT value, count(*) FROM statements s
  WHERE {_counted('s')} GROUP BY value;
INSERT INTO term_sources(position, source, n) SELECT p.id, s.source, count(*)
  FROM statements s JOIN term_positions p ON p.value = s.value
  WHERE {_counted('s')} GROUP BY p.id, s.source;
INSERT INTO term_spans(id, pmin, pmax, ymin, ymax)
  SELECT s.rowid, p.id, p.id, {_year('s.start', LOW)}, {_end('s')}
  FROM statements s JOIN term_positions p ON p.value = s.value WHERE {_counted('s')};
"""


def present(conn: sqlite3.Connection) -> bool:
    """True when the KB has the index and the triggers that keep it current."""
    names = {r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE name IN (?, ?, ?, ?, ?, ?)", (*TABLES, *TRIGGERS))}
    return names >= {*TABLES, *TRIGGERS}


def install(conn: sqlite3.Connection) -> None:
    """Add the index to a KB (idempotent): built from the statements already there when it is
    new, then kept current by triggers. Runs in the caller's transaction."""
    if present(conn):
        return
    fresh = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'term_spans'").fetchone() \
        is None
    for statement in _DDL.split(";"):
        if statement.strip():
            conn.execute(statement)
    if not fresh:                   # a half-installed index (triggers lost): rebuild it whole
        for table in TABLES:
            conn.execute(f"DELETE FROM {table}")
    for statement in _FILL.split(";\n"):
        if statement.strip():
            conn.execute(statement)
    for trigger in _TRIGGERS.split("END;"):
        if trigger.strip():
            conn.execute(trigger + "END;")
    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('term_spans', ?)", (VERSION,))
