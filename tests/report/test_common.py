"""Shared renderer helpers: span segmentation, URL safety, shortening."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newscheck.model import Article, Claim, Report, TimeAnchor, Verdict
from newscheck.report.common import anchor_text, dominant, safe_url, segments, shorten
from newscheck.report.html import render_html
from tests.report.test_html import parse

ANCHOR = TimeAnchor("published", date(2023, 1, 1))
LABELS = ["supported", "refuted", "not_enough_evidence"]


def _claim(i: int, start: int, end: int, text: str, label: str) -> Claim:
    return Claim(f"c{i}", "other", text[start:end], text, start, end, ANCHOR,
                 verdict=Verdict(label, 0.5, "why"))  # type: ignore[arg-type]


@st.composite
def texts_and_claims(draw: st.DrawFn) -> tuple[str, list[Claim]]:
    text = draw(st.text(alphabet="ab <&\"'\n>", min_size=0, max_size=40))
    n = draw(st.integers(0, 6))
    claims = []
    for i in range(n):
        start = draw(st.integers(-2, len(text) + 2))
        end = draw(st.integers(-2, len(text) + 2))
        claims.append(_claim(i, start, end, text, draw(st.sampled_from(LABELS))))
    return text, claims


@given(texts_and_claims())
def test_segments_partition_the_text_and_know_their_claims(case: tuple[str, list[Claim]]) -> None:
    text, claims = case
    segs = segments(text, claims)
    assert "".join(text[s.start:s.end] for s in segs) == text
    for s in segs:
        assert s.start < s.end
        for i, c in enumerate(claims):
            inside = c.start <= s.start and s.end <= c.end
            assert (i in s.claims) == inside


@given(texts_and_claims())
def test_html_highlighting_never_loses_or_breaks_text(case: tuple[str, list[Claim]]) -> None:
    text, claims = case
    report = Report(Article(text=text), claims, ANCHOR)
    c = parse(render_html(report))
    assert "".join(c.article_text) == text


def test_dominant_prefers_refuted() -> None:
    assert dominant(["supported", "refuted", "not_enough_evidence"]) == "refuted"
    assert dominant(["supported", "not_enough_evidence"]) == "not_enough_evidence"


@pytest.mark.parametrize(("url", "ok"), [
    ("https://example.org/a?b=1&c=2", True), ("http://example.org", True),
    ("HTTPS://EXAMPLE.ORG", True), ("javascript:alert(1)", False), ("JaVaScRiPt:x", False),
    ("data:text/html,<b>", False), ("//example.org", False), ("/etc/passwd", False),
    ("https://", False), ('https://x.org/"onclick', False), ("https://x.org/a b", False),
    ("", False), (None, False), ("file:///etc/passwd", False), ("vbscript:x", False),
])
def test_safe_url(url: str | None, ok: bool) -> None:
    assert (safe_url(url) is not None) == ok


def test_shorten() -> None:
    assert shorten("short\n  text") == "short text"
    long = "He was U.S. Secretary of State from 2021. " + "More words follow here. " * 10
    assert shorten(long, 60) == "He was U.S. Secretary of State from 2021."
    cut = shorten("word " * 100, 50)
    assert cut.endswith("…") and len(cut) <= 50


def test_anchor_text() -> None:
    assert anchor_text(ANCHOR) == "2023-01-01 (published)"
    period = TimeAnchor("narrated", start=date(2015, 1, 1), end=None, cue="in 2015")
    assert anchor_text(period) == "2015-01-01 to ? (narrated, “in 2015”)"
