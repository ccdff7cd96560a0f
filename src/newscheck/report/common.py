"""Helpers shared by the text, markdown, html and claimreview renderers.

Verdict names, icons and labels live here so that every format says the same thing the same way;
so do span segmentation (claims can overlap) and the URL check (only http/https become links).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise
from urllib.parse import urlsplit

from .. import rx
from ..model import VERDICTS, Claim, Report, TimeAnchor, Verdict

# Icons are shape-coded so the verdict reads without colour (colour-blind readers, monochrome
# terminals, printouts): a tick, a cross and a question mark.
ICONS: dict[str, str] = {"supported": "✔", "refuted": "✘", "not_enough_evidence": "?"}
LABELS: dict[str, str] = {
    "supported": "Supported",
    "refuted": "Refuted",
    "not_enough_evidence": "Not enough evidence",
}
# When claims overlap, the span shows the most important verdict: a refutation must not be hidden
# under a supported claim that shares words with it.
SEVERITY: dict[str, int] = {"refuted": 2, "not_enough_evidence": 1, "supported": 0}

# Same fallback as Claim.to_dict(), so a renderer never disagrees with the JSON report.
UNCHECKED = Verdict("not_enough_evidence", 0.0, "This claim was not checked.")

# Table cells show the first sentence of an explanation, cut at this many characters.
SHORT_EXPLANATION = 160
# A full stop that ends a sentence: after a lower-case letter, a digit or a closing bracket
# (so not the "U.S." or "J." of abbreviations and initials), before a space.
_SENTENCE_END = rx.compile(r"(?<=[a-z0-9)\]”\"'])\.(?= )")


# Control characters (C0 but tab and newline, DEL, C1) shown as visible ``\\xNN`` escapes in the
# human-facing formats: an ESC or OSC sequence from an article or a KB label must not reach the
# terminal (``\\e]0;title\\a`` retitles it, ``\\e[2J`` clears it).
_CONTROLS = {c: f"\\x{c:02x}"
             for c in (*range(0x09), *range(0x0b, 0x20), *range(0x7f, 0xa0))}


def printable(text: str | None) -> str:
    """``text`` with every control character but tab and newline escaped as ``\\xNN``."""
    return (text or "").translate(_CONTROLS)


def verdict_of(claim: Claim) -> Verdict:
    """The claim's verdict, or the "not checked" verdict the JSON report also uses."""
    return claim.verdict or UNCHECKED


def verdict_line(label: str) -> str:
    """``"✘ Refuted"``: icon and word together, never the colour alone."""
    return f"{ICONS[label]} {LABELS[label]}"


def summary_line(report: Report) -> str:
    """``"3 claims: 1 supported, 1 refuted, 1 not enough evidence"``."""
    s = report.summary()
    noun = "claim" if s["claims"] == 1 else "claims"
    parts = ", ".join(f"{s[v]} {LABELS[v].lower()}" for v in VERDICTS)
    return f"{s['claims']} {noun}: {parts}"


def shorten(text: str, limit: int = SHORT_EXPLANATION) -> str:
    """``text`` on one line, cut to ``limit`` characters: after the last whole sentence that
    fits (if it is not tiny), else at a word boundary, marked with "…"."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    for m in reversed(list(_SENTENCE_END.finditer(flat, 0, limit))):
        if m.end() >= limit // 4:
            return flat[: m.end()]
    cut = flat.rfind(" ", 0, limit)
    return flat[: cut if cut > limit // 2 else limit - 1].rstrip(" ,;:") + "…"


def anchor_text(anchor: TimeAnchor) -> str:
    """``"2023-05-07 (published)"`` or ``"2015-01-01 to 2015-12-31 (narrated, “in 2015”)"``."""
    if anchor.date is not None:
        when = anchor.date.isoformat()
    else:
        start = anchor.start.isoformat() if anchor.start else "?"
        end = anchor.end.isoformat() if anchor.end else "?"
        when = f"{start} to {end}"
    why = anchor.basis + (f", “{anchor.cue}”" if anchor.cue else "")
    return f"{when} ({why})"


def safe_url(url: str | None) -> str | None:
    """``url`` if it is an absolute http(s) URL without spaces or markup characters, else None.

    Only such URLs are ever turned into links; anything else (``javascript:``, ``data:``,
    relative paths, local files) is shown as text.
    """
    if not url:
        return None
    url = url.strip()
    if any(ch.isspace() or ch in '<>"\'`\\' for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


@dataclass(frozen=True, slots=True)
class Segment:
    """A stretch ``text[start:end]`` and the indexes of the claims covering all of it."""

    start: int
    end: int
    claims: tuple[int, ...]


def clamp_span(claim: Claim, length: int) -> tuple[int, int] | None:
    """The claim's span clamped to ``[0, length]``; None when it is empty or inverted."""
    start, end = max(0, claim.start), min(length, claim.end)
    return (start, end) if start < end else None


def segments(text: str, claims: list[Claim]) -> list[Segment]:
    """Cut ``text`` at every claim boundary so overlapping and nested spans become flat pieces.

    Every piece lists the claims that cover it (possibly none); concatenating the pieces gives
    ``text`` back. Spans outside the text or with start >= end are ignored.
    """
    spans = {i: s for i, c in enumerate(claims) if (s := clamp_span(c, len(text))) is not None}
    cuts = sorted({0, len(text), *(p for s in spans.values() for p in s)})
    out: list[Segment] = []
    for a, b in pairwise(cuts):
        covering = tuple(i for i, (s, e) in spans.items() if s <= a and b <= e)
        out.append(Segment(a, b, covering))
    return out


def dominant(labels: Iterable[str]) -> str:
    """The verdict to colour a span covered by several claims (the most severe)."""
    return max(labels, key=SEVERITY.__getitem__)


def not_in_source(report: Report) -> list[tuple[int, Claim]]:
    """``check --against``: the claims (with their 1-based number) the source does not state."""
    ids = set((report.against or {}).get("not_in_source", ()))
    return [(n, c) for n, c in enumerate(report.claims, 1) if c.id in ids]
