"""Score the stance back-end on every evaluation set, in one run (docs/stance.md's table).

    python scripts/eval_stance.py [--json] [--limit N] [--nli-model PATH | --llm-endpoint URL]

Sets: CLIMATE-FEVER (all 1,535 claims) and LIAR-PLUS test (through the readers of
``newscheck eval``), and the held-out sets of ``stance_data.evaluation_sets()`` — none of them was
used to fit the shipped model or its thresholds. Prints, per set, claim-level accuracy, macro-F1,
the majority baseline and the precision of ``refuted`` (with how many claims were refuted).
Exits 0 with a message when ../shared/data is absent.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

import stance_data as data

from newscheck.evaluate.stance_eval import evaluate_stance
from newscheck.evaluate.stance_sets import ClaimExample, load_examples
from newscheck.stance import load_stance

CLIMATE_FEVER_PAPER = 0.3878   # claim-level accuracy of the CLIMATE-FEVER paper's baseline


def all_sets(limit: int | None) -> dict[str, list[ClaimExample]]:
    sets = {
        "climate-fever": load_examples("climate-fever", data.SHARED / "climate-fever" /
                                       "dataset" / "climate-fever.jsonl", limit),
        "liar-plus/test": load_examples("liar-plus", data.SHARED / "liar-plus" / "dataset" /
                                        "jsonl" / "test2.jsonl", limit),
    }
    sets.update({k: v[:limit] if limit else v for k, v in data.evaluation_sets().items()})
    return sets


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--nli-model", default=None)
    ap.add_argument("--llm-endpoint", default=None)
    args = ap.parse_args(argv)
    if not data.available():
        print(f"no shared data at {data.STANCE}: nothing to evaluate")
        return 0
    model = load_stance(nli_model=args.nli_model, llm_endpoint=args.llm_endpoint)
    results: dict[str, Any] = {}
    for name, examples in all_sets(args.limit).items():
        results[name] = evaluate_stance(examples, model)
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    print(f"model {model.name}")
    print(f"{'set':<44}{'claims':>7}{'acc':>8}{'maj':>8}{'macroF1':>9}"
          f"{'ref P':>8}{'#ref':>6}{'sup P':>8}{'#sup':>6}")
    for name, r in results.items():
        ref, sup = r["per_label"]["refuted"], r["per_label"]["supported"]
        print(f"{name:<44}{r['n']:>7}{r['accuracy']:>8.3f}"
              f"{r['majority_baseline']['accuracy']:>8.3f}{r['macro_f1']:>9.3f}"
              f"{ref['precision']:>8.3f}{ref['predicted']:>6}{sup['precision']:>8.3f}"
              f"{sup['predicted']:>6}")
    cf = results["climate-fever"]
    print(f"CLIMATE-FEVER claim accuracy {cf['accuracy']:.2%} vs the paper's baseline "
          f"{CLIMATE_FEVER_PAPER:.2%} (majority class {cf['majority_baseline']['accuracy']:.2%})")
    refuting = [r["per_label"]["refuted"]["precision"] for r in results.values()
                if r["per_label"]["refuted"]["predicted"]]
    if refuting:
        print(f"lowest refuted precision over the sets that refuted anything: {min(refuting):.3f}")
    else:
        print("refuted precision: no claim of any set was refuted (nothing to be wrong about)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
