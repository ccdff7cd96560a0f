"""Consistency checks of the starter pack (src/newscheck/data/starter/).

These read the shipped files directly (no loader), so they also guard the file format that the
loader relies on: pack.json, positions.csv, people.csv, terms.csv.
"""

from __future__ import annotations

import csv
import json
import re
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

import pytest

from newscheck.knowledge.countries import country, normalize
from newscheck.model import PartialDate

STARTER = Path(__file__).resolve().parents[2] / "src" / "newscheck" / "data" / "starter"
SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "data"

OFFICE_KINDS = {
    "head_of_state", "head_of_government", "foreign_minister", "finance_minister",
    "defence_minister", "interior_minister", "justice_minister", "deputy_head_of_government",
    "minister", "other",
}
REQUIRED_KINDS = ("head_of_state", "head_of_government", "foreign_minister")
# G20 members, the EU and both Koreas (country ids as in countries.csv).
COVERED = {
    "Q414": "Argentina", "Q408": "Australia", "Q155": "Brazil", "Q16": "Canada",
    "Q148": "China", "Q142": "France", "Q183": "Germany", "Q668": "India",
    "Q252": "Indonesia", "Q38": "Italy", "Q17": "Japan", "Q96": "Mexico", "Q159": "Russia",
    "Q851": "Saudi Arabia", "Q258": "South Africa", "Q884": "South Korea", "Q43": "Turkey",
    "Q145": "United Kingdom", "Q30": "United States", "Q458": "European Union",
    "Q423": "North Korea",
}
# Presidential systems: the president is head of state and of government, no separate office.
NO_HEAD_OF_GOVERNMENT = {"Q414", "Q155", "Q252", "Q96", "Q258", "Q30"}
# Offices that did not exist for the whole of 2000..as_of.
CREATED = {
    "L:president-of-the-european-council": date(2009, 12, 1),
    "L:president-of-the-state-affairs-commission": date(2016, 6, 29),
}
ABOLISHED = {"L:prime-minister-of-turkey": date(2018, 7, 9)}  # Turkey: none on as_of
SCOPE_START = date(2000, 1, 1)
MAX_GAP_DAYS = 60
ID_RE = re.compile(r"^(Q[1-9]\d*|L:[a-z0-9]+(?:-[a-z0-9]+)*)$")


def _rows(name: str, columns: list[str]) -> list[dict[str, str]]:
    with (STARTER / name).open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        assert reader.fieldnames == columns, (name, reader.fieldnames)
        rows = list(reader)
    for i, row in enumerate(rows, start=2):
        assert None not in row and all(v is not None for v in row.values()), (name, i, row)
        assert all(v == v.strip() for v in row.values()), (name, i, row)
    return rows


@pytest.fixture(scope="module")
def pack() -> dict[str, object]:
    data = json.loads((STARTER / "pack.json").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


@pytest.fixture(scope="module")
def as_of(pack: dict[str, object]) -> date:
    return date.fromisoformat(str(pack["as_of"]))


@pytest.fixture(scope="module")
def positions() -> dict[str, dict[str, str]]:
    rows = _rows("positions.csv", ["id", "label", "aliases", "country", "office_kind",
                                   "single_holder"])
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids)), "duplicate position ids"
    return {r["id"]: r for r in rows}


@pytest.fixture(scope="module")
def people() -> dict[str, dict[str, str]]:
    rows = _rows("people.csv", ["id", "label", "aliases"])
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids)), "duplicate person ids"
    return {r["id"]: r for r in rows}


Parsed = tuple[str, str, PartialDate, PartialDate | None, str]


@pytest.fixture(scope="module")
def terms() -> list[Parsed]:
    rows = _rows("terms.csv", ["person", "position", "start", "end", "note"])
    out: list[Parsed] = []
    for r in rows:
        start = PartialDate.parse(r["start"])
        end = PartialDate.parse(r["end"]) if r["end"] else None
        assert start.iso() == r["start"], r   # written exactly at its precision
        assert end is None or end.iso() == r["end"], r
        out.append((r["person"], r["position"], start, end, r["note"]))
    return out


def _by_position(terms: list[Parsed]) -> dict[str, list[Parsed]]:
    grouped: dict[str, list[Parsed]] = defaultdict(list)
    for t in terms:
        grouped[t[1]].append(t)
    for ts in grouped.values():
        ts.sort(key=lambda t: (t[2].earliest(), t[2].latest()))
    return grouped


def test_pack_json(pack: dict[str, object], as_of: date) -> None:
    assert pack["name"] == "newscheck starter pack"
    assert pack["version"] == 1
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(pack["as_of"]))
    assert SCOPE_START < as_of <= date.today()
    assert isinstance(pack["description"], str) and pack["description"]
    sources = pack["sources"]
    assert isinstance(sources, list) and sources and all(isinstance(s, str) for s in sources)
    gaps = pack.get("known_gaps", [])
    assert isinstance(gaps, list)
    for g in gaps:
        assert isinstance(g, dict) and set(g) == {"position", "start", "end", "reason"}, g
        PartialDate.parse(g["start"])
        PartialDate.parse(g["end"])
        assert g["reason"].strip()


def test_positions(positions: dict[str, dict[str, str]]) -> None:
    for pid, p in positions.items():
        assert ID_RE.match(pid), pid
        assert p["label"], pid
        assert p["office_kind"] in OFFICE_KINDS, pid
        assert p["single_holder"] in {"0", "1"}, pid
        assert country(p["country"]) is not None, (pid, p["country"])
        aliases = [a for a in p["aliases"].split("|") if a] if p["aliases"] else []
        assert all(a.strip() == a and a for a in aliases), pid


def test_people(people: dict[str, dict[str, str]]) -> None:
    for pid, p in people.items():
        assert ID_RE.match(pid), pid
        assert p["label"], pid
        if p["aliases"]:
            assert all(a.strip() == a and a for a in p["aliases"].split("|")), pid


def _names(rows: dict[str, dict[str, str]]) -> dict[str, set[str]]:
    """normalized name → ids using it as label or alias."""
    out: dict[str, set[str]] = defaultdict(set)
    for pid, r in rows.items():
        for name in [r["label"], *(r["aliases"].split("|") if r["aliases"] else [])]:
            out[normalize(name)].add(pid)
    return out


def test_no_name_shared_by_two_people(people: dict[str, dict[str, str]]) -> None:
    clashes = {k: v for k, v in _names(people).items() if len(v) > 1}
    assert clashes == {}


def test_no_name_shared_by_two_positions(positions: dict[str, dict[str, str]]) -> None:
    clashes = {k: v for k, v in _names(positions).items() if len(v) > 1}
    assert clashes == {}


def test_terms_reference_existing_ids(terms: list[Parsed], people: dict[str, dict[str, str]],
                                      positions: dict[str, dict[str, str]]) -> None:
    assert {t[0] for t in terms} - set(people) == set()
    assert {t[1] for t in terms} - set(positions) == set()
    assert set(people) - {t[0] for t in terms} == set(), "people without terms"
    assert set(positions) - {t[1] for t in terms} == set(), "positions without terms"


def test_term_dates(terms: list[Parsed], as_of: date) -> None:
    for person, position, start, end, _ in terms:
        assert start.earliest() <= as_of, (person, position)
        if end is not None:
            assert start.earliest() <= end.latest(), (person, position, start, end)
            assert start.value <= end.value, (person, position, start, end)
            assert end.earliest() <= as_of, (person, position, end)
            # in scope: the term touches 2000-01-01..as_of
            assert end.latest() >= SCOPE_START, (person, position, end)


def test_no_duplicate_terms(terms: list[Parsed]) -> None:
    keys = [(t[0], t[1], t[2].iso()) for t in terms]
    assert len(keys) == len(set(keys))


def test_no_overlap_in_single_holder_offices(terms: list[Parsed],
                                             positions: dict[str, dict[str, str]],
                                             as_of: date) -> None:
    overlaps = []
    for pid, ts in _by_position(terms).items():
        if positions[pid]["single_holder"] != "1":
            continue
        assert sum(1 for t in ts if t[3] is None) <= 1, (pid, "two open terms")
        for i, a in enumerate(ts):
            for b in ts[i + 1:]:
                # the days each term certainly covers intersect (a shared handover day is fine)
                first_common = max(a[2].latest(), b[2].latest())
                last_common = min(a[3].earliest() if a[3] else as_of,
                                  b[3].earliest() if b[3] else as_of)
                if first_common < last_common:
                    overlaps.append((pid, a[0], a[2].iso(), b[0], b[2].iso()))
    assert overlaps == []


def test_required_offices_held_on_as_of(terms: list[Parsed],
                                         positions: dict[str, dict[str, str]],
                                         as_of: date) -> None:
    held: dict[tuple[str, str], list[str]] = defaultdict(list)
    for person, pid, start, end, _ in terms:
        if end is None and start.latest() <= as_of:
            p = positions[pid]
            held[(p["country"], p["office_kind"])].append(person)
    missing = []
    for cid, name in COVERED.items():
        for kind in REQUIRED_KINDS:
            if kind == "head_of_government" and cid in NO_HEAD_OF_GOVERNMENT | {"Q43"}:
                assert (cid, kind) not in held, (name, kind)
                continue
            if not held.get((cid, kind)):
                missing.append((name, kind))
    assert missing == []
    for pid in ABOLISHED:
        assert all(t[3] is not None for t in terms if t[1] == pid), pid


def _gaps(ts: list[Parsed], lo: date, hi: date) -> list[tuple[date, date]]:
    """Stretches of more than MAX_GAP_DAYS in lo..hi certainly covered by no term."""
    gaps = []
    covered_to = lo - timedelta(days=1)     # last day certainly... or possibly covered so far
    for _, _, start, end, _ in ts:
        s = start.earliest()
        if (s - covered_to).days - 1 > MAX_GAP_DAYS:
            gaps.append((covered_to + timedelta(days=1), s - timedelta(days=1)))
        covered_to = max(covered_to, end.latest() if end else hi)
    if (hi - covered_to).days > MAX_GAP_DAYS:
        gaps.append((covered_to + timedelta(days=1), hi))
    return gaps


def test_continuous_chains(terms: list[Parsed], positions: dict[str, dict[str, str]],
                           pack: dict[str, object], as_of: date) -> None:
    known = pack.get("known_gaps", [])
    assert isinstance(known, list)
    used: set[int] = set()
    unexplained = []
    for pid, ts in _by_position(terms).items():
        if positions[pid]["single_holder"] != "1":
            continue
        lo = max(SCOPE_START, CREATED.get(pid, SCOPE_START))
        hi = min(as_of, ABOLISHED.get(pid, as_of))
        for g_start, g_end in _gaps(ts, lo, hi):
            for i, k in enumerate(known):
                if (k["position"] == pid and PartialDate.parse(k["start"]).earliest() <= g_start
                        and g_end <= PartialDate.parse(k["end"]).latest()):
                    used.add(i)
                    break
            else:
                unexplained.append((pid, g_start.isoformat(), g_end.isoformat()))
    assert unexplained == []
    assert used == set(range(len(known))), "a known_gaps entry matches no gap (stale?)"


def test_offices_created_and_abolished_match_terms(terms: list[Parsed]) -> None:
    grouped = _by_position(terms)
    for pid, created in CREATED.items():
        assert grouped[pid][0][2].earliest() == created, pid
    for pid, abolished in ABOLISHED.items():
        last = grouped[pid][-1][3]
        assert last is not None and last.earliest() == abolished, pid


def _shared_csvs() -> list[Path]:
    return sorted(SHARED.glob("officeholders-*/html/*.csv")) + sorted(
        SHARED.glob("world-leaders-2021/data/wikidata.csv"))


@pytest.mark.shared
@pytest.mark.skipif(not SHARED.exists(), reason="../shared/data is absent")
def test_q_ids_come_from_shared_data(people: dict[str, dict[str, str]],
                                     positions: dict[str, dict[str, str]]) -> None:
    text = "\n".join(p.read_text(encoding="utf-8") for p in _shared_csvs())
    known = set(re.findall(r"\bQ[1-9]\d*\b", text))
    invented = sorted(i for i in [*people, *positions] if i.startswith("Q") and i not in known)
    assert invented == []


@pytest.mark.shared
@pytest.mark.skipif(not SHARED.exists(), reason="../shared/data is absent")
def test_people_in_shared_data_use_its_ids(people: dict[str, dict[str, str]]) -> None:
    """Anyone whose name appears in a shared office table must carry that table's Q id."""
    shared_ids: dict[str, set[str]] = defaultdict(set)
    for path in SHARED.glob("officeholders-*/html/holders21.csv"):
        with path.open(encoding="utf-8") as f:
            for r in csv.DictReader(f):
                shared_ids[normalize(r["person"])].add(r["personID"])
    with (SHARED / "world-leaders-2021/data/wikidata.csv").open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            shared_ids[normalize(r["officeholderLabel"])].add(r["officeholder"])
    wrong = []
    for pid, p in people.items():
        for name in [p["label"], *(p["aliases"].split("|") if p["aliases"] else [])]:
            ids = shared_ids.get(normalize(name))
            if ids and pid not in ids:
                wrong.append((pid, name, sorted(ids)))
    assert wrong == []
