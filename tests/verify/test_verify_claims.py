"""``verify_claims``: every claim gets a verdict, from the checker registered for its kind."""

from __future__ import annotations

from datetime import date

from newscheck.knowledge import KnowledgeBase
from newscheck.model import CLAIM_KINDS, Article
from newscheck.verify import CHECKERS, verify_claims

from .conftest import at, make_claim, ref


def test_every_kind_has_a_checker() -> None:
    assert set(CHECKERS) == set(CLAIM_KINDS)


def test_verify_claims_sets_every_verdict(kb: KnowledgeBase) -> None:
    claims = [make_claim(kind, ref("Q359480"), ref("Q274948"), at("2023-05-07"))
              for kind in CLAIM_KINDS]
    claims.append(make_claim("unknown-kind", None, None, at("2023-05-07")))
    verify_claims(claims, kb, Article(text="", published=date(2023, 5, 7)))
    assert all(c.verdict is not None for c in claims)
    assert claims[0].verdict is not None and claims[0].verdict.label == "supported"
    last = claims[-1].verdict
    assert last is not None and last.label == "not_enough_evidence"
    for c in claims:
        d = c.to_dict()
        assert d["explanation"] and 0.0 <= d["confidence"] <= 1.0


def test_undated_claims_fall_back_to_the_publication_date(kb: KnowledgeBase) -> None:
    from newscheck.model import TimeAnchor

    claim = make_claim("role", ref("Q359480"), ref("Q1355043"), TimeAnchor("published"))
    verify_claims([claim], kb, Article(text="", published=date(2015, 6, 1)))
    assert claim.verdict is not None and claim.verdict.label == "supported"
