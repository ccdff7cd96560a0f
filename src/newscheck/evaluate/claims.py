"""Claim extraction and linking scored on the gold set (``scripts/eval_claims.py``, the CI gate
``tests/test_eval_claims_gate.py``).

Each gold article goes through intake → anchor → ``extract_claims`` → ``link_claims`` with the
fixture KB (built by the real importer); predicted claims are matched to gold claims with
:func:`newscheck.evaluate.gold.match_claims` and scored per kind (``other`` is not scored).
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .gold import GOLD_KINDS, GoldClaim, KindScore, load_gold, match_claims, per_kind_scores

if TYPE_CHECKING:
    from ..knowledge import KnowledgeBase
    from ..model import Claim


@dataclass(slots=True)
class ArticleResult:
    name: str
    predicted: list[Claim]
    false_positives: list[Claim]
    missed: list[GoldClaim]


@dataclass(slots=True)
class ClaimEvaluation:
    scores: dict[str, KindScore]
    articles: list[ArticleResult] = field(default_factory=list)

    def to_dict(self) -> dict[str, dict[str, object]]:
        return {k: s.to_dict() for k, s in self.scores.items()}


def evaluate_claims(gold_dir: str | Path | None = None, kb: KnowledgeBase | None = None
                    ) -> ClaimEvaluation:
    """Precision/recall per kind of extract+link over the gold set."""
    from ..anchor import anchor_for
    from ..claims import extract_claims
    from ..intake import extract
    from ..knowledge import open_kb
    from ..linking import link_claims
    from .fixture import build_fixture_kb

    gold = load_gold(gold_dir)
    with tempfile.TemporaryDirectory() as tmp:
        knowledge = kb if kb is not None else open_kb(build_fixture_kb(tmp))
        matched_all: list[tuple[Claim, GoldClaim]] = []
        fp_all: list[Claim] = []
        fn_all: list[GoldClaim] = []
        results: list[ArticleResult] = []
        for art in gold:
            article = extract(art.source_path, published=art.published)
            anchor, _ = anchor_for(article)
            claims = link_claims(extract_claims(article, knowledge, anchor), article, knowledge)
            scored = [c for c in claims if c.kind in GOLD_KINDS]
            matched, fps, fns = match_claims(scored, art.claims)
            matched_all += matched
            fp_all += fps
            fn_all += fns
            results.append(ArticleResult(art.name, claims, fps, fns))
        if kb is None:
            knowledge.close()
    return ClaimEvaluation(per_kind_scores(matched_all, fp_all, fn_all), results)
