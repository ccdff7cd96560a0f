"""Stage 5b of ``check --corpus DIR``: evidence passages and known fact-checks for each claim.

For each claim of kind ``other``, ``meeting``, ``visit`` or ``first`` (the kinds the knowledge
graph does not settle):

1. **retrieve** the best BM25 passages for the claim's sentence; **time-aware**: a passage of a
   document published after the claim was made — the article's date (its anchor), which
   ``--as-of`` overrides — is never evidence for it, nor is a passage of the checked article
   itself (same URL or text); passages of undated documents are shown but never decide;
2. the **stance** model labels each dated passage (support / refute / neutral) and
   :func:`newscheck.stance.aggregate` combines them. A claim without a definite knowledge-graph
   verdict takes its ``supported`` only when a supporting passage also holds most of the claim's
   words without contradicting a detail, and its ``refuted`` only when an exact comparison
   (:func:`newscheck.evidence.compare.compare`) finds a changed detail in a refuting passage —
   two kinds of evidence agreeing, never a model's word alone;
3. a **known fact-check** whose claim is similar is shown; a near-verbatim one published before
   the article carries its rating (:mod:`.factchecks`).

A definite knowledge-graph verdict is never overturned: the passages are added as evidence.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..evidence.compare import MIN_SHARED, Comparison, SourceFacts, compare
from ..evidence.features import features
from ..model import Article, Claim, Evidence, TimeAnchor, Verdict
from .factchecks import VERBATIM_SIMILARITY, FactCheckIndex, rating_verdict
from .index import BM25Index
from .store import CorpusStore, Passage, text_digest

if TYPE_CHECKING:
    from ..stance import StanceModel

KINDS = frozenset({"other", "meeting", "visit", "first"})
# A stance "support" also needs the passage to hold this share of the claim's content words
# (and at least MIN_SHARED of them) without contradicting a detail.
SUPPORT_COVERAGE = 0.5
TOP_PASSAGES = 3
CANDIDATES = 30


@dataclass(slots=True)
class Corpus:
    """An opened reference corpus: store, BM25 index and fact-checks."""

    path: Path
    store: CorpusStore
    index: BM25Index
    _factchecks: FactCheckIndex | None = None

    @classmethod
    def open(cls, path: str | Path) -> Corpus:
        store = CorpusStore(path)
        return cls(Path(path), store, BM25Index(Path(path)))

    @property
    def factchecks(self) -> FactCheckIndex:
        if self._factchecks is None:
            self._factchecks = FactCheckIndex(self.store.factchecks())
        return self._factchecks

    def retrieve(self, query: str, cutoff: date | None, exclude: Article | None = None,
                 k: int = TOP_PASSAGES) -> list[tuple[Passage, float]]:
        """The ``k`` best passages published by ``cutoff`` (undated ones too), never from the
        ``exclude`` article itself (same URL or same text)."""
        url = exclude.url if exclude is not None else None
        digest = text_digest(exclude.text) if exclude is not None else None
        (hits,) = self.index.search([query], CANDIDATES)
        found = self.store.passages([pid for pid, _ in hits])
        out = []
        for pid, score in hits:
            p = found.get(pid)
            if p is None or (url and p.url == url) or p.digest == digest:
                continue
            if cutoff is not None and p.published is not None and p.published > cutoff:
                continue
            out.append((p, score))
            if len(out) == k:
                break
        return out

    def close(self) -> None:
        self.store.close()


def _passage_evidence(p: Passage, score: float, stance: str | None) -> Evidence:
    extra: dict[str, Any] = {"role": "retrieved", "score": round(score, 3),
                             "title": p.title, "url": p.url,
                             "published": p.published.isoformat() if p.published else None}
    if stance:
        extra["stance"] = stance
    return Evidence("passage", p.url or p.source or "corpus", p.text, id=f"p{p.pid}",
                    extra=extra)


def _compare(claim: Claim, passage: str) -> Comparison:
    facts = SourceFacts()
    pf = features(passage)
    facts.add(pf)
    return compare(features(claim.sentence), pf, facts, min_rest=0.7)


def _lexical_support(claim: Claim, passage: str) -> bool:
    """The passage holds most of the claim's words and contradicts none of its details."""
    cmp = _compare(claim, passage)
    return not cmp.conflicts and cmp.coverage >= SUPPORT_COVERAGE and cmp.shared >= MIN_SHARED


def _factcheck(claim: Claim, corpus: Corpus, published: date | None
               ) -> tuple[Evidence | None, Verdict | None]:
    if not corpus.factchecks.items:
        return None, None
    found = corpus.factchecks.match(claim.sentence)
    if found is None:
        return None, None
    fc, sim = found
    ev = Evidence("passage", fc.url or fc.publisher or "fact-check", fc.claim, id=f"fc{fc.id}",
                  extra={"role": "factcheck", "similarity": sim, "factcheck": {
                      "claim_reviewed": fc.claim, "rating": fc.rating,
                      "publisher": fc.publisher,
                      "date": fc.date.isoformat() if fc.date else None, "url": fc.url}})
    label = rating_verdict(fc.rating)
    dated_before = fc.date is not None and published is not None and fc.date < published
    # "The bridge does not carry ..." shares every content word with a fact-check of "The
    # bridge carries ...": a rating carries over only when both say it the same way round
    mine, theirs = features(claim.sentence), features(fc.claim)
    same_way = bool(mine.negated) == bool(theirs.negated)
    # a long sentence that differs only in a number or a year still clears the word overlap:
    # "60,000 vehicles" is not the claim a fact-check rated for "90,000 vehicles"
    same_figures = ({n.value for n in mine.numbers} == {n.value for n in theirs.numbers}
                    and mine.years == theirs.years)
    if (sim >= VERBATIM_SIMILARITY and dated_before and label is not None and same_way
            and same_figures):
        who = fc.publisher or "a fact-checker"
        return ev, Verdict(label, 0.8, f"A known fact-check by {who} ({fc.date}) rated this "
                                       f"claim “{fc.rating}”: “{fc.claim}”", (ev,))
    return ev, None


def apply_corpus(claims: list[Claim], article: Article, corpus: Corpus, anchor: TimeAnchor, *,
                 as_of: date | None = None, stance: StanceModel | None = None
                 ) -> dict[str, Any]:
    """Add corpus evidence (and verdicts where the rules allow) to ``claims``; the report part."""
    from ..stance import aggregate, load_stance

    for claim in claims:
        if claim.kind not in KINDS:
            continue
        kb = claim.verdict
        cutoff = as_of or anchor.date
        hits = corpus.retrieve(claim.sentence, cutoff, article)
        fc_ev, fc_verdict = _factcheck(claim, corpus, article.published or anchor.date)
        dated = [(p, s) for p, s in hits if p.published is not None]
        results = []
        if dated:
            stance = stance or load_stance()
            results = stance.predict([(claim.sentence, p.text) for p, _ in dated])
        labels = {p.pid: r.label for (p, _), r in zip(dated, results, strict=True)}
        evidence = [_passage_evidence(p, s, labels.get(p.pid)) for p, s in hits]
        if fc_ev is not None:
            evidence.insert(0, fc_ev)
        if kb is not None and kb.label != "not_enough_evidence":
            claim.verdict = Verdict(kb.label, kb.confidence, kb.explanation,
                                    (*kb.evidence, *evidence))
            continue
        if fc_verdict is not None:
            claim.verdict = Verdict(fc_verdict.label, fc_verdict.confidence,
                                    fc_verdict.explanation, tuple(evidence))
            continue
        label, conf = aggregate(results, model=stance)
        if label == "refuted":
            refuting = [p for (p, _), r in zip(dated, results, strict=True)
                        if r.label == "refute"]
            if not any(_compare(claim, p.text).conflicts for p in refuting):
                label = "not_enough_evidence"
        elif label == "supported":
            supporting = [p for (p, _), r in zip(dated, results, strict=True)
                          if r.label == "support"]
            if not any(_lexical_support(claim, p.text) for p in supporting):
                label = "not_enough_evidence"
        claim.verdict = Verdict(label, conf if label != "not_enough_evidence" else 0.0,
                                _explain(label, hits, cutoff), tuple(evidence))
    return {"path": str(corpus.path), "passages": corpus.store.stats()["passages"],
            "as_of": as_of.isoformat() if as_of else None}


def _explain(label: str, hits: list[tuple[Passage, float]], cutoff: date | None) -> str:
    when = f" published by {cutoff.isoformat()}" if cutoff else ""
    if not hits:
        return f"No passage of the reference corpus{when} is about this"
    top = hits[0][0]
    src = top.title or top.url or top.source or "the corpus"
    if label == "supported":
        return f"Reference passages{when} support this, e.g. “{top.text}” ({src})"
    if label == "refuted":
        return (f"Reference passages{when} contradict this, and a detail differs: “{top.text}” "
                f"({src})")
    return (f"The reference corpus{when} has related passages (the closest: “{top.text}”, "
            f"{src}) but none that clearly supports or contradicts this")
