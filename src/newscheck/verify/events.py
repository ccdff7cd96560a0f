"""``meeting``, ``visit`` and ``first``: events the knowledge base does not record.

The KB holds who held which office when, not who met whom or went where. These claims get
not_enough_evidence with an honest reason; the offices named in the same sentence ("Prime
Minister Kishida met ...") are separate role claims and are checked on their own. A "first"
claim would be refuted only by evidence of an earlier occurrence, never by its absence — and the
KB has no such evidence.
"""

from __future__ import annotations

from ..model import Claim, Verdict
from . import explain as ex
from .offices import Context, mention


def _when(claim: Claim, ctx: Context) -> str:
    w = ctx.window(claim)
    return f" {w.text()}" if w is not None else ""


def _unknown(claim: Claim, ctx: Context) -> str:
    missing = [r.mention for r in (claim.subject, claim.object)
               if r is not None and not r.id and not r.candidates and r.mention]
    if not missing:
        return ""
    return f" (“{'”, “'.join(missing)}” is not in the knowledge base either)"


def check_meeting(claim: Claim, ctx: Context) -> Verdict:
    a = mention(claim.subject, ctx.facts, "someone")
    b = mention(claim.object, ctx.facts, "someone")
    return ex.verdict("not_enough_evidence", 0.0,
                      f"The knowledge base records offices, not meetings, so whether {a} met "
                      f"{b}{_when(claim, ctx)} cannot be checked{_unknown(claim, ctx)}; the "
                      f"offices named in the sentence are checked as separate claims")


def check_visit(claim: Claim, ctx: Context) -> Verdict:
    a = mention(claim.subject, ctx.facts, "someone")
    place = mention(claim.object, ctx.facts, "the place")
    return ex.verdict("not_enough_evidence", 0.0,
                      f"The knowledge base records offices, not travel, so whether {a} visited "
                      f"{place}{_when(claim, ctx)} cannot be checked{_unknown(claim, ctx)}; the "
                      f"offices named in the sentence are checked as separate claims")


def check_first(claim: Claim, ctx: Context) -> Verdict:
    a = mention(claim.subject, ctx.facts, "someone")
    event = str(claim.qualifiers.get("event") or "event")
    return ex.verdict("not_enough_evidence", 0.0,
                      f"The knowledge base has no record of earlier {event}s by {a}, and a "
                      f"“first” is never refuted for lack of such a record")
