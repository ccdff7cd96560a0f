"""Report renderers: one function per format, all reading the same :class:`Report`."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator

from ..model import Report

_CLAIMS = "\x00claims\x00"


def to_json(report: Report) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2)


def iter_json(report: Report) -> Iterator[str]:
    """:func:`to_json`'s text, piece by piece: one claim's dict and JSON at a time, so a
    claim-dense 5 MB article no longer holds every claim's dict and the whole text at once
    (its peak was 1.5 GB). ``"".join(iter_json(r)) == to_json(r)``."""
    if not report.claims:
        yield to_json(report)
        return
    head = report.to_dict_without_claims()
    head["claims"] = _CLAIMS
    text = json.dumps(head, ensure_ascii=False, indent=2)
    before, after = text.split(json.dumps(_CLAIMS), 1)
    yield before + "[\n"
    last = len(report.claims) - 1
    for n, claim in enumerate(report.claims):
        body = json.dumps(claim.to_dict(), ensure_ascii=False, indent=2)
        yield "    " + body.replace("\n", "\n    ") + (",\n" if n < last else "\n")
    yield "  ]" + after


def render_chunks(report: Report, fmt: str = "json", *,
                  color: bool | None = None) -> Iterator[str]:
    """:func:`render` as an iterator of text pieces (JSON streams claim by claim)."""
    if fmt == "json":
        yield from iter_json(report)
    else:
        yield render(report, fmt, color=color)


def _renderer(fmt: str) -> Callable[[Report], str]:
    if fmt == "json":
        return to_json
    if fmt == "text":
        from .text import render_text
        return render_text
    if fmt == "markdown":
        from .markdown import render_markdown
        return render_markdown
    if fmt == "html":
        from .html import render_html
        return render_html
    if fmt == "claimreview":
        from .claimreview import render_claimreview
        return render_claimreview
    raise ValueError(f"unknown report format {fmt!r}")


FORMATS = ("json", "text", "markdown", "html", "claimreview")


def render(report: Report, fmt: str = "json", *, color: bool | None = None) -> str:
    """Render ``report`` as json, text, markdown, html or claimreview.

    ``color`` applies to ``text`` only: None decides from stdout (a terminal, NO_COLOR); pass
    False when the output goes to a file.
    """
    if fmt == "text":
        from .text import render_text
        return render_text(report, color=color)
    return _renderer(fmt)(report)
