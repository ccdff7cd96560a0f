"""Per-source dates: each statement knows when its source was taken; no refutation past it;
overlapping records from several sources are merged, and disagreeing ones decide nothing.

The office-holders of Ruritania (country L:ruritania) are fictional."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from newscheck.knowledge import KnowledgeBase
from newscheck.knowledge.schema import create
from newscheck.knowledge.writer import Record, Stmt, Writer
from newscheck.model import Term
from newscheck.verify.sources import merge, office_as_of

from .conftest import Check, at, checker_for, make_claim, ref

PM = "L:ruritania-pm"


def _pm(start: str | None, end: str | None = None) -> Stmt:
    prec = {4: "year", 7: "month", 10: "day"}
    return Stmt("P39", PM, f"{start}-01-01"[:10] if start and len(start) == 4 else start,
                prec[len(start)] if start else None, end, "day" if end else None)


def _kb(tmp: Path, sources: dict[str, tuple[str, list[tuple[str, str, list[Stmt]]]]]) -> Path:
    path = tmp / "kb.sqlite"
    conn = sqlite3.connect(path)
    create(conn)
    office = Record(PM, "Prime Minister of Ruritania", "position",
                    statements=[Stmt("P17", "L:ruritania"), Stmt("P1001", "L:ruritania")],
                    office_kind="head_of_government")
    for name, (as_of, people) in sources.items():
        w = Writer(conn, name)
        w.put(office)
        for pid, label, stmts in people:
            w.put(Record(pid, label, "person", statements=stmts))
        w.finish(kind="table", file=name, as_of=as_of)
    conn.commit()
    conn.close()
    return path


@pytest.fixture()
def two_snapshots(tmp_path: Path) -> KnowledgeBase:
    """Snapshot A (2022-07-23): Anna open since 2019. Source B (2024-12-01): Anna ended
    2022-09-06, Boris from 2022-09-06, and Carl 2010-2015 (A says Carl to 2016-06-30)."""
    return KnowledgeBase.open(_kb(tmp_path, {
        "snapshot A": ("2022-07-23", [
            ("L:anna", "Anna Testova", [_pm("2019-07-24")]),
            ("L:carl", "Carl Testin", [_pm("2010-05-01", "2016-06-30")])]),
        "source B": ("2024-12-01", [
            ("L:anna", "Anna Testova", [_pm("2019-07-24", "2022-09-06")]),
            ("L:boris", "Boris Testov", [_pm("2022-09-06")]),
            ("L:carl", "Carl Testin", [_pm("2010-05-01", "2015-04-30")])]),
    }))


@pytest.fixture()
def old_only(tmp_path: Path) -> KnowledgeBase:
    return KnowledgeBase.open(_kb(tmp_path, {
        "snapshot A": ("2022-07-23", [
            ("L:anna", "Anna Testova", [_pm("2019-07-24")]),
            ("L:yuri", "Yuri Old", [_pm("2014-02-27", "2016-04-14")])]),
        "later table": ("2026-06-15", []),
    }))


def _role(person: str, day: str) -> object:
    return make_claim("role", ref(person), ref(PM, "Prime Minister"), at(day))


def test_terms_carry_their_source_date(two_snapshots: KnowledgeBase) -> None:
    dates = {t.source: t.as_of for t in two_snapshots.positions("L:anna")}
    assert dates == {"snapshot A": date(2022, 7, 23), "source B": date(2024, 12, 1)}
    assert two_snapshots.as_of == date(2024, 12, 1)     # the newest source


def test_no_refutation_past_the_source_date(old_only: KnowledgeBase) -> None:
    check: Check = checker_for(old_only, "2023-05-07")
    v = check(_role("L:yuri", "2023-05-07"))       # the office's only record ends 2022-07-23
    assert v.label == "not_enough_evidence"
    assert "snapshot A" in v.explanation and "2022-07-23" in v.explanation
    v = check(_role("L:yuri", "2021-05-07"))       # inside the source: refuted, source named
    assert v.label == "refuted"
    assert "Source: snapshot A (as of 2022-07-23)" in v.explanation
    v = check(_role("L:anna", "2023-05-07"))       # open in a 2022 snapshot: cannot tell
    assert v.label == "not_enough_evidence" and "2022-07-23" in v.explanation
    assert v.evidence[0].extra["source_as_of"] == "2022-07-23"


def test_a_newer_source_closes_an_older_snapshots_open_term(two_snapshots: KnowledgeBase) -> None:
    check: Check = checker_for(two_snapshots, "2023-05-07")
    v = check(_role("L:anna", "2023-05-07"))
    assert v.label == "refuted"
    assert "Boris Testov" in v.explanation and "source B (as of 2024-12-01)" in v.explanation
    assert check(_role("L:boris", "2023-05-07")).label == "supported"
    assert check(_role("L:anna", "2021-01-05")).label == "supported"


def test_disagreeing_sources_never_refute(two_snapshots: KnowledgeBase) -> None:
    check: Check = checker_for(two_snapshots, "2016-01-10")
    v = check(_role("L:carl", "2016-01-10"))        # A: still in office; B: left in 2015
    assert v.label == "supported"                  # not refuted on the weaker record
    assert "sources disagree" in v.explanation
    assert "snapshot A" in v.explanation and "source B" in v.explanation
    assert {e.source for e in v.evidence} == {"snapshot A", "source B"}
    agreed = check(_role("L:carl", "2012-01-10"))   # both agree
    assert agreed.label == "supported" and v.confidence < agreed.confidence
    assert "disagree" not in agreed.explanation


def test_merge_keeps_disagreements_and_drops_superseded_open_terms() -> None:
    open_old = Term("p", PM, None, None, "A", as_of=date(2022, 7, 23))
    closed_new = Term("p", PM, None, None, "B", as_of=date(2024, 12, 1))
    assert merge([open_old, closed_new], lambda p: p) == [closed_new]
    assert merge([open_old], lambda p: p) == [open_old]
    other_person = Term("q", PM, None, None, "B", as_of=date(2024, 12, 1))
    assert merge([open_old, other_person], lambda p: p) == [open_old, other_person]
    assert office_as_of([open_old, closed_new], None) == (date(2024, 12, 1), "B")
    assert office_as_of([], date(2020, 1, 1)) == (date(2020, 1, 1), "")
