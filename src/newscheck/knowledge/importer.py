"""``newscheck kb import``: detect each file's format, stream it into the KB, all or nothing.

Every import runs in one SQLite transaction (into a new KB: a temporary file renamed into place on
success), so a failure or an interruption leaves the KB exactly as it was.
"""

from __future__ import annotations

import bz2
import contextlib
import gc
import gzip
import os
import sqlite3
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import IO

from .. import rx
from ..errors import ImportFailed, KnowledgeBaseBusy
from . import congress, schema, tables
from .kblock import import_lock
from .linecap import MAX_LINE_BYTES, OVERLONG, capped
from .stream import open_stream
from .wikidata import NEEDLES, BadRecord, line_id, parse_line, to_record, unframe
from .writer import Writer

_DUMP_DATE = rx.compile(r"(?<!\d)(20\d{2})-?(\d{2})-?(\d{2})(?!\d)")
_LINE_STARTS = frozenset({b"{", b"[", b"]", b"", b" ", b"\t", b"\r"})
_ENDS = (b"}", b"},", b"}\r", b"},\r", b"} ", b"}, ")   # how every entity line ends
_FRAMES = frozenset({b"", b"[", b"]"})                   # the other lines a dump may hold
_DECOMPRESS_ERRORS = (EOFError, gzip.BadGzipFile, zlib.error, OSError)


@dataclass
class ImportResult:
    files: list[dict[str, object]] = field(default_factory=list)

    @property
    def skipped(self) -> int:
        return sum(int(f["skipped"]) for f in self.files)  # type: ignore[call-overload]


def detect(path: Path) -> str:
    """``"wikidata"``, ``"table"`` or ``"congress"`` (YAML), from the first bytes of the
    (decompressed) content."""
    if not path.exists():
        raise ImportFailed(f"{path}: no such file")
    if path.is_dir():
        raise ImportFailed(f"{path}: is a directory", "give the dump or table files themselves")
    try:
        with open_stream(path) as fh:
            head = fh.read(4096)
    except _DECOMPRESS_ERRORS as exc:
        raise ImportFailed(f"{path}: compressed data is truncated or corrupt ({exc})") from None
    text = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if not text:
        raise ImportFailed(f"{path}: the file is empty")
    if text[:1] in (b"[", b"{"):
        return "wikidata"
    if congress.looks_like_congress(text):
        return "congress"
    first = text.split(b"\n", 1)[0]
    if b"\x00" not in head and b"," in first:
        return "table"
    raise ImportFailed(f"{path}: not a Wikidata JSON dump (which starts with '[' or '{{') nor a "
                       "CSV office-holder table", "see docs/knowledge.md for accepted formats")


def dump_as_of(path: Path) -> str:
    """The dump's date from its name (``wikidata-20240101-all.json.gz``), else today."""
    m = _DUMP_DATE.search(path.name)
    if m:
        with contextlib.suppress(ValueError):
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    return date.today().isoformat()


# SQLite page cache during imports. Peak memory is ~40 MB + this, whatever the dump size.
CACHE_KIB = 16384
CHUNK = 1 << 18      # compressed bytes read at a time
OUT = 1 << 20        # decompressed bytes produced at a time: bounds memory whatever the ratio


def _zlib_chunks(fh: IO[bytes]) -> Iterator[bytes]:
    dec = zlib.decompressobj(wbits=31)
    while block := fh.read(CHUNK):
        while block:
            yield dec.decompress(block, OUT)
            block = dec.unconsumed_tail
            if dec.eof:
                block = dec.unused_data + block
                if block:
                    dec = zlib.decompressobj(wbits=31)   # the next gzip member
    if not dec.eof:
        raise EOFError("the compressed stream ends before its end marker")


def _bz2_chunks(fh: IO[bytes]) -> Iterator[bytes]:
    dec = bz2.BZ2Decompressor()
    while block := fh.read(CHUNK):
        while True:
            yield dec.decompress(block, OUT)
            block = b""
            if dec.eof:
                block = dec.unused_data
                if not block:
                    break
                dec = bz2.BZ2Decompressor()   # the next bzip2 stream
            elif dec.needs_input:
                break
    if not dec.eof:
        raise EOFError("the compressed stream ends before its end marker")


def _chunks(path: Path) -> Iterator[bytes]:
    """Decompressed chunks of ``path``, at most ``OUT`` bytes each (much faster than
    GzipFile.readline, constant memory); multi-member files included; a missing end is an
    error; a line longer than :data:`.linecap.MAX_LINE_BYTES` is cut and marked."""
    return capped(_raw_chunks(path))


def _raw_chunks(path: Path) -> Iterator[bytes]:
    with path.open("rb") as fh:
        head = fh.read(4)
        fh.seek(0)
        if head.startswith(b"\x1f\x8b"):
            yield from _zlib_chunks(fh)
        elif head.startswith(b"BZh"):
            yield from _bz2_chunks(fh)
        else:
            while block := fh.read(OUT):
                yield block


def _lines(path: Path) -> Iterator[bytes]:
    rest = b""
    try:
        for chunk in _chunks(path):
            if not chunk:
                continue
            lines = (rest + chunk).split(b"\n")
            rest = lines.pop()
            yield from lines
    except _DECOMPRESS_ERRORS as exc:
        raise ImportFailed(f"{path}: compressed data is truncated or corrupt ({exc})",
                           "download the file again; the knowledge base is unchanged") from None
    if rest:
        yield rest


def _dump_pass(path: Path, writer: Writer, *, skip_bad: bool, only: set[str] | None = None,
               workers: int = 1, engine: str = "local") -> int:
    """One pass over a dump; ``only`` restricts it to those ids (second pass). Returns skips."""
    if workers <= 1 and engine == "local":
        return dump_lines(_lines(path), path, writer, skip_bad=skip_bad, only=only)
    from .parallel import blocks, import_blocks

    def handle(lines: list[bytes], part: Writer, first: int) -> int:
        return dump_lines(lines, path, part, skip_bad=skip_bad, only=only, first=first)

    run = import_blocks
    if engine == "ray":
        from .parallel_ray import import_blocks_ray as run
    try:
        return run(blocks(_chunks(path)), handle, writer, workers, writer.conn)
    except _DECOMPRESS_ERRORS as exc:
        raise ImportFailed(f"{path}: compressed data is truncated or corrupt ({exc})",
                           "download the file again; the knowledge base is unchanged") from None


def dump_lines(lines: Iterable[bytes], path: Path, writer: Writer, *, skip_bad: bool,
               only: set[str] | None = None, first: int = 1) -> int:
    """Import dump ``lines`` (numbered from ``first``, for messages); returns skipped lines."""
    gc_was = gc.isenabled()
    gc.disable()   # millions of short-lived dicts and no cycles: the collector only costs time
    try:
        skipped = _dump_loop(lines, path, writer, skip_bad, only, first)
        writer.flush()
        return skipped
    finally:
        if gc_was:
            gc.enable()


def _dump_loop(lines: Iterable[bytes], path: Path, writer: Writer, skip_bad: bool,
               only: set[str] | None, first: int) -> int:
    """The hot loop: every line gets an ``endswith`` (structure) and, if it can be an entity at
    all, the byte pre-filter; only lines that may be kept are parsed."""
    skipped = 0
    relevant = NEEDLES.search
    put = writer.put
    for n, raw in enumerate(lines, first):
        if not raw.endswith(_ENDS):      # a cut or broken line, unless blank or '[' / ']'
            if raw.strip() in _FRAMES:
                continue
            line, problem = None, (
                f"the line is longer than {MAX_LINE_BYTES} bytes (a whole dump on one line?)"
                if raw.endswith(OVERLONG) else
                "the line is cut short or broken (an entity line ends in '}')")
        elif only is not None:
            if line_id(raw) not in only:
                continue
            line, problem = unframe(raw), None
        elif raw[:1] in _LINE_STARTS and relevant(raw) is None:
            continue   # irrelevant (garbage lines fall through and are reported)
        else:
            line, problem = unframe(raw), None
        try:
            if problem:
                raise BadRecord(problem)
            if line is None:
                continue
            if line[:1] != b"{":
                raise BadRecord("not a JSON object")
            rec = to_record(parse_line(line), keep_all=only is not None)
        except (BadRecord, KeyError, TypeError, AttributeError, ValueError) as exc:
            if skip_bad:
                skipped += 1
                continue
            raise ImportFailed(f"{path}:{n}: malformed entity: {exc}",
                               "fix the line or pass --skip-bad; the knowledge base is "
                               "unchanged") from None
        if rec is not None:
            put(rec)
    return skipped


def _missing_positions(conn: sqlite3.Connection) -> set[str]:
    rows = conn.execute("SELECT DISTINCT value FROM statements WHERE property = 'P39' AND "
                        "value NOT IN (SELECT id FROM items)")
    return {r[0] for r in rows}


def _import_all(conn: sqlite3.Connection, paths: Sequence[Path], skip_bad: bool, *,
                fresh: bool = False, workers: int = 1, engine: str = "local") -> ImportResult:
    result = ImportResult()
    names = [f"Wikidata dump {p.name}" for p in paths]
    dumps: list[tuple[Path, Writer, int]] = []
    for path in paths:
        fmt = detect(path)
        if fmt == "table":
            info = tables.import_table(conn, path, skip_bad=skip_bad,
                                       international=tables.is_international(path))
            result.files.append(info)
            continue
        if fmt == "congress":
            result.files.append(import_congress(conn, path, skip_bad=skip_bad))
            continue
        name = f"Wikidata dump {path.name}"
        # In a new KB a dump's entities (each listed once) have nothing to replace.
        writer = Writer(conn, name, fresh=fresh and names.count(name) == 1)
        dumps.append((path, writer, _dump_pass(path, writer, skip_bad=skip_bad,
                                                workers=workers, engine=engine)))
    missing = _missing_positions(conn) if dumps else set()
    for path, writer, skipped in dumps:
        if missing:   # second pass: the positions people hold that the filter did not keep
            skipped += _dump_pass(path, writer, skip_bad=skip_bad, only=missing,
                                  workers=workers, engine=engine)
        writer.finish(kind="wikidata", file=str(path), as_of=dump_as_of(path), skipped=skipped)
        result.files.append({"file": str(path), "source": writer.source, "format": "wikidata",
                             "entities": writer.entities, "statements": writer.statements,
                             "skipped": skipped})
    return result


def import_congress(conn: sqlite3.Connection, path: Path, *, skip_bad: bool,
                    as_of: str | None = None, source: str | None = None) -> dict[str, object]:
    """One congress-legislators YAML file (knowledge/congress.py); ``as_of`` defaults to the
    newest start date in the file."""
    parsed = congress.parse(path, as_of=as_of, skip_bad=skip_bad)
    writer = Writer(conn, source or f"congress-legislators {path.name}")
    for rec in parsed.records:
        writer.put(rec)
    writer.finish(kind="congress", file=str(path), as_of=parsed.as_of, skipped=parsed.skipped)
    return {"file": str(path), "source": writer.source, "format": "congress",
            "entities": writer.entities, "statements": writer.statements,
            "skipped": parsed.skipped}


def import_files(kb_path: Path, files: Sequence[str | Path], *, skip_bad: bool = False,
                 workers: int = 1, engine: str = "local") -> ImportResult:
    """Import dumps and tables into ``kb_path`` (created if missing) in one transaction;
    ``workers`` > 1 parses each dump in that many processes (:mod:`.parallel`), or Ray actors
    with ``engine="ray"`` (:mod:`.parallel_ray`)."""
    paths: list[Path] = []
    for f in files:
        paths += tables.dataset_files(Path(f))
    for p in paths:
        detect(p)   # fail early, before touching the KB
    kb_path = Path(kb_path)
    try:
        if kb_path.is_dir():
            raise ImportFailed(f"{kb_path}: is a directory, not a knowledge base file",
                               "give the path of the .sqlite file (--kb PATH)")
        kb_path.parent.mkdir(parents=True, exist_ok=True)
        with import_lock(kb_path):
            if kb_path.exists():
                return _import_existing(kb_path, paths, skip_bad, workers, engine)
            return _import_new(kb_path, paths, skip_bad, workers, engine)
    except (sqlite3.Error, OSError) as exc:   # a read-only KB, a full disk, an unreadable file
        if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
            raise KnowledgeBaseBusy(f"{kb_path}: the knowledge base is locked by another "
                                    f"process ({exc})", "retry when it has finished; the "
                                    "knowledge base is unchanged") from None
        detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise ImportFailed(f"import into {kb_path} failed: {detail}",
                           "check that the KB and its directory are writable and the disk has "
                           "space; the knowledge base is unchanged") from None


def _import_existing(kb_path: Path, paths: list[Path], skip_bad: bool,
                     workers: int, engine: str) -> ImportResult:
    conn = schema.connect(kb_path, readonly=False)
    try:
        try:
            problem = (None if schema.is_kb(conn) else "exists but is not a newscheck knowledge "
                       "base") or schema.version_problem(conn)
        except sqlite3.DatabaseError:
            problem = "exists but is not a newscheck knowledge base"
        if problem:
            raise ImportFailed(f"{kb_path}: {problem}",
                               "import into another --kb; the knowledge base is unchanged")
        conn.isolation_level = None
        with contextlib.suppress(sqlite3.OperationalError):   # a KB from before WAL: convert
            conn.execute("PRAGMA main.journal_mode = WAL")        # (fails only while it is read)
        conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        conn.execute("BEGIN IMMEDIATE")
        try:
            result = _import_all(conn, paths, skip_bad, workers=workers, engine=engine)
            conn.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(sqlite3.Error):   # SQLite may have rolled back already
                conn.execute("ROLLBACK")
            raise
        return result
    finally:
        conn.close()


def _import_new(kb_path: Path, paths: list[Path], skip_bad: bool, workers: int,
                engine: str) -> ImportResult:
    tmp = kb_path.with_name(f".{kb_path.name}.{os.getpid()}.tmp")
    conn = sqlite3.connect(tmp)
    try:
        conn.execute("PRAGMA journal_mode = OFF")   # the file is renamed in only on success
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        # Bulk-load dumps first and index after (faster); tables replace per entity, which
        # needs the indexes.
        schema.create(conn, indexes=any(detect(p) != "wikidata" for p in paths))
        result = _import_all(conn, paths, skip_bad, fresh=True, workers=workers, engine=engine)
        conn.executescript(schema.INDEXES)
        conn.commit()
        # WAL: checks read the KB while a later import writes to it (readers are never blocked)
        conn.execute("PRAGMA main.journal_mode = WAL")   # not the attached parts
        conn.close()
        tmp.replace(kb_path)
        return result
    except BaseException:
        conn.close()
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
