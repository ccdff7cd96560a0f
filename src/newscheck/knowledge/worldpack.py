"""The world pack (``src/newscheck/data/world/``), built by ``scripts/build_world_pack.py`` from
Wikidata snapshots, loaded beside the starter pack into the default knowledge base.

Format: ``pack.json`` {"name", "version", "description", "sources": [{"id", "repository",
"commit", "file", "as_of", "country", "skipped_rows"}]}; ``positions.csv``
id,label,aliases,country,jurisdiction,office_kind,single_holder,source; ``people.csv``
id,label,aliases; ``terms.csv`` person,position,start,end,source,row (``source`` an id from
pack.json, ``row`` the line of the source file). Each source is its own KB source, with its own
date (docs/knowledge.md, "Sources and their dates").
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import rx
from ..errors import ImportFailed
from .kinds import OFFICE_KINDS
from .writer import Record, Stmt

PACK_COLUMNS: dict[str, tuple[str, ...]] = {
    "positions.csv": ("id", "label", "aliases", "country", "jurisdiction", "office_kind",
                      "single_holder", "source"),
    "people.csv": ("id", "label", "aliases"),
    "terms.csv": ("person", "position", "start", "end", "source", "row"),
}
PACK_FILES = ("pack.json", *PACK_COLUMNS)

# International offices (every-politician's ``world`` dataset) held by one person at a time, and
# the names news gives them. Kind "other": no country, no national counterpart.
_INTERNATIONAL: dict[str, tuple[str, ...]] = {
    "Secretary-General of the United Nations": (
        "UN Secretary-General", "U.N. Secretary-General", "United Nations Secretary-General",
        "UN Secretary General", "U.N. Secretary General", "United Nations Secretary General",
        "Secretary-General of the UN", "Secretary General of the United Nations"),
    "Deputy Secretary-General of the United Nations": (
        "UN Deputy Secretary-General", "U.N. Deputy Secretary-General",
        "United Nations Deputy Secretary-General"),
    "President of the United Nations General Assembly": (
        "UN General Assembly President", "U.N. General Assembly President",
        "President of the UN General Assembly", "President of the General Assembly"),
    "Director-General of the World Trade Organization": (
        "WTO Director-General", "WTO Director General", "Director-General of the WTO"),
    "President of the International Court of Justice": ("ICJ President",),
    "OSCE High Commissioner on National Minorities": (),
    "president of the Parliamentary Assembly of the Council of Europe": ("PACE President",),
    "Speaker of the Arab Parliament": (),
}


def international_overrides() -> dict[str, tuple[str, str, tuple[str, ...]]]:
    """label → (office_kind, single_holder, aliases) for the international offices above."""
    return {label: ("other", "1", aliases) for label, aliases in _INTERNATIONAL.items()}


def pack_digest(files: dict[str, bytes]) -> str:
    """SHA-256 of the pack's CSV files, stored in pack.json by the build: the cache of the
    default KB is keyed on pack.json alone (reading the CSVs on every run would cost ~10 ms)."""
    h = hashlib.sha256()
    for name in PACK_COLUMNS:
        h.update(name.encode() + b"\0" + files[name] + b"\0")
    return h.hexdigest()


def default_pack_dir() -> Path:
    return Path(__file__).resolve().parent.parent / "data" / "world"


@dataclass(slots=True)
class PackSource:
    name: str               # the KB source name: "every-politician-scrapers/x 4fc6ab0"
    as_of: str
    file: str
    records: dict[str, Record] = field(default_factory=dict)


def source_name(meta: dict[str, Any]) -> str:
    return f"{meta['repository']} {meta['commit'][:7]} (as of {meta['as_of']})"


def _rows(pack: Path, name: str) -> list[dict[str, str]]:
    path = pack / name
    if not path.exists():
        raise ImportFailed(f"world pack: {path} is missing")
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if tuple(reader.fieldnames or ()) != PACK_COLUMNS[name]:
            raise ImportFailed(f"world pack: {path}: columns must be "
                               f"{','.join(PACK_COLUMNS[name])}")
        return list(reader)


_PREC = {4: ("-01-01", "year"), 7: ("-01", "month"), 10: ("", "day")}
_DATE = rx.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


def _date(text: str) -> tuple[str | None, str | None]:
    """A pack date (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``) as the ISO first day and precision."""
    if not text:
        return None, None
    if not _DATE.fullmatch(text) or not (len(text) == 4 or "01" <= text[5:7] <= "12") or (
            len(text) == 10 and not "01" <= text[8:] <= "31"):
        raise ImportFailed(f"world pack: terms.csv: {text!r} is not a date")
    pad, prec = _PREC[len(text)]
    return text + pad, prec


def _aliases(text: str) -> list[str]:
    return [a for a in text.split("|") if a]


def read_world_pack(pack: Path) -> list[PackSource]:
    """The pack's sources, each with the records it contributes (validated: unknown ids, kinds
    and dates are errors)."""
    try:
        meta = json.loads((pack / "pack.json").read_text("utf-8"))
        sources = {s["id"]: PackSource(source_name(s), s["as_of"], f"{s['repository']}@"
                                       f"{s['commit']}:{s['file']}") for s in meta["sources"]}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ImportFailed(f"world pack: {pack / 'pack.json'}: invalid ({exc})") from None
    ids = {s["id"]: s for s in meta["sources"]}
    try:
        digest = pack_digest({n: (pack / n).read_bytes() for n in PACK_COLUMNS})
    except OSError as exc:
        raise ImportFailed(f"world pack: {exc}") from None
    if meta.get("digest") != digest:
        raise ImportFailed(f"world pack: {pack}: the CSV files do not match pack.json's digest",
                           "rebuild the pack with scripts/build_world_pack.py")
    positions = {}
    for r in _rows(pack, "positions.csv"):
        kind = r["office_kind"] or None
        if kind is not None and kind not in OFFICE_KINDS:
            raise ImportFailed(f"world pack: positions.csv: unknown office_kind {kind!r}")
        stmts = [Stmt(p, v) for p, v in (("P17", r["country"]), ("P1001", r["jurisdiction"]))
                 if v]
        positions[r["id"]] = (Record(r["id"], r["label"], "position",
                                     aliases=_aliases(r["aliases"]), statements=stmts,
                                     office_kind=kind,
                                     single_holder={"1": True, "0": False}.get(
                                         r["single_holder"])), r["source"])
    people = {r["id"]: (r["label"], _aliases(r["aliases"])) for r in _rows(pack, "people.csv")}
    terms: dict[str, dict[str, list[Stmt]]] = defaultdict(lambda: defaultdict(list))
    for r in _rows(pack, "terms.csv"):
        if r["source"] not in sources or r["person"] not in people or \
                r["position"] not in positions:
            raise ImportFailed(f"world pack: terms.csv: unknown id in {r}")
        (start, sp), (end, ep) = _date(r["start"]), _date(r["end"])
        terms[r["source"]][r["person"]].append(Stmt(
            "P39", r["position"], start, sp, end, ep,
            sid=f"{ids[r['source']]['repository']}/{ids[r['source']]['file']}:{r['row']}"))
    for pid, (rec, src_id) in positions.items():
        sources[src_id].records[pid] = rec
    for src_id, by_person in terms.items():
        pack_src = sources[src_id]
        for person, stmts in by_person.items():
            label, aliases = people[person]
            pack_src.records[person] = Record(person, label, "person", aliases=aliases,
                                         statements=stmts)
    return list(sources.values())


def _countries(rec: Record, kinds: dict[str, tuple[str | None, str | None]]) -> set[str]:
    return {c for st in rec.statements if st.property == "P39"
            and (c := kinds.get(st.value, (None, None))[1])}


# The European Union's offices are held by former national leaders (Tusk, Juncker, Van Rompuy).
_EU = "Q458"


def same_people(starter: list[Record], world: list[PackSource]) -> dict[str, str]:
    """Local ids of starter-pack people → the Wikidata id the world pack gives the same person:
    the only world person bearing one of their names, who held an office in a country where the
    starter person held one (or the starter office is the EU's); Mike Pompeo, ``L:mike-pompeo``
    → ``Q473239``. Two candidates, or none in a shared country: no merge."""
    from .schema import norm

    kinds: dict[str, tuple[str | None, str | None]] = {}
    by_name: dict[str, set[str]] = defaultdict(set)
    people: dict[str, Record] = {}
    for src in world:
        for rec in src.records.values():
            if rec.kind == "position":
                juris = next((s.value for s in rec.statements if s.property == "P1001"), None)
                kinds[rec.id] = (rec.office_kind, juris)
            else:
                people.setdefault(rec.id, rec)
                for name in (rec.label, *rec.aliases):
                    by_name[norm(name)].add(rec.id)
    for rec in starter:
        if rec.kind == "position":
            country = next((s.value for s in rec.statements if s.property == "P1001"), None)
            kinds[rec.id] = (rec.office_kind, country)
    world_countries: dict[str, set[str]] = defaultdict(set)
    for src in world:
        for rec in src.records.values():
            if rec.kind == "person":
                world_countries[rec.id] |= _countries(rec, kinds)
    out: dict[str, str] = {}
    for rec in starter:
        if rec.kind != "person" or not rec.id.startswith("L:"):
            continue
        found = set().union(*(by_name.get(norm(n), set()) for n in (rec.label, *rec.aliases)))
        mine = _countries(rec, kinds)
        if len(found) == 1:
            cand = next(iter(found))
            if _EU in mine or mine & world_countries[cand]:
                out[rec.id] = cand
    return out
