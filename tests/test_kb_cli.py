"""``newscheck kb import|stats|lookup|holders`` through typer's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newscheck.cli import _register_subcommands, app

from .knowledge.kbhelpers import (
    FM_JAPAN,
    KISHIDA,
    PM_JAPAN,
    isolate,
    japan_entities,
    write_dump,
    write_japan_tables,
)

if not any(getattr(g, "name", None) == "kb" for g in app.registered_groups):
    _register_subcommands()

runner = CliRunner()


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    isolate(monkeypatch, tmp_path)


@pytest.fixture
def kb(tmp_path: Path) -> Path:
    path = tmp_path / "kb.sqlite"
    dump = write_dump(tmp_path / "wikidata-20250630.json.gz", japan_entities())
    result = runner.invoke(app, ["kb", "import", str(dump), "--kb", str(path)])
    assert result.exit_code == 0, result.output
    assert "7 entities" in result.output
    return path


def test_import_stats_text_and_json(kb: Path, tmp_path: Path) -> None:
    holders = write_japan_tables(tmp_path / "officeholders-japan")
    result = runner.invoke(app, ["kb", "import", str(holders), "--kb", str(kb)])
    assert result.exit_code == 0, result.output
    text = runner.invoke(app, ["kb", "stats", "--kb", str(kb)])
    assert text.exit_code == 0
    assert "as of: 2025-06-30" in text.output and "person: 4" in text.output
    assert "as of 2021-10-04" in text.output      # each source keeps its own date
    data = json.loads(runner.invoke(app, ["kb", "stats", "--kb", str(kb), "--format",
                                          "json"]).output)
    assert data["entities_by_kind"]["person"] == 4
    assert [s["name"] for s in data["sources"]] == [
        "Wikidata dump wikidata-20250630.json.gz",
        "office table officeholders-japan/holders21.csv"]
    (japan,) = data["coverage_by_country"]          # per country, each source with its date
    assert japan["country"] == "Q17" and japan["name"] == "Japan" and japan["people"] >= 3
    assert japan["sources"] == {"Wikidata dump wikidata-20250630.json.gz": "2025-06-30",
                                "office table officeholders-japan/holders21.csv": "2021-10-04"}
    assert "country: Japan [Q17]" in text.output


def test_import_default_target_is_the_user_kb(tmp_path: Path) -> None:
    dump = write_dump(tmp_path / "d.json", japan_entities())
    result = runner.invoke(app, ["kb", "import", str(dump)])
    assert result.exit_code == 0, result.output
    assert str(tmp_path / "xdg-data") in result.output
    stats = runner.invoke(app, ["kb", "stats", "--format", "json"])
    assert json.loads(stats.output)["entities"] == 7


def test_lookup_with_and_without_date(kb: Path) -> None:
    out = runner.invoke(app, ["kb", "lookup", "Fumio Kishida", "--kb", str(kb)])
    assert out.exit_code == 0
    assert "Minister for Foreign Affairs" in out.output and "2012-12-26 to 2017-08-03" in out.output
    data = json.loads(runner.invoke(app, ["kb", "lookup", "kishida fumio", "--at", "2022-01-01",
                                          "--kb", str(kb), "--format", "json"]).output)
    (res,) = data["results"]
    assert res["entity"]["id"] == KISHIDA
    assert [t["position"] for t in res["terms"]] == [PM_JAPAN]
    by_id = runner.invoke(app, ["kb", "lookup", FM_JAPAN, "--kb", str(kb)])
    assert by_id.exit_code == 0 and "Taro Kono" in by_id.output


def test_holders_by_name_and_id(kb: Path) -> None:
    out = runner.invoke(app, ["kb", "holders", "Prime Minister of Japan", "--at", "2021-01-01",
                              "--kb", str(kb)])
    assert out.exit_code == 0 and "Yoshihide Suga" in out.output
    data = json.loads(runner.invoke(app, ["kb", "holders", FM_JAPAN, "--at", "2016-05-01",
                                          "--kb", str(kb), "--format", "json"]).output)
    (holder,) = data["results"][0]["holders"]
    assert (holder["person"], holder["coverage"]) == (KISHIDA, "yes")


@pytest.mark.parametrize("args,code,message", [
    (["kb", "stats", "--kb", "{tmp}/missing.sqlite"], 10, "no knowledge base at"),
    (["kb", "import", "{tmp}/nope.json", "--kb", "{tmp}/kb2.sqlite"], 12, "no such file"),
    (["kb", "import", "{tmp}/image.png", "--kb", "{tmp}/kb2.sqlite"], 12, "PNG image"),
    (["kb", "lookup", "Nobody Atall", "--kb", "{kb}"], 15, "nothing in the knowledge base"),
    (["kb", "holders", "Q1355043", "--at", "soon", "--kb", "{kb}"], 9, "is not a date"),
    (["kb", "holders", "Emperor of Nowhere", "--at", "2020-01-01", "--kb", "{kb}"], 15,
     "no position"),
])
def test_errors_are_one_line_and_an_exit_code(kb: Path, tmp_path: Path, args: list[str],
                                               code: int, message: str) -> None:
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    argv = [a.format(tmp=tmp_path, kb=kb) for a in args]
    result = runner.invoke(app, argv)
    assert result.exit_code == code, result.output
    err = result.stderr if hasattr(result, "stderr") else result.output
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("newscheck: error:") and message in lines[0]
