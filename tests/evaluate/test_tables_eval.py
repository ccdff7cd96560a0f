"""Real-data evaluation (newscheck.evaluate.tables): ~50 sentences per run built from the
office-holder tables in ../shared/data, checked against the starter pack, against a KB imported
from the tables, and (officeholders-world's country tables) against the shipped KB. No true
statement may be refuted; supported recall stays above a floor (measured on every case of the
first two runs: 0.977-1.000; the floor leaves room for a 50-case sample)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newscheck.evaluate.tables import DEFAULT_DATA
from newscheck.evaluate.tables_run import evaluate

SUPPORTED_FLOOR = 0.9
REFUTED_FLOOR = 0.85


@pytest.mark.shared
@pytest.mark.skipif(not DEFAULT_DATA.is_dir(), reason="../shared/data is absent")
def test_real_tables_no_false_refutations(tmp_path: Path) -> None:
    results = evaluate(DEFAULT_DATA, tmp_path, n=50, seed=7)
    assert [r.name for r in results] == ["starter pack", "tables KB",
                                         "world pack (shipped KB)"]
    for r in results:
        assert len(r.outcomes) == 50
        assert r.false_refutations == [], r.render()
        assert r.supported_recall >= SUPPORTED_FLOOR, r.render()
        assert r.refuted_recall >= REFUTED_FLOOR, r.render()


@pytest.mark.shared
@pytest.mark.skipif(not DEFAULT_DATA.is_dir(), reason="../shared/data is absent")
def test_script_skips_cleanly_without_data(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    import importlib.util

    script = Path(__file__).resolve().parents[2] / "scripts" / "eval_tables.py"
    spec = importlib.util.spec_from_file_location("eval_tables", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(["--data", str(tmp_path / "absent")]) == 0
    assert "no shared data" in capsys.readouterr().out
