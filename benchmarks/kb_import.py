"""Import throughput and peak memory of ``newscheck kb import`` on generated Wikidata dumps.

    python3 benchmarks/kb_import.py [--sizes 100000 200000] [--repeat 3] [--formats json gz bz2]

The dumps are written with ``newscheck.knowledge.wdjson`` in Wikidata's official framing: 25 %
people holding positions, 2 % positions, 0.1 % countries, the rest items the filter drops (with
labels in several languages and a few statements, as real items have). Each import runs in a fresh
subprocess, which reports its own wall time, CPU time (user + sys: entities per CPU-second is
the per-core rate, robust to a busy machine) and peak RSS (``resource.getrusage``). Medians.
CPU time includes interpreter start-up and imports (~0.1 s).
"""

from __future__ import annotations

import argparse
import bz2
import gzip
import json
import random
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from newscheck.knowledge import wdjson

CHILD = """
import json, resource, sys, time
from pathlib import Path
from newscheck.knowledge.importer import import_files
t0 = time.perf_counter()
res = import_files(Path(sys.argv[1]), [sys.argv[2]])
secs = time.perf_counter() - t0
ru = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"secs": secs, "cpu": ru.ru_utime + ru.ru_stime, "rss_mb": ru.ru_maxrss / 1024,
                  "kept": res.files[0]["entities"]}))
"""


def entities(n: int, seed: int = 7) -> Iterator[dict[str, Any]]:
    rng = random.Random(seed)
    n_pos = max(10, n // 50)
    n_countries = max(2, n // 1000)
    langs = ("de", "fr", "es", "ja", "ko")
    for i in range(n):
        qid = f"Q{90_000_000 + i}"     # fictional ids: mechanics only
        r = i % 100
        if i < n_countries:
            yield wdjson.entity(qid, f"Country {i}", instance_of=["Q6256"],
                                demonyms=[f"Countrian {i}"])
        elif r < 2:
            yield wdjson.entity(qid, f"Minister of Things {i}", instance_of=["Q4164871"],
                                country=f"Q{90_000_000 + rng.randrange(n_countries)}",
                                jurisdiction=f"Q{90_000_000 + rng.randrange(n_countries)}")
        elif r < 27:
            terms = []
            for _ in range(rng.randint(1, 3)):
                y = rng.randint(1950, 2020)
                pos = 100 * rng.randrange(1, n_pos // 2) + rng.randrange(2)
                terms.append({"position": f"Q{90_000_000 + pos}",
                              "start": f"{y}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                              "end": str(y + rng.randint(1, 6)) if rng.random() < .8 else None})
            ent = wdjson.entity(qid, f"Person {i}", aliases=[f"P. {i}"], instance_of=["Q5"],
                                positions=terms, description="fictional politician")
            yield ent
        else:
            ent = wdjson.entity(qid, f"Thing {i}", instance_of=[f"Q{rng.randrange(1, 10**6)}"],
                                description="some item", country="Q90000000")
            for lang in langs:
                ent["labels"][lang] = {"language": lang, "value": f"Ding {i} {lang}"}
            yield ent


def write_dump(path: Path, n: int) -> None:
    opener = {".gz": gzip.open, ".bz2": bz2.open}.get(path.suffix)
    with (opener(path, "wt", encoding="utf-8") if opener  # type: ignore[operator]
          else path.open("w", encoding="utf-8")) as fh:
        fh.writelines(wdjson.dump_lines(entities(n)))


def run(kb: Path, dump: Path) -> dict[str, float]:
    kb.unlink(missing_ok=True)
    out = subprocess.run([sys.executable, "-c", CHILD, str(kb), str(dump)], check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[100_000, 200_000])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--formats", nargs="+", default=["json", "gz", "bz2"])
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        print(f"{'dump':>22} {'entities':>9} {'MB':>7} {'wall s':>7} {'entities/s':>11} "
              f"{'cpu s':>6} {'/cpu-s':>9} {'peak RSS MB':>11} {'kept':>7}")
        for n in args.sizes:
            for fmt in args.formats:
                dump = d / (f"dump-{n}.json" + ("" if fmt == "json" else f".{fmt}"))
                write_dump(dump, n)
                runs = [run(d / "kb.sqlite", dump) for _ in range(args.repeat)]
                secs = statistics.median(r["secs"] for r in runs)
                cpu = statistics.median(r["cpu"] for r in runs)
                rss = statistics.median(r["rss_mb"] for r in runs)
                print(f"{dump.name:>22} {n:>9} {dump.stat().st_size / 1e6:>7.1f} {secs:>7.2f} "
                      f"{n / secs:>11,.0f} {cpu:>6.2f} {n / cpu:>9,.0f} {rss:>11.0f} "
                      f"{int(runs[0]['kept']):>7}", flush=True)
                dump.unlink()


if __name__ == "__main__":
    main()
