"""The depth test of :mod:`newscheck.intake.deep` (an XPath) agrees with walking the tree."""

from __future__ import annotations

from lxml import html as lxml_html

from newscheck.intake.deep import max_depth, reaches


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
