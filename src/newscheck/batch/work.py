"""One record → one output row, whatever happens: a bad article is a row with status error.

A row is ``{"source", "id", "status", "error", "error_code", "report"}`` (``report`` is the full
``newscheck/report@1`` dict, or None on error). Each worker process opens the knowledge base once
(:class:`Checker`) and reuses it for every record.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import NewscheckError
from ..intake.records import Record
from .inputs import Failed, Item

if TYPE_CHECKING:
    from ..knowledge import KnowledgeBase

Row = dict[str, Any]
MAX_BYTES = 20_000_000


def error_row(source: str, rid: str | None, message: str, code: str) -> Row:
    return {"source": source, "id": rid, "status": "error", "error": message,
            "error_code": code, "report": None}


class Checker:
    """Checks records against one knowledge base, opened read-only once."""

    def __init__(self, kb: str | Path | None = None, *, corpus: str | Path | None = None,
                 today: date | None = None) -> None:
        from ..knowledge import open_kb

        self.kb: KnowledgeBase = open_kb(kb)
        self.corpus: Any = None
        if corpus is not None:   # opened once per worker, like the KB
            from ..corpus import open_corpus

            self.corpus = open_corpus(corpus)
        self.today = today

    def close(self) -> None:
        self.kb.close()

    def __call__(self, item: Item) -> Row:
        if isinstance(item, Failed):
            return error_row(item.source, None, item.error, item.code)
        try:
            return self._check(item)
        except NewscheckError as exc:
            return error_row(item.source, item.id, exc.message, exc.code)
        except Exception as exc:  # a bug in one article must not stop a million-article run
            return error_row(item.source, item.id, f"internal error: {type(exc).__name__}: "
                             f"{str(exc)[:300]} (a bug; please report it)", "NC000")

    def _check(self, rec: Record) -> Row:
        from ..intake import extract
        from ..pipeline import check_article

        article = extract(rec.content, published=rec.published, max_bytes=MAX_BYTES)
        article.source = rec.source
        article.url = article.url or rec.url
        article.title = article.title or rec.title
        note = None
        if article.published is None and rec.crawled is not None:
            article.published, article.published_basis = rec.crawled, "option"
            note = (f"No publication date in the page; the WARC record's crawl date "
                    f"({rec.crawled.isoformat()}) is used as the article's date.")
        extra: dict[str, Any] = {"corpus": self.corpus} if self.corpus is not None else {}
        report = check_article(article, self.kb, today=self.today, **extra)
        if note:
            report.warnings.insert(0, note)
        return {"source": rec.source, "id": rec.id, "status": "ok", "error": None,
                "error_code": None, "report": report.to_dict()}


def warm() -> None:
    """Import every stage (and start dateparser) before forking workers: each then starts
    ready instead of paying the imports again."""
    import contextlib

    from ..claims import timex
    from ..intake import html  # noqa: F401  (trafilatura)
    from ..pipeline import check_article  # noqa: F401

    with contextlib.suppress(Exception):
        timex.resolve_relative("last week", date(2020, 1, 1))
