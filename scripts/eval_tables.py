"""Verdicts on synthetic sentences built from real office-holder tables
(newscheck.evaluate.tables; docs/verification.md, "Real-data evaluation").

    python scripts/eval_tables.py [--data PATH] [-n N | --all] [--seed S]
                                  [--run starter|tables|world]
                                  [--details] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from newscheck.evaluate.tables import DEFAULT_DATA
from newscheck.evaluate.tables_run import evaluate


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description="Real-data verdict evaluation.")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA,
                    help=f"the shared data folder (default {DEFAULT_DATA})")
    ap.add_argument("-n", type=int, default=300, help="cases per run (default 300)")
    ap.add_argument("--all", action="store_true", help="every case, no sampling")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--run", action="append", choices=("starter", "tables", "world"),
                    help="only this run (repeatable; default both)")
    ap.add_argument("--details", action="store_true",
                    help="list every TRUE case not supported and FALSE case not refuted")
    ap.add_argument("--json", action="store_true", help="machine-readable figures")
    args = ap.parse_args(argv)
    if not args.data.is_dir():
        print(f"no shared data at {args.data}: nothing to evaluate (pass --data PATH)")
        return 0
    with tempfile.TemporaryDirectory(prefix="newscheck-tables-") as tmp:
        results = evaluate(args.data, Path(tmp), n=None if args.all else args.n,
                           seed=args.seed, runs=tuple(args.run or ("starter", "tables", "world")))
    if args.json:
        print(json.dumps([{**r.summary(), "false_refutation_cases": r.false_refutations}
                          for r in results], indent=2, ensure_ascii=False))
    else:
        print("\n\n".join(r.render(details=args.details) for r in results))
    return 1 if any(r.false_refutations for r in results) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
