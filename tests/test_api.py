"""The public Python API: lazy, light to import, and the same contract as the CLI."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest

import newscheck
from newscheck.errors import EmptyInput, NewscheckError

TEXT = ("Leaders meet\n\nShare this article\n\nThe leaders of the two countries met on Tuesday "
        "and agreed to cut tariffs on 40 products by 2026, officials said.\n")


def test_import_is_light() -> None:
    code = ("import sys, newscheck; heavy = [m for m in ('trafilatura', 'dateparser', 'lxml', "
            "'ahocorasick', 'rich', 'typer', 'sqlite3', 'torch', 'ray') if m in sys.modules]; "
            "print(','.join(heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_public_names() -> None:
    for name in newscheck.__all__:
        assert getattr(newscheck, name) is not None
    with pytest.raises(AttributeError):
        _ = newscheck.does_not_exist  # type: ignore[attr-defined]


def test_extract_and_check_from_str() -> None:
    article = newscheck.extract(TEXT, published="2023-05-07")
    assert article.title == "Leaders meet"
    assert article.published == date(2023, 5, 7)
    assert "Share this article" in article.removed
    report = newscheck.check(TEXT, published=date(2023, 5, 7))
    data = report.to_dict()
    assert data["schema"] == "newscheck/report@1"
    assert data["summary"]["claims"] == len(data["claims"])
    for claim in data["claims"]:
        assert data["article"]["text"][claim["start"]:claim["end"]] == claim["text"]


def test_errors_share_one_root() -> None:
    with pytest.raises(NewscheckError) as info:
        newscheck.extract(b"   ")
    assert isinstance(info.value, EmptyInput)
    assert info.value.exit_code == 4
    assert info.value.hint


def test_non_english_page_is_flagged() -> None:
    html = ("<html lang='ru'><head><title>Новости</title></head><body><article>"
            + "<p>Президент встретился с министром в Москве во вторник, сообщили в Кремле.</p>" * 5
            + "</article></body></html>")
    report = newscheck.check(html, published="2023-05-07")
    assert any("'ru'" in w for w in report.warnings)


def test_real_reports_meet_the_schema_and_invariants() -> None:
    """Pipeline output (not hand-built reports) validates against report@1 and its invariants."""
    from pathlib import Path

    from tests.report.invariants import check_report_invariants

    root = Path(__file__).resolve().parents[1]
    sources = [root / "examples" / "seoul-summit.html",
               *sorted((root / "tests" / "data" / "claims").glob("0[0-4]*.*[lt]"))[:12]]
    kb = newscheck.open_kb()
    for path in sources:
        report = newscheck.check(path, published="2023-05-07", kb=kb)
        check_report_invariants(report.to_dict())
