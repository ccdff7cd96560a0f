"""`newscheck kb search NAME`: a wrong or partial name leads somewhere, not to a dead end."""

from __future__ import annotations

import json

from tests.test_cli import assert_clean_error, run


def test_kb_search_text_and_json() -> None:
    proc = run("kb", "search", "Boris Jonson")
    assert proc.returncode == 0, proc.stderr.decode()
    assert proc.stdout.decode().splitlines()[0].startswith("Q180589  Boris Johnson  (person)")
    data = json.loads(run("kb", "search", "kishida", "--format", "json", "--limit", "2").stdout)
    assert data["results"][0]["entity"]["label"] == "Fumio Kishida"
    assert len(data["results"]) <= 2


def test_kb_search_nothing_is_exit_15() -> None:
    assert_clean_error(run("kb", "search", "qqqqzz"), 15, "anything like")
