"""Several sources, each taken on its own date (docs/verification.md, "Sources and their dates").

Every term carries the date its source was taken (``Term.as_of``). Three rules follow:

* **merge**: the same tenure recorded by several sources is one tenure. A term still open in an
  older snapshot is superseded by a newer source's record of the same person in the same office
  that runs past the older snapshot's date (Johnson "still Prime Minister" in a July 2022
  snapshot, ended 2022-09-06 in a later source); exact duplicates keep the newest source.
* **disagreement**: when two sources' records of one tenure disagree about a day (one covers it,
  the other rules it out), the claim is supported on the record that covers it, at lower
  confidence (``DISAGREEMENT_FACTOR``), with both records as evidence — never refuted on the
  weaker one. A source recording the tenure in pieces (one term per cabinet) disagrees only
  when none of its pieces covers the day.
* **as-of per office**: a refutation about an office at time T needs a source recording that
  office that was taken on or after T (:func:`office_as_of`); "no refutation past a statement's
  source date".
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from datetime import date, timedelta

from ..model import Term

# A newer source's term ending this many days before an older snapshot's date still supersedes
# that snapshot's open term: snapshots of crowd-edited data lag behind events by days.
SNAPSHOT_LAG_DAYS = 7
# Confidence of a supported claim that another source's record of the same tenure rules out.
DISAGREEMENT_FACTOR = 0.8


def term_as_of(term: Term, fallback: date | None) -> date | None:
    return term.as_of if term.as_of is not None else fallback


def source_text(term: Term, fallback: date | None = None) -> str:
    """"starter pack (as of 2024-12-01)", "office table x/holders21.csv (as of 2022-07-23)"."""
    name = term.source or "the knowledge base"
    as_of = term_as_of(term, fallback)
    if as_of is None or "as of" in name:
        return name
    return f"{name} (as of {as_of.isoformat()})"


def _overlaps(a: Term, b: Term, a_end: date | None) -> bool:
    """Whether ``b`` overlaps ``a``'s known period (``a`` runs to ``a_end``, or to the end of
    its start's precision window when that is later: "from 2022" in a table dated 2022-01-01)."""
    a_lo = a.start.earliest() if a.start else date.min
    if a_end is not None and a.start is not None:
        a_end = max(a_end, a.start.latest())
    b_lo = b.start.earliest() if b.start else date.min
    b_hi = b.end.latest() if b.end else date.max
    return b_lo <= (a_end or date.max) and b_hi >= a_lo


def _supersedes(new: Term, old: Term) -> bool:
    """``new`` (another, newer source) records the tenure ``old`` (open at its snapshot) and
    that it ran at least to that snapshot's date."""
    if old.end is not None or old.as_of is None or new.source == old.source:
        return False
    if new.as_of is None or new.as_of <= old.as_of or new.person != old.person:
        return False
    if not _overlaps(old, new, old.as_of):
        return False
    return new.end is None or new.end.latest() >= old.as_of - timedelta(SNAPSHOT_LAG_DAYS)


def merge(terms: Iterable[Term], office: Callable[[str], Hashable]) -> list[Term]:
    """The terms without those a newer source supersedes (``office(position)`` says which
    positions are the same office: the position itself, or its kind and country)."""
    terms = list(terms)
    groups: dict[tuple[str, Hashable], list[Term]] = {}
    for t in terms:
        groups.setdefault((t.person, office(t.position)), []).append(t)
    if all(len(g) == 1 for g in groups.values()):
        return terms
    drop: set[int] = set()
    for group in groups.values():
        for old in group:
            if old.end is None and any(_supersedes(new, old) for new in group):
                drop.add(id(old))
    return [t for t in terms if id(t) not in drop]


def disagreeing(term: Term, others: Iterable[Term], fallback: date | None) -> list[Term]:
    """Records of the same tenure from other sources that rule out what ``term`` says is
    covered: ``others`` are the terms (of the same person and office) whose fit is NO."""
    end = term.end.latest() if term.end else term_as_of(term, fallback)
    return [o for o in others if o.source != term.source and _overlaps(term, o, end)]


def office_as_of(holders: Iterable[Term], fallback: date | None) -> tuple[date | None, str]:
    """The date of the newest source recording an office (from its holders' terms) and that
    source's name: the knowledge base knows who held the office up to that date only."""
    best: tuple[date | None, str] = (None, "")
    for t in holders:
        d = term_as_of(t, fallback)
        if d is not None and (best[0] is None or d > best[0]):
            best = (d, t.source)
    if best[0] is None:
        return fallback, ""
    return best
