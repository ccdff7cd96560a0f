"""Re-measure the two evaluation gates and re-pin their baselines after the gold set changed.

    python scripts/pin_baselines.py          # show what would change
    python scripts/pin_baselines.py --write  # write tests/data/*_baseline.json

Measured figures and corpus hashes are replaced. Floors are never lowered: a claim-extraction
floor is raised to 0.02 below the new measurement when that is higher than the old floor; the
verdict floors are the issue's goals and are left alone. A measurement below a floor is reported
and nothing is written — fix the regression instead.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.test_eval_claims_gate import corpus_hash  # noqa: E402

from newscheck.evaluate.claims import evaluate_claims  # noqa: E402
from newscheck.evaluate.verdicts import evaluate  # noqa: E402

CLAIMS = ROOT / "tests" / "data" / "claims_baseline.json"
VERDICTS = ROOT / "tests" / "data" / "verdicts_baseline.json"
MARGIN = 0.02


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true", help="write the baselines")
    args = ap.parse_args()
    problems: list[str] = []

    claims = json.loads(CLAIMS.read_text(encoding="utf-8"))
    scores = evaluate_claims(ROOT / "tests" / "data" / "claims").to_dict()
    measured: dict[str, dict[str, float]] = {}
    for kind, floor in claims["floors"].items():
        measured[kind] = {}
        for metric in ("precision", "recall"):
            got = round(float(scores[kind][metric]), 4)  # type: ignore[arg-type]
            measured[kind][metric] = got
            if got < floor[metric]:
                problems.append(f"claims {kind} {metric} {got:.3f} < floor {floor[metric]:.3f}")
            new = math.floor((got - MARGIN) * 100) / 100
            if new > floor[metric]:
                print(f"claims {kind} {metric}: floor {floor[metric]:.2f} -> {new:.2f}")
                floor[metric] = new
    claims["measured"], claims["corpus"] = measured, corpus_hash()

    verdicts = json.loads(VERDICTS.read_text(encoding="utf-8"))
    result = evaluate()
    summary = result.summary()
    verdicts["measured"] = {k: v for k, v in summary.items() if k != "corpus_sha256"}
    verdicts["corpus_sha256"] = result.corpus_sha256
    if result.refuted_recall < verdicts["refuted_recall_min"]:
        problems.append(f"refuted recall {result.refuted_recall:.3f}")
    if result.supported_recall < verdicts["supported_recall_min"]:
        problems.append(f"supported recall {result.supported_recall:.3f}")
    if len(result.false_refutations) > verdicts["max_false_refutations"]:
        problems.append(f"{len(result.false_refutations)} false refutations")
    print(json.dumps({"claims": measured, "verdicts": verdicts["measured"]}, indent=1))
    if problems:
        print("below the floors, nothing written:", "; ".join(problems), file=sys.stderr)
        return 1
    if args.write:
        for path, data in ((CLAIMS, claims), (VERDICTS, verdicts)):
            path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n",
                            encoding="utf-8")
        print("written", CLAIMS.name, VERDICTS.name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
