"""What meeting, visit and "first" patterns share: who the subject of a verb is, which people
follow it, whether the event is planned or hedged, and when it happened.

* Subjects: the person right before the verb (an appositive or a relative clause between them is
  allowed: "Wang, who replaced Qin Gang, also called on …"), with the people coordinated with
  it ("Blinken and Defense Secretary Lloyd Austin met …" → both); "He"/"She" → the previous
  sentence's subject, "They" → the last event's subjects.
* Objects: people right after the verb, past titles, "his counterpart" and lists ("X, Y and Z").
* Mood: a hedged event ("could", "is expected to", "did not") is no claim; a planned one ("will",
  "is due to", a time after the publication date) is a claim marked ``planned``.
* Time: the sentence's time expression nearest the verb, preferring those after the subject (a
  dateline's "(Nov 27)" is the filing date, not the event's) and skipping those in a "since"
  clause; a sentence without one continues the narrative time of the last sentences (within
  two); a planned "on Friday" is the next Friday.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import date, timedelta

from .. import rx
from ..model import TimeAnchor
from .anaphora import Antecedents, distinct
from .draft import Context, Draft, key
from .mentions import Mention

Place = tuple[int, int, str, str | None]     # start, end, text, country id

NARRATIVE_SENTENCES = 3     # how many sentences a narrated event time carries over
NEWS_DAYS = 7               # a single day at most this far before the anchor is "the news"


@dataclass(slots=True)
class EventState:
    """What event claims carry from one sentence to the next in one article."""

    subjects: list[Mention] = field(default_factory=list)   # the last event claims' subjects
    subjects_age: int = 99
    time: TimeAnchor | None = None       # the last narrated single day (the story's "when")
    time_age: int = 99
    ante: Antecedents = field(default_factory=Antecedents)   # for "he", "she", "the two"

    def advance(self, ctx: Context, drafts: list[Draft]) -> None:
        """After a sentence: remember its event subjects and its narrated day."""
        self.subjects_age += 1
        self.time_age += 1
        ps = persons(ctx)
        self.ante.learn_gender(ctx.text, ps, [m for m in ctx.mentions if m.kind == "office"],
                               ctx.sentence.end)
        events = [d for d in drafts if d.kind in ("meeting", "visit") and d.subject is not None]
        self.ante.advance(ps, [d.subject for d in drafts if d.subject is not None and d.kind in
                               ("meeting", "visit", "first")] or _head_subjects(ctx))
        if events:
            subs = distinct([d.subject for d in events if d.subject is not None])
            self.subjects, self.subjects_age = subs, 0
        own = [d.time for d in drafts if d.kind in ("meeting", "visit")
               and not d.qualifiers.get("planned") and d.time.basis in ("explicit", "relative")
               and _day(d.time) is not None and d.time.cue != "narrative"]
        if not own and not _UNREAL.search(ctx.sentence.text):
            anchor = ctx.anchor.date or ctx.anchor.end
            days = [t.when for t in ctx.timexes if t.role == "at" and _day(t.when) is not None
                    and not _of_date(ctx, t.start)]
            own = [w for w in days if anchor is not None and _day(w) is not None
                   and timedelta(0) <= anchor - _day(w) <= timedelta(days=NEWS_DAYS)]  # type: ignore[operator]
        if own:
            self.time, self.time_age = own[0], 0


_UNREAL = rx.compile(r"\b(?:will|would|could|may|might|due|plans?|expected|scheduled|set\s+to)\b",
                     re.I)


def _head_subjects(ctx: Context) -> list[Mention]:
    """The people a sentence opens with ("Japanese Foreign Minister Fumio Kishida said …")."""
    ps = persons(ctx)
    if not ps or re.match(r"['’]s\b", ctx.text[ps[0].end:ps[0].end + 3]):
        return []
    head = _DATELINE.sub("", masked(ctx, ctx.sentence.start, ps[0].span_start))
    return coordinated(ctx, ps[0], forward=True) if _HEAD.match(head) else []


def _of_date(ctx: Context, at: int) -> bool:
    """A date that qualifies a noun ("the launch of April 13"), not the event."""
    return ctx.text[at:at + 3].lower() == "of " or re.search(
        r"\bof\s+$", ctx.text[max(0, at - 4):at]) is not None


def _day(t: TimeAnchor) -> date | None:
    if t.date is not None:
        return t.date
    return t.start if t.start is not None and t.start == t.end else None


def _copy(t: TimeAnchor, cue: str | None = None) -> TimeAnchor:
    return TimeAnchor(basis=t.basis, date=t.date, start=t.start, end=t.end, cue=cue or t.cue)


# --- who ---------------------------------------------------------------------------------------
_AUX = (r"(?:also|then|later|first|again|briefly|separately|jointly|finally|formally|already|"
        r"just|reportedly|both|each|earlier|has|had|have|will|would|shall|is|was|are|were|due|to|"
        r"set|expected|scheduled|plans?|planning|on\s+\w+|last\s+\w+|this\s+\w+|X)")
_SUBJECT_GAP = rx.compile(rf"^(?:\s*,\s*(?:who|which)\b[^,]*,?|\s*,[^,]*,)?\s*(?:{_AUX}\s+)*$",
                          re.I)
_PRONOUN = rx.compile(rf"^[\"“]?(?P<p>He|She|They)\s+(?:{_AUX}\s+)*$")
_DATELINE = rx.compile(r"^[A-Z][\w\s.,'’()\-]{0,60}?\s[—–]\s+")
_HEAD = rx.compile(r"^(?:(?:In|On|At|Later|Earlier|Meanwhile|Separately|Also|Then)\b[^,]{0,40},"
                   r"\s*)?[\"“]?(?:(?:the|The|X)\s*)*$")


def masked(ctx: Context, start: int, end: int, repl: str = "X") -> str:
    """``text[start:end]`` with office and country mentions replaced by ``repl``.

    The masks are found by bisection over the sentence's sorted office and country mentions,
    so a call costs the masks inside ``start:end``, not all the sentence's mentions."""
    masks = ctx.memo.get("masks")
    if masks is None:
        found = sorted((m for m in ctx.mentions if m.kind in ("office", "country")),
                       key=lambda m: m.span_start)
        masks = ctx.memo["masks"] = ([m.span_start for m in found], found)
    starts, found = masks
    parts: list[str] = []
    pos = start
    for i in range(bisect_left(starts, start), len(found)):
        m = found[i]
        if m.span_start >= end:
            break
        if m.end <= end:
            parts.append(ctx.text[pos:m.span_start])
            parts.append(repl)
            pos = m.end
    parts.append(ctx.text[pos:end])
    return "".join(parts)


def persons(ctx: Context) -> list[Mention]:
    """The sentence's person mentions, in order (computed once per sentence; do not mutate)."""
    ps = ctx.memo.get("persons")
    if ps is None:
        ps = ctx.memo["persons"] = [m for m in ctx.mentions if m.kind == "person"]
        ctx.memo["person_index"] = {id(m): i for i, m in enumerate(ps)}
    return ps


def coordinated(ctx: Context, p: Mention, *, forward: bool = False) -> list[Mention]:
    """``p`` with the people in a list around it: "A and B", "A, B and C"."""
    ps = persons(ctx)
    i = ctx.memo["person_index"][id(p)]
    out = [p]
    if forward:
        j = i
        while j + 1 < len(ps):
            sep = masked(ctx, ps[j].end, ps[j + 1].span_start, "").strip()
            if sep not in ("and", ", and", ",", "and the"):
                break
            out.append(ps[j + 1])
            j += 1
        while len(out) > 1 and masked(ctx, out[-2].end, out[-1].span_start, "").strip() == ",":
            out.pop()                    # "A, B said": a list needs its "and"
        return out
    seen_and = False
    j = i
    while j > 0:
        sep = masked(ctx, ps[j - 1].end, ps[j].span_start, "").strip()
        if sep in ("and", ", and", "and the"):
            seen_and = True
        elif not (sep == "," and seen_and):
            break
        out.insert(0, ps[j - 1])
        j -= 1
    return out


def subjects_before(ctx: Context, state: EventState, at: int) -> list[Mention]:
    """Who does what the verb at ``at`` says."""
    cands = [m for m in persons(ctx) if m.end <= at][-3:]
    for p in reversed(cands):
        if _SUBJECT_GAP.match(masked(ctx, p.end, at)):
            return coordinated(ctx, p)
    return (pronoun_subjects(ctx, state, at) or _described(ctx, state, at)
            or _conjoined(ctx, state, at))


_LEAD = (r"(?:(?:In|At|On|During|After|Later|Earlier|Meanwhile|Separately|Also|Then|There|"
         r"Afterwards|Back)\b[^,;:\"“”]{0,40}?,?\s+)?")
_PRONOUN = rx.compile(rf"^{_LEAD}[\"“]?(?P<p>He|She|They|he|she)\s+(?:{_AUX}\s+)*$")
_CLAUSE_PRONOUN = rx.compile(rf"(?:,\s*|\s)(?P<b>where|when|after|before|while|and|then)\s+"
                             rf"(?P<p>he|she|they)\s+(?:{_AUX}\s+)*$")


def pronoun_subjects(ctx: Context, state: EventState, at: int) -> list[Mention]:
    """"He met …", "In Tokyo on Thursday she met …", "…, where he met …"."""
    head = _DATELINE.sub("", ctx.text[ctx.sentence.start:at])
    pm = _PRONOUN.match(head)
    if pm is not None:
        if any(ctx.sentence.start <= m.start < at for m in persons(ctx)):
            return []          # "After meeting Kishida, he …": whose "he" is not clear
        return resolve(state, pm.group("p"))
    cm = _CLAUSE_PRONOUN.search(ctx.text, ctx.sentence.start, at)
    if cm is None:
        return []
    main = (sentence_subjects(ctx, state, cm.start())
            or clause_subjects(ctx, state, cm.start(), cm.start()))
    if not main:
        return []
    between = [m for m in persons(ctx) if main[-1].end <= m.start < cm.start()
               and all(key(m) != key(s) for s in main)]
    if cm.group("p") == "they":
        return main if len(main) > 1 and not between else []
    if len(main) != 1 or not state.ante.fits(main[0], cm.group("p")) or any(
            state.ante.fits(m, cm.group("p")) for m in between):
        return []
    return main


def resolve(state: EventState, pronoun: str) -> list[Mention]:
    if pronoun.lower() == "they":
        return list(state.subjects) if state.subjects_age <= NARRATIVE_SENTENCES else []
    m = state.ante.resolve(pronoun)
    return [m] if m is not None else []


_DESCRIBED = rx.compile(rf"^{_LEAD}[\"“]?(?:The|the)\s+(?P<d>X|minister)\s+(?:{_AUX}\s+)*$")


def _described(ctx: Context, state: EventState, at: int) -> list[Mention]:
    """"The minister later met …", "The foreign minister visited …": the last subject, when
    the article gave them that office."""
    head = _DATELINE.sub("", masked(ctx, ctx.sentence.start, at))
    dm = _DESCRIBED.match(head)
    if dm is None:
        return []
    office = None
    if dm.group("d") == "X":
        office = next((m for m in ctx.mentions if m.kind == "office"
                       and ctx.sentence.start <= m.start < at), None)
        if office is None or office.office_kind in (None, "other"):
            return []
    m = state.ante.by_office(ctx.stated_office, office)
    return [m] if m is not None else []


_AND_END = rx.compile(rf"(?:,\s*)?\band\s+(?:{_AUX}\s+)*$")
_FIRST_VERB = rx.compile(rf"(?:\s*,\s*(?:who|which)\b[^,]*,)?\s*(?:{_AUX}\s+)*"
                         r"(?P<v>[a-z][a-z\-]*)\b")
_NOT_VERB = frozenset({"in", "on", "at", "to", "for", "with", "from", "of", "by", "as", "the", "a",
                       "an", "and", "or", "but", "who", "which", "that", "whose", "where",
                       "when", "while", "said", "says", "told", "tells", "added", "adds",
                       "noted", "stressed", "insisted", "warned"})
_CLAUSE_BREAK = rx.compile(r"[;:\"“”]|\b(?:who|which|that|where|when|while|whose|said|says|"
                           r"told|if|because|although)\b")


def _conjoined(ctx: Context, state: EventState, at: int) -> list[Mention]:
    """"… flew to Florida on Monday and met …": the first verb's subject."""
    am = _AND_END.search(ctx.text, ctx.sentence.start, at)
    return clause_subjects(ctx, state, am.start(), at) if am is not None else []


def clause_subjects(ctx: Context, state: EventState, and_at: int, at: int) -> list[Mention]:
    """The subject of the clause that ends at ``and_at`` (a person or a pronoun followed by a
    verb, with no clause boundary or hedge up to ``at``)."""
    starts = [m.end for m in persons(ctx) if m.end <= and_at]
    pm = re.match(rf"{_LEAD}[\"“]?(?:He|She|They|he|she)\b", _DATELINE.sub("", ctx.text[
        ctx.sentence.start:and_at]))
    if pm is not None:
        starts.append(and_at - len(_DATELINE.sub("", ctx.text[ctx.sentence.start:and_at]))
                      + pm.end())
    for s in sorted(starts, reverse=True):
        vm = _FIRST_VERB.match(ctx.text, s, and_at)
        if vm is None or vm.group("v").lower() in _NOT_VERB:
            continue
        if _CLAUSE_BREAK.search(ctx.text, vm.end(), and_at) or _HEDGE_ANY.search(
                ctx.text, s, at) or HEDGE_NEAR.search(ctx.text, max(s, vm.start("v") - 40),
                                                      vm.start("v")):
            return []
        return subjects_before(ctx, state, vm.start("v"))
    return []


def sentence_subjects(ctx: Context, state: EventState, before: int) -> list[Mention]:
    """The subject of the sentence (for participles, "his first visit", "for talks with")."""
    ps = [m for m in persons(ctx) if m.start < before]
    if ps:
        head = _DATELINE.sub("", masked(ctx, ctx.sentence.start, ps[0].span_start))
        if _HEAD.match(head):
            return coordinated(ctx, ps[0], forward=True)
    head = _DATELINE.sub("", ctx.text[ctx.sentence.start:before])
    pm = re.match(rf"{_LEAD}[\"“]?(He|She|They|he|she)\b", head)
    if pm is None or (ps and pm.group(1)[0].islower()):
        return []
    return resolve(state, pm.group(1))


_OBJ_FILLER = frozenset({"with", "to", "his", "her", "their", "its", "the", "counterpart", "and",
                         ",", "-", "s", "'s", "’s", "former", "then", "new", "visiting",
                         "fellow", "both", "x", "acting", "interim", "caretaker", "outgoing"})


def objects_after(ctx: Context, at: int, limit: int | None = None) -> list[Mention]:
    """People right after a verb: titles, "his counterpart" and list commas between them."""
    out: list[Mention] = []
    seps: list[str] = []
    pos = at
    for m in ctx.mentions:
        if m.start < at:
            continue
        if limit is not None and m.start > limit:
            break
        between = ctx.text[pos:m.span_start]
        if m.kind == "office":      # "European Council President", "EU negotiator"
            between = re.sub(r"(?:\s[A-Z][\w’'.]*){1,3}\s*$", " ", between)
        filler = re.findall(r"[\w’']+|[,\-]", between)
        if any(w.lower() not in _OBJ_FILLER for w in filler):
            break
        if m.kind == "person":
            seps.append(masked(ctx, out[-1].end, m.span_start, "") if out else "")
            out.append(m)
        pos = m.end
    for i in range(1, len(out)):      # "met X, Y said": a comma list needs a closing "and"
        if "and" not in seps[i] and not any("and" in s for s in seps[i + 1:]):
            return out[:i]
    return out


# --- mood --------------------------------------------------------------------------------------
HEDGE_NEAR = rx.compile(r"\b(?:could|may|might|would|hopes?\s+to|hoping\s+to|wants?\s+to|"
                        r"seeks?\s+to|refused\s+to|declined\s+to|failed\s+to|not|never|n't|"
                        r"expected\s+to|likely\s+to|no\s+plans?\s+to|if|whether|unless|"
                        r"toward|towards|possible|potential|proposed)\s+(?:\w+\s+){0,2}$", re.I)
_HEDGE_ANY = rx.compile(r"\b(?:could|may|might|would|hopes?\s+to|hoping\s+to|wants?\s+to|"
                        r"expected\s+to|likely\s+to|refused\s+to|declined\s+to|failed\s+to|"
                        r"did\s+not|does\s+not|will\s+not|won't|didn't|never|if|whether)\b",
                        re.I)
_PLANNED = rx.compile(r"\b(?:will|shall|due\s+(?:to|in)|plans?\s+to|planning\s+to|set\s+to|"
                      r"scheduled\s+(?:to|for)|(?:is|are|was|were)\s+to|going\s+to|about\s+to|"
                      r"later\s+(?:this|in\s+the)\s+(?:week|month|year)|next\s+(?:week|month|"
                      r"year))\b", re.I)
_APPOSITIVE = rx.compile(r",\s*(?:who|which)\b[^,]*,")
_REMOTE = rx.compile(r"\b(?:by\s+(?:tele)?phone|over\s+the\s+(?:tele)?phone|on\s+the\s+phone|"
                     r"(?:tele)?phone\s+(?:call|conversation|talks)|video\s*(?:call|link|"
                     r"conference)|videoconference|virtual(?:ly)?|by\s+video|online\s+summit)\b",
                     re.I)


def mood(ctx: Context, subject_end: int, verb: int, *, near_only: bool = False) -> str | None:
    """"hedged", "planned" or None for the clause between the subject and the verb."""
    if HEDGE_NEAR.search(ctx.text, max(ctx.sentence.start, verb - 40), verb):
        return "hedged"
    subject_end = max(subject_end, ctx.sentence.start)
    prefix = _APPOSITIVE.sub(",", ctx.text[subject_end:verb]) if subject_end <= verb else ""
    if not near_only and _HEDGE_ANY.search(prefix):
        return "hedged"
    return "planned" if _PLANNED.search(prefix) else None


def remote(ctx: Context) -> bool:
    return _REMOTE.search(ctx.sentence.text) is not None


# --- when --------------------------------------------------------------------------------------
_WEEKDAY = rx.compile(r"^(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$",
                      re.I)


_WEEKEND = rx.compile(r"\b(?:at\s+the|this|(next))\s+weekend\b", re.I)


def _in_since_clause(ctx: Context, at: int) -> bool:
    head = ctx.text[ctx.sentence.start:at]
    cut = max(head.rfind(","), head.rfind(";"))
    return re.search(r"\b(?:since|before\s+becoming|after\s+becoming)\b", head[cut + 1:],
                     re.I) is not None


def event_time(ctx: Context, state: EventState, verb: int, subject_start: int | None,
               planned: bool = False) -> tuple[TimeAnchor, bool]:
    """The event's time and whether it lies after the anchor (then the event is planned)."""
    ts = [t for t in ctx.timexes if t.role in ("at", "range") and not _in_since_clause(ctx, t.start)
          and not _of_date(ctx, t.start)]
    after = [t for t in ts if subject_start is not None and t.start >= subject_start]
    pool = after or ts
    anchor = ctx.anchor.date or ctx.anchor.end
    if pool:
        t = min(pool, key=lambda t: abs(t.start - verb))
        when = _copy(t.when)
        day = _day(when)
        if planned and day is not None and anchor is not None and day < anchor and \
                _WEEKDAY.match(t.text.strip()):
            d = day + timedelta(days=7)      # "is due to visit Washington on Friday"
            when = TimeAnchor(basis=when.basis, date=d, start=d, end=d, cue=when.cue)
        future = anchor is not None and (when.start or when.date or anchor) > anchor
        return when, future
    wm = _WEEKEND.search(ctx.sentence.text)
    if wm is not None and anchor is not None:
        ahead = (5 - anchor.weekday()) % 7
        d = anchor + timedelta(days=ahead) if planned or wm.group(1) else \
            anchor - timedelta(days=(anchor.weekday() - 5) % 7)
        return TimeAnchor(basis="relative", start=d, end=d + timedelta(days=1),
                          cue=wm.group().strip()), planned
    if not planned and state.time is not None and state.time_age <= NARRATIVE_SENTENCES:
        return _copy(state.time, "narrative"), False
    return _copy(ctx.anchor), False


# --- where -------------------------------------------------------------------------------------
_PLACE_AT = rx.compile(r"(?:the\s+)?((?:[A-Z][\w’'\-]+|[A-Z]\.)(?:\s+(?:[A-Z][\w’'\-]+|of|de))"
                       r"{0,2})")
NOT_PLACE = rx.compile(r"^(?:January|February|March|April|May|June|July|August|September|"
                       r"October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|"
                       r"Saturday|Sunday|The|His|Her|Their|Its)\b")


def place_at(ctx: Context, at: int) -> Place | None:
    """A country or a capitalised place name starting at ``at`` ("Japan", "the United States",
    "Tokyo"); a demonym ("visiting Japanese Prime Minister …") or a person is not a place."""
    country = next((m for m in ctx.mentions if m.kind == "country" and at <= m.start <= at + 4),
                   None)
    if country is not None and ctx.text[at:country.start].strip() in ("", "the"):
        if country.form == "demonym":
            return None
        return country.start, country.end, country.text, country.country
    if any(m.kind in ("person", "office") and at <= m.span_start <= at + 4
           for m in ctx.mentions):
        return None
    pm = _PLACE_AT.match(ctx.text, at, ctx.sentence.end)
    if pm is None or NOT_PLACE.match(pm.group(1)):
        return None
    name = re.sub(r"\s+(?:of|de)$", "", pm.group(1))
    return pm.start(1), pm.start(1) + len(name), name, None


def place_list(ctx: Context, at: int) -> list[Place]:
    """"Jakarta, Seoul and Beijing": a place and the ones listed with it."""
    first = place_at(ctx, at)
    if first is None:
        return []
    out = [first]
    pos = first[1]
    pending: list[Place] = []
    while True:
        sm = re.compile(r"(,\s+(?:and\s+)?|\s+and\s+)").match(ctx.text, pos, ctx.sentence.end)
        if sm is None:
            break
        nxt = place_at(ctx, sm.end())
        if nxt is None:
            break
        pending.append(nxt)
        pos = nxt[1]
        if "and" in sm.group(1):
            out += pending
            pending = []
    return out


_PLACE_IN = rx.compile(r"\b(?:in|at)\s+(?:the\s+)?((?:[A-Z][\w’'\-]+)(?:\s+[A-Z][\w’'\-]+){0,2})")


def clause_place(ctx: Context, after: int) -> Place | None:
    """Where a meeting was: "in Seoul" first, else "at the White House", after ``after``."""
    found: list[tuple[int, re.Match[str]]] = []
    for pm in _PLACE_IN.finditer(ctx.text, after, ctx.sentence.end):
        if NOT_PLACE.match(pm.group(1)):
            continue
        found.append((0 if pm.group().startswith("in") else 1, pm))
    if not found:
        m = re.match(r"In\s+((?:the\s+)?[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)?)(?:,|\s+(?:on|last|"
                     r"this|earlier|late)\s)", ctx.sentence.text)
        if m is None or NOT_PLACE.match(m.group(1)):
            return None
        s, e = ctx.sentence.start + m.start(1), ctx.sentence.start + m.end(1)
    else:
        pm = min(found, key=lambda f: f[0])[1]
        s, e = pm.span(1)
    country = next((c.country for c in ctx.mentions if c.kind == "country" and c.start == s),
                   None)
    return s, e, ctx.text[s:e], country
