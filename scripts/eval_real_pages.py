"""Person/office claims on the 181 real news pages of ../shared/data/article-extraction-benchmark:
how many get a verdict with the shipped knowledge (starter pack + US Congress + world pack), without
the world pack, and with the starter pack alone (the anchor before issue 10), built in the same
run, and every refutation, to be checked by hand
(docs/gold-set.md lists and justifies each).

    python scripts/eval_real_pages.py [--data PATH] [--json]

Pages without a publication date are checked as of today (as ``newscheck check`` does); such
claims are never refuted (the report says so).
"""

from __future__ import annotations

import argparse
import gzip
import json
import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "article-extraction-benchmark"
PERSON_OFFICE = frozenset({"role", "former_role", "counterpart"})


def run(kb_path: Path, pages: list[Path]) -> dict[str, object]:
    import newscheck
    from newscheck.knowledge import open_kb

    kb = open_kb(kb_path)
    labels: Counter[str] = Counter()
    refuted = []
    for page in pages:
        report = newscheck.check(gzip.decompress(page.read_bytes()), kb=kb)
        for c in report.claims:
            if c.kind not in PERSON_OFFICE or c.verdict is None:
                continue
            labels[c.verdict.label] += 1
            if c.verdict.label == "refuted":
                refuted.append({"page": page.name[:12], "published": str(
                    report.article.published), "claim": c.text, "sentence": c.sentence,
                    "explanation": c.verdict.explanation})
    kb.close()
    claims = sum(labels.values())
    return {"claims": claims, "with_verdict": claims - labels["not_enough_evidence"],
            "supported": labels["supported"], "refuted": labels["refuted"],
            "refutations": refuted}


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    pages = sorted((args.data / "html").glob("*.html.gz"))
    if not pages:
        print(f"no pages at {args.data}: nothing to evaluate (pass --data PATH)")
        return 0
    from newscheck.knowledge.starter import build, cached_kb, default_pack_dir

    with tempfile.TemporaryDirectory(prefix="newscheck-pages-") as tmp:
        alone = Path(tmp) / "starter"               # a copy without the sibling packs
        shutil.copytree(default_pack_dir(), alone)
        build(alone, Path(tmp) / "starter-only.sqlite")
        build(default_pack_dir(), Path(tmp) / "no-world.sqlite")     # + the US Congress pack
        results = {"starter pack alone": run(Path(tmp) / "starter-only.sqlite", pages),
                   "starter + US Congress": run(Path(tmp) / "no-world.sqlite", pages),
                   "shipped (+ world pack)": run(cached_kb(), pages)}
    if args.json:
        print(json.dumps(results, indent=1, ensure_ascii=False))
        return 0
    print(f"{len(pages)} pages; person/office claims (role, former_role, counterpart)")
    for name, r in results.items():
        print(f"  {name:32} claims {r['claims']:4}  with a verdict {r['with_verdict']:4}  "
              f"(supported {r['supported']}, refuted {r['refuted']})")
    base, new = results["starter pack alone"]["with_verdict"], \
        results["shipped (+ world pack)"]["with_verdict"]
    print(f"  ratio with a verdict, shipped / starter pack alone: {new / base:.2f}x"  # type: ignore
          if base else "")
    for r in results["shipped (+ world pack)"]["refutations"]:   # type: ignore[union-attr]
        print(f"\nREFUTED [{r['page']}, published {r['published']}] {r['claim']}\n"
              f"  sentence: {r['sentence']}\n  why: {r['explanation']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
