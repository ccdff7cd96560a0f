"""Verdict policy: when a term covers a claim's time, how sure we are, and when we may refute.

Every calibrated number is a named constant here and in docs/verification.md.

The central idea: a claim's time is a window ``[start, end]`` (one day for "on 7 May 2023", a year
for "in 2015"), and a term's start and end are windows too (a year-precision start may be any day
of that year). Assuming each unknown day is uniformly likely, :func:`fit` gives the probability
``p`` that the term overlaps the claim's window. ``p == 1`` is Coverage.YES, ``p == 0`` is NO,
anything else MAYBE; ``p is None`` when it cannot be estimated at all (unknown start, or a term
still open on the KB's as-of date and a window after it).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from ..model import Coverage, Precision, Term, TimeAnchor

# A refutation whose decisive date lies within this many days of a term boundary is not given:
# news dates are often a day or two off (time zones, "yesterday", articles updated after a
# handover), and official start dates (appointment vs. swearing-in) differ by a few days.
BOUNDARY_DAYS = 7
# Within a month of a boundary a verdict is still given, with less confidence.
NEAR_BOUNDARY_DAYS = 31
NEAR_BOUNDARY_FACTOR = 0.85
# A MAYBE caused only by coarse term dates supports a claim when the chance that the term
# covers its time is at least this.
MAYBE_SUPPORT_MIN = 0.5
# Starting confidences: a supported role is a direct KB match; a refutation also depends on the
# KB being complete, so it starts lower.
BASE_SUPPORT = 0.95
BASE_REFUTE = 0.9
# The claim's own time precision: "on 7 May 2023" vs "in May 2023" vs "in 2015".
PRECISION_FACTOR: dict[str, float] = {"day": 1.0, "month": 0.9, "year": 0.8}
# The person's name matched several KB entities.
AMBIGUOUS_FACTOR = 0.8
# The office matched by kind and country ("foreign minister" + Japan), not by its own id.
EQUIVALENT_FACTOR = 0.95
# A refutation resting on one kind of evidence only (the person's own terms, or another holder).
SINGLE_EVIDENCE_FACTOR = 0.9
# The claim's time is the story date read from the body of an undated article (anchor.py): the
# article may have appeared later than the latest date it opens with.
INFERRED_DATE_FACTOR = 0.8


@dataclass(frozen=True, slots=True)
class Window:
    """The time a claim is about, as an inclusive range of days."""

    start: date
    end: date
    basis: str = "published"
    cue: str | None = None

    @property
    def precision(self) -> Precision:
        days = (self.end - self.start).days
        return "day" if days == 0 else "month" if days <= 31 else "year"

    @property
    def is_point(self) -> bool:
        return self.start == self.end

    def noun(self) -> str:
        """The window without its preposition: "2023-05-07", "2015", "2015-05"."""
        return self.text().removeprefix("on ").removeprefix("in ")

    def text(self) -> str:
        """"on 2023-05-07", "in 2015", "in 2015-05", "between 2015-03-01 and 2015-06-30"."""
        if self.is_point:
            return f"on {self.start.isoformat()}"
        s, e = self.start, self.end
        if (s.month, s.day, e.month, e.day) == (1, 1, 12, 31) and s.year == e.year:
            return f"in {s.year}"
        if s.day == 1 and (e + timedelta(days=1)).day == 1 and (s.year, s.month) == (e.year,
                                                                                      e.month):
            return f"in {s.year:04d}-{s.month:02d}"
        return f"between {s.isoformat()} and {e.isoformat()}"


def window_of(anchor: TimeAnchor, fallback: date | None) -> Window | None:
    """The claim's window: its date, its period (an open side takes the other's value or the
    fallback), or the fallback date (the article's anchor)."""
    if anchor.date is not None:
        return Window(anchor.date, anchor.date, anchor.basis, anchor.cue)
    start, end = anchor.start, anchor.end
    if start is None and end is None:
        return Window(fallback, fallback, anchor.basis, anchor.cue) if fallback else None
    start = start or end
    end = end or start
    assert start is not None and end is not None
    if end < start:
        start, end = end, start
    return Window(start, end, anchor.basis, anchor.cue)


@dataclass(frozen=True, slots=True)
class Fit:
    """How one term relates to a window.

    ``gap``: for NO, days between the window and the nearest day the term could have held;
    for YES/MAYBE, days between the window and the nearest possible boundary (None if the term
    has no known boundary near it).
    """

    coverage: Coverage
    p: float | None
    gap: int | None
    reason: str = ""            # MAYBE: "precision", "no_start" or "after_as_of"


def _share(lo: date, hi: date, first: date, last: date) -> float:
    """Share of the days ``lo..hi`` that fall in ``first..last``."""
    a, b = max(lo, first), min(hi, last)
    return max(0, (b - a).days + 1) / ((hi - lo).days + 1)


def fit(term: Term, w: Window, as_of: date | None) -> Fit:
    """Does ``term`` overlap ``w``?  A term ``[s, e]`` overlaps ``[a, b]`` iff ``s <= b`` and
    ``e >= a``; each of the two is certain, impossible or a share of a precision window."""
    s_lo = term.start.earliest() if term.start else None
    s_hi = term.start.latest() if term.start else None
    if term.end is not None:
        e_lo: date | None = term.end.earliest()
        e_hi: date | None = term.end.latest()
    else:                       # open: held at least until its source's date, maybe longer
        e_lo, e_hi = (term.as_of if term.as_of is not None else as_of), None
    if s_lo is not None and s_lo > w.end:
        return Fit(Coverage.NO, 0.0, (s_lo - w.end).days)
    if e_hi is not None and e_hi < w.start:
        return Fit(Coverage.NO, 0.0, (w.start - e_hi).days)
    p_start: float | None
    if s_lo is None or s_hi is None:
        p_start = None
    else:
        p_start = 1.0 if s_hi <= w.end else _share(s_lo, s_hi, date.min, w.end)
    p_end: float | None
    if term.end is None:
        p_end = 1.0 if e_lo is None or e_lo >= w.start else None
    else:
        assert e_lo is not None and e_hi is not None
        p_end = 1.0 if e_lo >= w.start else _share(e_lo, e_hi, w.start, date.max)
    gaps = []
    if s_hi is not None:
        gaps.append(abs((w.start - s_hi).days))
    if term.end is not None and e_lo is not None:
        gaps.append(abs((e_lo - w.end).days))
    gap = min(gaps) if gaps else None
    if p_start is None or p_end is None:
        reason = "no_start" if p_start is None else "after_as_of"
        return Fit(Coverage.MAYBE, None, gap, reason)
    p = p_start * p_end
    if p >= 1.0:
        return Fit(Coverage.YES, 1.0, gap)
    return Fit(Coverage.MAYBE, p, gap, "precision")


def supported_confidence(p: float, w: Window, gap: int | None, *, ambiguous: bool = False,
                         equivalent: bool = False) -> float:
    """BASE_SUPPORT × p × precision × boundary × identity × office-match (docs/verification.md)."""
    c = BASE_SUPPORT * p * PRECISION_FACTOR[w.precision]
    if gap is not None and gap <= NEAR_BOUNDARY_DAYS:
        c *= NEAR_BOUNDARY_FACTOR
    if ambiguous:
        c *= AMBIGUOUS_FACTOR
    if equivalent:
        c *= EQUIVALENT_FACTOR
    if w.basis == "inferred":
        c *= INFERRED_DATE_FACTOR
    return round(min(1.0, max(0.0, c)), 3)


def refuted_confidence(w: Window, gap: int | None, *, both: bool) -> float:
    """BASE_REFUTE × precision × boundary × evidence (docs/verification.md).

    ``both``: the person's own terms and another holder at that time were both found."""
    c = BASE_REFUTE * PRECISION_FACTOR[w.precision]
    if gap is not None and gap <= NEAR_BOUNDARY_DAYS:
        c *= NEAR_BOUNDARY_FACTOR
    if not both:
        c *= SINGLE_EVIDENCE_FACTOR
    if w.basis == "inferred":
        c *= INFERRED_DATE_FACTOR
    return round(min(1.0, max(0.0, c)), 3)


def refutation_blocker(w: Window, as_of: date | None, *, ambiguous: bool,
                       source: str = "") -> str | None:
    """Why no refutation may be given for this claim at all, or None. ``as_of``: the date of
    the newest source recording the office (``source``), or the KB's.

    Returned text completes "No refutation is given because ..."."""
    if ambiguous:
        return "the name could refer to more than one person"
    if as_of is not None and w.end > as_of:
        if source:
            dated = source if "as of" in source else f"{source} (as of {as_of.isoformat()})"
            return f"the newest source recording this office is {dated}, before {w.noun()}"
        return f"the knowledge base's data end on {as_of.isoformat()}, before {w.noun()}"
    if w.basis == "today":
        return ("the article has no publication date, so it was checked as of today; pass "
                "--published to check it as of the day it appeared")
    return None
