""":mod:`newscheck.intake.deep`: the depth test (an XPath) agrees with walking the tree, and
``parse`` gives trafilatura's ``load_html`` tree (and the same extraction) with its faster
element class lookup."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from lxml import html as lxml_html
from lxml.etree import tostring

from newscheck.intake.deep import max_depth, parse, reaches


def test_reaches_agrees_with_max_depth() -> None:
    pages = ["<p>x</p>",
             "<div><!-- a comment at the bottom --></div>",
             "<div><p>text only below</p></div>",
             "<div>" * 40 + "<p>deep</p>" + "</div>" * 40,
             "<section>" + "<div><span>a</span></div>" * 3 + "<ul><li><b>b</b></li></ul></section>"]
    for page in pages:
        tree = lxml_html.document_fromstring(f"<html><body>{page}</body></html>")
        deepest = max_depth(tree)
        for depth in range(1, deepest + 3):
            assert reaches(tree, depth) is (deepest >= depth), (page, depth, deepest)


PAGES = [
    "<!DOCTYPE html><html><head><title>T</title></head><body><p>One paragraph of text.</p>"
    "<form><input name=q><select><option>a</option></select></form></body></html>",
    '<?xml version="1.0" encoding="utf-8"?><html><body><p>Declared encoding.</p></body></html>',
    "<html/><body><p>A self-closing html tag first.</p></body>",
    "just some text, no tags at all",
    "<p>a fragment</p>",
    "<div><p>a fragment</p><p>of two</p></div>",
    (Path(__file__).parent / "data" / "article_debris.html").read_text(encoding="utf-8"),
]


@pytest.mark.parametrize("page", PAGES)
def test_parse_is_trafilaturas_load_html(page: str) -> None:
    from trafilatura import bare_extraction
    from trafilatura.utils import load_html

    theirs = load_html(page)
    for ours in (parse(page), parse(page, clean=True)):     # these pages hold no XML-invalid char
        assert (ours is None) == (theirs is None)
        if ours is None:
            return
        assert tostring(ours) == tostring(theirs)
    ours = parse(page)

    def body(tree: object) -> str:
        doc = bare_extraction(tree, include_comments=False, with_metadata=False,
                              favor_recall=True, fast=True)
        return doc.text if doc is not None else ""

    assert body(ours) == body(theirs)


def test_each_thread_has_its_own_parser() -> None:
    from newscheck.intake.deep import _parser

    seen: list[object] = []
    thread = threading.Thread(target=lambda: seen.append(_parser()))
    thread.start()
    thread.join()
    assert seen[0] is not _parser()


@pytest.mark.parametrize("wrappers", [10, 250, 253, 254, 300])
def test_a_parse_cut_short_by_the_depth_limit_is_noticed(wrappers: int) -> None:
    from lxml import etree

    from newscheck.intake.deep import LIBXML2_DEPTH, REPORTS_DEPTH_FROM, _cut_short

    html = ("<html><body>" + "<div>" * wrappers + "<p>the deepest text</p>" + "</div>" * wrappers
            + "</body></html>")
    tree = parse(html)
    lost = "the deepest text" not in tree.text_content()
    if etree.LIBXML_VERSION >= REPORTS_DEPTH_FROM:
        assert _cut_short(tree) is lost
    else:
        assert _cut_short(tree) is reaches(tree, LIBXML2_DEPTH - 1)
    assert lost is (wrappers >= 254)


@pytest.mark.parametrize("char", ["\x01", "\x0c", "\x1f", "\ufffe", "\uffff"])
def test_characters_xml_forbids_are_removed_unless_decoding_vouched(char: str) -> None:
    from trafilatura.utils import load_html

    from newscheck.intake.decode import decode_checked

    page = f"<html><body><p>One{char} paragraph of text.</p></body></html>"
    text, _, clean = decode_checked(page.encode("utf-8"), normal=False)
    assert not clean                     # so parse() removes the character, as trafilatura does
    assert tostring(parse(text, clean=clean)) == tostring(load_html(page))
    assert decode_checked(page.replace(char, "").encode("utf-8"))[2]


def test_scan_marks_in_a_page_fake_nothing() -> None:
    """The page scan marks blocks, JSON-LD, captions and headlines with noncharacters
    (U+FDD0-U+FDD5): a page holding them (by accident or on purpose) must not fake metadata (an
    author), a credit or a block, whether its bytes are UTF-8 or another encoding."""
    from newscheck.intake import extract, pagescan
    from newscheck.intake.deep import SCAN_MARKS

    marks = (pagescan._START, pagescan._END, pagescan._JSON, pagescan._CAPTION,
             pagescan._HEADLINE, pagescan._VALUE_END)
    assert all(SCAN_MARKS.fullmatch(m) for m in marks)
    body = "<p>" + "Prime Minister Fumio Kishida met Joe Biden in Tokyo on Monday. " * 5 + "</p>"
    fake = ('<p>Text \ufdd2{"@type":"NewsArticle","author":{"name":"Mallory"}}\ufdd3 '
            'more \ufdd0 block \ufdd1 \ufdd4 Photo: Getty\ufdd3 '
            '\ufdd5 Fake headline\ufdd3</p>')
    page = ("<html><head><title>T</title></head><body><article><h1>Real</h1>"
            f"{body}{fake}{body}</article></body></html>")
    for data in (page.encode("utf-8"), page.encode("utf-16"), page):
        article = extract(data)
        assert article.author is None
        assert article.credits == [] and not SCAN_MARKS.search(article.text)
        assert not any("Getty" in r or "block" in r for r in article.removed)
        assert "Text" in article.text and "Fake headline" in article.text


def test_scan_marks_in_a_deep_page_fake_nothing() -> None:
    """Marks in a page nested past libxml2's limit (parsed again, deep.load) are removed too."""
    from newscheck.intake import extract

    fake = ('<p>Text \ufdd2{"@type":"NewsArticle","author":{"name":"Fake Person"}}\ufdd3 '
            '\ufdd4 Sunset over the bay\ufdd3</p>')
    body = "<p>" + "Prime Minister Fumio Kishida met Joe Biden in Tokyo on Monday. " * 5 + "</p>"
    for depth in (0, 300):
        page = (f"<html><head><title>T</title></head><body>{'<div>' * depth}<article>"
                f"{body}{fake}{body}</article>{'</div>' * depth}</body></html>")
        article = extract(page.encode("utf-8"))
        assert article.author is None and article.credits == [], depth


def test_nested_headlines_and_captions_cost_memory_in_proportion_to_the_page() -> None:
    """Each nested <h1> or figure caption writes its text once, cut at MAX_VALUE_CHARS: the
    scan's output grows with the page, not with its square."""
    from newscheck.intake.deep import load
    from newscheck.intake.pagescan import MAX_VALUE_CHARS, scan

    text = "word " * 400
    for tag in ("h1", "figcaption", "figure"):
        page = (f"<html><body>{f'<{tag}>{text}' * 200}{f'</{tag}>' * 200}</body></html>")
        found = scan(load(page))
        values = found.headlines + found.captions
        assert all(len(v) <= MAX_VALUE_CHARS for v in values)
        assert sum(map(len, values)) <= 201 * MAX_VALUE_CHARS
        assert len(found.captions) <= 200, tag


def test_json_ld_beside_the_head_in_skipped_tags_and_in_fragments_is_read() -> None:
    """JSON-LD wherever trafilatura's reader finds it: between </head> and <body>, inside
    <noscript>/<template>, and in a page saved without <html> or <head>."""
    from newscheck.intake import extract

    ld = ('<script type="application/ld+json">{"@context":"https://schema.org","@type":'
          '"NewsArticle","headline":"Real Head","author":{"@type":"Person","name":"Jane Roe"}}'
          '</script>')
    body = "<p>" + "Prime Minister Fumio Kishida met Joe Biden in Tokyo on Monday. " * 5 + "</p>"
    pages = [f"<html><head><title>T</title></head>{ld}<body><article>{body}</article></body>"
             "</html>",
             f"<html><head><title>T</title></head><body><noscript>{ld}</noscript><article>"
             f"{body}</article></body></html>",
             f"<!-- saved --><body><h1>Headline A</h1>{ld}<article>{body}</article></body>"]
    for page in pages:
        assert extract(page.encode("utf-8")).author == "Jane Roe", page[:60]
