"""HTML page furniture that trafilatura drops is listed in ``Article.removed``, never checked."""

from __future__ import annotations

from pathlib import Path

from newscheck.intake import extract

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "seoul-summit.html"


def test_dropped_blocks_are_listed_in_page_order() -> None:
    article = extract(EXAMPLE)
    removed = article.removed
    for debris in ("Home World Asia Business", "Share article Facebook X Email",
                   "Related articles", "Seoul and Tokyo agree to restore trade status",
                   "Sign up for our newsletter"):
        assert debris in removed
        assert debris not in article.text
    assert any("cookies" in r for r in removed)
    assert removed.index("Related articles") < removed.index("Sign up for our newsletter")
    assert article.credits == ["Image source: Getty Images"]
    # nothing of the body is listed as removed
    assert not any(r in article.text for r in removed if len(r) > 30)


def test_long_menus_are_capped() -> None:
    menu = "".join(f"<li><a href='/s{i}'>Section {i}</a></li>" for i in range(500))
    body = "<p>" + "The council met on Tuesday and approved the budget for next year. " * 8
    html = (f"<html><body><nav><ul>{menu}</ul></nav><article><h1>Budget approved</h1>{body}"
            f"</p></article></body></html>")
    removed = extract(html).removed
    assert len(removed) <= 102   # the repeated headline, 100 blocks, the count of the rest
    assert removed[-1] == "… and 400 more blocks of page furniture"
