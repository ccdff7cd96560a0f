"""``check --corpus`` on the 181 real pages of ../shared/data/article-extraction-benchmark, with a
corpus of the other pages' texts (each page's own text is never its evidence).

    python benchmarks/corpus_pages.py [--as-of YYYY-MM-DD] [--limit N] [--dense]

Builds the corpus from all pages in a temporary directory (``newscheck corpus add``), then checks
each page against it. Printed: how many ``other`` claims get any evidence passage (time-aware:
only pages published by the checked page's date, unless --as-of), their verdicts by label, the
other kinds' verdicts, and the median time per page. Skips cleanly without ../shared/data.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CANDIDATES = [ROOT.parent / "shared" / "data" / "article-extraction-benchmark" / "html",
              Path("/work/shared/data/article-extraction-benchmark/html")]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--as-of", default=None)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--dense", action="store_true",
                    help="hybrid retrieval: BM25 + wordllama embeddings (extra dense)")
    args = ap.parse_args()
    pages_dir = next((p for p in CANDIDATES if p.is_dir()), None)
    if pages_dir is None:
        print("skipped: ../shared/data/article-extraction-benchmark is not here")
        return
    import newscheck
    from newscheck.corpus import add_paths, open_corpus
    from newscheck.errors import NewscheckError
    from newscheck.knowledge import open_kb

    pages = sorted(pages_dir.iterdir())[:args.limit]
    with tempfile.TemporaryDirectory() as d:
        t0 = time.perf_counter()
        added = add_paths(d, [pages_dir], dense=args.dense)
        print(f"corpus: {added['documents']} pages, {added['passages']} passages, built in "
              f"{time.perf_counter() - t0:.1f} s")
        corpus = open_corpus(d)
        kb = open_kb(None)
        other = Counter[str]()
        kinds = Counter[str]()
        with_passage = with_fc = 0
        times = []
        failed = 0
        for page in pages:
            t = time.perf_counter()
            try:
                rep = newscheck.check(page, kb=kb, corpus=corpus, as_of=args.as_of)
            except NewscheckError as exc:
                failed += 1
                print(f"  {page.name}: {exc.message}", file=sys.stderr)
                continue
            times.append(time.perf_counter() - t)
            for c in rep.claims:
                label = c.verdict.label if c.verdict else "not_enough_evidence"
                if c.kind != "other":
                    kinds[f"{c.kind}:{label}"] += 1
                    continue
                other[label] += 1
                ev = c.verdict.evidence if c.verdict else ()
                with_passage += any(e.extra.get("role") == "retrieved" for e in ev)
                with_fc += any("factcheck" in e.extra for e in ev)
        corpus.close()
    n = sum(other.values())
    print(f"pages checked {len(times)} (failed {failed}); median {statistics.median(times):.2f} "
          f"s/page")
    print(f"other claims {n}; with an evidence passage {with_passage} "
          f"({with_passage / max(n, 1):.1%}){' (as of ' + args.as_of + ')' if args.as_of else ''}")
    print("other claims by verdict:", dict(other))
    print("other kinds (kind:verdict):", dict(sorted(kinds.items())))


if __name__ == "__main__":
    main()
