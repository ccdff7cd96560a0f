"""``newscheck batch`` and ``newscheck batch-summary`` (docs/batch.md): thin wrappers over
:mod:`newscheck.batch`."""

from __future__ import annotations

import json
import time
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from .cli_common import Engine, fail
from .errors import BatchMostlyFailed, BatchSomeFailed, NewscheckError

if TYPE_CHECKING:
    from rich.progress import Progress


class BatchFormat(StrEnum):
    jsonl = "jsonl"
    parquet = "parquet"


class _Bar:
    """A rich progress bar on stderr (rate and ETA), refreshed from the writer — no thread, so
    worker processes fork cleanly. Nothing is drawn when stderr is not a terminal."""

    def __init__(self, enabled: bool) -> None:
        from rich.console import Console

        console = Console(stderr=True)
        self.progress: Progress | None = None
        self.task: Any = None
        self.last = 0.0
        if enabled and console.is_terminal:
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            self.progress = Progress(
                TextColumn("checking"), BarColumn(), MofNCompleteColumn(),
                TextColumn("{task.fields[rate]} articles/s"), TimeElapsedColumn(),
                TextColumn("ETA"), TimeRemainingColumn(), console=console, auto_refresh=False,
                transient=False)

    def __call__(self, done: int, total: int | None) -> None:
        if self.progress is None:
            return
        if self.task is None:
            self.progress.start()
            self.task = self.progress.add_task("batch", total=total, rate="-")
        now = time.monotonic()
        if now - self.last >= 0.1 or done == total:
            self.last = now
            speed = self.progress.tasks[0].speed
            self.progress.update(self.task, completed=done,
                                 rate=f"{speed:,.1f}" if speed else "-")
            self.progress.refresh()

    def stop(self) -> None:
        if self.progress is not None and self.task is not None:
            self.progress.stop()


def batch(
    inputs: Annotated[list[Path], typer.Argument(
        help="Directories (recursive: HTML and text files, JSONL, WARC), JSON lines files "
             "(id, text or html, published, url) and WARC/WARC.gz files.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output: a .jsonl file, or a "
                                                          "directory for --format parquet.")],
    format: Annotated[BatchFormat, typer.Option("--format", "-f",
                                                help="jsonl (full reports) or parquet "
                                                     "(articles and claims tables).")]
    = BatchFormat.jsonl,
    workers: Annotated[int, typer.Option(help="Worker processes (Ray: parallel checkers).")] = 1,
    engine: Annotated[Engine, typer.Option(help="local processes, or ray (extra 'ray'; runs "
                                                "on a cluster via RAY_ADDRESS).")] = Engine.local,
    resume: Annotated[bool, typer.Option(help="Finish an interrupted run into the same OUT: "
                                              "inputs already written are skipped.")] = False,
    overwrite: Annotated[bool, typer.Option(help="Replace an existing OUT.")] = False,
    kb: Annotated[Path | None, typer.Option(help="Knowledge base file (default as for "
                                                 "`check`).")] = None,
    corpus: Annotated[Path | None, typer.Option(help="Reference corpus directory, passed to "
                                                     "each check.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Check many articles into one JSONL file or Parquet dataset; resumable."""
    from .batch import BatchOptions, run_batch
    from .batch.summary import render

    bar = _Bar(not quiet)
    try:
        try:
            stats = run_batch(BatchOptions(inputs=list(inputs), out=out, format=format.value,
                                           workers=workers, engine=engine.value, resume=resume,
                                           overwrite=overwrite, kb=kb, corpus=corpus),
                              on_progress=bar)
        finally:
            bar.stop()
        typer.echo(render(stats.to_dict()), err=True)
        if stats.failed:
            cls = BatchMostlyFailed if stats.failed > 0.99 * stats.articles else BatchSomeFailed
            raise cls(f"{stats.failed} of {stats.articles} articles failed; every one is in "
                      f"{out} with status error and its message",
                      f"see them with `newscheck batch-summary {out}`")
    except NewscheckError as exc:
        fail(exc)


def batch_summary(
    out: Annotated[Path, typer.Argument(help="The --out of a batch run.")],
    format: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
) -> None:
    """Articles ok/failed, errors by code and claims by verdict of a batch output."""
    from .batch.summary import render, summarize

    try:
        data = summarize(out)
    except NewscheckError as exc:
        fail(exc)
    typer.echo(json.dumps(data, indent=2) if format == "json" else render(data))


def register(app: typer.Typer) -> None:
    app.command("batch")(batch)
    app.command("batch-summary")(batch_summary)
