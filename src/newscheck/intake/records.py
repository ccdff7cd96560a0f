"""Collections of articles → :class:`Record` s: JSON lines, WARC / WARC.gz, or one HTML/text file.

``iter_records(path)`` streams the records of one file, lazily, in file order:

- **JSON lines** (``.jsonl``, ``.jsonl.gz``, ``.ndjson``): one object per line with ``text`` or
  ``html`` and optionally ``id``, ``title``, ``published`` (ISO date or date-time), ``url``;
  blank lines are skipped;
- **WARC** (``.warc``, ``.warc.gz``, read with ``warcio``, extra ``warc``): every ``response``
  record whose HTTP content type is HTML or text; the id is the record's ``WARC-Record-ID``, the
  URL its ``WARC-Target-URI``. The crawl date is *not* a publication date: ``published`` stays
  ``None`` unless the page states one (found later, when the HTML is extracted);
- anything else: the whole file is one record (HTML or text, detected from the content later).

A line or record that is not in the expected shape raises :class:`~newscheck.errors.MalformedInput`
naming the file and line, unless ``errors="skip"``: then it is left out and ``on_skip(where,
message)`` is told (e.g. to count or log it). Nothing here extracts article bodies: a record
carries the raw ``html`` or ``text`` for :func:`newscheck.intake.extract`.
"""

from __future__ import annotations

import gzip
import io
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any, Literal

from ..errors import InputIsDirectory, InputNotFound, MalformedInput, require

__all__ = ["Record", "iter_records", "record_format"]

Format = Literal["jsonl", "warc", "file"]
SkipHandler = Callable[[str, str], None]

_JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz", ".json.gz", ".json")
_WARC_SUFFIXES = (".warc", ".warc.gz")


@dataclass(frozen=True, slots=True)
class Record:
    """One article of a collection: raw ``html`` or ``text`` (exactly one is set) and metadata."""

    id: str
    source: str                 # "file.jsonl:12", "crawl.warc.gz#<record id>", or the path
    html: str | None = None
    text: str | None = None
    title: str | None = None
    published: date | None = None
    url: str | None = None
    crawled: date | None = None  # WARC-Date: when it was fetched (a fallback, not a publication)

    @property
    def content(self) -> str:
        """The raw content (HTML or text) to hand to :func:`newscheck.intake.extract`."""
        return self.html if self.html is not None else (self.text or "")


def record_format(path: Path) -> Format:
    """The collection format of ``path``, from its name (JSON lines, WARC or a single file)."""
    name = path.name.lower()
    if name.endswith(_WARC_SUFFIXES):
        return "warc"
    if name.endswith(_JSONL_SUFFIXES):
        return "jsonl"
    return "file"


def parse_published(value: Any, where: str) -> date | None:
    """A ``published`` value (``2023-05-07``, ``2023-05-07T10:00:00Z``, empty) → a date."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise MalformedInput(f"{where}: 'published' must be a date string, not {value!r}",
                             "write it as YYYY-MM-DD")
    text = value.strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        raise MalformedInput(f"{where}: 'published' {value!r} is not a date",
                             "write it as YYYY-MM-DD") from None


def _check_path(path: Path) -> None:
    if not path.exists():
        raise InputNotFound(f"no such file: {path}", "check the path")
    if path.is_dir():
        raise InputIsDirectory(f"{path} is a directory, not a collection file",
                               "give a .jsonl, .warc(.gz), HTML or text file")


def _open_text(path: Path) -> IO[str]:
    with path.open("rb") as probe:
        gz = probe.read(2) == b"\x1f\x8b"
    raw = gzip.open(path, "rb") if gz else path.open("rb")  # noqa: SIM115 (closed by the wrapper)
    return io.TextIOWrapper(raw, encoding="utf-8", errors="replace", newline=None)


def _str_field(obj: dict[str, Any], key: str, where: str) -> str | None:
    value = obj.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise MalformedInput(f"{where}: {key!r} must be a string, not {type(value).__name__}",
                             "see docs/corpus.md for the JSON lines format")
    return value


def _jsonl_record(line: str, where: str, default_id: str) -> Record:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise MalformedInput(f"{where}: not valid JSON ({exc.msg})",
                             "each line must be one JSON object") from None
    if not isinstance(obj, dict):
        raise MalformedInput(f"{where}: a JSON line must be an object, not "
                             f"{type(obj).__name__}", "each line must be one JSON object")
    html, text = _str_field(obj, "html", where), _str_field(obj, "text", where)
    if not (html or "").strip() and not (text or "").strip():
        raise MalformedInput(f"{where}: the object has no 'text' or 'html'",
                             "give the article body as 'text' (plain) or 'html'")
    rid = obj.get("id", default_id)
    return Record(id=str(rid) if rid is not None else default_id, source=where,
                  html=html if (html or "").strip() else None,
                  text=None if (html or "").strip() else text,
                  title=_str_field(obj, "title", where),
                  published=parse_published(obj.get("published"), where),
                  url=_str_field(obj, "url", where))


def _skip_or_raise(exc: MalformedInput, errors: str, on_skip: SkipHandler | None,
                   where: str) -> None:
    if errors != "skip":
        raise exc
    if on_skip is not None:
        on_skip(where, exc.message)


def _iter_jsonl(path: Path, errors: str, on_skip: SkipHandler | None) -> Iterator[Record]:
    with _open_text(path) as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            where = f"{path}:{lineno}"
            try:
                yield _jsonl_record(line, where, default_id=f"{path.name}:{lineno}")
            except MalformedInput as exc:
                _skip_or_raise(exc, errors, on_skip, where)


def _http_content_type(record: Any) -> str:
    headers = getattr(record, "http_headers", None)
    value = headers.get_header("Content-Type") if headers is not None else None
    return (value or "").lower()


def _warc_date(value: str | None) -> date | None:
    try:
        return datetime.fromisoformat((value or "").strip().replace("Z", "+00:00")).date()
    except ValueError:
        return None


def _iter_warc(path: Path, errors: str, on_skip: SkipHandler | None) -> Iterator[Record]:
    archive = require("warcio.archiveiterator", "warc")
    from ..intake.decode import decode

    with _open_text(path) as probe:
        head = probe.read(5)
    if head != "WARC/":
        where = str(path)
        _skip_or_raise(MalformedInput(f"{path}: not a WARC file (it does not start with 'WARC/')",
                                      "give a .warc or .warc.gz file"), errors, on_skip, where)
        return
    with path.open("rb") as fh:
        iterator = archive.ArchiveIterator(fh)  # type: ignore[attr-defined]
        n = 0
        while True:
            try:
                record = next(iterator)
            except StopIteration:
                return
            except Exception as exc:    # warcio raises its own ArchiveLoadFailed and friends
                where = f"{path} (after {n} records)"
                _skip_or_raise(MalformedInput(f"{where}: not a readable WARC file ({exc})",
                                              "give a .warc or .warc.gz file"),
                               errors, on_skip, where)
                return
            if record.rec_type != "response":
                continue
            ctype = _http_content_type(record)
            if not ctype.startswith(("text/html", "application/xhtml", "text/plain")):
                continue
            n += 1
            rid = record.rec_headers.get_header("WARC-Record-ID") or f"{path.name}#{n}"
            url = record.rec_headers.get_header("WARC-Target-URI")
            crawled = _warc_date(record.rec_headers.get_header("WARC-Date"))
            data = record.content_stream().read()
            if not data.strip():
                continue
            content, _enc = decode(data)
            kind = "html" if "html" in ctype else "text"
            yield Record(id=rid.strip("<>"), source=f"{path}#{n}",
                         html=content if kind == "html" else None,
                         text=content if kind == "text" else None, url=url, crawled=crawled)


def iter_records(path: str | Path, *, errors: Literal["raise", "skip"] = "raise",
                 on_skip: SkipHandler | None = None) -> Iterator[Record]:
    """The records of one file: JSON lines, WARC(.gz) or a single HTML/text file (see module)."""
    path = Path(path)
    _check_path(path)
    fmt = record_format(path)
    if fmt == "jsonl":
        yield from _iter_jsonl(path, errors, on_skip)
    elif fmt == "warc":
        yield from _iter_warc(path, errors, on_skip)
    else:
        from .decode import decode
        from .read import DEFAULT_MAX_BYTES, check_bytes, read_path

        data = check_bytes(read_path(path, DEFAULT_MAX_BYTES), DEFAULT_MAX_BYTES, what=str(path))
        from .detect import looks_like_html

        content, _enc = decode(data)
        html = looks_like_html(content)
        yield Record(id=path.name, source=str(path), html=content if html else None,
                     text=None if html else content)
