"""Office changes ("X resigned as O in T", "X was sworn in as O", "X succeeded Y as O") and
titles held under a head ("Biden's secretary of state X", "X, secretary of state under Biden").

An office change (``qualifiers["event"]``: ``left`` or ``took``) is checked against the *end*
(left) or the *start* (took) of X's terms in O. Its time T is a period, a day, or "on or before"
the article's date (``start`` None).

supported  a term of X in O ends (left) / starts (took) within T, BOUNDARY_DAYS either side.
refuted    X did not hold O at any time in T: the ``role`` check over T (or, for "on or before",
           the ``former_role`` check) refutes it, with all its blockers. Nothing else refutes: a
           resignation is often announced weeks or months before the term ends (Johnson, July →
           September 2022; Draghi, July → October 2022), Italian and Japanese leaders resign and
           are reappointed, and a second inauguration (Obama 2013, Modi 2019) is not a new term in
           the KB ("two consecutive terms merged"). These give not_enough_evidence.
succession (``predecessor`` / ``successor``): supported only when the change itself is and the
           other person's term ended within BOUNDARY_DAYS of X's start; refuted when the
           predecessor held O only after the successor had begun (and the KB's record of O
           begins before); else not_enough_evidence naming the terms.

"under" (``qualifiers["under"]`` and ``under_candidates``, the head): X's terms in O against the
head's leader terms (head of state or government) in O's country. supported when they overlap
by more than BOUNDARY_DAYS; refuted when every pair meets at most on the handover day (and no
blocker); else not_enough_evidence.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from ..model import Claim, PartialDate, Term, Verdict
from . import explain as ex
from .facts import LEADER_KINDS
from .former_role import assess_former
from .offices import (
    Context,
    Target,
    is_ambiguous,
    person_and_office,
    record_start,
)
from .policy import (
    BOUNDARY_DAYS,
    MAYBE_SUPPORT_MIN,
    Window,
    refutation_blocker,
    refuted_confidence,
    supported_confidence,
)
from .role import assess
from .sources import term_as_of

_TOL = timedelta(days=BOUNDARY_DAYS)
_VERB = {"left": "left", "took": "took up"}


def _person_and_target(claim: Claim, ctx: Context) -> tuple[str, Target] | Verdict:
    return person_and_office(claim, ctx.facts, "the claim about {office}")


def _period(claim: Claim, ctx: Context) -> tuple[date | None, date] | None:
    """The change's time: (start, end); start None for "on or before end"."""
    t = claim.time
    if t.date is not None:
        return t.date, t.date
    if t.start is None and t.end is None:
        return None, ctx.fallback
    if t.start is None:
        assert t.end is not None
        return None, t.end
    return t.start, t.end or t.start


def _when(lo: date | None, hi: date) -> str:
    if lo is None:
        return f"on or before {hi.isoformat()}"
    return Window(lo, hi).text()


def _share(d: PartialDate, lo: date | None, hi: date) -> float:
    """Share of the days ``d`` may be that fall in ``[lo - 7, hi + 7]``."""
    a = max(d.earliest(), (lo - _TOL) if lo else date.min)
    b = min(d.latest(), hi + _TOL)
    return max(0, (b - a).days + 1) / ((d.latest() - d.earliest()).days + 1)


def check_change(claim: Claim, ctx: Context) -> Verdict:
    """"X resigned / stepped down as O (in T)", "X was sworn in / took office as O (in T)"."""
    got = _person_and_target(claim, ctx)
    if isinstance(got, Verdict):
        return got
    person, target = got
    facts = ctx.facts
    event = str(claim.qualifiers.get("event"))
    ambiguous = is_ambiguous(claim.subject, claim)
    period = _period(claim, ctx)
    assert period is not None
    lo, hi = period
    when = _when(lo, hi)
    verb = "ended" if event == "left" else "began"
    own = [t for t in facts.positions(person) if t.position in target.positions]
    edge = [(t, d) for t in own if (d := (t.end if event == "left" else t.start)) is not None]
    scored = sorted(((t, d, _share(d, lo, hi)) for t, d in edge), key=lambda x: -x[2])
    if scored and scored[0][2] >= MAYBE_SUPPORT_MIN:
        t, d, p = scored[0]
        w = Window(lo or hi, hi)
        gap = min(abs((d.earliest() - x).days) for x in (lo or hi, hi))
        coarse = ("" if p >= 1.0 else
                  f" (the recorded date is not precise; estimated chance {p:.0%})")
        if event == "left":
            coarse += " (the knowledge base records when a term ended, not why)"
        verdict = ex.verdict("supported", supported_confidence(p, w, None if gap > BOUNDARY_DAYS
                                                               else gap, ambiguous=ambiguous),
                             f"{ex.held(t, facts)}: the term {verb} {d.iso()}, "
                             f"{when}{coarse}", [t], facts)
        return _with_succession(claim, ctx, person, target, verdict, t)
    # X must have held O during T (a resignation or a swearing-in happens in office)
    if lo is None:
        held = assess_former(person, target, Window(hi, hi, claim.time.basis, claim.time.cue),
                             ctx, ambiguous=ambiguous)
    else:
        held = assess(person, target, Window(lo, hi, claim.time.basis, claim.time.cue), ctx,
                      ambiguous=ambiguous)
    what = "left" if event == "left" else "took up"
    if held.label == "refuted":
        return Verdict("refuted", held.confidence,
                       f"{held.explanation.rstrip('.')}; so {facts.label(person)} cannot have "
                       f"{what} that office {when}.", held.evidence)
    if not own:
        return Verdict("not_enough_evidence", 0.0, held.explanation, held.evidence)
    why = (" — a resignation is often announced before the term ends, and a leader may "
           "resign and be reappointed without a new term in the record") if event == "left" \
        else (" — a swearing-in during a term (a second term, a re-election) is not recorded as a "
              "new term")
    return ex.verdict("not_enough_evidence", 0.0,
                      f"{facts.label(person)} was {ex.position_label(own[0], facts)} "
                      f"{ex.spans(own)}: no recorded term {verb} {when}, but that does not show "
                      f"the claim false{why}", own, facts)


def _partner(claim: Claim, ctx: Context, target: Target) -> tuple[str, str] | None:
    """(role, id) of the other person of a succession, narrowed to holders of the office."""
    q = claim.qualifiers
    for role in ("predecessor", "successor"):
        if f"{role}_mention" not in q:
            continue
        ids = [q[role]] if q.get(role) else list(q.get(f"{role}_candidates") or ())
        held = [i for i in ids if isinstance(i, str) and any(
            t.position in target.positions for t in ctx.facts.positions(i))]
        return (role, held[0]) if len(held) == 1 else (role, "")
    return None


def _with_succession(claim: Claim, ctx: Context, person: str, target: Target, v: Verdict,
                     term: Term) -> Verdict:
    """A supported change, further checked against the stated predecessor/successor."""
    got = _partner(claim, ctx, target)
    if got is None:
        return v
    role, other = got
    q = claim.qualifiers
    facts = ctx.facts
    name = str(q.get(f"{role}_mention"))
    if not other:
        return ex.verdict("not_enough_evidence", 0.0,
                          f"{v.explanation.rstrip('.')}; the knowledge base records no single "
                          f"holder of {target.label} called “{name}”, so whether they were the "
                          f"{role} cannot be checked", [term], facts)
    new, old = (person, other) if role == "predecessor" else (other, person)
    xs = [t for t in facts.positions(new) if t.position in target.positions and t.start]
    ys = [t for t in facts.positions(old) if t.position in target.positions and t.start]
    for tx in xs:
        for ty in ys:
            assert tx.start is not None
            if ty.end is not None and (tx.start.latest() - ty.end.earliest()).days <= \
                    BOUNDARY_DAYS and (ty.end.latest() - tx.start.earliest()).days <= BOUNDARY_DAYS:
                return Verdict("supported", v.confidence,
                               f"{ex.held(ty, facts)}, and {ex.held(tx, facts)}: "
                               f"{facts.label(new)} succeeded {facts.label(old)}.",
                               tuple(ex.verdict("supported", 1, "", [ty, tx], facts).evidence))
    begins = record_start(facts, target.positions)
    later = xs and ys and all(ty.start and tx.start and ty.start.earliest() >
                              tx.start.latest() + timedelta(BOUNDARY_DAYS)
                              for tx in xs for ty in ys)
    blocker = refutation_blocker(Window(ctx.fallback, ctx.fallback), None,
                                 ambiguous=is_ambiguous(claim.subject, claim))
    terms = [*ys, *xs]
    label = ex.position_label((xs or ys or [term])[0], facts)
    if later and begins is not None and all(tx.start and begins < tx.start.earliest()
                                           for tx in xs) and blocker is None:
        return ex.verdict("refuted", refuted_confidence(Window(ctx.fallback, ctx.fallback), None,
                                                        both=True),
                          f"{facts.label(old)} was {label} only {ex.spans(ys)}, after "
                          f"{facts.label(new)} took it up ({ex.spans(xs)}), so "
                          f"{facts.label(old)} cannot have been the predecessor", terms, facts)
    between = _between(ctx, target, ys, xs, {new, old})
    also = (f" (the knowledge base records {ex.join(between)} in between)" if between else "")
    return ex.verdict("not_enough_evidence", 0.0,
                      f"{v.explanation.rstrip('.')}; {facts.label(old)}'s recorded terms as "
                      f"{label} ({ex.spans(ys) or 'none'}) did not end within {BOUNDARY_DAYS} "
                      f"days of the start of {facts.label(new)}'s{also}, so the succession is "
                      f"not confirmed", terms, facts)


def _between(ctx: Context, target: Target, ys: list[Term], xs: list[Term],
             skip: set[str]) -> list[str]:
    """Other recorded holders whose terms began between the end of the predecessor's last term
    before the successor's start and that start."""
    facts = ctx.facts
    starts = [tx.start.earliest() for tx in xs if tx.start]
    ends = [ty.end.latest() for ty in ys if ty.end and starts and ty.end.latest() <= max(starts)]
    if not starts or not ends:
        return []
    lo, hi = max(ends), max(starts)
    if hi <= lo:
        return []
    return list(dict.fromkeys(ex.person_label(t, facts) for p in target.positions
                              for t in facts.holders_starting(p, lo, hi - timedelta(1))
                              if t.person not in skip))


def _head(claim: Claim, ctx: Context, countries: set[str]) -> str | None:
    q = claim.qualifiers
    ids = [q["under"]] if q.get("under") else list(q.get("under_candidates") or ())
    leaders = [i for i in ids if isinstance(i, str) and _leader_terms(ctx, i, countries)]
    return leaders[0] if len(leaders) == 1 else None


def _leader_terms(ctx: Context, head: str, countries: set[str]) -> list[Term]:
    facts = ctx.facts
    return [t for t in facts.positions(head) if facts.kind(t.position) in LEADER_KINDS
            and facts.jurisdiction(t.position) in countries]


def _bounds(t: Term, as_of: date | None) -> tuple[date | None, date | None, date, date | None]:
    """start earliest/latest, end earliest (an open term: as_of) / latest (open: None)."""
    s_lo = t.start.earliest() if t.start else None
    s_hi = t.start.latest() if t.start else None
    if t.end is not None:
        return s_lo, s_hi, t.end.earliest(), t.end.latest()
    return s_lo, s_hi, term_as_of(t, as_of) or date.max, None


def check_under(claim: Claim, ctx: Context) -> Verdict | None:
    """"Biden's secretary of state, X": X's term in O against the head's leader terms. None when
    the head is not a leader the KB knows in O's country (the plain check applies)."""
    got = _person_and_target(claim, ctx)
    if isinstance(got, Verdict):
        return None
    person, target = got
    facts = ctx.facts
    countries = {c for p in target.positions if (c := facts.jurisdiction(p))}
    head = _head(claim, ctx, countries)
    own = [t for t in facts.positions(person) if t.position in target.positions]
    if head is None or not own:
        return None
    heads = _leader_terms(ctx, head, countries)
    x, h = facts.label(person), facts.label(head)
    both = (f"{x} was {ex.position_label(own[0], facts)} {ex.spans(own)}; {h} was "
            + ex.join([f"{ex.position_label(t, facts)} {ex.span(t)}" for t in heads]))
    best_sure: int | None = None
    best_possible: int | None = None
    for tx in own:
        for th in heads:
            xs_lo, xs_hi, xe_lo, xe_hi = _bounds(tx, facts.as_of)
            hs_lo, hs_hi, he_lo, he_hi = _bounds(th, facts.as_of)
            if xs_hi and hs_hi:
                sure = (min(xe_lo, he_lo) - max(xs_hi, hs_hi)).days
                best_sure = sure if best_sure is None else max(best_sure, sure)
            ends = [e for e in (xe_hi, he_hi) if e is not None]
            starts = [s for s in (xs_lo, hs_lo) if s is not None]
            possible = (min(ends) - max(starts)).days if ends and starts and \
                xs_lo and hs_lo else 10**6
            best_possible = possible if best_possible is None else max(best_possible, possible)
    terms = [*own, *heads]
    if best_sure is not None and best_sure > BOUNDARY_DAYS:
        return ex.verdict("supported", supported_confidence(
            1.0, Window(ctx.fallback, ctx.fallback), None,
            ambiguous=is_ambiguous(claim.subject, claim)),
            f"{both}: the terms overlap, so {x} served under {h}", terms, facts)
    if best_possible is not None and best_possible <= 0:
        blocker = refutation_blocker(Window(ctx.fallback, ctx.fallback), None,
                                     ambiguous=is_ambiguous(claim.subject, claim))
        sentence = (f"{both}: the terms do not overlap (at most on the day of a handover), so "
                    f"{x} did not serve as {target.label} under {h}")
        if blocker is None:
            return ex.verdict("refuted", refuted_confidence(
                Window(ctx.fallback, ctx.fallback), None, both=True), sentence, terms, facts)
        return ex.verdict("not_enough_evidence", 0.0,
                          f"{sentence}; no refutation is given because {blocker}", terms, facts)
    return ex.verdict("not_enough_evidence", 0.0,
                      f"{both}: the terms overlap by at most {BOUNDARY_DAYS} days, or the "
                      f"recorded dates are too coarse to tell whether {x} served under {h}",
                      terms, facts)


def check_change_or_under(claim: Claim, ctx: Context) -> Verdict | None:
    """The office-change or "under" check for a role/former_role claim, or None (plain check)."""
    if claim.qualifiers.get("event") in ("left", "took"):
        return check_change(claim, ctx)
    return check_under(claim, ctx)


_Checker = Callable[[Claim, Context], Verdict]


def changes_first(plain: _Checker) -> _Checker:
    """A role/former_role checker that reads an office change ("X resigned as …") or an "under"
    qualifier first and falls back to ``plain`` (verify/__init__.py wires it)."""

    def check(claim: Claim, ctx: Context) -> Verdict:
        if claim.qualifiers.get("event") or claim.qualifiers.get("under_mention"):
            changed = check_change_or_under(claim, ctx)
            if changed is not None:
                return changed
        return plain(claim, ctx)

    check.__name__ = check.__qualname__ = plain.__name__
    check.__doc__ = plain.__doc__
    return check
