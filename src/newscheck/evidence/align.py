"""Align a rewrite's sentence to the sentences of its source(s) and judge it.

:class:`SourceSet` splits each source article into sentences (the claim stage's splitter) and
weighs words by IDF over them. :func:`judge` ranks source sentences (and pairs of adjacent ones,
for a rewrite sentence that merges two) by the IDF-weighted share of the claim's content words
they hold, compares the claim with the best few (:func:`.compare.compare`) and decides:

1. a part that restates the claim (enough coverage, nothing added, nothing contradicted) →
   **supported**, with that part as evidence;
2. else the best-aligned part contradicting it → **refuted**, the explanation quoting both;
3. else, if the claim is close to a part without adding a detail, the stance model (the
   shipped one unless another is given) may find support — never a refutation: it is weaker
   evidence than an exact comparison;
4. else **not_enough_evidence**, "not in the source", naming what the source does not state.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..claims.sentences import split_sentences
from ..model import Article, Evidence, VerdictLabel
from .compare import (
    MIN_REST_COVERAGE,
    MIN_REST_COVERAGE_PAIR,
    Comparison,
    SourceFacts,
    compare,
)
from .features import Features, features

if TYPE_CHECKING:
    from ..stance import StanceModel

# A part holding this share of the claim's content words (and nothing the claim adds or
# contradicts) restates it.
SUPPORT_COVERAGE = 0.6
# A claim with a word the source never uses ("airport", "funded") may say something new: it
# needs this coverage to count as restating.
SUPPORT_COVERAGE_WITH_NEW_WORDS = 0.85
# Parts below this IDF-weighted coverage are not compared at all.
MIN_ALIGN = 0.2
# How many best-aligned parts are compared.
TOP_PARTS = 4
# The stance model is asked about claims this close to a part, without an added detail.
STANCE_COVERAGE = 0.35
STANCE_SUPPORT = 0.8
NOT_IN_SOURCE = "Not in the source"


@dataclass(frozen=True, slots=True)
class SourceSentence:
    source: int             # index of the source article
    n: int                  # index of the sentence within it
    text: str


@dataclass(frozen=True, slots=True)
class Part:
    """One source sentence, or two adjacent ones, that a claim is compared with."""

    sentences: tuple[SourceSentence, ...]
    text: str
    feats: Features


@dataclass(slots=True)
class Judgement:
    label: VerdictLabel
    confidence: float
    explanation: str
    evidence: tuple[Evidence, ...] = ()
    not_in_source: bool = False
    comparison: Comparison | None = None


@dataclass(slots=True)
class SourceSet:
    """The source articles of ``check --against``, split and indexed for alignment."""

    articles: list[Article]
    sentences: list[SourceSentence] = field(default_factory=list)
    facts: SourceFacts = field(default_factory=SourceFacts)
    idf: dict[str, float] = field(default_factory=dict)
    postings: dict[str, list[int]] = field(default_factory=dict)
    unseen: float = 0.0             # the weight of a word no source sentence has

    def __post_init__(self) -> None:
        df: Counter[str] = Counter()
        for i, art in enumerate(self.articles):
            for n, sent in enumerate(split_sentences(art.text)):
                idx = len(self.sentences)
                self.sentences.append(SourceSentence(i, n, sent.text))
                f = features(sent.text)
                self.facts.add(f)
                for w in set(f.words):
                    df[w] += 1
                    self.postings.setdefault(w, []).append(idx)
        total = len(self.sentences) + 1
        self.idf = {w: math.log(1 + total / c) for w, c in df.items()}
        self.unseen = math.log(1 + total)

    def weight(self, word: str) -> float:
        return self.idf.get(word, self.unseen)

    def parts(self, claim: Features) -> list[tuple[float, Part]]:
        """The best-aligned parts, best first, with their IDF-weighted coverage."""
        words = set(claim.words)
        total = sum(self.weight(w) for w in words) or 1.0
        score: dict[int, float] = {}
        for w in words:
            for idx in self.postings.get(w, ()):
                score[idx] = score.get(idx, 0.0) + self.weight(w)
        ranked: list[tuple[float, Part]] = []
        for idx, s in sorted(score.items(), key=lambda kv: -kv[1])[:TOP_PARTS]:
            if s / total < MIN_ALIGN:
                break
            one = self.sentences[idx]
            ranked.append((s / total, Part((one,), one.text, features(one.text))))
            for other in (idx - 1, idx + 1):
                if 0 <= other < len(self.sentences) and \
                        self.sentences[other].source == one.source:
                    pair = tuple(sorted((one, self.sentences[other]), key=lambda x: x.n))
                    text = " ".join(x.text for x in pair)
                    both = sum(self.weight(w) for w in words
                               if w in features(pair[0].text).words or
                               w in features(pair[1].text).words)
                    if both > s:
                        ranked.append((both / total, Part(pair, text, features(text))))
        ranked.sort(key=lambda sp: -sp[0])
        return ranked[:TOP_PARTS]

    def evidence(self, part: Part, role: str) -> Evidence:
        first = part.sentences[0]
        art = self.articles[first.source]
        extra: dict[str, object] = {"role": role}
        if art.title:
            extra["title"] = art.title
        if art.published:
            extra["published"] = art.published.isoformat()
        if art.url:
            extra["url"] = art.url
        return Evidence("passage", art.source or f"source {first.source + 1}", part.text,
                        id=f"s{first.source + 1}:{first.n + 1}", extra=extra)


def _quote(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return f"“{text if len(text) <= limit else text[:limit - 1] + '…'}”"


def _conflict_text(cmp: Comparison) -> str:
    parts = []
    for c in cmp.conflicts:
        if c.what in ("hedge", "limit"):
            parts.append(f"the source qualifies it (“{c.source}”), the rewrite states it "
                         f"without that")
        elif c.what == "negation":
            parts.append(f"the source {c.source}, the rewrite {c.rewrite}")
        else:
            parts.append(f"{c.what}: the source says “{c.source}”, the rewrite “{c.rewrite}”")
    return "; ".join(parts)


def judge(sentence: str, sources: SourceSet, stance: StanceModel | None = None) -> Judgement:
    """The verdict on one rewrite sentence against the sources (see the module's rules)."""
    claim = features(sentence)
    if not claim.words:
        return Judgement("not_enough_evidence", 0.0, "Nothing to compare with the source")
    parts = sources.parts(claim)
    compared = [(score, part, compare(claim, part.feats, sources.facts,
                                      min_rest=MIN_REST_COVERAGE_PAIR if len(part.sentences) > 1
                                      else MIN_REST_COVERAGE))
                for score, part in parts]
    new_words = [w for w in set(claim.words) if w[:1].isalpha() and w not in sources.idf]
    for _score, part, cmp in compared:
        if cmp.restates and cmp.coverage >= SUPPORT_COVERAGE and (
                not new_words or cmp.coverage >= SUPPORT_COVERAGE_WITH_NEW_WORDS):
            return Judgement("supported", round(0.6 + 0.35 * cmp.coverage, 3),
                             f"The source states this: {_quote(part.text)}",
                             (sources.evidence(part, "states"),), comparison=cmp)
    for _score, part, cmp in compared:
        if cmp.conflicts:
            return Judgement("refuted", 0.9,
                             f"The source says otherwise: {_quote(part.text)} — rewrite: "
                             f"{_quote(sentence)} ({_conflict_text(cmp)})",
                             (sources.evidence(part, "contradicts"),), comparison=cmp)
    if compared:
        _score, part, cmp = compared[0]
        if not cmp.added and cmp.coverage >= STANCE_COVERAGE:
            if stance is None:
                from ..stance import load_stance

                stance = load_stance()
            (result,) = stance.predict([(sentence, part.text)])
            if result.label == "support" and result.score >= STANCE_SUPPORT:
                return Judgement("supported", round(0.5 * result.score, 3),
                                 f"The source states this in other words ({stance.name}: "
                                 f"{result.score:.2f}): {_quote(part.text)}",
                                 (sources.evidence(part, "paraphrases"),), comparison=cmp)
    if not compared:
        return Judgement("not_enough_evidence", 0.0,
                         f"{NOT_IN_SOURCE}: no source sentence says this", not_in_source=True)
    _score, part, cmp = compared[0]
    added = sorted(set(cmp.added))
    what = (f"it does not state {', '.join(added)}" if added
            else "it does not state the rest of this sentence")
    return Judgement("not_enough_evidence", 0.0,
                     f"{NOT_IN_SOURCE}: the closest source sentence is {_quote(part.text)}; "
                     f"{what}", (sources.evidence(part, "closest"),), not_in_source=True,
                     comparison=cmp)
