"""``newscheck eval``: datasets, scores, JSON, plot and clear errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newscheck.evaluate.stance_metrics import score
from newscheck.evaluate.stance_sets import load_examples, split_sentences

ROWS = [
    {"claim": "The bridge opened in 1998.", "evidence": ["The bridge opened to traffic in 1998."],
     "label": "supported"},
    {"claim": "The mayor banned cars from the centre.",
     "evidence": ["The museum reopened after renovation."], "label": "not_enough_evidence"},
    {"claim": "The lake froze in July.", "evidence": [], "label": "refuted"},
]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "newscheck.cli", "eval", *args],
                          capture_output=True, text=True, timeout=120)


@pytest.fixture
def jsonl(tmp_path: Path) -> Path:
    path = tmp_path / "set.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in ROWS) + "\n")
    return path


def test_score_counts_a_known_confusion() -> None:
    labels = ("a", "b", "c")
    s = score(["a", "a", "b", "c"], ["a", "b", "b", "a"], labels)
    assert s["accuracy"] == 0.5
    assert s["confusion"]["a"] == {"a": 1, "b": 1, "c": 0}
    assert s["per_label"]["a"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5, "support": 2,
                                   "predicted": 2}
    assert s["per_label"]["b"]["precision"] == 0.5 and s["per_label"]["b"]["recall"] == 1.0
    assert s["majority_baseline"] == {"label": "a", "accuracy": 0.5}
    assert s["macro_f1"] == round((0.5 + 2 / 3 + 0.0) / 3, 4)


def test_json_output_has_every_figure(jsonl: Path) -> None:
    proc = run("jsonl", str(jsonl), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["n"] == 3 and out["dataset"] == "jsonl"
    assert set(out) >= {"accuracy", "macro_f1", "per_label", "confusion", "majority_baseline",
                        "pairs_per_second", "model"}
    # A claim without evidence is never refuted.
    assert out["confusion"]["refuted"]["refuted"] == 0


def test_text_output_and_limit(jsonl: Path) -> None:
    proc = run("jsonl", str(jsonl), "--limit", "2")
    assert proc.returncode == 0, proc.stderr
    assert "2 claims" in proc.stdout and "majority baseline" in proc.stdout
    assert "confusion" in proc.stdout


def test_plot_writes_a_png(jsonl: Path, tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    png = tmp_path / "cm.png"
    proc = run("jsonl", str(jsonl), "--plot", str(png))
    assert proc.returncode == 0, proc.stderr
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_climate_fever_and_liar_plus_shapes(tmp_path: Path) -> None:
    cf = tmp_path / "cf.jsonl"
    cf.write_text(json.dumps({"claim_id": "7", "claim": "Seas are rising.",
                              "claim_label": "DISPUTED", "evidences": [
                                  {"evidence": "Sea level rose 20 cm.",
                                   "evidence_label": "SUPPORTS"}]}) + "\n")
    (ex,) = load_examples("climate-fever", cf)
    assert ex.label == "not_enough_evidence" and ex.stances == ("support",)
    liar = tmp_path / "liar.jsonl"
    liar.write_text(json.dumps({"id": 1, "label": "pants-fire", "claim": "X said Y.",
                                "justification": "He did not. The record shows Z."}) + "\n")
    (ex,) = load_examples("liar-plus", liar)
    assert ex.label == "refuted" and ex.evidence == ("He did not.", "The record shows Z.")


def test_split_sentences() -> None:
    assert split_sentences("One. Two! \"Three?\" 4 more.") == ["One.", "Two!", '"Three?"',
                                                                "4 more."]


@pytest.mark.parametrize(("content", "code", "words"), [
    ("not json\n", 9, "not JSON"),
    ('{"claim": "x", "evidence": "y", "label": "supported"}\n', 9, "list of strings"),
    ('{"claim": "x", "evidence": [], "label": "true"}\n', 9, "not one of"),
])
def test_malformed_datasets_are_one_line_errors(tmp_path: Path, content: str, code: int,
                                                words: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(content)
    proc = run("jsonl", str(path))
    assert proc.returncode == code and words in proc.stderr
    assert "Traceback" not in proc.stderr and len(proc.stderr.strip().splitlines()) == 1


def test_missing_file_unknown_dataset_and_dead_endpoint(jsonl: Path, tmp_path: Path) -> None:
    assert run("jsonl", str(tmp_path / "none.jsonl")).returncode == 3
    proc = run("fever", str(jsonl))
    assert proc.returncode == 9 and "unknown dataset" in proc.stderr
    proc = run("jsonl", str(jsonl), "--nli-model", str(tmp_path / "no-model"))
    assert proc.returncode == 22 and "no NLI model" in proc.stderr
    proc = run("jsonl", str(jsonl), "--llm-endpoint", "http://127.0.0.1:9/v1")
    assert proc.returncode == 23 and "cannot reach" in proc.stderr


@pytest.mark.slow
def test_gold_runs_the_pipeline_over_the_gold_articles() -> None:
    gold_dir = Path(__file__).resolve().parents[1] / "data" / "claims"
    proc = run("gold", str(gold_dir), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["model"] == "pipeline (knowledge base)" and out["n"] > 100
    assert out["per_label"]["refuted"]["precision"] >= 0.9
