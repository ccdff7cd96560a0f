"""A cap on the length of one dump line, applied to the decompressed byte stream.

A whole dump on one line (a 358 MB JSON array without newlines) was buffered whole (717 MB) and
parsed for 50 s before failing with "line 1: not a JSON object". :func:`capped` passes chunks
through unchanged until a line grows past :data:`MAX_LINE_BYTES`; it then ends that line with
:data:`OVERLONG` and drops the rest of it up to the next newline. The line keeps its number, so
the importer reports ``file:line`` and ``--skip-bad`` skips it like any malformed line; memory
stays bounded by the cap. The largest Wikidata entities are a few MB of JSON.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

MAX_LINE_BYTES = 32 << 20
OVERLONG = b"\x00<line too long>\x00"


def capped(chunks: Iterable[bytes], cap: int = MAX_LINE_BYTES) -> Iterator[bytes]:
    """``chunks`` with every line longer than ``cap`` cut and marked (see the module).

    Only the line running across chunk boundaries is tracked: the lines inside one chunk are
    shorter than the chunk, which is smaller than ``cap`` (the caller's chunks are ≤ 1 MB)."""
    run = 0            # bytes of the current line already passed on
    skipping = False   # inside an overlong line, after its marker
    for chunk in chunks:
        if skipping:
            nl = chunk.find(b"\n")
            if nl < 0:
                continue
            chunk, skipping, run = chunk[nl:], False, 0   # the newline ends the marked line
        last = chunk.rfind(b"\n")
        first = chunk.find(b"\n") if last >= 0 else len(chunk)
        if run + first > cap:
            yield chunk[:cap - run] + OVERLONG
            if last < 0:
                skipping, run = True, 0
                continue
            chunk, run = chunk[first:], 0
            last = chunk.rfind(b"\n")
        if chunk:
            yield chunk
        run = run + len(chunk) if last < 0 else len(chunk) - last - 1
