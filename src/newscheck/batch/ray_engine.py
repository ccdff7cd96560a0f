"""``--engine ray``: the same read → check → write on Ray Data, unchanged on a cluster.

- read: one task per input file (``flat_map``) streams its records, skipping the sources a resumed
  output already holds; paths are made absolute, so every node must see the inputs at the same
  path (shared storage, docs/batch.md);
- check: ``map_batches`` with an actor class — each of the ``--workers`` actors opens the KB
  read-only once and checks batches of records;
- write: the driver consumes the results in input order and writes them with the same sinks as
  the local engine, so output, resume and exactly-once behave identically.

``ray.init()`` joins the cluster named by ``RAY_ADDRESS`` if set, else starts a local one.
"""

from __future__ import annotations

import logging
import os
import pickle
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import require
from .inputs import Failed, iter_items
from .sinks import Encoded, encoder
from .work import Checker

BATCH = 8


def _read(row: dict[str, Any], done: Any) -> Iterator[dict[str, Any]]:
    """All records of one file (given as typed and as an absolute path) not yet written."""
    given, absolute = row["given"], row["absolute"]
    for item in iter_items([Path(absolute)]):
        if item.source.startswith(absolute):   # name it as the user typed it, like local runs
            item = replace(item, source=given + item.source[len(absolute):])
            if isinstance(item, Failed):
                item = replace(item, error=item.error.replace(absolute, given))
        if item.source not in done:
            yield {"blob": pickle.dumps(item)}


class _Check:
    """One Ray actor: the KB is opened once, then every batch is checked with it."""

    def __init__(self, kb: str | None, fmt: str, today: date | None,
                 corpus: str | None) -> None:
        self.checker = Checker(kb, corpus=corpus, today=today)
        self.encode = encoder(fmt)

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        out = [self.encode(self.checker(pickle.loads(b))) for b in batch["blob"]]
        return {"encoded": [pickle.dumps(e) for e in out]}


def init(workers: int) -> None:
    ray = require("ray", "ray")
    for name in ("ray", "ray.data"):   # the summary and our progress bar say what matters
        logging.getLogger(name).setLevel(logging.WARNING)
    if not ray.is_initialized():   # type: ignore[attr-defined]
        address = os.environ.get("RAY_ADDRESS")
        # locally: a CPU slot per checker plus one for the read tasks (else they starve)
        kwargs: dict[str, Any] = {} if address else {"num_cpus": workers + 1}
        ray.init(address=address, include_dashboard=False,  # type: ignore[attr-defined]
                 log_to_driver=False, logging_level=logging.WARNING, **kwargs)



def run_ray(files: list[Path], done: set[str], write: Callable[[list[Encoded]], None], *,
            fmt: str, workers: int, kb: Path | None, today: date | None = None,
            corpus: Path | None = None) -> None:
    init(workers)
    data = require("ray.data", "ray")
    ctx = data.DataContext.get_current()  # type: ignore[attr-defined]
    ctx.execution_options.preserve_order = True     # output in input order, like local runs
    ctx.enable_progress_bars = False
    ds = data.from_items([{"given": str(f), "absolute": str(f.resolve())}  # type: ignore[attr-defined]
                          for f in files], override_num_blocks=max(1, len(files)))
    ds = ds.flat_map(_read, fn_args=(frozenset(done),))
    ds = ds.map_batches(_Check, batch_size=BATCH, concurrency=workers, batch_format="numpy",
                        fn_constructor_args=(str(kb.resolve()) if kb else None, fmt, today,
                                             str(corpus.resolve()) if corpus else None))
    for batch in ds.iter_batches(batch_size=None, batch_format="numpy"):
        write([pickle.loads(b) for b in batch["encoded"]])
