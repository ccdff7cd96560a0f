"""Report renderers: one function per format, all reading the same :class:`Report`."""

from __future__ import annotations

import json
from collections.abc import Callable

from ..model import Report


def to_json(report: Report) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2)


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
