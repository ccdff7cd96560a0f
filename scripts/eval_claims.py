"""Print claim-extraction precision and recall per kind on the gold set.

    python scripts/eval_claims.py            # the table
    python scripts/eval_claims.py --errors   # and every false positive / missed gold claim
    python scripts/eval_claims.py --json     # machine-readable scores
"""

from __future__ import annotations

import argparse
import json

from newscheck.evaluate.claims import evaluate_claims


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--gold", help="gold directory (default tests/data/claims)")
    ap.add_argument("--errors", action="store_true", help="list false positives and misses")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    ev = evaluate_claims(args.gold)
    if args.json:
        print(json.dumps(ev.to_dict(), indent=2))
        return
    print(f"{'kind':<12} {'tp':>4} {'fp':>4} {'fn':>4} {'P':>6} {'R':>6} {'F1':>6}")
    for s in ev.scores.values():
        print(f"{s.kind:<12} {s.tp:>4} {s.fp:>4} {s.fn:>4} {s.precision:6.3f} {s.recall:6.3f}"
              f" {s.f1:6.3f}")
    if args.errors:
        for a in ev.articles:
            for c in a.false_positives:
                print(f"FP {a.name} {c.kind}: {c.text!r} subj={c.subject and c.subject.mention}"
                      f" obj={c.object and c.object.mention} {c.qualifiers}")
            for g in a.missed:
                print(f"FN {a.name} {g.kind}: {g.subject} / {g.object} ({g.time})")


if __name__ == "__main__":
    main()
