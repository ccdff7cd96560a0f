"""Claims from office changes: a person left or took an office, or succeeded another holder.

* left (``former_role``, ``event: "left"``): "X resigned as foreign secretary in July 2018",
  "X stepped down / stood down / quit / left office as O", "X was ousted / removed / sacked /
  dismissed as O", "X, who resigned as O, …"
* took (``role``, ``event: "took"``): "X was sworn in as prime minister on 1 October 2024",
  "X took office / assumed office / took over as O", "X was inaugurated as O"
* succession (two claims, one per person, with ``predecessor`` / ``successor``): "X succeeded
  Y as O", "X replaced Y as O", "Y was replaced / succeeded as O by X", "X's predecessor as O,
  Y", "X's successor as O, Y" — X took O, Y left it.

Time: a time right after the office ("… as prime minister in 2022"), else the sentence's
nearest "at" time (not for a "who …" clause, whose time is the main clause's), else "on or
before" the anchor (``start`` None, ``end`` = the anchor): the change happened before the
article was written. "was elected/named/appointed" are not here (an election or a nomination
precedes the term); "will step down", "refused to resign", "never resigned" do not match.
"""

from __future__ import annotations

import re
from typing import Any

from .. import rx
from ..model import TimeAnchor
from .draft import Context, Draft, copy_time, sentence_time, time_after
from .mentions import Mention

_ADV = r"(?:\w+ly[ \t]+)?"
_AS = r"[ \t]+as[ \t]+(?:(?:the|a|an)[ \t]+)?(?:(?:country|nation)['’]s[ \t]+)?$"
_CHANGE = rx.compile(
    r"^(?P<who>,[ \t]+who)?[ \t]+(?:(?:has|had|have)[ \t]+)?" + _ADV +
    r"(?:(?P<left>resigned|resigns|stepped[ \t]+down|steps[ \t]+down|stood[ \t]+down|"
    r"stands[ \t]+down|quit|quits|left[ \t]+office|left[ \t]+(?:his|her)[ \t]+post)|"
    r"(?:was|were|has[ \t]+been|had[ \t]+been|is)[ \t]+" + _ADV +
    r"(?:(?P<ousted>ousted|removed|sacked|dismissed|fired)|(?P<sworn>sworn[ \t]+in|"
    r"inaugurated))|(?P<took>took[ \t]+office|assumed[ \t]+office|took[ \t]+over|"
    r"takes[ \t]+office))" + _AS, re.I)
_SUCCEEDED = rx.compile(r"^[ \t]+(?:(?:has|had)[ \t]+)?" + _ADV +
                        r"(?P<verb>succeeded|replaced|succeeds|replaces)[ \t]+$", re.I)
_AS_ONLY = rx.compile(r"^" + _AS, re.I)
_PASSIVE = rx.compile(r"^[ \t]+(?:was|had[ \t]+been|has[ \t]+been|is)[ \t]+" + _ADV +
                      r"(?P<verb>replaced|succeeded)" + _AS, re.I)
_BY = rx.compile(r"^[ \t]+by[ \t]+$")
_POSSESSIVE = rx.compile(r"^['’]s[ \t]+(?P<rel>predecessor|successor)" + _AS, re.I)
_APPOSITION = rx.compile(r"^,?[ \t]+$")


def _anchor_end(ctx: Context) -> Any:
    return ctx.anchor.date or ctx.anchor.end


def change_time(ctx: Context, office: Mention, start: int, cue: str, *,
                clause: bool = False, after: int | None = None) -> TimeAnchor:
    """The time of an office change: right after the title (or ``after``), else the sentence's
    nearest "at" time (not in a "who" clause), else on or before the anchor."""
    t = time_after(ctx, office)
    if t is None and after is not None:
        t = next((x for x in ctx.timexes if x.role == "at" and x.start >= after
                  and ctx.text[after:x.start].strip() == ""), None)
    if t is None and not clause:
        near = sentence_time(ctx, start)
        t = near if near is not None and near.role == "at" else None
    if t is not None and t.role == "at":
        return copy_time(t.when)
    basis = "today" if ctx.anchor.basis == "today" else "narrated"
    return TimeAnchor(basis=basis, start=None, end=_anchor_end(ctx),  # type: ignore[arg-type]
                      cue=f"{cue} (on or before the article's date)")


def _other(person: Mention, role: str) -> dict[str, Any]:
    """The other person of a succession, as qualifiers (the id when the gazetteer gave one)."""
    ids = list(dict.fromkeys(person.ids))
    return {role: ids[0] if len(ids) == 1 else None, f"{role}_mention": person.text,
            f"{role}_candidates": ids}


def _draft(ctx: Context, kind: str, person: Mention, office: Mention, start: int, end: int,
           time: TimeAnchor, event: str, extra: dict[str, Any] | None = None) -> Draft:
    quals: dict[str, Any] = {"office_kind": office.office_kind, "country": office.country,
                             "event": event}
    quals.update(extra or {})
    return Draft(kind, start, end, time, person, office, qualifiers=quals)


def _pair(ctx: Context, new: Mention, old: Mention, office: Mention, start: int, end: int,
          verb: str, after: int | None = None) -> list[Draft]:
    """"new succeeded old as office": new took it, old left it (same time)."""
    time = change_time(ctx, office, start, verb, after=after)
    return [_draft(ctx, "role", new, office, start, end, time, "took", _other(old, "predecessor")),
            _draft(ctx, "former_role", old, office, start, end, time, "left",
                   _other(new, "successor"))]


def change_claims(ctx: Context, i: int) -> list[Draft] | None:
    """Office-change claims around the office mention ``ctx.mentions[i]``, or None."""
    ms, text = ctx.mentions, ctx.text
    m = ms[i]
    prev = ms[i - 1] if i > 0 else None
    prev2 = ms[i - 2] if i > 1 else None
    nxt = ms[i + 1] if i + 1 < len(ms) else None
    if prev is None:
        return None
    if prev.kind == "person":
        gap = ctx.gap(prev, m)
        cm = _CHANGE.match(gap)
        if cm is not None:
            event = "left" if cm.group("left") or cm.group("ousted") else "took"
            verb = next(v for v in cm.group("left", "ousted", "sworn", "took") if v)
            time = change_time(ctx, m, prev.start, re.sub(r"\s+", " ", verb.lower()),
                               clause=cm.group("who") is not None)
            kind = "former_role" if event == "left" else "role"
            ctx.stated_office.setdefault(id(prev.ref or prev), m)
            return [_draft(ctx, kind, prev, m, prev.start, m.end, time, event)]
        if (prev2 is not None and prev2.kind == "person" and _AS_ONLY.match(gap)
                and (sm := _SUCCEEDED.match(ctx.gap(prev2, prev)))):
            return _pair(ctx, prev2, prev, m, prev2.start, m.end, sm.group("verb").lower())
        pm = _PASSIVE.match(gap)
        if pm is not None and nxt is not None and nxt.kind == "person" and _BY.match(
                text[m.end:nxt.start]):
            return _pair(ctx, nxt, prev, m, prev.start, nxt.end, pm.group("verb").lower(),
                         after=nxt.end)
        pos = _POSSESSIVE.match(gap)
        if pos is not None and nxt is not None and nxt.kind == "person" and _APPOSITION.match(
                text[m.end:nxt.start]):
            rel = pos.group("rel").lower()
            new, old = (prev, nxt) if rel == "predecessor" else (nxt, prev)
            return _pair(ctx, new, old, m, prev.start, nxt.end, rel, after=nxt.end)
    return None
