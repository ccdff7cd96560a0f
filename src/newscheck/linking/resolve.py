"""Disambiguation: each mention of a claim → one KB id, or candidates and ``ambiguous``.

People: the gazetteer's candidates (or ``kb.search`` for a name it did not know) narrowed by
*time* (who held an office when the claim is anchored: ``kb.positions(person, at)``) and by
*context* (the office and country the same claim names). When more than one candidate survives,
the id stays ``None``, ``candidates`` lists them and ``qualifiers["ambiguous"]`` is set: a guess
could turn into a confident wrong verdict.

Offices: a KB position label gives the id directly (narrowed to the country the article states,
when the label is shared by several countries' positions); a generic title with a country gives
``kb.offices(country, kind)`` as ``office_candidates`` (one candidate → the object's id).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from ..model import Article, Claim, EntityRef, TimeAnchor

if TYPE_CHECKING:
    from ..knowledge import KnowledgeBase

_PERSON_SUBJECT = frozenset({"role", "former_role", "counterpart", "meeting", "visit", "first"})
_PERSON_OBJECT = frozenset({"counterpart", "meeting"})
_MAX_SEARCH = 10


def _at(t: TimeAnchor) -> date | None:
    return t.date or t.end or t.start


class _Resolver:
    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._people: dict[str, tuple[str, ...]] = {}
        self._offices: dict[tuple[str, str], tuple[str, ...]] = {}

    def people(self, ref: EntityRef) -> tuple[str, ...]:
        """Person ids the mention may name (gazetteer candidates, else an exact KB search)."""
        if ref.candidates:
            return tuple(c for c in ref.candidates if self._is_person(c))
        if ref.mention not in self._people:
            found = self.kb.search(ref.mention, limit=_MAX_SEARCH)
            self._people[ref.mention] = tuple(e.id for e in found if e.kind == "person")
        return self._people[ref.mention]

    def _is_person(self, eid: str) -> bool:
        ent = self.kb.entity(eid)
        return ent is not None and ent.kind == "person"

    def offices(self, country: str | None, kind: str | None) -> tuple[str, ...]:
        if not country or not kind:
            return ()
        k = (country, kind)
        if k not in self._offices:
            self._offices[k] = tuple(e.id for e in self.kb.offices(country, kind))
        return self._offices[k]

    def held(self, person: str, at: date | None, offices: Iterable[str] = (),
             kind: str | None = None, country: str | None = None) -> bool:
        """Whether the person held (at ``at``, or ever) an office matching the context."""
        wanted = set(offices)
        for term in self.kb.positions(person, at):
            if wanted and term.position not in wanted:
                continue
            if not wanted and (kind or country):
                if kind and self.kb.kind(term.position) != kind:
                    continue
                if country and self.kb.jurisdiction(term.position) != country:
                    continue
            return True
        return False

    def choose(self, ref: EntityRef, claim: Claim, *, offices: tuple[str, ...] = (),
               kind: str | None = None, country: str | None = None) -> None:
        """Set ``ref.id``/``label``, or leave candidates and mark the claim ambiguous."""
        cands = self.people(ref)
        if not cands:
            ref.candidates = ()
            return
        if len(cands) > 1:
            cands = self._narrow(cands, claim, offices, kind, country)
        if len(cands) == 1:
            ent = self.kb.entity(cands[0])
            ref.id, ref.label, ref.candidates = cands[0], ent.label if ent else None, ()
            return
        ref.id, ref.candidates = None, cands
        claim.qualifiers["ambiguous"] = True

    def _narrow(self, cands: tuple[str, ...], claim: Claim, offices: tuple[str, ...],
                kind: str | None, country: str | None) -> tuple[str, ...]:
        at = None if claim.kind == "former_role" else _at(claim.time)
        steps: list[tuple[date | None, tuple[str, ...], str | None, str | None]] = []
        if offices or kind or country:
            steps += [(at, offices, kind, country), (None, offices, kind, country)]
        steps.append((at, (), None, None))
        for when, offs, k, c in steps:
            if when is None and not (offs or k or c):
                continue
            kept = tuple(p for p in cands if self.held(p, when, offs, k, c))
            if len(kept) == 1:
                return kept
            if kept:
                cands = kept
        return cands


def link_claims(claims: list[Claim], article: Article, kb: KnowledgeBase) -> list[Claim]:
    """Resolve every claim's subject and object to KB ids where the text and time allow."""
    r = _Resolver(kb)
    for claim in claims:
        q = claim.qualifiers
        offices: tuple[str, ...] = ()
        if claim.kind in ("role", "former_role") and claim.object is not None:
            offices = _link_office(r, claim)
        if claim.subject is not None and claim.kind in _PERSON_SUBJECT:
            if claim.kind == "counterpart":
                r.choose(claim.subject, claim, country=q.get("country"),
                         kind=q.get("reference_office_kind"))
            else:
                r.choose(claim.subject, claim, offices=offices, kind=q.get("office_kind"),
                         country=q.get("country"))
        if claim.object is not None and (claim.kind in _PERSON_OBJECT or (
                claim.kind == "first" and claim.object.candidates)):
            r.choose(claim.object, claim, kind=q.get("reference_office_kind")
                     if claim.kind == "counterpart" else None)
    _short_mentions(r, claims)
    return claims


def _through_classes(r: _Resolver, offices: tuple[str, ...], claim: Claim) -> tuple[str, ...]:
    """A written title that names a *class* of offices in the KB (a Wikidata item "prime
    minister" with the alias "prime minister", of which every country's office is a subclass)
    stands for the offices under it (the KB's P279 hierarchy, transitively): those the subject
    ever held when that narrows them, else all of them (the country narrows them next)."""
    expanded: list[str] = []
    for office in offices:
        expanded.extend(r.kb.subclasses(office) or (office,))
    if tuple(expanded) == offices:
        return offices
    if claim.subject is None:
        return tuple(dict.fromkeys(expanded))
    held = {t.position for p in claim.subject.candidates for t in r.kb.positions(p)}
    mine = [o for o in expanded if o in held]
    return tuple(dict.fromkeys(mine or expanded))


def _person_refs(claims: list[Claim]) -> Iterable[tuple[Claim, EntityRef]]:
    for claim in claims:
        if claim.subject is not None and claim.kind in _PERSON_SUBJECT:
            yield claim, claim.subject
        if claim.object is not None and claim.kind in _PERSON_OBJECT:
            yield claim, claim.object


def _short_mentions(r: _Resolver, claims: list[Claim]) -> None:
    """A name the KB does not know that is the end of the name of exactly one person the same
    article names in full ("President Zelensky" after "Volodymyr Zelenskiy"; the person's KB
    names include both spellings): that person. Two such people, or none: no link."""
    from ..knowledge.schema import norm

    known = {ref.id for _, ref in _person_refs(claims) if ref.id}
    if not known:
        return
    tails: dict[str, set[str]] = {}
    for pid in known:
        ent = r.kb.entity(pid)
        for name in (ent.label, *ent.aliases) if ent is not None else ():
            words = norm(name).split()
            for k in range(1, len(words)):
                tails.setdefault(" ".join(words[-k:]), set()).add(pid)
    for claim, ref in _person_refs(claims):
        key = norm(ref.mention)
        if ref.id or ref.candidates or not key or not ref.mention[:1].isupper():
            continue
        owners = tails.get(key, set())
        if len(owners) == 1:
            pid = next(iter(owners))
            ent = r.kb.entity(pid)
            ref.id, ref.label = pid, ent.label if ent is not None else None
            claim.qualifiers["short_mention"] = True


def _link_office(r: _Resolver, claim: Claim) -> tuple[str, ...]:
    obj = claim.object
    assert obj is not None
    q = claim.qualifiers
    offices = _through_classes(r, obj.candidates, claim)
    country = q.get("country")
    if offices and country:
        # a label several countries use, with the country the article states ("South Korean
        # Minister of Finance"): only that country's positions; none → by kind and country
        offices = tuple(o for o in offices if r.kb.jurisdiction(o) in (country, None))
    offices = offices or r.offices(country, q.get("office_kind"))
    q["office_candidates"] = list(offices)
    if len(offices) == 1:
        ent = r.kb.entity(offices[0])
        obj.id, obj.label, obj.candidates = offices[0], ent.label if ent else None, ()
        if ent is not None:
            q["office_kind"] = q.get("office_kind") or ent.office_kind
            q["country"] = q.get("country") or ent.country
    else:
        obj.candidates = offices
    return offices
