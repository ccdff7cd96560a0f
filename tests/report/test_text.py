"""--format text: a rich table on a terminal, plain text without escape codes otherwise."""

from __future__ import annotations

import pytest

from newscheck.report import render
from newscheck.report.text import render_text
from tests.report.samples import empty_report, hostile_report, sample_report


def test_plain_text_has_no_ansi_and_everything_a_reader_needs() -> None:
    out = render_text(sample_report(), color=False, width=100)
    assert "\x1b[" not in out
    assert out.startswith("Lavrov meets Blinken | talks *resume* in [Delhi]\n")
    for piece in ("✔ Supported", "✘ Refuted", "? Not enough evidence", "Prime Minister Boris",
                  "6 claims: 3 supported, 1 refuted, 2 not enough evidence",
                  "warning: The knowledge base is 1 year older than the article.",
                  "published 2023-03-02", "checked as of 2023-03-02 (published)"):
        assert piece in out, piece
    assert max(len(line) for line in out.splitlines()) <= 100


@pytest.mark.parametrize("width", [60, 80, 140])
def test_width_is_respected(width: int) -> None:
    out = render_text(sample_report(), color=False, width=width)
    assert max(len(line) for line in out.splitlines()) <= width


def test_colour_uses_escape_codes_and_keeps_icons() -> None:
    out = render_text(sample_report(), color=True, width=120)
    assert "\x1b[" in out
    assert "✘ Refuted" in out and "✔ Supported" in out


def test_only_not_enough_evidence_explanations_are_shortened() -> None:
    report = sample_report()
    long = "A first sentence that is long enough to keep. " + "word " * 100
    cls = report.claims[0].verdict.__class__  # type: ignore[union-attr]
    report.claims[0].verdict = cls("not_enough_evidence", 0.0, long)
    out = render_text(report, color=False, width=200)
    assert "A first sentence that is long enough to keep." in out
    assert "word word" not in out
    # a supported or refuted verdict's reason names the holder and dates: shown whole
    report.claims[0].verdict = cls("refuted", 0.9, long + "held by Rishi Sunak.")
    out = render_text(report, color=False, width=200)
    assert "Rishi Sunak" in out


def test_auto_colour_is_off_when_not_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    out = render(sample_report(), "text")  # pytest captures stdout: not a TTY
    assert "\x1b[" not in out


def test_no_color_env_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert "\x1b[" not in render_text(sample_report())


def test_markup_in_article_content_is_printed_literally() -> None:
    report = hostile_report()
    report.claims[0].text = "[bold red]not markup[/]"
    out = render_text(report, color=False, width=120)
    assert "[bold red]not markup[/]" in out


def test_empty_report() -> None:
    out = render_text(empty_report(), color=False)
    assert "No checkable claims were found" in out
    assert "0 claims: 0 supported, 0 refuted, 0 not enough evidence" in out
    assert "(untitled article)" in out
