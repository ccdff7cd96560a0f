"""Import throughput of ``newscheck kb import`` against a plain gzip + orjson line loop, on
generated Wikidata dumps with realistic entities (~2.5 KB each; the compression ratio is printed).

    python3 benchmarks/kb_import.py [--entities 100000] [--repeat 3] [--formats gz]
                                    [--workers 1 2] [--mixes stress wikidata]
                                    [--ray-workers 2]   # also --engine ray (extra ray)

The dump is written with ``newscheck.knowledge.wdjson`` in Wikidata's official framing, in two
mixes: ``stress`` (25 % people holding positions, 2 % positions, 0.1 % countries: 27 % of the
lines are parsed and kept) and ``wikidata`` (1 % people with positions and 0.5 % positions,
roughly the share of a real dump that passes the filter); the rest are items the filter drops. Every
entity carries what real ones carry and the importer must skip over: labels, descriptions and
aliases in several languages, statements with references (random hashes, which do not compress),
sitelinks. Fictional ids (Q90000000+): mechanics only, no facts.

Each run is a fresh subprocess that reports its wall time, the CPU time of its work (start-up
excluded; import workers included) and peak RSS. The PEER, in
the same run and on the same file, is the loop anyone would write first:
``for line in gzip.open(dump): orjson.loads(line.rstrip(b",\\n"))`` — it decompresses and parses
every line and stores nothing. Printed: medians, and the importer's time as a multiple of the
peer's (goal ≤ 1.4×).
"""

from __future__ import annotations

import argparse
import bz2
import gzip
import json
import random
import statistics
import string
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from newscheck.knowledge import wdjson

IMPORT = """
import json, resource, sys, time
from pathlib import Path
from newscheck.knowledge.importer import import_files
def cpu():
    a, b = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return a.ru_utime + a.ru_stime + b.ru_utime + b.ru_stime
c0 = cpu()
t0 = time.perf_counter()
res = import_files(Path(sys.argv[1]), [sys.argv[2]], workers=int(sys.argv[3]),
                   engine=sys.argv[4])
secs = time.perf_counter() - t0
ru = resource.getrusage(resource.RUSAGE_SELF)
ch = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"secs": secs, "cpu": cpu() - c0,
                  "rss_mb": max(ru.ru_maxrss, ch.ru_maxrss) / 1024,
                  "kept": res.files[0]["entities"]}))
"""

PEER = """
import bz2, gzip, json, resource, sys, time
import orjson
c0 = time.process_time()
t0 = time.perf_counter()
n = 0
opener = bz2.open if sys.argv[2].endswith(".bz2") else gzip.open
with opener(sys.argv[2], "rb") as fh:
    for line in fh:
        line = line.rstrip(b",\\n")
        if len(line) > 1:
            orjson.loads(line)
            n += 1
secs = time.perf_counter() - t0
ru = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"secs": secs, "cpu": time.process_time() - c0, "rss_mb": ru.ru_maxrss / 1024,
                  "kept": n}))
"""

DECOMPRESS = """
import json, resource, sys, time
from pathlib import Path
from newscheck.knowledge.importer import _chunks
c0 = time.process_time()
t0 = time.perf_counter()
n = sum(len(c) for c in _chunks(Path(sys.argv[2])))
secs = time.perf_counter() - t0
ru = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"secs": secs, "cpu": time.process_time() - c0, "rss_mb": ru.ru_maxrss / 1024,
                  "kept": n}))
"""

LANGS = ("de", "fr", "es", "it", "nl", "pl", "ja", "ru", "pt", "sv")
PROPS = ("P18", "P21", "P27", "P106", "P569", "P570", "P735", "P734", "P1412", "P646", "P214",
         "P227", "P244", "P268", "P269", "P349", "P1006", "P2163", "P373", "P856")


def _word(rng: random.Random) -> str:
    return "".join(rng.choices(string.ascii_lowercase, k=rng.randint(4, 10)))


def _pad(ent: dict[str, Any], rng: random.Random, qid: str, claims: int) -> dict[str, Any]:
    """What real entities carry besides the few statements the importer reads."""
    for lang in rng.sample(LANGS, rng.randint(2, 6)):
        ent["labels"][lang] = {"language": lang, "value": f"{_word(rng).title()} {_word(rng)}"}
    ent["descriptions"] |= {lang: {"language": lang, "value": " ".join(
        _word(rng) for _ in range(rng.randint(2, 5)))} for lang in rng.sample(LANGS, 2)}
    for prop in rng.sample(PROPS, claims):
        dv = {"value": f"{rng.getrandbits(40):x}", "type": "string"}
        st = wdjson.statement(qid, prop, dv, n=0)
        st["id"] = f"{qid}${rng.getrandbits(128):032x}"
        st["references"] = [{"hash": f"{rng.getrandbits(160):040x}",
                             "snaks": {"P248": [wdjson.snak("P248", wdjson.item_value(
                                 f"Q{rng.randrange(10**7)}"))]}, "snaks-order": ["P248"]}]
        ent["claims"].setdefault(prop, []).append(st)
    ent["sitelinks"] = {f"{lang}wiki": {"site": f"{lang}wiki", "title": _word(rng).title(),
                                        "badges": []}
                        for lang in rng.sample(LANGS, rng.randint(0, 3))}
    ent["lastrevid"] = rng.randrange(10**9, 2 * 10**9)
    ent["modified"] = f"2024-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}T12:0{rng.randint(0, 9)}:00Z"
    return ent


def entities(n: int, seed: int = 7, mix: str = "stress") -> Iterator[dict[str, Any]]:
    rng = random.Random(seed)
    people, positions = (27, 2) if mix == "stress" else (1.5, 0.5)
    n_countries = max(2, n // 1000)

    def kind_at(i: int) -> float:
        return (i * 7919) % 1000 / 10    # spreads the kinds evenly through the dump

    offices = [i for i in range(n) if i >= n_countries and kind_at(i) < positions] or [0]
    for i in range(n):
        qid = f"Q{90_000_000 + i}"
        r = kind_at(i)
        if i < n_countries:
            ent = wdjson.entity(qid, f"Country {i}", instance_of=["Q6256"],
                                demonyms=[f"Countrian {i}"])
        elif r < positions:
            ent = wdjson.entity(qid, f"Minister of Things {i}", instance_of=["Q4164871"],
                                country=f"Q{90_000_000 + rng.randrange(n_countries)}",
                                jurisdiction=f"Q{90_000_000 + rng.randrange(n_countries)}")
        elif r < people:
            terms = []
            for _ in range(rng.randint(1, 3)):
                y = rng.randint(1950, 2020)
                pos = rng.choice(offices)
                terms.append({"position": f"Q{90_000_000 + pos}",
                              "start": f"{y}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                              "end": str(y + rng.randint(1, 6)) if rng.random() < .8 else None})
            ent = wdjson.entity(qid, f"Person {i}", aliases=[f"P. {i}"], instance_of=["Q5"],
                                positions=terms, description="fictional politician")
        else:
            ent = wdjson.entity(qid, f"Thing {i}", instance_of=[f"Q{rng.randrange(1, 10**6)}"],
                                description="some item", country="Q90000000")
        yield _pad(ent, rng, qid, rng.randint(1, 3))


def write_dump(path: Path, n: int, mix: str = "stress") -> None:
    opener = {".gz": gzip.open, ".bz2": bz2.open}.get(path.suffix)
    with (opener(path, "wt", encoding="utf-8") if opener  # type: ignore[operator]
          else path.open("w", encoding="utf-8")) as fh:
        fh.writelines(wdjson.dump_lines(entities(n, mix=mix)))


def child(code: str, *args: str) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-c", code, *args], check=True, capture_output=True,
                         text=True).stdout
    return json.loads(out.strip().splitlines()[-1])  # type: ignore[no-any-return]


def project(raw: int, full: float, runs: dict[str, list[dict[str, float]]]) -> None:
    """On paper: N workers parse in parallel; the one decompressing process bounds them."""
    dec = raw / statistics.median(r["cpu"] for r in runs["decompress only"])     # bytes/CPU-s
    one = raw / statistics.median(r["cpu"] for r in runs["import -w 1"])
    work = 1 / max(1 / one - 1 / dec, 1e-12)       # filter + parse + write, per worker
    cells = []
    for n in (1, 2, 16, 32):
        rate = min(dec, n * work)
        cells.append(f"{n} worker(s) {full / rate / 3600:.1f} h")
    print(f"  projection for a {full / 1e12:.1f} TB dump (from CPU-seconds; decompression "
          f"{dec / 1e6:.0f} MB/s, filter+parse+write {work / 1e6:.0f} MB/s per worker): "
          + ", ".join(cells), flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--entities", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--formats", nargs="+", default=["gz"])
    ap.add_argument("--mixes", nargs="+", default=["stress", "wikidata"])
    ap.add_argument("--full-dump-tb", type=float, default=1.5,
                    help="decompressed size of today's full dump, for the projection")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--ray-workers", type=int, nargs="*", default=[],
                    help="also import with --engine ray (a local Ray started in each run, "
                         "its start-up included; its actors' CPU is not counted)")
    args = ap.parse_args()
    n = args.entities
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        print(f"{'dump':>18} {'run':>16} {'wall s':>7} {'entities/s':>11} {'cpu s':>6} "
              f"{'peak RSS MB':>11} {'× peer wall':>11} {'× peer cpu':>10}")
        for mix, fmt in [(m, f) for m in args.mixes for f in args.formats]:
            dump = d / f"{mix}-{n}.json.{fmt}"
            write_dump(dump, n, mix)
            raw = sum(len(x.encode()) for x in wdjson.dump_lines(entities(n, mix=mix)))
            print(f"{dump.name}: {dump.stat().st_size / 1e6:.1f} MB, {raw / 1e6:.1f} MB "
                  f"decompressed ({raw / dump.stat().st_size:.1f}:1), {raw / n / 1e3:.2f} KB "
                  f"per entity, {mix} mix")
            runs: dict[str, list[dict[str, float]]] = {"peer": [], "decompress only": []}
            imports = [(w, "local") for w in args.workers] + [(w, "ray") for w in args.ray_workers]
            label = {(w, e): f"import -w {w}" + (" ray" if e == "ray" else "") for w, e in imports}
            runs |= {label[i]: [] for i in imports}
            for _ in range(args.repeat):     # interleaved: a busy moment hits every run alike
                runs["peer"].append(child(PEER, "", str(dump)))
                runs["decompress only"].append(child(DECOMPRESS, "", str(dump)))
                for w, engine in imports:
                    (d / "kb.sqlite").unlink(missing_ok=True)
                    runs[label[w, engine]].append(child(IMPORT, str(d / "kb.sqlite"),
                                                        str(dump), str(w), engine))
            peer = statistics.median(r["secs"] for r in runs["peer"])
            peer_cpu = statistics.median(r["cpu"] for r in runs["peer"])
            for name, rs in runs.items():
                secs = statistics.median(r["secs"] for r in rs)
                cpu = statistics.median(r["cpu"] for r in rs)
                print(f"{dump.name:>18} {name:>16} {secs:>7.2f} {n / secs:>11,.0f} {cpu:>6.2f} "
                      f"{statistics.median(r['rss_mb'] for r in rs):>11.0f} "
                      f"{secs / peer:>10.2f}× {cpu / peer_cpu:>9.2f}×", flush=True)
            if "import -w 1" in runs:
                project(raw, args.full_dump_tb * 1e12, runs)
            dump.unlink()


if __name__ == "__main__":
    main()
