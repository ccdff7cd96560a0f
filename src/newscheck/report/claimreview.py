"""``--format claimreview``: schema.org ClaimReview JSON-LD, one review per decided claim.

The output is a JSON array; each element is a complete JSON-LD document (its own ``@context``),
so any element can be embedded alone in a ``<script type="application/ld+json">`` block.

Only ``supported`` and ``refuted`` claims are emitted: ClaimReview states a rating of a claim, and
"not enough evidence" is the absence of one — publishing it as a rating (for instance a middle
value of 3) would read as "half true". A report with no decided claim gives ``[]``.

Rating scale: ``ratingValue`` 5 ("True") for supported, 1 ("False") for refuted, on a
``worstRating`` 1 .. ``bestRating`` 5 scale, with ``alternateName`` as the textual rating.
"""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

from .. import rx
from ..model import Claim, Report
from .common import safe_url, verdict_of

REVIEWER: dict[str, str] = {"@type": "Organization", "name": "newscheck"}
RATINGS: dict[str, tuple[int, str]] = {"supported": (5, "True"), "refuted": (1, "False")}
BEST_RATING, WORST_RATING = 5, 1
_SCRIPT_SAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"}

# Bylines that name an organisation rather than a person ("Reuters", "AP Staff", "BBC News").
_ORG_BYLINE = rx.compile(
    r"\b(news|staff|desk|agency|press|reuters|afp|associated|bbc|times|post|tribune|herald|"
    r"journal|media|editorial|team|newsroom|service|wire|dpa|ansa|efe|xinhua|kyodo|tass)\b",
    re.IGNORECASE,
)


def claim_author(author: str | None, sitename: str | None = None) -> dict[str, str] | None:
    """The article's byline as a schema.org Person or Organization; None when unknown."""
    name = " ".join((author or "").split())
    if not name:
        return None
    is_org = (sitename is not None and name.casefold() == sitename.strip().casefold()) \
        or bool(_ORG_BYLINE.search(name))
    return {"@type": "Organization" if is_org else "Person", "name": name}


def claim_reviews(report: Report, *, date_published: date | None = None) -> list[dict[str, Any]]:
    """ClaimReview objects for the report's supported and refuted claims, in report order.

    ``date_published`` is the date of the review (the report's generation); today by default.
    """
    reviewed_on = (date_published or date.today()).isoformat()
    art = report.article
    appearance: dict[str, Any] = {"@type": "CreativeWork"}
    url = safe_url(art.url) or safe_url(art.source)
    if url:
        appearance["url"] = url
    if art.title:
        appearance["headline"] = art.title
    if art.published:
        appearance["datePublished"] = art.published.isoformat()
    author = claim_author(art.author, art.sitename)
    return [_review(c, appearance, author, reviewed_on) for c in report.claims
            if verdict_of(c).label in RATINGS]


def _review(claim: Claim, appearance: dict[str, Any], author: dict[str, str] | None,
            reviewed_on: str) -> dict[str, Any]:
    v = verdict_of(claim)
    value, name = RATINGS[v.label]
    item: dict[str, Any] = {"@type": "Claim"}
    if author is not None:
        item["author"] = dict(author)
    if "datePublished" in appearance:
        item["datePublished"] = appearance["datePublished"]
    if len(appearance) > 1:  # more than the bare @type
        item["appearance"] = dict(appearance)
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": claim.text,
        "itemReviewed": item,
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": value,
            "bestRating": BEST_RATING,
            "worstRating": WORST_RATING,
            "alternateName": name,
        },
        "author": dict(REVIEWER),
        "datePublished": reviewed_on,
        "reviewBody": v.explanation,
    }


def render_claimreview(report: Report, *, date_published: date | None = None) -> str:
    """The ClaimReview array as pretty-printed JSON.

    ``<``, ``>`` and ``&`` are written as ``\\u003c``-style escapes (still the same JSON), so the
    output can be pasted into an HTML ``<script type="application/ld+json">`` block even when a
    claim contains ``</script>``.
    """
    reviews = claim_reviews(report, date_published=date_published)
    text = json.dumps(reviews, ensure_ascii=False, indent=2)
    for char, escape in _SCRIPT_SAFE.items():
        text = text.replace(char, escape)
    return text + "\n"
