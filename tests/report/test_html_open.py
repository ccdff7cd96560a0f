"""A refuted claim's reason is visible without a click: in the problems list and on its card."""

from __future__ import annotations

import re

from newscheck.report.html import render_html

from .samples import sample_report


def test_every_explanation_is_shown_outside_details() -> None:
    report = sample_report()
    page = render_html(report)
    cards = re.findall(r'<article class="card v-(\w+)" id="claim-(\d+)"', page)
    assert len(cards) == len(report.claims)
    for claim, (_, n) in zip(report.claims, cards, strict=True):
        card = page.split(f'id="claim-{n}"')[1].split("</article>")[0]
        if claim.verdict is not None:
            shown = card.split("<details>")[0]
            assert claim.verdict.explanation.split(";")[0].replace("'", "&#x27;") in shown
