"""Gate on the US Congress development gold set (tests/data/congress/, written from public
record before the checker ran on it; docs/gold-set.md), checked against a KB built from the
derived CC0 fixture YAMLs in tests/data/kb/. `python scripts/eval_congress.py` prints the same
figures and, with ../shared/data, the true/perturbed cases over the whole data set."""

from __future__ import annotations

from pathlib import Path

import pytest

from newscheck.evaluate.verdicts import evaluate
from newscheck.knowledge import open_kb
from newscheck.knowledge.importer import import_files

DATA = Path(__file__).parent / "data"


def test_congress_gold_zero_false_refutations(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    path = tmp_path / "kb.sqlite"
    import_files(path, [DATA / "kb" / "congress-legislators-fixture.yaml",
                        DATA / "kb" / "congress-executive-fixture.yaml"])
    with open_kb(path) as kb:
        result = evaluate(DATA / "congress", kb=kb)
    summary = result.summary()
    assert summary["articles"] >= 10
    assert result.false_refutations == [], [c.line() for c in result.false_refutations]
    assert result.unmatched_refutations == [], [c.line() for c in result.unmatched_refutations]
    # First run (gold final before the run): accuracy 0.958, refuted recall 1.0, supported
    # recall 0.943 (2 leadership appositives not extracted; fixed afterwards). Then the
    # courtesy-title rule (real pages: "Vice President Biden" quoted in 2019) withheld the two
    # refutations of former holders ("Vice President Mike Pence", "House Speaker Nancy Pelosi"
    # in 2024): refuted recall 0.8 (8/10), supported recall 1.0, accuracy 0.958.
    assert summary["refuted_recall"] >= 0.8
    assert summary["supported_recall"] >= 0.95
    assert summary["accuracy"] >= 0.95
