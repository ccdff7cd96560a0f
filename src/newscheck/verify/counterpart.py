"""``counterpart``: "Kishida met his South Korean counterpart Yoon Suk Yeol".

The reference person P's office at T is taken both as the article states it
(``reference_office`` / ``reference_office_kind``) and as P actually held it (the KB). Q is P's
counterpart if Q held an office of the same kind in Q's country at T. Heads of state and heads of
government count as one kind, "leader": a president is routinely called the counterpart of a
prime minister.

supported  Q held one of those offices at T.
refuted    Q held none of them at T, every kind involved has a known holder there at T (named in
           the explanation), and no blocker applies (ambiguity, as-of, boundaries).
otherwise  not_enough_evidence.
"""

from __future__ import annotations

from datetime import date

from ..model import Claim, Coverage, Term, Verdict
from . import explain as ex
from .facts import LEADER_KINDS, SPECIFIC_KINDS, Facts
from .offices import (
    Context,
    hinges_on_handover,
    is_ambiguous,
    mention,
    office_holders,
    people,
    qualifier_id,
)
from .policy import (
    BOUNDARY_DAYS,
    MAYBE_SUPPORT_MIN,
    Fit,
    Window,
    refutation_blocker,
    refuted_confidence,
    supported_confidence,
)

KIND_NAMES = {
    "head_of_state": "head of state", "head_of_government": "head of government",
    "foreign_minister": "foreign minister", "finance_minister": "finance minister",
    "defence_minister": "defence minister", "interior_minister": "interior minister",
    "justice_minister": "justice minister",
    "deputy_head_of_government": "deputy head of government",
}


def country_name(country: str, ctx: Context) -> str:
    from ..knowledge.countries import country as lookup

    found = lookup(country)
    return found.name if found is not None else ctx.facts.label(country)


def _reference(claim: Claim, person: str | None, w: Window,
               ctx: Context) -> tuple[set[str], list[Term]]:
    """The kinds of P's office at T (stated and actual) and P's terms behind the actual ones."""
    facts, q = ctx.facts, claim.qualifiers
    kinds: set[str] = set()
    stated = qualifier_id(q.get("reference_office"))
    if stated and facts.kind(stated):
        kinds.add(str(facts.kind(stated)))
    if isinstance(q.get("reference_office_kind"), str):
        kinds.add(q["reference_office_kind"])
    terms: list[Term] = []
    if person:
        for t in facts.positions(person):
            f = ctx.fit(t, w)
            if f.coverage is Coverage.YES or (f.p is not None and f.p >= MAYBE_SUPPORT_MIN):
                kind = facts.kind(t.position)
                if kind in SPECIFIC_KINDS:
                    kinds.add(str(kind))
                    terms.append(t)
    if kinds & LEADER_KINDS:
        kinds |= LEADER_KINDS
    return kinds & SPECIFIC_KINDS, terms


def check_counterpart(claim: Claim, ctx: Context) -> Verdict:
    v = _check(claim, ctx)
    blocker = ex.unread_time_blocker(claim.qualifiers) if v.label == "refuted" else None
    return ex.withheld(v, blocker) if blocker else v


def _check(claim: Claim, ctx: Context) -> Verdict:
    facts = ctx.facts
    w = ctx.window(claim)
    q_ids, p_ids = people(claim.subject), people(claim.object)
    q_name, p_name = mention(claim.subject, facts), mention(claim.object, facts, "the other person")
    if w is None:
        return ex.verdict("not_enough_evidence", 0.0, "The claim has no date to check it at")
    if len(q_ids) != 1:
        why = "could not be found in" if not q_ids else "could be more than one person in"
        return ex.verdict("not_enough_evidence", 0.0, f"“{q_name}” {why} the knowledge base")
    kinds, ref_terms = _reference(claim, p_ids[0] if len(p_ids) == 1 else None, w, ctx)
    if not kinds:
        return ex.verdict("not_enough_evidence", 0.0,
                          f"The knowledge base does not say which office {p_name} held "
                          f"{w.text()}, so {p_name}'s counterpart cannot be determined")
    person = q_ids[0]
    country = qualifier_id(claim.qualifiers.get("country"))
    ref = (f"{p_name} ({ex.join([ex.held(t, facts, who=False) for t in ref_terms])})"
           if ref_terms else p_name)
    role = ("leader (head of state or of government)" if kinds >= LEADER_KINDS and len(kinds) == 2
            else ex.join(sorted({KIND_NAMES[k] for k in kinds}), "or"))
    if country is None:
        mine = [t for t in facts.positions(person)
                if facts.kind(t.position) in kinds and ctx.fit(t, w).coverage is Coverage.YES]
        if mine:
            return ex.verdict("supported", supported_confidence(1.0, w, None, equivalent=True),
                              f"{ex.held(mine[0], facts)}, a {role} as {ref} was",
                              [mine[0], *ref_terms], facts)
        return ex.verdict("not_enough_evidence", 0.0,
                          f"The article does not say which country {q_name} is {p_name}'s "
                          f"counterpart in")
    where = country_name(country, ctx)
    offices = {o: k for k in sorted(kinds) for o in facts.offices(country, k)}
    if not offices:
        return ex.verdict("not_enough_evidence", 0.0,
                          f"The knowledge base knows no {role} office of {where}")
    own = [(t, ctx.fit(t, w)) for t in facts.positions(person) if t.position in offices]
    yes = [(t, f) for t, f in own if f.coverage is Coverage.YES]
    likely = [(t, f) for t, f in own if f.p is not None and f.p >= MAYBE_SUPPORT_MIN]
    ambiguous = is_ambiguous(claim.subject, claim) or is_ambiguous(claim.object, claim)
    if yes or likely:
        t, f = (yes or likely)[0]
        return ex.verdict("supported",
                          supported_confidence(f.p or 0.0, w, f.gap, ambiguous=ambiguous),
                          f"{ex.held(t, facts)}, which covers {w.noun()}: {where}'s {role}, "
                          f"the counterpart of {ref}", [t, *ref_terms], facts)
    if any(f.coverage is Coverage.MAYBE for _, f in own):
        t = next(t for t, f in own if f.coverage is Coverage.MAYBE)
        return ex.verdict("not_enough_evidence", 0.0,
                          f"{ex.held(t, facts)}; the recorded dates do not tell whether that "
                          f"covers {w.noun()}", [t], facts)
    occupants = office_holders(facts, list(offices), w, exclude=person)
    known = {offices[t.position] for t, _ in occupants}
    unknown = {k for k in kinds if facts.offices(country, k)} - known
    q_now = [t for t in facts.positions(person) if ctx.fit(t, w).coverage is Coverage.YES]
    names = ex.join([f"{ex.person_label(t, facts)} ({ex.position_label(t, facts)}, "
                     f"{ex.span(t)})" for t, _ in occupants])
    q_was = (ex.join([ex.held(t, facts, who=False) for t in q_now]) if q_now
             else _own_record(q_name, own, person, facts))
    sentence = f"{w.text().capitalize()} {where}'s {role} was {names}; {q_name} was {q_was}"
    if not occupants or unknown:
        missing = ex.join(sorted(KIND_NAMES[k] for k in unknown)) if unknown else role
        return ex.verdict("not_enough_evidence", 0.0,
                          f"The knowledge base records no term of {q_name} as {where}'s {role} "
                          f"{w.text()} and does not know who was {where}'s {missing} then",
                          [t for t, _ in occupants], facts)
    as_of, source = facts.office_as_of(set(offices))
    blocker = refutation_blocker(w, as_of, ambiguous=ambiguous, source=source)
    gaps = [f.gap for _, f in own if f.gap is not None]
    if blocker is None and gaps and min(gaps) <= BOUNDARY_DAYS:
        blocker = f"{q_name}'s term began or ended within {BOUNDARY_DAYS} days of that date"
    if blocker is None and any(hinges_on_handover(facts, set(offices), o, w, person)
                               for o in occupants):
        blocker = f"the office changed hands within {BOUNDARY_DAYS} days of that date"
    terms = [*(t for t, _ in occupants), *(t for t, _ in own), *q_now, *ref_terms]
    if blocker is not None:
        return ex.verdict("not_enough_evidence", 0.0,
                          f"{sentence}; no refutation is given because {blocker}", terms, facts)
    gap = min([*gaps, *(f.gap for _, f in occupants if f.gap is not None)], default=None)
    return ex.verdict("refuted", refuted_confidence(w, gap, both=True),
                      f"{sentence}, so not the counterpart of {ref}", terms, facts)


def _own_record(name: str, own: list[tuple[Term, Fit]], person: str, facts: Facts) -> str:
    """What the KB says of the named person when no term covers the time: their own terms in the
    offices at stake, else in any office newscheck checks ("not in that office then; Chung
    Eui-yong was Foreign Minister of South Korea from 2021-02-09 to 2022-05-12")."""
    terms = [t for t, _ in own] or [t for t in facts.positions(person)
                                    if facts.kind(t.position) in SPECIFIC_KINDS]
    if not terms:
        return "not recorded in any office"
    terms = sorted(terms, key=lambda t: (t.start.value if t.start else date.min,
                                         t.position))[-3:]
    return (f"in no recorded office then ({name} was "
            f"{ex.join([ex.held(t, facts, who=False) for t in terms])})")
