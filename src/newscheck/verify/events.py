"""``meeting``, ``visit`` and ``first``: events the knowledge base does not record.

The KB holds who held which office when, not who met whom or went where, so the event itself
always gets not_enough_evidence. The explanation says exactly that and adds what the KB *does*
confirm about the participants at the event's time — the offices each held then (those terms
are the verdict's evidence), or that the KB records none, or does not know the name. A reader
can then see at a glance whether "Prime Minister X met President Y" is at least consistent with
who held office. A "first" claim would be refuted only by evidence of an earlier occurrence,
never by its absence — and the KB has no such evidence.
"""

from __future__ import annotations

from ..model import Claim, Coverage, EntityRef, Term, Verdict
from . import explain as ex
from .offices import Context, is_ambiguous, mention
from .policy import Window


def _when(w: Window | None) -> str:
    return f" {w.text()}" if w is not None else ""


def _person_facts(ref: EntityRef | None, claim: Claim, ctx: Context,
                  w: Window | None) -> tuple[str, list[Term]] | None:
    """"Fumio Kishida was Prime Minister of Japan" and the terms behind it (None: no person)."""
    if ref is None or not ref.mention:
        return None
    name = mention(ref, ctx.facts, ref.mention)
    if not ref.id:
        if is_ambiguous(ref, claim):
            return f"“{ref.mention}” may be one of several people in the knowledge base", []
        return f"“{ref.mention}” is not in the knowledge base", []
    if w is None:
        return None
    terms = [t for t in ctx.facts.positions(ref.id) if ctx.fit(t, w).coverage is Coverage.YES]
    if not terms:
        return f"the knowledge base records no office of {name}", []
    offices = ex.join(list(dict.fromkeys(ex.position_label(t, ctx.facts) for t in terms)))
    return f"{name} was {offices}", terms


def _context(claim: Claim, ctx: Context, refs: list[EntityRef | None]) -> tuple[str, list[Term]]:
    """" On 2023-05-07, A was Prime Minister of Japan and B was President of South Korea (both
    recorded)." and the terms behind it."""
    w = ctx.window(claim)
    found = [f for f in (_person_facts(r, claim, ctx, w) for r in refs) if f is not None]
    if not found:
        return "", []
    recorded = sum(1 for _, ts in found if ts)
    parts = [text for text, _ in found]
    when = w.text() if w is not None else ""
    head = f" {when[:1].upper()}{when[1:]}, " if when else " "
    note = (" (both recorded)" if recorded == 2 and len(found) == 2
            else " (recorded)" if recorded == 1 and len(found) == 1 else "")
    sentence = f"{head}{ex.join(parts, 'and')}{note}."
    return sentence, [t for _, ts in found for t in ts]


def _verb(claim: Claim, done: str, plan: str) -> str:
    return plan if claim.qualifiers.get("planned") else done


def check_meeting(claim: Claim, ctx: Context) -> Verdict:
    a = mention(claim.subject, ctx.facts, "someone")
    b = mention(claim.object, ctx.facts, "someone")
    w = ctx.window(claim)
    call = claim.qualifiers.get("mode") == "call"
    what = "spoke with" if call else _verb(claim, "met", "was due to meet")
    context, terms = _context(claim, ctx, [claim.subject, claim.object])
    return ex.verdict("not_enough_evidence", 0.0,
                      f"The knowledge base records offices, not meetings: it cannot confirm "
                      f"that {a} {what} {b}{_when(w)}.{context}", terms, ctx.facts)


def check_visit(claim: Claim, ctx: Context) -> Verdict:
    a = mention(claim.subject, ctx.facts, "someone")
    place = claim.object.mention if claim.object is not None and claim.object.mention else (
        str(claim.qualifiers.get("place") or "the place"))
    w = ctx.window(claim)
    what = _verb(claim, "visited", "was due to visit")
    context, terms = _context(claim, ctx, [claim.subject])
    return ex.verdict("not_enough_evidence", 0.0,
                      f"The knowledge base records offices, not travel: it cannot confirm that "
                      f"{a} {what} {place}{_when(w)}.{context}", terms, ctx.facts)


def check_first(claim: Claim, ctx: Context) -> Verdict:
    a = mention(claim.subject, ctx.facts, "someone")
    event = str(claim.qualifiers.get("event") or "event")
    noun = {"visit": "visits", "meeting": "meetings"}.get(event, "such events")
    refs = [claim.subject] + ([claim.object] if claim.object is not None
                              and claim.object.mention and event == "meeting" else [])
    context, terms = _context(claim, ctx, refs)
    return ex.verdict("not_enough_evidence", 0.0,
                      f"The knowledge base has no record of earlier {noun} by {a}, and a "
                      f"“first” is never refuted for lack of such a record.{context}", terms,
                      ctx.facts)
