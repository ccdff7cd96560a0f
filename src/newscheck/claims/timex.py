"""Time expressions: explicit dates and periods, and relative ones resolved against the anchor.

Regexes find the candidates (cheap, no parser runs on a sentence without one). Explicit dates are
read directly; "N days/weeks ago" and other rare forms go to ``dateparser`` (with
``RELATIVE_BASE`` = the anchor and ``PREFER_DATES_FROM`` = past), cached because it is slow.
Periods ("in 2015", "in May 2019", "last month", "last year") keep their bounds (start/end).

``role`` tells the claim patterns how a timex governs a claim: ``at`` (the event's time),
``since``/``until`` (a bound, not the event's time) and ``range`` ("from 2012 to 2020").
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_right, insort
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Literal

from .. import rx
from ..model import TimeAnchor

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10, "several": 3, "a few": 3}

_MON = (r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|"
        r"Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_WD = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
_PREP_BEFORE = rx.compile(r"\b(?P<prep>on|in|since|from|until|till|by|before|after|during|of|"
                          r"early|late|mid|throughout|around|circa|spring|summer|autumn|fall|"
                          r"winter)[ \t-]+$", re.I)
_REL_PREPS = frozenset({"on", "since", "until", "by", "before", "after"})

# Order matters: the first pattern that matches at a position wins (longest forms first).
# No pattern starts with an optional group: the preposition before a match ("on", "in", "since")
# is read from the few chars before it, which keeps the scan fast.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("range", rx.compile(r"\b(?i:from|between)\s+(?P<y1>(?:19|20)\d{2})\s+(?:to|and|until)\s+"
                         r"(?P<y2>(?:19|20)\d{2})\b")),
    # "in 2015-16", "the 2015–2016 season": a span of two years
    ("span", rx.compile(r"\b(?:the\s+)?(?P<y1>(?:19|20)\d{2})[-–](?P<y2>(?:19|20)?\d{2})\b"
                        r"(?!-\d)")),
    ("iso", rx.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<m>\d{2})-(?P<day>\d{2})\b")),
    ("mdy", rx.compile(r"\b(?=[JFMASONDTW])" + _WD + _MON + r"\s+" + _DAY + r"(?:,\s*|\s+)"
                       + _YEAR + r"\b")),
    ("dmy", rx.compile(r"\b(?=\d|[MTWFS])" + _WD + _DAY + r"\s+(?:of\s+)?" + _MON + r",?\s+"
                       + _YEAR + r"\b")),
    ("md", rx.compile(r"\b(?=[JFMASONDTW])" + _WD + _MON + r"\s+" + _DAY + r"\b(?!,?\s*\d)")),
    ("dm", rx.compile(r"\b(?=\d|[MTWFS])" + _WD + _DAY + r"\s+(?:of\s+)?" + _MON
                      + r"\b(?!,?\s*\d)")),
    ("my", rx.compile(r"\b(?=[JFMASOND])" + _MON + r",?\s+" + _YEAR + r"\b")),
    ("y", rx.compile(r"\b(?:the\s+(?:year\s+)?)?" + _YEAR + r"\b(?!-\d)")),
]
# Run on the lower-cased text.
_REL = rx.compile(r"\b(?=[ytlneomwfsadt0-9])(?P<rel>yesterday|today|tonight"
                  r"|this (?:morning|afternoon|evening)"
                  r"|(?:earlier |later )?(?:this|last|next) (?:week|month|year)"
                  r"|(?:last |this |next )?(?:monday|tuesday|wednesday|thursday|friday"
                  r"|saturday|sunday)"
                  r"|(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several"
                  r"|a few) (?:days?|weeks?|months?|years?) ago"
                  r"|the previous (?:day|week|month|year)|the day before)\b")
_PREFIX_ROLE = {"since": "since", "from": "since", "after": "since", "until": "until",
                "till": "until", "by": "until", "before": "until"}


@dataclass(frozen=True, slots=True)
class Timex:
    """A time expression with its span in the article text and what it resolves to."""

    start: int
    end: int
    text: str
    when: TimeAnchor
    role: Literal["at", "since", "until", "range"] = "at"


def _month_period(y: int, m: int) -> tuple[date, date]:
    return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])


def _anchor(basis: str, cue: str, d: date | None = None, start: date | None = None,
            end: date | None = None) -> TimeAnchor:
    if d is None and start is not None and start == end:
        d, start, end = start, None, None
    return TimeAnchor(basis=basis, date=d, start=start, end=end, cue=cue)  # type: ignore[arg-type]


def _past_year(month: int, day: int, anchor: date) -> int:
    """The year of a month/day written without one: this year unless that is well ahead."""
    try:
        candidate = date(anchor.year, month, day)
    except ValueError:
        return anchor.year
    return anchor.year - 1 if candidate > anchor + timedelta(days=31) else anchor.year


@lru_cache(maxsize=4096)
def _dateparser(text: str, anchor: date) -> date | None:
    import datetime as dt

    import dateparser

    got = dateparser.parse(text, languages=["en"], settings={
        "RELATIVE_BASE": dt.datetime(anchor.year, anchor.month, anchor.day),
        "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False})
    return got.date() if got is not None else None


@lru_cache(maxsize=4096)
def resolve_relative(rel: str, anchor: date) -> tuple[date, date] | None:
    """A relative expression → (start, end) around ``anchor`` (equal for a single day)."""
    r = rel.lower()
    if r in ("today", "tonight") or (r.startswith("this ") and r.split()[1] in (
            "morning", "afternoon", "evening")):
        return anchor, anchor
    if r in ("yesterday", "the previous day", "the day before"):
        d = anchor - timedelta(days=1)
        return d, d
    words = r.split()
    unit = words[-1]
    if unit in WEEKDAYS:
        back = (anchor.weekday() - WEEKDAYS[unit]) % 7
        if words[0] == "last" and back == 0:
            back = 7
        if words[0] == "next":
            ahead = (WEEKDAYS[unit] - anchor.weekday()) % 7 or 7
            d = anchor + timedelta(days=ahead)
        else:
            d = anchor - timedelta(days=back)
        return d, d
    if "ago" in words:
        ago = _dateparser(r, anchor)
        return (ago, ago) if ago else None
    shift = {"last": -1, "previous": -1, "next": 1}.get(words[-2], 0)
    earlier = words[0] == "earlier"
    if unit == "week":
        monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=shift)
        return (monday, anchor) if earlier else (monday, monday + timedelta(days=6))
    if unit == "month":
        y, m = anchor.year, anchor.month + shift
        if m == 0:
            y, m = y - 1, 12
        elif m == 13:
            y, m = y + 1, 1
        s, e = _month_period(y, m)
        return (s, anchor) if earlier else (s, e)
    if unit == "year":
        y = anchor.year + shift
        return (date(y, 1, 1), anchor) if earlier else (date(y, 1, 1), date(y, 12, 31))
    return None


def _resolve(kind: str, m: re.Match[str], anchor: date, cue: str) -> TimeAnchor | None:
    g = m.groupdict()
    try:
        if kind == "range":
            return _anchor("explicit", cue, start=date(int(g["y1"]), 1, 1),
                           end=date(int(g["y2"]), 12, 31))
        if kind == "span":
            y1, y2 = int(g["y1"]), g["y2"]
            end_year = int(y2) if len(y2) == 4 else y1 // 100 * 100 + int(y2)
            if end_year <= y1:
                return None
            return _anchor("explicit", cue, start=date(y1, 1, 1), end=date(end_year, 12, 31))
        if kind == "rel":
            span = resolve_relative(g["rel"], anchor)
            return _anchor("relative", cue, start=span[0], end=span[1]) if span else None
        if kind == "y":
            y = int(g["year"])
            return _anchor("explicit", cue, start=date(y, 1, 1), end=date(y, 12, 31))
        month = int(g["m"]) if kind == "iso" else MONTHS[g["mon"].lower().rstrip(".")]
        if kind == "my":
            s, e = _month_period(int(g["year"]), month)
            return _anchor("explicit", cue, start=s, end=e)
        day = int(g["day"])
        year = int(g["year"]) if kind in ("iso", "mdy", "dmy") else _past_year(month, day, anchor)
        return _anchor("explicit", cue, d=date(year, month, day))
    except (ValueError, KeyError):
        return None


def _overlaps(taken: list[tuple[int, int]], s: int, e: int) -> bool:
    """Whether ``[s, e)`` overlaps one of ``taken`` (disjoint spans sorted by start): only the
    two neighbours can, so this is a bisect, not a scan (linear time on long articles)."""
    i = bisect_right(taken, (s, e))
    return (i > 0 and taken[i - 1][1] > s) or (i < len(taken) and taken[i][0] < e)


def find_timexes(text: str, offset: int, anchor: date) -> list[Timex]:
    """Time expressions in ``text`` (starting at ``offset`` in the article), in text order."""
    has_digit = _DIGIT.search(text) is not None
    lowered = text.lower()
    has_word = len(lowered) == len(text) and _HAS_WORD.search(text) is not None
    if not has_digit and not has_word:
        return []
    taken: list[tuple[int, int]] = []
    out: list[Timex] = []
    matches = [(k, m) for k, p in _PATTERNS for m in p.finditer(text)] if has_digit else []
    if has_word:
        matches += [("rel", m) for m in _REL.finditer(lowered)]
    for kind, m in matches:
        s, e = m.span()
        pm = _PREP_BEFORE.search(text, max(0, s - 8), s) if kind != "range" else None
        prep = pm.group("prep").lower() if pm else ""
        if kind in ("y", "span") and not prep and not m.group().lower().startswith("the"):
            continue                   # a bare number: "2015 people" ("the 2019 summit" is a time)
        if kind == "rel" and prep not in _REL_PREPS:
            prep = ""
        if prep:
            s = pm.start() if pm else s
        if text[e:e + 2] in ("'s", "’s"):
            continue                   # "next year's budget" names a thing, not the event's time
        if _overlaps(taken, s, e):
            continue
        when = _resolve(kind, m, anchor, text[s:e])
        if when is None:
            continue
        role: Literal["at", "since", "until", "range"] = (
            "range" if kind == "range" else _PREFIX_ROLE.get(prep, "at"))  # type: ignore[assignment]
        insort(taken, (s, e))
        out.append(Timex(offset + s, offset + e, text[s:e], when, role))
    out.sort(key=lambda t: t.start)
    return out


_DIGIT = rx.compile(r"\d")
_HAS_WORD = rx.compile(r"\b(?:yesterday|today|tonight|this|last|next|ago|previous|day before|"
                       r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", re.I)


_FULL_DATES = tuple((k, p) for k, p in _PATTERNS if k in ("iso", "mdy", "dmy"))


def full_dates(text: str) -> list[tuple[int, int, date]]:
    """Every explicit full date in ``text`` ("May 7, 2023", "7 May 2023", "2023-05-07") with its
    span, in text order; no relative or partial expression (those need an anchor)."""
    out: list[tuple[int, int, date]] = []
    for _kind, pattern in _FULL_DATES:
        for m in pattern.finditer(text):
            g = m.groupdict()
            month = int(g["m"]) if g.get("m") else MONTHS[g["mon"].lower().rstrip(".")]
            try:
                out.append((m.start(), m.end(), date(int(g["year"]), month, int(g["day"]))))
            except ValueError:
                continue
    return sorted(out)
