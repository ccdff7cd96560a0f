"""``other`` claims: a remaining sentence worth checking (numbers, dates, names), not a
question, a quote or boilerplate."""

from __future__ import annotations

import re

from .. import rx
from .draft import Context

_BOILER = rx.compile(r"\b(?:read more|subscribe|sign up|all rights reserved|copyright|click here|"
                     r"follow us|newsletter|advertisement|reporting by|editing by|contributed to "
                     r"this report|cookies?|terms of (?:use|service)|privacy policy)\b|^(?:photo|"
                     r"image|video|file photo|caption)\b", re.I)
_QUOTE_ONLY = rx.compile(r"^[\"“'‘].*[\"”'’][.!]?$|^[\"“][^\"”]*[.!?,][\"”]\s*$")
MIN_OTHER_WORDS = 6
_DIGIT = rx.compile(r"\d")


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
