"""--format html: problems first, self-contained, highlighted, accessible, and nothing from the
article executes (no script at all; a CSP that forbids it in the standalone file)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from newscheck.report.common import segments
from newscheck.report.html import STANDALONE_CSP, render_html
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
    assert "@media (max-width:480px)" in page  # responsive down to a phone
    tags = parse(page).tags
    assert not [t for t, a in tags if t in ("link", "img", "iframe", "script")]
    csp = [a for t, a in tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert csp and csp[0]["content"] == STANDALONE_CSP and "script" not in STANDALONE_CSP
    assert "default-src 'none'" in STANDALONE_CSP


def test_served_page_links_its_stylesheet_and_has_no_inline_style() -> None:
    page = render_html(sample_report(), standalone=False, assets="/static")
    tags = parse(page).tags
    assert ("link", {"rel": "stylesheet", "href": "/static/report.css"}) in tags
    assert not [t for t, _ in tags if t in ("style", "script")]
    assert "style=" not in page


def test_problems_come_first_and_link_to_their_place() -> None:
    page = render_html(sample_report())
    problems = page.index('id="problems"')
    assert problems < page.index('id="h-article"') < page.index('id="h-claims"')
    head = page[problems:page.index("</section>", problems)]
    assert "1 claim is false" in head and "Prime Minister Boris Johnson" in head
    assert "on 2023-03-02 it was Rishi Sunak" in head          # the reason, in plain words
    n = head.split('href="#at-')[1].split('"')[0]
    assert f'<span class="anchor" id="at-{n}"></span><mark' in page


def test_no_problems_says_so() -> None:
    page = render_html(empty_report())
    assert "No claim was found to be false" in page


def test_downloads_are_data_links_of_the_json_and_claimreview() -> None:
    import base64
    import json

    report = sample_report()
    tags = parse(render_html(report)).tags
    links = {a["download"]: a["href"] or "" for t, a in tags if t == "a" and "download" in a}
    assert set(links) == {"newscheck-report.json", "claimreview.jsonld"}
    assert links["newscheck-report.json"].startswith("data:application/json;charset=utf-8;base64,")
    data = json.loads(base64.b64decode(links["newscheck-report.json"].split(",", 1)[1]))
    assert data == report.to_dict()
    assert json.loads(base64.b64decode(links["claimreview.jsonld"].split(",", 1)[1]))


def test_internal_fields_only_behind_the_details_toggle() -> None:
    page = render_html(sample_report())
    for card in page.split('<article class="card')[1:]:
        shown = card.split("<details>")[0]
        for internal in ("office_kind", "P39", "start_precision", "Q80115"):
            assert internal not in shown
    assert ('<a href="https://www.wikidata.org/wiki/Q80115" rel="noopener noreferrer nofollow" '
            'title="Wikidata Q80115">Q80115</a>') in page


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


def test_cards_show_the_explanation_with_evidence_behind_details() -> None:
    page = render_html(sample_report())
    for n in range(1, 7):
        assert '<article class="card v-' in page and f'id="claim-{n}"' in page
        assert f'href="#claim-{n}"' in page and f'href="#at-{n}"' in page
    card = page.split('id="claim-4"')[1].split("</article>")[0]
    assert card.index("on 2023-03-02 it was Rishi Sunak") < card.index("<details>")
    assert '<a href="https://example.org/news/sunak" rel="noopener noreferrer nofollow">' in page
    assert 'id="h-debris">Removed from the page before checking' in page
    assert "Photo: Example Agency" in page
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
    assert "<script" not in hostile_page


def test_no_script_runs(hostile_page: str) -> None:
    c = parse(hostile_page)
    assert not [t for t, _ in c.tags if t in ("script", "img", "iframe", "object", "embed")]


def test_no_event_handler_attributes(hostile_page: str) -> None:
    c = parse(hostile_page)
    bad = [(t, k) for t, attrs in c.tags for k in attrs if k.lower().startswith("on")]
    assert bad == []


def test_links_are_only_http_or_in_page(hostile_page: str) -> None:
    c = parse(hostile_page)
    hrefs = [a["href"] or "" for t, a in c.tags if "href" in a]
    assert hrefs, "expected the claim markers and the safe evidence link"
    for href in hrefs:
        assert href.startswith(("https://", "http://", "#claim-", "#at-", "#h-article",
                                "data:application/json;charset=utf-8;base64,",
                                "data:application/ld+json;charset=utf-8;base64,")), href
        if href.startswith("data:"):
            assert re.fullmatch(r"[A-Za-z0-9+/=]+", href.split(",", 1)[1])
    assert "https://ok.example/a?b=1&c=2" in hrefs
    assert not any(JS_URL in (v or "") for _, a in c.tags for k, v in a.items() if k == "href")


def test_hostile_text_survives_as_text(hostile_page: str) -> None:
    report = hostile_report()
    c = parse(hostile_page)
    assert "".join(c.article_text) == report.article.text
    assert c.tags[0] == ("html", {"lang": "en"})  # invalid language code falls back
    title = hostile_page.split("<title>")[1].split("</title>")[0]
    assert "&lt;script&gt;" in title and "&quot;" in title
