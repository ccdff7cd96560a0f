"""Encodings: BOMs, UTF-16, the HTML charset declaration, 8-bit fallbacks, NFC and newlines."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from newscheck.intake import extract
from newscheck.intake.decode import declared_charset, decode

from .conftest import html_page

TEXT = ("Café owners in Zürich meet the mayor\n\n"
        "The café owners of Zürich met the mayor on Monday to discuss the new opening hours, "
        "which take effect in June, a spokesperson said.\n")


@pytest.mark.parametrize(("encoded", "name"), [
    (TEXT.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le"),
    (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be"),
    (TEXT.encode("utf-16-le"), "utf-16-le"),          # no BOM: recognised by its NUL bytes
    (TEXT.encode("cp1252"), "cp1252"),
])
def test_text_encodings(tmp_path: Path, encoded: bytes, name: str) -> None:
    text, encoding = decode(encoded)
    assert encoding == name
    assert text.startswith("Café owners in Zürich")
    p = tmp_path / "a.txt"
    p.write_bytes(encoded)
    article = extract(p)
    assert article.title == "Café owners in Zürich meet the mayor"
    assert "Zürich met the mayor" in article.text


def test_cp1252_punctuation() -> None:
    # mostly non-ASCII: charset-normalizer decides (cp1250 and cp1252 agree on these bytes)
    text, _encoding = decode("“Quoted” — it’s done…".encode("cp1252"))
    assert text == "“Quoted” — it’s done…"


@pytest.mark.parametrize("head", [
    '<meta charset="windows-1252">',
    '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">',
])
def test_html_declared_charset(head: str) -> None:
    page = html_page("<p>Les cafés de Zürich ouvrent à l'aube, même le dimanche matin, et "
                     "ferment tard le soir pendant tout l'été.</p>", head=head)
    data = page.encode("cp1252")
    assert declared_charset(data) in ("cp1252", "iso8859-1", "latin-1")
    article = extract(data)
    assert "Les cafés de Zürich ouvrent à l'aube" in article.text


def test_utf8_wins_over_a_wrong_declaration() -> None:
    page = html_page("<p>Zürich’s cafés open at dawn, even on Sundays, and close late in the "
                     "evening all summer long.</p>", head='<meta charset="iso-8859-1">')
    article = extract(page.encode("utf-8"))
    assert "Zürich’s cafés" in article.text


def test_nfc_normalisation() -> None:
    decomposed = "Cafe\u0301 owners meet\n\nThe cafe\u0301 owners met the mayor on Monday, " \
                 "officials said after the meeting in the town hall.\n"
    article = extract(decomposed)
    assert article.title == "Café owners meet"
    assert "café owners" in article.text
    assert "\u0301" not in article.text


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_newlines(newline: str) -> None:
    article = extract(TEXT.replace("\n", newline).encode("utf-8"))
    assert "\r" not in article.text
    assert article.title == "Café owners in Zürich meet the mayor"


def test_paragraphs_are_separated_by_blank_lines() -> None:
    article = extract("Title here\n\nFirst paragraph of the article, which ends here.\n"
                      "Second paragraph of the article, which also ends here.\n")
    assert article.text == ("First paragraph of the article, which ends here.\n\n"
                            "Second paragraph of the article, which also ends here.")


@pytest.mark.parametrize("encoded", [
    TEXT.encode("utf-8") + "é".encode()[:1],                          # UTF-8 cut mid-character
    "é€".encode() + TEXT.encode("utf-8") + "€".encode()[:2],
    codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le") + b"\x00",         # UTF-16 with odd length
    TEXT.encode("utf-16-le")[:-1],                                     # ... without a BOM
    codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be") + "😀".encode("utf-16-be")[:2],  # lone surrogate
])
def test_text_truncated_mid_character_keeps_everything_before(encoded: bytes) -> None:
    text, _ = decode(encoded)
    assert text.rstrip().endswith("a spokesperson said.")
    assert "\ufffd" not in text and "Ã" not in text


def test_invalid_bytes_inside_utf16_after_a_bom_are_still_refused() -> None:
    from newscheck.errors import UndecodableInput

    with pytest.raises(UndecodableInput):
        decode(codecs.BOM_UTF16_LE + "\ud800x".encode("utf-16-le", "surrogatepass") + b"ab")


def test_html_in_nfd_gives_nfc_text_title_and_debris() -> None:
    # the HTML path skips NFC on the whole page and normalises what it extracts
    page = html_page("<h1>Cafe\u0301 owners meet</h1><p>The cafe\u0301 owners met the mayor on "
                     "Monday, officials said after the meeting in the town hall of Zu\u0308rich."
                     "</p><figure><img src=a.jpg><figcaption>Cafe\u0301 terrace</figcaption>"
                     "</figure><p>The new opening hours take effect in June, a spokesperson "
                     "for the cafe\u0301 owners said on Monday evening.</p>"
                     "<nav><ul><li>Me\u0301te\u0301o</li></ul></nav>",
                     head="<title>Cafe\u0301 owners meet</title>")
    article = extract(page.encode("utf-8"))
    assert "café owners met" in article.text and "Zürich" in article.text
    assert article.title == "Café owners meet"
    assert "Café terrace" in article.credits
    assert "Météo" in article.removed
    fields = [article.text, article.title or "", *article.removed, *article.credits]
    assert not any("\u0301" in f or "\u0308" in f for f in fields)


@pytest.mark.parametrize("garbage", ["\x01", "\x85", "\ufffd"])
def test_utf8_full_of_control_characters_is_refused(garbage: str) -> None:
    from newscheck.errors import UndecodableInput

    with pytest.raises(UndecodableInput):
        decode(("word " + garbage * 3).encode("utf-8") * 200)
    text, _ = decode(("word " * 200 + garbage).encode("utf-8"))   # one is tolerated
    assert text.startswith("word")
