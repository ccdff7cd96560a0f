"""What every claim pattern works with: a sentence's ``Context`` and the ``Draft`` claims read from
it, plus the time helpers the patterns share (the sentence's event time, a time right after a
title)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .. import rx
from ..model import TimeAnchor
from .mentions import Mention
from .sentences import Sentence
from .timex import Timex


@dataclass(slots=True)
class Draft:
    """A claim before ids and linking: spans, mentions and qualifiers."""

    kind: str
    start: int
    end: int
    time: TimeAnchor
    subject: Mention | None = None
    object: Mention | None = None
    place: tuple[int, int, str, str | None] | None = None   # start, end, text, country id
    qualifiers: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Context:
    """One sentence with what patterns need to read it."""

    text: str                   # the whole article
    sentence: Sentence
    mentions: list[Mention]     # the sentence's mentions, in order
    timexes: list[Timex]
    anchor: TimeAnchor
    previous_subject: Mention | None = None   # for a sentence that starts with "He"/"She"
    stated_office: dict[int, Mention] = field(default_factory=dict)   # person key → office
    # Derived once per sentence on first use (see eventbase.persons / masked): a sentence with
    # many mentions must not rescan them for every pair.
    memo: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def gap(self, a: Mention | int, b: Mention | int) -> str:
        start = a if isinstance(a, int) else a.end
        end = b if isinstance(b, int) else b.span_start
        return self.text[start:end] if start <= end else "\x00"


def key(person: Mention) -> int:
    """The identity of a person across short and full mentions."""
    return id(person.ref if person.ref is not None else person)


def sentence_time(ctx: Context, near: int) -> Timex | None:
    """The sentence's event time: the "at"/"range" timex closest to ``near``."""
    best: Timex | None = None
    for t in ctx.timexes:
        if t.role in ("at", "range") and (best is None
                                          or abs(t.start - near) < abs(best.start - near)):
            best = t
    return best


def copy_time(t: TimeAnchor, basis: str | None = None, cue: str | None = None) -> TimeAnchor:
    return TimeAnchor(basis=basis or t.basis, date=t.date, start=t.start,  # type: ignore[arg-type]
                      end=t.end, cue=cue or t.cue)


def claim_time(ctx: Context, near: int) -> TimeAnchor:
    t = sentence_time(ctx, near)
    return copy_time(t.when) if t is not None else copy_time(ctx.anchor)


def time_after(ctx: Context, office: Mention) -> Timex | None:
    """An "at"/"range" time expression right after the title ("prime minister in 2015")."""
    return next((t for t in ctx.timexes if t.role in ("at", "range") and t.start >= office.end
                 and ctx.text[office.end:t.start].strip() == ""), None)


# A relative clause about another noun: ", which was introduced last year,".
_WHICH = rx.compile(r"(?:^|[,;(—–])\s*(?:which|whose)\b", re.I)


def in_aside(ctx: Context, t: Timex, near: int) -> bool:
    """Whether timex ``t`` sits in a parenthesis or a "which"/"whose" clause that does not hold
    position ``near`` (the title): "backs the bill (introduced last year)" dates the bill, not
    the title."""
    text, lo = ctx.text, ctx.sentence.start
    opened = text.rfind("(", lo, t.start)
    if opened != -1 and text.rfind(")", opened, t.start) == -1:
        closed = text.find(")", t.end, ctx.sentence.end)
        if closed != -1 and not opened <= near <= closed:
            return True
    clause_start = max(text.rfind(",", lo, t.start), text.rfind(";", lo, t.start), lo)
    head = text[clause_start:t.start]
    return near < clause_start and _WHICH.search(head) is not None


def title_time(ctx: Context, near: int) -> Timex | None:
    """:func:`sentence_time` for a title: times in asides about something else do not count."""
    best: Timex | None = None
    for t in ctx.timexes:
        if t.role in ("at", "range") and not in_aside(ctx, t, near) and (
                best is None or abs(t.start - near) < abs(best.start - near)):
            best = t
    return best
