"""``check --against``: the API, the report's ``against`` part, renderers and the CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

import newscheck
from newscheck.report import render
from newscheck.schema import report_schema

SOURCE = """Council approves budget

The Lindholm city council approved a budget of 4.2 million euros on Tuesday after a three-hour
debate. The vote was 7 to 2.

Mayor Anna Berg said the plan could cut waiting times at the main clinic.
"""
REWRITE = """Lindholm budget passed

Lindholm's city council approved a 4.2 million euro budget on Tuesday after a debate of three hours.

The council passed the budget of 4.8 million euros by a vote of 7 to 2.

Mayor Anna Berg said the plan will cut waiting times at the main clinic.

The budget also includes a new stadium for the local football club.
"""


@pytest.fixture(scope="module")
def report() -> newscheck.Report:
    return newscheck.check(REWRITE, against=[SOURCE], published="2024-03-05")


def _by_text(report: newscheck.Report, start: str) -> list[str]:
    return [c.verdict.label for c in report.claims
            if c.kind == "other" and c.verdict and c.text.startswith(start)]


def test_each_sentence_is_judged(report: newscheck.Report) -> None:
    assert _by_text(report, "Lindholm's city council") == ["supported"]
    assert _by_text(report, "The council passed") == ["refuted"]
    assert _by_text(report, "Mayor Anna Berg said") == ["refuted"]
    assert _by_text(report, "The budget also") == ["not_enough_evidence"]


def test_refutation_quotes_both_and_cites_the_sentence(report: newscheck.Report) -> None:
    (claim,) = [c for c in report.claims if c.text.startswith("The council passed")]
    assert claim.verdict is not None
    expl = claim.verdict.explanation
    assert "4.2 million" in expl and "4.8 million" in expl
    (ev,) = claim.verdict.evidence
    assert ev.kind == "passage" and ev.extra["role"] == "contradicts" and "4.2 million" in ev.text


def test_added_claims_are_listed_and_valid_json(report: newscheck.Report) -> None:
    data = report.to_dict()
    jsonschema.validate(data, report_schema())
    added = data["against"]["not_in_source"]
    texts = [c["text"] for c in data["claims"] if c["id"] in added]
    assert texts == ["The budget also includes a new stadium for the local football club."]
    assert [c["id"] for c in data["claims"]] == [f"c{i}" for i in range(1, len(data["claims"]) + 1)]
    assert "Not in the source" in render(report, "text", color=False)
    assert "## Not in the source" in render(report, "markdown")
    assert 'id="h-added"' in render(report, "html")


def test_without_against_the_report_has_no_against_part() -> None:
    data = newscheck.check(REWRITE, published="2024-03-05").to_dict()
    assert "against" not in data


def test_identical_text_is_supported_throughout() -> None:
    body = SOURCE.split("\n", 2)[2]
    rep = newscheck.check(body, against=[body], published="2024-03-05")
    labels = {c.verdict.label for c in rep.claims if c.kind == "other" and c.verdict}
    assert labels == {"supported"}


def test_cli_against(tmp_path: Path) -> None:
    src, rw = tmp_path / "source.txt", tmp_path / "rewrite.txt"
    src.write_text(SOURCE, encoding="utf-8")
    rw.write_text(REWRITE, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "newscheck.cli", "check", str(rw), "--against",
                           str(src), "--published", "2024-03-05"], capture_output=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["against"]["sources"][0]["source"] == str(src)
    assert data["summary"]["refuted"] >= 2


def test_cli_against_missing_source(tmp_path: Path) -> None:
    rw = tmp_path / "rewrite.txt"
    rw.write_text(REWRITE, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "newscheck.cli", "check", str(rw), "--against",
                           str(tmp_path / "nope.html")], capture_output=True, timeout=120)
    assert proc.returncode == 3 and b"no such file" in proc.stderr
    assert b"Traceback" not in proc.stderr
