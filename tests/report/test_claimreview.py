"""--format claimreview: schema.org ClaimReview JSON-LD for supported and refuted claims."""

from __future__ import annotations

import json
from datetime import date

import pytest

from newscheck.report import render
from newscheck.report.claimreview import claim_author, claim_reviews, render_claimreview
from tests.report.samples import JS_URL, empty_report, hostile_report, sample_report

ON = date(2024, 5, 1)


def test_one_review_per_decided_claim_in_order() -> None:
    reviews = claim_reviews(sample_report(), date_published=ON)
    assert [r["claimReviewed"] for r in reviews] == [
        "Foreign Minister Sergey Lavrov", "U.S. Secretary of State Antony Blinken",
        "Prime Minister Boris Johnson", "then-Foreign Minister Lavrov"]


def test_structure_of_a_refutation() -> None:
    review = json.loads(render_claimreview(sample_report(), date_published=ON))[2]
    assert review == {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": "Prime Minister Boris Johnson",
        "itemReviewed": {
            "@type": "Claim",
            "author": {"@type": "Person", "name": "Jane Reporter"},
            "datePublished": "2023-03-02",
            "appearance": {
                "@type": "CreativeWork",
                "url": "https://news.example.com/2023/03/02/lavrov-blinken",
                "headline": "Lavrov meets Blinken | talks *resume* in [Delhi]",
                "datePublished": "2023-03-02",
            },
        },
        "reviewRating": {"@type": "Rating", "ratingValue": 1, "bestRating": 5,
                         "worstRating": 1, "alternateName": "False"},
        "author": {"@type": "Organization", "name": "newscheck"},
        "datePublished": "2024-05-01",
        "reviewBody": "Boris Johnson was Prime Minister of the United Kingdom from 2019-07-24 "
                      "to 2022-09-06; on 2023-03-02 it was Rishi Sunak.",
    }


def test_supported_is_rated_true() -> None:
    review = claim_reviews(sample_report(), date_published=ON)[0]
    assert review["reviewRating"]["ratingValue"] == 5
    assert review["reviewRating"]["alternateName"] == "True"


def test_not_enough_evidence_is_not_emitted() -> None:
    report = sample_report()
    for c in report.claims:
        if c.verdict and c.verdict.label != "not_enough_evidence":
            c.verdict = None
    assert claim_reviews(report, date_published=ON) == []
    assert json.loads(render_claimreview(empty_report(), date_published=ON)) == []


def test_unknown_fields_are_omitted() -> None:
    report = sample_report()
    report.article.author = None
    report.article.published = None
    report.article.url = report.article.source = None
    report.article.title = None
    item = claim_reviews(report, date_published=ON)[0]["itemReviewed"]
    assert item == {"@type": "Claim"}


def test_review_date_defaults_to_today() -> None:
    assert claim_reviews(sample_report())[0]["datePublished"] == date.today().isoformat()
    assert json.loads(render(sample_report(), "claimreview"))


def test_hostile_content_is_safe_json_and_safe_to_embed() -> None:
    out = render_claimreview(hostile_report(), date_published=ON)
    assert "<" not in out and ">" not in out
    reviews = json.loads(out)
    assert reviews[0]["claimReviewed"].startswith("President <script>")
    assert "url" not in reviews[0]["itemReviewed"]["appearance"]  # javascript: URL dropped
    assert JS_URL not in json.dumps([r["itemReviewed"] for r in reviews])


@pytest.mark.parametrize(("author", "sitename", "kind"), [
    ("Jane Reporter", None, "Person"),
    ("Reuters", None, "Organization"),
    ("BBC News", None, "Organization"),
    ("Example Daily", "Example Daily", "Organization"),
    ("Staff writer", None, "Organization"),
])
def test_claim_author_type(author: str, sitename: str | None, kind: str) -> None:
    assert claim_author(author, sitename) == {"@type": kind, "name": author}


def test_claim_author_unknown() -> None:
    assert claim_author(None) is None
    assert claim_author("   ") is None
