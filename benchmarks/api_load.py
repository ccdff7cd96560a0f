"""Load on the API: N requests at concurrency C against `newscheck serve` on 127.0.0.1.

    python benchmarks/api_load.py [--requests 2000] [--concurrency 8] [--workers 2]
                                  [--memory-requests 10000] [--kb KB]

Starts the server itself (loopback only, an ephemeral port, ``--workers`` processes), waits for
/healthz, then measures in the same run:

- the anchor: ``GET /healthz`` (no pipeline) — what the server and this client can do at best;
- ``POST /v1/check`` with a ~600-word article (the one benchmarks/check.py picks) as JSON:
  req/s, p50/p99 latency, errors; over kept-alive connections, then with a new connection per
  request (how kept-alive connections split between the workers varies from run to run);
- the same article checked in-process (``newscheck.check``, KB open): median, for the ratio;
- memory: the workers' total RSS before and after ``--memory-requests`` more checks.

The load generator (httpx, asyncio) runs on the same machine as the server and takes CPU from
it: on 2 cores the figures are a lower bound. Every loop is bounded by the request counts.
Goal (issue 12): ≥ 200 req/s, p99 ≤ 100 ms at concurrency 8 on 2 workers, zero errors, memory
flat over 10k requests.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from check import pick_article  # benchmarks/check.py


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def rss_kib(pid: int) -> int:
    """RSS of ``pid`` and all its descendants (the uvicorn workers), in KiB."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            status = Path(f"/proc/{p}/status").read_text()
            total += int(next(ln.split()[1] for ln in status.splitlines()
                              if ln.startswith("VmRSS:")))
            children = Path(f"/proc/{p}/task/{p}/children").read_text().split()
        except (OSError, StopIteration):
            continue
        todo += [int(c) for c in children]
    return total


async def load(base: str, n: int, concurrency: int, method: str, path: str,
               payload: bytes | None, keep_alive: bool = True) -> tuple[float, list[float], int]:
    """``(elapsed s, latencies s, errors)`` for ``n`` requests, ``concurrency`` at a time, over
    ``concurrency`` kept-alive connections or (``keep_alive=False``) a new one per request."""
    import httpx

    latencies: list[float] = []
    errors = 0
    todo = iter(range(n))
    headers = {"content-type": "application/json"}

    async def worker(client: httpx.AsyncClient) -> None:
        nonlocal errors
        for _ in todo:
            t0 = time.perf_counter()
            try:
                resp = await client.request(method, path, content=payload, headers=headers)
                ok = resp.status_code == 200
            except httpx.HTTPError:
                ok = False
            latencies.append(time.perf_counter() - t0)
            errors += not ok

    limits = httpx.Limits(max_connections=concurrency,
                          max_keepalive_connections=concurrency if keep_alive else 0)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:
        t0 = time.perf_counter()
        await asyncio.gather(*(worker(client) for _ in range(concurrency)))
        elapsed = time.perf_counter() - t0
    return elapsed, latencies, errors


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def report(name: str, elapsed: float, lat: list[float], errors: int) -> float:
    rate = len(lat) / elapsed
    print(f"{name:<28} {len(lat):>6} req  {rate:7.1f} req/s  p50 {pct(lat, .5) * 1e3:6.1f} ms  "
          f"p99 {pct(lat, .99) * 1e3:6.1f} ms  errors {errors}")
    return rate


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--concurrency", type=int, default=8)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--memory-requests", type=int, default=10_000)
    ap.add_argument("--kb", default=None)
    args = ap.parse_args()

    name, text, published = pick_article(None)
    payload = json.dumps({"text": text, "published": published}).encode()
    print(f"article: {name}, {len(text.split())} words; {args.workers} workers, "
          f"concurrency {args.concurrency}, {os.cpu_count()} CPUs (client on the same machine)")

    import newscheck

    kb = newscheck.open_kb(args.kb)
    newscheck.check(text, published=published, kb=kb)
    runs = []
    for _ in range(30):
        t0 = time.perf_counter()
        newscheck.check(text, published=published, kb=kb)
        runs.append(time.perf_counter() - t0)
    inproc = statistics.median(runs)
    print(f"{'in-process check (anchor)':<28} median {inproc * 1e3:.1f} ms "
          f"(= {1 / inproc:.0f} checks/s on one core)")

    port = free_port()
    cmd = [sys.executable, "-m", "newscheck.cli", "serve", "--host", "127.0.0.1", "--port",
           str(port), "--workers", str(args.workers)] + (["--kb", args.kb] if args.kb else [])
    server = subprocess.Popen(cmd, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        import httpx

        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(base + "/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline or server.poll() is not None:
                raise SystemExit("the server did not start")
            time.sleep(0.2)
        asyncio.run(load(base, 200, args.concurrency, "POST", "/v1/check", payload))  # warm up
        health = report("GET /healthz (anchor)",
                        *asyncio.run(load(base, args.requests, args.concurrency, "GET",
                                          "/healthz", None)))
        # Kept-alive connections stay with the worker that accepted them, and uvicorn's
        # workers share one socket from which asyncio accepts greedily: how the client's
        # connections split between the workers (all on one, at worst) sets that figure. A new
        # connection per request spreads the requests; both are printed.
        for label, keep in (("POST /v1/check", True), ("  new connection each", False)):
            rate = report(label, *asyncio.run(load(base, args.requests, args.concurrency,
                                                   "POST", "/v1/check", payload, keep)))
            print(f"  check throughput is {rate / health:.2f}x the /healthz anchor; "
                  f"{rate * inproc:.2f} cores' worth of in-process checks")
        if args.memory_requests:
            before = rss_kib(server.pid)
            _, lat, errors = asyncio.run(load(base, args.memory_requests, args.concurrency,
                                              "POST", "/v1/check", payload))
            after = rss_kib(server.pid)
            print(f"memory over {len(lat)} more checks: server RSS {before / 1024:.0f} MiB -> "
                  f"{after / 1024:.0f} MiB ({(after - before) / 1024:+.0f} MiB), "
                  f"errors {errors}")
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()


if __name__ == "__main__":
    main()
