"""The term-span index: which P39 terms of a wide position fall in a span of years, without
reading every holder (docs/knowledge.md, "Query performance").

A position held by tens of thousands of people (a parliament's members) cannot be loaded whole
for every question about one date. Three derived tables answer what verification asks:

* ``term_positions`` (id, value, n, spans): a number per position, its count of P39 rows,
  and whether its terms are indexed (once it has more than ``WIDE``: a smaller position is
  read whole, faster than any index);
* ``term_sources`` (position, source, n): the sources that record holders of an indexed
  position;
* ``term_spans``: an SQLite R*Tree (``rtree_i32``) over (position number, start year, end
  year) of every non-deprecated P39 statement of those wide positions, keyed by rowid.

Years are a conservative box around the exact dates: a term's start year is the year of its
``start`` when that is written ``YYYY-…`` (the year :class:`~newscheck.model.PartialDate` reads),
else unbounded (``LOW``; no start at all: ``NONE``, below it, so that the first start of the
record never reads the terms without one), and likewise its end (an open or odd end: ``HIGH``;
never before the start year). The exact test on the parsed dates is made in Python on the few
rows the box returns (knowledge/terms.py).

Triggers keep the tables in step with ``statements`` on every insert, delete and update, from
any writer (and from older newscheck versions writing the same file); a position that grows
past ``WIDE`` gets its terms indexed then. A KB without them (made before this index) is served
by the whole-position load, as before; ``kb import`` into it adds them. The index is keyed by
rowid: newscheck never runs VACUUM on a KB.
"""

from __future__ import annotations

import sqlite3

VERSION = "2"           # meta 'term_spans': the layout below
WIDE = 500              # more terms than this: the position's terms go into term_spans
LOW, HIGH = -1_000_000, 1_000_000
NONE = LOW - 1          # the start year of a term without a start
DATE_GLOB = "[0-9][0-9][0-9][0-9]-*"
TABLES = ("term_positions", "term_sources", "term_spans")
TRIGGERS = ("term_spans_insert", "term_spans_delete", "term_spans_update", "term_spans_widen")

_DDL = """
CREATE TABLE IF NOT EXISTS term_positions (id INTEGER PRIMARY KEY, value TEXT NOT NULL UNIQUE,
                                           n INTEGER NOT NULL DEFAULT 0,
                                           spans INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS term_sources (position INTEGER NOT NULL, source TEXT NOT NULL,
                                         n INTEGER NOT NULL DEFAULT 0,
                                         PRIMARY KEY (position, source)) WITHOUT ROWID;
CREATE VIRTUAL TABLE IF NOT EXISTS term_spans USING rtree_i32(id, pmin, pmax, ymin, ymax);
"""


def _year(col: str, unknown: int) -> str:
    return (f"CASE WHEN {col} GLOB '{DATE_GLOB}' THEN CAST(substr({col}, 1, 4) AS INTEGER) "
            f"ELSE {unknown} END")


def _start(row: str) -> str:
    return (f"CASE WHEN {row}.start IS NULL OR {row}.start = '' THEN {NONE} "
            f"ELSE {_year(f'{row}.start', LOW)} END")


def _end(row: str) -> str:
    """The end year, raised to the start year when the data put the end first (an R*Tree box
    cannot be inverted; a larger box only lets the exact test see one more row)."""
    return f"max({_start(row)}, {_year(f'{row}.end', HIGH)})"


def _counted(row: str) -> str:
    return f"{row}.property = 'P39' AND {row}.rank != 'deprecated'"


def _span(row: str, pos: str) -> str:
    return f"{row}.rowid, {pos}, {pos}, {_start(row)}, {_end(row)}"


def _add(row: str) -> str:
    """Count the row in (every P39 row: the count only decides when a position is wide); into
    term_spans and term_sources if its position is indexed already (else the count may widen
    it, and term_spans_widen then indexes all its rows, this one too)."""
    wide = f"(SELECT id FROM term_positions WHERE value = {row}.value AND spans = 1)"
    return f"""
  INSERT OR IGNORE INTO term_positions(value) SELECT {row}.value WHERE {row}.property = 'P39';
  INSERT INTO term_spans(id, pmin, pmax, ymin, ymax) SELECT {_span(row, 'p.id')}
    FROM term_positions p WHERE p.value = {row}.value AND p.spans = 1 AND {_counted(row)};
  INSERT OR IGNORE INTO term_sources(position, source)
    SELECT {wide}, {row}.source WHERE {wide} IS NOT NULL AND {_counted(row)};
  UPDATE term_sources SET n = n + 1
    WHERE position = {wide} AND source = {row}.source AND {_counted(row)};
  UPDATE term_positions SET n = n + 1 WHERE value = {row}.value AND {row}.property = 'P39';"""


def _remove(row: str) -> str:
    wide = f"(SELECT id FROM term_positions WHERE value = {row}.value AND spans = 1)"
    return f"""
  UPDATE term_positions SET n = n - 1 WHERE value = {row}.value AND {row}.property = 'P39';
  UPDATE term_sources SET n = n - 1
    WHERE position = {wide} AND source = {row}.source AND {_counted(row)};
  DELETE FROM term_spans WHERE id = {row}.rowid AND {_counted(row)};"""


def _triggers(wide: int) -> str:
    return f"""
CREATE TRIGGER IF NOT EXISTS term_spans_insert AFTER INSERT ON statements
WHEN new.property = 'P39' BEGIN {_add('new')}
END;
CREATE TRIGGER IF NOT EXISTS term_spans_delete AFTER DELETE ON statements
WHEN old.property = 'P39' BEGIN {_remove('old')}
END;
CREATE TRIGGER IF NOT EXISTS term_spans_update AFTER UPDATE ON statements BEGIN {_remove('old')}
{_add('new')}
END;
CREATE TRIGGER IF NOT EXISTS term_spans_widen AFTER UPDATE OF n ON term_positions
WHEN new.n > {int(wide)} AND new.spans = 0 BEGIN
  UPDATE term_positions SET spans = 1 WHERE id = new.id;
  INSERT INTO term_spans(id, pmin, pmax, ymin, ymax) SELECT {_span('s', 'new.id')}
    FROM statements s WHERE s.property = 'P39' AND s.value = new.value
    AND s.rank != 'deprecated';
  INSERT INTO term_sources(position, source, n) SELECT new.id, s.source, count(*)
    FROM statements s WHERE s.property = 'P39' AND s.value = new.value
    AND s.rank != 'deprecated' GROUP BY s.source;
END;
"""


def _fill(wide: int) -> str:
    return f"""
INSERT INTO term_positions(value, n, spans) SELECT value, count(*), count(*) > {int(wide)}
  FROM statements WHERE property = 'P39' GROUP BY value;
INSERT INTO term_sources(position, source, n) SELECT p.id, s.source, count(*)
  FROM term_positions p JOIN statements s ON s.property = 'P39' AND s.value = p.value
  WHERE p.spans = 1 AND s.rank != 'deprecated' GROUP BY p.id, s.source;
INSERT INTO term_spans(id, pmin, pmax, ymin, ymax) SELECT {_span('s', 'p.id')}
  FROM term_positions p JOIN statements s ON s.property = 'P39' AND s.value = p.value
  WHERE p.spans = 1 AND s.rank != 'deprecated';
"""


def present(conn: sqlite3.Connection) -> bool:
    """True when the KB has the index in this layout and the triggers that keep it current."""
    wanted = (*TABLES, *TRIGGERS)
    names = {r[0] for r in conn.execute(
        f"SELECT name FROM sqlite_master WHERE name IN ({','.join('?' * len(wanted))})",
        wanted)}
    version = conn.execute("SELECT value FROM meta WHERE key = 'term_spans'").fetchone()
    return names >= {*TABLES, *TRIGGERS} and version == (VERSION,)


def install(conn: sqlite3.Connection, *, wide: int | None = None) -> None:
    """Add the index to a KB (idempotent): built from the statements already there when it is
    new, then kept current by triggers. Runs in the caller's transaction. ``wide``: the number
    of terms above which a position is indexed (default ``WIDE``; 0 indexes every position)."""
    if present(conn):
        return
    wide = WIDE if wide is None else wide
    drop(conn)                  # a half-installed index (a trigger lost): rebuilt whole
    for statement in _DDL.split(";"):
        if statement.strip():
            conn.execute(statement)
    for statement in _fill(wide).split(";\n"):
        if statement.strip():
            conn.execute(statement)
    for trigger in _triggers(wide).split("END;"):
        if trigger.strip():
            conn.execute(trigger + "END;")
    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('term_spans', ?)", (VERSION,))


def drop(conn: sqlite3.Connection) -> None:
    """Remove the index, its triggers first (``install`` puts it back)."""
    for name in TRIGGERS:
        conn.execute(f"DROP TRIGGER IF EXISTS {name}")
    for name in TABLES:
        conn.execute(f"DROP TABLE IF EXISTS {name}")
    conn.execute("DELETE FROM meta WHERE key = 'term_spans'")
