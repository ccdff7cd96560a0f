"""A reference corpus of texts (and known fact-checks) that claims are checked against.

- :mod:`.store`   – ``DIR/corpus.sqlite``: documents, passages (sentences), fact-checks
- :mod:`.index`   – BM25 (bm25s), incremental by segments, saved without pickle
- :mod:`.ingest`  – ``newscheck corpus add PATH…``: HTML, text, JSON lines, WARC(.gz)
- :mod:`.factchecks` – ``newscheck factchecks import FILE``: ClaimReview, LIAR / LIAR-PLUS
- :mod:`.evidence` – stage 5b of ``check --corpus``: time-aware retrieval, stance, fact-checks

Needs the extra ``corpus`` (bm25s, numpy, warcio); importing this package loads none of them.
See docs/evidence.md.
"""

from __future__ import annotations

__all__ = ["add_paths", "import_factchecks", "open_corpus"]

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .evidence import Corpus


def open_corpus(path: str | Path) -> Corpus:
    """Open the corpus in ``path`` (raises :class:`~newscheck.errors.CorpusNotFound`)."""
    from .evidence import Corpus

    return Corpus.open(path)


def add_paths(corpus: str | Path, paths: list[str | Path], *,
              dense: bool = False, dense_model: str | Path | None = None) -> dict[str, object]:
    """Add the documents under ``paths`` to the corpus in ``corpus`` (created if needed);
    ``dense`` also embeds passages for hybrid retrieval (extra ``dense``), with wordllama or
    the local sentence-transformers directory ``dense_model``."""
    from .ingest import add_paths as add

    return add(corpus, paths, dense=dense, dense_model=dense_model).to_dict()


def import_factchecks(corpus: str | Path, path: str | Path) -> dict[str, int]:
    """Import known fact-checks (ClaimReview, LIAR / LIAR-PLUS) into the corpus."""
    from .factchecks import import_factchecks as imp

    return imp(corpus, path)
