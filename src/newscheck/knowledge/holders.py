"""The term queries of :class:`~newscheck.knowledge.KnowledgeBase` (docs/design.md).

A person's terms, and a position's when it has few holders, are served from an in-memory
interval index built on first use from one indexed query (a bisect plus a short scan). A wide
position (more than ``spans.WIDE`` terms, e.g. a parliament's members) is never loaded whole
when the KB has the span index (knowledge/spans.py): each question — holders at a date or over a
span, terms starting in a span, holders in order from the first — is one indexed query whose
cost follows the size of its answer, not the number of holders. Both give the same terms in the
same order (tests/knowledge/test_wide_positions.py).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from datetime import date

from ..model import Term
from . import spans
from .terms import TERMS_SQL, Index, Wide, starting, terms_of

MAX_CACHED = 200_000      # keys per in-memory cache (entities, terms), then cleared


class TermQueries:
    """Mixed into KnowledgeBase: needs ``conn``, ``_lock`` and ``source_dates``."""

    conn: sqlite3.Connection
    _lock: threading.RLock
    source_dates: dict[str, date]

    def _reset_terms(self) -> None:
        self._by_person: dict[str, Index] = {}
        self._by_position: dict[str, Index] = {}
        self._wide: dict[str, Wide | None] = {}
        try:
            self._spans = spans.present(self.conn)
        except sqlite3.Error:
            self._spans = False

    def _index(self, cache: dict[str, Index], col: str, key: str) -> Index:
        idx = cache.get(key)
        if idx is None:
            with self._lock:
                rows = self.conn.execute(TERMS_SQL.format(col=col), (key,)).fetchall()
            idx = Index(terms_of(rows, self.source_dates))
            if len(cache) > MAX_CACHED:
                cache.clear()
            cache[key] = idx
        return idx

    def _wide_terms(self, position: str) -> Wide | None:
        """The indexed queries of a wide position; None for a small one (or no span index)."""
        if not self._spans or position in self._by_position:
            return None
        if position not in self._wide:
            with self._lock:
                row = self.conn.execute("SELECT id, spans FROM term_positions WHERE value = ?",
                                        (position,)).fetchone()
            if len(self._wide) > MAX_CACHED:
                self._wide.clear()
            self._wide[position] = (Wide(self.conn, position, row[0], self.source_dates,
                                         self._lock) if row is not None and row[1] == 1
                                    else None)
        return self._wide[position]

    def wide(self, position: str) -> bool:
        """True when the position's terms are served by indexed queries, never loaded whole:
        ask :meth:`holders_between` and the like rather than for every holder."""
        return self._wide_terms(position) is not None

    def positions(self, person: str, at: date | None = None) -> list[Term]:
        idx = self._index(self._by_person, "subject", person)
        return list(idx.terms) if at is None else idx.at(at)

    def holders(self, position: str, at: date | None = None) -> list[Term]:
        """Every term of the position (all of them: for a listing), or those meeting ``at``."""
        if at is not None:
            return self.holders_between(position, at, at)
        return list(self._index(self._by_position, "value", position).terms)

    def holders_between(self, position: str, start: date, end: date) -> list[Term]:
        """Terms whose known span (earliest start, or none; latest end, or open) meets
        [start, end], in the order of :meth:`holders`."""
        wide = self._wide_terms(position)
        if wide is not None:
            return wide.between(start, end)
        return self._index(self._by_position, "value", position).between(start, end)

    def holders_starting(self, position: str, start: date, end: date) -> list[Term]:
        """Terms with a start whose earliest day is in [start, end], in the order of
        :meth:`holders`."""
        wide = self._wide_terms(position)
        if wide is not None:
            return wide.starting(start, end)
        return starting(self._index(self._by_position, "value", position).terms, start, end)

    def holders_in_order(self, position: str, *, started: bool = False) -> Iterator[Term]:
        """The terms of :meth:`holders` one by one (``started``: only those with a start),
        read lazily for a wide position: the first few (the first start of the record) cost a
        query, not the whole list."""
        wide = self._wide_terms(position)
        if wide is not None:
            return wide.in_order(started=started)
        terms = self._index(self._by_position, "value", position).terms
        return (t for t in terms if not started or t.start)

    def holder_sources(self, position: str) -> list[tuple[str, date | None]]:
        """The sources recording terms of the position, with the date each was taken."""
        wide = self._wide_terms(position)
        names = (wide.sources() if wide is not None else sorted(
            {t.source for t in self._index(self._by_position, "value", position).terms}))
        return [(n, self.source_dates.get(n)) for n in names]

    def affiliations(self, person: str) -> list[Term]:
        """The person's party memberships (P102), dated, as terms whose ``position`` is the
        party (US Congress data: the party of each term, docs/knowledge.md)."""
        with self._lock:
            rows = self.conn.execute(
                "SELECT s.value, s.start, s.start_prec, s.end, s.end_prec, s.rank, s.source, "
                "s.sid, COALESCE(o.label, '') FROM statements s LEFT JOIN items o ON o.id = "
                "s.value WHERE s.subject = ? AND s.property = 'P102' AND s.rank != 'deprecated'"
                " ORDER BY s.start, s.rowid", (person,)).fetchall()
        from .terms import pd

        return [Term(person, v, pd(s, sp), pd(e, ep), src, sid, rank, "", label,
                     self.source_dates.get(src))
                for v, s, sp, e, ep, rank, src, sid, label in rows]
