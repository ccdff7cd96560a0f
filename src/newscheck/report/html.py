"""``--format html``: one self-contained page, the article with every claim highlighted.

No external assets (inline CSS, a three-line inline script that opens a claim's ``<details>`` when
its marker is followed; the page works without it). Verdicts are told apart by colour *and* icon
*and* word *and* underline style (solid / wavy / dotted), with a blue/orange/grey palette that
survives red-green colour blindness. Overlapping claims are cut into flat segments (see
:func:`.common.segments`); a segment shows the most severe verdict among its claims.

Security: every string from the article, the knowledge base or the verifier goes through
:func:`esc` (``html.escape(quote=True)``); ``href`` is only ever set from :func:`.common.safe_url`
(absolute http/https) or to ``#claim-N`` anchors we generate.
"""

from __future__ import annotations

import html
import re
from typing import Any

from .. import model
from ..model import Claim, Evidence, Report
from .common import (
    ICONS,
    LABELS,
    anchor_text,
    dominant,
    not_in_source,
    safe_url,
    segments,
    verdict_of,
)

_LANG_RE = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")

CSS = """
:root{--fg:#1d1f23;--muted:#5b6170;--bg:#fbfbfa;--card:#fff;--line:#dcdfe4;
--sup:#005a8e;--sup-bg:#dcecf8;--ref:#a13d00;--ref-bg:#fde6cc;--nee:#4f5560;--nee-bg:#e9eaed}
@media (prefers-color-scheme:dark){:root{--fg:#e8e9ec;--muted:#a3a8b3;--bg:#16181c;--card:#1f2228;
--line:#343842;--sup:#8cc8f2;--sup-bg:#15334a;--ref:#ffb36b;--ref-bg:#4a2a0e;--nee:#c4c8cf;
--nee-bg:#2d3038}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);
font:16px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif}
.wrap{max-width:1200px;margin:0 auto;padding:1.25rem}
h1{font-size:1.6rem;line-height:1.25;margin:.2rem 0 .4rem}
h2{font-size:1.1rem;margin:1.4rem 0 .6rem}
h3{font-size:.95rem;margin:.8rem 0 .3rem}
.kicker{text-transform:uppercase;letter-spacing:.08em;font-size:.75rem;color:var(--muted)}
.meta{color:var(--muted);font-size:.9rem;margin:.15rem 0}
a{color:inherit}
.summary{display:flex;flex-wrap:wrap;gap:.6rem;margin:1rem 0}
.count{padding:.45rem .8rem;border-radius:.5rem;border:1px solid var(--line);font-weight:600}
.count b{font-size:1.25rem;margin:0 .2rem}
.v-supported{--c:var(--sup);--cb:var(--sup-bg);--u:solid}
.v-refuted{--c:var(--ref);--cb:var(--ref-bg);--u:wavy}
.v-not_enough_evidence{--c:var(--nee);--cb:var(--nee-bg);--u:dotted}
.count,.badge,.tag{color:var(--c);background:var(--cb)}
.warnings{border-left:4px solid var(--ref);background:var(--card);padding:.5rem 1rem}
.grid{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:1.5rem}
@media (max-width:860px){.grid{grid-template-columns:1fr}}
.article{background:var(--card);border:1px solid var(--line);border-radius:.6rem;
padding:1rem 1.25rem;white-space:pre-wrap;overflow-wrap:anywhere;font-size:1.02rem;line-height:1.75}
mark.claim{background:var(--cb);color:inherit;border-radius:.15rem;padding:.05rem 0;
text-decoration:underline var(--u) var(--c);text-decoration-thickness:2px;
text-underline-offset:.22em}
mark.overlap{outline:1px dashed var(--c);outline-offset:1px}
.tag{font-size:.72rem;font-weight:700;text-decoration:none;padding:0 .3rem;margin:0 .1rem;
border-radius:.3rem;border:1px solid var(--c);white-space:nowrap;vertical-align:.15em}
.badge{font-weight:700;padding:.05rem .45rem;border-radius:.35rem;white-space:nowrap;
border:1px solid var(--c)}
.claims ol{list-style:none;padding:0;margin:0}
.claims li{margin:0 0 .6rem}
details.card{background:var(--card);border:1px solid var(--line);border-left:5px solid var(--c);
border-radius:.5rem;padding:.5rem .8rem}
details.card[open]{box-shadow:0 1px 6px rgba(0,0,0,.08)}
details.card:target{outline:2px solid var(--c)}
summary{cursor:pointer}
.card summary{display:flex;flex-wrap:wrap;gap:.4rem .6rem;align-items:baseline}
.num{color:var(--muted);font-variant-numeric:tabular-nums}
.conf{color:var(--muted);font-size:.85rem;margin-left:auto}
.body{margin-top:.5rem;font-size:.95rem}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:.1rem .8rem;margin:.5rem 0;
font-size:.85rem}
.facts dt{color:var(--muted)}
.facts dd{margin:0;overflow-wrap:anywhere}
.evidence{padding-left:1.1rem;margin:.2rem 0}
.evidence li{margin:.3rem 0;overflow-wrap:anywhere}
.ekind{font-size:.72rem;text-transform:uppercase;letter-spacing:.05em;color:var(--muted)}
.extra{color:var(--muted);font-size:.82rem}
.debris{margin:1.5rem 0;color:var(--muted)}
.debris li{overflow-wrap:anywhere}
footer{color:var(--muted);font-size:.8rem;margin:2rem 0 1rem;border-top:1px solid var(--line);
padding-top:.6rem}
@media print{details.card{break-inside:avoid}.tag{border:1px solid}}
"""

# Opens the <details> of a claim when its marker link (#claim-N) is followed.
SCRIPT = """
function nsOpen(){var h=decodeURIComponent(location.hash.slice(1));
var el=h?document.getElementById(h):null;if(el&&el.tagName==="DETAILS"){el.open=true;}}
window.addEventListener("hashchange",nsOpen);nsOpen();
"""


def esc(value: object) -> str:
    """Escape anything for HTML text and quoted attribute values."""
    return html.escape("" if value is None else str(value), quote=True)


def link(url: str | None, text: str | None = None) -> str:
    """``<a href>`` for http(s) URLs, escaped plain text for anything else."""
    shown = esc(text if text is not None else url)
    safe = safe_url(url)
    if safe is None:
        return shown
    return f'<a href="{esc(safe)}" rel="noopener noreferrer nofollow">{shown}</a>'


def render_html(report: Report) -> str:
    """Render ``report`` as a standalone HTML5 page."""
    art = report.article
    lang = art.language if art.language and _LANG_RE.match(art.language) else "en"
    title = art.title or "Untitled article"
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{esc(lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="newscheck {esc(report.version)}">',
        f"<title>Fact check: {esc(title)}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        '<div class="wrap">',
        *_header(report, title),
        *_summary(report),
        *_warnings(report),
        *_not_in_source(report),
        '<div class="grid">',
        '<section aria-labelledby="h-article">',
        '<h2 id="h-article">Article, claims highlighted</h2>',
        f'<div class="article">{_highlighted(art.text, report.claims)}</div>',
        "</section>",
        *_claim_list(report),
        "</div>",
        *_debris(report),
        f"<footer>Generated by newscheck {esc(report.version)} · "
        f"report schema {esc(model.SCHEMA_ID)}</footer>",
        "</div>",
        f"<script>{SCRIPT}</script>",
        "</body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"


def _header(report: Report, title: str) -> list[str]:
    art = report.article
    bits = [f"Published {esc(art.published.isoformat())}" if art.published
            else "Publication date unknown"]
    if art.author:
        bits.append(f"by {esc(art.author)}")
    if art.sitename:
        bits.append(esc(art.sitename))
    if art.url:
        bits.append(link(art.url))
    if art.source and art.source != art.url:
        bits.append(link(art.source))
    checked = f"Checked as of {esc(anchor_text(report.anchor))}"
    kb = report.knowledge
    if kb.get("name"):
        as_of = f" (as of {kb['as_of']})" if kb.get("as_of") else ""
        checked += f" · knowledge: {esc(str(kb['name']) + as_of)}"
    return [
        "<header>",
        '<div class="kicker">newscheck fact check</div>',
        f"<h1>{esc(title)}</h1>",
        f'<p class="meta">{" · ".join(bits)}</p>',
        f'<p class="meta">{checked}</p>',
        "</header>",
    ]


def _summary(report: Report) -> list[str]:
    s = report.summary()
    noun = "claim" if s["claims"] == 1 else "claims"
    items = [f'<div class="count v-{v}"><span aria-hidden="true">{ICONS[v]}</span>'
             f"<b>{s[v]}</b>{esc(LABELS[v].lower())}</div>"
             for v in ("supported", "refuted", "not_enough_evidence")]
    return [f'<section class="summary" aria-label="Summary: {s["claims"]} {noun}">',
            f'<div class="count"><b>{s["claims"]}</b>{noun}</div>', *items, "</section>"]


def _warnings(report: Report) -> list[str]:
    if not report.warnings:
        return []
    items = "".join(f"<li>{esc(w)}</li>" for w in report.warnings)
    return ['<section class="warnings" role="note">', "<h2>Warnings</h2>",
            f"<ul>{items}</ul>", "</section>"]


def _not_in_source(report: Report) -> list[str]:
    added = not_in_source(report)
    if not added:
        return []
    items = "".join(f'<li><a href="#claim-{n}">{n}</a>. {esc(c.text)}</li>' for n, c in added)
    return ['<section class="added" aria-labelledby="h-added">',
            f'<h2 id="h-added">Not in the source ({len(added)})</h2>', f"<ul>{items}</ul>",
            "</section>"]


def _highlighted(text: str, claims: list[Claim]) -> str:
    """The article text with each claim wrapped in ``<mark>`` and followed by its marker."""
    labels = [verdict_of(c).label for c in claims]
    out: list[str] = []
    for seg in segments(text, claims):
        piece = esc(text[seg.start:seg.end])
        if not seg.claims:
            out.append(piece)
            continue
        seg_labels = [labels[i] for i in seg.claims]
        classes = f"claim v-{dominant(seg_labels)}" + (" overlap" if len(seg.claims) > 1 else "")
        tip = "; ".join(f"Claim {i + 1}: {LABELS[labels[i]]}" for i in seg.claims)
        out.append(f'<mark class="{classes}" title="{esc(tip)}">{piece}</mark>')
        for i in seg.claims:  # a claim's marker goes right after its last segment
            if min(claims[i].end, len(text)) == seg.end:
                label = labels[i]
                out.append(f'<a class="tag v-{label}" href="#claim-{i + 1}" '
                           f'aria-label="claim {i + 1}: {esc(LABELS[label])}">'
                           f"{ICONS[label]}\u00a0{esc(LABELS[label])}\u00a0{i + 1}</a>")
    return "".join(out)


def _claim_list(report: Report) -> list[str]:
    out = ['<section class="claims" aria-labelledby="h-claims">',
           '<h2 id="h-claims">Claims</h2>']
    if not report.claims:
        out.append("<p>No checkable claims were found in this article.</p>")
    else:
        out.append("<ol>")
        out += [f"<li>{_claim_card(n, c)}</li>" for n, c in enumerate(report.claims, 1)]
        out.append("</ol>")
    out.append("</section>")
    return out


def _claim_card(n: int, claim: Claim) -> str:
    v = verdict_of(claim)
    facts: list[tuple[str, str]] = [("kind", esc(claim.kind)),
                                    ("time", esc(anchor_text(claim.time)))]
    for role, ref in (("subject", claim.subject), ("object", claim.object)):
        if ref is not None:
            linked = f" → {esc(ref.label or '')} ({esc(ref.id)})" if ref.id else " (not linked)"
            facts.append((role, f"“{esc(ref.mention)}”{linked}"))
    for key, value in claim.qualifiers.items():
        facts.append((esc(key), esc(_plain(value))))
    if claim.sentence:
        facts.append(("sentence", esc(claim.sentence)))
    fact_html = "".join(f"<dt>{k}</dt><dd>{val}</dd>" for k, val in facts)
    evidence = ("".join(f"<li>{_evidence(e)}</li>" for e in v.evidence)
                if v.evidence else "<li>No evidence recorded.</li>")
    return (
        # a refutation is what a reader came for: its reason and evidence are shown open
        f'<details class="card v-{v.label}" id="claim-{n}"'
        f'{" open" if v.label == "refuted" else ""}>'
        f'<summary><span class="num">{n}.</span>'
        f'<span class="badge v-{v.label}">{ICONS[v.label]} {esc(LABELS[v.label])}</span>'
        f"<span>{esc(claim.text)}</span>"
        f'<span class="conf">confidence {v.confidence:.0%}</span></summary>'
        f'<div class="body"><p>{esc(v.explanation)}</p>'
        f'<dl class="facts">{fact_html}</dl>'
        f'<h3>Evidence</h3><ul class="evidence">{evidence}</ul></div>'
        "</details>"
    )


def _evidence(ev: Evidence) -> str:
    ident = f' <code>{esc(ev.id)}</code>' if ev.id else ""
    extra = ""
    if ev.extra:
        extra = '<div class="extra">' + " · ".join(
            f"{esc(k)}: {link(v) if isinstance(v, str) else esc(_plain(v))}"
            for k, v in ev.extra.items()) + "</div>"
    return (f'<span class="ekind">{esc(ev.kind.replace("_", " "))}</span> '
            f"{link(ev.source)}{ident}<br>{esc(ev.text)}{extra}")


def _plain(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


def _debris(report: Report) -> list[str]:
    art = report.article
    if not art.removed and not art.credits:
        return []
    out = ['<details class="debris">',
           f"<summary>Removed from the page before checking ({len(art.removed)}) "
           f"and credits ({len(art.credits)})</summary>"]
    for heading, items in (("Removed", art.removed), ("Credits", art.credits)):
        if items:
            out.append(f"<h3>{heading}</h3><ul>")
            out += [f"<li>{esc(item)}</li>" for item in items]
            out.append("</ul>")
    out.append("</details>")
    return out
