"""Wikidata JSON entities → :class:`~newscheck.knowledge.writer.Record`, and the streaming
reader of dumps (official ``[``/``,``-framed lines or plain JSON lines; ``.json``, ``.gz``,
``.bz2``) with the filter documented in docs/knowledge.md.

Kept from a dump:

* people: P31 = Q5 (human) with at least one P39 (position held);
* positions: P31 position/public office, or P279 to a known office class, or P1001/P17 with an
  office-like English label; plus, in a second pass, every item some kept person's P39 points to;
* countries: P31 = Q6256 (country), with their English demonyms (P1549).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from datetime import date
from typing import Any

import orjson

from .. import rx
from .kinds import COUNTRY_CLASSES, HUMAN, POSITION_CLASSES, SUPERCLASS_KINDS, kind_from_label
from .writer import Record, Stmt

_loads: Callable[[bytes], Any] = orjson.loads
JSONError: tuple[type[Exception], ...] = (orjson.JSONDecodeError, ValueError)

PRECISION = {9: "year", 10: "month", 11: "day"}
ITEM_PROPS = ("P31", "P279", "P17", "P1001")
LANGS = ("en", "mul")
# Cheap byte tests that decide whether a dump line can be kept at all, before parsing it.
NEEDLES = rx.compile(b'"[PQ](?:' + b"|".join(sorted(
    {b"39", b"1001", b"279", b"1549"} | {q[1:].encode() for q in POSITION_CLASSES | COUNTRY_CLASSES}
)) + b')"')
_TIME = rx.compile(r"^\+(\d{1,4})-(\d\d)-(\d\d)T")
_ID_RE = rx.compile(rb'"id"\s*:\s*"([^"]+)"')


class BadRecord(ValueError):
    """A dump line that is not a Wikidata entity."""


_DATES: dict[tuple[str, int], tuple[str, str] | None] = {}


def wd_date(snak: Mapping[str, Any]) -> tuple[str, str] | None:
    """``(iso_first_day, precision)`` of a time snak, or None when unknown or coarser than a
    year (decade, century: such a date is treated as missing, which never gives a certain YES)."""
    if snak.get("snaktype") != "value":
        return None
    try:
        value = snak["datavalue"]["value"]
        key = (value["time"], int(value.get("precision", 11)))
    except (KeyError, TypeError, ValueError):
        raise BadRecord("malformed time value") from None
    if key in _DATES:   # dump dates repeat a lot (elections, cabinet days)
        return _DATES[key]
    if len(_DATES) > 100_000:
        _DATES.clear()
    _DATES[key] = found = _parse_time(*key)
    return found


def _parse_time(text: str, precision: int) -> tuple[str, str] | None:
    prec = PRECISION.get(min(precision, 11))
    m = _TIME.match(text) if isinstance(text, str) else None
    if prec is None or m is None:   # BCE ("-"), malformed, or coarser than a year
        return None
    year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if prec == "day" and not (month and day):   # Wikidata's 00 day/month lowers precision
        prec = "month" if month else "year"
    if prec == "month" and not month:
        prec = "year"
    try:
        first = date(year, month if prec != "year" else 1, day if prec == "day" else 1)
    except ValueError:
        return None
    return first.isoformat(), prec


RANKS = ("normal", "preferred", "deprecated")


def _lang_value(block: Any) -> str:
    if not isinstance(block, dict):
        return ""
    for lang in LANGS:
        v = block.get(lang)
        if isinstance(v, dict) and isinstance(v.get("value"), str):
            return str(v["value"])
    return ""


def _item_id(snak: Mapping[str, Any]) -> str | None:
    if snak.get("snaktype") != "value":
        return None
    value = snak.get("datavalue", {}).get("value")
    if isinstance(value, dict):
        if "id" in value:
            return str(value["id"])
        if "numeric-id" in value:
            return f"Q{value['numeric-id']}"
    raise BadRecord("item value without an id")


def _term(st: Mapping[str, Any], value: str, rank: str) -> Stmt | None:
    quals = st.get("qualifiers") or {}
    starts = [d for q in quals.get("P580", ()) if (d := wd_date(q))]
    ends_raw = quals.get("P582", ())
    if any(q.get("snaktype") == "somevalue" for q in ends_raw):
        # Ended at an unknown date: stored as open it would read as "still held", so it is
        # left out (docs/knowledge.md, "What is not imported").
        return None
    ends = [d for q in ends_raw if (d := wd_date(q))]
    start = min(starts) if starts else None
    end = max(ends) if ends else None
    return Stmt("P39", value, start[0] if start else None, start[1] if start else None,
                end[0] if end else None, end[1] if end else None, rank, st.get("id"))


def to_record(ent: Mapping[str, Any], *, keep_all: bool = False) -> Record | None:
    """The record of one entity, or None when the filter drops it (``keep_all`` keeps any item:
    online look-ups and the second pass over a dump)."""
    if not isinstance(ent, dict) or not isinstance(ent.get("id"), str):
        raise BadRecord("not a Wikidata entity (no 'id')")
    if ent.get("type", "item") != "item":
        return None
    claims = ent.get("claims") or {}
    if not isinstance(claims, dict):
        raise BadRecord("'claims' is not an object")
    qid: str = ent["id"]
    stmts: list[Stmt] = []
    classes: dict[str, set[str]] = {"P31": set(), "P279": set()}
    for prop in ("P39", *ITEM_PROPS):
        for st in claims.get(prop, ()):
            rank = st.get("rank", "normal")
            if rank not in RANKS or not isinstance(st.get("id", ""), str):
                raise BadRecord(f"a {prop} statement's rank {rank!r} or id is malformed")
            snak = st.get("mainsnak") or {}
            value = _item_id(snak)
            if value is None:
                continue
            if prop == "P39":
                term = _term(st, value, rank)
                if term is not None:
                    stmts.append(term)
                continue
            stmts.append(Stmt(prop, value, rank=rank, sid=st.get("id")))
            if prop in classes and rank != "deprecated":
                classes[prop].add(value)
    demonyms = [str(v["text"]) for st in claims.get("P1549", ())
                if st.get("rank") != "deprecated"
                and (v := (st.get("mainsnak") or {}).get("datavalue", {}).get("value"))
                and isinstance(v, dict) and v.get("language") in LANGS]
    label = _lang_value(ent.get("labels"))
    has_terms = any(s.property == "P39" for s in stmts)
    if HUMAN in classes["P31"]:
        kind = "person"
        keep = has_terms
    elif classes["P31"] & COUNTRY_CLASSES:
        kind, keep = "country", True
    elif (classes["P31"] & POSITION_CLASSES or classes["P279"] & POSITION_CLASSES
          or classes["P279"].intersection(SUPERCLASS_KINDS)
          or (any(s.property in ("P1001", "P17") for s in stmts) and kind_from_label(label))):
        kind, keep = "position", True
    else:
        kind, keep = ("position" if keep_all else "other"), False
    if not (keep or keep_all):
        return None
    if kind == "person":
        stmts = [s for s in stmts if s.property in ("P39", "P31")]
    aliases = [str(a["value"]) for lang in LANGS
               for a in (ent.get("aliases") or {}).get(lang, ()) if isinstance(a, dict)]
    return Record(qid, label or qid, kind, _lang_value(ent.get("descriptions")), aliases,
                  demonyms if kind == "country" else [], stmts)


def maybe_relevant(line: bytes) -> bool:
    """Fast pre-filter: False only for lines that cannot pass :func:`to_record`'s filter."""
    return NEEDLES.search(line) is not None


def line_id(line: bytes) -> str | None:
    """The entity id of a dump line without parsing it (Wikidata writes it near the start)."""
    m = _ID_RE.search(line, 0, 200)
    return m.group(1).decode() if m else None


def unframe(raw: bytes) -> bytes | None:
    """The JSON of one dump line, accepting both framings: the official dump (``[``, ``{...},``
    lines, ``]``) and plain JSON lines; None for blank and bracket lines."""
    line = raw.strip()
    if not line or line == b"[" or line == b"]":
        return None
    return line[:-1] if line[-1:] == b"," else line


def iter_entity_lines(lines: Iterator[bytes]) -> Iterator[tuple[int, bytes]]:
    """``(line_number, json_bytes)`` of each entity line (see :func:`unframe`)."""
    for n, raw in enumerate(lines, 1):
        line = unframe(raw)
        if line is not None:
            yield n, line


def parse_line(line: bytes) -> Any:
    try:
        return _loads(line)
    except JSONError as exc:
        raise BadRecord(f"invalid JSON ({str(exc).splitlines()[0][:80]})") from None
