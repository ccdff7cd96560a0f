"""The US Congress and executive from ``unitedstates/congress-legislators`` (CC0) → records.

Files: ``legislators-current.yaml`` (and ``legislators-historical.yaml``, same layout) — every
member with all terms (``type`` sen/rep, ``start``, ``end``, ``state``, ``district``, ``party``,
``party_affiliations``) and ``leadership_roles``; ``executive.yaml`` — presidents and vice
presidents (``type`` prez/viceprez).

Encoding (Wikidata's model, docs/knowledge.md):

* a seat is a position per state and chamber: ``L:us-senator-MA`` "United States senator from
  Massachusetts", ``L:us-representative-NY-10`` "United States representative for New York's
  10th congressional district" (P1001 = the state item ``L:us-state-NY``, P17 = Q30, P1545 =
  the district); office kinds ``us_senator`` / ``us_representative``, several holders;
* party: P102 (member of political party) statements on the person, dated like the term (or its
  ``party_affiliations``), value ``L:us-party-democrat`` …; a term's ``caucus`` other than its
  party (independents caucusing with Democrats) is a P102 statement ``L:us-caucus-<party>``;
* leadership roles: positions ``L:us-<title slug>`` (kind ``us_congress_leader``, one holder);
* presidents: Q11696 (the starter pack's id, from world-leaders-2021); vice presidents:
  ``L:vice-president-of-the-united-states`` (kind ``us_vice_president``, one holder).

Dates: a ``start``/``end`` after the file's date is a scheduled end, not a fact: such a term is
stored open. The file's date is the newest start in it unless the caller knows it (the pack build
passes the source commit's date). People keep their Wikidata id (``id.wikidata``), else
``L:bioguide-<id>`` / ``L:govtrack-<id>``. Each statement's ``sid`` names its record
(``legislators-current.yaml#C000127/terms/3``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import rx
from ..errors import ImportFailed
from .usstates import NAMES as STATE_NAMES
from .writer import Record, Stmt

US = "Q30"
PRESIDENT = "Q11696"
VICE_PRESIDENT = "L:vice-president-of-the-united-states"
SENATOR, REPRESENTATIVE = "us_senator", "us_representative"
LEADER, VP_KIND = "us_congress_leader", "us_vice_president"
CAUCUS_PREFIX = "L:us-caucus-"
PARTY_PREFIX = "L:us-party-"
# The leadership titles claims name; other roles (conference chairs, ...) are imported too.
LEADERSHIP = ("Speaker of the House", "House Majority Leader", "House Minority Leader",
              "House Majority Whip", "House Minority Whip", "Senate Majority Leader",
              "Senate Minority Leader", "Senate Majority Whip", "Senate Minority Whip",
              "President Pro Tempore of the Senate")
_QID = rx.compile(r"^Q\d+$")
_DATE = rx.compile(r"^\d{4}-\d{2}-\d{2}$")


def looks_like_congress(head: bytes) -> bool:
    """The first bytes of a congress-legislators YAML file."""
    lines = [ln for ln in head.lstrip().split(b"\n") if not ln.startswith(b"#")]
    text = b"\n".join(lines).lstrip()
    return text.startswith(b"- id:") and (b"bioguide:" in head or b"govtrack:" in head)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def party_id(party: str) -> str:
    return PARTY_PREFIX + slug(party)


def seat_id(chamber: str, state: str, district: int | None = None) -> str:
    if chamber == "sen":
        return f"L:us-senator-{state}"
    return f"L:us-representative-{state}-{district if district else 'at-large'}"


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def seat_record(chamber: str, state: str, district: int | None = None) -> Record:
    name = STATE_NAMES.get(state, state)
    stmts = [Stmt("P17", US), Stmt("P1001", f"L:us-state-{state}")]
    if chamber == "sen":
        return Record(seat_id(chamber, state), f"United States senator from {name}", "position",
                      statements=stmts, office_kind=SENATOR, single_holder=False)
    if state in ("DC", "GU", "VI", "AS", "MP", "PR"):
        title = ("Resident Commissioner of Puerto Rico" if state == "PR" else
                 f"Delegate to the United States House of Representatives from {name}")
    else:
        where = "at-large" if not district else _ordinal(district)
        title = f"United States representative for {name}'s {where} congressional district"
        if district:
            stmts.append(Stmt("P1545", str(district)))
    return Record(seat_id(chamber, state, district), title, "position", statements=stmts,
                  office_kind=REPRESENTATIVE, single_holder=False)


@dataclass
class Parsed:
    records: list[Record]
    as_of: str | None
    skipped: int


def _day(value: Any, where: str) -> str | None:
    if value is None or value == "":
        return None
    text = str(value)
    if not _DATE.match(text):
        raise ValueError(f"{where}: {text!r} is not a YYYY-MM-DD date")
    return text


def _span(start: str | None, end: str | None, as_of: str) -> tuple[str | None, str | None]:
    """A term's dates with ends after ``as_of`` (scheduled, not facts) left open."""
    return start, (end if end is not None and end <= as_of else None)


def _names(name: dict[str, Any], wikipedia: str | None) -> tuple[str, list[str]]:
    """Label and aliases: official name (quotes removed), first/nickname + last, with middle."""
    first, last = str(name.get("first", "")).strip(), str(name.get("last", "")).strip()
    middle, nick = str(name.get("middle", "") or "").strip(), str(name.get("nickname", "") or "")
    suffix = str(name.get("suffix", "") or "").strip()
    official = str(name.get("official_full", "") or "").strip()
    quoted = re.search(r'"([^"]+)"', official)
    plain = re.sub(r'\s*"[^"]+"\s*', " ", official).strip()
    label = f"{first} {last}".strip()
    if wikipedia:
        label = re.sub(r"\s*\([^)]*\)$", "", wikipedia)
    elif official and not quoted:
        label = official
    elif nick:
        label = f"{nick} {last}"
    forms = [plain, f"{first} {last}", f"{first} {middle} {last}" if middle else "",
             f"{nick} {last}" if nick else "", f"{quoted.group(1)} {last}" if quoted else "",
             f"{first} {last} {suffix}" if suffix else ""]
    if wikipedia:
        forms.append(re.sub(r"\s*\([^)]*\)$", "", wikipedia))
    aliases = [f for f in dict.fromkeys(re.sub(r"\s+", " ", f).strip(" ,") for f in forms)
               if f and f != label and " " in f]
    return label, aliases


def person_id(ids: dict[str, Any]) -> str:
    qid = str(ids.get("wikidata") or "")
    if _QID.match(qid):
        return qid
    if ids.get("bioguide"):
        return f"L:bioguide-{ids['bioguide']}"
    if ids.get("govtrack"):
        return f"L:govtrack-{ids['govtrack']}"
    raise ValueError("no wikidata, bioguide or govtrack id")


def _file_as_of(people: list[dict[str, Any]]) -> str | None:
    starts = [str(x.get("start")) for p in people if isinstance(p, dict)
              for key in ("terms", "leadership_roles") for x in p.get(key) or ()
              if isinstance(x, dict) and _DATE.match(str(x.get("start", "")))]
    return max(starts) if starts else None


def _person(p: dict[str, Any], n: int, file: str, as_of: str,
            positions: dict[str, Record]) -> Record:
    ids = p["id"]
    pid = person_id(ids)
    ref = ids.get("bioguide") or ids.get("govtrack") or n
    label, aliases = _names(p["name"], ids.get("wikipedia"))
    rec = Record(pid, label, "person", aliases=aliases)
    for i, t in enumerate(p.get("terms") or ()):
        where = f"{file}#{ref}/terms/{i}"
        start, end = _span(_day(t.get("start"), where), _day(t.get("end"), where), as_of)
        if start is None or start > as_of:
            continue   # a term that had not begun on the file's date
        kind = t["type"]
        if kind in ("sen", "rep"):
            district = t.get("district")
            seat = seat_record(kind, str(t["state"]), int(district) if district else None)
            positions.setdefault(seat.id, seat)
            position = seat.id
        elif kind == "prez":
            position = PRESIDENT
        elif kind == "viceprez":
            position = VICE_PRESIDENT
        else:
            raise ValueError(f"{where}: unknown term type {kind!r}")
        rec.statements.append(Stmt("P39", position, start, "day", end,
                                   "day" if end else None, sid=where))
        parts = [(a.get("party"), a.get("start"), a.get("end"))
                 for a in t.get("party_affiliations") or ()] or [(t.get("party"), start, end)]
        for j, (party, s, e) in enumerate(parts):
            if not party:
                continue
            s, e = _span(_day(s, where), _day(e, where), as_of)
            rec.statements.append(Stmt("P102", party_id(str(party)), s, "day", e,
                                       "day" if e else None, sid=f"{where}/party/{j}"))
        if t.get("caucus") and t.get("caucus") != t.get("party"):
            rec.statements.append(Stmt("P102", CAUCUS_PREFIX + slug(str(t["caucus"])), start,
                                       "day", end, "day" if end else None,
                                       sid=f"{where}/caucus"))
    for i, role in enumerate(p.get("leadership_roles") or ()):
        where = f"{file}#{ref}/leadership_roles/{i}"
        start, end = _span(_day(role.get("start"), where), _day(role.get("end"), where), as_of)
        if start is None or start > as_of:
            continue
        leader = leader_record(str(role["title"]))
        positions.setdefault(leader.id, leader)
        rec.statements.append(Stmt("P39", leader.id, start, "day", end,
                                   "day" if end else None, sid=where))
    return rec


def leader_record(title: str) -> Record:
    label = {"Speaker of the House": "Speaker of the United States House of Representatives"
             }.get(title, title)
    return Record(f"L:us-{slug(title)}", label, "position",
                  statements=[Stmt("P17", US), Stmt("P1001", US)], office_kind=LEADER,
                  single_holder=title in LEADERSHIP)


def fixed_records() -> list[Record]:
    """Items every congress import refers to: the vice presidency, states, parties."""
    recs = [Record(PRESIDENT, "President of the United States", "position",
                   statements=[Stmt("P17", US), Stmt("P1001", US)], office_kind="head_of_state",
                   single_holder=True),
            Record(VICE_PRESIDENT, "Vice President of the United States", "position",
                   statements=[Stmt("P17", US), Stmt("P1001", US)], office_kind=VP_KIND,
                   single_holder=True)]
    recs += [Record(f"L:us-state-{code}", name, "other", statements=[Stmt("P17", US)])
             for code, name in STATE_NAMES.items()]
    return recs


def party_records(records: Iterable[Record]) -> list[Record]:
    names = {s.value for r in records for s in r.statements if s.property == "P102"}
    out = []
    for pid in sorted(names):
        caucus = pid.startswith(CAUCUS_PREFIX)
        word = pid.removeprefix(CAUCUS_PREFIX if caucus else PARTY_PREFIX).replace("-", " ")
        label = {"democrat": "Democratic Party", "republican": "Republican Party",
                 "independent": "independent"}.get(word, word.title())
        out.append(Record(pid, f"{label} (caucus)" if caucus else label, "other"))
    return out


def parse(path: Path, *, as_of: str | None = None, skip_bad: bool = False) -> Parsed:
    """Every record of one congress-legislators YAML file."""
    import yaml  # PyYAML, a dependency; imported here to keep `import newscheck` light

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        with path.open("rb") as fh:
            people = yaml.load(fh, Loader=loader)
    except yaml.YAMLError as exc:
        raise ImportFailed(f"{path}: not valid YAML ({str(exc).splitlines()[0]})",
                           "give legislators-current.yaml or executive.yaml as published by "
                           "unitedstates/congress-legislators") from None
    if not isinstance(people, list):
        raise ImportFailed(f"{path}: not a congress-legislators file (expected a list of people)")
    as_of = as_of or _file_as_of(people)
    if as_of is None:
        raise ImportFailed(f"{path}: no dated term in the file")
    positions: dict[str, Record] = {r.id: r for r in fixed_records()}
    people_recs: list[Record] = []
    skipped = 0
    for n, p in enumerate(people, 1):
        try:
            if not isinstance(p, dict):
                raise ValueError("not a mapping")
            people_recs.append(_person(p, n, path.name, as_of, positions))
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            if not skip_bad:
                raise ImportFailed(f"{path}: person {n}: malformed record: {exc}",
                                   "fix the record or pass --skip-bad; the knowledge base is "
                                   "unchanged") from None
            skipped += 1
    records = [*positions.values(), *party_records(people_recs), *people_recs]
    return Parsed(records, as_of, skipped)


# -- the shipped, derived copy (src/newscheck/data/congress/, built by
#    scripts/build_congress_pack.py) -----------------------------------------------------------
PACK_FILES = ("pack.json", "records.jsonl")


def default_pack_dir() -> Path:
    return Path(__file__).resolve().parent.parent / "data" / "congress"


def record_to_json(rec: Record) -> dict[str, Any]:
    out: dict[str, Any] = {"id": rec.id, "label": rec.label, "kind": rec.kind}
    if rec.aliases:
        out["aliases"] = rec.aliases
    if rec.office_kind:
        out["office_kind"] = rec.office_kind
    if rec.single_holder is not None:
        out["single_holder"] = rec.single_holder
    if rec.statements:
        out["statements"] = [[s.property, s.value, s.start, s.end, s.sid]
                             for s in rec.statements]
    return out


def record_from_json(obj: dict[str, Any]) -> Record:
    stmts = [Stmt(p, v, s, "day" if s else None, e, "day" if e else None, sid=sid)
             for p, v, s, e, sid in obj.get("statements", ())]
    return Record(obj["id"], obj["label"], obj.get("kind", "other"),
                  aliases=list(obj.get("aliases", ())), statements=stmts,
                  office_kind=obj.get("office_kind"), single_holder=obj.get("single_holder"))


def read_pack(pack_dir: Path) -> tuple[dict[str, Any], list[Record]]:
    """The shipped congress records and their metadata (source, commit, as_of)."""
    import json

    meta = json.loads((pack_dir / "pack.json").read_text("utf-8"))
    with (pack_dir / "records.jsonl").open(encoding="utf-8") as fh:
        records = [record_from_json(json.loads(line)) for line in fh if line.strip()]
    return meta, records


def align(records: list[Record], known: list[Record]) -> dict[str, str]:
    """Give congress people who are in ``known`` (the starter pack) under another id that id:
    a presidential term starting the same day is the same person (Obama's Q76 in the data,
    ``L:barack-obama`` in an older pack). Returns the renames; ``records`` are changed."""
    by_start: dict[str, set[str]] = {}
    for r in known:
        for s in r.statements:
            if r.kind == "person" and s.property == "P39" and s.value == PRESIDENT and s.start:
                by_start.setdefault(s.start, set()).add(r.id)
    ids = {r.id for r in known}
    renamed: dict[str, str] = {}
    for rec in records:
        if rec.kind != "person" or rec.id in ids:
            continue
        match = {k for s in rec.statements if s.property == "P39" and s.value == PRESIDENT
                 and s.start for k in by_start.get(s.start, ())}
        if len(match) == 1:
            renamed[rec.id] = rec.id = match.pop()
    return renamed


def pack_source(meta: dict[str, Any]) -> str:
    """``congress-legislators dfa9622 (as of 2026-06-15)`` — no "/" (reports name sources, and
    a slash reads as a local path); the repository is in pack.json and docs/knowledge.md."""
    repo = str(meta["repository"]).rsplit("/", 1)[-1]
    return f"{repo} {str(meta['commit'])[:7]} (as of {meta['as_of']})"
