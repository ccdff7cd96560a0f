"""Write entities in Wikidata's JSON dump format.

Used by the test fixtures, the import benchmark and the starter-pack tools so that every
knowledge base we build goes through the same importer as a real Wikidata dump. Only the parts of
the format that newscheck reads are produced, but they are produced exactly as Wikidata writes them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ..model import PartialDate

GREGORIAN = "http://www.wikidata.org/entity/Q1985727"
_PRECISION = {"year": 9, "month": 10, "day": 11}


def _numeric(qid: str) -> int | None:
    return int(qid[1:]) if qid[:1] in "QP" and qid[1:].isdigit() else None


def item_value(qid: str) -> dict[str, Any]:
    value: dict[str, Any] = {"entity-type": "item", "id": qid}
    num = _numeric(qid)
    if num is not None:
        value["numeric-id"] = num
    return {"value": value, "type": "wikibase-entityid"}


def time_value(when: str | PartialDate) -> dict[str, Any]:
    pd = PartialDate.parse(when) if isinstance(when, str) else when
    y, m, d = pd.value.year, pd.value.month, pd.value.day
    if pd.precision == "year":
        m = d = 0
    elif pd.precision == "month":
        d = 0
    return {"value": {"time": f"+{y:04d}-{m:02d}-{d:02d}T00:00:00Z", "timezone": 0, "before": 0,
                      "after": 0, "precision": _PRECISION[pd.precision],
                      "calendarmodel": GREGORIAN}, "type": "time"}


def snak(prop: str, datavalue: dict[str, Any]) -> dict[str, Any]:
    datatype = {"wikibase-entityid": "wikibase-item", "time": "time",
                "monolingualtext": "monolingualtext"}.get(datavalue["type"], "string")
    return {"snaktype": "value", "property": prop, "datavalue": datavalue, "datatype": datatype}


def statement(subject: str, prop: str, datavalue: dict[str, Any], *, n: int,
              qualifiers: Mapping[str, Sequence[dict[str, Any]]] | None = None,
              rank: str = "normal", references: Sequence[str] = ()) -> dict[str, Any]:
    st: dict[str, Any] = {"mainsnak": snak(prop, datavalue), "type": "statement",
                          "id": f"{subject}${prop}-{n:04d}", "rank": rank}
    if qualifiers:
        st["qualifiers"] = {p: [snak(p, v) for v in vals] for p, vals in qualifiers.items()}
        st["qualifiers-order"] = list(qualifiers)
    if references:
        st["references"] = [{"snaks": {"P854": [snak("P854", {"value": url, "type": "string"})]},
                             "snaks-order": ["P854"]} for url in references]
    return st


def entity(qid: str, label: str, *, aliases: Iterable[str] = (), description: str = "",
           instance_of: Iterable[str] = (), positions: Iterable[Mapping[str, Any]] = (),
           country: str | None = None, jurisdiction: str | None = None,
           subclass_of: Iterable[str] = (), demonyms: Iterable[str] = (),
           lang: str = "en") -> dict[str, Any]:
    """One item. ``positions`` are P39 terms: ``{"position": id, "start": "2012-12-26",
    "end": "2017-08-03", "rank": "normal"}`` (start/end optional, any precision)."""
    claims: dict[str, list[dict[str, Any]]] = {}

    def add(prop: str, dv: dict[str, Any], **kw: Any) -> None:
        claims.setdefault(prop, []).append(statement(qid, prop, dv, n=len(claims.get(prop, [])),
                                                     **kw))

    for cls in instance_of:
        add("P31", item_value(cls))
    for cls in subclass_of:
        add("P279", item_value(cls))
    if country:
        add("P17", item_value(country))
    if jurisdiction:
        add("P1001", item_value(jurisdiction))
    for dem in demonyms:
        add("P1549", {"value": {"text": dem, "language": lang}, "type": "monolingualtext"})
    for term in positions:
        quals: dict[str, list[dict[str, Any]]] = {}
        if term.get("start"):
            quals["P580"] = [time_value(term["start"])]
        if term.get("end"):
            quals["P582"] = [time_value(term["end"])]
        add("P39", item_value(term["position"]), qualifiers=quals,
            rank=term.get("rank", "normal"))
    out: dict[str, Any] = {
        "type": "item", "id": qid,
        "labels": {lang: {"language": lang, "value": label}},
        "descriptions": {lang: {"language": lang, "value": description}} if description else {},
        "aliases": {lang: [{"language": lang, "value": a} for a in aliases]} if aliases else {},
        "claims": claims, "sitelinks": {},
    }
    return out


def dump_lines(entities: Iterable[Mapping[str, Any]]) -> Iterable[str]:
    """Lines of a dump in Wikidata's official framing: ``[``, one entity per line with a
    trailing comma (none after the last), ``]``."""
    yield "[\n"
    prev: str | None = None
    for ent in entities:
        if prev is not None:
            yield prev + ",\n"
        prev = json.dumps(ent, ensure_ascii=False, separators=(",", ":"))
    if prev is not None:
        yield prev + "\n"
    yield "]\n"
