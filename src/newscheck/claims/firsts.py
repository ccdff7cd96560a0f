""""First" claims: a person's (or a pair's) first visit, meeting or other deed.

* "his/her first (official) visit to P", "X's first trip abroad", "on his first G7 meeting":
  the possessor (his/her → the sentence's subject);
* "their first (face-to-face) meeting", "the first between them": the sentence's subject and
  the person met (object);
* "the first visit to China by an Australian prime minister": the person the sentence is about
  (the agent phrase is a description) — or, with no person in the sentence, the last event's
  subjects ("The visit … was the first overseas trip by members of Biden's cabinet");
* "for the first time": the sentence's subject; "the first Asian to hold the post": the subject.

"The first trilateral summit in two years" (a format, no person) is not a claim, nor is a
"first" about a hedged event ("is expected to visit China, the first such trip since 2016").
The object is the place of a first visit ("to P", else the sentence's visit) or the person of
a first meeting; ``event`` is visit, meeting or other; ``since`` the "since …" bound.
"""

from __future__ import annotations

import re
from typing import Any

from .. import rx
from .draft import Context, Draft, key
from .eventbase import (
    EventState,
    event_time,
    masked,
    persons,
    place_at,
    sentence_subjects,
)
from .mentions import Mention

_STOPWORD = r"(?:of|to|with|by|in|on|at|for|from|since|as|and|between|time|such|than)"
_FIRST = rx.compile(
    r"\b(?:(?P<det>the|his|her|their|its|a|[A-Z][\w’'\-]*['’]s)\s+)?first\s+"
    rf"(?P<mods>(?:such\s+)?(?:(?!{_STOPWORD}\b)[\w’'\-\"“”]+\s+){{0,3}}?)"
    r"(?P<noun>visit|trip|journey|tour|meeting|summit|talks|encounter|conversation|bilateral|"
    r"time)\b", re.I)
_BETWEEN_THEM = rx.compile(r"\bthe\s+first\s+(?:such\s+\w+\s+)?(?:meeting\s+|talks\s+)?"
                           r"between\s+them\b", re.I)
_FIRST_TO = rx.compile(r"\b(?:the|a)\s+first\s+(?P<who>(?:[\w-]+\s+){1,3}?)to\s+(?:hold|serve|"
                       r"become|lead|head|win|address|take|visit)\b", re.I)
_NOT_FIRST = rx.compile(r"\bfirst\s+(?:lady|half|quarter|round|deputy|vice|secretary|place|"
                        r"step|day|week|month|year|phase|stage|of\s+all|stop)\b", re.I)
_TAIL = rx.compile(r"[^,;.]*")
_CUT = rx.compile(r"\s+(?:on\s+the\s+sidelines|at\s+the|during|when|while|and\s+(?!South|North)"
                  r"[a-z]|(?:was|is|were|are|will|had|has)\s)")
_PLAN_BEFORE = rx.compile(r"\b(?:will|due\s+to|set\s+to|scheduled\s+to|plans?\s+to)\b", re.I)
_HEDGE_BEFORE = rx.compile(r"\b(?:could|may|might|would|hopes?\s+to|expected\s+to|likely\s+to|"
                           r"not|never|n't|if|whether)\b", re.I)


def first_claims(ctx: Context, state: EventState, drafts: list[Draft]) -> list[Draft]:
    """``drafts``: the sentence's meeting and visit claims (a first visit takes their place)."""
    out: list[Draft] = []
    base = ctx.sentence.start
    hits: list[tuple[int, int, str, str | None]] = []      # start, noun end, event, det
    for fm in _FIRST.finditer(ctx.sentence.text):
        if _NOT_FIRST.search(fm.group(0)):
            continue
        noun = fm.group("noun").lower()
        event = ("visit" if noun in ("visit", "trip", "journey", "tour") else "other"
                 if noun == "time" else "meeting")
        hits.append((base + fm.start(), base + fm.end(), event,
                     fm.group("det").lower() if fm.group("det") else None))
    for bm in _BETWEEN_THEM.finditer(ctx.sentence.text):
        if not any(h[0] <= base + bm.start() < h[1] for h in hits):
            hits.append((base + bm.start(), base + bm.end(), "meeting", "their"))
    for tm in _FIRST_TO.finditer(ctx.sentence.text):
        if not any(h[0] <= base + tm.start() < h[1] for h in hits):
            hits.append((base + tm.start(), base + tm.end(), "other", "to"))
    for start, noun_end, event, det in sorted(hits):
        head = ctx.text[ctx.sentence.start:start]
        if _HEDGE_BEFORE.search(head) and not re.search(r"\bfor\s+the\s+$", head):
            continue
        end = _phrase_end(ctx, noun_end)
        phrase = ctx.text[start:end]
        agent = re.search(r"\bby\s+", phrase)
        subs = _subjects(ctx, state, start, end, det, agent is not None, event, drafts)
        if not subs:
            continue
        if det is not None and det.endswith(("'s", "’s")) and subs[0].start >= ctx.sentence.start:
            start = min(start, subs[0].start)     # "Yoon Suk Yeol's first G7 summit"
        quals: dict[str, Any] = {"event": event}
        sm = re.search(r"\bsince\b.*$", phrase)
        if sm is not None:
            quals["since"] = sm.group().strip()
        if _PLAN_BEFORE.search(head):
            quals["planned"] = True
        for a in subs:
            obj, place = _object(ctx, a, start, end, event, det, drafts)
            q = dict(quals)
            if place is not None:
                q["place"] = place[2]
                if place[3]:
                    q["place_id"] = place[3]
            time, _ = event_time(ctx, state, start, a.start if a.end <= start else start,
                                 bool(q.get("planned")))
            text_end = max(end, place[1] if place is not None and place[0] >= start else end)
            out.append(Draft("first", start, text_end, time, a, obj,
                             place if obj is None else None, q))
    return out


def _phrase_end(ctx: Context, noun_end: int) -> int:
    """The phrase up to the clause's end, less a trailing time or venue."""
    tm = _TAIL.match(ctx.text, noun_end, ctx.sentence.end)
    end = tm.end() if tm is not None else noun_end
    cut = _CUT.search(ctx.text, noun_end, end)
    if cut is not None:
        end = cut.start()
    for t in ctx.timexes:
        if noun_end <= t.start < end and t.role in ("at", "range") and not re.search(
                r"\bsince\b", ctx.text[noun_end:t.start]):
            end = t.start
    return len(ctx.text[:end].rstrip())


def _subjects(ctx: Context, state: EventState, start: int, end: int, det: str | None,
              agent: bool, event: str, drafts: list[Draft]) -> list[Mention]:
    if det is not None and det not in ("the", "a", "his", "her", "their", "its", "to"):
        return [m for m in persons(ctx) if m.end == start + len(det) - 2][:1]
    after_time = next((m for m in persons(ctx) if re.fullmatch(
        r"first\s+time\s+(?:that\s+)?", ctx.text[start:m.start].split(" ", 1)[-1])), None)
    if after_time is not None:
        return [after_time]     # "the first time Vindman had registered his concerns"
    if re.match(r"(?:the\s+|a\s+)?first\s+time\s+(?:that\s+)?[A-Z]", ctx.text[start:end]):
        return []               # … an unknown name: whose first it is is not known
    if det in ("the", "a") and not agent and event != "other":
        return []           # "the first trilateral summit in two years": no person
    by = re.search(r"\bby\s+", ctx.text[start:end])
    if by is not None:
        at = start + by.end()
        direct = next((m for m in persons(ctx) if at <= m.span_start <= at + 1
                       or (at <= m.start and masked(ctx, at, m.start).strip() == "X")), None)
        if direct is not None:
            return [direct]
    subs = sentence_subjects(ctx, state, start)
    if not subs and by is not None:
        subs = list(state.subjects) if state.subjects_age <= 2 else []
    if not subs and ctx.previous_subject is not None and re.match(
            r"[\"“]?(?:It|This|That|He|She)\b", ctx.sentence.text):
        subs = [ctx.previous_subject]
    if det == "their" and not subs:      # "A and B, who held talks, the first between them"
        subs = [d.subject for d in drafts if d.kind == "meeting" and d.subject is not None
                and d.end <= start][-1:]
    if det == "their" or (det in ("his", "her") and subs):
        subs = subs[:1]
    return subs


def _object(ctx: Context, a: Mention, start: int, end: int, event: str, det: str | None,
            drafts: list[Draft]) -> tuple[Mention | None, tuple[int, int, str, str | None] | None]:
    """The person of a first meeting, the place of a first visit."""
    if event == "visit":
        to = re.search(r"\bto\s+", ctx.text[start:end])
        return None, place_at(ctx, start + to.end()) if to is not None else None
    if event != "meeting":
        return None, None
    with_ = re.search(r"\bwith\s+", ctx.text[start:end])
    if with_ is not None:
        at = start + with_.end()
        m = next((p for p in persons(ctx) if at <= p.start <= end), None)
        if m is not None and key(m) != key(a):
            return m, None
    if det == "their":
        partner = next((d.object for d in drafts if d.kind == "meeting" and d.subject is not None
                        and key(d.subject) == key(a) and d.object is not None), None)
        if partner is None:
            partner = next((p for p in persons(ctx) if key(p) != key(a) and p.end <= start),
                           None)
        return partner, None
    return None, None
