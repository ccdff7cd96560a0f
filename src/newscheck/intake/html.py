"""HTML → article body and metadata, with trafilatura (body, metadata) and htmldate (date).

Stages (``extract_html``):

1. parse once (``trafilatura.utils.load_html``); the same tree serves every later stage;
2. body: ``trafilatura.bare_extraction`` in :data:`BODY_MODE` (recall + fast) without
   comments; when that leaves less than :data:`MIN_BODY_CHARS` the full balanced mode is tried
   too and the longer text kept;
3. one pass over the page in C (:func:`.pagescan.scan`) collects captions (``<figcaption>``
   texts and caption/credit elements inside ``<figure>``: they become credits, and body lines
   repeating them move to credits), ``<h1>`` headlines, JSON-LD and the page's text blocks;
4. metadata: trafilatura's cheap parts (meta tags, JSON-LD, ``<title>``, canonical URL, site
   name) and ``<html lang>``; the costly author search in the body is skipped;
5. date: htmldate without its extensive text search, which is only run when the quick one finds
   nothing (it is ~20× slower and agreed with the quick one on every benchmark page that has both);
6. the body lines go through the shared debris filter (:mod:`.debris`); the page's text blocks
   that are not in the body are listed as removed too (:func:`.pagescan.dropped_blocks`).

The page reaches this module decoded but not normalised (NFC, newlines: doing it on the whole
page costs as much as the rest of decoding): every text taken from it is normalised here instead.

trafilatura and htmldate are imported inside the functions: importing them costs ~0.2 s.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .. import rx
from ..errors import NoArticleText
from .debris import sort_lines
from .decode import normalise
from .pagescan import Scan, dropped_blocks, head_only, key, meta_json, scan


@dataclass(frozen=True, slots=True)
class Mode:
    """trafilatura's extraction mode (its ``favor_precision``, ``favor_recall``, ``fast``)."""

    precision: bool = False
    recall: bool = False
    fast: bool = False


# trafilatura's mode for the body. Measured on the benchmark (F1 after the debris filter; speed
# relative to trafilatura's defaults): recall+fast 0.974 at ~1.25x, precision 0.974 at ~0.8x,
# balanced+fast 0.971, balanced 0.968. Recall mode keeps more debris, which the filter removes.
BODY_MODE = Mode(recall=True, fast=True)
# Below this many characters the body may have been lost: try the full balanced mode too.
MIN_BODY_CHARS = 300
FALLBACK_MODE = Mode()
# Captions longer than this are not captions (a figure wrapping a whole text block).
MAX_CAPTION_CHARS = 400
# The first <h1> elements are headline candidates (several: a site logo is sometimes an <h1>).
MAX_HEADLINES = 3
_SPACE = rx.compile(r"\s+")
for _name in ("trafilatura", "htmldate", "courlan"):
    # library warnings ("discarding data") would reach stderr through logging's last resort
    logging.getLogger(_name).addHandler(logging.NullHandler())


@dataclass(slots=True)
class Page:
    """What the HTML path found: body lines sorted, and the page's metadata."""

    kept: list[str]
    removed: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    title: str | None = None
    author: str | None = None
    sitename: str | None = None
    url: str | None = None
    language: str | None = None
    published: date | None = None


def _body(tree: Any) -> str:
    from trafilatura import bare_extraction

    def run(mode: Mode) -> str:
        doc = bare_extraction(tree, include_comments=False, include_tables=True,
                              with_metadata=False, favor_precision=mode.precision,
                              favor_recall=mode.recall, fast=mode.fast)
        return (getattr(doc, "text", None) or "") if doc is not None else ""

    text = run(BODY_MODE)
    if len(text) < MIN_BODY_CHARS:
        fallback = run(FALLBACK_MODE)
        if len(fallback) > len(text):
            text = fallback
    return text


def _captions(found: Scan) -> list[str]:
    out: list[str] = []
    seen: set[str] = set()
    for text in found.captions:
        if text and len(text) <= MAX_CAPTION_CHARS and text not in seen:
            seen.add(text)
            out.append(text)
    return out


def _language(tree: Any) -> str | None:
    lang = tree.get("lang") or tree.get("xml:lang")
    if not lang:
        for meta in tree.xpath("//meta[@http-equiv='content-language' or "
                               "@property='og:locale'][@content]"):
            lang = meta.get("content")
            break
    if not lang:
        return None
    primary = re.split(r"[-_]", lang.strip())[0].lower()
    return primary if primary.isalpha() and 2 <= len(primary) <= 3 else None


def _metadata(tree: Any, found: Scan, page: Page) -> None:
    try:
        from trafilatura.metadata import examine_meta, extract_sitename, extract_title, extract_url

        with head_only(tree) as head:
            md = meta_json(found.json_ld, examine_meta(head))
        page.title = normalise((md.title or extract_title(tree) or "").strip()) or None
        page.author = normalise(md.author) if md.author and " " in md.author.strip() else None
        page.url = md.url or extract_url(tree, None)
        page.sitename = normalise((md.sitename or extract_sitename(tree) or "").lstrip("@")) or None
    except Exception:  # trafilatura internals: metadata is a bonus, never fatal
        title = tree.findtext(".//title")
        page.title = normalise(_SPACE.sub(" ", title).strip()) if title else None
    page.language = _language(tree)


def _page_date(tree: Any, url: str | None) -> date | None:
    from htmldate import find_date

    found = None
    for extensive in (False, True):
        try:
            found = find_date(tree, extensive_search=extensive, original_date=True, url=url)
        except Exception:  # a date is a bonus; a bad one must not stop intake
            found = None
        if found:
            break
    if not found:
        return None
    try:
        return date.fromisoformat(found[:10])
    except ValueError:
        return None


def extract_html(html: str, *, clean: bool = False) -> Page:
    """Run the HTML stages on decoded HTML. Raises :class:`NoArticleText` if no body is found.

    ``clean``: ``html`` is known to hold no character XML forbids (see :func:`.deep.parse`)."""
    from .deep import load

    # 1. parse (nesting past libxml2's 255 levels flattened, not lost)
    tree = load(html, clean=clean)
    if tree is None:
        raise _no_text()
    # 2. body (trafilatura copies the tree before it prunes it)
    body = normalise(_body(tree))
    # 3. captions, headlines, JSON-LD and the blocks of the page: one pass
    found = scan(tree)
    captions = _captions(found)
    # 4. metadata, 5. date
    page = Page(kept=[])
    _metadata(tree, found, page)
    page.published = _page_date(tree, page.url)
    # 6. debris
    headlines = [h for h in found.headlines if h][:MAX_HEADLINES]
    sorted_lines = sort_lines(body.split("\n"), titles=[page.title, *headlines])
    page.credits = list(captions)
    caption_keys = {key(c) for c in captions}
    # a caption trafilatura kept in the body goes
    page.kept = [line for line in sorted_lines.kept if key(line) not in caption_keys] \
        if caption_keys else sorted_lines.kept
    page.removed = sorted_lines.removed
    page.removed.extend(dropped_blocks(found.blocks, page.kept,
                                        [*page.removed, *captions, *sorted_lines.credits]))
    for credit in sorted_lines.credits:
        if key(credit) not in caption_keys:
            page.credits.append(credit)
    if not page.kept:
        raise _no_text()
    return page


def _no_text() -> NoArticleText:
    return NoArticleText("no article text was found in the HTML page (only navigation, "
                         "boilerplate or nothing at all)",
                         "give the page of one article, or paste its text as plain text")
