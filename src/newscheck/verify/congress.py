"""Role claims about the US Congress (claims/congress.py): chamber, state, party, leadership.

Seats (``us_senator``/``us_representative``/any member):
supported  a congressional term of the person covers T in the claimed chamber and state, and the
           party recorded for T (P102) is the claimed one;
refuted    a term of the person covers T but in another chamber or state, or the party recorded
           for T is another — naming the recorded one; never within BOUNDARY_DAYS of a boundary,
           after the source's date, for an ambiguous name, or when the claimed chamber/state was
           held within ELECTION_DAYS of T (members-elect are called by their new title);
           a party the member caucuses with (an independent caucusing with Democrats) is not
           refuted;
otherwise  not_enough_evidence: no term covers T (before or after someone's time in Congress
           they may hold a state office of the same title; absence never refutes).

Leadership and the vice presidency (one holder at a time): supported when the person's term
covers T; refuted only when the KB records someone else holding it throughout T (the leadership
record of a person can be incomplete, so the person's own record is not enough).
"""

from __future__ import annotations

from ..knowledge.congress import CAUCUS_PREFIX, LEADER, REPRESENTATIVE, SENATOR, VICE_PRESIDENT
from ..knowledge.congress import leader_record as _leader
from ..knowledge.usstates import NAMES as STATES
from ..model import Claim, Coverage, Evidence, Term, Verdict
from . import explain as ex
from .facts import Facts
from .offices import Context, is_ambiguous, mention, office_holders, people
from .policy import (
    AMBIGUOUS_FACTOR,
    BOUNDARY_DAYS,
    Window,
    refutation_blocker,
    refuted_confidence,
    supported_confidence,
)

SEAT_KINDS = {"senator": SENATOR, "representative": REPRESENTATIVE}
CHAMBER_WORD = {SENATOR: "a senator", REPRESENTATIVE: "a representative"}
# Titles former holders keep by courtesy ("Vice President Biden" in 2019, "Speaker Pelosi"):
# a former holder so called is not refuted.
COURTESY = {VICE_PRESIDENT: "Vice President",
            _leader("Speaker of the House").id: "Speaker"}
# A member-elect is often called by the new title between election and swearing-in (~2 months).
ELECTION_DAYS = 70


def check_congress_at(claim: Claim, ctx: Context, w: Window | None) -> Verdict:
    who = mention(claim.subject, ctx.facts)
    ids = people(claim.subject)
    written = claim.object.mention if claim.object else "a member of Congress"
    if not ids:
        return ex.verdict("not_enough_evidence", 0.0, f"“{who}” could not be found in the "
                          f"knowledge base, so “{written}” cannot be checked")
    if w is None:
        return ex.verdict("not_enough_evidence", 0.0, "The claim has no date to check it at")
    if len(ids) == 1 and not is_ambiguous(claim.subject, claim):
        return _one(ids[0], claim, w, ctx)
    # Several people could be meant ("John Kennedy": the senator from Louisiana or the
    # president): support when exactly one of them fits, never refute.
    fits = [v for v in (_one(i, claim, w, ctx) for i in ids) if v.label == "supported"]
    names = ex.join([ctx.facts.label(i) for i in ids], "or")
    if len(fits) == 1:
        return Verdict("supported", round(fits[0].confidence * AMBIGUOUS_FACTOR, 3),
                       f"“{who}” could be {names}; {fits[0].explanation}", fits[0].evidence)
    return ex.verdict("not_enough_evidence", 0.0, f"“{who}” could be {names}; no verdict is "
                      "given for an ambiguous name")


def _one(person: str, claim: Claim, w: Window, ctx: Context) -> Verdict:
    kind = claim.qualifiers.get("congress")
    if kind in ("leader", "vice_president"):
        office = str(claim.qualifiers.get("us_office") or "")
        position = VICE_PRESIDENT if kind == "vice_president" else _leader(office).id
        v = _single_office(person, position, office, w, ctx)
        if v.label != "supported" or not (claim.qualifiers.get("us_state")
                                          or claim.qualifiers.get("us_party")):
            return v
        seat = _seat(person, claim, w, ctx)    # "Senate Majority Leader X (R-S.D.)"
        if seat.label == "supported":
            return Verdict("supported", min(v.confidence, seat.confidence),
                           f"{v.explanation.rstrip('.')}; {seat.explanation}",
                           v.evidence + seat.evidence)
        return seat
    return _seat(person, claim, w, ctx)


def _single_office(person: str, position: str, office: str, w: Window,
                   ctx: Context) -> Verdict:
    facts = ctx.facts
    who = facts.label(person)
    own = [(t, ctx.fit(t, w)) for t in facts.positions(person) if t.position == position]
    covering = [(t, f) for t, f in own if f.coverage is Coverage.YES]
    if covering:
        t, f = covering[0]
        return ex.verdict("supported", supported_confidence(1.0, w, f.gap),
                          f"{ex.held(t, facts)}, which covers {w.noun()}", [t], facts)
    if any(f.coverage is Coverage.MAYBE for _, f in own):
        t = next(t for t, f in own if f.coverage is Coverage.MAYBE)
        return ex.verdict("not_enough_evidence", 0.0, f"{ex.held(t, facts)}, but the "
                          f"knowledge base cannot tell whether that covers {w.noun()}", [t],
                          facts)
    occupants = office_holders(facts, [position], w, exclude=person)
    label = facts.label(position, office)
    if not occupants:
        return ex.verdict("not_enough_evidence", 0.0, f"The knowledge base does not record "
                          f"{who} or anyone else as {label} {w.text()}", [t for t, _ in own],
                          facts)
    names = ex.join([f"{ex.person_label(t, facts)} ({ex.span(t)})" for t, _ in occupants])
    now = [t for t in facts.positions(person) if ctx.fit(t, w).coverage is Coverage.YES]
    sentence = f"{w.text()[0].upper()}{w.text()[1:]} {label} was {names}"
    if now:
        sentence += f", and {who} was " + ex.join(
            [f"{ex.position_label(t, facts)} ({ex.span(t)})" for t in now])
    gaps = [f.gap for _, f in [*own, *occupants] if f.gap is not None]
    blocker = _blocker(w, [position], ctx)
    earlier = [t for t, f in own if f.coverage is Coverage.NO and t.end is not None
               and t.end.latest() < w.start]
    if blocker is None and earlier and position in COURTESY:
        blocker = (f"{who} held that office before ({ex.spans(earlier)}), and former holders "
                   f"keep “{COURTESY[position]}” as a courtesy title")
    if blocker is None and gaps and min(gaps) <= BOUNDARY_DAYS:
        blocker = f"{w.noun()} is within {BOUNDARY_DAYS} days of a change of {label}"
    terms = [*(t for t, _ in occupants), *now, *(t for t, _ in own)]
    if blocker is not None:
        return ex.verdict("not_enough_evidence", 0.0, f"{sentence}; no refutation is given "
                          f"because {blocker}", terms, facts)
    return ex.verdict("refuted", refuted_confidence(w, min(gaps, default=None), both=False),
                      sentence, terms, facts)


def _blocker(w: Window, positions: list[str], ctx: Context) -> str | None:
    """No refutation after the date of the newest source recording these offices."""
    as_of, source = ctx.facts.office_as_of(positions)
    return refutation_blocker(w, as_of, ambiguous=False, source=source)


def _seat_state(ctx: Context, t: Term) -> str | None:
    juris = ctx.facts.jurisdiction(t.position) or ""
    return juris.removeprefix("L:us-state-") if juris.startswith("L:us-state-") else None


def _seat(person: str, claim: Claim, w: Window, ctx: Context) -> Verdict:
    facts, q = ctx.facts, claim.qualifiers
    who = facts.label(person)
    want_kind = SEAT_KINDS.get(str(q.get("congress")))
    want_state, want_party = q.get("us_state"), q.get("us_party")
    seats = [(t, ctx.fit(t, w)) for t in facts.positions(person)
             if facts.kind(t.position) in (SENATOR, REPRESENTATIVE)]
    if not seats:
        return ex.verdict("not_enough_evidence", 0.0, f"The knowledge base records no term of "
                          f"{who} in the US Congress")
    covering = [(t, f) for t, f in seats if f.coverage is Coverage.YES]

    def matches(t: Term) -> bool:
        return ((want_kind is None or facts.kind(t.position) == want_kind)
                and (want_state is None or _seat_state(ctx, t) == want_state))

    good = [(t, f) for t, f in covering if matches(t)]
    if not covering:
        maybe = [t for t, f in seats if f.coverage is Coverage.MAYBE]
        why = ("the knowledge base cannot tell whether a term covers it" if maybe else
               "no term of theirs in Congress covers it; before or after their time there "
               "they may have held another office of that name")
        return ex.verdict("not_enough_evidence", 0.0, f"{who}'s recorded terms in Congress do "
                          f"not settle {w.noun()}: {why}", maybe, facts)
    if not good:
        t, f = covering[0]
        near = [f2.gap for t2, f2 in seats if matches(t2) and f2.gap is not None]
        blocker = _blocker(w, [t.position for t, _ in seats], ctx)
        if blocker is None and f.gap is not None and f.gap <= BOUNDARY_DAYS:
            blocker = f"{w.noun()} is within {BOUNDARY_DAYS} days of the start or end of that term"
        if blocker is None and near and min(near) <= ELECTION_DAYS:
            blocker = (f"{who} held the claimed seat within {ELECTION_DAYS} days of "
                       f"{w.noun()} (members-elect and outgoing members keep both titles)")
        what = _claimed(q)
        sentence = f"{ex.held(t, facts)}, which covers {w.noun()}; the article says {what}"
        if blocker is not None:
            return ex.verdict("not_enough_evidence", 0.0, f"{sentence}; no refutation is given "
                              f"because {blocker}", [t], facts)
        return ex.verdict("refuted", refuted_confidence(w, f.gap, both=False), sentence, [t],
                          facts)
    t, f = good[0]
    if not want_party:
        return ex.verdict("supported", supported_confidence(1.0, w, f.gap),
                          f"{ex.held(t, facts)}, which covers {w.noun()}", [t], facts)
    return _party(person, t, f.gap, str(want_party), w, ctx)


def _claimed(q: dict[str, object]) -> str:
    kind = SEAT_KINDS.get(str(q.get("congress")))
    parts = [CHAMBER_WORD[kind] if kind else "a member of Congress"]
    if q.get("us_state"):
        parts.append(f"from {STATES.get(str(q['us_state']), q['us_state'])}")
    if q.get("us_party"):
        parts.append(f"({q['us_party']})")
    return " ".join(parts)


def _party(person: str, seat: Term, seat_gap: int | None, want: str, w: Window,
           ctx: Context) -> Verdict:
    facts = ctx.facts
    who = facts.label(person)
    held = [(a, ctx.fit(a, w)) for a in facts.affiliations(person)]
    now = [(a, f) for a, f in held if f.coverage is Coverage.YES]
    parties = {a.position.removeprefix(CAUCUS_PREFIX).removeprefix("L:us-party-"): a
               for a, _ in now}
    evidence = [ex.evidence(seat, facts), *(_party_evidence(a, facts) for a, _ in now)]
    seat_text = f"{ex.held(seat, facts)}, which covers {w.noun()}"
    if want.lower() in {p for p, a in parties.items() if not a.position.startswith(CAUCUS_PREFIX)}:
        return Verdict("supported", supported_confidence(1.0, w, seat_gap),
                       f"{seat_text}; recorded party then: {want}.", tuple(evidence))
    recorded = ex.join(sorted({a.position_label for a, _ in now
                               if not a.position.startswith(CAUCUS_PREFIX)}))
    if not now:
        return Verdict("not_enough_evidence", 0.0, f"{seat_text}, but the knowledge base "
                       f"records no party for {w.noun()}.", tuple(evidence))
    sentence = f"{seat_text}; the party recorded for {who} then is {recorded}, not {want}"
    gaps = [f.gap for _, f in held if f.gap is not None and f.coverage is not Coverage.NO]
    blocker = _blocker(w, [seat.position], ctx)
    if blocker is None and want.lower() in parties:
        blocker = f"{who} caucused with the {want}s"
    if blocker is None and gaps and min(gaps) <= BOUNDARY_DAYS:
        blocker = f"{w.noun()} is within {BOUNDARY_DAYS} days of a change of party record"
    if blocker is not None:
        return Verdict("not_enough_evidence", 0.0, f"{sentence}; no refutation is given "
                       f"because {blocker}.", tuple(evidence))
    return Verdict("refuted", refuted_confidence(w, seat_gap, both=False), f"{sentence}.",
                   tuple(evidence))


def _party_evidence(a: Term, facts: Facts) -> Evidence:
    return Evidence(kind="kb_statement", source=a.source,
                    text=f"{facts.label(a.person)} was a member of {a.position_label} "
                         f"{ex.span(a)}.", id=a.statement,
                    extra={"subject": a.person, "subject_label": facts.label(a.person),
                           "property": "P102", "value": a.position,
                           "value_label": a.position_label,
                           "start": a.start.iso() if a.start else None,
                           "end": a.end.iso() if a.end else None})


__all__ = ["LEADER", "check_congress_at"]
