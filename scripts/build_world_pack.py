"""Build the world pack shipped in ``src/newscheck/data/world/`` from ``../shared/data``.

    python scripts/build_world_pack.py [--data PATH] [--out DIR] [--check]

Reproducible: the same data gives byte-identical files (sorted rows, no timestamps). Every term
keeps its source (``terms.csv`` ``source`` + ``row``: the source's id in ``pack.json``, which
gives repository, commit, file and snapshot date, and the line of that file).

Sources are a registry (:data:`SOURCES`): each entry is a function ``(data_dir) -> list[Source]``.
To add a source (e.g. the US Congress), write such a function returning ``Source`` values whose
``records`` are ``newscheck.knowledge.writer.Record`` objects with P39 statements carrying
``sid = "<file>:<line>"``, and register it. Records of one entity from several sources are
written once per source (each statement keeps its own source).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from newscheck.knowledge.kinds import kind_from_label
from newscheck.knowledge.tables import read_table
from newscheck.knowledge.worldpack import PACK_COLUMNS, international_overrides, pack_digest
from newscheck.knowledge.writer import Record

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data"
DEFAULT_OUT = ROOT / "src" / "newscheck" / "data" / "world"


@dataclass(slots=True)
class Source:
    """One source of the pack: where it comes from, when it was taken, what it holds."""

    id: str                 # short, unique: "ukraine-cabinet"
    repository: str         # "every-politician-scrapers/ukraine-cabinet"
    commit: str
    file: str               # path inside the repository
    as_of: str              # ISO date the source was taken
    records: list[Record] = field(default_factory=list)
    country: str | None = None
    skipped: int = 0


_ROW = re.compile(r"^\| (?P<folder>[^|/]+)/ \| (?P<name>[^|]+) \|.*\| (?P<repo>[\w./-]+) \| "
                  r"(?P<commit>[0-9a-f]{40}) \| (?P<date>\d{4}-\d{2}-\d{2}) \|$")


def officeholders_world(data: Path) -> list[Source]:
    """officeholders-world: 182 countries and ``world/``; commit and date from its README."""
    base = data / "officeholders-world"
    if not base.is_dir():
        return []
    rows = {m["folder"]: m for line in (base / "README.md").read_text("utf-8").splitlines()
            if (m := _ROW.match(line.strip()))}
    out = []
    for folder in sorted(p.name for p in base.iterdir() if (p / "html").is_dir()):
        meta = rows.get(folder)
        if meta is None:
            raise SystemExit(f"{folder}: no row in officeholders-world/README.md")
        path = base / folder / "html" / "holders21.csv"
        read = read_table(path, skip_bad=True, international=folder == "world")
        out.append(Source(folder, meta["repo"], meta["commit"], "html/holders21.csv",
                          meta["date"], read.records, read.country, read.skipped))
    return out


# ../shared/data/README.md gives these commits (abbreviated there); the tables give no snapshot
# date, so a table's date is its latest date (it is at least that new).
_SIBLINGS = {
    "officeholders-japan": ("every-politician-scrapers/japan-ministers", "8ba3cb1992be",
                            "html/holders21.csv"),
    "officeholders-south-korea": ("every-politician-scrapers/south-korea-ministers",
                                  "6f17960017c6", "html/holders21.csv"),
    "world-leaders-2021": ("every-politician-scrapers/world-leaders-2021", "be7039cf5952",
                           "data/wikidata.csv"),
}


def sibling_tables(data: Path) -> list[Source]:
    out = []
    for folder, (repo, commit, file) in _SIBLINGS.items():
        path = data / folder / file
        if not path.exists():
            continue
        read = read_table(path, skip_bad=True)
        assert read.as_of is not None
        out.append(Source(folder, repo, commit, file, read.as_of, read.records, read.country,
                          read.skipped))
    return out


SOURCES: dict[str, Callable[[Path], list[Source]]] = {
    "officeholders-world": officeholders_world,
    "officeholders-japan, -south-korea, world-leaders-2021": sibling_tables,
}


def _csv(rows: list[list[str]], header: tuple[str, ...]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(sorted(rows))
    return buf.getvalue()


def _date(value: str | None, prec: str | None) -> str:
    if not value:
        return ""
    return {"year": value[:4], "month": value[:7]}.get(prec or "day", value)


# Offices news names a government by: heads of state and government, their deputies, ministers
# of every portfolio, cabinet secretaries, and the international offices of ``world/``. Left
# out: ambassadors, governors, mayors, judges, officials (they would swell the gazetteer that
# every check loads; ``newscheck kb import`` of the same folders keeps them all).
_KEPT_KINDS = frozenset({"head_of_state", "head_of_government", "deputy_head_of_government",
                         "foreign_minister", "finance_minister", "defence_minister",
                         "interior_minister", "justice_minister", "minister"})
_CABINET_SECRETARY = re.compile(r"^(?:United States )?Secretary of (?!State for)", re.I)


# Sources kept whole: the US government's offices (attorney general, governors, ambassadors)
# are named in news everywhere.
KEEP_ALL = frozenset({"us-cabinet"})


def keep_position(rec: Record) -> bool:
    juris = next((s.value for s in rec.statements if s.property == "P1001"), None)
    return (kind_from_label(rec.label, juris) in _KEPT_KINDS
            or bool(_CABINET_SECRETARY.match(rec.label))
            or rec.label in international_overrides())


_PROMINENT = frozenset({"head_of_state", "head_of_government", "foreign_minister"})


def name_variants(people: dict[str, list[str]],
                  prominent: frozenset[str] = frozenset()) -> dict[str, list[str]]:
    """Aliases for the ways news writes names (knowledge/variants.py), kept only where no other
    person — in the world pack or the starter pack — bears them, and no country or office title
    is spelled so."""
    from newscheck.knowledge.countries import all_countries
    from newscheck.knowledge.offices import office_words
    from newscheck.knowledge.starter import default_pack_dir, read_pack
    from newscheck.knowledge.variants import unique_variants

    _, starter = read_pack(default_pack_dir())
    reserved = [n for rec in starter if rec.kind == "person" for n in (rec.label, *rec.aliases)]
    reserved += [n for c in all_countries() for n in (c.name, *c.short_forms, *c.demonyms)]
    reserved += list(office_words())
    return unique_variants(((pid, row[1], [a for a in row[2].split("|") if a])
                            for pid, row in people.items()), reserved, prominent)


def render(sources: list[Source]) -> dict[str, str]:
    """The pack's files (name → text)."""
    positions: dict[str, list[str]] = {}
    people: dict[str, list[str]] = {}
    terms: list[list[str]] = []
    overrides = international_overrides()
    kinds: dict[str, str | None] = {}
    kept = {rec.id for src in sources for rec in src.records
            if rec.kind == "position" and (src.id in KEEP_ALL or keep_position(rec))}
    for src in sources:
        for rec in src.records:
            if rec.kind == "position":
                if rec.id in positions or rec.id not in kept:
                    continue
                p17 = next((s.value for s in rec.statements if s.property == "P17"), "")
                p1001 = next((s.value for s in rec.statements if s.property == "P1001"), "")
                kind, single, aliases = overrides.get(rec.label, ("", "", ()))
                positions[rec.id] = [rec.id, rec.label, "|".join([*rec.aliases, *aliases]),
                                     p17, p1001, kind, single, src.id]
                kinds[rec.id] = kind_from_label(rec.label, p1001 or None)
                continue
            mine = [s for s in rec.statements if s.property == "P39" and s.value in kept]
            if mine:
                people.setdefault(rec.id, [rec.id, rec.label, "|".join(rec.aliases)])
            for s in mine:
                if s.property == "P39":
                    row = (s.sid or "").rsplit(":", 1)[-1]
                    terms.append([rec.id, s.value, _date(s.start, s.start_prec),
                                  _date(s.end, s.end_prec), src.id, row])
    prominent = frozenset(row[0] for row in terms if kinds.get(row[1]) in _PROMINENT)
    for pid, aliases in name_variants(people, prominent).items():
        people[pid][2] = "|".join(filter(None, [people[pid][2], *aliases]))
    meta = {
        "name": "world pack", "version": 1,
        "description": "Heads of state and government, cabinets and international offices of "
                       "the world, from Wikidata snapshots (CC0) taken by the every-politician-"
                       "scrapers repositories; built by scripts/build_world_pack.py.",
        "sources": [{"id": s.id, "repository": s.repository, "commit": s.commit,
                     "file": s.file, "as_of": s.as_of, "country": s.country,
                     "skipped_rows": s.skipped} for s in sources],
    }
    files = {
        "positions.csv": _csv(list(positions.values()), PACK_COLUMNS["positions.csv"]),
        "people.csv": _csv(list(people.values()), PACK_COLUMNS["people.csv"]),
        "terms.csv": _csv(terms, PACK_COLUMNS["terms.csv"]),
    }
    meta["digest"] = pack_digest({n: t.encode() for n, t in files.items()})
    return {"pack.json": json.dumps(meta, indent=1, ensure_ascii=False) + "\n", **files}


def coverage(pack: Path) -> str:
    """Per source: country, snapshot date, people and terms the shipped pack holds."""
    from collections import Counter

    from newscheck.knowledge.countries import country

    meta = json.loads((pack / "pack.json").read_text("utf-8"))
    with (pack / "terms.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    terms = Counter(r["source"] for r in rows)
    people = Counter(src for src, _ in {(r["source"], r["person"]) for r in rows})
    lines = ["| source (every-politician-scrapers/…) | country | as of | commit | people | terms |",
             "| --- | --- | --- | --- | ---: | ---: |"]
    for s in meta["sources"]:
        c = country(s["country"]) if s["country"] else None
        where = c.name if c is not None else (s["country"] or "international / several")
        lines.append(f"| {s['repository'].split('/')[-1]} | {where} | {s['as_of']} | "
                     f"{s['commit'][:7]} | {people[s['id']]} | {terms[s['id']]} |")
    lines.append(f"| **all {len(meta['sources'])} sources** | | | | "
                 f"{len({r['person'] for r in rows})} | {len(rows)} |")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--check", action="store_true",
                    help="exit 1 if the shipped files differ from a fresh build")
    ap.add_argument("--coverage", action="store_true",
                    help="print the shipped pack's coverage per source (a Markdown table)")
    args = ap.parse_args(argv)
    if args.coverage:
        print(coverage(args.out))
        return 0
    if not args.data.is_dir():
        print(f"no shared data at {args.data}: nothing to build (pass --data PATH)")
        return 0
    sources = [s for fn in SOURCES.values() for s in fn(args.data)]
    files = render(sources)
    if args.check:
        stale = [n for n, text in files.items()
                 if not (args.out / n).exists() or (args.out / n).read_text("utf-8") != text]
        print("world pack up to date" if not stale else f"stale: {', '.join(stale)}")
        return 1 if stale else 0
    args.out.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (args.out / name).write_text(text, "utf-8")
    n_terms = files["terms.csv"].count("\n") - 1
    print(f"{len(sources)} sources, {files['people.csv'].count(chr(10)) - 1} people, "
          f"{files['positions.csv'].count(chr(10)) - 1} positions, {n_terms} terms, "
          f"{sum(s.skipped for s in sources)} rows skipped → {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
