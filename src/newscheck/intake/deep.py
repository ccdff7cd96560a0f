"""HTML nested deeper than libxml2's limit (255 levels), flattened instead of lost.

:func:`parse` is trafilatura's ``load_html`` with a faster element class lookup (see
:func:`_new_parser`).

libxml2 stops descending at depth 255 unless ``huge_tree`` is set: whatever lies deeper is
dropped silently, so a page whose body sits inside 300 ``<div>`` wrappers had "no article text"
(exit 8). :func:`load` parses as trafilatura does; when libxml2 reports that it stopped there
(:func:`_cut_short`) it parses again with ``huge_tree`` (the input is already bounded by
``--max-bytes``) and removes the wrapper tags (``div``, ``span``, …; their text and children
stay) below :data:`FLAT_DEPTH`, so the extraction sees the whole body at a depth it handles. Past
2,048 levels (libxml2's limit even then) the page is refused with that reason.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from typing import Any

from ..errors import NoArticleText
from .decode import SCAN_MARKS, without_marks  # noqa: F401  (SCAN_MARKS: tests)

LIBXML2_DEPTH = 255
HUGE_DEPTH = 2048      # libxml2's limit with huge_tree
FLAT_DEPTH = 100
WRAPPERS = frozenset({"div", "span", "section", "article", "main", "aside", "font", "center",
                      "b", "i", "u", "em", "strong", "small", "big", "blockquote", "header",
                      "footer", "figure", "ul", "ol", "li", "table", "tbody", "tr", "td"})


def max_depth(tree: Any) -> int:
    from lxml import etree

    depth = best = 0
    for event, _ in etree.iterwalk(tree, events=("start", "end")):
        depth += 1 if event == "start" else -1
        best = max(best, depth)
    return best


@lru_cache(maxsize=4)
def _at_depth(depth: int) -> Any:
    """An XPath telling whether an element sits ``depth`` levels down (the root element is
    level 1): evaluated in C, ~4× faster than walking the tree in Python."""
    from lxml import etree

    return etree.XPath("boolean(" + "/".join(["*"] * (depth - 1)) + ")")


def reaches(tree: Any, depth: int) -> bool:
    """``max_depth(tree) >= depth``, without walking every node in Python."""
    return depth <= 1 or bool(_at_depth(depth)(tree))


_LOCAL = threading.local()


def _parser() -> Any:
    """:func:`_new_parser` for this thread (lxml parsers are not to be shared across threads)."""
    parser = getattr(_LOCAL, "parser", None)
    if parser is None:
        parser = _LOCAL.parser = _new_parser()
    return parser


def _new_parser() -> Any:
    """trafilatura's HTML parser (same options), with lxml's element class lookup done in C.

    lxml.html's parser picks each element's Python class with a Python method, called for every
    element object created; trafilatura creates ~1,500 per page. The classes it picks beyond
    ``HtmlElement`` (form and input elements) are used by neither trafilatura nor htmldate:
    ``tests/intake/test_deep.py`` checks that extraction gives the same text, and
    ``benchmarks/extraction.py`` measures trafilatura on both parses (~4 % faster on this one).
    """
    from lxml import etree
    from lxml import html as lxml_html

    parser = etree.HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8",
                              remove_comments=True, remove_pis=True)
    parser.set_element_class_lookup(etree.ElementDefaultClassLookup(
        element=lxml_html.HtmlElement, comment=lxml_html.HtmlComment,
        pi=lxml_html.HtmlProcessingInstruction, entity=lxml_html.HtmlEntity))
    return parser


def parse(html: str, *, clean: bool = False) -> Any:
    """``trafilatura.utils.load_html`` on decoded HTML (the same repairs, fallbacks and refusal),
    with :func:`_parser`. ``None`` when it is not HTML.

    ``clean``: ``html`` is known to hold none of the characters XML forbids (decoding checked the
    bytes, :func:`.decode.decode_checked`), so trafilatura's removal of them, a regex over the
    whole page that cost ~7 % of its call, is skipped; its other repairs are made as it makes
    them."""
    from lxml.html import fromstring
    from trafilatura.utils import DOCTYPE_TAG, FAULTY_HTML, INVALID_XML_CHARS, is_dubious_html

    beginning = html[:50].lower()
    dubious = is_dubious_html(beginning)
    # trafilatura's repair_faulty_html
    if not clean:       # (clean: decoding found none of these, nor a scan mark)
        html = without_marks(INVALID_XML_CHARS.sub("", html))
    if "doctype" in beginning:          # libxml2/lxml issue, bugs.launchpad.net/lxml/+bug/1955915
        firstline, newline, rest = html.partition("\n")
        if not newline or DOCTYPE_TAG.search(firstline):    # (else the page is left as it is)
            html = DOCTYPE_TAG.sub("", firstline, count=1) + "\n" + rest
    for line in html[:4096].splitlines()[:4]:       # a self-closing <html/> in the first lines
        if "<html" in line and line.endswith("/>"):
            html = FAULTY_HTML.sub(r"\1>", html, count=1)
            break
    tree, fallback = None, False
    try:
        tree = fromstring(html, parser=_parser())
    except ValueError:              # "Unicode strings with encoding declaration are not supported"
        tree, fallback = _parse_bytes(html), True
    except Exception:               # as trafilatura: a parser failure means no tree
        tree = None
    if (tree is None or len(tree) < 1) and not fallback:
        tree = _parse_bytes(html)   # trafilatura's second pass: the parser given bytes
    if tree is not None and dubious and len(tree) < 2:
        tree = None                 # not (well-formed) HTML at all
    return tree


def _parse_bytes(html: str) -> Any:
    from lxml.html import fromstring

    try:
        return fromstring(html.encode("utf8", "surrogatepass"), parser=_parser())
    except Exception:
        return None


def load(html: str, *, clean: bool = False) -> Any:
    """The page's tree (``None`` if unparseable), deep nesting flattened (see the module);
    ``clean`` as in :func:`parse`."""
    tree = parse(html, clean=clean)
    if tree is None or not _cut_short(tree):
        return tree
    from lxml import etree
    from lxml import html as lxml_html

    html = without_marks(html)      # as parse() does
    try:
        deep = lxml_html.document_fromstring(
            html, parser=lxml_html.HTMLParser(huge_tree=True, remove_comments=True))
    except (etree.ParserError, ValueError):
        return tree
    if max_depth(deep) >= HUGE_DEPTH - 1:
        raise NoArticleText(f"the HTML page nests its elements more than {HUGE_DEPTH:,} levels "
                            "deep, past what the HTML parser reads: the text below is lost",
                            "give the article's text as plain text")
    flatten(deep)
    return deep


# The libxml2 version from which its "Excessive depth in document" report was checked (tests in
# tests/test_hostile.py); with an older one the tree's depth is tested instead.
REPORTS_DEPTH_FROM = (2, 14)


def _cut_short(tree: Any) -> bool:
    """Did the parse of ``tree`` (just made by :func:`parse` in this thread) stop at libxml2's
    depth limit? libxml2 says so in the parser's error log: reading that costs nothing, while
    testing the tree's depth (:func:`reaches`) took ~2 % of the trafilatura call."""
    from lxml import etree

    if etree.LIBXML_VERSION < REPORTS_DEPTH_FROM:
        return reaches(tree, LIBXML2_DEPTH - 1)
    limit = getattr(etree.ErrorTypes, "ERR_RESOURCE_LIMIT", None)
    return any(e.type == limit or "Excessive depth" in e.message for e in _parser().error_log)


def flatten(tree: Any, limit: int = FLAT_DEPTH) -> None:
    """Drop the wrapper tags nested deeper than ``limit`` (deepest first), keeping content."""
    from lxml import etree

    depth = 0
    deep: list[Any] = []
    for event, el in etree.iterwalk(tree, events=("start", "end")):
        if event == "start":
            depth += 1
            if depth > limit and isinstance(el.tag, str) and el.tag in WRAPPERS:
                deep.append(el)
        else:
            depth -= 1
    for el in reversed(deep):
        el.drop_tag()
