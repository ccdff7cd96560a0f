"""Meeting, visit, "first" and other claims from one sentence.

* meeting: "A met (with) B", "A held talks with B", "A hosted B", "A and B met", "talks between
  A and B"; a place ("in Seoul") and the sentence's time when stated
* visit: "A visited P", "A travelled to P", "A arrived in P", "A's visit to P"
* first: "first visit", "for the first time", "the first … since 2011"
* other: a remaining sentence worth checking (numbers, dates, names), not a question, a quote
  or boilerplate

Future and hedged forms ("will visit", "plans to meet") are not claims about what happened.
"""

from __future__ import annotations

import itertools
import re
from typing import Any

from .mentions import Mention
from .patterns import Context, Draft, claim_time, key

_MEET = re.compile(r"\b(?:met(?:\s+with)?|meets(?:\s+with)?|meet(?:\s+with)?|"
                   r"(?:held|holds|hold)\s+(?:(?:his|her|their|a|an|the)\s+)?"
                   r"(?:[\w-]+\s+){0,2}?(?:talks|summit|meeting|meetings)(?:\s+[\w-]+){0,4}?"
                   r"\s+with|hosted|hosts|sat\s+down\s+with|conferred\s+with|"
                   r"was\s+(?:welcomed|received|greeted|hosted)(?:\s+[\w-]+){0,6}?\s+by|"
                   r"(?:for|during)\s+(?:talks|a\s+meeting|meetings|a\s+summit)\s+with)\b",
                   re.I)
_PLANNED = re.compile(r"\b(?:will|due|plans?\s+to|set\s+to|scheduled\s+to|is\s+to)\s+"
                      r"(?:\w+\s+){0,2}$|\bdue\s+in\s+$", re.I)
_REMOTE = re.compile(r"\b(?:tele)?phone|video|virtual", re.I)
_MET_TOGETHER = re.compile(r"\s+(?:met|held talks|hold talks|meet)\b", re.I)
_BETWEEN = re.compile(r"\b(?:talks|meeting|summit)\s+between\s+$", re.I)
_VISIT = re.compile(r"\b(?:visited|visits|visit|is\s+visiting|was\s+visiting|"
                    r"travell?ed\s+(?:on\s+)?to|travels\s+(?:on\s+)?to|travel\s+(?:on\s+)?to|"
                    r"travell?ing\s+(?:on\s+)?to|arrived\s+in|arrives\s+in|arrive\s+in|"
                    r"flew\s+to|landed\s+in|toured|is\s+due\s+in)\s+", re.I)
_VISIT_NOUN = re.compile(r"(?:['’]s|\b(?:his|her|their|a|an))\s+(?:(?:official|state|two-day|"
                         r"three-day|four-day|surprise|working|brief)\s+)*(?:visit|trip)\s+to\s+",
                         re.I)
# Uncertain or negated: not a claim. Plans ("will visit", "is due to meet") are kept: the
# article asserts the plan.
_HEDGE = re.compile(r"\b(?:could|may|might|would|hopes?\s+to|hoping\s+to|wants?\s+to|"
                    r"seeks?\s+to|refused\s+to|declined\s+to|failed\s+to|not|never|n't|"
                    r"expected\s+to|likely\s+to|"
                    r"no\s+plans?\s+to|if)\s+(?:\w+\s+){0,2}$", re.I)
# Words allowed between a meeting verb and its object ("met with his Japanese counterpart, ...").
_OBJ_FILLER = frozenset({"with", "his", "her", "their", "the", "counterpart", "and", ",", "s",
                         "'s", "’s", "former", "then", "-", "new", "visiting"})
_PLACE = re.compile(r",?\s+(?:in|at)\s+(?:the\s+)?((?:[A-Z][\w’'\-]+)(?:\s+[A-Z][\w’'\-]+){0,2})")
_NOT_PLACE = re.compile(r"^(?:January|February|March|April|May|June|July|August|September|"
                        r"October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|"
                        r"Saturday|Sunday)\b")
_SUBJECT_GAP = re.compile(r"^(?:\s*,[^,]*,)?\s*(?:(?:also|then|later|first|has|had|have|will|"
                          r"is|was|are|due|to|set|expected|scheduled|plans?|on\s+\w+)\s+)*$")


def _subject(ctx: Context, before: int) -> Mention | None:
    """The person just before a verb (an appositive between them is allowed)."""
    persons = [m for m in ctx.mentions if m.kind == "person" and m.end <= before]
    if persons:
        p = persons[-1]
        gap = ctx.text[p.end:before]
        for m in ctx.mentions:      # offices in an appositive do not break the link
            if m.kind in ("office", "country") and p.end <= m.span_start and m.end <= before:
                gap = gap.replace(ctx.text[m.span_start:m.end], "X")
        if _SUBJECT_GAP.match(gap):
            # "A and B met": the first of the pair is the subject
            return p
    sent_head = ctx.text[ctx.sentence.start:before].strip()
    if sent_head in ("He", "She") and ctx.previous_subject is not None:
        return ctx.previous_subject
    return None


def _objects(ctx: Context, after: int) -> list[Mention]:
    """People right after a verb, skipping titles, "his counterpart" and "and"."""
    out: list[Mention] = []
    pos = after
    for m in ctx.mentions:
        if m.start < after:
            continue
        filler = re.findall(r"[\w’']+|[,\-]", ctx.text[pos:m.span_start])
        if any(w.lower() not in _OBJ_FILLER for w in filler):
            break
        if m.kind == "person":
            out.append(m)
        pos = m.end
        if len(out) == 2:
            break
    return out


def _place(ctx: Context, after: int) -> tuple[int, int, str, str | None] | None:
    end = ctx.sentence.end
    pm = _PLACE.search(ctx.text, after, end)
    if pm is None or _NOT_PLACE.match(pm.group(1)):
        return None
    s, e = pm.span(1)
    country = next((m.country for m in ctx.mentions if m.kind == "country"
                    and m.start == s), None)
    return s, e, ctx.text[s:e], country


def meeting_claims(ctx: Context) -> list[Draft]:
    out: list[Draft] = []
    base = ctx.sentence.start
    text = ctx.sentence.text
    for vm in _MEET.finditer(text):
        v_start, v_end = base + vm.start(), base + vm.end()
        if _HEDGE.search(ctx.text, max(ctx.sentence.start, v_start - 40), v_start) or (
                _REMOTE.search(vm.group(0))):
            continue
        a = _subject(ctx, v_start)
        if a is None:
            continue
        planned = _PLANNED.search(ctx.text, max(ctx.sentence.start, v_start - 40), v_start)
        for b in _objects(ctx, v_end):
            if key(b) == key(a):
                continue
            out.append(_meeting(ctx, a, b, a.start, b.end))
            if planned:
                out[-1].qualifiers["planned"] = True
    ms = [m for m in ctx.mentions if m.kind == "person"]
    for a, b in itertools.pairwise(ms):
        gap = ctx.text[a.end:b.start]
        for m in ctx.mentions:
            if m.kind == "office" and a.end <= m.span_start and m.end <= b.start:
                gap = gap.replace(ctx.text[m.span_start:m.end], "")
        if re.fullmatch(r"\s+and\s+(?:the\s+)?", gap) is None or key(a) == key(b):
            continue
        if _MET_TOGETHER.match(ctx.text, b.end) or _BETWEEN.search(
                ctx.text, ctx.sentence.start, a.start):
            out.append(_meeting(ctx, a, b, a.start, b.end))
    return out


def _meeting(ctx: Context, a: Mention, b: Mention, start: int, end: int) -> Draft:
    place = _place(ctx, b.end) or _place_anywhere(ctx)
    quals: dict[str, Any] = {}
    if place is not None:
        quals["place"] = place[2]
        if place[3]:
            quals["place_id"] = place[3]
    return Draft("meeting", start, end, claim_time(ctx, start), a, b, place=None,
                 qualifiers=quals)


def _place_anywhere(ctx: Context) -> tuple[int, int, str, str | None] | None:
    """A sentence that opens with "In Seoul, …" places its meeting there."""
    m = re.match(r"In\s+((?:the\s+)?[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)?),", ctx.sentence.text)
    if m is None or _NOT_PLACE.match(m.group(1)):
        return None
    s, e = ctx.sentence.start + m.start(1), ctx.sentence.start + m.end(1)
    country = next((c.country for c in ctx.mentions if c.kind == "country" and c.start == s),
                   None)
    return s, e, ctx.text[s:e], country


_PLACE_AT = re.compile(r"(?:the\s+)?([A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){0,2})")


def _visit_place(ctx: Context, at: int) -> tuple[int, int, str, str | None] | None:
    country = next((m for m in ctx.mentions if m.kind == "country" and at <= m.start <= at + 4),
                   None)
    if country is not None and ctx.text[at:country.start].strip() in ("", "the"):
        return country.start, country.end, country.text, country.country
    if any(m.kind == "person" and at <= m.start <= at + 4 for m in ctx.mentions):
        return None     # "visited Kishida" is a meeting, not a place
    pm = _PLACE_AT.match(ctx.text, at, ctx.sentence.end)
    if pm is None or _NOT_PLACE.match(pm.group(1)):
        return None
    return pm.start(1), pm.end(1), pm.group(1), None


def visit_claims(ctx: Context) -> list[Draft]:
    out: list[Draft] = []
    base = ctx.sentence.start
    for vm in (*_VISIT.finditer(ctx.sentence.text), *_VISIT_NOUN.finditer(ctx.sentence.text)):
        v_start, v_end = base + vm.start(), base + vm.end()
        if _HEDGE.search(ctx.text, max(ctx.sentence.start, v_start - 40), v_start):
            continue
        noun = vm.re is _VISIT_NOUN
        a = _possessor(ctx, v_start) if noun else _subject(ctx, v_start)
        place = _visit_place(ctx, v_end)
        if a is None or place is None:
            continue
        quals: dict[str, Any] = {"place": place[2]}
        if place[3]:
            quals["place_id"] = place[3]
        if _PLANNED.search(ctx.text, max(ctx.sentence.start, v_start - 40), v_start):
            quals["planned"] = True
        out.append(Draft("visit", a.start if a.end <= v_start else v_start, place[1],
                         claim_time(ctx, v_start), a, None, place, quals))
    return out


def _possessor(ctx: Context, at: int) -> Mention | None:
    """"Kishida's visit to …": the person right before "'s"; "his visit": the subject."""
    for m in ctx.mentions:
        if m.kind == "person" and m.end == at:
            return m
    persons = [m for m in ctx.mentions if m.kind == "person" and m.end <= at]
    if persons:
        return persons[0]
    return ctx.previous_subject if re.match(r"\s*(?:his|her)\b", ctx.text[at:at + 5], re.I) \
        else None


_FIRST = re.compile(r"\b(?:(?:the|his|her|their|a)\s+)?first\s+(?:(?:ever|official|state|"
                    r"bilateral|formal|in-person|overseas|foreign|solo|stand-alone|standalone|"
                    r"full|two-day|three-day)\s+)*(?P<noun>visit|trip|meeting|summit|talks|"
                    r"time|bilateral|leader|[a-z]+\s+(?:minister|president|leader|chancellor))"
                    r"\b[^,;.]*", re.I)
_NOT_FIRST = re.compile(r"\bfirst\s+(?:lady|half|quarter|round|deputy|vice|secretary|place|"
                        r"step|day|week|month|year|phase|stage|of\s+all)\b", re.I)


def first_claims(ctx: Context) -> list[Draft]:
    out: list[Draft] = []
    base = ctx.sentence.start
    for fm in _FIRST.finditer(ctx.sentence.text):
        if _NOT_FIRST.search(fm.group(0)):
            continue
        start, end = base + fm.start(), base + fm.end()
        noun = fm.group("noun").lower()
        event = ("visit" if noun in ("visit", "trip") or "visit" in fm.group(0).lower()
                 else "meeting" if noun in ("meeting", "summit", "talks", "bilateral")
                 else "other")
        a = _possessor(ctx, start) if fm.group(0).lower().startswith(("his", "her")) else None
        persons = [m for m in ctx.mentions if m.kind == "person"]
        pronoun = re.match(r"[\"“]?(?:He|She|His|Her)\b", ctx.sentence.text) is not None
        a = a or (persons[0] if persons else ctx.previous_subject if pronoun else None)
        if a is None:
            continue
        obj = next((m for m in ctx.mentions if m.start >= start and m.kind in (
            "country", "person") and m is not a and key(m) != key(a)), None)
        quals: dict[str, Any] = {"event": event}
        since = next((t for t in ctx.timexes if t.role == "since"), None)
        if since is not None:
            quals["since"] = since.text
        place = None
        if obj is not None and obj.kind == "country":
            place = (obj.start, obj.end, obj.text, obj.country)
            quals["place"], quals["place_id"] = obj.text, obj.country
            obj = None
        text_end = max(end, place[1] if place else end)
        out.append(Draft("first", start, text_end, claim_time(ctx, start), a, obj, place, quals))
    return out


_BOILER = re.compile(r"\b(?:read more|subscribe|sign up|all rights reserved|copyright|click here|"
                     r"follow us|newsletter|advertisement|reporting by|editing by|contributed to "
                     r"this report|cookies?|terms of (?:use|service)|privacy policy)\b|^(?:photo|"
                     r"image|video|file photo|caption)\b", re.I)
_QUOTE_ONLY = re.compile(r"^[\"“'‘].*[\"”'’][.!]?$|^[\"“][^\"”]*[.!?,][\"”]\s*$")
MIN_OTHER_WORDS = 6
_DIGIT = re.compile(r"\d")


def is_checkworthy(ctx: Context) -> bool:
    """An ``other`` claim: a statement with a number, a date or a name that no pattern took."""
    s = ctx.sentence.text
    if s.endswith("?") or s[-1:] not in (".", "!", "\"", "”", "’", "'") or _BOILER.search(s):
        return False
    if _QUOTE_ONLY.match(s) or len(s.split()) < MIN_OTHER_WORDS:
        return False
    if ctx.timexes or ctx.mentions or _DIGIT.search(s):
        return True
    words = s.split()[1:]
    return any(w[:1].isupper() for w in words)
