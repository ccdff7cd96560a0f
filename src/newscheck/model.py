"""The data that flows through the pipeline: Article → Claim → Verdict → Report.

Plain dataclasses, no behaviour beyond (de)serialisation and date arithmetic, so that every stage
can be read and tested on its own. ``Report.to_dict()`` is the ``newscheck/report@1`` contract
(see ``docs/report-schema.md`` and ``src/newscheck/schema/report-1.json``).
"""

from __future__ import annotations

import calendar
import datetime as _dt
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any, Literal

from . import rx

SCHEMA_ID = "newscheck/report@1"

ClaimKind = Literal["role", "former_role", "counterpart", "meeting", "visit", "first", "other"]
VerdictLabel = Literal["supported", "refuted", "not_enough_evidence"]
TimeBasis = Literal["published", "explicit", "relative", "narrated", "inferred", "today"]
Precision = Literal["day", "month", "year"]

CLAIM_KINDS: tuple[str, ...] = ("role", "former_role", "counterpart", "meeting", "visit", "first",
                                "other")
VERDICTS: tuple[str, ...] = ("supported", "refuted", "not_enough_evidence")

_PARTIAL_RE = rx.compile(r"^[+]?(\d{1,4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


@dataclass(frozen=True, slots=True, order=True)
class PartialDate:
    """A date known to day, month or year precision (Wikidata precision 11, 10, 9).

    ``value`` is the first day of the period; ``earliest()``/``latest()`` bound it.
    """

    value: date
    precision: Precision = "day"

    @classmethod
    def parse(cls, text: str, precision: Precision | None = None) -> PartialDate:
        """Parse ``2013``, ``2013-05``, ``2013-05-07`` or Wikidata's ``+2013-05-00T00:00:00Z``.

        Zero month/day (Wikidata's way of writing a coarser date) lowers the precision.
        """
        m = _PARTIAL_RE.match(text.strip())
        if not m:
            raise ValueError(f"not a date: {text!r}")
        year = int(m.group(1))
        month = int(m.group(2)) if m.group(2) else 0
        day = int(m.group(3)) if m.group(3) else 0
        inferred: Precision = "day" if day else ("month" if month else "year")
        order = {"year": 0, "month": 1, "day": 2}
        prec = inferred if precision is None or order[precision] > order[inferred] else precision
        return cls(date(year, month or 1, day or 1) if prec == "day"
                   else date(year, month or 1, 1) if prec == "month" else date(year, 1, 1), prec)

    def earliest(self) -> date:
        return self.value

    def latest(self) -> date:
        if self.precision == "day":
            return self.value
        if self.precision == "month":
            last = calendar.monthrange(self.value.year, self.value.month)[1]
            return self.value.replace(day=last)
        return date(self.value.year, 12, 31)

    def iso(self) -> str:
        if self.precision == "year":
            return f"{self.value.year:04d}"
        if self.precision == "month":
            return f"{self.value.year:04d}-{self.value.month:02d}"
        return self.value.isoformat()

    def __str__(self) -> str:
        return self.iso()


class Coverage(StrEnum):
    """Does a term cover a date? ``MAYBE`` when coarse precision or missing bounds leave it open."""

    YES = "yes"
    NO = "no"
    MAYBE = "maybe"


@dataclass(frozen=True, slots=True)
class Term:
    """One statement "person held position from start to end" (Wikidata P39 with P580/P582)."""

    person: str
    position: str
    start: PartialDate | None = None
    end: PartialDate | None = None
    source: str = ""
    statement: str | None = None
    rank: Literal["preferred", "normal", "deprecated"] = "normal"
    person_label: str = ""
    position_label: str = ""
    as_of: date | None = None           # the date its source was taken (None: unknown)

    def covers(self, at: date, *, as_of: date | None = None) -> Coverage:
        """Whether this term covers ``at``.

        An open end means "still held" up to the date its source was taken (``self.as_of``,
        else the given ``as_of``) and MAYBE after it; an unknown start never gives a certain YES.
        """
        as_of = self.as_of if self.as_of is not None else as_of
        if self.start is not None and at < self.start.earliest():
            return Coverage.NO
        if self.end is not None and at > self.end.latest():
            return Coverage.NO
        start_certain = self.start is not None and at >= self.start.latest()
        if self.end is not None:
            end_certain = at <= self.end.earliest()
        else:
            end_certain = as_of is None or at <= as_of
        return Coverage.YES if start_certain and end_certain else Coverage.MAYBE

    def days_to_boundary(self, at: date) -> int | None:
        """Days between ``at`` and the nearest known start or end (None when neither is known)."""
        gaps = [abs((at - d).days) for pd in (self.start, self.end) if pd is not None
                for d in (pd.earliest(), pd.latest())]
        return min(gaps) if gaps else None

    def span(self) -> str:
        start = self.start.iso() if self.start else "?"
        end = self.end.iso() if self.end else "present"
        return f"{start} to {end}"


@dataclass(frozen=True, slots=True)
class Entity:
    """An item of the knowledge graph: a person, a position (office), a country or other."""

    id: str
    label: str
    kind: Literal["person", "position", "country", "other"] = "other"
    aliases: tuple[str, ...] = ()
    description: str = ""
    country: str | None = None          # positions: the country (P17/P1001); people: unused
    office_kind: str | None = None      # positions: head_of_state, foreign_minister, ...
    demonyms: tuple[str, ...] = ()      # countries


@dataclass(slots=True)
class Article:
    """A clean article: the checked body in ``text`` and what was removed from it, listed."""

    text: str
    title: str | None = None
    published: date | None = None
    published_basis: Literal["page", "option", "none"] = "none"
    author: str | None = None
    source: str | None = None           # path, URL or "<stdin>"
    url: str | None = None
    sitename: str | None = None
    language: str | None = None
    input_format: Literal["html", "text"] = "text"
    removed: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    # What intake had to guess (an encoding): copied into the report's warnings, not its article.
    warnings: list[str] = field(default_factory=list, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "author": self.author,
            "source": self.source,
            "language": self.language,
            "text": self.text,
            "removed": list(self.removed),
            "credits": list(self.credits),
        }


@dataclass(slots=True)
class EntityRef:
    """A mention in the text and the knowledge-graph entity it was linked to (if any)."""

    mention: str
    id: str | None = None
    label: str | None = None
    start: int | None = None
    end: int | None = None
    candidates: tuple[str, ...] = ()    # ids still possible when linking stayed ambiguous

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"mention": self.mention, "id": self.id, "label": self.label}
        if self.start is not None:
            out["start"], out["end"] = self.start, self.end
        if self.candidates:
            out["candidates"] = list(self.candidates)
        return out


@dataclass(slots=True)
class TimeAnchor:
    """When a claim is asserted to hold: one date, or a period, and why we think so."""

    basis: TimeBasis
    date: _dt.date | None = None
    start: _dt.date | None = None
    end: _dt.date | None = None
    cue: str | None = None              # the words that set it ("in 2015", "then-", "last month")
    sentence: str | None = None         # basis "inferred": the sentence the date was read from

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.date is not None:
            out["date"] = self.date.isoformat()
        else:
            out["start"] = self.start.isoformat() if self.start else None
            out["end"] = self.end.isoformat() if self.end else None
        out["basis"] = self.basis
        if self.cue:
            out["cue"] = self.cue
        if self.sentence:
            out["sentence"] = self.sentence
        return out


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why a verdict was reached: a KB statement, a reference passage or a note."""

    kind: Literal["kb_statement", "passage", "note"]
    source: str
    text: str
    id: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "source": self.source, "text": self.text, "id": self.id,
                **self.extra}


@dataclass(frozen=True, slots=True)
class Verdict:
    label: VerdictLabel
    confidence: float
    explanation: str
    evidence: tuple[Evidence, ...] = ()


@dataclass(slots=True)
class Claim:
    """One atomic, checkable claim with its span in ``Article.text``."""

    id: str
    kind: ClaimKind
    text: str
    sentence: str
    start: int
    end: int
    time: TimeAnchor
    subject: EntityRef | None = None
    object: EntityRef | None = None
    qualifiers: dict[str, Any] = field(default_factory=dict)  # office kind, country, place, ...
    verdict: Verdict | None = None

    def to_dict(self) -> dict[str, Any]:
        v = self.verdict or Verdict("not_enough_evidence", 0.0, "This claim was not checked.")
        return {
            "id": self.id,
            "kind": self.kind,
            "text": self.text,
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "subject": self.subject.to_dict() if self.subject else None,
            "object": self.object.to_dict() if self.object else None,
            "qualifiers": dict(self.qualifiers),
            "time": self.time.to_dict(),
            "verdict": v.label,
            "confidence": round(v.confidence, 3),
            "explanation": v.explanation,
            "evidence": [e.to_dict() for e in v.evidence],
        }


@dataclass(slots=True)
class Report:
    article: Article
    claims: list[Claim]
    anchor: TimeAnchor
    knowledge: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    version: str = ""
    against: dict[str, Any] | None = None    # check --against: sources, claims not in them
    corpus: dict[str, Any] | None = None     # check --corpus: the reference corpus used

    def summary(self) -> dict[str, int]:
        counts = dict.fromkeys(VERDICTS, 0)
        for c in self.claims:
            counts[c.verdict.label if c.verdict else "not_enough_evidence"] += 1
        return {"claims": len(self.claims), **counts}

    def to_dict(self) -> dict[str, Any]:
        out = self.to_dict_without_claims()
        out["claims"] = [c.to_dict() for c in self.claims]    # keeps its place in the order
        return out

    def to_dict_without_claims(self) -> dict[str, Any]:
        """:meth:`to_dict` with ``claims`` in its place but not filled (streamed renderers)."""
        out: dict[str, Any] = {
            "schema": SCHEMA_ID,
            "newscheck": self.version,
            "article": self.article.to_dict(),
            "anchor": self.anchor.to_dict(),
            "knowledge": dict(self.knowledge),
            "claims": None,
            "summary": self.summary(),
            "warnings": list(self.warnings),
        }
        if self.against is not None:
            out["against"] = dict(self.against)
        if self.corpus is not None:
            out["corpus"] = dict(self.corpus)
        return out
