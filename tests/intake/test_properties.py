"""Property: ``extract()`` on any bytes or str returns an Article or raises a NewscheckError —
never another exception (a traceback in the CLI)."""

from __future__ import annotations

import codecs

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newscheck.errors import NewscheckError
from newscheck.intake import extract
from newscheck.model import Article

WORDS = st.sampled_from(["Prime Minister", "Fumio Kishida", "met", "his counterpart", "former",
                         "<p>", "</p>", "<html>", "<div>", "\r\n", "\n\n", "\x00", "\u200b",
                         "\ufeff", "é", "東京", "🙂", "<script>x()</script>", ".", " ", "<?xml?>"])
TEXTS = st.one_of(st.text(max_size=400), st.lists(WORDS, max_size=60).map("".join))
PREFIXES = st.sampled_from([b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE,
                            codecs.BOM_UTF32_LE, b"\x1f\x8b", b"PK\x03\x04", b"MZ", b"<svg>"])
ENCODINGS = st.sampled_from(["utf-8", "utf-16-le", "utf-16-be", "cp1252", "latin-1"])


def _outcome(source: str | bytes) -> None:
    try:
        article = extract(source, max_bytes=100_000)
    except NewscheckError:
        return
    assert isinstance(article, Article)
    assert article.text.strip()


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=600))
def test_arbitrary_bytes(data: bytes) -> None:
    _outcome(data)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PREFIXES, TEXTS, ENCODINGS, st.integers(min_value=0, max_value=3))
def test_encoded_text_with_odd_prefixes_and_truncation(prefix: bytes, text: str, encoding: str,
                                                      cut: int) -> None:
    data = prefix + text.encode(encoding, "replace")
    _outcome(data[:len(data) - cut] if cut else data)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_arbitrary_str(text: str) -> None:
    _outcome(text)
