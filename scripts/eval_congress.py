"""US Congress checks, measured: the congress gold set and true/perturbed cases from the data.

    python scripts/eval_congress.py [--kb fixture|shipped] [--cases N] [--json]

1. **Gold** (tests/data/congress/, written from public record before the checker ran): verdict
   agreement, refuted recall and false refutations, against a KB built from the derived fixture
   YAMLs in tests/data/kb/ (``--kb fixture``, the default; no ../shared needed) or the shipped
   default KB (``--kb shipped``).
2. **Cases** (needs ../shared/data/us-congress-legislators): for members of the current Congress,
   a one-sentence article per term dated in the middle of it — "Sen. NAME (D-Mass.) said on
   Monday …" — once as the data say (true) and once with the party, the state or the chamber
   changed (false), checked against the shipped KB. Prints refuted recall on the false ones and
   false refutations on the true ones (which must be 0). Terms starting before 1975 or open past
   the source date are skipped; deterministic sample (every k-th term).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "us-congress-legislators"
if not DATA.exists():
    DATA = Path("/work/shared/data/us-congress-legislators")
GOLD = ROOT / "tests" / "data" / "congress"
FIXTURES = [ROOT / "tests" / "data" / "kb" / n for n in
            ("congress-legislators-fixture.yaml", "congress-executive-fixture.yaml")]
AP = {"MA": "Mass.", "NY": "N.Y.", "CA": "Calif.", "TX": "Texas", "FL": "Fla.", "OH": "Ohio"}


def fixture_kb(tmp: str):  # type: ignore[no-untyped-def]
    from newscheck.knowledge import open_kb
    from newscheck.knowledge.importer import import_files

    path = Path(tmp) / "congress.sqlite"
    import_files(path, FIXTURES)
    return open_kb(path)


def gold(kind: str) -> dict[str, object]:
    from newscheck.evaluate.verdicts import evaluate
    from newscheck.knowledge import open_kb

    with tempfile.TemporaryDirectory() as tmp:
        kb = fixture_kb(tmp) if kind == "fixture" else open_kb()
        result = evaluate(GOLD, kb=kb)
        kb.close()
    out = dict(result.summary())
    out["false_refutation_cases"] = [c.line() for c in result.false_refutations]
    out["disagreements"] = [c.line() for c in result.cases if c.gold != c.predicted]
    return out


def _cases(step: int) -> list[tuple[str, date, str, bool, str]]:
    """(text, published, label, expected_refuted, what) for sampled terms."""
    import yaml

    from newscheck.knowledge.usstates import NAMES, STATES

    ap = {code: (abbr or name) for code, name, abbr in STATES}
    people = yaml.load((DATA / "legislators-current.yaml").read_bytes(), Loader=yaml.CSafeLoader)
    out = []
    n = 0
    codes = sorted(NAMES)[:50]
    for p in people:
        name = p["name"].get("official_full") or f"{p['name']['first']} {p['name']['last']}"
        if '"' in name:
            continue
        for t in p["terms"]:
            start, end = date.fromisoformat(t["start"]), date.fromisoformat(t["end"])
            if start.year < 1975 or end > date(2026, 6, 15) or t.get("party_affiliations"):
                continue
            n += 1
            if n % step:
                continue
            mid = start + (end - start) / 2
            title = "Sen." if t["type"] == "sen" else "Rep."
            party = {"Democrat": "D", "Republican": "R", "Independent": "I"}.get(t["party"])
            if party is None:
                continue
            st = t["state"]
            out.append((f"{title} {name} ({party}-{ap[st]}) said on Monday that the bill "
                        f"would pass.", mid, "true", False, "as recorded"))
            change = n // step % 3
            if change == 0:
                wrong = {"D": "R", "R": "D", "I": "R"}[party]
                text, what = f"{title} {name} ({wrong}-{ap[st]})", "party"
            elif change == 1:
                other = codes[(codes.index(st) + 7) % len(codes)] if st in codes else "TX"
                text, what = f"{title} {name} ({party}-{ap[other]})", "state"
            else:
                text = f"{'Rep.' if title == 'Sen.' else 'Sen.'} {name} ({party}-{ap[st]})"
                what = "chamber"
            out.append((f"{text} said on Monday that the bill would pass.", mid, "false", True,
                        what))
    return out


def cases(step: int) -> dict[str, object]:
    from newscheck.knowledge import open_kb
    from newscheck.model import Article
    from newscheck.pipeline import check_article

    rows = _cases(step)
    kb = open_kb()
    got = {"true": [0, 0, 0], "false": [0, 0, 0]}   # supported, refuted, nee
    false_refutations: list[str] = []
    missed: dict[str, int] = {}
    for text, published, label, expect_refuted, what in rows:
        report = check_article(Article(text=text, published=published), kb=kb)
        claims = [c for c in report.claims if c.qualifiers.get("congress")]
        verdict = claims[0].verdict.label if claims and claims[0].verdict else "none"
        idx = {"supported": 0, "refuted": 1}.get(verdict, 2)
        got[label][idx] += 1
        if verdict == "refuted" and not expect_refuted:
            false_refutations.append(f"{published} {text} — {claims[0].verdict.explanation}")
        if expect_refuted and verdict != "refuted":
            missed[what] = missed.get(what, 0) + 1
    kb.close()
    n_false = sum(got["false"])
    n_true = sum(got["true"])
    return {"true_cases": n_true, "false_cases": n_false,
            "true_supported": got["true"][0], "true_refuted": got["true"][1],
            "false_refuted": got["false"][1],
            "refuted_recall": round(got["false"][1] / n_false, 3) if n_false else None,
            "supported_recall": round(got["true"][0] / n_true, 3) if n_true else None,
            "missed_refutations_by_change": missed, "false_refutations": false_refutations}


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kb", choices=("fixture", "shipped"), default="fixture")
    ap.add_argument("--cases", type=int, default=1, metavar="K",
                    help="use every K-th term for the perturbed cases (default 1: all)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    out: dict[str, object] = {"gold": gold(args.kb)}
    if (DATA / "legislators-current.yaml").exists():
        out["cases"] = cases(args.cases)
    else:
        out["cases"] = "skipped: ../shared/data/us-congress-legislators not found"
    if args.json:
        print(json.dumps(out, indent=2, ensure_ascii=False))
        return 0
    g = out["gold"]
    assert isinstance(g, dict)
    print(f"gold ({args.kb} KB): {g['articles']} articles, {g['gold_claims']} gold claims "
          f"({g['missed']} missed), "
          f"accuracy {g['accuracy']}, refuted recall {g['refuted_recall']}, "
          f"supported recall {g['supported_recall']}, false refutations "
          f"{len(g['false_refutation_cases'])}")  # type: ignore[arg-type]
    for line in g["disagreements"]:  # type: ignore[attr-defined]
        print("  ", line)
    c = out["cases"]
    if isinstance(c, dict):
        print(f"cases (shipped KB): {c['false_cases']} perturbed → refuted recall "
              f"{c['refuted_recall']} (missed by change: {c['missed_refutations_by_change']}); "
              f"{c['true_cases']} true → supported {c['supported_recall']}, false refutations "
              f"{c['true_refuted']}")
        for line in c["false_refutations"]:  # type: ignore[attr-defined]
            print("   FALSE REFUTATION", line)
    else:
        print(c)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
