"""``--format text``: a table for people at a terminal, plain text when piped.

On a terminal (or with ``color=True``) verdicts are coloured; without colour the same table is
drawn with ASCII rules and no escape codes, so the output can be read in a log, grepped or mailed.
The icon and the word are always there, so colour is never the only signal.
"""

from __future__ import annotations

import os
import shutil
import sys
from io import StringIO

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..model import Report
from .common import ICONS, LABELS, anchor_text, not_in_source, printable, summary_line, verdict_of

# Colours chosen to stay distinguishable for red-green colour blindness (blue / orange / grey),
# matching the HTML report.
STYLES: dict[str, str] = {
    "supported": "bold blue",
    "refuted": "bold dark_orange",
    "not_enough_evidence": "bold grey62",
}

# Width used when not writing to a terminal and no width is given: wide enough for a readable
# explanation column, narrow enough for an 80–120 column pager.
PLAIN_WIDTH = 100
# Removed page debris and credits: how many items are named after their count.
REMOVED_SHOWN = 3


def use_color() -> bool:
    """Colour when stdout is a terminal and the user did not ask otherwise (NO_COLOR)."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty()


def _text(text: str, style: str = "") -> Text:
    """A rich Text of article or KB content, its control characters escaped."""
    return Text(printable(text), style=style)


def render_text(report: Report, *, color: bool | None = None, width: int | None = None) -> str:
    """Render ``report`` as a table; ``color=None`` decides from stdout (see :func:`use_color`)."""
    if color is None:
        color = use_color()
    if width is None:
        width = shutil.get_terminal_size((PLAIN_WIDTH, 24)).columns if color else PLAIN_WIDTH
    console = Console(
        file=StringIO(),
        record=True,
        force_terminal=color,
        no_color=not color,
        color_system="auto" if color else None,
        width=width,
        highlight=False,
        emoji=False,
        markup=False,
        soft_wrap=False,
        legacy_windows=False,
    )
    _header(console, report)
    if report.claims:
        console.print(_table(report, color=color))
    else:
        console.print("No checkable claims were found in this article.")
    console.print(_text(summary_line(report), style="bold"))
    for line in _removed(report):
        console.print(_text(line, style="dim"))
    added = not_in_source(report)
    if added:
        console.print(_text(f"Not in the source ({len(added)}):", style="bold"))
        for n, claim in added:
            console.print(_text(f"  #{n} {claim.text}"))
    for warning in report.warnings:
        console.print(_text(f"warning: {warning}", style="yellow"))
    return console.export_text(styles=color).rstrip() + "\n"


def _removed(report: Report) -> list[str]:
    """What was taken out of the page, as in the other formats: count and first items."""
    lines = []
    for what, items in (("removed from the page before checking", report.article.removed),
                        ("credits", report.article.credits)):
        if items:
            first = "; ".join(" ".join(i.split())[:80] for i in items[:REMOVED_SHOWN])
            rest = len(items) - REMOVED_SHOWN
            more = f"; … and {rest} more" if rest > 0 else ""
            plural = "s" if len(items) != 1 else ""
            lines.append(f"{what}: {len(items)} item{plural} ({first}{more})")
    return lines


def _header(console: Console, report: Report) -> None:
    art = report.article
    console.print(_text(art.title or "(untitled article)", style="bold"))
    meta = [
        f"published {art.published.isoformat()}" if art.published else "publication date unknown",
        f"by {art.author}" if art.author else "",
        art.sitename or "",
        art.source or "",
    ]
    console.print(_text(" · ".join(m for m in meta if m), style="dim"))
    console.print(_text(f"checked as of {anchor_text(report.anchor)}", style="dim"))
    kb = report.knowledge
    if kb.get("name"):
        as_of = f" (as of {kb['as_of']})" if kb.get("as_of") else ""
        console.print(_text(f"knowledge: {kb['name']}{as_of}", style="dim"))
    console.print()


def _table(report: Report, *, color: bool) -> Table:
    table = Table(
        box=box.ROUNDED if color else box.ASCII,
        show_lines=True,
        expand=True,
        header_style="bold" if color else "",
    )
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("Verdict", no_wrap=True)
    table.add_column("Claim", ratio=3)
    table.add_column("Why", ratio=4)
    for n, claim in enumerate(report.claims, 1):
        v = verdict_of(claim)
        verdict = Text(f"{ICONS[v.label]} {LABELS[v.label]}", style=STYLES[v.label])
        verdict.append(f"\n{v.confidence:.0%}", style="dim")
        # every reason is shown whole: a cut one can read as a refutation under "not enough
        # evidence" (the part saying why no verdict was given is often at the end)
        table.add_row(str(n), verdict, _text(claim.text), _text(" ".join(v.explanation.split())))
    return table
