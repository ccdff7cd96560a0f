"""``--format markdown``: a report to paste into an issue, a wiki page or a newsroom chat.

Everything that comes from the article or the knowledge base is escaped, so a title like
``*Breaking* | <b>`` can neither break the claims table nor inject HTML into a Markdown viewer
(CommonMark renders ``\\<script>`` as the literal text ``<script>``). Links are made only for
http(s) URLs.
"""

from __future__ import annotations

from .. import rx
from ..model import Claim, Evidence, Report
from .common import (
    ICONS,
    LABELS,
    anchor_text,
    not_in_source,
    printable,
    safe_url,
    verdict_line,
    verdict_of,
)

# Characters with a meaning anywhere in a CommonMark/GFM line: emphasis, code, links, raw HTML,
# entities, table cells, strikethrough, and the escape character itself.
_INLINE_SPECIALS = rx.compile(r"([\\`*_{}\[\]<>|~&#])")
# At the start of a line these would begin a list, a heading or a quote.
_BLOCK_START = rx.compile(r"^(\s*)([-+=])")
_ORDERED_START = rx.compile(r"^(\s*\d+)([.)])")


def md_escape(text: str | None, *, line_start: bool = False) -> str:
    """``text`` on one line with every Markdown special character backslash-escaped.

    ``line_start``: the text begins a line (paragraph, list item, quote), so a leading ``-``,
    ``+``, ``=`` or ``1.`` must be escaped too, or it would start a list or a heading.
    """
    flat = " ".join(printable(text).split())
    flat = _INLINE_SPECIALS.sub(r"\\\1", flat)
    if line_start:  # "1." → "1\.", "- x" → "\- x"
        flat = _ORDERED_START.sub(r"\1\\\2", flat)
        flat = _BLOCK_START.sub(r"\1\\\2", flat)
    return flat


def md_link(url: str | None) -> str:
    """An autolink for http(s) URLs, escaped text for anything else."""
    safe = safe_url(url)
    return f"<{safe}>" if safe else md_escape(url)


def render_markdown(report: Report) -> str:
    """Render ``report`` as GitHub-flavoured Markdown."""
    lines: list[str] = []
    lines += _header(report)
    if report.claims:
        lines += ["## Claims", "", *_claims_table(report), ""]
        lines += ["## Details", ""]
        for n, claim in enumerate(report.claims, 1):
            lines += _claim_details(n, claim)
    else:
        lines += ["No checkable claims were found in this article.", ""]
    added = not_in_source(report)
    if added:
        lines += ["## Not in the source", ""]
        lines += [f"- [{n}](#claim-{n}) {md_escape(c.text)}" for n, c in added]
        lines.append("")
    if report.warnings:
        lines += ["## Warnings", ""]
        lines += [f"- {md_escape(w, line_start=True)}" for w in report.warnings]
        lines.append("")
    lines += _removed(report)
    return "\n".join(lines).rstrip() + "\n"


def _header(report: Report) -> list[str]:
    art = report.article
    lines = [f"# Fact check: {md_escape(art.title) or 'untitled article'}", ""]
    meta: list[tuple[str, str]] = [
        ("Published", art.published.isoformat() if art.published else "unknown"),
        ("Author", md_escape(art.author)),
        ("Site", md_escape(art.sitename)),
        ("URL", md_link(art.url)),
        ("Source", md_link(art.source) if art.source != art.url else ""),
        ("Language", md_escape(art.language)),
        ("Checked as of", md_escape(anchor_text(report.anchor))),
    ]
    kb = report.knowledge
    if kb.get("name"):
        as_of = f" (as of {kb['as_of']})" if kb.get("as_of") else ""
        meta.append(("Knowledge", md_escape(f"{kb['name']}{as_of}")))
    if report.version:
        meta.append(("newscheck", md_escape(report.version)))
    lines += [f"- **{key}:** {value}" for key, value in meta if value]
    s = report.summary()
    counts = " · ".join(f"{ICONS[v]} {s[v]} {LABELS[v].lower()}"
                        for v in ("supported", "refuted", "not_enough_evidence"))
    noun = "claim" if s["claims"] == 1 else "claims"
    lines += ["", f"**{s['claims']} {noun}:** {counts}", ""]
    return lines


def _claims_table(report: Report) -> list[str]:
    rows = ["| # | Verdict | Claim | Confidence |", "| ---: | --- | --- | ---: |"]
    for n, claim in enumerate(report.claims, 1):
        v = verdict_of(claim)
        rows.append(f"| [{n}](#claim-{n}) | {verdict_line(v.label)} | {md_escape(claim.text)} "
                    f"| {v.confidence:.0%} |")
    return rows


def _claim_details(n: int, claim: Claim) -> list[str]:
    v = verdict_of(claim)
    lines = [f'<a id="claim-{n}"></a>', "",
             f"### {n}. {verdict_line(v.label)}: “{md_escape(claim.text)}”", ""]
    if claim.sentence and claim.sentence.strip() != claim.text.strip():
        lines += [f"> {md_escape(claim.sentence, line_start=True)}", ""]
    facts = [f"kind `{claim.kind}`", f"time {md_escape(anchor_text(claim.time))}",
             f"confidence {v.confidence:.0%}"]
    lines += ["*" + " · ".join(facts) + "*", ""]
    lines += [md_escape(v.explanation, line_start=True) or "*No explanation given.*", ""]
    if v.evidence:
        lines += ["**Evidence**", ""]
        lines += [_evidence_item(e) for e in v.evidence]
        lines.append("")
    return lines


def _evidence_item(ev: Evidence) -> str:
    ident = f" (`{ev.id.replace('`', '')}`)" if ev.id else ""
    return f"- *{ev.kind}* · {md_link(ev.source)}{ident}: {md_escape(ev.text)}"


def _removed(report: Report) -> list[str]:
    art = report.article
    lines: list[str] = []
    for heading, items in (("Removed from the page before checking", art.removed),
                           ("Credits", art.credits)):
        if items:
            lines += [f"## {heading}", ""]
            lines += [f"- {md_escape(item, line_start=True)}" for item in items]
            lines.append("")
    return lines
