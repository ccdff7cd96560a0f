"""Role, former-role and counterpart claims from the mentions of one sentence.

Every pattern looks at two mentions and the exact words between them, so a claim is made only
where the text states the relation (precision over recall: a wrong claim can become a wrong
refutation). Forms:

* role: "Japanese Foreign Minister Fumio Kishida", "Penny Wong, Australia's foreign minister",
  "Wong, who is foreign minister", "X, the Prime Minister of Y", "X is the prime minister"
* former_role: "former Prime Minister X", "ex-", "then-Foreign Minister X" (narrated time),
  "X, a former foreign minister", "X, who served as foreign minister", "X was prime minister"
* counterpart: "P met his South Korean counterpart, Q" / "Q, his South Korean counterpart"
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from .. import rx
from ..model import TimeAnchor
from .changes import change_claims
from .draft import (
    Context,
    Draft,
    claim_time,
    copy_time,
    key,
    sentence_time,
    time_after,
    title_time,
)
from .mentions import Mention
from .timex import Timex

_BEFORE_OFFICE = rx.compile(r"^,\s+(?:who\s+(?P<verb>is|was|served as|has been|had been|"
                            r"became|remains)\s+(?:also\s+|now\s+|then\s+)?)?"
                            r"(?:(?:the|a|an|now|also)\s+)?"
                            r"(?:(?:country|nation)['’]s\s+)?$")
# "was elected/named/appointed X" is not here: an election or a nomination comes weeks before the
# term starts ("Yoon was elected president in March 2022"; he took office in May), so the
# sentence's date says nothing about the term.
_PREDICATE = rx.compile(r"^\s+(?P<verb>is|was|became|has been|had been|served as|remains|"
                        r"took office as)\s+"
                        r"(?:(?:the|a|an|now)\s+)?(?:(?:country|nation)['’]s\s+)?$")
_PAST_VERBS = frozenset({"was", "served as", "had been"})
# After the title, words that put the office in the past: "Moon Jae-in, president until 2022,"
# ("until" → former) or "Kishida, the foreign minister at the time," ("at the time" → then-).
_TITLE_UNTIL = rx.compile(r"[ \t]+(?:(?:until|till|up to)\b|through[ \t]+(?:\w+[ \t]+){0,2}"
                          r"\d{4}\b)", re.I)
_TITLE_AT_THE_TIME = rx.compile(r"[ \t]+(?:(?:at the time|at that time|back then|then|of the day)"
                                r"\b|under[ \t]+(?:then-|former[ \t]+|the[ \t]+)?"
                                r"(?:(?-i:[A-Z])|(?:then|former|late)\b))", re.I)
# "became"/"took office as" without a time of the sentence: when is unknown, so "former".
_START_VERBS = frozenset({"became", "took office as"})
# Verbs after which the title is the one held now ("X, who is …"), or no verb ("X, the …").
_PRESENT_VERBS = frozenset({"is", "remains", "has been"})
# The sentence narrates another time the patterns do not read: a year no timex took ("the
# 2010s", "FY2015"), "as foreign minister", "when both were …". A title or counterpart checked
# at the anchor may be the one of that time: no refutation (verify/).
_YEARISH = rx.compile(r"(?<![\d.,])(?:19|20)\d{2}(?!\d)")
_NARRATED = rx.compile(r"(?:^|\W)(?:[Aa]s[ \t]+(?:(?:the|a|an|his|her|their|its)[ \t]+)?"
                       r"(?:[A-Z][\w.]*['’]s[ \t]+|[A-Z]\w+[ \t]+)?(?:foreign|prime|finance|"
                       r"defen[cs]e|home|interior|justice|deputy|vice)?[ \t]*(?:minister|"
                       r"president|premier|chancellor|secretary|leader)s?\b|"
                       r"(?:when|while)\b[^.;]{0,60}\b(?:was|were)\b)", re.I)
_OFFICE_THEN_PERSON = rx.compile(r"^(?:[ \t]+|,[ \t]+)$")


def _anchor_date(ctx: Context) -> date | None:
    return ctx.anchor.date or ctx.anchor.end


def former_time(ctx: Context, near: int, modifier: str | None, cue: str) -> TimeAnchor:
    """"then-": the narrated event's time (or some time before the anchor); "former": before
    the anchor; an explicit period ("from 2012 to 2017") wins over both."""
    t = title_time(ctx, near)
    if t is not None and t.role == "range":
        return copy_time(t.when, "explicit")
    if modifier == "then" and t is not None:
        return copy_time(t.when, "narrated", f"then- ({t.text})")
    return TimeAnchor(basis="narrated", start=None, end=_anchor_date(ctx), cue=cue)


def _office_qualifiers(office: Mention) -> dict[str, Any]:
    return {"office_kind": office.office_kind, "country": office.country}


def unread_time(ctx: Context) -> str | None:
    """A time the sentence narrates that no timex gave ("the 2010s", "as foreign minister")."""
    s = ctx.sentence
    anchor = _anchor_date(ctx)
    for ym in _YEARISH.finditer(s.text):
        at = s.start + ym.start()
        if anchor is not None and int(ym.group()) >= anchor.year:
            continue        # "a 2025 budget", "growth for 2024": not a narrated past
        if not any(t.start <= at < t.end for t in ctx.timexes):
            return ym.group()
    nm = _NARRATED.search(s.text)
    return nm.group().strip(" ,(") if nm is not None else None


def _role(ctx: Context, person: Mention, office: Mention, start: int, end: int,
          past_verb: str | None = None, *, attributive: bool = True,
          at: Timex | None = None) -> Draft:
    if office.modifier is None and _AFTER_UNDER.search(ctx.text, max(0, office.span_start - 30),
                                                       office.span_start):
        # "foreign minister under Prime Minister Shinzo Abe": the head's title at that time
        office.modifier = "then"
    former = office.modifier is not None or past_verb is not None
    quals = _office_qualifiers(office)
    if former:
        cue = ("then-" if office.modifier == "then" else "former" if office.modifier
               else past_verb or "")
        time = former_time(ctx, start, office.modifier, cue)
        kind = "former_role"
    else:
        t = at or title_time(ctx, start)
        time = copy_time(t.when) if t is not None else copy_time(ctx.anchor)
        kind = "role"
        if t is not None and at is None and attributive:
            # "Prime Minister Kishida defended the deal reached in 2015": the title may be the
            # one held when the article was written
            quals["title_now"] = True
        unread = unread_time(ctx)
        if unread is not None:
            quals["unread_time"] = unread
    quals.update(_under(ctx, person, office))
    ctx.stated_office.setdefault(key(person), office)
    return Draft(kind, start, end, time, person, office, qualifiers=quals)


_AFTER_UNDER = rx.compile(r"\bunder[ \t]+(?:the[ \t]+)?$", re.I)
_OWNER_GAP = rx.compile(r"^['’]s[ \t]+$")
_UNDER_GAP = rx.compile(r"^[ \t]+under[ \t]+(?:(?:then-|then[ \t]+|former[ \t]+|the[ \t]+|"
                        r"late[ \t]+)*(?:President|Prime[ \t]+Minister|Premier|Chancellor)[ \t]+)?"
                        r"(?:(?:then-|then[ \t]+|former[ \t]+|the[ \t]+late[ \t]+)*)$")


def _under(ctx: Context, person: Mention, office: Mention) -> dict[str, Any]:
    """The head a title was held under: "Biden's secretary of state" (an owner right before the
    title) or "secretary of state under (President) Biden" (right after it): ``under`` (the id
    when the gazetteer gave one), ``under_mention``, ``under_candidates``."""
    head: Mention | None = None
    for m in ctx.mentions:
        if m.kind != "person" or key(m) == key(person):
            continue
        if m.end <= office.span_start and _OWNER_GAP.match(ctx.text[m.end:office.span_start]):
            head = m
        elif m.start >= office.end and _UNDER_GAP.match(ctx.text[office.end:m.start]):
            head = m
            break
    if head is None:
        return {}
    ids = list(dict.fromkeys(head.ids))
    return {"under": ids[0] if len(ids) == 1 else None, "under_mention": head.text,
            "under_candidates": ids}


# Right after the person, an aside saying the title was not (yet) held: "President X (a
# candidate at the time)", "X, the presumptive nominee,", "X (president-elect)".
_NOT_YET = rx.compile(r"^\s*[(,]\s*(?:then\s+|still\s+|now\s+)?(?:(?:a|an|the)\s+)?[^()]{0,40}?"
                      r"\b(?:candidate|nominee|presumptive|[a-z]+-elect|elect)\b", re.I)


def not_yet_in_office(ctx: Context, person: Mention) -> bool:
    return _NOT_YET.match(ctx.text[person.end:ctx.sentence.end]) is not None


def role_claims(ctx: Context) -> list[Draft]:
    """Role and office-change claims; none for a person the text says was not (yet) in office."""
    return [d for d in _role_claims(ctx)
            if d.subject is None or not not_yet_in_office(ctx, d.subject)]


def _role_claims(ctx: Context) -> list[Draft]:
    out: list[Draft] = []
    ms = ctx.mentions
    for i, m in enumerate(ms):
        if m.kind != "office" or m.office_kind is None:
            continue
        changes = change_claims(ctx, i)
        if changes is not None:         # "X resigned as O", "X succeeded Y as O" (changes.py)
            out.extend(changes)
            continue
        nxt = ms[i + 1] if i + 1 < len(ms) else None
        prev = ms[i - 1] if i > 0 else None
        if (nxt is not None and nxt.kind == "office" and i + 2 < len(ms)
                and ms[i + 2].kind == "person" and ctx.text[m.end:nxt.span_start] == " and "
                and ctx.text[nxt.end:ms[i + 2].start].isspace()):
            # "Deputy Prime Minister and Foreign Minister Taro Aso": both titles are his
            nxt = ms[i + 2]
            out.append(_role(ctx, nxt, m, m.span_start, nxt.end))
            continue
        if nxt is not None and nxt.kind == "person":
            gap = ctx.text[m.end:nxt.start]
            owned = prev is not None and prev.kind == "person" and bool(
                _OWNER_GAP.match(ctx.gap(prev, m)))     # "Shinzo Abe's foreign minister, X"
            if _OFFICE_THEN_PERSON.match(gap) and (gap.strip() == "" or owned
                                                   or _comma_ok(ctx, m, nxt)):
                out.append(_role(ctx, nxt, m, m.span_start, nxt.end))
                continue
        prev2 = ms[i - 2] if i > 1 else None
        if (prev is not None and prev.kind == "person" and prev2 is not None
                and prev2.kind == "person" and m.modifier == "then"
                and _OWNER_GAP.match(ctx.gap(prev, m))
                and _BEFORE_OFFICE.match(ctx.gap(prev2, prev))
                and not _TRAILING_NOUN.match(ctx.text, m.end)):
            # "Mike Pompeo, Biden's secretary of state": a title held under Biden
            out.append(_role(ctx, prev2, m, prev2.start, m.end))
            continue
        if prev is not None and prev.kind == "person":
            gap = ctx.gap(prev, m)
            bm = _BEFORE_OFFICE.match(gap)
            pm = None if bm else _PREDICATE.match(gap)
            hit = bm or pm
            if hit is not None:
                verb = hit.group("verb")
                # "X was prime minister in 2015", "X, prime minister from 2012 to 2020": a time
                # right after the title is the title's; "X, who became prime minister, …":
                # some time before the anchor
                at = time_after(ctx, m)
                past = verb if at is None and verb in _PAST_VERBS | _START_VERBS else None
                if bm is not None and _TRAILING_NOUN.match(ctx.text, m.end):
                    continue      # "X, the foreign minister's adviser" / "… spokesman"
                if _TITLE_UNTIL.match(ctx.text, m.end):
                    past = past or "until"
                elif _TITLE_AT_THE_TIME.match(ctx.text, m.end) and m.modifier is None:
                    m.modifier = "then"
                out.append(_role(ctx, prev, m, prev.start, m.end, past, at=at,
                                 attributive=verb is None or verb in _PRESENT_VERBS))
    return out


_TRAILING_NOUN = rx.compile(r"\s+(?:spokes\w*|advis\w*|aide|envoy|candidate|nominee|office|"
                            r"ministry|residence|counterpart|deputy|press|chief of staff)\b",
                            re.I)


def _comma_ok(ctx: Context, office: Mention, person: Mention) -> bool:
    """"Japan's foreign minister, Yoshimasa Hayashi," is an appositive; "the minister, Ann and
    Bob" is not: the name must be followed by a comma, a period, a verb or the end."""
    if office.country is None and not ctx.text[max(0, office.span_start - 4):office.span_start
                                               ].lower().endswith("the "):
        return False
    follow = ctx.text[person.end:person.end + 2]
    return follow[:1] in (",", ".", "") or (follow[:1] == " " and not ctx.text[
        person.end:person.end + 5].startswith(" and "))


_COUNTERPART = rx.compile(r"\bcounterpart\b(?!s)", re.I)
_POSS = rx.compile(r"(?:\b(?:his|her|their|its)\s+|['’]s\s+)(?:(?:former|then-)\s*)?$", re.I)
_Q_BEFORE = rx.compile(r"^,\s+$")
_PRONOUN_START = rx.compile(r"^[\"“]?(?:He|She)\b")


def counterpart_claims(ctx: Context) -> list[Draft]:
    out: list[Draft] = []
    ms = ctx.mentions
    base = ctx.sentence.start
    for cm in _COUNTERPART.finditer(ctx.sentence.text):
        c_start, c_end = base + cm.start(), base + cm.end()
        # the country just before "counterpart" ("his South Korean counterpart")
        country = next((m for m in ms if m.kind == "country" and m.end <= c_start
                        and ctx.text[m.end:c_start].strip() == ""), None)
        head = country.start if country is not None else c_start
        poss = _POSS.search(ctx.text, max(0, head - 20), head)
        if poss is None:
            continue
        if re.search(r"former|then", poss.group(), re.I) and (
                "former" in poss.group().lower() or sentence_time(ctx, head) is None):
            continue        # "his former counterpart": when is not said
        phrase_start = poss.start()
        q: Mention | None = None
        span = (phrase_start, c_end)
        q_after = next((m for m in ms if m.start >= c_end and m.kind == "person"), None)
        if q_after is not None and _gap_ok(ctx, c_end, q_after):
            q = q_after
            span = (phrase_start, q.end)
        else:
            before = [m for m in ms if m.end <= phrase_start]
            if before and before[-1].kind == "person" and _Q_BEFORE.match(
                    ctx.text[before[-1].end:phrase_start]):
                q = before[-1]
                span = (q.start, c_end)
        if q is None:
            continue
        p = _reference_person(ctx, q, min(span[0], phrase_start))
        if p is None:
            continue
        quals: dict[str, Any] = {"country": country.country if country is not None else None}
        if sentence_time(ctx, span[0]) is None and (unread := unread_time(ctx)) is not None:
            quals["unread_time"] = unread
        office = ctx.stated_office.get(key(p))
        if office is not None:
            quals["reference_office"] = office.text
            quals["reference_office_kind"] = office.office_kind
        out.append(Draft("counterpart", span[0], span[1], claim_time(ctx, span[0]), q, p,
                         qualifiers=quals))
    return out


def _gap_ok(ctx: Context, c_end: int, q: Mention) -> bool:
    """Only a comma, spaces and an office title between "counterpart" and Q."""
    gap = ctx.text[c_end:q.start]
    for m in ctx.mentions:
        if m.kind == "office" and c_end <= m.start and m.end <= q.start:
            gap = gap.replace(ctx.text[m.span_start:m.end], " ")
    return re.fullmatch(r"[\s,]*", gap) is not None


def _reference_person(ctx: Context, q: Mention, before: int) -> Mention | None:
    """P: the sentence's subject before the counterpart phrase (or "He"/"She" → the last one)."""
    cands = [m for m in ctx.mentions if m.kind == "person" and m.end <= before and m is not q
             and key(m) != key(q)]
    if cands:
        return cands[0]
    if _PRONOUN_START.match(ctx.sentence.text) and ctx.previous_subject is not None:
        return ctx.previous_subject
    return None


# "Yoon, a former prosecutor general," / "Ban, a career diplomat, earlier served as ambassador to
# Austria." — a past title the gazetteer does not know. The office stays unlinked (no id, no
# kind), so such a claim can be supported by a KB office of the same name but never refuted.
_GENERIC_FORMER = rx.compile(
    r",[ \t]+(?:(?:a|an|the)[ \t]+former|(?:[^,.;]{1,40},[ \t]+)?(?:who[ \t]+)?"
    r"(?:earlier|previously|once|had[ \t]+)?[ \t]*served[ \t]+as)[ \t]+"
    r"(?:(?:a|an|the)[ \t]+)?(?P<title>[A-Za-z][\w’'\-]*(?:[ \t]+[\w’'\-]+){0,5}?)"
    r"(?=[ \t]*(?:[,.;]|$|[ \t]who\b|[ \t]and\b|[ \t]under\b|[ \t]until\b|[ \t]from\b|"
    r"[ \t]in[ \t]+\d))")
_TITLE_HEAD = rx.compile(r"\b(?:minister|secretary|ambassador|envoy|governor|mayor|general|"
                         r"president|chairman|chair|chief|director|negotiator|commissioner|"
                         r"spokes\w+|head|leader|speaker|senator|representative|premier|"
                         r"chancellor|judge|justice|prosecutor|attorney|diplomat|adviser|"
                         r"advisor|official|officer|counsel|aide)\b", re.I)


def generic_former_claims(ctx: Context) -> list[Draft]:
    out: list[Draft] = []
    for m in ctx.mentions:
        if m.kind != "person":
            continue
        hit = _GENERIC_FORMER.match(ctx.text, m.end, ctx.sentence.end)
        if hit is None or not _TITLE_HEAD.search(hit.group("title")):
            continue
        t_start, t_end = hit.span("title")
        if any(o.kind == "office" and o.office_kind not in (None, "other")
               and o.start < t_end and t_start < o.end for o in ctx.mentions):
            continue            # a government office the gazetteer knows: role_claims reads it
        office = Mention("office", t_start, t_end, ctx.text[t_start:t_end])
        cue = "served as" if "served" in hit.group(0) else "former"
        out.append(Draft("former_role", m.start, t_end, former_time(ctx, m.start, None, cue),
                         m, office, qualifiers={"office_kind": None, "country": None}))
    return out
