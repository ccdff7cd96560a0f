"""Does checking stay linear in the article's size? ``check()`` on synthetic news-like articles.

    python benchmarks/stress.py [--sizes 250000,1000000,2000000,5000000]
                                [--hostile-sizes 36000,72000,144000] [--whole] [--seed 7]

Each size runs in a fresh process (so peak RSS is that size's own) against the shipped starter
pack (built into a temporary cache). The text is news prose dense in office and person mentions
("Prime Minister Fumio Kishida met his counterpart ...", "former ...", dates), paragraphs of
2-4 sentences. Printed per size: seconds for ``check()`` (intake included), claims, seconds to
stream the JSON report (``iter_json``, as the CLI writes it), the baseline RSS (KB, gazetteer,
imports), peak RSS after the check and after the report, memory per MB of article, and the time
ratio per doubling of the size (2.0 = linear). ``--whole`` also renders the JSON as one string
(the former way) for comparison. Then the adversarial mention lists of issue 9 at doubling sizes
(they took > 60 s at 72 KB before).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

PEOPLE = [("Prime Minister", "Fumio Kishida"), ("President", "Joe Biden"),
          ("Chancellor", "Olaf Scholz"), ("President", "Emmanuel Macron"),
          ("Foreign Minister", "Yoshimasa Hayashi"), ("Secretary of State", "Antony Blinken"),
          ("Prime Minister", "Rishi Sunak"), ("former Prime Minister", "Shinzo Abe"),
          ("President", "Yoon Suk Yeol"), ("Prime Minister", "Narendra Modi")]
PLACES = ["Tokyo", "Seoul", "Hiroshima", "Washington", "Berlin", "Paris", "London", "New Delhi"]
TEMPLATES = [
    "{t1} {p1} met his counterpart {p2} in {place} on {day} May 2023.",
    "{p1} held talks with {t2} {p2} on trade and security.",
    "The {t1} said the meeting with {p2} was the first since 2019.",
    "{p1}, who has been {t1} since 2021, visited {place} last year.",
    "Officials said {t2} {p2} and {p1} agreed to meet again in {place}.",
    "Analysts expect inflation to fall to 3.1 percent by the end of the year, the bank said.",
    "Former {t2} {p2} criticised the plan, according to a statement released on {day} May.",
]


def article(size: int, seed: int) -> str:
    rng = random.Random(seed)
    paragraphs: list[str] = []
    total = 0
    while total < size:
        sentences = []
        for _ in range(rng.randint(2, 4)):
            (t1, p1), (t2, p2) = rng.sample(PEOPLE, 2)
            sentences.append(rng.choice(TEMPLATES).format(
                t1=t1, p1=p1, t2=t2, p2=p2, place=rng.choice(PLACES), day=rng.randint(1, 28)))
        paragraphs.append(" ".join(sentences))
        total += len(paragraphs[-1]) + 2
    return "\n\n".join(paragraphs)[:size]


CHILD = """
import json, resource, sys, time
sys.path.insert(0, sys.argv[3])
import newscheck
from newscheck.knowledge import open_kb
from newscheck.report import iter_json, to_json
from stress import article, hostile
kb = open_kb()
newscheck.check("Prime Minister Fumio Kishida met Joe Biden.", kb=kb, published="2023-05-07")
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
size, kind = int(sys.argv[1]), sys.argv[4]
text = article(size, int(sys.argv[2])) if kind == "news" else hostile(kind, size)
t0 = time.perf_counter()
report = newscheck.check(text, kb=kb, published="2023-05-07")
t1 = time.perf_counter()
rss_check = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
out = 0
with open("/dev/null", "w", encoding="utf-8") as sink:   # streamed, as the CLI writes it
    for chunk in iter_json(report):
        out += len(chunk.encode())
        sink.write(chunk)
t2 = time.perf_counter()
rss_stream = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
whole = len(to_json(report)) if sys.argv[5] == "1" else 0      # the former way, for comparison
rss_whole = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"check": t1 - t0, "render": t2 - t1, "claims": len(report.claims),
                  "json_mb": out / 1e6, "base_mb": base, "rss_check": rss_check,
                  "rss_stream": rss_stream, "rss_whole": rss_whole if whole else None}))
"""

# Adversarial texts: the forms that were quadratic or worse (issue 9, item 3).
HOSTILE = {"names": "Kishida, ", "and-list": "Biden and ",
           "titles": "Prime Minister Fumio Kishida, "}


def hostile(kind: str, size: int) -> str:
    unit = HOSTILE[kind]
    return unit * (size // len(unit)) + "Kishida met Biden."


def measure(size: int, seed: int, cache: str, kind: str = "news",
            whole: bool = False) -> dict[str, float]:
    env = {**os.environ, "XDG_CACHE_HOME": cache, "XDG_DATA_HOME": cache}
    env.pop("NEWSCHECK_KB", None)
    proc = subprocess.run([sys.executable, "-c", CHILD, str(size), str(seed),
                           str(Path(__file__).resolve().parent), kind, "1" if whole else "0"],
                          capture_output=True, text=True, env=env, check=True)
    return json.loads(proc.stdout)  # type: ignore[no-any-return]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="250000,1000000,2000000,5000000")
    ap.add_argument("--hostile-sizes", default="36000,72000,144000")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--whole", action="store_true",
                    help="also render the JSON the former way (one string) for comparison")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as cache:
        print("News-like prose (RSS: peak MB after check / after streaming the JSON report; "
              "per MB: (peak after check - baseline) / article MB)")
        print(f"{'size':>10} {'check s':>8} {'claims':>8} {'s per MB':>9} {'x/doubling':>10} "
              f"{'stream s':>9} {'json MB':>8} {'base MB':>8} {'RSS check':>10} "
              f"{'RSS json':>9} {'MB per MB':>10}" + (f" {'RSS whole':>10}" if args.whole else ""))
        _series([int(s) for s in args.sizes.split(",")], args, cache, "news")
        for kind in HOSTILE:
            print(f"\nAdversarial: {HOSTILE[kind]!r} repeated (one long mention list)")
            _series([int(s) for s in args.hostile_sizes.split(",")], args, cache, kind)


def _series(sizes: list[int], args: argparse.Namespace, cache: str, kind: str) -> None:
    prev: tuple[int, float] | None = None
    for size in sizes:
        r = measure(size, args.seed, cache, kind, args.whole and kind == "news")
        ratio = ""
        if prev is not None:
            ratio = f"{(r['check'] / prev[1]) ** (1 / math.log2(size / prev[0])):.2f}"
        per_mb = (r["rss_check"] - r["base_mb"]) / (size / 1e6)
        line = (f"{size:>10} {r['check']:>8.2f} {r['claims']:>8} {r['check'] / size * 1e6:>9.2f} "
                f"{ratio:>10} {r['render']:>9.2f} {r['json_mb']:>8.1f} {r['base_mb']:>8.0f} "
                f"{r['rss_check']:>10.0f} {r['rss_stream']:>9.0f} {per_mb:>10.0f}")
        if args.whole and kind == "news":
            line += f" {r['rss_whole']:>10.0f}"
        print(line, flush=True)
        prev = (size, r["check"])


if __name__ == "__main__":
    main()
