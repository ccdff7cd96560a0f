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


def test_every_reason_is_shown_whole() -> None:
    """A not_enough_evidence reason that states the facts and ends with why no refutation was
    given must not be cut into a refutation-like sentence (issue 8)."""
    report = sample_report()
    long = ("On 2023-05-07 South Korea's foreign minister was Park Jin; Chung Eui-yong was in no "
            "recorded office then; no refutation is given because the name could refer to more "
            "than one person " + "and more words " * 20 + "THE END.")
    cls = report.claims[0].verdict.__class__  # type: ignore[union-attr]
    for label in ("not_enough_evidence", "refuted"):
        report.claims[0].verdict = cls(label, 0.0, long)
        flat = " ".join(render_text(report, color=False, width=200).split())
        assert "no refutation is given because" in flat and "THE END." in flat


def test_removed_debris_is_listed_with_count_and_first_items() -> None:
    report = sample_report()
    report.article.removed = ["Share this article", "Advertisement", "Read more: other news",
                              "Sign up for our newsletter", "Cookie settings"]
    out = " ".join(render_text(report, color=False, width=200).split())
    assert ("removed from the page before checking: 5 items (Share this article; Advertisement; "
            "Read more: other news; … and 2 more)") in out


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
