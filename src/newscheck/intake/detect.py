"""What the bytes are: binary formats by magic number, HTML versus plain text by content.

The file name is never consulted: a ``.txt`` file holding HTML is HTML, and an ``.html`` file
holding a PNG is refused as a PNG.
"""

from __future__ import annotations

import re

from .. import rx

# (signature, offset, name). Checked in order; the name appears in the error message.
_MAGIC: tuple[tuple[bytes, int, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", 0, "a PNG image"),
    (b"\xff\xd8\xff", 0, "a JPEG image"),
    (b"GIF87a", 0, "a GIF image"),
    (b"GIF89a", 0, "a GIF image"),
    (b"WEBP", 8, "a WebP image"),           # RIFF....WEBP (checked together with RIFF below)
    (b"%PDF-", 0, "a PDF document"),
    (b"PK\x03\x04", 0, "a ZIP archive (or a Word/OpenDocument file)"),
    (b"PK\x05\x06", 0, "a ZIP archive"),
    (b"PK\x07\x08", 0, "a ZIP archive"),
    (b"\x1f\x8b", 0, "gzip-compressed data"),
    (b"\x7fELF", 0, "an ELF executable"),
    (b"BZh", 0, "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", 0, "xz-compressed data"),
    (b"7z\xbc\xaf\x27\x1c", 0, "a 7-Zip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 0, "an old Microsoft Office document"),
    (b"MZ", 0, "a Windows executable"),
)

GZIP_MAGIC = b"\x1f\x8b"

# How much of the start of the input the sniffers look at.
SNIFF_BYTES = 4096


def binary_kind(data: bytes) -> str | None:
    """Name the binary format ``data`` starts with, or ``None`` if it has no known signature.

    NUL bytes are not checked here (UTF-16 text has them); see :func:`has_nul_bytes`.
    """
    for magic, offset, name in _MAGIC:
        if data[offset:offset + len(magic)] == magic:
            if magic == b"WEBP" and data[:4] != b"RIFF":
                continue
            if magic == b"MZ" and b"\x00" not in data[:SNIFF_BYTES]:
                continue                    # "MZ…" can start a text; a real .exe has NULs
            return name
    return None


_XML_DECL = rx.compile(r"<\?xml[^>]*>", re.IGNORECASE)
_SVG_DOCTYPE = rx.compile(r"<!doctype\s+svg[^>]*>", re.IGNORECASE)
_SVG_ROOT = rx.compile(r"<svg[\s>]", re.IGNORECASE)


def _skip_comments(text: str, pos: int) -> int:
    """The position after the whitespace and ``<!-- -->`` comments starting at ``pos``.

    A plain scan with ``str.find``: a regex such as ``(?:<!--.*?-->\\s*)*`` backtracks
    exponentially on a run of comments that is not followed by what it expects."""
    while True:
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if not text.startswith("<!--", pos):
            return pos
        end = text.find("-->", pos + 4)
        if end < 0:
            return len(text)
        pos = end + 3


def is_svg(text: str) -> bool:
    """An SVG image (XML whose root is ``<svg>``): text, but a picture, not an article.

    Linear in the input: optional XML declaration, comments, optional SVG doctype, comments,
    then ``<svg``."""
    head = text[:SNIFF_BYTES]
    pos = _skip_comments(head, 0)
    if (m := _XML_DECL.match(head, pos)) is not None:
        pos = _skip_comments(head, m.end())
    if (m := _SVG_DOCTYPE.match(head, pos)) is not None:
        pos = _skip_comments(head, m.end())
    return _SVG_ROOT.match(head, pos) is not None


def has_nul_bytes(data: bytes) -> bool:
    """True when the start of ``data`` holds NUL bytes, which no 8-bit or UTF-8 text does."""
    return b"\x00" in data[:SNIFF_BYTES]


# Tags whose presence near the start marks a document as HTML. One structural tag is enough
# (<html>, <head>, <body>, a doctype); otherwise several ordinary tags must appear, so that a
# pasted text mentioning "<p>" once stays text.
_STRUCTURAL = rx.compile(r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<\?xml[^>]*>\s*<html",
                         re.IGNORECASE)
_ORDINARY = rx.compile(r"</?(?:p|div|span|a|article|section|main|header|footer|nav|meta|title|br|"
                       r"script|style|link|h[1-6]|ul|ol|li|table|tr|td|img|figure|figcaption|em|"
                       r"strong|b|i|blockquote)(?:\s[^<>]*)?/?>", re.IGNORECASE)
ORDINARY_TAGS_FOR_HTML = 3


def looks_like_html(text: str) -> bool:
    """Decide HTML versus plain text from the first few kilobytes of decoded content."""
    head = text[:SNIFF_BYTES * 4]
    if _STRUCTURAL.search(head):
        return True
    stripped = head.lstrip()
    tags = _ORDINARY.findall(head)
    if stripped.startswith("<") and tags and stripped.startswith(tags[0]):
        return True
    return len(tags) >= ORDINARY_TAGS_FOR_HTML
