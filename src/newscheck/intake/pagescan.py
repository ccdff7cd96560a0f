"""One pass over a parsed page in C, and the metadata readers that use it (the HTML path's
helpers: :mod:`.html` runs the stages).

Every element a Python loop visits in an lxml.html tree costs a proxy object and a Python class
lookup, and every XPath over the whole page rescans it: on the benchmark's pages such a scan
costs ~0.1 ms, about 2 % of the trafilatura call the intake wraps. :func:`scan` therefore walks
the page once, with an XSLT transform (libxslt), and returns:

- the text of every *leaf block* under ``<body>`` (a block element with no block inside it),
  from which the list of dropped page blocks is made (:func:`dropped_blocks`);
- the text of every JSON-LD ``<script>`` (in ``<head>``, and in ``<body>`` outside the
  :data:`SKIP_TAGS`), for :func:`meta_json`;
- the text of every caption (``<figcaption>``, and an element inside a ``<figure>`` whose class
  names a caption or credit) and of every ``<h1>``, outside the :data:`SKIP_TAGS`.

:func:`head_only` lets trafilatura's ``examine_meta`` see only the head of the page, and
:func:`meta_json` is trafilatura's ``extract_meta_json`` with its per-character and per-match
Python callbacks done in C; ``tests/intake/test_metadata.py`` checks both against trafilatura's
originals.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from .. import rx
from .decode import normalise

BLOCK_TAGS = frozenset({"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "td", "th",
                        "blockquote", "figcaption", "div", "section",
                        "header", "footer", "nav", "aside", "ul", "ol", "form", "table",
                        "article", "main", "figure", "pre", "address", "summary", "details"})
SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "head", "svg", "select"})
# How many dropped page blocks (menus, banners, teasers) ``Article.removed`` lists at most; a
# portal page has hundreds of menu entries, and the report must stay readable.
MAX_REMOVED_BLOCKS = 100
# A caption or headline longer than this (before white space is collapsed) is read only so far:
# captions over 400 characters are dropped anyway, and nested ones must not multiply the page.
MAX_VALUE_CHARS = 10_000
JSON_SCRIPT_TYPES = ("application/ld+json", "application/settings+json")

# Marks in the transform's output (Unicode noncharacters: reserved for a program's internal
# use, not text): around each block's text; and before a JSON-LD script's, a caption's or an
# ``<h1>``'s text, which end at _VALUE_END.
_START, _END = "\ufdd0", "\ufdd1"
_JSON, _CAPTION, _HEADLINE, _VALUE_END = "\ufdd2", "\ufdd4", "\ufdd5", "\ufdd3"
_LEAF = rx.compile(f"{_START}([^{_START}{_END}]*){_END}")
# A figure's captions: its <figcaption>s, and elements whose class names a caption or credit
# (not inside a <figcaption>).
_FIGURE_CAPTIONS = (".//figcaption | .//*[contains(@class, 'caption') or "
                    "contains(@class, 'Caption') or contains(@class, 'credit')]"
                    "[not(ancestor::figcaption)]")


@dataclass(frozen=True, slots=True)
class Scan:
    """What :func:`scan` found, in page order: leaf block texts (white space collapsed, not
    empty), JSON-LD script texts, caption texts and ``<h1>`` texts (white space collapsed)."""

    blocks: list[str]
    json_ld: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    headlines: list[str] = field(default_factory=list)


@lru_cache(maxsize=1)
def _transform() -> Any:
    """The XSLT transform of :func:`scan`, built on first use.

    A ``<figure>`` writes its captions (in page order) as it starts; a class-testing pattern
    matched against every element of the page made the pass ~1.5x slower."""
    from lxml import etree

    json_ld = f"script[@type='{JSON_SCRIPT_TYPES[0]}' or @type='{JSON_SCRIPT_TYPES[1]}']"
    # a caption's or a headline's text is cut at MAX_VALUE_CHARS, so nested ones cost memory
    # in proportion to the page, not its square (the page's own marks are taken out before the
    # parse: deep.parse)
    value = '<xsl:value-of select="."/>&#xFDD3;'
    short = f'<xsl:value-of select="substring(., 1, {MAX_VALUE_CHARS})"/>&#xFDD3;'
    block = '&#xFDD0;<xsl:apply-templates/>&#xFDD1;'
    skipped = "|".join(sorted(SKIP_TAGS - {"script", "style"}))
    return etree.XSLT(etree.XML(
        '<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
        '<xsl:output method="text" encoding="UTF-8"/>'
        # a page: JSON-LD in the head and beside it, then the body; a fragment (no <html>:
        # lxml gives its body or only element as the root): the root itself
        '<xsl:template match="/"><xsl:choose><xsl:when test="html">'
        f'<xsl:apply-templates select="html/head//{json_ld} | html/{json_ld}"/>'
        '<xsl:apply-templates select="(html/body)[1]"/></xsl:when>'
        '<xsl:otherwise><xsl:apply-templates select="*"/></xsl:otherwise></xsl:choose>'
        '</xsl:template>'
        '<xsl:template match="script|style"/>'
        f'<xsl:template match="{skipped}"><xsl:apply-templates select=".//{json_ld}"/>'
        '</xsl:template>'
        f'<xsl:template match="{json_ld}">&#xFDD2;{value}</xsl:template>'
        f'<xsl:template match="{"|".join(sorted(BLOCK_TAGS - {"h1", "figure"}))}">{block}'
        '</xsl:template>'
        f'<xsl:template match="h1">&#xFDD5;{short}{block}</xsl:template>'
        # the outermost figure writes the captions of all it holds, once
        f'<xsl:template match="figure[not(ancestor::figure)]"><xsl:for-each '
        f'select="{_FIGURE_CAPTIONS}">&#xFDD4;{short}</xsl:for-each>{block}</xsl:template>'
        f'<xsl:template match="figure">{block}</xsl:template>'
        f'<xsl:template match="figcaption[not(ancestor::figure)]">&#xFDD4;{short}{block}'
        '</xsl:template>'
        '</xsl:stylesheet>'))


def scan(tree: Any) -> Scan:
    """Leaf blocks, JSON-LD, captions and headlines of the page, in one pass (see the module)."""
    from lxml.etree import XSLTApplyError

    try:
        marked = normalise(str(_transform()(tree)))
    except XSLTApplyError:       # e.g. libxslt's recursion limit: these are all bonuses
        return Scan([])
    found = Scan([])
    if _VALUE_END in marked:
        # each value runs from its kind's mark to the end mark; the rest is put back together
        lists = {_JSON: found.json_ld, _CAPTION: found.captions, _HEADLINE: found.headlines}
        parts = marked.split(_VALUE_END)
        rest = []
        for part in parts[:-1]:
            start = max(part.rfind(_JSON), part.rfind(_CAPTION), part.rfind(_HEADLINE))
            if start < 0:
                rest.append(part)
                continue
            kind, text = part[start], part[start + 1:]
            lists[kind].append(text if kind == _JSON else " ".join(text.split()))
            rest.append(part[:start])
        rest.append(parts[-1])
        marked = "".join(rest)
    # white space collapsed in one go (the marks are not white space); a leaf block: a start
    # mark, then no other mark before its end mark
    found.blocks.extend(text for text in map(str.strip, _LEAF.findall(" ".join(marked.split())))
                        if text)
    return found


def dropped_blocks(blocks: list[str], kept: list[str], listed: list[str]) -> list[str]:
    """The page's text blocks that trafilatura left out of the body (navigation, banners,
    share bars, teaser lists), in page order, so the report lists what was removed.

    ``blocks``: :attr:`Scan.blocks`; one counts as dropped when it is not part of the kept
    body, nor already listed as removed or as a credit.
    """
    kept_key = key(" ".join(kept))
    in_body = frozenset(kept_key.split()).__contains__   # a block with a word the body lacks
    # is not in it; a block that is a whole kept line is, and is skipped without that test
    seen = {key(x) for x in listed} | {key(x) for x in kept}
    out: list[str] = []
    more = 0
    for text in blocks:
        lowered = text.lower()
        if lowered in seen:
            continue
        seen.add(lowered)
        if all(map(in_body, lowered.split())) and lowered in kept_key:
            continue
        if len(out) < MAX_REMOVED_BLOCKS:
            out.append(text)
        else:
            more += 1
    if more:
        out.append(f"… and {more} more blocks of page furniture")
    return out


def key(text: str) -> str:
    """``text`` compared loosely: white space collapsed, lower case."""
    return " ".join(text.split()).lower()


@contextmanager
def head_only(tree: Any) -> Iterator[Any]:
    """A tree holding only the page's ``<head>`` (moved there for the duration, then put back in
    its place, tail text and all, however the block ends): trafilatura's ``examine_meta`` reads
    only ``.//head/meta``, and that XPath then scans the head, not the whole page (libxml2 puts
    the one ``<head>`` under the root). The page has no head inside the block."""
    from lxml.html import Element

    head = tree.find("head")
    if head is None:
        yield tree
        return
    index = tree.index(head)
    holder = Element("html")
    holder.append(head)
    try:
        yield holder
    finally:
        tree.insert(index, head)


# Each JSON string, or one run of white space outside strings: trafilatura's JSON_MINIFY with
# runs and its string loop unrolled (the same result in fewer matches, ~3x faster).
_JSON_TOKENS = rx.compile(r'("[^"\\]*(?:\\.[^"\\]*)*")|\s+')
_SURROGATES = rx.compile("[\ud800-\udfff]")


def meta_json(texts: list[str], metadata: Any) -> Any:
    """trafilatura's ``extract_meta_json`` on the JSON-LD ``texts`` (:attr:`Scan.json_ld`),
    same result, ~3x faster."""
    import json
    from html import unescape

    from trafilatura.json_metadata import (
        JSON_UNICODE_REPLACE,
        extract_json,
        extract_json_parse_error,
    )
    from trafilatura.utils import HTML_STRIP_TAGS, trim

    for raw in texts:
        if not raw:
            continue
        # minify: white space outside strings goes (split() leaves None for those matches)
        text = "".join(filter(None, _JSON_TOKENS.split(raw)))
        if "\\" in text:                            # trafilatura's normalize_json
            text = text.replace("\\n", "").replace("\\r", "").replace("\\t", "")
            text = JSON_UNICODE_REPLACE.sub(lambda m: chr(int(m[1], 16)), text)
            text = unescape(_SURROGATES.sub("", text))
        text = trim(HTML_STRIP_TAGS.sub("", text))
        try:
            metadata = extract_json(json.loads(text, strict=False), metadata)
        except json.JSONDecodeError:
            metadata = extract_json_parse_error(text, metadata)
    return metadata
