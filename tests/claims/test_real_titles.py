"""Titles and names as real office-holder tables give them (tests/realfacts.py, true facts)."""

from __future__ import annotations

from pathlib import Path

from newscheck.knowledge import KnowledgeBase, open_kb
from tests.realfacts import build_kb, only_role, real_kb

kb = real_kb
_role = only_role


def test_title_of_country_before_a_name(kb: KnowledgeBase) -> None:
    """"Foreign Minister of Japan Fumio Kishida": the country after the title is the office's,
    though a capitalised name follows it (it used to become a generic "minister" of any kind,
    which Kishida's Okinawa portfolio then "supported" in 2007)."""
    c = _role(kb, "Foreign Minister of Japan Fumio Kishida said on Sunday that talks would "
                  "continue.", "2015-05-11")
    assert c.object is not None and c.object.id == "Q1355043"
    assert c.qualifiers["office_kind"] == "foreign_minister"
    assert c.verdict is not None and c.verdict.label == "supported"
    wrong = _role(kb, "Foreign Minister of Japan Fumio Kishida said on Sunday that talks would "
                      "continue.", "2020-05-11")
    assert wrong.verdict is not None and wrong.verdict.label == "refuted"
    okinawa = _role(kb, "Foreign Minister of Japan Fumio Kishida said on Sunday that talks "
                        "would continue.", "2007-12-10")
    assert okinawa.verdict is not None and okinawa.verdict.label != "supported"


def test_kb_title_of_country_before_a_name(kb: KnowledgeBase) -> None:
    c = _role(kb, "Minister of Justice of Japan Keiko Chiba said on Tuesday that the plan would "
                  "go ahead.", "2010-03-10")
    assert c.qualifiers["office_candidates"] == ["Q841904"]
    assert c.verdict is not None and c.verdict.label == "supported"


def test_name_ending_in_a_lowercase_particle(tmp_path: Path) -> None:
    """"Abdel Fattah el-Sisi" is one name (it used to end at "Fattah", an unknown person)."""
    wl = open_kb(build_kb(tmp_path, world_leaders=True))
    try:
        c = _role(wl, "Egyptian President Abdel Fattah el-Sisi said on Wednesday that talks "
                      "would continue.", "2013-03-22")
    finally:
        wl.close()
    assert c.text == "Egyptian President Abdel Fattah el-Sisi"
    assert c.subject is not None and c.subject.id == "Q307871"
    assert c.verdict is not None and c.verdict.label != "supported"   # from 2014 on
