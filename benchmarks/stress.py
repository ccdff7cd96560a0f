"""Does checking stay linear in the article's size? ``check()`` on synthetic news-like articles.

    python benchmarks/stress.py [--sizes 10000,100000,1000000,5000000] [--seed 7]

Each size runs in a fresh process (so peak RSS is that size's own) against the shipped starter
pack (built into a temporary cache). The text is news prose dense in office and person mentions
("Prime Minister Fumio Kishida met his counterpart ...", "former ...", dates), paragraphs of
2-4 sentences. Printed per size: seconds for ``check()`` (intake included), claims, seconds to
render the JSON report, peak RSS, and the time ratio per doubling of the size (2.0 = linear).
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
from newscheck.report import render
from stress import article
kb = open_kb()
newscheck.check("Prime Minister Fumio Kishida met Joe Biden.", kb=kb, published="2023-05-07")
text = article(int(sys.argv[1]), int(sys.argv[2]))
t0 = time.perf_counter()
report = newscheck.check(text, kb=kb, published="2023-05-07")
t1 = time.perf_counter()
out = render(report, "json")
t2 = time.perf_counter()
print(json.dumps({"check": t1 - t0, "render": t2 - t1, "claims": len(report.claims),
                  "json_mb": len(out.encode()) / 1e6,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def measure(size: int, seed: int, cache: str) -> dict[str, float]:
    env = {**os.environ, "XDG_CACHE_HOME": cache, "XDG_DATA_HOME": cache}
    env.pop("NEWSCHECK_KB", None)
    proc = subprocess.run([sys.executable, "-c", CHILD, str(size), str(seed),
                           str(Path(__file__).resolve().parent)],
                          capture_output=True, text=True, env=env, check=True)
    return json.loads(proc.stdout)  # type: ignore[no-any-return]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="10000,100000,1000000,5000000")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"{'size':>10} {'check s':>8} {'claims':>8} {'per MB s':>9} {'x/doubling':>10} "
          f"{'render s':>9} {'json MB':>8} {'peak RSS MB':>12}")
    prev: tuple[int, float] | None = None
    with tempfile.TemporaryDirectory() as cache:
        for size in sizes:
            r = measure(size, args.seed, cache)
            ratio = ""
            if prev is not None:
                doublings = math.log2(size / prev[0])
                ratio = f"{(r['check'] / prev[1]) ** (1 / doublings):.2f}"
            print(f"{size:>10} {r['check']:>8.2f} {r['claims']:>8} "
                  f"{r['check'] / size * 1e6:>9.2f} {ratio:>10} {r['render']:>9.2f} "
                  f"{r['json_mb']:>8.1f} {r['rss_mb']:>12.0f}", flush=True)
            prev = (size, r["check"])


if __name__ == "__main__":
    main()
