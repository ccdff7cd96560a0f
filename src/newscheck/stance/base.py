"""The stance types shared by every back-end."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal, Protocol, runtime_checkable

StanceLabel = Literal["support", "refute", "neutral"]
STANCE_LABELS: tuple[StanceLabel, ...] = ("support", "refute", "neutral")


@dataclass(frozen=True)
class StanceResult:
    """The stance of one passage towards one claim.

    ``probs`` holds a probability for each of the three labels (summing to 1); ``label`` is the most
    probable one and ``score`` its probability.
    """

    label: StanceLabel
    score: float
    probs: dict[str, float] = field(default_factory=dict)

    @classmethod
    def from_probs(cls, probs: Mapping[str, float]) -> StanceResult:
        """The result whose label is the most probable of ``probs`` (normalised to sum to 1)."""
        total = sum(max(0.0, probs.get(k, 0.0)) for k in STANCE_LABELS) or 1.0
        norm: dict[str, float] = {k: max(0.0, probs.get(k, 0.0)) / total for k in STANCE_LABELS}
        label = max(STANCE_LABELS, key=lambda k: norm[k])
        return cls(label, norm[label], norm)


@runtime_checkable
class StanceModel(Protocol):
    """Anything that labels (claim, passage) pairs."""

    name: str

    def predict(self, pairs: Sequence[tuple[str, str]]) -> list[StanceResult]:
        """One result per (claim, passage) pair, in order."""
        ...
