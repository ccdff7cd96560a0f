"""The HTML path's metadata readers give what trafilatura's own functions give.

``pagescan.head_only`` lets trafilatura's ``examine_meta`` see only the head of the page, and
``pagescan.meta_json`` is trafilatura's ``extract_meta_json`` on the JSON-LD texts that
``pagescan.scan`` collects, with its Python loops done in C: both are checked here against
trafilatura's originals on the same pages.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

pytest.importorskip("trafilatura")

from lxml.etree import tostring
from trafilatura.metadata import examine_meta, extract_meta_json
from trafilatura.utils import load_html

from newscheck.intake.pagescan import head_only, meta_json, scan

JSON_LD = """{"@context": "https://schema.org", "@type": "NewsArticle",
  "headline": "Caf\\u00e9 owners   meet the mayor &amp; the council",
  "author": [{"@type": "Person", "name": "Jane\\tDoe"}, {"@type": "Person", "name": "Ana Lima"}],
  "publisher": {"@type": "Organization", "name": "The <b>Daily</b> Example"},
  "mainEntityOfPage": "https://example.org/news/cafe",
  "datePublished": "2023-05-07T10:00:00Z", "odd": "\\ud83d\\ude00 \\n line"}"""

PAGE = f"""<!DOCTYPE html><html lang="en"><head>
<title>Café owners meet | The Daily Example</title>
<meta property="og:title" content="Café owners meet the mayor">
<meta property="og:site_name" content="The Daily Example">
<meta property="og:url" content="https://example.org/news/cafe">
<meta name="author" content="Jane Doe">
<meta name="description" content="The café owners met the mayor.">
<meta property="article:tag" content="cafés">
<meta name="twitter:site" content="@dailyexample">
<script type="application/ld+json">{JSON_LD}</script>
</head><body><h1>Café owners meet</h1>
<script type="application/ld+json">{{"@type": "BreadcrumbList", "name": "News"</script>
<p>The café owners of Zürich met the mayor on Monday.</p></body></html>"""

PAGES = [PAGE, PAGE.replace('<meta property="og:title" content="Café owners meet the mayor">', "",
                           1), PAGE.replace("<script", "<!-- --><script", 1),
         "<html><head><title>Plain</title></head><body><p>No metadata here.</p></body></html>",
         (Path(__file__).parent / "data" / "article_debris.html").read_text(encoding="utf-8")]


@pytest.mark.parametrize("page", PAGES)
def test_metadata_readers_match_trafilatura(page: str) -> None:
    ours = _ours(page)
    theirs = extract_meta_json(load_html(page), examine_meta(load_html(page)))
    assert _fields(ours) == _fields(theirs)


def _ours(page: str) -> object:
    tree = load_html(page)
    before = tostring(tree)
    json_ld = scan(tree).json_ld
    with head_only(tree) as head:
        md = meta_json(json_ld, examine_meta(head))
    assert tostring(tree) == before                 # the body is back in its place
    return md


def _fields(md: object) -> dict[str, object]:
    return {k: v for k, v in md.as_dict().items()  # type: ignore[attr-defined]
            if k not in ("body", "commentsbody")}


def test_json_ld_fields_are_read() -> None:
    page = f"<html><head><title>x</title><script type='application/ld+json'>{JSON_LD}</script>" \
           "</head><body><p>Text.</p></body></html>"
    md = _ours(page)
    assert md.title == "Café owners meet the mayor & the council"
    assert md.author is not None and "Ana Lima" in md.author


@given(st.text(alphabet='"\\ \t\nab{}:,<>', max_size=60))
def test_json_minify_is_trafilaturas(text: str) -> None:
    from trafilatura.metadata import JSON_MINIFY

    from newscheck.intake.pagescan import _JSON_TOKENS

    assert "".join(filter(None, _JSON_TOKENS.split(text))) == JSON_MINIFY.sub(r"\1", text)
