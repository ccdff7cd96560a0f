"""Role claims about the US Congress and vice presidency, as American news writes them.

* party and state after the name: "Sen. Elizabeth Warren (D-Mass.)", "Rep. X, D-N.Y.,",
  "Elizabeth Warren (D-Mass.)" (no chamber: a member of either);
* state and party before it: "Kentucky Republican Rand Paul", "Ohio Democratic Sen. Sherrod
  Brown", "Republican Sen. X", "Texas Sen. Ted Cruz";
* the state after it: "Senator Sherrod Brown of Ohio";
* leadership: "Senate Majority Leader X", "House Speaker X", "Speaker of the House X",
  "House Minority Whip X", "Vice President X" (not after another country's name).

Each becomes a ``role`` claim with qualifiers ``congress`` (``senator``, ``representative``,
``member``, ``leader`` or ``vice_president``), ``us_state`` (USPS code), ``us_party``
(Democrat/Republican/Independent) and ``us_office`` (the leadership title); verify/congress.py
checks them. A title after "former", "ex-", "then-", "late", "state" or "retired" is not read:
it names another time or another legislature.
"""

from __future__ import annotations

import re
from typing import Any

from .. import rx
from ..knowledge.usstates import state_code, state_pattern
from .draft import Context, Draft, claim_time, sentence_time
from .mentions import NAME_RE, STOP, Mention
from .patterns import unread_time

_ST = state_pattern()
_SEN = r"(?:Sen\.|Senator)"
_REP = r"(?:Rep\.|Representative|Congressman|Congresswoman|Del\.|Delegate)"
_PARTY_WORD = r"(?:Democrat(?:ic)?|Republican|GOP|Independent)"
_TITLE = rx.compile(rf"(?:(?:U\.S\.|US)[ \t]+)?(?P<title>{_SEN}|{_REP})[ \t]+$")
# after the name: "(D-Mass.)", "(R-Ky.)", ", D-N.Y.," / "(D-N.Y.-14)"
_AFTER = rx.compile(rf"(?:[ \t]*\(|,[ \t]+)(?P<party>[DRI])[-–](?P<state>{_ST})"
                    r"(?:[-–, ]+\d{1,2}(?:st|nd|rd|th)?(?:[ \t]+[Dd]istrict)?)?"
                    r"(?=\)|[,;:]|\.?[ \t]|\.?$|\.?[\"”])")
_SUFFIX = rx.compile(r"(?:(?<=\bJr)\.|(?<=\bSr)\.|,?[ \t]+(?:Jr\.?|Sr\.?|II|III|IV))"
                     r"(?=[ \t]*[(,])")
_OF_STATE = rx.compile(rf"[ \t]+of[ \t]+(?P<state>{_ST})\b(?![ \t]*[A-Z])")
# before the name: "Kentucky Republican", "Ohio Democratic Sen.", "Republican Sen.", "Texas Sen."
_ST_NAMES = state_pattern(codes=False)
_BEFORE = rx.compile(rf"(?:(?<![\w.])(?P<state>{_ST_NAMES})[ \t]+)?"
                     rf"(?P<party>{_PARTY_WORD})?[ \t]*"
                     rf"(?:(?:U\.S\.|US)[ \t]+)?(?P<title>{_SEN}|{_REP})?[ \t]*$")
_LEADER = rx.compile(r"(?:(?:U\.S\.|US)[ \t]+)?(?P<office>(?P<chamber>Senate|House)[ \t]+"
                     r"(?P<side>Majority|Minority)[ \t]+(?P<role>Leader|Whip)|House[ \t]+"
                     r"Speaker|Speaker[ \t]+of[ \t]+the[ \t]+(?:U\.S\.[ \t]+)?House"
                     r"(?:[ \t]+of[ \t]+Representatives)?|Vice[ \t-]+President)[ \t]+$", re.I)
_BLOCK = rx.compile(r"(?:\b(?:former|ex|then|late|state|retired|incoming|future|would-be|"
                    r"acting|deputy|assistant)[ \t-]*|['’]s[ \t]+)$", re.I)
_STATE_BEFORE = rx.compile(rf"(?:\b(?:{_ST_NAMES})|\b[Ss]tate)[ \t]*$")
PARTIES = {"d": "Democrat", "r": "Republican", "i": "Independent", "democrat": "Democrat",
           "democratic": "Democrat", "republican": "Republican", "gop": "Republican",
           "independent": "Independent"}
_NAME_AFTER = rx.compile(r"(" + NAME_RE.pattern + r")")


def _title_kind(title: str | None) -> str | None:
    if not title:
        return None
    return "senator" if title.lower().startswith("sen") else "representative"


def _leader_title(m: re.Match[str]) -> tuple[str, str]:
    office = re.sub(r"[ \t]+", " ", m.group("office")).lower()
    if "speaker" in office:
        return "leader", "Speaker of the House"
    if office.startswith("vice"):
        return "vice_president", "Vice President of the United States"
    return "leader", " ".join(w.capitalize() for w in office.split())


def _person_at(ctx: Context, start: int) -> Mention | None:
    """The person mention starting at ``start``, or an unlinked name there."""
    for m in ctx.mentions:
        if m.kind == "person" and m.start == start:
            return m
        if m.start > start:
            break
    nm = _NAME_AFTER.match(ctx.text, start)
    if nm is None or nm.end() > ctx.sentence.end:
        return None
    words = nm.group(1).split()
    while words and words[-1].rstrip(".") in STOP:
        words.pop()
    if len(words) < 2 or words[0].rstrip(".") in STOP:
        return None
    name = " ".join(words)
    if not ctx.text.startswith(name, start):
        return None
    return Mention("person", start, start + len(name), name, (), form="full")


def congress_claims(ctx: Context) -> list[Draft]:
    """Congress role claims of one sentence (see the module docstring)."""
    out: list[Draft] = []
    s0, s1 = ctx.sentence.start, ctx.sentence.end
    seen: set[int] = set()
    for m in [m for m in ctx.mentions if m.kind == "person"]:
        seen.add(m.start)
        draft = _about(ctx, m, s0, s1)
        if draft is not None:
            out.append(draft)
        after = draft.end if draft is not None else m.end
        if draft is None or draft.qualifiers.get("congress") != "leader":
            appositive = _appositive(ctx, m, after, s1)
            if appositive is not None:
                out.append(appositive)
    # people the KB does not know, after a title ("Sen. Jane Doe (D-Ore.)")
    for tm in re.finditer(rf"\b(?:{_SEN}|{_REP})[ \t]+", ctx.text[s0:s1]):
        at = s0 + tm.end()
        if at in seen:
            continue
        person = _person_at(ctx, at)
        if person is not None and not any(p.start < person.end and person.start < p.end
                                          for p in ctx.mentions if p.kind == "person"):
            draft = _about(ctx, person, s0, s1)
            if draft is not None:
                out.append(draft)
    return out


def _about(ctx: Context, person: Mention, s0: int, s1: int) -> Draft | None:
    text = ctx.text
    before = text[max(s0, person.start - 60):person.start]
    quals: dict[str, Any] = {}
    start = person.start
    title_text = ""
    lm = _LEADER.search(before)
    if lm is not None:
        pre = text[max(s0, person.start - len(before) + lm.start() - 24):
                   person.start - len(before) + lm.start()]
        if (_BLOCK.search(pre) or _STATE_BEFORE.search(pre)
                or _foreign(ctx, person.start - len(before) + lm.start())):
            return None     # "Indiana House Speaker X": a state legislature's
        kind, title = _leader_title(lm)
        quals.update(congress=kind, us_office=title)
        start = person.start - len(before) + lm.start()
        title_text = lm.group(0).strip()
    else:
        bm = _BEFORE.search(before)
        if bm is not None and bm.group(0).strip():
            pre_start = person.start - len(before) + bm.start()
            if _BLOCK.search(text[max(s0, pre_start - 24):pre_start]):
                return None
            if bm.group("party") and not bm.group("state") and not bm.group("title"):
                bm = None     # "Republican Rand Paul" alone: a party word, no office or state
        if bm is not None and bm.group(0).strip():
            quals["congress"] = _title_kind(bm.group("title")) or "member"
            if bm.group("state"):
                quals["us_state"] = state_code(bm.group("state"))
            if bm.group("party"):
                quals["us_party"] = PARTIES[bm.group("party").lower()]
            lead = len(bm.group(0)) - len(bm.group(0).lstrip())
            start = person.start - len(before) + bm.start() + lead
            title_text = bm.group(0).strip()
    end = person.end
    sm = _SUFFIX.match(text, person.end, s1)          # "Sanford D. Bishop, Jr. (D-Ga.)"
    am = _AFTER.match(text, sm.end() if sm else person.end, s1)
    if am is not None:
        quals.setdefault("congress", "member")
        if quals.get("us_state", state_code(am.group("state"))) != state_code(am.group("state")):
            return None   # two different states written: read neither
        quals["us_state"] = state_code(am.group("state"))
        quals["us_party"] = PARTIES[am.group("party").lower()]
        end = am.end() + (1 if text[am.end():am.end() + 1] == ")" else 0)
        title_text = (title_text + " " + am.group(0).strip(" ,()")).strip()
    elif quals.get("congress") in ("senator", "representative"):
        om = _OF_STATE.match(text, person.end, s1)
        if om is not None and "us_state" not in quals:
            quals["us_state"] = state_code(om.group("state"))
            end = om.end()
            title_text += " of " + om.group("state")
    kind = str(quals.get("congress") or "")
    if not kind or (kind == "member" and not quals.get("us_state")):
        return None
    if (kind in ("senator", "representative") and not person.ids
            and not (quals.get("us_state") or quals.get("us_party"))
            and not re.match(r"(?:U\.S\.|US)[ \t]", title_text)):
        return None   # a bare "Sen. Jane Doe" the KB does not know: maybe a state senator
    quals.update(office_kind=f"us_{kind}" if kind != "member" else "us_member", country="Q30")
    office = Mention("office", start, person.start, title_text or "member of Congress",
                     office_kind=str(quals["office_kind"]))
    if (unread := unread_time(ctx)) is not None:
        quals["unread_time"] = unread
    if sentence_time(ctx, start) is not None:
        # "Sen. X (D-Mass.), who as a representative in 2012 …": the title may be the one held
        # when the article was written (verify/role.py checks it then too before refuting)
        quals["title_now"] = True
    return Draft("role", start, end, claim_time(ctx, start), person, office, qualifiers=quals)


_APPOSITIVE = rx.compile(r",[ \t]+(?:the[ \t]+)?(?P<office>(?:Senate|House)[ \t]+"
                         r"(?:Majority|Minority)[ \t]+(?:Leader|Whip)|(?:House[ \t]+)?Speaker"
                         r"(?:[ \t]+of[ \t]+the[ \t]+House)?)(?=[,.;]|[ \t]+(?:said|says|"
                         r"told|urged|called|warned|added)\b)", re.I)


def _appositive(ctx: Context, person: Mention, at: int, s1: int) -> Draft | None:
    """"Sen. Dick Durbin (D-Ill.), the Senate Majority Whip," — a leadership title after the
    name (and after its party and state)."""
    am = _APPOSITIVE.match(ctx.text, at, s1)
    if am is None or not person.ids:
        return None
    office = re.sub(r"[ \t]+", " ", am.group("office")).lower()
    if ("speaker" in office and "house" not in office
            and not re.search(r"\bHouse\b", ctx.sentence.text)):
        return None     # "X, the speaker," of some other assembly
    title = ("Speaker of the House" if "speaker" in office
             else " ".join(w.capitalize() for w in office.split()))
    quals: dict[str, Any] = {"congress": "leader", "us_office": title,
                             "office_kind": "us_leader", "country": "Q30"}
    if (unread := unread_time(ctx)) is not None:
        quals["unread_time"] = unread
    mention = Mention("office", am.start("office"), am.end("office"), am.group("office"),
                      office_kind="us_leader")
    return Draft("role", person.start, am.end(), claim_time(ctx, person.start), person, mention,
                 qualifiers=quals)


def _foreign(ctx: Context, at: int) -> bool:
    """A country named right before the title ("Chinese Vice President", "Ghana's")."""
    return any((m.kind == "country" and 0 <= at - m.end <= 3 and m.country != "Q30")
               or (m.kind == "office" and m.start < at + 2 and at < m.end
                   and m.country not in (None, "Q30"))
               for m in ctx.mentions)


def overlaps(a: Draft, b: Draft) -> bool:
    """Whether two drafts are about the same person in overlapping text."""
    return (a.subject is not None and b.subject is not None
            and a.subject.start == b.subject.start and a.start < b.end and b.start < a.end)
