"""HTML versus text is decided by the content, never by the file name."""

from __future__ import annotations

from pathlib import Path

import pytest

from newscheck.intake import extract
from newscheck.intake.detect import binary_kind, looks_like_html

from .conftest import BODY, html_page


@pytest.mark.parametrize(("text", "expected"), [
    ("<!DOCTYPE html><html><body><p>x</p></body></html>", True),
    ("  \n<html lang='en'><p>hello</p></html>", True),
    ("<div><p>One</p><p>Two</p></div>", True),
    ("<?xml version='1.0'?>\n<html xmlns='http://www.w3.org/1999/xhtml'><body/></html>", True),
    ("Plain text about HTML: the <p> tag starts a paragraph.", False),
    ("Prices rose 3% in May, while costs fell < 1% and wages > 2%.", False),
])
def test_looks_like_html(text: str, expected: bool) -> None:
    assert looks_like_html(text) is expected


def test_html_in_a_txt_file(tmp_path: Path) -> None:
    p = tmp_path / "article.txt"
    p.write_text(html_page(""), encoding="utf-8")
    article = extract(p)
    assert article.input_format == "html"
    assert article.source == str(p)


def test_text_in_an_html_file(tmp_path: Path) -> None:
    p = tmp_path / "article.html"
    p.write_text(f"Library opens\n\n{BODY}\n", encoding="utf-8")
    article = extract(p)
    assert article.input_format == "text"
    assert article.title == "Library opens"


def test_plain_text_is_not_binary() -> None:
    assert binary_kind(b"MZ is how this text starts, without NUL bytes") is None
    assert binary_kind(b"GIF89a\x01\x00") == "a GIF image"
