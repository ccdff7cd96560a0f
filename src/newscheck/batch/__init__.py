"""``newscheck batch``: check whole collections (directories, JSON lines, WARC) into one output.

    inputs.py   – INPUT paths → a deterministic stream of records (intake/records.py) or errors
    work.py     – one record → one output row (status ok | error); a bad article never raises
    sinks.py    – JSONL (one full report per line) or Parquet (articles + claims tables), resumable
    local.py    – the local engine: worker processes, ordered and bounded, progress bar
    ray_engine.py – the same pipeline on Ray Data (extra ``ray``), unchanged on a cluster
    summary.py  – the end-of-run summary and ``newscheck batch-summary OUT``

This package imports :mod:`newscheck.pipeline`, never the other way round (docs/batch.md).
"""

from __future__ import annotations

from .run import BatchOptions, run_batch
from .summary import summarize

__all__ = ["BatchOptions", "run_batch", "summarize"]
