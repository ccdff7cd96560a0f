"""INPUT paths → one stream of work items, in a deterministic order.

A directory is walked recursively (sorted; hidden entries skipped) for HTML and text files and for
JSON lines and WARC collections; a file is read with :func:`newscheck.intake.records.iter_records`.
Every item has a ``source`` that names it uniquely ("dir/a.html", "feed.jsonl:12",
"crawl.warc.gz#3"): resuming a run skips the sources already in the output.

A line or file that cannot be read becomes a :class:`Failed` item (recorded with status error),
never an exception that stops the run.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputNotFound, NewscheckError
from ..intake.records import Record, iter_records

ARTICLE_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml", ".txt", ".text", ".html.gz", ".htm.gz")
COLLECTION_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz", ".warc", ".warc.gz")


@dataclass(frozen=True, slots=True)
class Failed:
    """An input that could not even be read as a record (a malformed JSON line, a binary file)."""

    source: str
    error: str
    code: str


Item = Record | Failed


def _wanted(name: str) -> bool:
    low = name.lower()
    return not low.startswith(".") and low.endswith(ARTICLE_SUFFIXES + COLLECTION_SUFFIXES)


def expand(inputs: Iterable[str | Path]) -> list[Path]:
    """The files to read: each INPUT file, and the article/collection files under each directory
    (recursively, in sorted order). Duplicates are read once. A missing INPUT is an error."""
    files: list[Path] = []
    seen: set[Path] = set()
    for raw in inputs:
        path = Path(raw)
        if not path.exists():
            raise InputNotFound(f"no such file or directory: {path}", "check the INPUT paths")
        if path.is_dir():
            found: list[Path] = []
            for root, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found.extend(Path(root) / n for n in sorted(names) if _wanted(n))
        else:
            found = [path]
        for f in found:
            key = f.resolve()
            if key not in seen:
                seen.add(key)
                files.append(f)
    return files


def iter_items(files: Iterable[Path]) -> Iterator[Item]:
    """Every record of every file; unreadable lines and files as :class:`Failed` items."""
    for path in files:
        skipped: list[Failed] = []

        def on_skip(where: str, message: str) -> None:
            skipped.append(Failed(where, message, "NC108"))   # noqa: B023 (drained below)

        try:
            for rec in iter_records(path, errors="skip", on_skip=on_skip):
                yield from skipped
                skipped.clear()
                yield rec
        except NewscheckError as exc:
            yield from skipped
            skipped.clear()
            yield Failed(str(path), exc.message, exc.code)
        except OSError as exc:
            yield Failed(str(path), f"cannot read {path}: {exc.strerror or exc}", "NC100")
        yield from skipped


def count_items(files: Iterable[Path]) -> int | None:
    """How many items the files hold, when that is cheap to know (no WARC); else None."""
    total = 0
    for path in files:
        name = path.name.lower()
        if name.endswith((".warc", ".warc.gz")):
            return None
        if name.endswith((".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")):
            total += _count_lines(path)
        else:
            total += 1
    return total


def _count_lines(path: Path) -> int:
    import gzip

    try:
        with path.open("rb") as probe:
            gz = probe.read(2) == b"\x1f\x8b"
        n = 0
        with (gzip.open(path, "rb") if gz else path.open("rb")) as fh:
            for line in fh:
                n += bool(line.strip())
        return n
    except (OSError, EOFError):
        return 1
