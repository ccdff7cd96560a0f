"""Measure ``check --against`` on a set of source/rewrite pairs (tests/data/rewrites/dev.txt).

Each rewrite sentence is marked faithful (``=``), changed (``! kind:``) or added (``+``); the
sentence's text verdict is the verdict of its ``other`` claim (the claim that holds the text
comparison). Reported: refuted recall on changed sentences (overall and by kind), refuted
precision, false refutations among faithful sentences, supported recall on faithful ones and
"not in the source" recall on added ones.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model import Report

EXPECTED = {"=": "faithful", "!": "changed", "+": "added"}


@dataclass(slots=True)
class Line:
    mark: str               # faithful | changed | added
    kind: str               # for changed: number, date, name, …
    text: str


@dataclass(slots=True)
class Pair:
    id: str
    source: str
    rewrite: list[Line] = field(default_factory=list)

    @property
    def rewrite_text(self) -> str:
        return "\n\n".join(line.text for line in self.rewrite)


def read_pairs(path: Path) -> list[Pair]:
    pairs: list[Pair] = []
    source: list[str] = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.rstrip()
        if line.startswith("## "):
            pairs.append(Pair(line[3:].split()[0], ""))
            source = []
        elif line.startswith("< "):
            source.append(line[2:])
            pairs[-1].source = "\n\n".join(source)
        elif line[:2] in ("= ", "+ "):
            pairs[-1].rewrite.append(Line(EXPECTED[line[0]], "", line[2:]))
        elif line.startswith("! "):
            kind, _, text = line[2:].partition(": ")
            pairs[-1].rewrite.append(Line("changed", kind, text))
    return pairs


def sentence_verdicts(report: Report, pair: Pair) -> list[str]:
    """The text verdict of each rewrite line (its ``other`` claim; refuted if any says so)."""
    text = report.article.text
    out = []
    pos = 0
    for line in pair.rewrite:
        start = text.find(line.text, pos)
        if start < 0:
            out.append("missing")
            continue
        end = start + len(line.text)
        pos = end
        labels = [c.verdict.label for c in report.claims
                  if c.kind == "other" and c.verdict and start <= c.start < end]
        out.append("refuted" if "refuted" in labels else
                   "supported" if "supported" in labels else
                   labels[0] if labels else "missing")
    return out


def evaluate(pairs: list[Pair], check: Any) -> dict[str, Any]:
    """Run ``check(rewrite_text, source_text) -> Report`` on every pair; the figures."""
    by: Counter[tuple[str, str]] = Counter()
    kinds: Counter[tuple[str, bool]] = Counter()
    errors: list[dict[str, str]] = []
    for pair in pairs:
        report = check(pair.rewrite_text, pair.source)
        for line, got in zip(pair.rewrite, sentence_verdicts(report, pair), strict=True):
            by[line.mark, got] += 1
            if line.mark == "changed":
                kinds[line.kind, got == "refuted"] += 1
            ok = {"faithful": got != "refuted", "changed": got == "refuted",
                  "added": got == "not_enough_evidence"}[line.mark]
            if not ok:
                errors.append({"pair": pair.id, "mark": line.mark, "kind": line.kind,
                               "got": got, "text": line.text})
    n = Counter[str]()
    for (mark, _got), c in by.items():
        n[mark] += c
    refuted_total = sum(c for (_m, g), c in by.items() if g == "refuted")

    def share(num: int, den: int) -> float:
        return round(num / den, 3) if den else 0.0

    return {
        "pairs": len(pairs),
        "sentences": dict(n),
        "refuted_recall": share(by["changed", "refuted"], n["changed"]),
        "refuted_precision": share(by["changed", "refuted"], refuted_total),
        "false_refutation_rate": share(by["faithful", "refuted"], n["faithful"]),
        "supported_recall": share(by["faithful", "supported"], n["faithful"]),
        "not_in_source_recall": share(by["added", "not_enough_evidence"], n["added"]),
        "refuted_recall_by_kind": {k: share(kinds[k, True], kinds[k, True] + kinds[k, False])
                                   for k in sorted({k for k, _ in kinds})},
        "confusion": {f"{m}->{g}": c for (m, g), c in sorted(by.items())},
        "errors": errors,
    }
