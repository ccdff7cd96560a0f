"""The reference corpus on disk: ``DIR/corpus.sqlite`` (documents, passages, fact-checks) and
``DIR/index/`` (BM25 segments, :mod:`.index`).

A passage is one sentence of a document's extracted text (at least :data:`MIN_PASSAGE_WORDS`
words) and keeps its document's source, title, URL and publication date. A document already in
the corpus (same text) is not added twice. Everything is plain SQLite and JSON/NumPy files: no
pickle.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..errors import CorpusCorrupt, CorpusNotFound

FORMAT = "newscheck-corpus/1"
DB_NAME = "corpus.sqlite"
MIN_PASSAGE_WORDS = 5

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY, record_id TEXT, source TEXT, title TEXT, published TEXT, url TEXT,
    digest TEXT UNIQUE NOT NULL);
CREATE TABLE IF NOT EXISTS passages (
    pid INTEGER PRIMARY KEY, doc INTEGER NOT NULL REFERENCES documents(id), n INTEGER NOT NULL,
    text TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS factchecks (
    id INTEGER PRIMARY KEY, claim TEXT NOT NULL, rating TEXT, publisher TEXT, date TEXT,
    url TEXT, source TEXT, digest TEXT UNIQUE NOT NULL);
"""


@dataclass(frozen=True, slots=True)
class Passage:
    pid: int
    text: str
    source: str | None
    title: str | None
    published: date | None
    url: str | None
    doc: int
    digest: str = ""         # of the document's text: the checked article itself is skipped


@dataclass(frozen=True, slots=True)
class FactCheck:
    id: int
    claim: str
    rating: str | None
    publisher: str | None
    date: date | None
    url: str | None


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def text_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class CorpusStore:
    """Open (``create=True``: create) the corpus in ``directory``."""

    def __init__(self, directory: str | Path, *, create: bool = False) -> None:
        self.dir = Path(directory)
        db = self.dir / DB_NAME
        if not db.exists():
            if not create:
                raise CorpusNotFound(f"no corpus in {self.dir}",
                                     "create one with: newscheck corpus add FILE... --corpus DIR")
            try:
                self.dir.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise CorpusNotFound(f"cannot create the corpus directory {self.dir}: "
                                     f"{exc.strerror or exc}", "check the path") from None
        try:
            self.db = sqlite3.connect(db)
            self.db.executescript(_SCHEMA)
            row = self.db.execute("SELECT value FROM meta WHERE key='format'").fetchone()
            if row is None:
                self.db.execute("INSERT INTO meta VALUES ('format', ?)", (FORMAT,))
                self.db.commit()
            elif row[0] != FORMAT:
                raise CorpusCorrupt(f"{db} is a {row[0]!r} corpus, not {FORMAT}",
                                    "rebuild it with newscheck corpus add")
        except sqlite3.DatabaseError as exc:
            raise CorpusCorrupt(f"{db} is not a newscheck corpus ({exc})",
                                "remove the directory and add the documents again") from None

    def close(self) -> None:
        self.db.close()

    def add_document(self, text: str, passages: list[str], *, record_id: str | None,
                     source: str | None, title: str | None, published: date | None,
                     url: str | None) -> tuple[int, int] | None:
        """Insert one document and its passages; ``(first pid, count)``, None if already there."""
        digest = text_digest(text)
        try:
            cur = self.db.execute(
                "INSERT INTO documents (record_id, source, title, published, url, digest) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (record_id, source, title, published.isoformat() if published else None, url,
                 digest))
        except sqlite3.IntegrityError:
            return None
        doc = cur.lastrowid
        first = None
        for n, p in enumerate(passages):
            c = self.db.execute("INSERT INTO passages (doc, n, text) VALUES (?, ?, ?)", (doc, n, p))
            first = c.lastrowid if first is None else first
        return (first or 0, len(passages))

    def commit(self) -> None:
        self.db.commit()

    def last_pid(self) -> int:
        return int(self.db.execute("SELECT coalesce(max(pid), 0) FROM passages").fetchone()[0])

    def indexed_through(self) -> int:
        row = self.db.execute("SELECT value FROM meta WHERE key='indexed_through'").fetchone()
        return int(row[0]) if row else 0

    def set_indexed_through(self, pid: int) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta VALUES ('indexed_through', ?)", (str(pid),))
        self.db.commit()

    def passages_from(self, first_pid: int) -> Iterator[tuple[int, str]]:
        yield from self.db.execute("SELECT pid, text FROM passages WHERE pid >= ? ORDER BY pid",
                                   (first_pid,))

    def passages(self, pids: list[int]) -> dict[int, Passage]:
        out: dict[int, Passage] = {}
        for i in range(0, len(pids), 500):
            chunk = pids[i:i + 500]
            marks = ",".join("?" * len(chunk))
            for pid, text, doc, source, title, published, url, digest in self.db.execute(
                    "SELECT p.pid, p.text, p.doc, d.source, d.title, d.published, d.url, "
                    "d.digest FROM "
                    f"passages p JOIN documents d ON d.id = p.doc WHERE p.pid IN ({marks})",
                    chunk):
                out[pid] = Passage(pid, text, source, title, _date(published), url, doc, digest)
        return out

    def stats(self) -> dict[str, object]:
        q = self.db.execute
        docs, = q("SELECT count(*) FROM documents").fetchone()
        passages, = q("SELECT count(*) FROM passages").fetchone()
        dated, = q("SELECT count(*) FROM documents WHERE published IS NOT NULL").fetchone()
        first, last = q("SELECT min(published), max(published) FROM documents").fetchone()
        factchecks, = q("SELECT count(*) FROM factchecks").fetchone()
        return {"path": str(self.dir), "documents": docs, "passages": passages,
                "dated_documents": dated, "first_published": first, "last_published": last,
                "factchecks": factchecks}

    def add_factcheck(self, claim: str, rating: str | None, publisher: str | None,
                      when: date | None, url: str | None, source: str) -> bool:
        digest = hashlib.sha256("\x1f".join([claim, rating or "", publisher or "", url or ""])
                                .encode("utf-8")).hexdigest()
        try:
            self.db.execute("INSERT INTO factchecks (claim, rating, publisher, date, url, source, "
                            "digest) VALUES (?, ?, ?, ?, ?, ?, ?)",
                            (claim, rating, publisher, when.isoformat() if when else None, url,
                             source, digest))
        except sqlite3.IntegrityError:
            return False
        return True

    def factchecks(self) -> list[FactCheck]:
        return [FactCheck(i, c, r, p, _date(d), u) for i, c, r, p, d, u in self.db.execute(
            "SELECT id, claim, rating, publisher, date, url FROM factchecks ORDER BY id")]
