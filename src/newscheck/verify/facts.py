"""What the checkers ask the knowledge base, behind one cached view.

``KnowledgeView`` is the part of :class:`newscheck.knowledge.KnowledgeBase` (docs/design.md) that
verification reads; tests can pass any object that has it. :class:`Facts` wraps one for the length
of one ``verify_claims`` call and caches every answer, since an article asks about the same few
people and offices many times.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from typing import Protocol, cast

from ..knowledge.terms import hi, lo, starting
from ..model import Entity, Term
from .sources import merge, term_as_of

# Office kinds precise enough that "same kind in the same country" means "the same office under
# another name" (docs/verification.md). ``minister`` and ``other`` are not: two ministers of one
# country hold different portfolios.
SPECIFIC_KINDS = frozenset({
    "head_of_state", "head_of_government", "foreign_minister", "finance_minister",
    "defence_minister", "interior_minister", "justice_minister", "deputy_head_of_government",
})
# A country's leader is its head of state or its head of government, depending on the system
# (presidents of South Korea or the US are called the "counterpart" of Japan's prime minister).
LEADER_KINDS = frozenset({"head_of_state", "head_of_government"})


class KnowledgeView(Protocol):
    """The read-only KnowledgeBase methods verification uses (see docs/design.md)."""

    @property
    def as_of(self) -> date | None: ...

    def entity(self, id: str) -> Entity | None: ...

    def positions(self, person: str, at: date | None = None) -> list[Term]: ...

    def holders(self, position: str, at: date | None = None) -> list[Term]: ...

    def kind(self, position: str) -> str | None: ...

    def jurisdiction(self, position: str) -> str | None: ...

    def offices(self, country: str, kind: str) -> list[Entity]: ...

    def single_holder(self, position: str) -> bool: ...


class WideView(KnowledgeView, Protocol):
    """A view that also answers for part of a position (KnowledgeBase, knowledge/holders.py);
    Facts asks these only of a position for which ``wide(position)`` is true."""

    def wide(self, position: str) -> bool: ...

    def holders_between(self, position: str, start: date, end: date) -> list[Term]: ...

    def holders_starting(self, position: str, start: date, end: date) -> list[Term]: ...

    def holders_in_order(self, position: str, *, started: bool = False) -> Iterator[Term]: ...

    def holder_sources(self, position: str) -> list[tuple[str, date | None]]: ...


class Facts:
    """A caching view of a KnowledgeBase for one verification run."""

    def __init__(self, kb: KnowledgeView) -> None:
        self.kb = kb
        self._wkb = cast(WideView, kb)
        self.as_of: date | None = kb.as_of
        self._entity: dict[str, Entity | None] = {}
        self._positions: dict[str, list[Term]] = {}
        self._holders: dict[str, list[Term]] = {}
        self._kind: dict[str, str | None] = {}
        self._jurisdiction: dict[str, str | None] = {}
        self._offices: dict[tuple[str, str], list[str]] = {}
        self._single: dict[str, bool] = {}
        self._affiliations: dict[str, list[Term]] = {}
        self._kept: dict[tuple[str, str], set[Term]] = {}
        self._latest_source: dict[str, date | None] = {}
        self._spans: dict[tuple[str, str, date, date], list[Term]] = {}
        self._wide_dates: dict[tuple[str, str], tuple[date | None, str]] = {}

    def entity(self, id: str) -> Entity | None:
        if id not in self._entity:
            self._entity[id] = self.kb.entity(id)
        return self._entity[id]

    def label(self, id: str | None, fallback: str = "") -> str:
        """An entity's label for explanations (the id itself when the KB has no label)."""
        if not id:
            return fallback or "unknown"
        ent = self.entity(id)
        return ent.label if ent is not None and ent.label else (fallback or id)

    def positions(self, person: str) -> list[Term]:
        """All P39 terms of a person (deprecated ranks never come back from the KB)."""
        if person not in self._positions:
            self._positions[person] = merge((t for t in self.kb.positions(person)
                                             if t.rank != "deprecated"), self.slot)
        return self._positions[person]

    def holders(self, position: str) -> list[Term]:
        if position not in self._holders:
            self._holders[position] = merge((t for t in self.kb.holders(position)
                                             if t.rank != "deprecated"), lambda p: p)
        return self._holders[position]

    # A wide position (KnowledgeBase.wide: tens of thousands of holders) is never loaded whole:
    # the questions below ask the KB for the part they need, then apply the merge of sources
    # (sources.merge) to the people found, from each one's own terms. Every answer is the one
    # the whole list would give (tests/verify/test_wide_facts.py).
    def _wide(self, position: str) -> bool:
        wide = getattr(self.kb, "wide", None)
        return wide is not None and bool(wide(position))

    def _merged(self, position: str, terms: Iterable[Term]) -> Iterator[Term]:
        """The terms that :meth:`holders` keeps after the merge of sources: only an open term
        from a dated source can be superseded, by a term from a newer source (sources.merge),
        so only for those, when the office has a newer source, are the person's own terms in
        the office read."""
        if position not in self._latest_source:
            self._latest_source[position] = max(
                (d for _, d in self._wkb.holder_sources(position) if d is not None), default=None)
        newest = self._latest_source[position]
        for t in terms:
            if t.end is not None or t.as_of is None or newest is None or t.as_of >= newest:
                yield t
                continue
            key = (t.person, position)
            if key not in self._kept:
                own = [x for x in self.kb.positions(t.person)
                       if x.position == position and x.rank != "deprecated"]
                self._kept[key] = set(merge(own, lambda p: p))
            if t in self._kept[key]:
                yield t

    def holders_between(self, position: str, start: date, end: date) -> list[Term]:
        """The terms of :meth:`holders` whose known span meets [start, end], in its order."""
        if not self._wide(position):
            a, b = start.toordinal(), end.toordinal()
            return [t for t in self.holders(position) if lo(t) <= b and hi(t) >= a]
        key = ("between", position, start, end)
        if key not in self._spans:
            self._spans[key] = list(self._merged(position, self._wkb.holders_between(
                position, start, end)))
        return self._spans[key]

    def holders_starting(self, position: str, start: date, end: date) -> list[Term]:
        """The terms of :meth:`holders` with a start whose earliest day is in [start, end]."""
        if not self._wide(position):
            return starting(self.holders(position), start, end)
        key = ("starting", position, start, end)
        if key not in self._spans:
            self._spans[key] = list(self._merged(position, self._wkb.holders_starting(
                position, start, end)))
        return self._spans[key]

    def record_start(self, positions: Iterable[str]) -> date | None:
        """The earliest known start of any holder of these positions: where the KB's record of
        the office begins."""
        starts = []
        for p in positions:
            if self._wide(p):    # in order: the first with a start begins the record
                first = next((t for t in self._merged(
                    p, self._wkb.holders_in_order(p, started=True)) if t.start), None)
                starts += [first.start.earliest()] if first and first.start else []
            else:
                starts += [t.start.earliest() for t in self.holders(p) if t.start]
        return min(starts) if starts else None

    def office_as_of(self, positions: list[str] | set[str]) -> tuple[date | None, str]:
        """The newest date up to which a source records who held these positions, and that
        source (sources.office_as_of): no refutation about the office after it."""
        best: tuple[date | None, str] = (None, "")
        for p in positions:
            d, source = self._wide_as_of(p) if self._wide(p) else self._newest(p)
            if d is not None and (best[0] is None or d > best[0]):
                best = (d, source)
        return (self.as_of, "") if best[0] is None else best

    def _newest(self, position: str) -> tuple[date | None, str]:
        best: tuple[date | None, str] = (None, "")
        for t in self.holders(position):
            d = term_as_of(t, self.as_of)
            if d is not None and (best[0] is None or d > best[0]):
                best = (d, t.source)
        return best

    def _wide_as_of(self, position: str) -> tuple[date | None, str]:
        """office_as_of over a wide position's holders from the sources recording them: the
        newest; on a tie, the one whose term comes first (as the whole list would tell).

        An undated source counts as the KB's date in the whole list only through the terms it
        keeps, and its copies of another source's terms are dropped (the dated copy wins): a
        source listed here may have kept none. So an undated source never makes the date newer
        than the newest dated one, only ties with it: a later date would allow refutations the
        whole list does not (absence of data is no refutation)."""
        key = ("as_of", position)
        if key not in self._wide_dates:
            sources = self._wkb.holder_sources(position)
            dated = [(d, s) for s, d in sources if d is not None]
            newest = max(d for d, _ in dated) if dated else self.as_of
            tied = {s for d, s in dated if d == newest}
            if newest is not None and newest == self.as_of:
                tied.update(s for s, d in sources if d is None)
            if newest is None or len(tied) <= 1:
                answer = (newest, next(iter(tied), "") if newest is not None else "")
            else:   # once per run: the first term of a tied source decides, as in the list
                first = next((t for t in self._wkb.holders_in_order(position)
                              if t.source in tied), None)
                answer = (newest, first.source if first is not None else min(tied))
            self._wide_dates[key] = answer
        return self._wide_dates[key]

    def kind(self, position: str) -> str | None:
        if position not in self._kind:
            self._kind[position] = self.kb.kind(position)
        return self._kind[position]

    def jurisdiction(self, position: str) -> str | None:
        if position not in self._jurisdiction:
            self._jurisdiction[position] = self.kb.jurisdiction(position)
        return self._jurisdiction[position]

    def offices(self, country: str, kind: str) -> list[str]:
        key = (country, kind)
        if key not in self._offices:
            self._offices[key] = [e.id for e in self.kb.offices(country, kind)]
        return self._offices[key]

    def single_holder(self, position: str) -> bool:
        if position not in self._single:
            self._single[position] = self.kb.single_holder(position)
        return self._single[position]

    def affiliations(self, person: str) -> list[Term]:
        """Party memberships (P102) as terms; [] for a KB view without them."""
        if person not in self._affiliations:
            getter = getattr(self.kb, "affiliations", None)
            self._affiliations[person] = list(getter(person)) if getter is not None else []
        return self._affiliations[person]

    def equivalents(self, position: str) -> list[str]:
        """The position and every other name of the same office: same specific kind, same
        jurisdiction (``Minister for Foreign Affairs`` = ``Foreign Minister`` of one country)."""
        kind = self.kind(position)
        country = self.jurisdiction(position)
        out = [position]
        if kind in SPECIFIC_KINDS and country:
            out += [p for p in self.offices(country, kind) if p != position]
        return out

    def slot(self, position: str) -> tuple[str, str]:
        """What "the same office" means for ``position``: (kind, country) for specific kinds,
        else the position itself."""
        kind = self.kind(position)
        country = self.jurisdiction(position)
        if kind in SPECIFIC_KINDS and country:
            return (kind, country)
        return ("position", position)
