"""--format html: self-contained, highlighted, accessible, and nothing from the article executes."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from newscheck.report.common import segments
from newscheck.report.html import SCRIPT, render_html
from tests.report.samples import (
    ATTR,
    IMG,
    JS_URL,
    empty_report,
    hostile_report,
    sample_report,
)
from tests.report.samples import (
    SCRIPT as SCRIPT_PAYLOAD,
)


class Collector(HTMLParser):
    """Records every start tag with its attributes, script bodies and the article's text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False
        self._article_depth = 0     # >0 inside <div class="article">
        self._in_tag_link = False   # inside a verdict marker <a class="tag">
        self.article_text: list[str] = []
        self.marks: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append((tag, a))
        self._in_script = tag == "script"
        if tag == "div" and a.get("class") == "article":
            self._article_depth = 1
        elif self._article_depth and tag == "div":
            self._article_depth += 1
        self._in_tag_link = tag == "a" and "tag" in (a.get("class") or "").split()
        if tag == "mark":
            self.marks.append(a.get("class") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False
        if tag == "a":
            self._in_tag_link = False
        if tag == "div" and self._article_depth:
            self._article_depth -= 1

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)
        elif self._article_depth and not self._in_tag_link:
            self.article_text.append(data)


def parse(page: str) -> Collector:
    c = Collector()
    c.feed(page)
    c.close()
    return c


def test_page_is_a_self_contained_html5_document() -> None:
    page = render_html(sample_report())
    assert page.startswith("<!DOCTYPE html>\n<html lang=\"en\">")
    assert '<meta charset="utf-8">' in page
    assert '<meta name="viewport"' in page
    assert "<title>Fact check: Lavrov meets Blinken" in page
    assert "@media (max-width" in page  # responsive
    tags = parse(page).tags
    assert not [t for t, a in tags if t in ("link", "img", "iframe")]
    assert not [a for t, a in tags if t == "script" and "src" in a]


def test_article_text_is_preserved_between_the_highlights() -> None:
    report = sample_report()
    c = parse(render_html(report))
    assert "".join(c.article_text) == report.article.text


def test_overlapping_claims_are_split_into_segments() -> None:
    report = sample_report()
    segs = segments(report.article.text, report.claims)
    assert "".join(report.article.text[s.start:s.end] for s in segs) == report.article.text
    both = [s for s in segs if len(s.claims) > 1]
    assert both  # "Sergey Lavrov" is in claims 1 and 2
    c = parse(render_html(report))
    assert any("overlap" in m for m in c.marks)
    # the refuted claim is coloured as refuted
    assert "claim v-refuted" in c.marks


def test_each_verdict_has_colour_icon_and_words() -> None:
    page = render_html(sample_report())
    for label, icon, words in (("supported", "✔", "Supported"), ("refuted", "✘", "Refuted"),
                               ("not_enough_evidence", "?", "Not enough evidence")):
        assert f'class="tag v-{label}"' in page
        assert f"{icon}\u00a0{words}" in page
        assert f'<span class="badge v-{label}">{icon} {words}</span>' in page
    # underline style differs by verdict, so colour is not the only cue
    for style in ("--u:solid", "--u:wavy", "--u:dotted"):
        assert style in page


def test_explanation_and_evidence_are_in_details_with_anchor_ids() -> None:
    page = render_html(sample_report())
    for n in range(1, 7):
        assert '<details class="card v-' in page and f'id="claim-{n}"' in page
        assert f'href="#claim-{n}"' in page
    assert "on 2023-03-02 it was Rishi Sunak" in page
    assert '<a href="https://example.org/news/sunak" rel="noopener noreferrer nofollow">' in page
    assert '<details class="debris">' in page and "Photo: Example Agency" in page
    assert "The knowledge base is 1 year older" in page


def test_empty_report_renders() -> None:
    page = render_html(empty_report())
    assert "No checkable claims were found" in page
    assert "Nothing to check here." in page


@pytest.fixture(scope="module")
def hostile_page() -> str:
    return render_html(hostile_report())


@pytest.mark.parametrize("payload", [SCRIPT_PAYLOAD, ATTR, IMG, "onmouseover=\"", "<img"])
def test_payloads_never_appear_unescaped(hostile_page: str, payload: str) -> None:
    assert payload not in hostile_page
    assert hostile_page.count("<script") == 1  # ours


def test_only_our_own_script_runs(hostile_page: str) -> None:
    c = parse(hostile_page)
    assert [t for t, _ in c.tags if t == "script"] == ["script"]
    assert c.scripts == [SCRIPT]
    assert not [t for t, _ in c.tags if t in ("img", "iframe", "object", "embed")]


def test_no_event_handler_attributes(hostile_page: str) -> None:
    c = parse(hostile_page)
    bad = [(t, k) for t, attrs in c.tags for k in attrs if k.lower().startswith("on")]
    assert bad == []


def test_links_are_only_http_or_in_page(hostile_page: str) -> None:
    c = parse(hostile_page)
    hrefs = [a["href"] or "" for t, a in c.tags if "href" in a]
    assert hrefs, "expected the claim markers and the safe evidence link"
    for href in hrefs:
        assert href.startswith(("https://", "http://", "#claim-")), href
    assert "https://ok.example/a?b=1&c=2" in hrefs
    assert not any(JS_URL in (v or "") for _, a in c.tags for k, v in a.items() if k == "href")


def test_hostile_text_survives_as_text(hostile_page: str) -> None:
    report = hostile_report()
    c = parse(hostile_page)
    assert "".join(c.article_text) == report.article.text
    assert c.tags[0] == ("html", {"lang": "en"})  # invalid language code falls back
    title = hostile_page.split("<title>")[1].split("</title>")[0]
    assert "&lt;script&gt;" in title and "&quot;" in title
