"""The HTML path: body, metadata, debris and credits from a page with all the usual furniture."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from newscheck.intake import extract

from .conftest import BODY, BODY2, html_page


def test_article_with_debris(data_dir: Path) -> None:
    article = extract(data_dir / "article_debris.html")
    assert article.input_format == "html"
    assert article.title == "Harbour town opens new library after two years of work"
    assert article.author == "Mara Lindqvist"
    assert article.sitename == "The Northshore Gazette"
    assert article.url == "https://gazette.example/news/2023/05/07/harbour-library"
    assert article.language == "en"
    assert article.published == date(2023, 5, 7)
    assert article.published_basis == "page"
    assert article.source == str(data_dir / "article_debris.html")

    text = article.text
    assert text.startswith("The small harbour town of Eastwick opened its new public library")
    assert "schools in the area have already booked visits" in text
    for debris in ("Skip to content", "Share article", "cookies", "newsletter",
                   "Related articles", "Town council approves", "All rights reserved",
                   "Image source", "Imgae soruce", "Reuters", "Home"):
        assert debris not in text, debris
    assert "\n\n" in text and "\n\n\n" not in text

    assert any("Sign up for our morning newsletter" in r for r in article.removed)
    assert "Imgae soruce, Northshore Gazette archive" in article.credits
    assert "Photo: Jon Arnesen/Reuters" in article.credits
    assert any(c.startswith("Image source: Getty Images") for c in article.credits)


def test_published_option_overrides_the_page(data_dir: Path) -> None:
    article = extract(data_dir / "article_debris.html", published="2020-01-02")
    assert article.published == date(2020, 1, 2)
    assert article.published_basis == "option"
    article = extract(data_dir / "article_debris.html", published=date(2021, 3, 4))
    assert article.published == date(2021, 3, 4)


def test_page_without_date() -> None:
    article = extract(html_page(""))
    assert article.published is None
    assert article.published_basis == "none"
    assert BODY in article.text


def test_figcaption_goes_to_credits_not_text() -> None:
    page = html_page("<figure><img src='a.jpg'><figcaption>The reading room on opening day. "
                     "Photo: Jane Doe</figcaption></figure>")
    article = extract(page)
    assert "reading room on opening day" not in article.text
    assert "The reading room on opening day. Photo: Jane Doe" in article.credits


def test_debris_paragraphs_inside_the_body() -> None:
    page = html_page("<p>Share this article</p><p>Advertisement</p><p>2 hours ago</p>"
                     "<p>Image caption, A crowd outside the library</p>"
                     "<p>Read more: Ferry timetable changes from June</p>")
    article = extract(page)
    assert article.text == f"{BODY}\n\n{BODY2}"
    assert "Image caption, A crowd outside the library" in article.credits


def test_bytes_and_str_give_the_same_article(data_dir: Path) -> None:
    raw = (data_dir / "article_debris.html").read_bytes()
    a, b = extract(raw), extract(raw.decode("utf-8"))
    assert a.text == b.text and a.title == b.title and a.source is None
