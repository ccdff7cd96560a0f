"""Meeting and visit claims from one sentence ("first" claims: :mod:`.firsts`; the rest of a
sentence: :mod:`.checkworthy`). Shared rules (subjects, objects, mood, time, places):
:mod:`.eventbase`.

* meeting (A / B): "A met (with) B", "held (his first) talks/a summit/a conversation with",
  "sat down with", "hosted", "received", "welcomed", "called on", "briefed", "talked/spoke
  with", "discussed … with", "was welcomed … by B", "(for|after|from) talks (in P) with B",
  "A and B met/held talks/discussed", "A and B, who held a conversation", "A and B signed/
  declared/agreed … in P", "talks between A and B". Every subject meets every object: "A and B
  hosted C and D" is four meetings. Calls ("by telephone", "video call") are not meetings.
* visit (A / place): "visited", "travelled/flew/went on to", "arrived/landed in", "is due in",
  "returning from", "stopped in", "was in P for talks", "A's/his/a (two-day) visit|trip to P",
  "a stop in P", "the trip, which began in P", "the first stop of A's tour", "accompanied X to
  P" (both), "hosted X in P" (X), "… with B" after the place (B too); lists of places.

Hedged or negated events ("could", "is expected to", "did not") are not claims; planned ones
("will", "is due to", "was due to", a time after the publication date) are, marked ``planned``.
"""

from __future__ import annotations

import itertools
import re
from typing import Any

from .. import rx
from .draft import Context, Draft, key
from .eventbase import (
    EventState,
    Place,
    clause_place,
    coordinated,
    event_time,
    masked,
    mood,
    objects_after,
    persons,
    place_at,
    place_list,
    remote,
    sentence_subjects,
    subjects_before,
)
from .mentions import Mention

_HELD = (r"(?:held|holds|hold|holding|had|has)\s+(?:(?:his|her|their|a|an|the)\s+)?"
         r"(?:[\w-]+\s+){0,3}?(?:talks|summit|meeting|meetings|conversation|discussions|"
         r"consultations|dinner|lunch)")
_MEET = rx.compile(
    r"\b(?:(?P<sym>met|meets|meet|meeting|talked|spoke)(?:\s+(?:with|to))?|"
    rf"{_HELD}(?:\s+[\w-]+){{0,4}}?\s+with|"
    r"sat\s+down\s+with|conferred\s+with|hosted|hosts|host|hosting|received|receives|"
    r"welcomed|greeted|briefed|called\s+on|discussed(?:\s+[\w'’-]+){0,6}?\s+with|"
    r"(?P<passive>(?:was|were|is|are|(?:has|had|have)\s+been)\s+(?:(?:later|also|then|first|"
    r"warmly|formally|personally|officially|again)\s+)?(?:welcomed|received|greeted|hosted)"
    r"(?:\s+[\w-]+){0,6}?\s+by)|"
    r"(?P<purpose>(?:for|during|after|from|before)\s+(?:(?:his|her|their|a|an|the)\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:talks|meeting|meetings|summit|discussions)"
    r"(?:\s+in\s+[A-Z][\w-]+)?\s+with))\b", re.I)
# After "A and B": they met each other ("A and B, who held a brief conversation").
_TOGETHER = rx.compile(
    r"(?:\s*,\s*who)?\s+(?:(?:also|later|first|then|briefly|both|have|had|will|\w+ly)\s+)*"
    rf"(?:(?P<meet>met|meet|talked|discussed|{_HELD})|"
    r"(?P<joint>signed|declared|agreed|announced|unveiled|issued))\b", re.I)
_BETWEEN = rx.compile(r"\b(?:talks|meeting|summit|conversation)\s+between\s+$", re.I)
_BETWEEN_HEDGE = rx.compile(r"\b(?:toward|towards|ahead\s+of|prepar\w*|push\w*\s+for|call\w*\s+"
                            r"for|possible|potential|proposed|future|next|second|another|"
                            r"third)\b[^.,;]{0,30}$", re.I)
_AFTER_PAIR = rx.compile(r"^\s+(?:is|was|are|were|has\s+been)\s+(?P<w>scheduled|set|due|planned|"
                         r"expected|likely)\b", re.I)


def meeting_claims(ctx: Context, state: EventState) -> list[Draft]:
    out: list[Draft] = []
    if remote(ctx):
        return out
    base = ctx.sentence.start
    for vm in _MEET.finditer(ctx.sentence.text):
        v_start, v_end = base + vm.start(), base + vm.end()
        purpose = vm.group("purpose") is not None
        subs = (sentence_subjects(ctx, state, v_start) if purpose
                else subjects_before(ctx, state, v_start))
        if not subs:
            continue
        md = mood(ctx, subs[-1].end, v_start, near_only=not purpose)
        if md == "hedged":
            continue
        objs = objects_after(ctx, v_end) or _object_pronoun(ctx, state, v_end, subs)
        if vm.group("sym") and vm.group("sym").lower() == "meeting" and not objs:
            continue
        if (vm.group(0).lower().startswith("called") and objs
                and re.match(r"\s+to\s+\w", ctx.text[objs[-1].end:objs[-1].end + 8])):
            continue          # "called on Kishida to resign"
        for a in subs:
            for b in objs:
                if key(a) != key(b):
                    out.append(_meeting(ctx, state, a, b, md == "planned", v_start,
                                        span_from_verb=purpose))
                    if b.start < ctx.sentence.start:      # "host him": the span ends at "him"
                        out[-1].start = min(out[-1].start, v_start)
                        out[-1].end = \
                            _OBJ_PRONOUN.match(ctx.text, v_end).end()  # type: ignore[union-attr]
    out += _together(ctx, state)
    out += _the_two(ctx, state)
    return out


_OBJ_PRONOUN = rx.compile(r"\s+(?P<p>him|her)(?=\s*(?:[,.;:]|$)|\s+(?:again|on|in|at|for|during|"
                          r"later|last|next|this|when|as|after|before|and|to|until|over)\b)")


def _object_pronoun(ctx: Context, state: EventState, at: int,
                    subs: list[Mention]) -> list[Mention]:
    """"Yoon is due to host him again": him → the last subject, if he is not the host."""
    pm = _OBJ_PRONOUN.match(ctx.text, at, ctx.sentence.end)
    if pm is None:
        return []
    m = state.ante.resolve(pm.group("p"), exclude=tuple(subs), wide=True)
    return [m] if m is not None else []


_THE_TWO = rx.compile(r"\b(?:the|The)\s+two(?:\s+(?:leaders|men|women|ministers|presidents|"
                      r"premiers|politicians|diplomats))?\s+(?:(?:also|later|first|then|last|"
                      r"have|had|will|would|briefly|previously)\s+)*(?P<v>met|meet|held\s+talks|"
                      r"talked|sat\s+down)\b")


def _the_two(ctx: Context, state: EventState) -> list[Draft]:
    """"When the two met in March": the last two people named (this or the last sentence)."""
    out: list[Draft] = []
    for tm in _THE_TWO.finditer(ctx.text, ctx.sentence.start, ctx.sentence.end):
        named = [m for m in [*state.ante.people, *persons(ctx)] if m.end <= tm.start()
                 and (m.form == "full" or m.ref is not None)]
        last: list[Mention] = []
        for m in reversed(named):
            if all(key(m) != key(o) for o in last):
                last.insert(0, m)
        if len(last) < 2:
            continue
        verb = tm.start("v")
        md = mood(ctx, tm.start(), verb)
        if md == "hedged":
            continue
        a, b = last[-2:]
        d = _meeting(ctx, state, a, b, md == "planned", verb)
        d.start, d.end = tm.start(), tm.end()
        out.append(d)
    return out


def _together(ctx: Context, state: EventState) -> list[Draft]:
    """"A and B met", "A, B and C discussed …", "talks between A and B"."""
    out: list[Draft] = []
    ps = persons(ctx)
    done: set[int] = set()
    for p in ps:
        if id(p) in done:
            continue
        group = coordinated(ctx, p, forward=True)
        done.update(id(m) for m in group)
        if len(group) < 2:
            continue
        last = group[-1]
        tm = _TOGETHER.match(ctx.text, last.end, ctx.sentence.end)
        head = masked(ctx, ctx.sentence.start, group[0].span_start, "")
        between = _BETWEEN.search(head)
        planned = False
        if tm is not None and tm.group("meet") and objects_after(ctx, tm.end()):
            continue      # "A and B met C": the verb loop reads it
        if tm is not None:
            if tm.group("joint") and clause_place(ctx, tm.end()) is None:
                continue      # "A and B agreed …" is a meeting only with a place
            md = mood(ctx, last.end, last.end + tm.start("meet" if tm.group("meet") else "joint")
                      - last.end)
            if md == "hedged":
                continue
            planned = md == "planned"
        elif between is not None:
            if _BETWEEN_HEDGE.search(head, 0, between.start()):
                continue      # "progress toward a second summit between A and B"
            am = _AFTER_PAIR.match(ctx.text, last.end)
            if am is not None and am.group("w").lower() in ("expected", "likely"):
                continue
            planned = am is not None
        else:
            continue
        for a, b in itertools.combinations(group, 2):
            if key(a) != key(b):
                out.append(_meeting(ctx, state, a, b, planned, last.end))
    return out


def _meeting(ctx: Context, state: EventState, a: Mention, b: Mention, planned: bool,
             verb: int, *, span_from_verb: bool = False) -> Draft:
    lo = ctx.sentence.start
    start = min(x.start for x in (a, b) if x.start >= lo) if max(a.start, b.start) >= lo \
        else verb
    start = verb if span_from_verb else min(start, verb)
    end = max(a.end, b.end)
    place = clause_place(ctx, b.end)
    quals: dict[str, Any] = {}
    if place is not None:
        quals["place"] = place[2]
        if place[3]:
            quals["place_id"] = place[3]
    time, future = event_time(ctx, state, verb, a.start, planned)
    if planned or future:
        quals["planned"] = True
    return Draft("meeting", start, end, time, a, b, place=None, qualifiers=quals)


_ADJ = (r"(?:(?:official|state|working|surprise|brief|short|rare|historic|long-awaited|"
        r"regional|overseas|foreign|diplomatic|week-long|weeklong|\w+-day|\w+-nation|"
        r"high-profile|landmark|unannounced|private)\s+)*")
_VISIT = rx.compile(
    r"\b(?:(?P<finite>visited|visits|visit|is\s+visiting|was\s+visiting|"
    r"travell?ed\s+(?:on\s+)?to|travels\s+(?:on\s+)?to|travel\s+(?:on\s+)?to|"
    r"arrived\s+in|arrives\s+in|arrive\s+in|flew\s+(?:on\s+)?to|flies\s+to|fly\s+to|"
    r"landed\s+in|lands\s+in|toured|tours|(?:is|was|are|were)\s+due\s+in|headed\s+to|"
    r"heads\s+to|went\s+on\s+to|stopped\s+(?:over\s+)?in|returned\s+from|returns\s+from|"
    r"(?:is|was|are|were)\s+in(?=\s+[A-Z][^,.;]{0,30}\s+for\s+(?:talks|a\s+visit|meetings|"
    r"a\s+meeting|a\s+summit|the\s+summit)))|"
    r"(?P<participle>travell?ing\s+(?:on\s+)?to|returning\s+from(?:\s+(?:talks|a\s+visit|"
    r"a\s+trip|meetings)\s+in)?|arriving\s+in|visiting|"
    r"flying\s+to|heading\s+to)|"
    rf"(?P<noun>(?P<det>['’]s|\b(?:his|her|their|a|an|the|this|that))\s+{_ADJ}"
    r"(?:visit|trip|tour|journey)\s+to)|"
    r"(?P<stop>\ba\s+(?:(?:brief|short|quick|weekend|overnight|surprise|\w+-day|final|"
    r"further)\s+)?stop(?:over)?\s+in)|"
    r"(?P<began>\b(?P<ddet>the|his|her|their)\s+(?:visit|trip|tour),\s+which\s+(?:began|started|"
    r"ended|included|took\s+in)\s+in))\s+", re.I)
_FUTURE_AFTER = rx.compile(r"[^,;.]*?\b(?:later\s+(?:this|in\s+the)\s+(?:week|month|year)|"
                           r"next\s+(?:week|month|year)|tomorrow)\b", re.I)
_CALLED_OFF = rx.compile(r"\b(?:postpon\w*|cancel\w*|call(?:s|ed|ing)?\s+off|scrap\w*|shelv\w*|"
                         r"delay\w*|abandon\w*|put\s+off|puts\s+off|axed?|rul\w+\s+out)\s+"
                         r"(?:(?:a|an|the|his|her|their|its|this|that|planned|scheduled|"
                         r"[\w’'-]+['’]s|[\w-]+)\s+){0,3}$", re.I)
_PRESENT = rx.compile(r"(?:visits|travels|flies|heads|arrives|lands|tours|returns)\b", re.I)


def _weekday_after(ctx: Context, at: int) -> bool:
    """A weekday ("on Friday") after a present-tense travel verb: the trip is ahead."""
    return any(t.start >= at and re.fullmatch(r"(?:on\s+)?(?:mon|tues|wednes|thurs|fri|satur|"
                                              r"sun)day", t.text.strip(), re.I)
               for t in ctx.timexes)


_ANAPHOR = rx.compile(r"^[\"“]?(?:The|This|That)\s+(?:visit|trip|tour)\b")
_TOUR_STOP = rx.compile(r"\b(?:first|second|third|last|final|latest|next)?\s*stop\s+(?:of|on)\s+$",
                        re.I)
_TOUR_OWNER = rx.compile(r"['’]s\s+(?:[\w-]+\s+){0,2}(?:tour|trip|visit)\b")
_ACCOMPANIED = rx.compile(r"\baccompanied\s+", re.I)
_HOSTED = rx.compile(r"\b(?:hosted|received|welcomed)\s+", re.I)


def visit_claims(ctx: Context, state: EventState) -> list[Draft]:
    out: list[Draft] = []
    base = ctx.sentence.start
    for vm in _VISIT.finditer(ctx.sentence.text):
        v_start, v_end = base + vm.start(), base + vm.end()
        subs = _visitors(ctx, state, vm, v_start)
        if not subs:
            continue
        md = mood(ctx, max(subs[-1].end, ctx.sentence.start) if subs[-1].end <= v_start
                  else v_start, v_start,
                  near_only=vm.group("finite") is not None)
        if md == "hedged":
            continue
        if _CALLED_OFF.search(ctx.text, max(ctx.sentence.start, v_start - 60), v_start):
            continue            # "had postponed a trip to Tokyo", "called off her visit"
        if "due" in vm.group(0).lower() or _FUTURE_AFTER.match(ctx.text, v_end, ctx.sentence.end) \
                or (_PRESENT.match(vm.group(0)) and _weekday_after(ctx, v_end)):
            md = "planned"      # "is due in Turkey", "travels on to France later in the week",
            #                     "travels on to Seoul on Friday"
        for place in place_list(ctx, v_end):
            before = [s.start for s in subs if ctx.sentence.start <= s.start and s.end <= v_start]
            span_start = min(before) if before and (vm.group("finite") or (
                vm.group("det") or "").lower() in ("'s", "’s")) else v_start
            company = [] if re.search(r"\b(?:talks|meetings)\b", vm.group(0)) else _with(ctx, place)
            for a in subs + company:
                out.append(_visit(ctx, state, a, place, md == "planned", span_start, v_start))
    out += _accompanied_and_hosted(ctx, state)
    out += _tour_stops(ctx, state)
    return out


def _visitors(ctx: Context, state: EventState, vm: re.Match[str], v_start: int) -> list[Mention]:
    if vm.group("finite"):
        return subjects_before(ctx, state, v_start)
    if vm.group("participle"):
        return sentence_subjects(ctx, state, v_start)
    if vm.group("noun"):
        det = vm.group("det").lower()
        if det in ("'s", "’s"):
            return [m for m in persons(ctx) if m.end == v_start][:1]
        if det in ("the", "this", "that"):
            return _anaphoric(ctx, state, v_start)
        return sentence_subjects(ctx, state, v_start) or _anaphoric(ctx, state, v_start)
    # "a stop in P", "the trip, which began in P": the trip of the story's travellers
    if vm.group("began") and vm.group("ddet").lower() in ("his", "her"):
        return sentence_subjects(ctx, state, v_start)
    return _anaphoric(ctx, state, v_start)


def _anaphoric(ctx: Context, state: EventState, at: int) -> list[Mention]:
    """"The visit …", "the trip": the travellers of the last event claims, else the subject."""
    if state.subjects and state.subjects_age <= 2:
        return list(state.subjects)
    return sentence_subjects(ctx, state, at)


def _with(ctx: Context, place: Place) -> list[Mention]:
    """"is due in Turkey at the weekend with President Donald Tusk": Tusk goes too."""
    wm = re.compile(r"(?:\s+(?:at|on|this|next|later|in)\s+(?:the\s+)?[\w-]+(?:\s+\w+)?)?\s+"
                    r"(?:together\s+)?with\s+").match(ctx.text, place[1], ctx.sentence.end)
    return objects_after(ctx, wm.end() - 1) if wm is not None else []


def _visit(ctx: Context, state: EventState, a: Mention, place: Place, planned: bool,
           start: int, verb: int) -> Draft:
    quals: dict[str, Any] = {"place": place[2]}
    if place[3]:
        quals["place_id"] = place[3]
    time, future = event_time(ctx, state, verb, a.start if a.end <= verb else verb, planned)
    if planned or future:
        quals["planned"] = True
    return Draft("visit", min(start, place[0]), place[1], time, a, None, place, quals)


def _accompanied_and_hosted(ctx: Context, state: EventState) -> list[Draft]:
    """"A accompanied B to P" (both went), "A hosted B in P" (B came)."""
    out: list[Draft] = []
    base = ctx.sentence.start
    for pattern, both in ((_ACCOMPANIED, True), (_HOSTED, False)):
        for vm in pattern.finditer(ctx.sentence.text):
            v_start, v_end = base + vm.start(), base + vm.end()
            subs = subjects_before(ctx, state, v_start)
            objs = objects_after(ctx, v_end)
            if not subs or not objs:
                continue
            md = mood(ctx, subs[-1].end, v_start, near_only=True)
            if md == "hedged" or remote(ctx):
                continue
            tail = re.compile(r"(?:\s+on\s+\w+)?\s+(to|in)\s+").match(ctx.text, objs[-1].end,
                                                                      ctx.sentence.end)
            if tail is None or (tail.group(1) == "to") != both:
                continue
            for place in place_list(ctx, tail.end()):
                for a in (subs + objs if both else objs):
                    out.append(_visit(ctx, state, a, place, md == "planned", v_start, v_start))
    return out


def _tour_stops(ctx: Context, state: EventState) -> list[Draft]:
    """"… in Singapore on Thursday, the first stop of Wang's regional tour": Wang visited."""
    out: list[Draft] = []
    for p in persons(ctx):
        if not _TOUR_OWNER.match(ctx.text, p.end, ctx.sentence.end):
            continue
        sm = _TOUR_STOP.search(ctx.text, max(ctx.sentence.start, p.start - 40), p.start)
        if sm is None:
            continue
        head = ctx.text[ctx.sentence.start:sm.start()]
        pm = list(re.finditer(r"\bin\s+(?=[A-Z])", head))
        if not pm:
            continue
        place = place_at(ctx, ctx.sentence.start + pm[-1].end())
        if place is None:
            continue
        out.append(_visit(ctx, state, p, place, False, place[0], sm.start()))
        out[-1].start, out[-1].end = sm.start(), p.end
        out[-1].place = place
    return out
