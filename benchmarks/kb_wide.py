"""First use of a position with tens of thousands of holders: the term-span index
(knowledge/spans.py) against loading every holder, in the same run, on the same KB.

    python3 benchmarks/kb_wide.py [--holders 5000 50000 200000] [--repeat 7]

For each size, a Wikidata dump is generated and imported with ``newscheck kb import``'s code:
one wide position ("member of" a fictional assembly of 500 seats, ~5-year terms, so a history
of holders/100 years with about the same number in office on any day — as a parliament seat
class in a real dump), 60 ordinary positions of 20 holders each, and the people. Fictional ids
(Q93…): mechanics only, no facts.

Timed on a KnowledgeBase freshly opened for each repeat (the file is in the OS page cache: this
is a first use in a process, not a cold disk), median of ``--repeat``:

* ``holders(position, day)``, a day in the last 15 years of the record: the indexed query
  (newscheck now) and, as PEER, the same call with the index ignored — the whole position loaded
  and indexed in memory, what newscheck did before — and, as ANCHOR, the bare ``SELECT`` of all
  the position's terms that that load starts with;
* a role claim about the wide position ("P was a member on D", D 30 years after P's term, so
  the checker asks who else held the office and since when): the role checker on each path;
* who held the office over a year, as verification asks it (``office_holders``: Facts with the
  merge of sources, then each term's fit with the year), on each path;
* the import, and the time the index adds to it (``spans.install`` on the imported KB).

Sublinear means the indexed figures stay about flat from one size to the next while the peer's
grow with the number of holders; the last lines print both growth ratios.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import newscheck
from newscheck.knowledge import KnowledgeBase, spans, wdjson
from newscheck.knowledge.importer import import_files
from newscheck.knowledge.terms import TERMS_SQL
from newscheck.model import Claim, EntityRef, TimeAnchor
from newscheck.verify import CHECKERS, Context
from newscheck.verify.facts import Facts
from newscheck.verify.offices import office_holders
from newscheck.verify.policy import Window

WIDE, ASSEMBLY, END = "Q93000000", "Q93000001", date(2025, 1, 1)
SEATS, TERM_DAYS = 500, 5 * 365


def write_dump(path: Path, holders: int, rng: random.Random) -> list[tuple[str, date, date]]:
    """The dump; returns the wide position's (person, start, end) for the claims."""
    years = holders * TERM_DAYS // SEATS // 365
    first = END - timedelta(years * 365)
    terms: list[tuple[str, date, date]] = []
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=1) as f:
        f.write("[\n")
        f.write(json.dumps(wdjson.entity(ASSEMBLY, "Wide Assembly", instance_of=["Q6256"])) + ",\n")
        f.write(json.dumps(wdjson.entity(WIDE, "member of the Wide Assembly", instance_of=[
            "Q4164871"], country=ASSEMBLY, jurisdiction=ASSEMBLY)) + ",\n")
        for i in range(60):
            f.write(json.dumps(wdjson.entity(f"Q931{i:05d}", f"Office {i}", instance_of=[
                "Q4164871"], country=ASSEMBLY, jurisdiction=ASSEMBLY)) + ",\n")
        for i in range(holders + 1200):
            pid = f"Q932{i:06d}"
            if i < holders:
                start = first + timedelta(rng.randrange((END - first).days))
                end = start + timedelta(rng.randrange(TERM_DAYS // 2, TERM_DAYS * 3 // 2))
                pos, open_end = WIDE, end >= END
                terms.append((pid, start, end))
            else:   # the ordinary positions: 20 holders each
                pos = f"Q931{(i - holders) % 60:05d}"
                start = date(1950, 1, 1) + timedelta(rng.randrange(70 * 365))
                end, open_end = start + timedelta(rng.randrange(300, 3000)), False
            term = {"position": pos, "start": start.isoformat()}
            if not open_end:
                term["end"] = end.isoformat()
            f.write(json.dumps(wdjson.entity(pid, f"Person {i}", instance_of=["Q5"],
                                             positions=[term])) + ",\n")
        f.write(json.dumps(wdjson.entity("Q93999999", "Last", instance_of=["Q5"])) + "\n]\n")
    return terms


def role_claim(person: str, day: date) -> Claim:
    return Claim(id="c1", kind="role", text="", sentence="", start=0, end=0,
                 time=TimeAnchor(basis="published", date=day),
                 subject=EntityRef(mention=person, id=person),
                 object=EntityRef(mention="member of the Wide Assembly", id=WIDE))


def timed(kb_path: Path, whole: bool, work: Callable[[KnowledgeBase], object],
          repeat: int) -> tuple[float, object]:
    """Median seconds of ``work`` on a fresh KB (``whole``: the span index ignored)."""
    secs, result = [], None
    for _ in range(repeat):
        kb = KnowledgeBase.open(kb_path)
        if whole:
            kb._spans = False
        t0 = time.perf_counter()
        result = work(kb)
        secs.append(time.perf_counter() - t0)
        kb.close()
    return statistics.median(secs), result


def reinstall_secs(kb_path: Path) -> float:
    """The time ``spans.install`` takes on the imported KB (the index's share of an import)."""
    conn = sqlite3.connect(kb_path)
    spans.drop(conn)
    conn.commit()
    t0 = time.perf_counter()
    spans.install(conn)
    conn.commit()
    secs = time.perf_counter() - t0
    conn.close()
    return secs


def measure(holders: int, repeat: int, tmp: Path) -> dict[str, float]:
    rng = random.Random(holders)
    dump, kb_path = tmp / f"wide{holders}.json.gz", tmp / f"wide{holders}.sqlite"
    terms = write_dump(dump, holders, rng)
    t0 = time.perf_counter()
    import_files(kb_path, [dump])
    out = {"import": time.perf_counter() - t0, "index": reinstall_secs(kb_path)}
    days = [END - timedelta(rng.randrange(15 * 365)) for _ in range(repeat)]
    pick = iter(days * 2)
    forty = END - timedelta(40 * 365)       # a member who left 40 years ago, asked 10 years ago
    person = min(terms, key=lambda t: abs((t[2] - forty).days))[0]
    claim = role_claim(person, END - timedelta(10 * 365))

    def verdict(kb: KnowledgeBase) -> str:
        v = CHECKERS["role"](claim, Context(Facts(kb), END))
        return f"{v.label}: {v.explanation}"

    year = Window(days[0] - timedelta(365), days[0])

    def occupants(kb: KnowledgeBase) -> int:
        return len(office_holders(Facts(kb), [WIDE], year, exclude=None))

    for path, whole in (("indexed", False), ("whole", True)):
        out[f"year {path}"], out[f"year n {path}"] = timed(  # type: ignore[assignment]
            kb_path, whole, occupants, repeat)
        out[f"holders {path}"], _ = timed(kb_path, whole, lambda kb: len(kb.holders(
            WIDE, next(pick))), repeat)
        out[f"claim {path}"], said = timed(kb_path, whole, verdict, repeat)
        out[f"verdict {path}"] = said  # type: ignore[assignment]
    assert out["verdict indexed"] == out["verdict whole"], "the two paths disagree"
    assert out["year n indexed"] == out["year n whole"], "the two paths disagree"
    with KnowledgeBase.open(kb_path) as kb:
        out["at a day"] = len(kb.holders(WIDE, days[0]))
        out["select"], _ = timed(kb_path, False, lambda kb: kb.conn.execute(
            TERMS_SQL.format(col="value"), (WIDE,)).fetchall(), repeat)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--holders", type=int, nargs="+", default=[5_000, 50_000, 200_000])
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args()
    print(f"newscheck {newscheck.__version__} from {Path(newscheck.__file__).parent}")
    print(f"medians of {args.repeat} fresh KB opens; ms")
    print(f"{'holders':>8} {'in office':>9} | {'holders(p, day)':^27} | {'SELECT all':>10} | "
          f"{'role claim check':^21} | {'import s':>8} {'index s':>7}")
    print(f"{'':>8} {'on a day':>9} | {'indexed':>8} {'whole':>8} {'ratio':>8} | {'(anchor)':>10} "
          f"| {'indexed':>6} {'whole':>7} {'ratio':>6} |")
    rows = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.holders:
            r = rows[n] = measure(n, args.repeat, Path(tmp))
            ratio = r["holders whole"] / r["holders indexed"]
            print(f"{n:>8,} {r['at a day']:>9,.0f} | {r['holders indexed'] * 1e3:>8.2f} "
                  f"{r['holders whole'] * 1e3:>8.1f} {ratio:>7.0f}x"
                  f" | {r['select'] * 1e3:>10.1f} | {r['claim indexed'] * 1e3:>6.2f} "
                  f"{r['claim whole'] * 1e3:>7.1f} {r['claim whole'] / r['claim indexed']:>5.0f}x"
                  f" | {r['import']:>8.1f} {r['index']:>7.2f}", flush=True)
    print("who held it over a year (verify's office_holders: Facts, merge of sources, fit), ms:")
    for n, r in rows.items():
        print(f"{n:>8,} holders: {r['year n indexed']:,.0f} terms fit; indexed "
              f"{r['year indexed'] * 1e3:.1f}, whole {r['year whole'] * 1e3:.1f} "
              f"({r['year whole'] / r['year indexed']:.0f}x)")
    print(f"verdict (both paths): {rows[args.holders[-1]]['verdict indexed']}")
    lo, hi = min(args.holders), max(args.holders)
    for what in ("holders", "claim", "year"):
        print(f"{what}: {lo:,} → {hi:,} holders ({hi / lo:.0f}x): indexed "
              f"{rows[hi][f'{what} indexed'] / rows[lo][f'{what} indexed']:.2f}x, whole "
              f"{rows[hi][f'{what} whole'] / rows[lo][f'{what} whole']:.1f}x")


if __name__ == "__main__":
    main()
