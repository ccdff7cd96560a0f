from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

import pytest

from newscheck.knowledge import KnowledgeBase, open_kb
from newscheck.model import Article, Claim, TimeAnchor

from .kbfixture import build_kb

ANCHOR_DAY = date(2023, 5, 10)   # a Wednesday


@pytest.fixture(scope="session")
def kb(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KnowledgeBase]:
    knowledge = open_kb(build_kb(tmp_path_factory.mktemp("claims-kb")))
    yield knowledge
    knowledge.close()


@pytest.fixture()
def claims_of(kb: KnowledgeBase) -> Callable[..., list[Claim]]:
    """Extract and link the claims of a text published on ANCHOR_DAY."""
    from newscheck.claims import extract_claims
    from newscheck.linking import link_claims

    def run(text: str, day: date = ANCHOR_DAY, basis: str = "published") -> list[Claim]:
        article = Article(text=text, published=day)
        anchor = TimeAnchor(basis=basis, date=day)  # type: ignore[arg-type]
        claims = extract_claims(article, kb, anchor)
        for c in claims:
            assert text[c.start:c.end] == c.text
        return link_claims(claims, article, kb)

    return run
