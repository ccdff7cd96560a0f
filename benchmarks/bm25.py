"""BM25 retrieval speed on 100,000 passages: bm25s (newscheck's index) vs rank_bm25, same run.

    python benchmarks/bm25.py [--passages 100000] [--queries 1000] [--rank-queries 20]

Passages are drawn (seeded) from the word distribution of real news text: the 181 pages of
../shared/data/article-extraction-benchmark when present, else the rewrite development set; each
passage is 12-30 words, each query 6-10 words of one passage. Printed: index build time,
queries per second (median of 3 rounds) for bm25s with newscheck's tokens (top 10, one thread),
for :class:`newscheck.corpus.index.BM25Index` end to end (tokenising the query, every segment),
and for rank_bm25's BM25Okapi on the same tokens (fewer queries: it scores every passage for
each), and the ratio. Goal: ≥ 1,000 queries/s on 100k passages.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT.parent / "shared" / "data" / "article-extraction-benchmark" / "html"
PAGES_ALT = Path("/work/shared/data/article-extraction-benchmark/html")


def vocabulary() -> Counter[str]:
    from newscheck.intake import extract

    words: Counter[str] = Counter()
    pages = PAGES if PAGES.is_dir() else PAGES_ALT
    if pages.is_dir():
        for p in sorted(pages.iterdir())[:181]:
            try:
                words.update(re.findall(r"[A-Za-z]+", extract(p).text))
            except Exception:  # an unreadable page must not stop the benchmark
                continue
        print(f"vocabulary from {pages} ({sum(words.values())} words)")
    else:
        text = (ROOT / "tests" / "data" / "rewrites" / "dev.txt").read_text(encoding="utf-8")
        words.update(re.findall(r"[A-Za-z]+", text))
        print("vocabulary from tests/data/rewrites/dev.txt (../shared/data absent)")
    return words


def rate(fn, n: int, rounds: int = 3) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return n / statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--passages", type=int, default=100_000)
    ap.add_argument("--queries", type=int, default=1000)
    ap.add_argument("--rank-queries", type=int, default=20)
    args = ap.parse_args()
    try:
        import bm25s
        from rank_bm25 import BM25Okapi
    except ImportError:
        sys.exit("needs bm25s and rank_bm25: pip install 'newscheck[corpus]' rank_bm25")
    from newscheck.corpus.index import BM25Index, tokens

    rng = random.Random(7)
    vocab = vocabulary()
    words, weights = zip(*vocab.items(), strict=True)
    passages = [" ".join(rng.choices(words, weights, k=rng.randint(12, 30)))
                for _ in range(args.passages)]
    queries = [" ".join(rng.sample(p.split(), k=min(len(p.split()), rng.randint(6, 10))))
               for p in rng.sample(passages, args.queries)]
    corpus_tokens = [tokens(p) for p in passages]
    query_tokens = [tokens(q) for q in queries]

    t0 = time.perf_counter()
    retriever = bm25s.BM25()
    retriever.index(corpus_tokens, show_progress=False)
    print(f"{args.passages} passages; bm25s index built in {time.perf_counter() - t0:.1f} s")
    qps_bm25s = rate(lambda: retriever.retrieve(query_tokens, k=10, show_progress=False,
                                                n_threads=1), len(queries))
    with tempfile.TemporaryDirectory() as d:
        index = BM25Index(Path(d))
        index.add(enumerate(passages, 1))
        index.search(queries[:1])              # load the segment
        qps_index = rate(lambda: index.search(queries, 10), len(queries))
        qps_numba = jit = None
        try:
            fast = BM25Index(Path(d), backend="numba")
            t0 = time.perf_counter()
            fast.search(queries[:1])           # load the segment and compile (once a process)
            jit = time.perf_counter() - t0
            qps_numba = rate(lambda: fast.search(queries, 10), len(queries))
        except Exception as exc:  # numba not installed: say so, keep the other figures
            print(f"numba backend not measured: {exc}")
    t0 = time.perf_counter()
    okapi = BM25Okapi(corpus_tokens)
    print(f"rank_bm25 index built in {time.perf_counter() - t0:.1f} s")
    few = query_tokens[:args.rank_queries]
    qps_rank = rate(lambda: [okapi.get_top_n(q, passages, n=10) for q in few], len(few))
    print(f"bm25s (tokens in, top 10, 1 thread)      {qps_bm25s:9.0f} queries/s")
    print(f"newscheck BM25Index.search (text in)     {qps_index:9.0f} queries/s  numpy backend")
    if qps_numba is not None:
        print(f"newscheck BM25Index.search (text in)     {qps_numba:9.0f} queries/s  numba "
              f"backend (after {jit:.1f} s of compilation, once a process)")
    print(f"rank_bm25 BM25Okapi (tokens in, top 10)  {qps_rank:9.1f} queries/s")
    print(f"bm25s / rank_bm25                        {qps_bm25s / qps_rank:9.0f}x")
    if qps_numba is not None:
        print(f"newscheck numba / rank_bm25              {qps_numba / qps_rank:9.0f}x")


if __name__ == "__main__":
    main()
