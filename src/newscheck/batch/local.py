"""The local engine: N worker processes (fork), each with its own read-only KB, fed small chunks
in order with a bounded number in flight, so memory stays flat and the output order is the input
order whatever N is. ``workers=1`` checks in the calling process.

A worker that dies (killed, out of memory) fails only the articles it held: they are recorded
with status error and a new pool carries on.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from datetime import date
from itertools import islice
from pathlib import Path
from typing import Any

from .inputs import Item
from .sinks import Encoded, encoder
from .work import Checker, error_row, warm

CHUNK = 8            # records per task
INFLIGHT = 4         # tasks in flight per worker

_checker: Checker | None = None
_encode: Callable[[Any], Encoded] | None = None


def chunked(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _watch_parent(ppid: int) -> None:
    while True:   # a killed parent (kill -9) must not leave workers behind
        if os.getppid() != ppid:
            os._exit(0)
        time.sleep(0.5)


def _init(kb: str | None, fmt: str, today: date | None, ppid: int, corpus: str | None) -> None:
    global _checker, _encode
    threading.Thread(target=_watch_parent, args=(ppid,), daemon=True).start()
    _checker = Checker(kb, corpus=corpus, today=today)
    _encode = encoder(fmt)


def _work(chunk: list[Item]) -> list[Encoded]:
    assert _checker is not None and _encode is not None
    return [_encode(_checker(item)) for item in chunk]


def _died(chunk: list[Item], fmt: str) -> list[Encoded]:
    enc = encoder(fmt)
    return [enc(error_row(it.source, getattr(it, "id", None), "the worker process checking "
                          "this batch of articles died (out of memory or killed); rerun it "
                          "alone to see which one", "NC704")) for it in chunk]


def run_local(items: Iterable[Item], write: Callable[[list[Encoded]], None], *, fmt: str,
              workers: int, kb: Path | None, today: date | None = None,
              corpus: Path | None = None) -> None:
    kb_arg = str(kb) if kb is not None else None
    corpus_arg = str(corpus) if corpus is not None else None
    if workers <= 1:
        checker, enc = Checker(kb_arg, corpus=corpus_arg, today=today), encoder(fmt)
        try:
            for chunk in chunked(items, CHUNK):
                write([enc(checker(item)) for item in chunk])
        finally:
            checker.close()
        return
    warm()
    chunks = chunked(items, CHUNK)
    ctx = multiprocessing.get_context("fork")
    while True:
        pool = ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init,
                                   initargs=(kb_arg, fmt, today, os.getpid(), corpus_arg))
        pending: deque[tuple[list[Item], Future[list[Encoded]]]] = deque()
        try:
            broken = _drive(pool, chunks, pending, write, workers)
        finally:
            pool.shutdown(wait=not pending, cancel_futures=True)
        if not broken:
            return
        for chunk, _ in pending:   # everything in flight when the pool broke
            write(_died(chunk, fmt))


def _drive(pool: ProcessPoolExecutor, chunks: Iterator[list[Item]],
           pending: deque[tuple[list[Item], Future[list[Encoded]]]],
           write: Callable[[list[Encoded]], None], workers: int) -> bool:
    """Feed ``pool`` until the input ends (False) or a worker dies (True)."""
    exhausted = False
    while True:
        while not exhausted and len(pending) < workers * INFLIGHT:
            chunk = next(chunks, None)
            if chunk is None:
                exhausted = True
                break
            try:
                pending.append((chunk, pool.submit(_work, chunk)))
            except BrokenProcessPool:
                pending.append((chunk, Future()))
                return True
        if not pending:
            return False
        try:
            result = pending[0][1].result()
        except BrokenProcessPool:
            return True
        pending.popleft()
        write(result)
