"""--format markdown: structure, and article content that cannot break the Markdown."""

from __future__ import annotations

import re

import pytest

from newscheck.report.markdown import md_escape, md_link, render_markdown
from tests.report.samples import JS_URL, empty_report, hostile_report, sample_report

# An unescaped pipe: one not preceded by a backslash.
_PIPE = re.compile(r"(?<!\\)\|")


def test_structure() -> None:
    md = render_markdown(sample_report())
    assert md.startswith("# Fact check: Lavrov meets Blinken \\| talks \\*resume\\* in "
                         "\\[Delhi\\]\n")
    assert "- **Published:** 2023-03-02" in md
    assert "**6 claims:** ✔ 3 supported · ✘ 1 refuted · ? 2 not enough evidence" in md
    assert "## Claims" in md and "## Details" in md and "## Warnings" in md
    assert "### 4. ✘ Refuted: “Prime Minister Boris Johnson”" in md
    assert "- *passage* · <https://example.org/news/sunak> (`p1`): Rishi Sunak" in md
    assert "## Removed from the page before checking" in md and "- Photo: Example Agency" in md


def test_table_rows_have_exactly_four_cells() -> None:
    md = render_markdown(sample_report())
    rows = [line for line in md.splitlines() if line.startswith("| ")]
    assert len(rows) == 2 + 6
    for row in rows:
        assert len(_PIPE.findall(row)) == 5, row
    assert "Mayor Jane Doe \\| the city's \\*first\\* mayor" in md


def test_hostile_content_is_escaped() -> None:
    md = render_markdown(hostile_report())
    assert not re.search(r"(?<!\\)<(script|img)", md)
    assert f"<{JS_URL}>" not in md and f"]({JS_URL}" not in md
    assert "\\<script\\>alert(1)\\</script\\>" in md
    for line in md.splitlines():
        if line.startswith("| "):
            assert len(_PIPE.findall(line)) == 5


@pytest.mark.parametrize(("raw", "escaped"), [
    ("a|b", "a\\|b"), ("*x* _y_", "\\*x\\* \\_y\\_"), ("[a](b)", "\\[a\\](b)"),
    ("`code`", "\\`code\\`"), ("<b>", "\\<b\\>"), ("a\nb\n\nc", "a b c"), ("#1", "\\#1"),
    ("back\\slash", "back\\\\slash"), ("AT&T", "AT\\&T"), ("~~x~~", "\\~\\~x\\~\\~"),
])
def test_md_escape(raw: str, escaped: str) -> None:
    assert md_escape(raw) == escaped


@pytest.mark.parametrize(("raw", "escaped"), [
    ("- not a list", "\\- not a list"), ("1. not a list", "1\\. not a list"), ("7) x", "7\\) x"),
    ("+ x", "\\+ x"), ("2023 was", "2023 was"),
])
def test_md_escape_at_line_start(raw: str, escaped: str) -> None:
    assert md_escape(raw, line_start=True) == escaped
    assert md_escape(raw) == raw


def test_md_link() -> None:
    assert md_link("https://example.org/a") == "<https://example.org/a>"
    assert md_link(JS_URL) == JS_URL  # text, not a link
    assert md_link("https://example.org/a b") == "https://example.org/a b"


def test_empty_report() -> None:
    md = render_markdown(empty_report())
    assert "No checkable claims were found" in md
    assert "## Claims" not in md


def test_commonmark_rendering_keeps_payloads_as_text() -> None:
    """Render with markdown-it-py (a dependency of rich), raw HTML enabled as in CommonMark."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark").enable("table")
    for report in (sample_report(), hostile_report()):
        page = md.render(render_markdown(report))
        assert "<script" not in page and "<img" not in page
        assert 'href="javascript' not in page
        body_rows = page.split("<tbody>")[1].split("</tbody>")[0].split("<tr>")[1:]
        assert len(body_rows) == len(report.claims)
        assert all(row.count("<td") == 4 for row in body_rows)
    page = md.render(render_markdown(sample_report()))
    assert "<td>Mayor Jane Doe | the city's *first* mayor</td>" in page
    assert "<h1>Fact check: Lavrov meets Blinken | talks *resume* in [Delhi]</h1>" in page
