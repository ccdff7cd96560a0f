"""Source → raw content, with the checks that need no decoding.

A ``Path`` is checked (exists, not a directory, size under the limit from ``stat`` before any
read) and read; ``bytes`` and ``str`` are checked for size. Binary data is refused by magic
number or NUL bytes, naming what it looks like; gzip is the one exception, decompressed
transparently (bounded by the same size limit) because saved web pages are often ``.html.gz``.
"""

from __future__ import annotations

import zlib
from pathlib import Path

from ..errors import EmptyInput, InputIsDirectory, InputNotFound, InputTooLarge, UnsupportedInput
from .detect import GZIP_MAGIC, binary_kind, has_nul_bytes

DEFAULT_MAX_BYTES = 20_000_000
# The largest --max-bytes accepted: checking costs up to ~100 MB of memory per MB of article
# (benchmarks/stress.py), so a limit above this could not be honoured on any ordinary machine.
MAX_MAX_BYTES = 200_000_000


def too_large(what: str, size: int | None, limit: int) -> InputTooLarge:
    """``size`` None: only known to exceed the limit (a bounded read stopped at limit + 1)."""
    said = f"{size} bytes, more than" if size is not None else "larger than"
    return InputTooLarge(f"{what} is {said} the limit of {limit} bytes",
                         "pass a larger --max-bytes (max_bytes=...) if this really is one article")


def read_path(path: Path, max_bytes: int) -> bytes:
    """Read a file, refusing missing files, directories and files over ``max_bytes``."""
    try:
        st = path.stat()
    except FileNotFoundError:
        raise InputNotFound(f"no such file: {path}",
                            "check the path; use - to read the article from stdin") from None
    except OSError as exc:
        raise InputNotFound(f"cannot open {path}: {exc.strerror or exc}",
                            "check the path and its permissions") from None
    if path.is_dir():
        raise InputIsDirectory(f"{path} is a directory, not an article file",
                               "give the path of one HTML or text file inside it")
    if st.st_size > max_bytes:
        raise too_large(str(path), st.st_size, max_bytes)
    try:
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)   # pipes and /dev/stdin report size 0: bound the read
    except OSError as exc:
        raise InputNotFound(f"cannot read {path}: {exc.strerror or exc}",
                            "check the file's permissions") from None
    if len(data) > max_bytes:
        raise too_large(str(path), None, max_bytes)
    return data


def gunzip(data: bytes, max_bytes: int) -> bytes:
    """Decompress gzip data, every member (``cat a.gz b.gz`` is one valid gzip file), refusing
    output over ``max_bytes`` (a gzip bomb stops early) and a truncated stream (its text would
    end mid-word)."""
    out: list[bytes] = []
    size = 0
    rest = data
    while rest:
        dec = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
        try:
            chunk = dec.decompress(rest, max_bytes + 1 - size)
        except zlib.error as exc:
            if out and not rest.strip(b"\x00"):
                break                       # zero padding after the last member
            raise UnsupportedInput(f"the input is gzip-compressed binary data that could not "
                                   f"be decompressed ({exc})",
                                   "give the uncompressed HTML or text file") from None
        size += len(chunk)
        out.append(chunk)
        if size > max_bytes:
            raise too_large("the decompressed input", None, max_bytes)
        if not dec.eof:
            raise UnsupportedInput("the gzip-compressed input is truncated: its end is missing",
                                   "download or copy the file again, or give it uncompressed")
        rest = dec.unused_data
        if rest.strip(b"\x00") == b"":
            break
    return b"".join(out)


def check_bytes(data: bytes, max_bytes: int, what: str = "the input") -> bytes:
    """Size, emptiness and binary checks on raw bytes; returns them (gunzipped if gzip)."""
    if len(data) > max_bytes:
        raise too_large(what, len(data), max_bytes)
    if not data.strip():
        raise EmptyInput(f"{what} is empty" if not data else f"{what} is empty (only whitespace)",
                         "give a file or text that contains the article")
    if data.startswith(GZIP_MAGIC):
        data = gunzip(data, max_bytes)
        if not data.strip():
            raise EmptyInput(f"{what} is empty once decompressed",
                             "give a file or text that contains the article")
    kind = binary_kind(data)
    if kind is not None:
        raise UnsupportedInput(f"{what} is binary data ({kind}), not an HTML or text article",
                               "give the article as an HTML page or plain text")
    return data


def check_nul_bytes(data: bytes, what: str = "the input") -> None:
    """Refuse data with NUL bytes anywhere (called when no UTF-16/32 encoding explains them):
    a NUL past the first kilobytes used to reach the report's text."""
    if has_nul_bytes(data) or b"\x00" in data:
        raise UnsupportedInput(f"{what} is binary data (it contains NUL bytes), not an HTML or "
                               f"text article",
                               "give the article as an HTML page or plain text")
