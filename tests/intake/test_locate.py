"""A str source: a file name is read, a missing path-looking name is an error, a URL gets a clear
message, anything else is the article; text=/html= take content without guessing."""

from __future__ import annotations

from pathlib import Path

import pytest

from newscheck.errors import FetchFailed, InputNotFound, MalformedInput
from newscheck.intake import extract
from newscheck.intake.locate import looks_like_path

BODY = ("Japanese Prime Minister Fumio Kishida met South Korean President Yoon Suk-yeol in Seoul "
        "on Sunday.\n\nThe two leaders discussed North Korea.\n")


def test_a_one_line_str_naming_a_file_is_read(tmp_path: Path) -> None:
    p = tmp_path / "article.txt"
    p.write_text(BODY, encoding="utf-8")
    article = extract(str(p))
    assert "Fumio Kishida" in article.text
    assert article.source == str(p)


def test_a_relative_file_name_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "article.html").write_text(f"<html><body><p>{BODY}</p></body></html>",
                                           encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert "Fumio Kishida" in extract("article.html").text


@pytest.mark.parametrize("name", ["article.html", "./news/today.txt", "/no/such/page.htm",
                                  "~/missing/article", "report.txt.gz"])
def test_a_missing_path_looking_str_is_not_checked_as_text(name: str, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InputNotFound, match="no such file"):
        extract(name)


@pytest.mark.parametrize("text", [
    "Japanese Prime Minister Fumio Kishida met Yoon Suk-yeol.",
    "Kishida met Yoon on May 7, 2023.",
    BODY,
])
def test_content_is_content(text: str) -> None:
    assert not looks_like_path(text)
    assert extract(text).text.strip()


def test_text_and_html_keywords_take_content() -> None:
    assert extract(text="article.html").text == "article.html"      # asked for: no guessing
    html = extract(html="<html><body><article><p>" + BODY + "</p></article></body></html>")
    assert html.input_format == "html" and "Fumio Kishida" in html.text
    assert extract(text="<p>kept as text</p>").input_format == "text"


def test_exactly_one_source() -> None:
    with pytest.raises(MalformedInput, match="exactly one"):
        extract("a.txt", text="x")
    with pytest.raises(MalformedInput, match="no article"):
        extract()


@pytest.mark.parametrize("url", ["https://no-such-host.invalid/news/1", "http://no-such.invalid"])
def test_a_url_is_fetched_not_read_as_a_path(url: str) -> None:
    """A URL goes to intake/fetch.py (tests/intake/test_fetch.py); offline it says so."""
    with pytest.raises(FetchFailed, match="offline"):
        extract(url)
