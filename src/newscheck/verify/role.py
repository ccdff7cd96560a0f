"""``role``: did person P hold office O at time T?

supported  P has a term in O (or the same office under another name) that covers T — or, for a
           period such as "in 2015", overlaps it. A MAYBE caused only by coarse term dates
           supports when the chance of coverage is at least MAYBE_SUPPORT_MIN.
refuted    the KB records P's terms in O and none comes near T, or O is a single-holder office
           someone else held at T and P has no term there; never when T is after the KB's as-of
           date, before the KB's record of O begins, within BOUNDARY_DAYS of a term boundary, or
           when the name is ambiguous.
otherwise  not_enough_evidence, saying which fact is missing.
"""

from __future__ import annotations

from ..knowledge.schema import norm
from ..model import Claim, Coverage, Term, TimeAnchor, Verdict
from . import explain as ex
from .congress import check_congress_at
from .facts import Facts
from .offices import (
    Context,
    Target,
    foreign_office,
    hinges_on_handover,
    is_ambiguous,
    mention,
    named_like,
    office_holders,
    people,
    record_start,
    resolve_office,
)
from .policy import (
    BOUNDARY_DAYS,
    MAYBE_SUPPORT_MIN,
    Fit,
    Window,
    refutation_blocker,
    refuted_confidence,
    supported_confidence,
    window_of,
)
from .sources import DISAGREEMENT_FACTOR, disagreeing, source_text, term_as_of


def check_role(claim: Claim, ctx: Context) -> Verdict:
    # "Sen. X (D-Mass.)", "House Speaker X": chamber, state, party (verify/congress.py)
    check_at = check_congress_at if claim.qualifiers.get("congress") else check_role_at
    v = check_at(claim, ctx, ctx.window(claim))
    if v.label != "refuted":
        return v
    if claim.qualifiers.get("title_now") and claim.time.basis not in ("published", "inferred",
                                                                        "today"):
        # "Prime Minister Kishida defended the deal reached in 2015": the sentence's time may
        # not be the title's; the title may be the one held when the article was written
        now = window_of(TimeAnchor(basis="published", date=ctx.fallback), ctx.fallback)
        if check_at(claim, ctx, now).label != "refuted":
            return ex.withheld(v, f"the title may be the one held when the article was "
                                  f"written ({ctx.fallback.isoformat()}), and it is not refuted "
                                  f"then")
    blocker = ex.unread_time_blocker(claim.qualifiers)
    return ex.withheld(v, blocker) if blocker else v


def check_role_at(claim: Claim, ctx: Context, w: Window | None) -> Verdict:
    """The role check for ``claim`` at window ``w`` (also used for "then-" claims)."""
    facts = ctx.facts
    who = mention(claim.subject, facts)
    ids = people(claim.subject)
    office = (claim.object.mention if claim.object else "") or "the office"
    if not ids and w is not None and (holder := holder_by_surname(claim, facts, w)):
        v = check_role_at_person(claim, ctx, w, holder)
        return Verdict(v.label, v.confidence, f"“{who}” is read as {facts.label(holder)}, "
                       f"who held that office then: {v.explanation}", v.evidence)
    if not ids:
        return ex.verdict("not_enough_evidence", 0.0,
                          f"“{who}” could not be found in the knowledge base, so whether they "
                          f"were {office} cannot be checked")
    if w is None:
        return ex.verdict("not_enough_evidence", 0.0, "The claim has no date to check it at")
    ambiguous = is_ambiguous(claim.subject, claim) or len(ids) > 1
    verdicts = []
    for person in ids:
        target = resolve_office(claim, facts, person)
        if target is None:
            verdicts.append(ex.verdict(
                "not_enough_evidence", 0.0,
                f"The office “{office}” could not be identified in the knowledge base, so it "
                f"cannot be checked whether {facts.label(person, who)} held it {w.text()}"))
            continue
        verdicts.append(assess(person, target, w, ctx, ambiguous=ambiguous))
    if len(verdicts) == 1:
        return verdicts[0]
    # Several people could be meant: support if one of them fits, never refute.
    supported = [v for v in verdicts if v.label == "supported"]
    if supported:
        best = max(supported, key=lambda v: v.confidence)
        names = ex.join([facts.label(i) for i in ids], "or")
        return Verdict("supported", best.confidence, f"“{who}” could be {names}; "
                       f"{best.explanation}", best.evidence)
    return ex.verdict("not_enough_evidence", 0.0,
                      f"“{who}” could be {ex.join([facts.label(i) for i in ids], 'or')}, and "
                      f"none of them is recorded as {office} {w.text()}; no verdict is given "
                      f"for an ambiguous name")


def check_role_at_person(claim: Claim, ctx: Context, w: Window, person: str) -> Verdict:
    """The role check of ``claim`` for one known ``person``."""
    target = resolve_office(claim, ctx.facts, person)
    if target is None:      # not reached: holder_by_surname resolved the office already
        return ex.verdict("not_enough_evidence", 0.0, "The office could not be identified")
    return assess(person, target, w, ctx, ambiguous=is_ambiguous(claim.subject, claim))


def holder_by_surname(claim: Claim, facts: Facts, w: Window) -> str | None:
    """"Ukrainian president Zelensky": a lone surname the KB holds under no name, read as the
    one person who held the named office during ``w`` and whose name ends with that word. The
    claim can then only be supported (that person held the office then), never refuted."""
    ref = claim.subject
    if ref is None or ref.id or ref.candidates or not ref.mention:
        return None
    word = ref.mention.strip()
    if len(word.split()) != 1 or not word[:1].isupper():
        return None
    target = resolve_office(claim, facts, None)
    if target is None or target.generic:
        return None
    key = norm(word)
    found = set()
    for t, _ in office_holders(facts, target.positions, w, exclude=None):
        ent = facts.entity(t.person)
        names = {t.person_label, *((ent.label, *ent.aliases) if ent is not None else ())}
        if any(norm(n).split()[-1:] == [key] for n in names if n):
            found.add(t.person)
    return found.pop() if len(found) == 1 else None


def assess(person: str, target: Target, w: Window, ctx: Context, *, ambiguous: bool) -> Verdict:
    """Verdict on "``person`` held ``target`` during ``w``"."""
    facts = ctx.facts
    who = facts.label(person)
    own = [(t, ctx.fit(t, w)) for t in facts.positions(person) if t.position in target.positions]
    covering = [(t, f) for t, f in own if f.coverage is Coverage.YES]
    if covering:
        t, f = max(covering, key=lambda tf: tf[1].gap if tf[1].gap is not None else 10**6)
        # a source that records the tenure in pieces (one term per cabinet) disagrees only if
        # none of its pieces covers w
        fitting = {o.source for o, g in own if g.coverage is not Coverage.NO}
        other = disagreeing(t, [o for o, g in own if g.coverage is Coverage.NO
                                and o.source not in fitting], facts.as_of)
        equivalent = t.position != target.written
        verb = "covers" if w.is_point else "overlaps"
        also = ""
        if equivalent and target.written is None:
            also = f" (the office the article calls “{target.label}”)"
        elif equivalent:
            also = f" (the same office as {target.label} under another name)"
        conf = supported_confidence(1.0, w, f.gap, ambiguous=ambiguous, equivalent=equivalent)
        sentence = f"{ex.held(t, facts)}{also}, which {verb} {w.noun()}"
        if other:
            return _sources_disagree(t, other, sentence, conf, ctx)
        return ex.verdict("supported", conf, sentence, [t], facts)
    maybes = [(t, f) for t, f in own if f.coverage is Coverage.MAYBE]
    likely = [(t, f) for t, f in maybes if f.p is not None and f.p >= MAYBE_SUPPORT_MIN]
    if likely:
        t, f = max(likely, key=lambda tf: tf[1].p or 0.0)
        assert f.p is not None
        return ex.verdict("supported",
                          supported_confidence(f.p, w, f.gap, ambiguous=ambiguous,
                                               equivalent=t.position != target.written),
                          f"{ex.held(t, facts)}; the recorded dates are not precise to the day, "
                          f"but the term most likely covers {w.noun()} "
                          f"(estimated chance {f.p:.0%})", [t], facts)
    if maybes:
        return _undecided(maybes, w, ctx)
    titled = _held_under_title(person, target, w, ctx)
    if titled is not None:
        t, f = titled
        if target.written is None:
            return ex.verdict("supported",
                              supported_confidence(f.p or 0.0, w, f.gap, ambiguous=ambiguous,
                                                   equivalent=True),
                              f"{ex.held(t, facts)} (an office the article calls "
                              f"“{target.mention}”), which covers {w.noun()}", [t], facts)
        return ex.verdict("not_enough_evidence", 0.0,
                          f"{ex.held(t, facts)}, an office also called “{target.mention}”, "
                          f"which covers {w.noun()}; the article's words were read as "
                          f"{target.label}, so no verdict is given", [t], facts)
    return _refute_or_not(person, who, target, w, ctx, [t for t, _ in own],
                          [f for _, f in own], ambiguous=ambiguous)


def _held_under_title(person: str, target: Target, w: Window,
                      ctx: Context) -> tuple[Term, Fit] | None:
    """A term of ``person`` (likely) covering ``w`` in an office named like the article's words."""
    if not target.mention:
        return None
    for t in ctx.facts.positions(person):
        f = ctx.fit(t, w)
        likely = f.coverage is Coverage.YES or (f.p is not None and f.p >= MAYBE_SUPPORT_MIN)
        if likely and named_like(ctx.facts, t, target.mention):
            return t, f
    return None


def _undecided(maybes: list[tuple[Term, Fit]], w: Window, ctx: Context) -> Verdict:
    facts = ctx.facts
    t, f = maybes[0]
    if f.reason == "after_as_of":
        as_of = term_as_of(t, facts.as_of)
        return ex.verdict("not_enough_evidence", 0.0,
                          f"{ex.held(t, facts)} according to {source_text(t, facts.as_of)}, "
                          f"whose data end on {as_of.isoformat() if as_of else '?'}, so it "
                          f"cannot tell whether that was still so {w.text()}",
                          [t for t, _ in maybes], facts)
    why = ("the knowledge base does not record when that term began" if f.reason == "no_start"
           else "the recorded dates are too coarse")
    return ex.verdict("not_enough_evidence", 0.0,
                      f"{ex.held(t, facts)}, but {why} to tell whether that covers {w.noun()}",
                      [t for t, _ in maybes], facts)


def _refute_or_not(person: str, who: str, target: Target, w: Window, ctx: Context,
                   own: list[Term], own_fits: list[Fit], *, ambiguous: bool) -> Verdict:
    """No term of ``person`` in the office comes near ``w``: refute if the evidence is positive
    and safe, else say what is missing."""
    facts = ctx.facts
    positions = target.positions
    now = [t for t in facts.positions(person) if ctx.fit(t, w).coverage is Coverage.YES]
    occupants: list[tuple[Term, Fit]] = []
    missing: list[str] = []
    for slot_positions in target.slots.values():
        single = [p for p in slot_positions if facts.single_holder(p)]
        occ = office_holders(facts, single, w, exclude=person)
        occupants += occ
        mine = [t for t in own if t.position in slot_positions]
        if not mine and not occ:
            missing += slot_positions[:1]
    sentence = _what_is_known(person, who, target, w, own, occupants, now, ctx)
    terms = [*own, *(t for t, _ in occupants), *now]
    if not own and not occupants:
        return ex.verdict("not_enough_evidence", 0.0,
                          f"The knowledge base records no term of {who} as {target.label} and "
                          f"does not know who held that office {w.text()}", now, facts)
    as_of, source = facts.office_as_of(positions)
    blocker = refutation_blocker(w, as_of, ambiguous=ambiguous, source=source)
    if blocker is None and target.generic:
        blocker = "the article names the office only by its kind"
    if blocker is None and not own:
        blocker = foreign_office(facts, person, target)
    if blocker is None and missing:
        blocker = (f"the knowledge base does not know who held {facts.label(missing[0])} "
                   f"{w.text()}")
    start = record_start(facts, positions)
    if blocker is None and (start is None or w.end < start):
        begins = f"begins on {start.isoformat()}" if start else "has no dates"
        blocker = f"the knowledge base's record of holders of this office {begins}"
    gaps = [f.gap for f in own_fits if f.gap is not None]
    if blocker is None and gaps and min(gaps) <= BOUNDARY_DAYS:
        blocker = (f"{w.noun()} is within {BOUNDARY_DAYS} days of the start or end of "
                   f"{who}'s term")
    if blocker is None and any(hinges_on_handover(facts, positions, o, w, person)
                               for o in occupants):
        blocker = f"the office changed hands within {BOUNDARY_DAYS} days of {w.noun()}"
    if blocker is not None:
        return ex.verdict("not_enough_evidence", 0.0,
                          f"{sentence}; no refutation is given because {blocker}", terms, facts)
    gap = min([*gaps, *(f.gap for _, f in occupants if f.gap is not None)], default=None)
    conf = refuted_confidence(w, gap, both=bool(own) and bool(occupants))
    return ex.verdict("refuted", conf, f"{sentence}. Source: {_decided_by(terms, facts)}",
                      terms, facts)


def _decided_by(terms: list[Term], facts: Facts) -> str:
    """The sources of the terms a verdict rests on, each with its date."""
    return ex.join(list(dict.fromkeys(source_text(t, facts.as_of) for t in terms)))


def _sources_disagree(t: Term, others: list[Term], sentence: str, conf: float,
                      ctx: Context) -> Verdict:
    """Two sources record one tenure differently and only one covers the claim's time: the
    claim is supported (never refuted on the weaker record), at lower confidence, with both
    records as evidence."""
    facts = ctx.facts
    told = ex.join([f"{source_text(o, facts.as_of)} records {ex.held(o, facts, who=False)}"
                    for o in others])
    return ex.verdict("supported", round(conf * DISAGREEMENT_FACTOR, 3),
                      f"{sentence} according to {source_text(t, facts.as_of)}; the sources "
                      f"disagree: {told}", [t, *others], facts)


def _what_is_known(person: str, who: str, target: Target, w: Window, own: list[Term],
                   occupants: list[tuple[Term, Fit]], now: list[Term], ctx: Context) -> str:
    """"Fumio Kishida was Minister for Foreign Affairs of Japan from 2012-12-26 to 2017-08-03;
    on 2023-05-07 that office was held by Yoshimasa Hayashi (from 2021-11-10), and Fumio Kishida
    was Prime Minister of Japan (from 2021-10-04)"."""
    facts = ctx.facts
    parts: list[str] = []
    if own:
        by_office: dict[str, list[Term]] = {}
        for t in own:
            by_office.setdefault(ex.position_label(t, facts), []).append(t)
        parts.append(ex.join([f"{label} {ex.spans(ts)}" for label, ts in by_office.items()]))
        first = f"{who} was {parts[0]}"
    else:
        first = f"The knowledge base records no term of {who} as {target.label}"
    if not occupants:
        first += f", which does not cover {w.noun()}" if own else ""
    else:
        names = ex.join([f"{ex.person_label(t, ctx.facts)} ({ex.span(t)})"
                         for t, _ in occupants])
        first += f"; {w.text()} that office was held by {names}"
    current = [t for t in now if t.position not in target.positions]
    if current:
        first += (f", and {who} was " + ex.join([f"{ex.position_label(t, facts)} "
                                                f"({ex.span(t)})" for t in current]))
    elif occupants:
        first += f", and the knowledge base records no office of {who} at that time"
    return first
