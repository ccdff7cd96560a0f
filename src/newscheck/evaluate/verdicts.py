"""Verdict evaluation over the gold set: the whole pipeline, scored against gold verdicts.

Each gold article is checked by :func:`newscheck.pipeline.check` with the fixture KB and the
article's ``published`` date; predicted claims are matched to gold claims with
:func:`newscheck.evaluate.gold.match_claims`. Recall is over gold claims: a gold claim that was not
extracted counts as a miss (predicted label ``missed``). The quality gate
(tests/test_eval_verdicts_gate.py) pins the floors in tests/data/verdicts_baseline.json.
"""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .gold import GOLD_VERDICTS, GoldArticle, default_gold_dir, load_gold, match_claims

if TYPE_CHECKING:
    from ..knowledge import KnowledgeBase
    from ..model import Claim

MISSED = "missed"
PREDICTED: tuple[str, ...] = (*GOLD_VERDICTS, MISSED)


@dataclass(frozen=True, slots=True)
class Case:
    """One gold claim (with a verdict) and what the pipeline said about it."""

    article: str
    kind: str
    subject: str
    object: str
    time: str
    gold: str
    predicted: str
    text: str = ""
    explanation: str = ""

    def line(self) -> str:
        return (f"{self.article}: {self.kind} {self.subject} / {self.object} @ {self.time}: "
                f"gold {self.gold}, predicted {self.predicted} — {self.explanation}")


@dataclass(slots=True)
class VerdictEvaluation:
    cases: list[Case] = field(default_factory=list)
    unmatched_refutations: list[Case] = field(default_factory=list)
    articles: int = 0
    corpus_sha256: str = ""

    def confusion(self) -> dict[str, dict[str, int]]:
        """gold label → predicted label (or ``missed``) → count."""
        out = {g: dict.fromkeys(PREDICTED, 0) for g in GOLD_VERDICTS}
        for c in self.cases:
            out[c.gold][c.predicted] += 1
        return out

    def _count(self, gold: str | None = None, predicted: str | None = None) -> int:
        return sum(1 for c in self.cases if (gold is None or c.gold == gold)
                   and (predicted is None or c.predicted == predicted))

    @property
    def refuted_recall(self) -> float:
        total = self._count(gold="refuted")
        return self._count("refuted", "refuted") / total if total else 1.0

    @property
    def refuted_precision(self) -> float:
        """Over every refutation the pipeline gave: matched ones, and refuted claims that match
        no gold claim (counted as wrong)."""
        predicted = self._count(predicted="refuted") + len(self.unmatched_refutations)
        return self._count("refuted", "refuted") / predicted if predicted else 1.0

    @property
    def supported_recall(self) -> float:
        total = self._count(gold="supported")
        return self._count("supported", "supported") / total if total else 1.0

    @property
    def accuracy(self) -> float:
        return (sum(1 for c in self.cases if c.gold == c.predicted) / len(self.cases)
                if self.cases else 0.0)

    @property
    def false_refutations(self) -> list[Case]:
        """Gold supported / not_enough_evidence claims the pipeline refuted."""
        return [c for c in self.cases if c.predicted == "refuted" and c.gold != "refuted"]

    def summary(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "gold_claims": len(self.cases),
            "gold_by_label": {g: self._count(gold=g) for g in GOLD_VERDICTS},
            "missed": self._count(predicted=MISSED),
            "refuted_recall": round(self.refuted_recall, 4),
            "refuted_precision": round(self.refuted_precision, 4),
            "supported_recall": round(self.supported_recall, 4),
            "accuracy": round(self.accuracy, 4),
            "false_refutations": len(self.false_refutations),
            "unmatched_refutations": len(self.unmatched_refutations),
            "corpus_sha256": self.corpus_sha256,
        }

    def render(self) -> str:
        """The plain-text report ``scripts/eval_verdicts.py`` prints."""
        s = self.summary()
        width = max(len(p) for p in PREDICTED) + 2
        lines = [f"Verdicts over {s['articles']} gold articles, {s['gold_claims']} gold claims "
                 f"with a verdict ({s['missed']} not extracted).", "",
                 "gold \\ predicted".ljust(22) + "".join(p.rjust(width) for p in PREDICTED)]
        for gold, row in self.confusion().items():
            lines.append(gold.ljust(22) + "".join(str(row[p]).rjust(width) for p in PREDICTED))
        lines += ["",
                  f"refuted recall     {s['refuted_recall']:.3f}",
                  f"refuted precision  {s['refuted_precision']:.3f}",
                  f"supported recall   {s['supported_recall']:.3f}",
                  f"accuracy           {s['accuracy']:.3f}",
                  f"false refutations  {s['false_refutations']}"]
        lines += [f"  - {c.line()}" for c in self.false_refutations]
        lines.append(f"refutations of claims not in the gold set  {s['unmatched_refutations']}")
        lines += [f"  - {c.line()}" for c in self.unmatched_refutations]
        wrong = [c for c in self.cases if c.gold != c.predicted and c.predicted != "refuted"]
        if wrong:
            lines += ["", "other disagreements:"] + [f"  - {c.line()}" for c in wrong]
        return "\n".join(lines)


def corpus_hash(articles: Sequence[GoldArticle], facts: Path | None = None) -> str:
    """sha256 over the gold files, the articles and the fixture facts: which corpus a baseline
    was measured on."""
    h = hashlib.sha256()
    paths = [p for a in articles for p in (a.path, a.source_path)]
    if facts is not None and facts.exists():
        paths.append(facts)
    for p in paths:
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()


def _ref(claim: Claim, which: str) -> str:
    ref = getattr(claim, which)
    return (ref.label or ref.mention or "") if ref is not None else ""


def score_article(article: GoldArticle, predicted: Sequence[Claim], out: VerdictEvaluation) -> None:
    gold = [g for g in article.claims if g.verdict is not None]
    matched, unmatched_pred, unmatched_gold = match_claims(predicted, gold)
    for pred, g in matched:
        label = pred.verdict.label if pred.verdict is not None else "not_enough_evidence"
        expl = pred.verdict.explanation if pred.verdict is not None else ""
        out.cases.append(Case(article.name, g.kind, g.subject, g.object, g.time.isoformat(),
                              str(g.verdict), label, pred.text, expl))
    for g in unmatched_gold:
        out.cases.append(Case(article.name, g.kind, g.subject, g.object, g.time.isoformat(),
                              str(g.verdict), MISSED, "", "not extracted"))
    for pred in unmatched_pred:
        if pred.verdict is not None and pred.verdict.label == "refuted":
            t = pred.time.date or pred.time.end or pred.time.start
            out.unmatched_refutations.append(Case(
                article.name, pred.kind, _ref(pred, "subject"), _ref(pred, "object"),
                t.isoformat() if t else "", "(none)", "refuted", pred.text,
                pred.verdict.explanation))


def evaluate(gold_dir: str | Path | None = None, kb: KnowledgeBase | None = None,
             facts_path: str | Path | None = None) -> VerdictEvaluation:
    """Run the pipeline over every gold article and score its verdicts."""
    from ..knowledge import open_kb
    from ..pipeline import check
    from .fixture import build_fixture_kb, default_facts_path

    articles = load_gold(gold_dir if gold_dir is not None else default_gold_dir())
    facts = Path(facts_path) if facts_path is not None else default_facts_path()
    out = VerdictEvaluation(articles=len(articles), corpus_sha256=corpus_hash(articles, facts))
    with tempfile.TemporaryDirectory(prefix="newscheck-eval-") as tmp:
        knowledge = kb if kb is not None else open_kb(build_fixture_kb(tmp, facts))
        for article in articles:
            report = check(article.source_path, published=article.published, kb=knowledge)
            score_article(article, report.claims, out)
        if kb is None:
            knowledge.close()
    return out
