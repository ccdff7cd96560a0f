"""Runs the real-data cases of :mod:`.tables` through the pipeline and scores the verdicts.

Two runs: the default starter pack (Japan's and South Korea's prime ministers, presidents and
foreign ministers, dates from 2000 up to the tables' snapshots), and a KB imported from the tables
themselves with ``newscheck kb import`` (every minister, prime minister and president the tables
list, dates up to the KB's as-of date).
"""

from __future__ import annotations

import random
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .tables import (
    DAY_TABLES,
    STARTER_COUNTRIES,
    STARTER_FROM,
    STARTER_KINDS,
    WORLD_LEADERS,
    Case,
    fold,
    load_terms,
    make_cases,
    world_tables,
)

if TYPE_CHECKING:
    from ..knowledge import KnowledgeBase
    from ..model import Claim

LABELS = ("supported", "refuted", "not_enough_evidence", "missed")


@dataclass(frozen=True, slots=True)
class Outcome:
    case: Case
    label: str                       # a verdict label, or "missed"
    explanation: str = ""
    kb_lacks: bool = False           # FALSE case, not_enough_evidence: the KB lacks the data
    collateral: tuple[str, ...] = ()  # other claims of a TRUE statement that were refuted


@dataclass(slots=True)
class RunResult:
    name: str
    kb: str
    outcomes: list[Outcome] = field(default_factory=list)
    seconds: float = 0.0

    def count(self, truth: bool, label: str) -> int:
        return sum(1 for o in self.outcomes if o.case.truth is truth and o.label == label)

    def total(self, truth: bool) -> int:
        return sum(1 for o in self.outcomes if o.case.truth is truth)

    @property
    def false_refutations(self) -> list[str]:
        out = [f"{o.case.line()} — {o.explanation}" for o in self.outcomes
               if o.case.truth and o.label == "refuted"]
        out += [f"{o.case.line()} — collateral: {c}" for o in self.outcomes for c in o.collateral]
        return out

    @property
    def supported_recall(self) -> float:
        n = self.total(True)
        return self.count(True, "supported") / n if n else 1.0

    @property
    def refuted_recall(self) -> float:
        n = self.total(False)
        return self.count(False, "refuted") / n if n else 1.0

    def summary(self) -> dict[str, Any]:
        return {
            "run": self.name, "kb": self.kb, "cases": len(self.outcomes),
            "true": {lab: self.count(True, lab) for lab in LABELS},
            "false": {lab: self.count(False, lab) for lab in LABELS},
            "false_nee_kb_lacks_data": sum(1 for o in self.outcomes if o.kb_lacks),
            "false_refutations": len(self.false_refutations),
            "refuted_recall": round(self.refuted_recall, 4),
            "supported_recall": round(self.supported_recall, 4),
            "extraction_misses": sum(1 for o in self.outcomes if o.label == "missed"),
            "cases_per_second": round(len(self.outcomes) / self.seconds, 1) if self.seconds else 0,
        }

    def render(self, *, details: bool = False) -> str:
        s = self.summary()
        lines = [f"== {self.name}: {s['cases']} cases ({self.kb})",
                 "            " + "".join(lab.rjust(21) for lab in LABELS)]
        for truth in (True, False):
            row = s["true" if truth else "false"]
            lines.append(("TRUE cases" if truth else "FALSE cases").ljust(12)
                         + "".join(str(row[lab]).rjust(21) for lab in LABELS))
        lines += [f"FALSE cases not_enough_evidence because the KB lacks the data: "
                  f"{s['false_nee_kb_lacks_data']}",
                  f"false refutations: {s['false_refutations']}"]
        lines += [f"  - {fr}" for fr in self.false_refutations]
        lines += [f"refuted recall (FALSE cases): {s['refuted_recall']:.3f}",
                  f"supported recall (TRUE cases): {s['supported_recall']:.3f}",
                  f"extraction misses: {s['extraction_misses']}",
                  f"throughput: {s['cases_per_second']} cases/s ({self.seconds:.1f} s)",
                  "by form (truth: supported/refuted/NEE/missed):"]
        forms = Counter((o.case.form, o.case.truth, o.label) for o in self.outcomes)
        for form in sorted({o.case.form for o in self.outcomes}):
            cells = [f"{'TRUE' if t else 'FALSE'} " + "/".join(str(forms[form, t, lab])
                                                               for lab in LABELS)
                     for t in (True, False)]
            lines.append(f"  {form:<12} " + "   ".join(cells))
        if details:
            lines.append("not supported TRUE / not refuted FALSE cases:")
            lines += [f"  - {o.label}: {o.case.line()} — {o.explanation}" for o in self.outcomes
                      if o.label != ("supported" if o.case.truth else "refuted")]
        return "\n".join(lines)


def _norm(text: str) -> str:
    return " ".join(fold(text).casefold().replace("-", " ").split())


def _target(case: Case, claims: list[Claim]) -> Claim | None:
    want = _norm(case.name)
    for c in claims:
        if c.kind == case.kind and c.subject is not None and (
                _norm(c.subject.mention or "") == want or _norm(c.subject.label or "") == want):
            return c
    return None


def _kb_lacks(case: Case, kb: KnowledgeBase) -> bool:
    """The KB does not know the person's terms, or who else held an office at the date."""
    people = kb.search(case.name)
    if not people or not any(kb.positions(p.id) for p in people):
        return True
    if not case.other:
        return False
    others = kb.search(case.other)
    return not any(kb.positions(p.id, case.at) for p in others)


def run_cases(name: str, cases: list[Case], kb: KnowledgeBase) -> RunResult:
    from ..pipeline import check

    info = kb.info()
    result = RunResult(name, f"{info['name']}, as of {info['as_of']}")
    t0 = time.perf_counter()
    for case in cases:
        report = check(case.sentence, published=case.published, kb=kb)
        target = _target(case, report.claims)
        others = [c for c in report.claims if c is not target and c.verdict is not None
                  and c.verdict.label == "refuted"]
        collateral = tuple(f"{c.kind} {c.text!r}: {c.verdict.explanation}" for c in others
                           if c.verdict is not None)
        if target is None or target.verdict is None:
            kinds = ", ".join(f"{c.kind} {c.text!r}" for c in report.claims) or "no claims"
            result.outcomes.append(Outcome(case, "missed", f"claims: {kinds}",
                                           collateral=collateral))
            continue
        label = target.verdict.label
        lacks = (not case.truth and label == "not_enough_evidence" and _kb_lacks(case, kb))
        result.outcomes.append(Outcome(case, label, target.verdict.explanation, lacks,
                                       collateral))
    result.seconds = time.perf_counter() - t0
    return result


def _sample(cases: list[Case], n: int | None, seed: int) -> list[Case]:
    if n is None or n >= len(cases):
        return cases
    return sorted(random.Random(seed).sample(cases, n),
                  key=lambda c: (c.office.key, c.at, c.sentence))


def import_tables_kb(data: Path, target: Path) -> None:
    """``newscheck kb import`` of every table, as a user would run it."""
    files = [str(data / d / "html" / "holders21.csv") for d in DAY_TABLES]
    files.append(str(data / WORLD_LEADERS))
    cmd = [sys.executable, "-c", "import sys; from newscheck.cli import main; "
           "sys.argv[0] = 'newscheck'; main()", "kb", "import", *files, "--kb", str(target)]
    subprocess.run(cmd, check=True, capture_output=True, text=True)


def evaluate(data: Path, workdir: Path, *, n: int | None = 300, seed: int = 7,
             runs: tuple[str, ...] = ("starter", "tables", "world")) -> list[RunResult]:
    from ..knowledge import open_kb
    from ..knowledge.starter import cached_kb

    terms, snapshots = load_terms(data)
    results: list[RunResult] = []
    if "starter" in runs:
        kb = open_kb(cached_kb())   # the starter pack itself, whatever user KB exists
        as_of = kb.as_of or date.today()
        hi = {k: min(v, as_of) for k, v in snapshots.items()}
        pack_terms = [t for t in terms if t.office.country in STARTER_COUNTRIES]
        cases = make_cases(pack_terms, lo=STARTER_FROM, hi=hi, seed=seed, offices=STARTER_KINDS)
        results.append(run_cases("starter pack", _sample(cases, n, seed), kb))
        kb.close()
    if "tables" in runs:
        path = workdir / "tables.kb"
        if not path.exists():
            import_tables_kb(data, path)
        kb = open_kb(path)
        as_of = kb.as_of or date.today()
        hi = {k: min(v, as_of) for k, v in snapshots.items()}
        cases = make_cases(terms, lo=date(1900, 1, 1), hi=hi, seed=seed)
        results.append(run_cases("tables KB", _sample(cases, n, seed), kb))
        kb.close()
    if "world" in runs:
        # every country table of officeholders-world against the shipped KB (starter pack +
        # world pack), each case dated within its own table's snapshot
        world, snaps = load_terms(data, world_tables(data), leaders=False)
        kb = open_kb(cached_kb())
        cases = make_cases(world, lo=date(1900, 1, 1), hi=snaps, seed=seed)
        results.append(run_cases("world pack (shipped KB)", _sample(cases, n, seed), kb))
        kb.close()
    return results
