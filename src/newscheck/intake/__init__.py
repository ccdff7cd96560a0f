"""Intake: a file, ``str`` or ``bytes`` → a clean :class:`~newscheck.model.Article`.

``extract`` runs the stages in order; each lives in its own module:

1. read     – ``read.py``: path checks, size limit before reading, gzip, binary refusal
2. decode   – ``decode.py``: BOM, UTF-8, declared charset, fallbacks; NFC and ``\\n``
3. detect   – ``detect.py``: HTML or plain text, from the content (never the file name)
4. body     – ``html.py`` (trafilatura + htmldate) or ``text.py`` (pasted text)
5. debris   – ``debris.py``, shared by both: share bars, teaser lists, cookie and newsletter
              lines, timestamps → ``removed``; captions and photo credits → ``credits``
6. article  – metadata, the ``published`` option (which overrides the page's date)

Importing this package is cheap: trafilatura, htmldate and charset-normalizer are imported only
when a stage needs them.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from ..errors import EmptyInput, MalformedInput, UnsupportedInput
from ..model import Article
from .decode import declared_charset, decode_checked, normalise, wide_encoding
from .detect import is_svg, looks_like_html
from .locate import is_url, path_of, read_url
from .read import DEFAULT_MAX_BYTES, MAX_MAX_BYTES, check_bytes, check_nul_bytes, read_path

__all__ = ["DEFAULT_MAX_BYTES", "MAX_MAX_BYTES", "extract", "max_bytes_limit"]

PARAGRAPH_SEPARATOR = "\n\n"


def _published_option(published: date | str | None) -> date | None:
    if published is None or isinstance(published, date):
        return published.date() if isinstance(published, datetime) else published
    try:
        return date.fromisoformat(published.strip())
    except ValueError:
        raise MalformedInput(f"published date {published!r} is not a date",
                             "write it as YYYY-MM-DD, e.g. 2023-05-07") from None


def max_bytes_limit(max_bytes: int | None) -> int:
    """The input size limit: ``max_bytes`` checked (a positive whole number up to
    :data:`MAX_MAX_BYTES`), else the default."""
    if max_bytes is None:
        return DEFAULT_MAX_BYTES
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) \
            or not 0 < max_bytes <= MAX_MAX_BYTES:
        raise MalformedInput(f"--max-bytes {max_bytes!r} is not a size newscheck accepts",
                             f"give a whole number of bytes from 1 to {MAX_MAX_BYTES:,}")
    return max_bytes


def _text_of(source: str | bytes | Path, limit: int,
             warnings: list[str]) -> tuple[str, str | None, bool]:
    """Stages 1-2: the decoded text of ``source``, its ``Article.source`` label and whether it is
    known to hold no control characters (:func:`.decode.decode_checked`); a guessed encoding is
    said in ``warnings``. Not yet normalised (NFC, newlines): the HTML path normalises only what
    it extracts."""
    if isinstance(source, str):
        # a str here is content (locate.py took file names and URLs); size in UTF-8 bytes
        if len(source) > limit // 4 and len(source.encode("utf-8", "replace")) > limit:
            check_bytes(source.encode("utf-8", "replace"), limit)   # raises InputTooLarge
        text = source.removeprefix("\ufeff")
        if not text.strip():
            raise EmptyInput("the input text is empty" if not source
                             else "the input text is empty (only whitespace)",
                             "give the article's HTML or text")
        if "\x00" in source:
            raise UnsupportedInput("the input text contains NUL characters: it looks like "
                                   "binary data, not an article",
                                   "give the article as an HTML page or plain text")
        return text, None, False
    if isinstance(source, Path):
        data = check_bytes(read_path(source, limit), limit, what=str(source))
        label: str | None = str(source)
    elif isinstance(source, bytes | bytearray | memoryview):
        data = check_bytes(bytes(source), limit)
        label = None
    else:
        raise MalformedInput(f"cannot read an article from a {type(source).__name__}",
                             "pass a pathlib.Path, the content as str, or raw bytes")
    if wide_encoding(data) is None:
        check_nul_bytes(data, what=label or "the input")
    text, encoding, clean = decode_checked(data, normal=False)
    if not text or text.isspace():         # (not text.strip(): no copy of the page)
        raise EmptyInput(f"{label or 'the input'} is empty once decoded",
                         "give a file or text that contains the article")
    if not clean and "\x00" in text:      # a NUL in UTF-16/32 text (clean: none at all)
        check_nul_bytes(b"\x00", what=label or "the input")
    if not encoding.startswith("utf") and encoding != declared_charset(data):
        warnings.append(f"The input is not valid UTF-8 and declares no charset; it was read as "
                        f"{encoding}. If letters look wrong, save it as UTF-8.")
    return text, label, clean


def _source_of(source: str | bytes | Path | None, text: str | None,
               html: str | None, limit: int) -> tuple[str | bytes | Path, str | None]:
    """The one source given and the format it was declared as (``"text"``/``"html"``/None)."""
    given = [(v, f) for v, f in ((source, None), (text, "text"), (html, "html")) if v is not None]
    if len(given) != 1:
        raise MalformedInput("give exactly one of source, text= or html=" if given
                             else "no article given",
                             "e.g. check('article.html'), check(text='...') or check(html='...')")
    value, fmt = given[0]
    if fmt is not None:
        if not isinstance(value, str):
            raise MalformedInput(f"{fmt}= takes the article as a str, not a "
                                 f"{type(value).__name__}", "pass bytes or a path as source")
        return value, fmt
    if isinstance(value, str):
        if is_url(value):
            return read_url(value, limit), None
        path = path_of(value)
        if path is not None:
            return path, None
    return value, None


def extract(source: str | bytes | Path | None = None, *, text: str | None = None,
            html: str | None = None, published: date | str | None = None,
            max_bytes: int | None = None) -> Article:
    """Read an article and return its clean body, metadata, removed debris and credits.

    ``source``: a :class:`~pathlib.Path` or a one-line ``str`` naming a file, ``bytes`` (raw
    content) or a ``str`` holding the article (HTML or text, detected); a ``str`` that looks like
    a path but names no file raises :class:`~newscheck.errors.InputNotFound`
    (:mod:`newscheck.intake.locate`). ``text=`` / ``html=`` take the article's content as plain
    text / HTML instead. ``published`` overrides the page's date. ``max_bytes`` (default 20 MB)
    bounds the input. Raises a subclass of :class:`~newscheck.errors.InputError`.
    """
    limit = max_bytes_limit(max_bytes)
    option_date = _published_option(published)
    src, declared = _source_of(source, text, html, limit)
    # 1. read, 2. decode
    warnings: list[str] = []
    content, label, clean = _text_of(src, limit, warnings)
    # 3. detect, 4. body, 5. debris
    if declared is None and is_svg(content):
        raise UnsupportedInput(f"{label or 'the input'} is an SVG image, not an HTML or text "
                               "article", "give the article as an HTML page or plain text")
    if declared == "html" or (declared is None and looks_like_html(content)):
        from .html import extract_html

        _import_html_libraries()
        page = extract_html(content, clean=clean)
        article = Article(text=PARAGRAPH_SEPARATOR.join(page.kept), title=page.title,
                          published=page.published, author=page.author, source=label,
                          url=page.url, sitename=page.sitename, language=page.language,
                          input_format="html", removed=page.removed, credits=page.credits)
    else:
        from .text import extract_text

        paste = extract_text(normalise(content))
        article = Article(text=PARAGRAPH_SEPARATOR.join(paste.kept), title=paste.title,
                          published=paste.published, author=paste.author, source=label,
                          input_format="text", removed=paste.removed, credits=paste.credits)
    # 6. the date: the option wins over the page
    if option_date is not None:
        article.published, article.published_basis = option_date, "option"
    elif article.published is not None:
        article.published_basis = "page"
    article.warnings = warnings
    return article


def _import_html_libraries() -> None:
    """trafilatura and htmldate, imported (once per process) with their regular expressions
    served from newscheck's compiled-regex cache (:func:`newscheck.rx.library_import`)."""
    import sys

    if "trafilatura" not in sys.modules or "htmldate" not in sys.modules:
        from .. import rx

        with rx.library_import():
            import htmldate  # noqa: F401
            import trafilatura  # noqa: F401
