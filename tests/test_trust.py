"""Issue 8, "Trust the output": what a new user saw, each as a regression test (starter pack)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import newscheck
from newscheck.knowledge import KnowledgeBase


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return newscheck.open_kb()


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "newscheck.cli", *args], capture_output=True,
                          text=True, timeout=120, cwd=cwd)


def test_counterpart_refutation_states_the_named_persons_own_term(kb: KnowledgeBase) -> None:
    report = newscheck.check(text="Japanese Foreign Minister Yoshimasa Hayashi met his South "
                                  "Korean counterpart, Chung Eui-yong, in Seoul on May 7, 2023.",
                             published="2023-05-08", kb=kb)
    (claim,) = [c for c in report.claims if c.kind == "counterpart"]
    assert claim.verdict is not None and claim.verdict.label == "refuted"
    assert ("Chung Eui-yong was Minister of Foreign Affairs of South Korea from 2021-02-09 to "
            "2022-05-12") in claim.verdict.explanation
    assert "Park Jin" in claim.verdict.explanation


def test_version() -> None:
    proc = run_cli("--version")
    assert proc.returncode == 0
    assert proc.stdout.strip() == f"newscheck {newscheck.__version__}"


def test_a_url_as_input_gets_a_clear_message() -> None:
    proc = run_cli("check", "https://example.com/news/article-1")
    assert proc.returncode == 5
    assert proc.stderr.count("\n") == 1 and "is a URL" in proc.stderr
    assert "no such file" not in proc.stderr and "Traceback" not in proc.stderr
