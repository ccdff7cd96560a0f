"""CLI cold start: a whole ``newscheck check`` process, against ``python -c pass`` in the same run.

    python benchmarks/startup.py [--runs 21]

Each command runs ``--runs`` times as a fresh process (interleaved, so load on the machine hits
all of them alike); printed: the median wall time, the median CPU time (user + system of the
child, steadier on a busy machine) and the ratio of each median to the peer's. The knowledge base
is the starter pack, built once before timing (its cache is reused as on any second run). Run it
on a regular install (``pip install .``): an editable one, or ``PYTHONDONTWRITEBYTECODE=1`` with
no compiled files, also times compiling the sources.

Commands: the peer ``python -c pass``; ``import newscheck``; ``newscheck --version`` (the CLI
framework alone); ``newscheck check`` on a short text article and on examples/seoul-summit.html.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEXT = ("Japanese Prime Minister Fumio Kishida met his South Korean counterpart, Chung Eui-yong, "
        "in Seoul on May 7, 2023.\n\nThe two leaders discussed North Korea and trade, officials "
        "said.\n")


def _newscheck() -> list[str]:
    exe = shutil.which("newscheck", path=str(Path(sys.executable).parent))
    return [exe] if exe else [sys.executable, "-m", "newscheck.cli"]


def _run(cmd: list[str]) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed: {proc.stderr.decode()[-500:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=21)
    args = ap.parse_args(argv)
    nc = _newscheck()
    with tempfile.TemporaryDirectory(prefix="newscheck-startup-") as tmp:
        text = Path(tmp) / "article.txt"
        text.write_text(TEXT, encoding="utf-8")
        html = ROOT / "examples" / "seoul-summit.html"
        commands = {
            "python -c pass (peer)": [sys.executable, "-c", "pass"],
            "import newscheck": [sys.executable, "-c", "import newscheck"],
            "newscheck --version": [*nc, "--version"],
            "newscheck check (text)": [*nc, "check", str(text), "--published", "2023-05-08"],
            "newscheck check (html)": [*nc, "check", str(html)],
        }
        for cmd in commands.values():        # warm: starter-pack cache, OS file cache
            _run(cmd)
        walls: dict[str, list[float]] = {k: [] for k in commands}
        cpus: dict[str, list[float]] = {k: [] for k in commands}
        for _ in range(args.runs):
            for name, cmd in commands.items():
                w, c = _run(cmd)
                walls[name].append(w)
                cpus[name].append(c)
    peer = "python -c pass (peer)"
    pw, pc = statistics.median(walls[peer]), statistics.median(cpus[peer])
    print(f"newscheck CLI start-up, {args.runs} runs each, interleaved "
          f"(python {sys.version.split()[0]}, {os.cpu_count()} CPUs)")
    print(f"{'command':<26} {'wall median':>12} {'x peer':>7} {'CPU median':>11} {'x peer':>7}")
    for name in commands:
        w, c = statistics.median(walls[name]), statistics.median(cpus[name])
        print(f"{name:<26} {w:>11.3f}s {w / pw:>6.1f}x {c:>10.3f}s {c / pc:>6.1f}x")


if __name__ == "__main__":
    main()
