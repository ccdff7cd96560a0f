"""Fuzzy search over the names of people and positions (``newscheck kb search``,
``GET /v1/kb/search``): a misspelt or partial name still finds its entity.

Exact alias matches (:meth:`KnowledgeBase.search`) come first with score 100; then RapidFuzz's
``WRatio`` over every label and alias of a person or position (tokens re-ordered, partial names,
typos) picks candidates, re-scored as the mean of ``WRatio`` and ``token_set_ratio`` (so a short
query like "Xi" prefers the name that contains it as a word over names that merely contain
its letters); best alias per entity, scores 0-100, at least ``min_score``. The alias list is
read once per open knowledge base and kept while it is open.
"""

from __future__ import annotations

import threading
import weakref
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model import Entity
    from .store import KnowledgeBase

MIN_SCORE = 75.0

_names: weakref.WeakKeyDictionary[KnowledgeBase, tuple[list[str], list[str]]] = (
    weakref.WeakKeyDictionary())
_lock = threading.Lock()


@dataclass(frozen=True, slots=True)
class Match:
    """An entity found by name: the alias that matched and how well (100 = exact)."""

    entity: Entity
    alias: str
    score: float


def _aliases(kb: KnowledgeBase) -> tuple[list[str], list[str]]:
    with _lock:
        got = _names.get(kb)
        if got is None:
            pairs = list(kb.names())
            got = ([a for a, _ in pairs], [e for _, e in pairs])
            _names[kb] = got
        return got


def fuzzy_search(kb: KnowledgeBase, query: str, limit: int = 10,
                 min_score: float = MIN_SCORE) -> list[Match]:
    """People and positions whose label or alias resembles ``query``, best first."""
    from rapidfuzz import fuzz, process, utils

    query = " ".join(query.split())[:200]
    if not utils.default_process(query):
        return []
    out: dict[str, Match] = {}
    for e in kb.search(query, limit=limit):
        if e.kind in ("person", "position"):
            out[e.id] = Match(e, e.label or query, 100.0)
    aliases, ids = _aliases(kb)
    hits = process.extract(query, aliases, scorer=fuzz.WRatio, processor=utils.default_process,
                           limit=limit * 10, score_cutoff=min_score)
    rescored = sorted(((score + fuzz.token_set_ratio(query, alias,
                                                     processor=utils.default_process)) / 2,
                       alias, index) for alias, score, index in hits)
    for score, alias, index in reversed(rescored):
        ent_id = ids[index]
        if score < min_score or ent_id in out or len(out) >= limit:
            continue
        entity = kb.entity(ent_id)
        if entity is not None:
            out[ent_id] = Match(entity, alias, round(float(score), 1))
    return sorted(out.values(), key=lambda m: (-m.score, m.entity.label or "", m.entity.id))
