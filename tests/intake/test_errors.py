"""Every bad input raises its own InputError subclass, with a message and a hint; never a
traceback. One test per error class (and per binary format)."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from newscheck.errors import (
    EmptyInput,
    InputError,
    InputIsDirectory,
    InputNotFound,
    InputTooLarge,
    MalformedInput,
    NoArticleText,
    UndecodableInput,
    UnsupportedInput,
)
from newscheck.intake import extract

from .conftest import BODY, html_page


def check(exc: InputError, *words: str) -> None:
    assert exc.message and exc.hint
    for word in words:
        assert word.lower() in str(exc).lower(), str(exc)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputNotFound) as info:
        extract(tmp_path / "nope.html")
    check(info.value, "nope.html")
    assert info.value.exit_code == 3


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(InputIsDirectory) as info:
        extract(tmp_path)
    check(info.value, "directory")
    assert info.value.exit_code == 3


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  "])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    p = tmp_path / "empty.html"
    p.write_bytes(content)
    with pytest.raises(EmptyInput) as info:
        extract(p)
    check(info.value, "empty")
    assert info.value.exit_code == 4


@pytest.mark.parametrize("source", ["", "  \n ", b"", b" \n", "\ufeff"])
def test_empty_str_and_bytes(source: str | bytes) -> None:
    with pytest.raises(EmptyInput):
        extract(source)


def test_empty_after_bom() -> None:
    with pytest.raises(EmptyInput):
        extract(b"\xef\xbb\xbf   \n")


@pytest.mark.parametrize(("data", "word"), [
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "png"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 64, "jpeg"),
    (b"GIF89a" + b"\x01\x00" * 32, "gif"),
    (b"RIFF\x24\x00\x00\x00WEBPVP8 " + b"\x00" * 64, "webp"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "pdf"),
    (b"PK\x03\x04\x14\x00" + b"\x00" * 64, "zip"),
    (b"\x7fELF\x02\x01\x01" + b"\x00" * 64, "elf"),
    (b"some text\x00\x00\x01\x02 with NUL bytes in it and more", "nul"),
])
def test_binary_input(tmp_path: Path, data: bytes, word: str) -> None:
    p = tmp_path / "article.html"        # the name says HTML; the content decides
    p.write_bytes(data)
    with pytest.raises(UnsupportedInput) as info:
        extract(p)
    check(info.value, word, "binary")
    assert info.value.exit_code == 5


def test_nul_in_str() -> None:
    with pytest.raises(UnsupportedInput):
        extract("text\x00with a NUL")


def test_gzip_is_decompressed(tmp_path: Path) -> None:
    p = tmp_path / "page.html.gz"
    p.write_bytes(gzip.compress(html_page("").encode()))
    article = extract(p)
    assert article.input_format == "html"
    assert "Eastwick" in article.text


def test_corrupt_gzip(tmp_path: Path) -> None:
    p = tmp_path / "page.gz"
    p.write_bytes(b"\x1f\x8b\x08\x00" + b"not really gzip" * 4)
    with pytest.raises(UnsupportedInput) as info:
        extract(p)
    check(info.value, "gzip")


def test_gzip_bomb_is_bounded() -> None:
    bomb = gzip.compress(b"a" * 2_000_000)
    with pytest.raises(InputTooLarge):
        extract(bomb, max_bytes=100_000)


def test_too_large_file_checked_before_reading(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    p = tmp_path / "big.txt"
    p.write_bytes(b"x" * 5000)

    def no_read(*args: object, **kwargs: object) -> None:
        raise AssertionError("the file was opened although stat() said it is too large")

    monkeypatch.setattr(Path, "open", no_read)
    with pytest.raises(InputTooLarge) as info:
        extract(p, max_bytes=1000)
    check(info.value, "5000", "--max-bytes")
    assert info.value.exit_code == 6


@pytest.mark.parametrize("source", [b"x" * 2000, "é" * 1000])
def test_too_large_bytes_and_str(source: str | bytes) -> None:
    with pytest.raises(InputTooLarge):
        extract(source, max_bytes=1500)


def test_undecodable_utf16() -> None:
    # a UTF-16 BOM, then lone surrogates and an odd byte: not UTF-16
    with pytest.raises(UndecodableInput) as info:
        extract(b"\xff\xfe" + b"\x00\xd8\x00\xd8\x41")
    check(info.value, "utf-16")
    assert info.value.exit_code == 7


def test_undecodable_random_bytes() -> None:
    # no magic number and no NUL byte, but no encoding turns these bytes into text
    with pytest.raises(UndecodableInput):
        extract(bytes(range(1, 256)) * 4)


def test_html_without_article_text() -> None:
    html = ("<html><head><title>x</title></head><body><nav><a href='/'>Home</a></nav>"
            "</body></html>")
    with pytest.raises(NoArticleText) as info:
        extract(html)
    check(info.value, "no article text")
    assert info.value.exit_code == 8


def test_text_that_is_all_debris() -> None:
    with pytest.raises(NoArticleText):
        extract("Share this article\n\nAdvertisement\n\n2 hours ago\n")


def test_bad_published_option() -> None:
    with pytest.raises(MalformedInput) as info:
        extract(BODY, published="7 May 2023")
    check(info.value, "YYYY-MM-DD")
    assert info.value.exit_code == 9


def test_unsupported_source_type() -> None:
    with pytest.raises(MalformedInput):
        extract(12345)  # type: ignore[arg-type]


@pytest.mark.parametrize("svg", [
    '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><text>Hi</text></svg>',
    '<!-- drawn by hand -->\n<svg viewBox="0 0 10 10"><circle r="4"/></svg>',
])
def test_svg_image_is_unsupported(svg: str) -> None:
    from newscheck.errors import UnsupportedInput

    with pytest.raises(UnsupportedInput, match="SVG"):
        extract(svg.encode())
