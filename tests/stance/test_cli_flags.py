"""``newscheck check --nli-model / --llm-endpoint``: a back-end that cannot be used fails early with
its own exit code, before any article work."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "seoul-summit.html"


def check(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "newscheck.cli", "check", str(EXAMPLE), *args],
                          capture_output=True, text=True, timeout=120)


def test_a_missing_nli_model_is_exit_22(tmp_path: Path) -> None:
    proc = check("--nli-model", str(tmp_path / "nowhere"))
    assert proc.returncode == 22 and "no NLI model" in proc.stderr and proc.stdout == ""


def test_a_bad_endpoint_url_is_exit_23() -> None:
    proc = check("--llm-endpoint", "localhost:8000")
    assert proc.returncode == 23 and "http(s) URL" in proc.stderr


def test_both_back_ends_at_once_are_refused(tmp_path: Path) -> None:
    proc = check("--nli-model", str(tmp_path), "--llm-endpoint", "http://127.0.0.1:9/v1")
    assert proc.returncode == 22 and "cannot be used together" in proc.stderr
