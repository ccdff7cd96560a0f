"""Every US Congress claim newscheck finds on the 181 real news pages of
../shared/data/article-extraction-benchmark (2010-2019), with its verdict, checked against the
default KB; refutations are printed with their sentence so each can be justified.

    python scripts/congress_real_pages.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT.parent / "shared" / "data" / "article-extraction-benchmark" / "html"
if not PAGES.exists():
    PAGES = Path("/work/shared/data/article-extraction-benchmark/html")


def main() -> int:
    if not PAGES.exists():
        print(f"skipped: {PAGES} not found (../shared/data is not here)")
        return 0
    from newscheck.knowledge import open_kb
    from newscheck.pipeline import check

    counts: dict[str, int] = {}
    pages = 0
    with open_kb() as kb:
        for f in sorted(PAGES.glob("*.html.gz")):
            report = check(f, kb=kb)
            found = [c for c in report.claims if c.qualifiers.get("congress")]
            pages += bool(found)
            for c in found:
                label = c.verdict.label if c.verdict else "not_enough_evidence"
                counts[label] = counts.get(label, 0) + 1
                print(f"{f.name[:8]} {report.article.published} {label:20} {c.text}")
                if label == "refuted" and c.verdict:
                    print(f"    sentence: {c.sentence[:300]}")
                    print(f"    because:  {c.verdict.explanation[:300]}")
    print(f"{sum(counts.values())} congress claims on {pages} pages: {counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
