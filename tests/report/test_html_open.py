"""A refuted claim's card is open: its reason is what the reader came for."""

from __future__ import annotations

import re

from newscheck.report.html import render_html

from .samples import sample_report


def test_only_refuted_cards_are_open() -> None:
    report = sample_report()
    page = render_html(report)
    cards = re.findall(r'<details class="card v-(\w+)" id="claim-\d+"( open)?>', page)
    assert cards, page[:500]
    assert all((label == "refuted") == bool(opened) for label, opened in cards)
    assert any(label == "refuted" for label, _ in cards)
