"""Generated KBs for the wide-position tests: fictional people (``Q9100…``) holding fictional
positions (``Q9200…``) with every kind of date the KB stores — day, month and year precision,
no start, open ends, starts written another way (``+1990``, ``1995``), ends before starts — the
same term from two sources (newer, older and same-dated), deprecated ranks, and a newer source
closing a term an older snapshot left open (the merge of sources). Only mechanics are tested.
"""

from __future__ import annotations

import random
import sqlite3
from datetime import date, timedelta
from pathlib import Path

from newscheck.knowledge import KnowledgeBase, schema, spans

SOURCES = {"snap A": "2019-06-30", "snap B": "2021-03-31", "snap C": "2021-03-31",
           "table D": "2023-01-15", "undated E": None}
_COLS = "subject, property, value, start, start_prec, end, end_prec, rank, source, sid"


def _when(rng: random.Random, d: date) -> tuple[str | None, str | None]:
    roll = rng.random()
    if roll < 0.06:
        return None, None
    if roll < 0.09:
        return rng.choice([f"+{d.year}", str(d.year), f"{d.year}-00-00", ""]), "year"
    prec = rng.choice(["day", "day", "month", "year"])
    first = (d if prec == "day" else d.replace(day=1) if prec == "month"
             else d.replace(month=1, day=1))
    return first.isoformat(), prec


def rows(rng: random.Random, positions: int, people: int, terms: int,
         wide: int = 0) -> list[tuple[object, ...]]:
    """P39 statement rows: ``terms`` spread over ``positions``, plus ``wide`` in the first."""
    out: list[tuple[object, ...]] = []
    base = date(1900, 1, 1).toordinal()
    for i in range(terms + wide):
        pos = "Q9200000" if i < wide else f"Q92{rng.randrange(positions):05d}"
        person = f"Q91{rng.randrange(people):05d}"
        start = date.fromordinal(base + rng.randrange(125 * 365))
        end = start + timedelta(rng.randrange(-400, 12 * 365))
        s, sp = _when(rng, start)
        e, ep = (None, None) if rng.random() < 0.15 else _when(rng, end)
        rank = rng.choice(["normal"] * 12 + ["preferred", "deprecated"])
        source = rng.choice(list(SOURCES))
        out.append((person, "P39", pos, s, sp, e, ep, rank, source, f"s{i}"))
        roll = rng.random()
        if roll < 0.1:     # the same term from another source
            out.append((person, "P39", pos, s, sp, e, ep, rank, rng.choice(list(SOURCES)),
                        f"s{i}b"))
        elif roll < 0.2 and e is None:     # a newer source closes what a snapshot left open
            later = date(2022, rng.randrange(1, 13), 1)
            out.append((person, "P39", pos, s, sp, later.isoformat(), "month", "normal",
                        "table D", f"s{i}c"))
    return out


def build(path: Path, statements: list[tuple[object, ...]], *, index: bool = True,
          wide: int = spans.WIDE, before: float = 0.5) -> Path:
    """A KB file of those statements, with the term-span index (unless ``index`` is False)
    indexing positions of more than ``wide`` terms, installed when the first ``before`` of the
    statements are in (those are indexed in bulk, the rest through the triggers)."""
    conn = sqlite3.connect(path)
    conn.executescript(schema.DDL)
    conn.executescript(schema.INDEXES)
    conn.execute("INSERT INTO meta VALUES ('schema', ?)", (schema.SCHEMA_VERSION,))
    for name, as_of in SOURCES.items():
        conn.execute("INSERT INTO sources(name, kind, file, imported, as_of) VALUES "
                     "(?, 'test', 'x', '2024-01-01', ?)", (name, as_of))
    ids = {r[0] for r in statements} | {r[2] for r in statements}
    conn.executemany("INSERT INTO items(id, label, kind) VALUES (?, ?, ?)",
                     [(i, f"label {i}", "position" if i.startswith("Q92") else "person")
                      for i in sorted(ids)])
    half = int(len(statements) * before)
    conn.executemany(f"INSERT INTO statements({_COLS}) VALUES (?,?,?,?,?,?,?,?,?,?)",
                     statements[:half])
    if index:
        spans.install(conn, wide=wide)
    conn.executemany(f"INSERT INTO statements({_COLS}) VALUES (?,?,?,?,?,?,?,?,?,?)",
                     statements[half:])
    conn.commit()
    conn.close()
    return path


def reference_holders(path: Path, position: str) -> list[tuple[object, ...]]:
    """The terms of a position as newscheck 0.x loaded them (one query for all of them), as
    comparable tuples: the reference every query must agree with."""
    from newscheck.model import PartialDate

    conn = sqlite3.connect(path)
    rows = conn.execute(
        "SELECT s.subject, s.start, s.start_prec, s.end, s.end_prec, s.rank, s.source, s.sid "
        "FROM statements s WHERE s.property = 'P39' AND s.rank != 'deprecated' AND "
        "s.value = ? ORDER BY s.start, s.rowid", (position,)).fetchall()
    conn.close()
    dates = {k: date.fromisoformat(v) if v else None for k, v in SOURCES.items()}

    def pd(v: str | None, p: str | None) -> PartialDate | None:
        return PartialDate.parse(v, p or "day") if v else None  # type: ignore[arg-type]

    best: dict[tuple[object, ...], tuple[object, ...]] = {}
    for person, s, sp, e, ep, rank, source, sid in rows:
        key = (person, s, sp, e, ep, rank)
        old = best.get(key)
        if old is None or (dates[source] or date.min) > (dates[str(old[4])] or date.min):
            best[key] = (person, pd(s, sp), pd(e, ep), rank, source, sid)
    terms = list(best.values())
    terms.sort(key=lambda t: t[1].earliest().toordinal() if t[1] else 0)  # type: ignore
    return terms


def whole(path: Path | str) -> KnowledgeBase:
    """The KB read as one without the span index: every position loaded whole (the reference)."""
    kb = KnowledgeBase.open(path)
    kb._spans = False
    return kb
