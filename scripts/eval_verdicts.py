"""Print the verdict evaluation over the gold set (newscheck.evaluate.verdicts).

    python scripts/eval_verdicts.py [--json] [GOLD_DIR]
"""

from __future__ import annotations

import json
import sys

from newscheck.evaluate.verdicts import evaluate


def main(argv: list[str]) -> int:
    as_json = "--json" in argv
    rest = [a for a in argv if a != "--json"]
    result = evaluate(rest[0] if rest else None)
    if as_json:
        print(json.dumps({**result.summary(),
                          "confusion": result.confusion(),
                          "false_refutation_cases": [c.line() for c in result.false_refutations]},
                         indent=2, ensure_ascii=False))
    else:
        print(result.render())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
