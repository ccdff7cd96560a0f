"""The bytes of a knowledge-base source file, decompressed (gzip/bzip2 detected from the content);
files that are clearly something else (an image, an archive, a database) are refused by name.
Shared by the dump importer and the table importer."""

from __future__ import annotations

import bz2
import gzip
from pathlib import Path
from typing import IO

from ..errors import ImportFailed

_MAGIC = {b"\x89PNG": "a PNG image", b"%PDF": "a PDF document", b"PK\x03\x04": "a ZIP archive",
          b"GIF8": "a GIF image", b"\xff\xd8\xff": "a JPEG image", b"\xfd7zXZ": "an xz archive",
          b"7z\xbc\xaf": "a 7z archive", b"(\xb5/\xfd": "a zstd archive",
          b"SQLite format 3": "an SQLite database"}


def open_stream(path: Path) -> IO[bytes]:
    """The decompressed bytes of ``path`` (gzip/bzip2 detected from the content)."""
    with path.open("rb") as fh:
        head = fh.read(16)
    if head.startswith(b"\x1f\x8b"):
        return gzip.open(path, "rb")  # type: ignore[return-value]
    if head.startswith(b"BZh"):
        return bz2.open(path, "rb")
    for magic, what in _MAGIC.items():
        if head.startswith(magic):
            raise ImportFailed(f"{path}: this is {what}, not a Wikidata JSON dump or an "
                               "office-holder table", "give a .json/.json.gz/.json.bz2 dump or a "
                               "CSV table (docs/knowledge.md)")
    return path.open("rb")
