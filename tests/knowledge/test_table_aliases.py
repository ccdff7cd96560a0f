"""The holders table's own name of a position becomes an alias of it, except generic titles
(tests/realfacts.py: true facts from the office-holder tables)."""

from __future__ import annotations

from pathlib import Path

import newscheck
from newscheck.knowledge import open_kb
from tests.realfacts import build_kb


def test_table_label_is_an_alias_but_generic_titles_are_not(tmp_path: Path) -> None:
    kb = open_kb(build_kb(tmp_path))
    try:
        assert [e.id for e in kb.search("Minister for Internal Affairs and Communications")] == \
            ["Q1578065"]
        # a label naming no country is given its country: a bare title names no one office
        assert kb.search("Minister for Foreign Affairs of Japan")
        assert not kb.search("Minister for Foreign Affairs")
        assert not kb.search("Minister of Territorial Issues")
        # "Minister of Finance" (Korea's table) is a generic title: no alias of Korea's office
        assert not kb.search("Minister of Finance")
        assert [e.id for e in kb.search("Minister of Finance of Japan")] == ["Q6500849"]
        report = newscheck.check("Japanese Minister for Internal Affairs and Communications "
                                 "Sanae Takaichi said on Monday that talks would continue.",
                                 published="2016-05-10", kb=kb)
        roles = [c for c in report.claims if c.kind == "role"]
        assert roles and roles[0].verdict is not None
        assert roles[0].verdict.label == "supported"
    finally:
        kb.close()
