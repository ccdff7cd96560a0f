"""Print the verdict evaluation over the gold set (newscheck.evaluate.verdicts).

    python scripts/eval_verdicts.py [--json] [GOLD_DIR]
"""

from __future__ import annotations

import argparse
import json
import sys

from newscheck.evaluate.verdicts import evaluate


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description="Verdict evaluation over the gold set.")
    ap.add_argument("gold_dir", nargs="?", help="gold directory (default tests/data/claims)")
    ap.add_argument("--json", action="store_true", help="machine-readable figures")
    args = ap.parse_args(argv)
    result = evaluate(args.gold_dir)
    if args.json:
        print(json.dumps({**result.summary(),
                          "confusion": result.confusion(),
                          "false_refutation_cases": [c.line() for c in result.false_refutations]},
                         indent=2, ensure_ascii=False))
    else:
        print(result.render())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
