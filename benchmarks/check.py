"""How long checking an article takes: warm (library, KB open) and in a new CLI process.

    python benchmarks/check.py [ARTICLE] [--published YYYY-MM-DD] [--runs 20] [--kb KB]

Headline: the shipped HTML page (examples/seoul-summit.html) checked whole, HTML intake
included, with intake's share of it. Runs from a source checkout on any install (editable or
not): the fixture KB and the gold articles are read from this checkout, not from the package.

Goals: a ~600-word article checked warm in ≤ 50 ms (median of ≥ 20 runs, compared with intake
alone in the same run), ``newscheck check`` cold start ≤ 1 s (median of 5), and
``python -c "import newscheck"`` for reference. Without ARTICLE the benchmark takes the article of
examples/ or of the gold set (tests/data/claims) closest to 600 words, and joins several when none
is that long. Without --kb it builds the fixture KB (tests/data/kb/facts.json) in a temp dir;
``--kb shipped`` times the KB a default install uses (starter, world and congress packs).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET_WORDS = 600
DEFAULT_PUBLISHED = "2023-05-07"


def _candidates() -> list[tuple[Path, str | None]]:
    """Articles to choose from, with their publication date when the gold set gives one."""
    out: list[tuple[Path, str | None]] = [
        (p, None) for p in sorted((ROOT / "examples").glob("*")) if p.suffix in (".html", ".txt")]
    try:
        from newscheck.evaluate.gold import load_gold

        out += [(a.source_path, a.published.isoformat() if a.published else None)
                for a in load_gold(ROOT / "tests" / "data" / "claims")]
    except (FileNotFoundError, ValueError, ImportError):
        pass
    return out


def pick_article(published: str | None) -> tuple[str, str, str]:
    """``(name, text, published)``: the article closest to TARGET_WORDS words, or several joined."""
    from newscheck.intake import extract

    texts = []
    for path, pub in _candidates():
        try:
            art = extract(path, published=pub or published or DEFAULT_PUBLISHED)
        except Exception:  # a broken example must not stop the benchmark
            continue
        texts.append((path.name, art.text, pub or published or DEFAULT_PUBLISHED))
    if not texts:
        raise SystemExit("no article found: pass one, or add examples/ or tests/data/claims")
    texts.sort(key=lambda t: abs(len(t[1].split()) - TARGET_WORDS))
    name, text, pub = texts[0]
    joined = [name]
    for other_name, other, _ in texts[1:]:
        if len(text.split()) >= TARGET_WORDS * 0.9:
            break
        text += "\n\n" + other
        joined.append(other_name)
    return " + ".join(joined), text, pub


def timed(fn: Callable[[], object], runs: int) -> list[float]:
    fn()                                            # warm-up
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def describe(name: str, ms: list[float]) -> str:
    q = statistics.quantiles(ms, n=10) if len(ms) >= 2 else ms
    return (f"{name:<28} median {statistics.median(ms):8.2f} ms   p90 {q[-1]:8.2f} ms   "
            f"min {min(ms):8.2f} ms   (n={len(ms)})")


def run_cold(cmd: list[str], runs: int = 5) -> list[float]:
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, check=False)
        out.append((time.perf_counter() - t0) * 1000)
        if proc.returncode not in (0,):
            print(f"  ! {' '.join(cmd[:3])}… exited {proc.returncode}: "
                  f"{proc.stderr.decode(errors='replace').strip()[:200]}")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("article", nargs="?", type=Path)
    ap.add_argument("--published")
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--kb", type=Path, help="a KB file, or 'shipped' for the KB newscheck "
                    "uses by default (starter + world + congress packs)")
    args = ap.parse_args(argv)

    from newscheck.anchor import anchor_for
    from newscheck.claims import extract_claims
    from newscheck.intake import extract
    from newscheck.knowledge import open_kb
    from newscheck.linking import link_claims
    from newscheck.pipeline import check
    from newscheck.verify import verify_claims

    with tempfile.TemporaryDirectory(prefix="newscheck-bench-") as tmp:
        kb_path = args.kb
        if kb_path == Path("shipped"):
            from newscheck.knowledge.starter import cached_kb

            kb_path = cached_kb()
        if kb_path is None:
            from newscheck.evaluate.fixture import build_fixture_kb

            kb_path = build_fixture_kb(tmp, ROOT / "tests" / "data" / "kb" / "facts.json")
        if args.article is not None:
            published = args.published or DEFAULT_PUBLISHED
            name, text = args.article.name, extract(args.article, published=published).text
        else:
            name, text, published = pick_article(args.published)
        source = Path(tmp) / "article.txt"
        source.write_text(text, encoding="utf-8")
        kb = open_kb(kb_path)
        words = len(text.split())
        print(f"article: {name} ({words} words), published {published}; KB {kb_path.name} "
              f"(as of {kb.as_of})")

        article = extract(text, published=published)
        anchor, _ = anchor_for(article)
        claims = link_claims(extract_claims(article, kb, anchor), article, kb)
        print(f"claims: {len(claims)}")

        page = ROOT / "examples" / "seoul-summit.html"
        html = page.read_bytes()
        page_full = timed(lambda: check(html, published=published, kb=kb), args.runs)
        page_intake = timed(lambda: extract(html, published=published), args.runs)
        share = statistics.median(page_intake) / statistics.median(page_full)
        print(f"headline, warm: {page.name} ({len(extract(html).text.split())} words of body)")
        print(describe("check() of the HTML page", page_full))
        print(describe("HTML intake alone", page_intake))
        print(f"  → HTML intake is {share:.0%} of the whole check of the page")

        full = timed(lambda: check(text, published=published, kb=kb), args.runs)
        intake = timed(lambda: extract(text, published=published), args.runs)
        claim_ms = timed(lambda: extract_claims(article, kb, anchor), args.runs)
        link_ms = timed(lambda: link_claims(extract_claims(article, kb, anchor), article, kb),
                        args.runs)
        verify_ms = timed(lambda: verify_claims(claims, kb, article), args.runs)
        print(f"warm, per article ({name}, text):")
        print(describe("check() (whole pipeline)", full))
        print(describe("intake alone", intake))
        print(describe("claims alone", claim_ms))
        print(describe("claims + linking", link_ms))
        print(describe("verify alone", verify_ms))
        rest = statistics.median(full) - statistics.median(intake)
        print(f"  → pipeline minus intake: {rest:.2f} ms; goal ≤ 50 ms for the whole check: "
              f"{'met' if statistics.median(full) <= 50 else 'NOT met'}")

        exe = Path(sys.executable).with_name("newscheck")
        cli = [str(exe)] if exe.exists() else [sys.executable, "-m", "newscheck.cli"]
        cold = run_cold([*cli, "check", str(args.article or source), "--published", published,
                         "--kb", str(kb_path)])
        imp = run_cold([sys.executable, "-c", "import newscheck"])
        print("new process each run (median of 5; see benchmarks/startup.py for start-up alone):")
        print(describe("newscheck check (CLI)", cold))
        print(describe('python -c "import newscheck"', imp))
        print(f"  → goal ≤ 1000 ms for the CLI: "
              f"{'met' if statistics.median(cold) <= 1000 else 'NOT met'}")
        kb.close()
    print(f"({date.today().isoformat()}, Python {sys.version.split()[0]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
