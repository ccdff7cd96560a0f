"""``run_batch``: INPUT… → OUT, resumable, with a progress bar and a summary (docs/batch.md)."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import MalformedInput, require
from .inputs import count_items, expand, iter_items
from .sinks import VERDICTS, Encoded, open_sink, prepare

FORMATS = ("jsonl", "parquet")
ENGINES = ("local", "ray")


@dataclass
class BatchOptions:
    inputs: list[str | Path]
    out: Path
    format: str = "jsonl"
    workers: int = 1
    engine: str = "local"
    resume: bool = False
    overwrite: bool = False
    kb: Path | None = None
    corpus: Path | None = None
    today: date | None = None


@dataclass
class BatchStats:
    """What one run did (not counting what an earlier, resumed run had written)."""

    out: str
    format: str
    resumed: int = 0
    ok: int = 0
    failed: int = 0
    claims: dict[str, int] = field(default_factory=lambda: dict.fromkeys(VERDICTS, 0))
    errors: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def articles(self) -> int:
        return self.ok + self.failed

    def add(self, batch: list[Encoded]) -> None:
        for _source, status, counts, payload in batch:
            if status == "ok":
                self.ok += 1
            else:
                self.failed += 1
                code = payload[0]["error_code"] if isinstance(payload, tuple) else _code(payload)
                self.errors[code] = self.errors.get(code, 0) + 1
            for v, n in counts.items():
                self.claims[v] += n

    def to_dict(self) -> dict[str, Any]:
        return {"out": self.out, "format": self.format, "articles": self.articles,
                "ok": self.ok, "failed": self.failed, "resumed": self.resumed,
                "claims": dict(self.claims), "errors": dict(sorted(self.errors.items())),
                "seconds": round(self.seconds, 3),
                "articles_per_second": round(self.articles / self.seconds, 1)
                if self.seconds else None}


def _code(line: bytes) -> str:
    import orjson

    return str(orjson.loads(line).get("error_code") or "NC000")


def _validate(opts: BatchOptions) -> None:
    if opts.format not in FORMATS:
        raise MalformedInput(f"--format {opts.format!r} is not one of {', '.join(FORMATS)}")
    if opts.engine not in ENGINES:
        raise MalformedInput(f"--engine {opts.engine!r} is not one of {', '.join(ENGINES)}")
    if opts.workers < 1:
        raise MalformedInput(f"--workers {opts.workers} must be at least 1")
    if opts.resume and opts.overwrite:
        raise MalformedInput("--resume and --overwrite contradict each other",
                             "give one of them")
    if opts.format == "parquet":   # before OUT is touched (--overwrite deletes it)
        require("pyarrow.parquet", "parquet")
    if opts.engine == "ray":
        require("ray.data", "ray")
    if opts.corpus is not None:   # a missing corpus fails before OUT is touched
        from ..corpus import open_corpus

        open_corpus(opts.corpus).close()


def run_batch(opts: BatchOptions, *, on_progress: Callable[[int, int | None], None] | None
              = None) -> BatchStats:
    """Check every input article into ``opts.out``; returns this run's counts. Raises only for a
    wrong command (bad option, missing INPUT, existing OUT, missing KB) — never for an article."""
    from ..knowledge import resolve_kb

    _validate(opts)
    resolve_kb(opts.kb)                      # a missing --kb fails before OUT is touched
    files = expand(opts.inputs)
    out = Path(opts.out)
    prepare(out, opts.format, resume=opts.resume, overwrite=opts.overwrite)
    sink = open_sink(out, opts.format)
    stats = BatchStats(out=str(out), format=opts.format, resumed=len(sink.done))
    total = count_items(files)
    todo = None if total is None else max(total - len(sink.done), 0)
    done = sink.done
    items = (it for it in iter_items(files) if it.source not in done)

    def write(batch: list[Encoded]) -> None:
        sink.write(batch)
        stats.add(batch)
        if on_progress:
            on_progress(stats.articles, todo)

    t0 = time.perf_counter()
    try:
        if opts.engine == "ray":
            from .ray_engine import run_ray

            run_ray(files, done, write, fmt=opts.format, workers=opts.workers, kb=opts.kb,
                    today=opts.today, corpus=opts.corpus)
        else:
            from .local import run_local

            run_local(items, write, fmt=opts.format, workers=opts.workers, kb=opts.kb,
                      today=opts.today, corpus=opts.corpus)
    finally:
        sink.close()
        stats.seconds = time.perf_counter() - t0
    return stats
