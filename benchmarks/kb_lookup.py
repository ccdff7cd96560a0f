"""Query throughput of the KnowledgeBase: ``holders(position, at)``, ``positions(person, at)``
and ``search(name)``.

    python3 benchmarks/kb_lookup.py [--entities 100000] [--queries 50000] [--repeat 5]

Builds a KB from a generated dump (benchmarks/kb_import.py's generator), then times random
queries against it in two passes: "first touch" (each position's or person's first query runs
one indexed SQL query and builds its interval index; later queries in the pass hit it) and
"cached" (every index already built). Each figure is the throughput of a whole pass (queries per
second, i.e. a mean over the pass, not a cold start), median of ``--repeat`` passes.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from kb_import import write_dump

from newscheck.knowledge import KnowledgeBase
from newscheck.knowledge.importer import import_files


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--entities", type=int, default=100_000)
    ap.add_argument("--queries", type=int, default=50_000)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    rng = random.Random(3)
    with tempfile.TemporaryDirectory() as tmp:
        dump, kb_path = Path(tmp) / "dump.json.gz", Path(tmp) / "kb.sqlite"
        write_dump(dump, args.entities)
        import_files(kb_path, [dump])
        with KnowledgeBase.open(kb_path) as kb:
            positions = [r[0] for r in kb.conn.execute(
                "SELECT DISTINCT value FROM statements WHERE property = 'P39'")]
            people = [r[0] for r in kb.conn.execute(
                "SELECT id FROM items WHERE kind = 'person'")]
            names = [r[0] for r in kb.conn.execute("SELECT alias FROM aliases LIMIT 20000")]
        print(f"KB: {args.entities} entities in the dump, {len(positions)} positions held, "
              f"{len(people)} people")
        days = [date(1950, 1, 1).toordinal() + rng.randrange(365 * 75)
                for _ in range(args.queries)]
        qs = [(rng.choice(positions), date.fromordinal(d)) for d in days]
        ps = [(rng.choice(people), date.fromordinal(d)) for d in days]
        ns = [rng.choice(names) for _ in range(args.queries // 5)]
        results: dict[str, list[float]] = {"holders, first touch": [], "holders, cached": [],
                                           "positions, first touch": [], "positions, cached": [],
                                           "search": []}
        for _ in range(args.repeat):
            kb = KnowledgeBase.open(kb_path)
            t0 = time.perf_counter()
            for pos, at in qs:
                kb.holders(pos, at)
            results["holders, first touch"].append(len(qs) / (time.perf_counter() - t0))
            t0 = time.perf_counter()
            for pos, at in qs:
                kb.holders(pos, at)
            results["holders, cached"].append(len(qs) / (time.perf_counter() - t0))
            t0 = time.perf_counter()
            for person, at in ps:     # 50k queries over 25k people: ~half load their index
                kb.positions(person, at)
            results["positions, first touch"].append(len(ps) / (time.perf_counter() - t0))
            t0 = time.perf_counter()
            for person, at in ps:
                kb.positions(person, at)
            results["positions, cached"].append(len(ps) / (time.perf_counter() - t0))
            t0 = time.perf_counter()
            for name in ns:
                kb.search(name)
            results["search"].append(len(ns) / (time.perf_counter() - t0))
            kb.close()
        for what, rates in results.items():
            print(f"{what:>24}: {statistics.median(rates):>10,.0f} queries/s (pass throughput, "
                  f"median of {args.repeat} passes)")


if __name__ == "__main__":
    main()
