"""``check()``: the whole pipeline as numbered stages. Follow this function to see where a
verdict came from.

    1. intake   – bytes/path/str → Article (clean body, metadata, removed debris, credits)
    2. anchor   – the date claims are anchored to: --published, else the page's date, else the
                  latest full date in the article's opening (inferred), else today (anchor.py)
    3. claims   – sentences, mentions (gazetteer over the KB), atomic claims with spans and time
    4. linking  – mentions → knowledge-graph ids, disambiguated by time and context
    5. verify   – one checker per claim kind → verdict, confidence, explanation, evidence
   5b. text     – with ``against=``: every sentence judged against the source article(s)
                  (newscheck.evidence); with ``corpus=``: passages retrieved from a reference
                  corpus (newscheck.corpus) as evidence
    6. report   – Report (JSON contract newscheck/report@1; renderers in newscheck.report)

Data flows one way; the knowledge base is a read-only service the stages ask.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from .anchor import anchor_for, kb_age_warning
from .model import Article, Report

if TYPE_CHECKING:
    from .corpus.evidence import Corpus
    from .knowledge import KnowledgeBase
    from .stance import StanceModel

Source = str | bytes | Path


def check_article(article: Article, kb: KnowledgeBase, *, today: date | None = None,
                  against: Sequence[Article] = (), stance: StanceModel | None = None,
                  corpus: Corpus | None = None, as_of: date | None = None) -> Report:
    """Stages 2-6 on an article that is already extracted.

    ``against``: the source articles of a rewrite, ``corpus``: a reference corpus, ``as_of``:
    the date after which its passages are not evidence (stage 5b). ``stance`` is the back-end that
    judges evidence passages (``--nli-model``/``--llm-endpoint``) for the evidence-from-text
    stages; ``None`` means the shipped model, loaded only when one of those stages has a passage
    to judge.
    """
    from . import __version__
    from .claims import extract_claims
    from .knowledge.store import kb_errors
    from .linking import link_claims
    from .verify import verify_claims

    # 2. anchor
    anchor, warnings = anchor_for(article, today)
    warnings[:0] = article.warnings
    too_new = kb_age_warning(anchor, kb.as_of)
    if too_new:
        warnings.append(too_new)
    if article.language and not article.language.lower().startswith("en"):
        warnings.append(f"The page declares its language as {article.language!r}; newscheck reads "
                        f"English, so few claims in it can be recognised or checked.")
    online_warnings: list[str] = getattr(kb, "warnings", [])
    seen = len(online_warnings)
    with kb_errors(kb.path):
        # 3. claims
        claims = extract_claims(article, kb, anchor)
        # 4. linking
        claims = link_claims(claims, article, kb)
        # 5. verify
        verify_claims(claims, kb, article, today=anchor.date)
    warnings.extend(online_warnings[seen:])     # failed --online look-ups of this check
    # 5b. text evidence
    against_part = None
    if against:
        from .evidence.against import check_against

        claims, found = check_against(claims, article, against, anchor, stance)
        against_part = found.to_dict()
    corpus_part = None
    if corpus is not None:
        from .corpus.evidence import apply_corpus

        corpus_part = apply_corpus(claims, article, corpus, anchor, as_of=as_of, stance=stance)
    # 6. report
    return Report(article=article, claims=claims, anchor=anchor, knowledge=kb.public_info(),
                  warnings=warnings, version=__version__, against=against_part,
                  corpus=corpus_part)


def check(source: Source | None = None, *, text: str | None = None, html: str | None = None,
          published: date | str | None = None, kb: KnowledgeBase | str | Path | None = None,
          online: bool = False, max_bytes: int | None = None,
          today: date | None = None, stance: StanceModel | None = None,
          against: Sequence[Source] = (), corpus: Corpus | str | Path | None = None,
          as_of: date | str | None = None) -> Report:
    """Check an article: ``source`` is a file (a ``Path`` or a one-line ``str`` naming it),
    ``bytes`` or the article as a ``str``; or pass the content as ``text=`` or ``html=``
    (docs/api.md).

    ``against``: the source article(s) of a rewrite (each a ``Path``, ``bytes`` or content
    ``str``); every sentence is then judged against them (docs/evidence.md). ``stance``: the
    stance back-end (``None``: the shipped model, loaded when needed). ``corpus``: a reference
    corpus directory (or an opened one) whose passages and fact-checks are evidence; ``as_of``:
    passages published after this date are not used (default: the article's date).
    """
    from .intake import extract
    from .knowledge import KnowledgeBase, open_kb, shared_kb

    # 1. intake
    article = extract(source, text=text, html=html, published=published, max_bytes=max_bytes)
    sources = [extract(s, max_bytes=max_bytes) for s in against]
    if isinstance(kb, KnowledgeBase):
        knowledge = kb
    else:   # offline: the same read-only KB for every call while its file is unchanged
        knowledge = open_kb(kb, online=True) if online else shared_kb(kb)
    opened = None
    if corpus is not None and not isinstance(corpus, str | Path):
        opened = corpus
    elif corpus is not None:
        from .corpus import open_corpus

        opened = open_corpus(corpus)
    try:
        cutoff = date.fromisoformat(as_of) if isinstance(as_of, str) else as_of
    except ValueError:
        from .errors import MalformedInput

        raise MalformedInput(f"as_of {as_of!r} is not a date", "write it as YYYY-MM-DD") from None
    try:
        return check_article(article, knowledge, today=today, against=sources, stance=stance,
                             corpus=opened, as_of=cutoff)
    finally:
        if opened is not None and opened is not corpus:
            opened.close()
