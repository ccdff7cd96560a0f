"""Stage 5b of ``check --against``: every sentence of the rewrite judged against its source(s).

Each statement sentence of the rewrite is judged once (:func:`.align.judge`). A sentence that
no claim pattern took becomes an ``other`` claim, so that every sentence is listed; the verdict
of each claim in the sentence then combines the knowledge-graph verdict with the text's
(:func:`combine`). Claims the source does not state are collected in ``not_in_source``: they are
what a fact-checker reads first.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .. import rx
from ..claims.sentences import split_sentences
from ..model import Article, Claim, Evidence, TimeAnchor, Verdict
from .align import Judgement, SourceSet, judge

if TYPE_CHECKING:
    from ..stance import StanceModel

MIN_STATEMENT_WORDS = 4
_NOT_A_STATEMENT = rx.compile(r"\?[\"”’']?$|^(?:read more|subscribe|sign up|share|advertisement)"
                              r"\b", re.I)


@dataclass(slots=True)
class AgainstResult:
    """What ``check --against`` adds to a report (``Report.against``)."""

    sources: list[dict[str, Any]] = field(default_factory=list)
    not_in_source: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"sources": list(self.sources), "not_in_source": list(self.not_in_source)}


def is_statement(sentence: str) -> bool:
    return len(sentence.split()) >= MIN_STATEMENT_WORDS and not _NOT_A_STATEMENT.search(
        sentence.strip())


def combine(kb: Verdict | None, text: Judgement, claim: Claim, *, text_owned: bool) -> Verdict:
    """One verdict from the knowledge graph's and the source's.

    The text decides ``other`` claims (``text_owned``). For other kinds a definite knowledge-graph
    verdict stands (the source is evidence about what the rewrite changed, not about the world:
    a rewrite may correct its source), with the source's finding added; an open one takes the
    text's support, and its refutation only when the contradicted words are inside the claim.
    """
    ev = tuple(text.evidence)
    if text_owned or kb is None:
        return Verdict(text.label, text.confidence, text.explanation, ev)
    if kb.label != "not_enough_evidence":
        if text.label != "not_enough_evidence" and text.label != kb.label:
            note = Evidence("note", "source", f"The source differs: {text.explanation}")
            return Verdict(kb.label, kb.confidence, kb.explanation, (*kb.evidence, *ev, note))
        return Verdict(kb.label, kb.confidence, kb.explanation, (*kb.evidence, *ev))
    inside = text.comparison is not None and any(
        c.rewrite.lower() in claim.text.lower() for c in text.comparison.conflicts)
    if text.label == "supported" or (text.label == "refuted" and inside):
        return Verdict(text.label, text.confidence, text.explanation, (*kb.evidence, *ev))
    return Verdict(kb.label, kb.confidence, f"{kb.explanation.rstrip('.')}. {text.explanation}",
                   (*kb.evidence, *ev))


def source_info(article: Article, n: int) -> dict[str, Any]:
    return {"id": f"s{n}", "source": article.source, "title": article.title,
            "published": article.published.isoformat() if article.published else None,
            "url": article.url}


def check_against(claims: list[Claim], article: Article, sources: Sequence[Article],
                  anchor: TimeAnchor, stance: StanceModel | None = None
                  ) -> tuple[list[Claim], AgainstResult]:
    """Judge every sentence of ``article`` against ``sources``; returns the claims (with the
    added ``other`` claims, renumbered in text order) and the report's ``against`` part."""
    sset = SourceSet(list(sources))
    result = AgainstResult([source_info(a, i) for i, a in enumerate(sources, 1)])
    ordered = sorted(claims, key=lambda c: (c.start, c.end))
    out: list[Claim] = []
    text_claims: list[tuple[Claim, Judgement]] = []
    i = 0
    for sent in split_sentences(article.text):
        inside: list[Claim] = []
        while i < len(ordered) and ordered[i].start < sent.end:
            inside.append(ordered[i])
            i += 1
        if not inside and not is_statement(sent.text):
            continue
        verdict = judge(sent.text, sset, stance)
        if not any(c.kind == "other" for c in inside):
            inside.append(Claim(id="", kind="other", text=sent.text, sentence=sent.text,
                                start=sent.start, end=sent.end,
                                time=TimeAnchor(basis=anchor.basis, date=anchor.date,
                                                start=anchor.start, end=anchor.end,
                                                cue=anchor.cue)))
        for c in inside:
            c.verdict = combine(c.verdict, verdict, c, text_owned=c.kind == "other")
            if c.kind == "other":
                text_claims.append((c, verdict))
        out.extend(inside)
    out.extend(ordered[i:])
    out.sort(key=lambda c: (c.start, c.end))
    for n, c in enumerate(out, 1):
        c.id = f"c{n}"
    result.not_in_source = [c.id for c, j in text_claims if j.not_in_source]
    return out, result
