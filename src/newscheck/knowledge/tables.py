"""Office-holder tables (CSV) → records. Shapes, detected from the header:

* ``holders``: ``position,person,personID,start[,end,...]`` (every-politician ``holders21.csv``,
  ``current.csv``), with ``positions.csv`` beside it giving the positions' ids and countries;
* ``positions``: ``id,position,country,jurisdiction,...`` (that ``positions.csv`` on its own);
* ``world-leaders``: ``countryid,country,position,positionLabel,officeholder,officeholderLabel,
  start_year,end_year`` (years only; the Wikipedia variant without ``countryid`` also works).
"""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import rx
from ..errors import ImportFailed
from ..model import PartialDate
from .kinds import kind_from_label
from .schema import norm
from .stream import open_stream
from .writer import Record, Stmt, Writer

SHAPES: dict[str, tuple[frozenset[str], frozenset[str]]] = {   # name: (required, optional)
    "holders": (frozenset({"position", "person", "personid", "start"}),
                frozenset({"end", "gender", "dob", "dod", "image", "enwiki"})),
    "positions": (frozenset({"id", "position", "country"}),
                  frozenset({"jurisdiction", "deputy", "list", "start", "end", "before", "after",
                             "enwiki"})),
    "world-leaders": (frozenset({"position", "positionlabel", "officeholder", "officeholderlabel",
                                 "start_year", "end_year"}),
                      frozenset({"countryid", "country", "continent"})),
}
_QID = rx.compile(r"^Q\d+$")
_PLAIN_DIRS = {"html", "data", "csv", "tables"}


class BadRow(ValueError):
    pass


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "x"


def source_name(path: Path) -> str:
    """``office table officeholders-japan/holders21.csv``: the file and its dataset folder."""
    parents = [p.name for p in path.resolve().parents if p.name and p.name not in _PLAIN_DIRS]
    return f"office table {parents[0]}/{path.name}" if parents else f"office table {path.name}"


def shape_of(path: Path, header: list[str]) -> str:
    cols = {c.strip().lower() for c in header if c.strip()}
    for name, (required, optional) in SHAPES.items():
        if required <= cols:
            unknown = cols - required - optional
            if unknown:
                raise ImportFailed(f"{path}: unknown columns for a {name} table: "
                                   f"{', '.join(sorted(unknown))}",
                                   "see docs/knowledge.md for the accepted table shapes")
            return name
    raise ImportFailed(f"{path}: not an office-holder table: columns {', '.join(header)!s} match "
                       "no known shape", "expected e.g. position,person,personID,start,end or "
                       "the world-leaders columns (docs/knowledge.md)")


MAX_FIELD = 131072      # csv's default field limit, kept even if a library raises the global one


def _rows(path: Path) -> tuple[list[str], Iterator[tuple[int, dict[str, str] | BadRow]]]:
    with open_stream(path) as fh:
        raw = fh.read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFailed(f"{path}: not UTF-8 text ({exc.reason})") from None
    reader = csv.reader(io.StringIO(text))
    try:
        header = next(reader, [])
    except csv.Error as exc:     # e.g. a field over csv's 128 KiB limit
        raise ImportFailed(f"{path}:{reader.line_num}: malformed header: {exc}") from None

    def rows() -> Iterator[tuple[int, dict[str, str] | BadRow]]:
        keys = [h.strip().lower() for h in header]
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:     # a field over 128 KiB, a NUL: this row, skippable
                yield reader.line_num, BadRow(str(exc))
                continue
            if any(len(cell) > MAX_FIELD for cell in row):   # whatever csv's global limit is
                yield reader.line_num, BadRow(f"field larger than {MAX_FIELD} characters")
                continue
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(keys):
                yield reader.line_num, BadRow(f"{len(row)} fields, expected {len(keys)}")
            else:
                yield reader.line_num, {k: v.strip() for k, v in zip(keys, row, strict=True)}
    return header, rows()


def _date(text: str, what: str) -> PartialDate | None:
    if not text:
        return None
    try:
        return PartialDate.parse(text)
    except ValueError:
        raise BadRow(f"{what} {text!r} is not a date") from None


def _term(position: str, start: PartialDate | None, end: PartialDate | None) -> Stmt:
    return Stmt("P39", position, start.value.isoformat() if start else None,
                start.precision if start else None, end.value.isoformat() if end else None,
                end.precision if end else None)


def _country_names(path: Path, country: str | None) -> list[str]:
    names: list[str] = []
    if country:
        try:
            from .countries import country as lookup

            c = lookup(country)
            if c is not None:
                names += [c.name, *c.short_forms]
        except ImportError:
            pass
    for meta in (path.parent / "meta.json", path.parent.parent / "meta.json"):
        if meta.exists():
            try:
                name = json.loads(meta.read_text("utf-8"))["jurisdiction"]["name"]
                names.append(str(name))
            except (ValueError, KeyError, TypeError):
                pass
    return sorted({n for n in names if n}, key=len, reverse=True)


def _keys(label: str, countries: list[str]) -> set[str]:
    out = {label}
    for c in countries:
        for suffix in (f" of {c}", f" of the {c}", f" ({c})"):
            if label.lower().endswith(suffix.lower()):
                out.add(label[: -len(suffix)])
    out |= {re.sub(r"\s*\([^)]*\)$", "", k) for k in out}
    return {re.sub(r"\bminister for\b", "minister of", norm(k)) for k in out}


class PositionIndex:
    """Resolves a holders table's short position labels to positions.csv ids."""

    def __init__(self, rows: list[dict[str, str]], countries: list[str]) -> None:
        self.countries = countries
        by_key: dict[str, set[str]] = {}
        by_kind: dict[str, set[str]] = {}
        for r in rows:
            for text in (r["position"], r.get("enwiki", "")):
                for k in _keys(text, countries) if text else ():
                    by_key.setdefault(k, set()).add(r["id"])
            kind = kind_from_label(r["position"], r.get("country") or None)
            if kind and kind not in ("minister", "other"):
                by_kind.setdefault(kind, set()).add(r["id"])
        self.by_key = {k: next(iter(v)) for k, v in by_key.items() if len(v) == 1}
        self.by_kind = {k: next(iter(v)) for k, v in by_kind.items() if len(v) == 1}

    def resolve(self, label: str, country: str | None) -> str | None:
        for k in _keys(label, self.countries):
            if k in self.by_key:
                return self.by_key[k]
        if _QUALIFIED.search(label):    # "Alternate Prime Minister" is not the Prime Minister
            return None
        kind = kind_from_label(label, country)
        return self.by_kind.get(kind) if kind else None


# A title that qualifies an office names another office: never matched by kind alone.
_QUALIFIED = rx.compile(r"\b(?:alternate|deputy|vice|first|second|senior|assistant|junior|"
                        r"associate|shadow|former|designate|elect)\b", re.I)


def _position_records(rows: list[dict[str, str]], dataset_country: str | None = None
                      ) -> list[Record]:
    """Position records; one with neither country nor jurisdiction belongs to the dataset's
    country (meta.json: Sudan's "Minister of Defence", Q85851442, has neither)."""
    recs = []
    for r in rows:
        if not _QID.match(r["id"]):
            raise BadRow(f"position id {r['id']!r} is not a Wikidata id")
        if dataset_country and not r.get("country") and not r.get("jurisdiction"):
            r = {**r, "country": dataset_country, "jurisdiction": dataset_country}
        r = {**r, **{k: COUNTRY_IDS.get(r[k], r[k]) for k in ("country", "jurisdiction")
                     if r.get(k)}}
        stmts = [Stmt("P17", r["country"])] if r.get("country") else []
        if r.get("jurisdiction"):
            stmts.append(Stmt("P1001", r["jurisdiction"]))
        country = r.get("jurisdiction") or r.get("country") or None
        recs.append(Record(r["id"], with_country(r["position"], country), "position",
                           statements=stmts))
    return recs


def _read_positions(path: Path) -> list[dict[str, str]]:
    header, rows = _rows(path)
    if shape_of(path, header) != "positions":
        raise ImportFailed(f"{path}: expected the positions table (id,position,country,...)")
    out = []
    for line, r in rows:
        if isinstance(r, BadRow):
            raise ImportFailed(f"{path}:{line}: malformed row: {r}")
        out.append(r)
    return out


@dataclass(slots=True)
class TableRead:
    """A table read into records: what the importer writes and the world pack build ships."""

    shape: str
    records: list[Record]
    as_of: str | None       # the table's latest date (a table is at least that new)
    skipped: int = 0
    country: str | None = None


def _meta(path: Path) -> dict[str, Any] | None:
    """The dataset's meta.json (beside the table or one folder up), if any."""
    for meta in (path.parent / "meta.json", path.parent.parent / "meta.json"):
        if meta.exists():
            try:
                data = json.loads(meta.read_text("utf-8"))
            except ValueError:
                raise ImportFailed(f"{meta}: not valid JSON") from None
            return data if isinstance(data, dict) else None
    return None


def _meta_country(path: Path) -> str | None:
    meta = _meta(path)
    try:
        cid = str(meta["jurisdiction"]["id"]) if meta else None
    except (KeyError, TypeError):
        return None
    return COUNTRY_IDS.get(cid, cid) if cid and _QID.match(cid) else None


# Country ids the every-politician meta.json files give that countries.csv knows under the id of
# the sovereign state (Denmark Q35 → Kingdom of Denmark Q756617, the Netherlands Q55 → Kingdom
# of the Netherlands Q29999): one country for linking "Danish" and "Dutch" titles.
COUNTRY_IDS = {"Q35": "Q756617", "Q55": "Q29999"}


def with_country(title: str, country: str | None) -> str:
    """A position's label naming its country: tables label offices "Minister of Defence" or
    "Foreign Minister" (the country is the dataset's); as a KB name such a label would make the
    bare title in any article name this one country's office. "Minister of Defence of Ukraine"."""
    if not country:
        return title
    from .countries import country as lookup

    c = lookup(country)
    if c is None:
        return title
    text = f" {norm(title)} "
    if any(f" {norm(n)} " in text for n in (c.name, *c.short_forms, *c.demonyms) if norm(n)):
        return title
    return f"{title} of {c.name}"


def _local_position(pid: str, title: str, country: str | None) -> Record:
    stmts = [Stmt("P17", country), Stmt("P1001", country)] if country else []
    return Record(pid, with_country(title, country), "position", statements=stmts)


def read_table(path: Path, *, skip_bad: bool, international: bool = False) -> TableRead:
    """Read an office-holder table into records (statement ids ``<dataset>/<file>:<line>``).

    A holders table needs ``positions.csv`` beside it, or a dataset ``meta.json`` giving the
    country (positions then get local ids), or ``international`` (offices of no country)."""
    header, rows = _rows(path)
    shape = shape_of(path, header)
    where = source_name(path).removeprefix("office table ")
    people: dict[str, Record] = {}
    others: dict[str, Record] = {}
    dates: list[PartialDate] = []
    skipped = 0
    index: PositionIndex | None = None
    table_country: str | None = None
    if shape == "holders":
        table_country = _meta_country(path)
        pos_path = path.with_name("positions.csv")
        empty = not pos_path.exists() or not pos_path.read_bytes().strip()
        pos_rows = [] if empty else _read_positions(pos_path)
        if empty and table_country is None and not international:
            raise ImportFailed(f"{path}: positions.csv not found beside it",
                               "the holders table names positions by label; positions.csv "
                               "gives their ids and countries (or a meta.json its country)")
        countries = [r["country"] for r in pos_rows if r.get("country")]
        if table_country is None and countries:
            table_country = max(set(countries), key=countries.count)
        index = PositionIndex(pos_rows, _country_names(path, table_country))
        for rec in _position_records(pos_rows, _meta_country(path)):
            others[rec.id] = rec
    for line, r in rows:
        try:
            if isinstance(r, BadRow):
                raise r
            if shape == "positions":
                for rec in _position_records([r]):
                    others[rec.id] = rec
                continue
            if shape == "holders":
                assert index is not None
                pid = index.resolve(r["position"], table_country)
                if pid is not None and pid in others:
                    _alias(others[pid], r["position"])
                if pid is None:
                    pid = f"L:{slug(table_country or 'intl')}-{slug(r['position'])}"
                    if pid not in others:
                        others[pid] = _local_position(pid, r["position"], table_country)
                        _alias(others[pid], r["position"])
                person, name = r["personid"], r["person"]
                start, end = _date(r["start"], "start"), _date(r.get("end", ""), "end")
            else:
                pid, person, name = r["position"], r["officeholder"], r["officeholderlabel"]
                start = _date(r["start_year"], "start_year")
                end = _date(r["end_year"], "end_year")
                if pid not in others:
                    cid = r.get("countryid") or _country_id(r.get("country", ""))
                    stmts = [Stmt("P17", cid), Stmt("P1001", cid)] if cid else []
                    others[pid] = Record(pid, r["positionlabel"], "position",
                                         statements=stmts)
            if not r["position"] or not name:
                raise BadRow("empty position or person")
            person = person or f"L:{slug(name)}"
            rec = people.setdefault(person, Record(person, name, "person"))
            term = _term(pid, start, end)
            term.sid = f"{where}:{line}"
            rec.statements.append(term)
            dates += [d for d in (start, end) if d is not None]
        except BadRow as exc:
            if not skip_bad:
                raise ImportFailed(f"{path}:{line}: malformed row: {exc}",
                                   "fix the row or pass --skip-bad; the knowledge base is "
                                   "unchanged") from None
            skipped += 1
    as_of = max(dates).value.isoformat() if dates else None
    return TableRead(shape, [*others.values(), *people.values()], as_of, skipped, table_country)


def dataset_files(path: Path) -> list[Path]:
    """The files to import for ``path``: itself, or for a dataset folder (every-politician
    layout: ``meta.json`` and ``html/holders21.csv``) its holders table."""
    if not path.is_dir():
        return [path]
    for table in (path / "html" / "holders21.csv", path / "holders21.csv"):
        if table.exists():
            return [table]
    raise ImportFailed(f"{path}: is a directory without html/holders21.csv",
                       "give the dump or table files themselves, or a dataset folder holding "
                       "meta.json and html/holders21.csv")


def is_international(path: Path) -> bool:
    """every-politician's ``world`` dataset (``world/html/holders21.csv``, neither
    positions.csv nor meta.json) lists international offices: UN, ICJ, WTO, ..."""
    folder = path.parent.parent if path.parent.name == "html" else path.parent
    return (path.name == "holders21.csv" and folder.name == "world"
            and not path.with_name("positions.csv").exists() and _meta(path) is None)


def import_table(conn: sqlite3.Connection, path: Path, *, skip_bad: bool,
                 as_of: str | None = None, international: bool = False) -> dict[str, Any]:
    """Import one table; its source's date is ``as_of`` if given, else the table's latest
    date (the table is at least that new, and we cannot know more)."""
    read = read_table(path, skip_bad=skip_bad, international=international)
    writer = Writer(conn, source_name(path))
    for rec in read.records:
        writer.put(rec)
    writer.finish(kind="table", file=str(path), as_of=as_of or read.as_of, skipped=read.skipped)
    return {"file": str(path), "source": writer.source, "format": f"table:{read.shape}",
            "entities": writer.entities, "statements": writer.statements,
            "skipped": read.skipped}


def _alias(position: Record, label: str) -> None:
    """The holders table's own name of a position ("Minister for Internal Affairs and
    Communications" for "Minister of Internal Affairs and Communications") is how articles name
    it too: an alias for a minister's office — unless it is a generic title of a specific kind
    ("Prime Minister", "Minister of Defence"), which the office words resolve by kind and
    country. A portfolio title ("Minister of Culture", kind ``minister``) is kept: the same alias
    of many countries' offices, narrowed to the article's country by the linker. Other titles
    ("Chief Justice") get none."""
    from .offices import office_words

    word = office_words().get(label.lower())
    if (norm(label) != norm(position.label) and label not in position.aliases
            and (word is None or word.kind == "minister")
            and kind_from_label(label, None) not in (None, "other")):
        position.aliases.append(label)


def _country_id(name: str) -> str | None:
    if not name:
        return None
    try:
        from .countries import country_by_name
    except ImportError:
        return None
    c = country_by_name(name)
    return c.id if c is not None else None
