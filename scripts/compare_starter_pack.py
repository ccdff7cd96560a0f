#!/usr/bin/env python3
"""Compare the starter pack with the office-holder tables in ../shared/data, where they overlap.

- Japan (officeholders-japan/html/holders21.csv): Emperor, Prime Minister, Minister for Foreign
  Affairs, by day.
- South Korea (officeholders-south-korea/html/holders21.csv): President (and Acting President),
  Prime Minister, Minister of Foreign Affairs, by day.
- world-leaders-2021 (data/wikidata.csv): heads of state and government of the G20 countries and
  North Korea, by start and end year (the table covers 2021 to about October 2022).

Dates agree when they are compatible at the coarser precision ("2004" agrees with "2004-07-30").
The shared tables are snapshots of mid/late 2022: an open end there agrees with any pack end after
the snapshot. Every disagreement is printed; those examined and judged are listed in EXPLAINED with
the reason, and printed as such. Exit status 1 if any disagreement is unexplained.

Usage: python scripts/compare_starter_pack.py [--shared PATH]
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from newscheck.model import PartialDate

ROOT = Path(__file__).resolve().parents[1]
STARTER = ROOT / "src" / "newscheck" / "data" / "starter"
DEFAULT_SHARED = ROOT.parent / "shared" / "data"

JAPAN_SNAPSHOT = date(2022, 6, 1)        # holders21.csv tables: "snapshots of mid-2022"
KOREA_SNAPSHOT = date(2022, 7, 1)
WL_SNAPSHOT = date(2022, 10, 1)          # world-leaders: "to Oct 2022"
WL_WINDOW = (date(2022, 1, 1), date(2022, 9, 30))   # pack holders then should be in world-leaders

# (table, shared position label) -> pack position id
DAY_TABLES = {
    ("japan", "Emperor"): "Q208233",
    ("japan", "Prime Minister"): "Q274948",
    ("japan", "Minister for Foreign Affairs"): "Q1355043",
    ("south-korea", "President"): "Q6296418",
    ("south-korea", "Acting President"): "Q6296418",
    ("south-korea", "Prime Minister"): "Q15407843",
    ("south-korea", "Minister of Foreign Affairs"): "Q12592509",
}
WL_COUNTRIES = {"Q414", "Q408", "Q155", "Q16", "Q148", "Q142", "Q183", "Q668", "Q252", "Q38",
                "Q17", "Q96", "Q159", "Q851", "Q258", "Q884", "Q43", "Q145", "Q30", "Q423"}

# Disagreements examined by hand: key -> why the pack is as it is.
# Keys: (source, position id, person id, what) as printed by this script.
EXPLAINED: dict[tuple[str, str, str, str], str] = {
    ("japan", "Q274948", "Q132345", "end 2007-09-25 vs pack 2007-09-26"):
        "Abe's first cabinet resigned en bloc and stayed in office until Yasuo Fukuda was "
        "appointed on 2007-09-26 (English Wikipedia: 'First premiership of Shinzo Abe'); the "
        "pack uses the handover day, Wikidata the day before.",
    ("south-korea", "Q6296418", "Q12625765", "start 2016-12-09 vs pack 2017-03-10"):
        "Hwang Kyo-ahn was acting president from 2016-12-09 while Park Geun-hye's powers were "
        "suspended, but Park remained president (single holder) until her removal on 2017-03-10; "
        "the pack records Hwang's acting term only for the vacancy 2017-03-10..2017-05-10 and "
        "notes the earlier period.",
    ("south-korea", "Q15407843", "Q319920", "start 2004-07-30 vs pack 2004-06-30"):
        "Lee Hae-chan was confirmed by the National Assembly on 2004-06-29 and took office on "
        "2004-06-30 (English and German Wikipedia); the Wikidata value is a month off.",
}
# Pack terms the shared day tables lack (the tables are incomplete Wikidata snapshots).
PACK_ONLY_OK = {
    "japan": "the Japan table lacks several foreign ministers (e.g. Tarō Asō 2005-2007, "
             "Masahiko Kōmura 2007-2008, Katsuya Okada 2009-2010) and everything after mid-2022",
    "south-korea": "the Korea table starts its prime ministers in 2004 and lacks some (e.g. "
                   "Han Myeong-sook, Han Seung-soo) and everything after mid-2022",
    "world-leaders": "world-leaders lists only holders from late 2021 on",
}


@dataclass(frozen=True)
class Span:
    person: str
    position: str
    start: PartialDate | None
    end: PartialDate | None


def _pd(text: str) -> PartialDate | None:
    return PartialDate.parse(text) if text.strip() else None


def _compatible(a: PartialDate | None, b: PartialDate | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return a.earliest() <= b.latest() and b.earliest() <= a.latest()


def _load_pack() -> list[Span]:
    with (STARTER / "terms.csv").open(encoding="utf-8", newline="") as f:
        return [Span(r["person"], r["position"], _pd(r["start"]), _pd(r["end"]))
                for r in csv.DictReader(f)]


def _merge(spans: list[Span]) -> list[Span]:
    """Join consecutive spans of one person in one office (end == next start, or overlapping)."""
    out: list[Span] = []
    for s in sorted(spans, key=lambda s: (s.person, s.position,
                                          s.start.earliest() if s.start else date.min)):
        prev = out[-1] if out else None
        if (prev is not None and prev.person == s.person and prev.position == s.position
                and prev.end is not None and s.start is not None
                and s.start.earliest() <= prev.end.latest()):
            later_end = None if s.end is None else max(prev.end, s.end, key=lambda d: d.latest())
            out[-1] = Span(prev.person, prev.position, prev.start, later_end)
        else:
            out.append(s)
    return out


def _overlaps(a: Span, b: Span, today: date) -> bool:
    a0 = a.start.earliest() if a.start else date.min
    b0 = b.start.earliest() if b.start else date.min
    a1 = a.end.latest() if a.end else today
    b1 = b.end.latest() if b.end else today
    return a0 <= b1 and b0 <= a1


class Report:
    def __init__(self) -> None:
        self.unexplained: list[str] = []
        self.explained: list[str] = []
        self.agree = 0
        self.notes: dict[str, int] = defaultdict(int)

    def disagree(self, source: str, position: str, person: str, what: str) -> None:
        key = (source, position, person, what)
        line = f"{source}: {position} {person}: {what}"
        if key in EXPLAINED:
            self.explained.append(f"EXPLAINED  {line}\n           -> {EXPLAINED[key]}")
        else:
            self.unexplained.append(f"DISAGREE   {line}")


def compare_day_tables(shared: Path, pack: list[Span], rep: Report) -> None:
    for table, snapshot in (("japan", JAPAN_SNAPSHOT), ("south-korea", KOREA_SNAPSHOT)):
        path = shared / f"officeholders-{table}" / "html" / "holders21.csv"
        with path.open(encoding="utf-8", newline="") as f:
            rows = [r for r in csv.DictReader(f) if (table, r["position"]) in DAY_TABLES]
        theirs = _merge([Span(r["personID"], DAY_TABLES[(table, r["position"])], _pd(r["start"]),
                              _pd(r["end"])) for r in rows])
        positions = {DAY_TABLES[k] for k in DAY_TABLES if k[0] == table}
        ours = _merge([s for s in pack if s.position in positions])
        matched: set[Span] = set()
        for t in theirs:
            cands = [o for o in ours if o.person == t.person and o.position == t.position
                     and _overlaps(o, t, snapshot)]
            if not cands:
                rep.disagree(table, t.position, t.person,
                             f"{t.start}..{t.end or ''} missing from the pack")
                continue
            o = min(cands, key=lambda o: abs(((o.start.earliest() if o.start else date.min)
                                               - (t.start.earliest() if t.start else date.min)
                                               ).days))
            matched.add(o)
            ok = True
            if not _compatible(o.start, t.start):
                ok = False
                rep.disagree(table, t.position, t.person, f"start {t.start} vs pack {o.start}")
            if t.end is None:
                if o.end is not None and o.end.latest() < snapshot:
                    ok = False
                    rep.disagree(table, t.position, t.person,
                                 f"open end (in office at the snapshot) vs pack {o.end}")
            elif not _compatible(o.end, t.end):
                ok = False
                rep.disagree(table, t.position, t.person, f"end {t.end} vs pack {o.end}")
            rep.agree += ok
        for o in ours:
            if o not in matched and (o.start is None or o.start.earliest() < snapshot) and (
                    o.end is None or o.end.latest() >= date(2000, 1, 1)):
                rep.notes[table] += 1


def compare_world_leaders(shared: Path, pack: list[Span], rep: Report) -> None:
    path = shared / "world-leaders-2021" / "data" / "wikidata.csv"
    with path.open(encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["countryid"] in WL_COUNTRIES]
    ours = _merge(pack)
    pack_positions = {s.position for s in pack}
    seen: set[tuple[str, str]] = set()
    for r in rows:
        pos, person = r["position"], r["officeholder"]
        seen.add((pos, person))
        if pos not in pack_positions:
            rep.disagree("world-leaders", pos, person,
                         f"position {r['positionLabel']!r} not in the pack")
            continue
        start_y = int(r["start_year"]) if r["start_year"] else None
        end_y = int(r["end_year"]) if r["end_year"] else None
        cands = [o for o in ours if o.person == person and o.position == pos]
        if not cands:
            rep.disagree("world-leaders", pos, person,
                         f"{r['officeholderLabel']} {start_y}-{end_y or ''} missing from the pack")
            continue
        o = min(cands, key=lambda o: abs((o.start.value.year if o.start else 0) - (start_y or 0)))
        ok = True
        if start_y is not None and (o.start is None or o.start.value.year != start_y):
            ok = False
            rep.disagree("world-leaders", pos, person, f"start {start_y} vs pack {o.start}")
        if end_y is None:
            if o.end is not None and o.end.latest() < WL_SNAPSHOT:
                ok = False
                rep.disagree("world-leaders", pos, person, f"open end vs pack {o.end}")
        elif o.end is None or o.end.value.year != end_y:
            ok = False
            rep.disagree("world-leaders", pos, person, f"end {end_y} vs pack {o.end}")
        rep.agree += ok
    # the other way round: pack holders of those positions in 2022 should be listed there
    wl_positions = {r["position"] for r in rows}
    lo, hi = WL_WINDOW
    for o in ours:
        if o.position in wl_positions and (o.position, o.person) not in seen and _overlaps(
                o, Span(o.person, o.position, PartialDate(lo), PartialDate(hi)), hi):
            rep.disagree("world-leaders", o.position, o.person,
                         f"pack term {o.start}..{o.end or ''} not listed in world-leaders")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    args = ap.parse_args(argv)
    shared: Path = args.shared
    if not shared.exists():
        print(f"skipped: {shared} is absent")
        return 0
    pack = _load_pack()
    rep = Report()
    compare_day_tables(shared, pack, rep)
    compare_world_leaders(shared, pack, rep)
    for line in rep.unexplained + rep.explained:
        print(line)
    for source, n in sorted(rep.notes.items()):
        print(f"note       {source}: {n} pack term(s) in these offices have no row there "
              f"({PACK_ONLY_OK[source]})")
    print(f"summary: {rep.agree} agreeing, {len(rep.explained)} explained, "
          f"{len(rep.unexplained)} unexplained disagreement(s)")
    return 1 if rep.unexplained else 0


if __name__ == "__main__":
    sys.exit(main())
