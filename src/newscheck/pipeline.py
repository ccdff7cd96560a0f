"""``check()``: the whole pipeline as numbered stages. Follow this function to see where a
verdict came from.

    1. intake   – bytes/path/str → Article (clean body, metadata, removed debris, credits)
    2. anchor   – the date claims are anchored to: --published, else the page's date, else the
                  latest full date in the article's opening (inferred), else today (anchor.py)
    3. claims   – sentences, mentions (gazetteer over the KB), atomic claims with spans and time
    4. linking  – mentions → knowledge-graph ids, disambiguated by time and context
    5. verify   – one checker per claim kind → verdict, confidence, explanation, evidence
    6. report   – Report (JSON contract newscheck/report@1; renderers in newscheck.report)

Data flows one way; the knowledge base is a read-only service the stages ask.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from .anchor import anchor_for, kb_age_warning
from .model import Article, Report

if TYPE_CHECKING:
    from .knowledge import KnowledgeBase
    from .stance import StanceModel

Source = str | bytes | Path


def check_article(article: Article, kb: KnowledgeBase, *, today: date | None = None,
                  stance: StanceModel | None = None) -> Report:
    """Stages 2-6 on an article that is already extracted.

    ``stance`` is the back-end that judges evidence passages (``--nli-model``/``--llm-endpoint``)
    for the evidence-from-text stages; ``None`` means the shipped model, loaded only when one of
    those stages has a passage to judge.
    """
    from . import __version__
    from .claims import extract_claims
    from .linking import link_claims
    from .verify import verify_claims

    # 2. anchor
    anchor, warnings = anchor_for(article, today)
    too_new = kb_age_warning(anchor, kb.as_of)
    if too_new:
        warnings.append(too_new)
    if article.language and not article.language.lower().startswith("en"):
        warnings.append(f"The page declares its language as {article.language!r}; newscheck reads "
                        f"English, so few claims in it can be recognised or checked.")
    # 3. claims
    claims = extract_claims(article, kb, anchor)
    # 4. linking
    claims = link_claims(claims, article, kb)
    # 5. verify
    verify_claims(claims, kb, article, today=anchor.date)
    # 6. report
    return Report(article=article, claims=claims, anchor=anchor, knowledge=kb.public_info(),
                  warnings=warnings, version=__version__)


def check(source: Source | None = None, *, text: str | None = None, html: str | None = None,
          published: date | str | None = None, kb: KnowledgeBase | str | Path | None = None,
          online: bool = False, max_bytes: int | None = None,
          today: date | None = None, stance: StanceModel | None = None) -> Report:
    """Check an article: ``source`` is a file (a ``Path`` or a one-line ``str`` naming it),
    ``bytes`` or the article as a ``str``; or pass the content as ``text=`` or ``html=``
    (docs/api.md). ``stance`` judges evidence passages (default: the shipped model)."""
    from .intake import extract
    from .knowledge import KnowledgeBase, open_kb, shared_kb

    # 1. intake
    article = extract(source, text=text, html=html, published=published, max_bytes=max_bytes)
    if isinstance(kb, KnowledgeBase):
        knowledge = kb
    else:   # offline: the same read-only KB for every call while its file is unchanged
        knowledge = open_kb(kb, online=True) if online else shared_kb(kb)
    return check_article(article, knowledge, today=today, stance=stance)
