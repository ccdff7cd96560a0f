"""The congress-legislators importer (knowledge/congress.py) through `newscheck kb import`'s code.

Real records come from the derived CC0 fixtures in tests/data/kb/; "Pat Example" and the
X9000xx bioguide ids are fictional and only exercise mechanics.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from newscheck.errors import ImportFailed
from newscheck.knowledge import open_kb
from newscheck.knowledge.congress import looks_like_congress
from newscheck.knowledge.importer import detect, import_files

from .kbhelpers import isolate

DATA = Path(__file__).parent.parent / "data" / "kb"
FIXTURES = [DATA / "congress-legislators-fixture.yaml", DATA / "congress-executive-fixture.yaml"]
WARREN, SANDERS, PELOSI, BIDEN = "Q434706", "Q359442", "Q170581", "Q6279"

TINY = """\
- id:
    bioguide: X900001
  name:
    first: Patricia
    nickname: Pat
    last: Example
  terms:
  - type: rep
    start: '2019-01-03'
    end: '2021-01-03'
    state: OH
    district: 9
    party: Democrat
  - type: sen
    start: '2021-01-03'
    end: '2027-01-03'
    state: OH
    party: Independent
    caucus: Democrat
  leadership_roles:
  - title: Senate Minority Whip
    chamber: senate
    start: '2023-01-03'
"""


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    isolate(monkeypatch, tmp_path)


@pytest.fixture(scope="module")
def kb_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("congress") / "kb.sqlite"
    import_files(path, FIXTURES)
    return path


def test_detects_the_yaml_files_even_after_a_comment_header() -> None:
    for f in FIXTURES:
        assert detect(f) == "congress"
    assert not looks_like_congress(b"- just a list\n")


def test_terms_seats_and_parties(kb_path: Path) -> None:
    with open_kb(kb_path) as kb:
        terms = kb.positions(WARREN, date(2020, 6, 1))
        assert [t.position for t in terms] == ["L:us-senator-MA"]
        assert terms[0].position_label == "United States senator from Massachusetts"
        assert terms[0].statement is not None and "/terms/" in terms[0].statement
        parties = [a for a in kb.affiliations(WARREN) if a.start and a.start.iso() < "2020"]
        assert {a.position_label for a in parties} == {"Democratic Party"}
        seat = kb.entity("L:us-representative-CA-11")
        assert seat is not None and seat.label.endswith("California's 11th congressional district")
        assert kb.jurisdiction("L:us-senator-MA") == "L:us-state-MA"


def test_scheduled_ends_after_the_file_date_are_left_open(kb_path: Path) -> None:
    with open_kb(kb_path) as kb:
        last = [t for t in kb.positions(SANDERS) if t.position == "L:us-senator-VT"][-1]
        assert last.start is not None and last.start.iso() == "2025-01-03"
        assert last.end is None   # the data say 2031-01-03: scheduled, not a fact
        src = {s["name"]: s["as_of"] for s in kb.sources()}
        assert src["congress-legislators congress-legislators-fixture.yaml"] == "2025-01-03"


def test_leadership_vice_presidency_and_nicknames(kb_path: Path) -> None:
    with open_kb(kb_path) as kb:
        speaker = [t for t in kb.positions(PELOSI)
                   if t.position == "L:us-speaker-of-the-house"]
        assert [t.span() for t in speaker] == ["2019-01-03 to 2021-01-03",
                                               "2021-01-03 to 2023-01-03"]
        assert kb.single_holder("L:us-speaker-of-the-house")
        assert not kb.single_holder("L:us-senator-MA")
        vp = kb.holders("L:vice-president-of-the-united-states", date(2012, 5, 1))
        assert [t.person for t in vp] == [BIDEN]
        assert [e.id for e in kb.search("Bernie Sanders")] == [SANDERS]
        # congress offices are read by the congress patterns, not by the gazetteer
        assert not any(e == "L:us-senator-MA" for _, e in kb.names())


def test_party_affiliation_caucus_and_local_ids(tmp_path: Path) -> None:
    f = tmp_path / "legislators-current.yaml"
    f.write_text(TINY, encoding="utf-8")
    path = tmp_path / "kb.sqlite"
    import_files(path, [f])
    with open_kb(path) as kb:
        (pat,) = kb.search("Pat Example")
        assert pat.id == "L:bioguide-X900001" and "Patricia Example" in pat.aliases
        assert [t.position for t in kb.positions(pat.id)] == [
            "L:us-representative-OH-9", "L:us-senator-OH", "L:us-senate-minority-whip"]
        labels = sorted(a.position_label for a in kb.affiliations(pat.id))
        assert labels == ["Democratic Party", "Democratic Party (caucus)", "independent"]
        assert kb.sources()[0]["as_of"] == "2023-01-03"


def test_bad_records_fail_with_a_line_or_are_skipped(tmp_path: Path) -> None:
    bad = tmp_path / "legislators-current.yaml"
    bad.write_text(TINY.replace("'2019-01-03'", "'Jan 2019'"), encoding="utf-8")
    with pytest.raises(ImportFailed, match="person 1: malformed record"):
        import_files(tmp_path / "kb.sqlite", [bad])
    assert not (tmp_path / "kb.sqlite").exists()
    result = import_files(tmp_path / "kb.sqlite", [bad, FIXTURES[1]], skip_bad=True)
    assert result.skipped == 1
    broken = tmp_path / "broken.yaml"
    broken.write_text("- id:\n    bioguide: X1\n  name: [unclosed\n", encoding="utf-8")
    with pytest.raises(ImportFailed, match="not valid YAML"):
        import_files(tmp_path / "kb2.sqlite", [broken])


def test_shipped_records_round_trip_and_align_with_the_starter_ids(tmp_path: Path) -> None:
    from newscheck.knowledge.congress import (
        PRESIDENT,
        align,
        parse,
        record_from_json,
        record_to_json,
    )
    from newscheck.knowledge.writer import Record, Stmt

    records = parse(FIXTURES[1]).records
    again = [record_from_json(record_to_json(r)) for r in records]
    assert [(r.id, r.label, r.aliases, r.statements) for r in again] == [
        (r.id, r.label, r.aliases, r.statements) for r in records]
    # a pack that holds Obama under a local id: the congress record takes it
    starter = [Record("L:barack-obama", "Barack Obama", "person",
                      statements=[Stmt("P39", PRESIDENT, "2009-01-20", "day")])]
    renamed = align(again, starter)
    assert renamed == {"Q76": "L:barack-obama"}
    assert not any(r.id == "Q76" for r in again)


def test_the_default_kb_holds_the_shipped_congress_records() -> None:
    with open_kb() as kb:
        names = {s["name"] for s in kb.sources()}
        assert any(n.startswith("congress-legislators ") and "2026-06-15" in n for n in names)
        (warren,) = kb.search("Elizabeth Warren")
        seats = {t.position for t in kb.positions(warren.id)}
        assert "L:us-senator-MA" in seats
