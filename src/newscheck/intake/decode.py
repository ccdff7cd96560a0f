"""Bytes → text: byte-order marks, UTF-8, the HTML charset declaration, then 8-bit fallbacks.

Order (first that applies wins):

1. a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE): decoded strictly as the mark says;
2. UTF-16 without a mark, recognised by every other byte being NUL (ASCII-range text);
3. strict UTF-8 (a page that decodes as UTF-8 is UTF-8, whatever it declares: pages often declare
   ``iso-8859-1`` and are UTF-8, while cp1252 text containing accents is almost never valid UTF-8);
4. the charset an HTML page declares (``<meta charset>`` or ``http-equiv`` Content-Type);
5. cp1252 when at least 95% of the bytes are ASCII (a Western text with a few accents);
6. charset-normalizer's best guess (imported only here, when 1-5 failed);
7. cp1252, then latin-1.

The result is checked for mojibake-level garbage (control characters), normalised to NFC and to
``\\n`` newlines. The HTML path asks for neither here (``normal=False``) and normalises what it
extracts instead (:func:`normalise`): the article is a few kilobytes of a page of hundreds, and
normalising the whole page took as long as the rest of decoding.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from .. import rx
from ..errors import UndecodableInput

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),     # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_META_CHARSET = rx.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_:.+-]+)""", re.IGNORECASE)
_XML_ENCODING = rx.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_.:+-]+)""")

# A decoded text with more than this share of control characters is not text in that encoding.
MAX_GARBAGE_RATIO = 0.02
GARBAGE_SAMPLE = 65536
# Non-UTF-8 bytes that are at least this share ASCII are read as cp1252 without guessing:
# Cyrillic, Greek and CJK legacy encodings put most letters above 0x7F.
MIN_ASCII_FOR_CP1252 = 0.95
_GARBAGE = rx.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd]")
_HIGH_BYTES = bytes(range(0x80, 0x100))
# _GARBAGE's characters and the ones XML forbids (which trafilatura removes before parsing) as
# UTF-8 bytes: the single-byte controls but tab, newlines and carriage return, C1 controls
# (\xc2\x80-\x9f), and U+FFFD, U+FFFE, U+FFFF (\xef\xbf\xbd-\xbf).
_CONTROL_BYTES = bytes([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
_C1_UTF8 = rx.compile(rb"\xc2[\x80-\x9f]")
# U+FFFD-U+FFFF, and the noncharacters U+FDD0-U+FDD5 that mark the page scan's output
# (intake/pagescan.py; a page holding them has them removed before the parse, deep.parse)
_SPECIALS_UTF8 = rx.compile(rb"\xef(?:\xbf[\xbd-\xbf]|\xb7[\x90-\x95])")  # faster than ``in``
_NEWLINES = rx.compile(r"\r\n?|[\u2028\u2029\x85]")


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML/XML document declares in its first bytes, if Python knows it."""
    head = data[:4096]
    m = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    if not m:
        return None
    name = m.group(1).decode("ascii", "replace").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` when the even or odd bytes are almost all NUL (ASCII-range UTF-16)."""
    sample = data[:2048]
    if len(sample) < 8:
        return None
    half = len(sample) // 2
    even_nul = sample[0::2].count(0) / half
    odd_nul = sample[1::2].count(0) / half
    if odd_nul > 0.9 and even_nul < 0.1:
        return "utf-16-le"
    if even_nul > 0.9 and odd_nul < 0.1:
        return "utf-16-be"
    return None


def wide_encoding(data: bytes) -> str | None:
    """UTF-16/32 announced by a byte-order mark or recognised by its NUL pattern, else None.

    Used before the NUL-byte check: NULs are expected in these encodings and nowhere else.
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            return None if name == "utf-8" else name
    return _utf16_without_bom(data)


def _guess_with_charset_normalizer(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    return best.encoding if best is not None else None


def _ascii_share(data: bytes) -> float:
    sample = data[:GARBAGE_SAMPLE]
    return len(sample.translate(None, _HIGH_BYTES)) / max(1, len(sample))


# The noncharacters intake/pagescan.py marks its one-pass output with: a page's own are removed
SCAN_MARKS = rx.compile("[\ufdd0-\ufdd5]")


def without_marks(html: str) -> str:
    """``html`` without the scan's marks: page text must never fake the page scan's structure
    (intake/pagescan.py). (Written as character references, ``&#xFDD2;``, they still reach the
    tree: searching every page for them cost ~2 % of intake; docs/intake.md.)"""
    return SCAN_MARKS.sub("", html) if SCAN_MARKS.search(html) else html


def _utf8_is_clean(data: bytes) -> bool:
    """True when UTF-8 ``data`` encodes none of :data:`_GARBAGE`'s characters nor any that XML
    forbids: checked on the bytes in C, several times faster than searching the decoded text."""
    if len(data.translate(None, _CONTROL_BYTES)) != len(data):
        return False
    # U+FFFD-U+FFFF start with \xef, a byte most pages lack (a memchr, not a regex)
    return (b"\xef" not in data or _SPECIALS_UTF8.search(data) is None) \
        and _C1_UTF8.search(data) is None


def _garbage_ratio(text: str) -> float:
    sample = text[:GARBAGE_SAMPLE]
    return len(_GARBAGE.findall(sample)) / max(1, len(sample))


def _strict(data: bytes, encoding: str) -> str | None:
    """``data`` decoded strictly, or None. A UTF-8/16/32 text cut in the middle of its last
    character (a truncated download) keeps everything before that character."""
    try:
        return data.decode(encoding)
    except LookupError:
        return None
    except UnicodeDecodeError as exc:
        if not encoding.startswith("utf") or exc.end != len(data) \
                or exc.reason not in ("unexpected end of data", "truncated data"):
            return None
        try:
            return data[:exc.start].decode(encoding)
        except UnicodeDecodeError:
            return None


def _undecodable(detail: str) -> UndecodableInput:
    return UndecodableInput(
        f"the input could not be decoded as text: {detail}",
        "save the article as UTF-8 (or give an HTML page a correct <meta charset>) and retry")


def decode(data: bytes, *, html: bool | None = None, normal: bool = True) -> tuple[str, str]:
    """Decode ``data`` and return ``(text, encoding)``; text is NFC with ``\\n`` newlines
    (:func:`normalise`) unless ``normal`` is False.

    ``html`` says whether to look for a charset declaration (``None``: look anyway, it is cheap).
    Raises :class:`UndecodableInput` when no encoding gives a plausible text.
    """
    text, encoding, _clean = decode_checked(data, html=html, normal=normal)
    return text, encoding


def decode_checked(data: bytes, *, html: bool | None = None,
                   normal: bool = True) -> tuple[str, str, bool]:
    """:func:`decode`, and whether the text is known to hold no control character (but tab,
    newlines and carriage return), U+FFFD, U+FFFE, U+FFFF or scan mark (U+FDD0-U+FDD5; known for
    UTF-8, from the bytes):
    the HTML parse then skips trafilatura's search for them, which cost ~7 % of its call."""
    text: str | None = None
    encoding = ""
    # 1. byte-order mark: trusted, decoded strictly
    for bom, name in _BOMS:
        if data.startswith(bom):
            text = _strict(data[len(bom):], name)
            if text is None:
                raise _undecodable(f"it starts with a {name.upper()} byte-order mark but is not "
                                   f"valid {name.upper()}")
            encoding = name
            break
    # 2. UTF-16 without a mark
    if text is None and (name16 := _utf16_without_bom(data)) is not None:
        text, encoding = _strict(data, name16), name16
    # 3. UTF-8
    if text is None:
        text, encoding = _strict(data, "utf-8"), "utf-8"
    # 4. declared charset
    if text is None and html is not False and (declared := declared_charset(data)):
        text, encoding = _strict(data, declared), declared
    # 5. mostly ASCII with a few high bytes: Western 8-bit text (detectors misjudge short texts)
    if text is None and _ascii_share(data) >= MIN_ASCII_FOR_CP1252 \
            and (candidate := _strict(data, "cp1252")) is not None:
        text, encoding = candidate, "cp1252"
    # 6. charset-normalizer, 7. cp1252, latin-1
    if text is None:
        guess = _guess_with_charset_normalizer(data)
        for fallback in (guess, "cp1252", "latin-1"):
            if fallback and (candidate := _strict(data, fallback)) is not None \
                    and _garbage_ratio(candidate) <= MAX_GARBAGE_RATIO:
                text, encoding = candidate, fallback
                break
    if text is None:
        raise _undecodable("it is not UTF-8, UTF-16 or any common 8-bit encoding")
    clean = encoding == "utf-8" and _utf8_is_clean(data)
    if not clean and _garbage_ratio(text) > MAX_GARBAGE_RATIO:
        raise _undecodable(f"decoded as {encoding} it is full of control characters")
    return normalise(text) if normal else text.removeprefix("\ufeff"), encoding, clean


def normalise(text: str) -> str:
    """NFC (composed: "é" as one character), ``\\n`` newlines, no stray byte-order mark at the
    start."""
    text = text.removeprefix("\ufeff")
    if "\r" in text or "\u2028" in text or "\u2029" in text or "\x85" in text:
        text = _NEWLINES.sub("\n", text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text
