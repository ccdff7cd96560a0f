"""``newscheck corpus add PATH…``: files → documents → passages → a new index segment.

A PATH is a file (JSON lines, WARC/WARC.gz, HTML or text: :func:`newscheck.intake.records.
iter_records`) or a directory, read recursively in name order. Each record's body is extracted
like an article (:func:`newscheck.intake.extract`, so a page's boilerplate is not indexed); its
publication date is the record's ``published``, else the date found in the page. A record that
cannot be read (no article text, malformed) is skipped and counted, never fatal; a missing PATH
is an error before anything is added.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..claims.sentences import split_sentences
from ..errors import InputError, InputNotFound
from ..intake import extract
from ..intake.records import Record, iter_records
from .index import MAX_SEGMENTS, BM25Index
from .store import MIN_PASSAGE_WORDS, CorpusStore


@dataclass(slots=True)
class AddResult:
    documents: int = 0
    duplicates: int = 0
    passages: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    examples: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return {"documents": self.documents, "duplicates": self.duplicates,
                "passages": self.passages, "skipped": dict(self.skipped),
                "skipped_examples": self.examples[:5]}


def passages_of(text: str) -> list[str]:
    """The passages of a document: its sentences of at least MIN_PASSAGE_WORDS words."""
    return [s.text for s in split_sentences(text) if len(s.text.split()) >= MIN_PASSAGE_WORDS]


def expand(paths: Iterable[str | Path]) -> list[Path]:
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(x for x in p.rglob("*") if x.is_file() and
                              not x.name.startswith(".")))
        elif p.exists():
            out.append(p)
        else:
            raise InputNotFound(f"no such file or directory: {p}", "check the path")
    return out


def _records(files: list[Path], result: AddResult) -> Iterator[Record]:
    def skipped(where: str, message: str) -> None:
        result.skipped["malformed"] += 1
        result.examples.append(message)

    for f in files:
        try:
            yield from iter_records(f, errors="skip", on_skip=skipped)
        except InputError as exc:
            result.skipped[type(exc).__name__] += 1
            result.examples.append(f"{f}: {exc.message}")


def add_paths(corpus: str | Path, paths: Iterable[str | Path],
              progress: Callable[[int], None] | None = None, *, dense: bool = False,
              dense_model: str | Path | None = None) -> AddResult:
    """Add every document under ``paths`` to the corpus in ``corpus`` (created if needed);
    ``dense``: also embed passages (extra ``dense``), from now on, with wordllama or the local
    sentence-transformers directory ``dense_model``."""
    files = expand(paths)
    index = BM25Index(Path(corpus), dense=dense, dense_model=dense_model)
    store = CorpusStore(corpus, create=True)
    result = AddResult()
    try:
        for rec in _records(files, result):
            try:
                art = extract(rec.content, published=rec.published)
            except InputError as exc:
                result.skipped[type(exc).__name__] += 1
                result.examples.append(f"{rec.source}: {exc.message}")
                continue
            added = store.add_document(
                art.text, passages_of(art.text), record_id=rec.id, source=rec.url or rec.source,
                title=rec.title or art.title, published=art.published, url=rec.url or art.url)
            if added is None:
                result.duplicates += 1
                continue
            _first, count = added
            result.documents += 1
            result.passages += count
            if progress is not None:
                progress(result.documents)
        store.commit()
        # everything not yet indexed (also what an interrupted earlier add left behind)
        start = store.indexed_through() + 1
        if store.last_pid() >= start:
            if len(index.names) + 1 > MAX_SEGMENTS or (
                    (dense or dense_model is not None) and index.names):
                index.rebuild(store.passages_from(0))
            else:
                index.add(store.passages_from(start))
            store.set_indexed_through(store.last_pid())
    finally:
        store.close()
    return result


def reindex(corpus: str | Path, *, dense: bool = False,
            dense_model: str | Path | None = None) -> None:
    """Rebuild the whole index as one segment (``dense``: with dense vectors from now on)."""
    store = CorpusStore(corpus)
    try:
        index = BM25Index(Path(corpus), dense=dense, dense_model=dense_model)
        index.rebuild(store.passages_from(0))
        store.set_indexed_through(store.last_pid())
    finally:
        store.close()
