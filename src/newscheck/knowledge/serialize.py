"""Entities and terms as plain JSON-ready dicts, the same for ``newscheck kb`` and the API."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..model import Entity, Term


def term_dict(t: Term) -> dict[str, Any]:
    return {"person": t.person, "person_label": t.person_label, "position": t.position,
            "position_label": t.position_label, "start": t.start.iso() if t.start else None,
            "end": t.end.iso() if t.end else None, "source": t.source, "statement": t.statement,
            "source_as_of": t.as_of.isoformat() if t.as_of else None}


def entity_dict(e: Entity) -> dict[str, Any]:
    out: dict[str, Any] = {"id": e.id, "label": e.label, "kind": e.kind,
                           "aliases": list(e.aliases), "description": e.description}
    if e.kind == "position":
        out |= {"country": e.country, "office_kind": e.office_kind}
    if e.demonyms:
        out["demonyms"] = list(e.demonyms)
    return out
