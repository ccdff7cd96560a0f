"""Evaluation: the gold claim set (:mod:`.gold`) and the fixture knowledge base it is labelled
against (:mod:`.fixture`). Pure modules: importing them loads no pipeline stage."""

from __future__ import annotations

from .gold import (
    GoldArticle,
    GoldClaim,
    KindScore,
    load_gold,
    match_claims,
    per_kind_scores,
)

__all__ = ["GoldArticle", "GoldClaim", "KindScore", "load_gold", "match_claims",
           "per_kind_scores"]
