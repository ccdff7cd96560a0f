"""``former_role``: "former Foreign Minister X" — did X hold the office before the claim's time?

A "then-Foreign Minister X" claim whose time was narrated ("in 2015, then-Foreign Minister X")
is a role claim at that time and goes to :func:`role.check_role_at`.

supported  X has a term in the office that began before T (certainly, or with a chance of at least
           MAYBE_SUPPORT_MIN when the start date is coarse) — unless X still held it at T and no
           earlier term had ended: then "former" cannot be confirmed (not_enough_evidence).
refuted    X's terms in the office all began after T; or the KB covers X's career — X has terms
           with known starts, the office is single-holder and its holders are recorded without a
           gap longer than RECORD_GAP_DAYS from before X's first recorded term up to T — and X is
           not among them. Never near a boundary, on an ambiguous name, or after the KB's as-of.
"""

from __future__ import annotations

from datetime import date, timedelta

from ..model import Claim, Coverage, Term, Verdict
from . import explain as ex
from .offices import (
    Context,
    Target,
    foreign_office,
    is_ambiguous,
    named_like,
    person_and_office,
)
from .policy import (
    BOUNDARY_DAYS,
    MAYBE_SUPPORT_MIN,
    Window,
    refutation_blocker,
    refuted_confidence,
    supported_confidence,
)
from .role import check_role_at
from .sources import term_as_of

# The longest stretch without a recorded holder that still counts as a continuous record
# (caretaker periods and acting holders the KB may not list).
RECORD_GAP_DAYS = 60


def is_then(claim: Claim) -> bool:
    cue = (claim.time.cue or "").strip().lower()
    return cue.startswith("then") or bool(claim.qualifiers.get("then"))


def check_former_role(claim: Claim, ctx: Context) -> Verdict:
    w = ctx.window(claim)
    if w is None:
        return ex.verdict("not_enough_evidence", 0.0, "The claim has no date to check it at")
    if is_then(claim) and not (w.is_point and w.start == ctx.fallback):
        return check_role_at(claim, ctx, w)
    found = person_and_office(claim, ctx.facts, "whether they had been {office}")
    if not isinstance(found, tuple):
        return found
    person, target = found
    return assess_former(person, target, w, ctx, ambiguous=is_ambiguous(claim.subject, claim))


def _p_before(term: Term, t: date) -> float | None:
    """Chance that ``term`` began before day ``t`` (None: unknown start and no end before t)."""
    if term.start is None:
        return 1.0 if term.end is not None and term.end.latest() < t else None
    lo, hi = term.start.earliest(), term.start.latest()
    if hi < t:
        return 1.0
    if lo >= t:
        return 0.0
    return ((t - lo).days) / ((hi - lo).days + 1)


def assess_former(person: str, target: Target, w: Window, ctx: Context, *,
                  ambiguous: bool) -> Verdict:
    facts = ctx.facts
    who = facts.label(person)
    t = w.end
    when = f"before {t.isoformat()}"
    own = [term for term in facts.positions(person) if term.position in target.positions]
    scored = [(term, _p_before(term, t)) for term in own]
    best = max(((term, p) for term, p in scored if p is not None), key=lambda tp: tp[1],
               default=None)
    point = Window(t, t, w.basis, w.cue)
    titled = [term for term in facts.positions(person)
              if term.position not in target.positions and (_p_before(term, t) or 0.0) >= 1.0
              and named_like(facts, term, target.mention)]
    if best is not None and best[1] >= MAYBE_SUPPORT_MIN:
        term, p = best
        ended = [o for o in own if o.end is not None and o.end.latest() < t]
        if ended or ctx.fit(term, point).coverage is not Coverage.YES:
            if ended:
                term = max(ended, key=lambda o: o.end.latest() if o.end else t)
            return ex.verdict("supported",
                              supported_confidence(p, point, None, ambiguous=ambiguous,
                                                   equivalent=term.position != target.written),
                              f"{ex.held(term, facts)}, before {t.isoformat()}", [term], facts)
        if not titled:
            # "former" says the term is over; the KB says it was not, and records no earlier
            # term that was. That rests on an absent term, so it is not a refutation.
            return ex.verdict("not_enough_evidence", 0.0,
                              f"{ex.held(term, facts)}, so still held it on {t.isoformat()}, and "
                              f"the knowledge base records no earlier term that had ended by "
                              f"then; “former” cannot be confirmed", own, facts)
    if titled:
        term = titled[0]
        if target.written is None:
            return ex.verdict("supported",
                              supported_confidence(1.0, point, None, ambiguous=ambiguous,
                                                   equivalent=True),
                              f"{ex.held(term, facts)} (an office the article calls "
                              f"“{target.mention}”), before {t.isoformat()}", [term], facts)
        return ex.verdict("not_enough_evidence", 0.0,
                          f"{ex.held(term, facts)}, an office also called “{target.mention}”; the "
                          f"article's words were read as {target.label}, so no verdict is given",
                          [term], facts)
    if any(p is None or p > 0 for _, p in scored):
        return ex.verdict("not_enough_evidence", 0.0,
                          f"{who} was {ex.position_label(own[0], facts)} {ex.spans(own)}; the "
                          f"recorded dates do not tell whether that was {when}", own, facts)
    as_of, source = facts.office_as_of(target.positions)
    blocker = refutation_blocker(point, as_of, ambiguous=ambiguous, source=source)
    if blocker is None and target.generic:
        blocker = "the article names the office only by its kind"
    if own:     # every term of the person in the office began on or after t
        sentence = (f"{who} was {ex.position_label(own[0], facts)} only {ex.spans(own)}, not "
                    f"{when}")
        first = min(term.start.earliest() for term in own if term.start)
        if blocker is None and (first - t).days <= BOUNDARY_DAYS:
            blocker = f"that term began within {BOUNDARY_DAYS} days of {t.isoformat()}"
        if blocker:
            return ex.verdict("not_enough_evidence", 0.0,
                              f"{sentence}; no refutation is given because {blocker}", own, facts)
        return ex.verdict("refuted", refuted_confidence(point, (first - t).days, both=False),
                          sentence, own, facts)
    career = [term for term in facts.positions(person) if term.start is not None]
    if not career:
        return ex.verdict("not_enough_evidence", 0.0,
                          f"The knowledge base records no term of {who} as {target.label} and too "
                          f"little of {who}'s career to rule it out")
    abroad = foreign_office(facts, person, target)
    if abroad is not None:
        return ex.verdict("not_enough_evidence", 0.0,
                          f"The knowledge base records no term of {who} as {target.label}, but "
                          f"{abroad}", career, facts)
    since = min(term.start.earliest() for term in career if term.start)
    holders = _continuous_record(target, since, t, ctx)
    if holders is None:
        return ex.verdict("not_enough_evidence", 0.0,
                          f"The knowledge base records no term of {who} as {target.label}, but "
                          f"its list of holders of that office does not cover "
                          f"{since.isoformat()} to {t.isoformat()} completely", career, facts)
    names = ex.join(list(dict.fromkeys(ex.person_label(h, facts) for h in holders)))
    sentence = (f"The knowledge base lists every holder of {target.label} from "
                f"{since.isoformat()} (when {who}'s first recorded office began) to "
                f"{t.isoformat()} — {names} — and {who} is not among them")
    if blocker:
        return ex.verdict("not_enough_evidence", 0.0,
                          f"{sentence}; no refutation is given because {blocker}", career, facts)
    return ex.verdict("refuted", refuted_confidence(point, None, both=False), sentence,
                      [*holders, *career], facts)


def _continuous_record(target: Target, since: date, until: date,
                       ctx: Context) -> list[Term] | None:
    """Holders of a single-holder office covering ``since``..``until`` with no gap longer than
    RECORD_GAP_DAYS, in order; None when the record has holes or unknown dates."""
    facts = ctx.facts
    if any(not facts.single_holder(p) for p in target.positions) or target.generic:
        return None
    relevant = [t for p in target.positions
                for t in facts.holders_between(p, since - timedelta(RECORD_GAP_DAYS), until)]
    if not relevant or any(t.start is None for t in relevant):
        return None
    relevant.sort(key=lambda t: t.start.earliest() if t.start else date.min)
    cursor = since
    first = relevant[0].start
    if first is None or first.latest() > since:
        return None
    for term in relevant:
        assert term.start is not None
        if (term.start.latest() - cursor).days > RECORD_GAP_DAYS:
            return None
        end = term.end.earliest() if term.end else (term_as_of(term, facts.as_of) or date.max)
        cursor = max(cursor, end)
    return relevant if cursor >= until or (until - cursor).days <= RECORD_GAP_DAYS else None
