"""Passage stances → one claim verdict and its confidence.

Refuting a true statement is the worst error newscheck can make, so the rule is asymmetric:

* ``refuted`` needs at least one passage refuting with probability ≥ ``refute_min`` and no passage
  supporting with probability ≥ ``CONFLICT_SUPPORT`` (mixed evidence is not a refutation);
* ``supported`` needs one passage supporting with probability ≥ ``support_min`` and no passage
  refuting with probability ≥ ``CONFLICT_REFUTE``;
* everything else — no passage, neutral passages, weak or conflicting ones — is
  ``not_enough_evidence``. Absence of evidence is never a refutation.

The two thresholds belong to the back-end: a model may carry ``thresholds = (support_min,
refute_min)``; without one the defaults below apply, which are the shipped model's, chosen out of
fold by ``scripts/train_stance.py`` (docs/stance.md). On its training data no refute threshold gave
a refuted precision whose 95 % lower bound reaches 0.9, so the shipped model never refutes on its
own: it leaves contradictions to deterministic checks (numbers, dates, names) and stronger
back-ends.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import VerdictLabel
from .base import StanceModel, StanceResult

SUPPORT_MIN = 0.60       # the shipped model: best out-of-fold accuracy, supported precision ≥ .75
REFUTE_MIN = 1.01        # the shipped model: never (no threshold was precise enough)
CONFLICT_SUPPORT = 0.50  # a supporting passage this sure blocks a refutation
CONFLICT_REFUTE = 0.50   # a refuting passage this sure blocks a support


def thresholds_of(model: StanceModel | None) -> tuple[float, float]:
    """(support_min, refute_min) of a back-end: its own ``thresholds`` or the defaults."""
    own = getattr(model, "thresholds", None)
    if own is not None:
        return float(own[0]), float(own[1])
    return SUPPORT_MIN, REFUTE_MIN


def aggregate(results: Sequence[StanceResult], *, model: StanceModel | None = None,
              support_min: float | None = None,
              refute_min: float | None = None) -> tuple[VerdictLabel, float]:
    """The claim verdict and confidence from the stances of its evidence passages.

    Pass the ``model`` that produced ``results`` so that its own thresholds apply; explicit
    ``support_min``/``refute_min`` override both.
    """
    default_support, default_refute = thresholds_of(model)
    support_min = default_support if support_min is None else support_min
    refute_min = default_refute if refute_min is None else refute_min
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
