"""P39 terms as :class:`~newscheck.model.Term`: the rows → terms rules every path shares, the
in-memory interval index of a person's or a small position's terms, and the indexed queries
that answer for a wide position without reading every holder (knowledge/spans.py).

Every path gives the same terms in the same order: rows are taken in the order of the statement
table's (start, rowid), the same term from two sources is kept once (from the source taken last;
on a tie, the first row), and terms are sorted by the earliest day their start may be (none: first).
A query over part of a position returns exactly the terms of the whole list that it selects, in
the whole list's order.
"""

from __future__ import annotations

import heapq
import sqlite3
import threading
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from ..model import PartialDate, Term
from . import spans

FAR = date.max.toordinal()

_COLS = """s.rowid, s.subject, s.value, s.start, s.start_prec, s.end, s.end_prec, s.rank, s.source,
       s.sid, COALESCE(p.label, ''), COALESCE(o.label, '')"""
_JOIN = "LEFT JOIN items p ON p.id = s.subject LEFT JOIN items o ON o.id = s.value"
_P39 = "s.property = 'P39' AND s.rank != 'deprecated'"
TERMS_SQL = f"SELECT {_COLS} FROM statements s {_JOIN} WHERE {_P39} AND s.{{col}} = ?"
_BOX_SQL = (f"SELECT {_COLS} FROM term_spans r CROSS JOIN statements s ON s.rowid = r.id "
            f"{_JOIN} "   # CROSS JOIN: the R*Tree drives (not the statements of the position)
            f"WHERE r.pmin <= :p AND r.pmax >= :p AND r.ymin BETWEEN :y0 AND :y1 "
            f"AND r.ymax BETWEEN :z0 AND :z1 AND {_P39} AND s.value = :v")
_YEAR_SQL = ("SELECT start FROM statements WHERE property = 'P39' AND value = ? AND start >= ? "
             f"AND start < ':' AND start GLOB '{spans.DATE_GLOB}' ORDER BY start LIMIT 1")
_BUCKET_SQL = (f"SELECT {_COLS} FROM statements s {_JOIN} WHERE {_P39} AND s.value = ? "
               f"AND s.start >= ? AND s.start < ? AND s.start GLOB '{spans.DATE_GLOB}'")

Keyed = tuple[tuple[int, int, str, int], Term]
Row = tuple[Any, ...]


def pd(value: str | None, prec: str | None) -> PartialDate | None:
    if not value:
        return None
    return PartialDate.parse(value, prec or "day")  # type: ignore[arg-type]


def lo(t: Term) -> int:
    """The earliest day the term may have begun (0: unknown)."""
    return t.start.earliest().toordinal() if t.start else 0


def hi(t: Term) -> int:
    """The latest day the term may have ended (FAR: open)."""
    return t.end.latest().toordinal() if t.end else FAR


def keyed(rows: Iterable[Row], dates: dict[str, date]) -> list[Keyed]:
    """The terms of statement rows, once per term, sorted, each with its sort key."""
    best: dict[tuple[Any, ...], tuple[int, Term]] = {}
    for (rowid, person, pos, s, sp, e, ep, rank, source, sid, plabel, olabel) in sorted(
            rows, key=lambda r: (r[3] is not None, r[3] or "", r[0])):   # (start, rowid)
        term = Term(person, pos, pd(s, sp), pd(e, ep), source, sid, rank, plabel, olabel,
                    dates.get(source))
        dedup = (person, pos, s, sp, e, ep, rank)
        old = best.get(dedup)
        # the same term from two sources: keep the one taken last (it knows more)
        if old is None:
            best[dedup] = (rowid, term)
        elif (term.as_of or date.min) > (old[1].as_of or date.min):
            best[dedup] = (old[0], term)
    out = [((lo(t), int(k[2] is not None), k[2] or "", rowid), t)
           for k, (rowid, t) in best.items()]
    out.sort(key=lambda k: k[0])
    return out


def terms_of(rows: Iterable[Row], dates: dict[str, date]) -> list[Term]:
    return [t for _, t in keyed(rows, dates)]


class Index:
    """Terms sorted by earliest start, with their latest end: candidates for ``at`` are a
    prefix (bisect) whose latest end is on or after ``at``."""

    __slots__ = ("his", "los", "terms")

    def __init__(self, terms: list[Term]) -> None:
        self.terms = terms                    # already in order (keyed)
        self.los = [lo(t) for t in terms]
        self.his = [hi(t) for t in terms]

    def at(self, when: date) -> list[Term]:
        return self.between(when, when)

    def between(self, start: date, end: date) -> list[Term]:
        """Terms whose known span [earliest start, latest end] meets [start, end]."""
        a, b = start.toordinal(), end.toordinal()
        n = bisect_right(self.los, b)
        his, terms = self.his, self.terms
        return [terms[i] for i in range(n) if his[i] >= a]


def starting(terms: Iterable[Term], start: date, end: date) -> list[Term]:
    """Terms with a start whose earliest day is in [start, end]."""
    a, b = start.toordinal(), end.toordinal()
    return [t for t in terms if t.start is not None and a <= lo(t) <= b]


class Wide:
    """Indexed queries over one position's terms (the span index must be present)."""

    def __init__(self, conn: sqlite3.Connection, position: str, number: int,
                 dates: dict[str, date], lock: threading.RLock) -> None:
        self.conn, self.position, self.number, self.dates = conn, position, number, dates
        self._lock = lock

    def _rows(self, sql: str, args: dict[str, object] | tuple[object, ...]) -> list[Row]:
        with self._lock:
            return self.conn.execute(sql, args).fetchall()

    def _box(self, y: tuple[int, int], z: tuple[int, int]) -> list[Row]:
        return self._rows(_BOX_SQL, {"p": self.number, "v": self.position, "y0": y[0],
                                     "y1": y[1], "z0": z[0], "z1": z[1]})

    def between(self, start: date, end: date) -> list[Term]:
        """As :meth:`Index.between`: the rows whose year box meets [start, end], then the exact
        test on their dates."""
        rows = self._box((spans.NONE, end.year), (start.year, spans.HIGH))
        return Index(terms_of(rows, self.dates)).between(start, end)

    def starting(self, start: date, end: date) -> list[Term]:
        """As :func:`starting`: starts in those years, and starts written another way."""
        rows = {r[0]: r for r in self._box((start.year, end.year), (spans.NONE, spans.HIGH))}
        rows.update((r[0], r) for r in self._odd())
        return starting(terms_of(rows.values(), self.dates), start, end)

    def _odd(self, low: int = spans.LOW) -> list[Row]:
        """Rows with a start not written ``YYYY-…`` (``low``: NONE, those without a start)."""
        return self._box((low, low), (spans.NONE, spans.HIGH))

    def in_order(self, *, started: bool = False) -> Iterator[Term]:
        """Every term in the order of the whole list (``started``: those with a start), read a
        year of starts at a time."""
        odd = self._odd() + ([] if started else self._odd(spans.NONE))
        return (t for _, t in heapq.merge(keyed(odd, self.dates), self._by_year(),
                                          key=lambda k: k[0]) if not started or t.start)

    def _by_year(self) -> Iterator[Keyed]:
        after = "0000-"
        while True:
            row = self._rows(_YEAR_SQL, (self.position, after))
            if not row:
                return
            year = str(row[0][0])[:4]
            after = f"{year}."                     # '.' sorts right after '-'
            yield from keyed(self._rows(_BUCKET_SQL, (self.position, f"{year}-", after)),
                             self.dates)

    def sources(self) -> list[str]:
        """The sources recording terms of the position, by name."""
        return [r[0] for r in self._rows("SELECT source FROM term_sources WHERE position = ? "
                                         "AND n > 0 ORDER BY source", (self.number,))]
