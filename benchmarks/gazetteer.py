"""Gazetteer build vs disk-cache load, and the CLI cold start with and without the cache.

    python benchmarks/gazetteer.py [--aliases 100000] [--factor 10] [--runs 3] [--kb-dir DIR]
                                   [--article FILE]

Imports the synthetic KBs of benchmarks/claims.py (``--aliases`` and ``--factor`` × that many
names; kept in ``--kb-dir`` when given, so a second run skips the import) and prints, for each:

* ``build``: ``gazetteer.build(kb)`` (read the names, tokenise, build the automaton), median;
* ``save``: writing the cache file (once, after the first build of a CLI run), and its size;
* ``load``: ``gazcache.load`` (read and verify the keys and entries; the automaton is built from
  them on demand, which a one-article CLI run never needs: see docs/claims.md), median;
* ``ahocorasick.load``: for comparison, pyahocorasick's own ``Automaton.save``/``load`` of the same
  automaton (integer values, so no serializer runs; the entries would still have to be read);
* the CLI cold start, ``newscheck check ARTICLE --kb KB`` in a new process (median of ``--runs``):
  "first run" with the cache file removed before each run, "second run" with it in place. The
  article is examples/seoul-summit.html unless ``--article`` (a generated article full of the
  KB's fictional office holders makes a multi-megabyte report whose JSON encoding dominates).

The cache directory is a temporary one (``XDG_CACHE_HOME``); the user's cache is not touched.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from claims import build_kb
from newscheck.gazetteer import cache as gazcache
from newscheck.gazetteer import index as gazetteer
from newscheck.knowledge import open_kb

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "seoul-summit.html"


def median_s(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def cli_cold(cmd: list[str], env: dict[str, str], runs: int,
             before: Callable[[], None] = lambda: None) -> float:
    times = []
    for _ in range(runs):
        before()
        t0 = time.perf_counter()
        subprocess.run(cmd, env=env, capture_output=True, check=True)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def bench(kb_path: Path, cache_home: Path, runs: int) -> dict[str, float]:
    import ahocorasick

    os.environ["XDG_CACHE_HOME"] = str(cache_home)
    kb = open_kb(kb_path)
    out: dict[str, float] = {}
    gaz = gazetteer.build(kb)
    out["keys"] = gaz.size
    out["build"] = median_s(lambda: gazetteer.build(kb), runs)
    key = gazcache.disk_key(kb)
    assert key is not None
    t0 = time.perf_counter()
    assert gazcache.save(gaz, key)
    out["save"] = time.perf_counter() - t0
    out["mb"] = key.path().stat().st_size / 1e6
    out["load"] = median_s(lambda: gazcache.load(kb, key), runs)
    ac = Path(cache_home) / "ahocorasick.bin"
    gaz.automaton.save(str(ac))
    out["ac_mb"] = ac.stat().st_size / 1e6
    out["ac_load"] = median_s(lambda: ahocorasick.load(str(ac), lambda b: b), runs)
    ac.unlink()
    kb.close()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--aliases", type=int, default=100_000)
    ap.add_argument("--factor", type=int, default=10)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--kb-dir", type=Path, help="keep the synthetic KBs here (reused if present)")
    ap.add_argument("--article", type=Path, default=EXAMPLE)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        kb_dir = args.kb_dir or Path(tmp)
        kb_dir.mkdir(parents=True, exist_ok=True)
        cache_home = Path(tmp) / "xdg-cache"
        exe = Path(sys.executable).with_name("newscheck")
        cli = [str(exe)] if exe.exists() else [sys.executable, "-m", "newscheck.cli"]
        env = {**os.environ, "XDG_CACHE_HOME": str(cache_home)}
        for n in (args.aliases, args.aliases * args.factor):
            kb_path = kb_dir / f"synthetic{n}.kb"
            if not kb_path.exists():
                t0 = time.perf_counter()
                build_kb(kb_dir, n)
                print(f"KB with ~{n:,} aliases imported in {time.perf_counter() - t0:.1f}s")
            r = bench(kb_path, cache_home, args.runs)
            print(f"~{n:,} aliases, {r['keys']:,.0f} keys: build {r['build']:.2f}s, "
                  f"load {r['load']:.2f}s (x{r['build'] / r['load']:.1f}); save {r['save']:.2f}s, "
                  f"{r['mb']:.1f} MB; ahocorasick.load {r['ac_load']:.2f}s ({r['ac_mb']:.0f} MB)")
            cmd = [*cli, "check", str(args.article), "--kb", str(kb_path), "--published",
                   "2023-05-10"]

            def clear() -> None:
                for f in (cache_home / "newscheck").glob("gazetteer-*.bin"):
                    f.unlink()

            first = cli_cold(cmd, env, args.runs, clear)
            second = cli_cold(cmd, env, args.runs)
            print(f"  CLI cold start (newscheck check, median of {args.runs}): first run "
                  f"{first:.2f}s, second run {second:.2f}s")
        starter_cmd = [*cli, "check", str(args.article), "--published", "2023-05-10"]
        starter_env = {**env, "NEWSCHECK_KB": "", "XDG_DATA_HOME": str(Path(tmp) / "data")}
        cli_cold(starter_cmd, starter_env, 1)       # builds the starter pack's cached KB
        starter = cli_cold(starter_cmd, starter_env, args.runs)
        print(f"reference: the same CLI call on the starter pack {starter:.2f}s")


if __name__ == "__main__":
    main()
