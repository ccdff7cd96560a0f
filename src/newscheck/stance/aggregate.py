"""Passage stances → one claim verdict and its confidence.

Refuting a true statement is the worst error newscheck can make, so the rule is asymmetric:

* ``refuted`` needs at least one passage refuting with probability ≥ ``REFUTE_MIN`` and no passage
  supporting with probability ≥ ``CONFLICT_SUPPORT`` (mixed evidence is not a refutation);
* ``supported`` needs one passage supporting with probability ≥ ``SUPPORT_MIN`` and no passage
  refuting with probability ≥ ``CONFLICT_REFUTE``;
* everything else — no passage, neutral passages, weak or conflicting ones — is
  ``not_enough_evidence``. Absence of evidence is never a refutation.

The thresholds were chosen on the training side of ``scripts/train_stance.py`` (see docs/stance.md)
so that ``refuted`` keeps a precision of at least 0.9 there.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import VerdictLabel
from .base import StanceResult

SUPPORT_MIN = 0.60      # one passage this sure that it supports the claim
REFUTE_MIN = 0.80       # one passage this sure that it refutes it — deliberately higher
CONFLICT_SUPPORT = 0.50  # a supporting passage this sure blocks a refutation
CONFLICT_REFUTE = 0.50   # a refuting passage this sure blocks a support


def aggregate(results: Sequence[StanceResult], *, support_min: float = SUPPORT_MIN,
              refute_min: float = REFUTE_MIN) -> tuple[VerdictLabel, float]:
    """The claim verdict and confidence from the stances of its evidence passages."""
    if not results:
        return "not_enough_evidence", 0.0
    best_support = max(r.probs.get("support", 0.0) for r in results)
    best_refute = max(r.probs.get("refute", 0.0) for r in results)
    if best_refute >= refute_min and best_support < CONFLICT_SUPPORT:
        return "refuted", round(best_refute * (1.0 - best_support), 3)
    if best_support >= support_min and best_refute < CONFLICT_REFUTE:
        return "supported", round(best_support * (1.0 - best_refute), 3)
    # Neither side is strong and uncontested: say how sure we are that nothing decides it.
    strongest = max(best_support, best_refute)
    return "not_enough_evidence", round(1.0 - strongest, 3)
