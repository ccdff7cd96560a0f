"""Stage 3: atomic, time-anchored claims about people, offices and meetings.

``extract_claims(article, kb, anchor)`` splits the text into sentences (:mod:`.sentences`), finds
mentions with the KB's gazetteer (:mod:`.mentions`), time expressions (:mod:`.timex`) and applies
the claim patterns (:mod:`.patterns`, :mod:`.events`) sentence by sentence. Claims carry their
span in ``article.text``, the gazetteer's candidate ids and qualifiers; choosing among candidates
is stage 4 (:mod:`newscheck.linking`). Claim ids are ``c1``, ``c2``, … in text order.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import rx
from ..model import Article, Claim, EntityRef, TimeAnchor
from .checkworthy import is_checkworthy
from .congress import congress_claims, overlaps
from .draft import Context, Draft, claim_time, key
from .eventbase import EventState
from .events import meeting_claims, visit_claims
from .firsts import first_claims
from .mentions import Mention, find_mentions
from .patterns import counterpart_claims, generic_former_claims, role_claims
from .sentences import Sentence, split_sentences
from .timex import find_timexes

if TYPE_CHECKING:
    from ..knowledge import KnowledgeBase

__all__ = ["extract_claims", "split_sentences"]

_HE_SHE = rx.compile(r"[\"“]?(He|She)\b")
_KIND_ORDER = {k: i for i, k in enumerate(
    ("role", "former_role", "counterpart", "meeting", "visit", "first", "other"))}


def extract_claims(article: Article, kb: KnowledgeBase, anchor: TimeAnchor) -> list[Claim]:
    """Every claim of ``article``, in text order, with ids ``c1``, ``c2``, …"""
    from ..gazetteer import gazetteer_for

    text = article.text
    sentences = split_sentences(text)
    mentions = find_mentions(text, gazetteer_for(kb), {s.start for s in sentences})
    anchor_day = anchor.date or anchor.end or anchor.start
    all_timexes = find_timexes(text, 0, anchor_day) if anchor_day else []
    k = 0
    drafts: list[tuple[Draft, Sentence]] = []
    stated: dict[int, Mention] = {}
    previous: Mention | None = None
    state = EventState()
    i = 0
    for sent in sentences:
        ms: list[Mention] = []
        while i < len(mentions) and mentions[i].start < sent.start:
            i += 1
        j = i
        while j < len(mentions) and mentions[j].end <= sent.end:
            ms.append(mentions[j])
            j += 1
        while k < len(all_timexes) and all_timexes[k].start < sent.start:
            k += 1
        timexes = []
        while k < len(all_timexes) and all_timexes[k].end <= sent.end:
            timexes.append(all_timexes[k])
            k += 1
        pm = _HE_SHE.match(sent.text)     # "He met his counterpart …": the one plausible one
        ctx = Context(text, sent, ms, timexes, anchor,
                      previous if pm is None else state.ante.resolve(pm.group(1)), stated)
        events = [*meeting_claims(ctx, state), *visit_claims(ctx, state)]
        events += first_claims(ctx, state, events)
        congress = congress_claims(ctx)
        found = [*congress, *(d for d in role_claims(ctx) + generic_former_claims(ctx)
                              if not any(overlaps(c, d) for c in congress)),
                 *counterpart_claims(ctx), *events]
        state.advance(ctx, events)
        if not found and is_checkworthy(ctx):
            found.append(Draft("other", sent.start, sent.end, claim_time(ctx, sent.start)))
        drafts.extend((d, sent) for d in _dedupe(found))
        persons = [m for m in ms if m.kind == "person"]
        if persons:
            previous = persons[0]
    drafts.sort(key=lambda ds: (ds[0].start, ds[0].end, _KIND_ORDER[ds[0].kind]))
    return [_claim(f"c{n}", d, s, text) for n, (d, s) in enumerate(drafts, 1)]


def _dedupe(drafts: list[Draft]) -> list[Draft]:
    seen: set[tuple[object, ...]] = set()
    out: list[Draft] = []
    for d in drafts:
        sig = (d.kind if d.kind != "former_role" else "role",
               key(d.subject) if d.subject else None,
               key(d.object) if d.object and d.object.kind == "person" else
               (d.object.office_kind if d.object else d.qualifiers.get("place")))
        if sig in seen:
            continue
        seen.add(sig)
        out.append(d)
    return out


def _ref(m: Mention) -> EntityRef:
    return EntityRef(mention=m.text, start=m.start, end=m.end, candidates=m.ids)


def _claim(cid: str, d: Draft, sent: Sentence, text: str) -> Claim:
    obj: EntityRef | None = _ref(d.object) if d.object is not None else None
    if obj is None and d.place is not None:
        s, e, name, country = d.place
        obj = EntityRef(mention=name, id=country, start=s, end=e)
    return Claim(id=cid, kind=d.kind, text=text[d.start:d.end],  # type: ignore[arg-type]
                 sentence=sent.text, start=d.start, end=d.end, time=d.time,
                 subject=_ref(d.subject) if d.subject is not None else None, object=obj,
                 qualifiers=dict(d.qualifiers))
