"""The gazetteer: one Aho–Corasick automaton over every name the article could mention.

Keys are the KB's ``names()`` (people and positions), country names, short forms and demonyms,
and the office titles of :mod:`newscheck.knowledge.offices`. Text and keys go through the same
tokeniser (``\\w+`` runs, case-folded, accents stripped, joined by one space and framed by spaces),
so every match falls on word boundaries and "U.S.", "US" and "u.s" meet where they should. The
automaton is built once per knowledge base and cached on the KB file's path and mtime, so the cost
of scanning an article does not grow with the size of the KB. Big gazetteers are also kept on disk
between processes (:mod:`newscheck.gazetteer.cache`).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate
from typing import TYPE_CHECKING, Any, NamedTuple

import ahocorasick

from .. import rx
from ..knowledge.offices import OfficeWord, office_words

if TYPE_CHECKING:
    from ..knowledge import KnowledgeBase
    from ..model import Entity

_TOKEN = rx.compile(r"\w+", re.UNICODE)
# Shortest KB name kept: two-letter aliases ("Li") match inside too much text to be worth it.
MIN_NAME_CHARS = 3
# Most (article tokens × longest key in tokens) answered by n-gram look-ups before the automaton.
SMALL_SCAN = 50_000


@lru_cache(maxsize=65536)
def fold(token: str) -> str:
    """A token's key: case-folded, accents stripped (``"Keizō"`` → ``"keizo"``)."""
    low = token.casefold()
    if low.isascii():
        return low
    decomposed = unicodedata.normalize("NFKD", low)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def key_of(name: str) -> str:
    """The automaton key of a name: folded tokens joined and framed by single spaces."""
    return " " + " ".join(map(fold, _TOKEN.findall(name))) + " "


class Hit(NamedTuple):
    """A gazetteer match: char span in the article and token span in its token list."""

    start: int
    end: int
    first: int        # index of the first token
    last: int         # index of the last token (inclusive)
    entries: tuple[tuple[Any, ...], ...]


@dataclass(slots=True)
class Tokens:
    """An article's tokens (char spans) and the key string the automaton scans."""

    spans: list[tuple[int, int]]
    keyed: str
    at: dict[int, int]        # position in ``keyed`` of a token's first char → token index

    @classmethod
    def of(cls, text: str) -> Tokens:
        found = list(_TOKEN.finditer(text))
        folded = [fold(m.group()) for m in found]
        starts = accumulate((len(f) + 1 for f in folded), initial=1)
        return cls([m.span() for m in found], " " + " ".join(folded) + " ",
                   dict(zip(starts, range(len(folded)), strict=False)))


@dataclass(slots=True)
class Gazetteer:
    """Names → entries. Entries are tuples:

    * ``("E", entity_id)``: a KB person or position (kind looked up when matched)
    * ``("C", country_id, form)``: a country; ``form`` is ``"name"`` or ``"demonym"``
    * ``("O", office_kind | None, country_id | None)``: an office title (None kind: a blocker)

    The automaton maps each key to its index in ``keys`` and ``entries``. An item of ``entries`` is
    the key's tuple of entries, or (read from the disk cache) its text, decoded on first match.
    """

    automaton: Any
    kb: KnowledgeBase
    keys: list[str]
    entries: list[Any]
    build_seconds: float = 0.0
    from_cache: bool = False     # read from the disk cache rather than built from the KB
    _entities: dict[str, Entity | None] = field(default_factory=dict)
    _scans: int = 0
    _by_key: dict[str, int] | None = None
    max_key_tokens: int | None = None

    @property
    def size(self) -> int:
        return len(self.keys)

    def scan(self, tokens: Tokens) -> list[Hit]:
        """Every match in the article (overlapping; the caller picks), in the automaton's order
        (by end, longest first). A gazetteer read from the disk cache answers its first small
        article by looking up its word n-grams in a dict (2 ms to make, against ~40 ms for the
        automaton of the shipped KB, which a one-article CLI run never needs); the automaton is
        built when a second article or a long one comes."""
        hits: list[Hit] = []
        keyed = tokens.keyed
        at = tokens.at
        spans = tokens.spans
        keys = self.keys
        found: Iterable[tuple[int, int]] | None = None
        if self.automaton is None and not self._scans:
            found = self._dict_matches(tokens)
        self._scans += 1
        if found is None:
            if self.automaton is None:
                self.automaton = automaton_of(keys)
            found = self.automaton.iter(keyed)
        for end, i in found:
            first = at.get(end - len(keys[i]) + 2)
            last_start = keyed.rfind(" ", 0, end) + 1
            last = at.get(last_start)
            if first is None or last is None:
                continue
            hits.append(Hit(spans[first][0], spans[last][1], first, last, self.entries_at(i)))
        return hits

    def _dict_matches(self, tokens: Tokens) -> list[tuple[int, int]] | None:
        """``automaton.iter(tokens.keyed)`` by n-gram look-ups, or None when that would not be
        cheaper (a long article) or not the same (a folded token holding a space)."""
        keyed = tokens.keyed
        n = len(tokens.spans)
        if n * self.longest_key() > SMALL_SCAN or keyed.count(" ") != n + 1:
            return None
        index = self._by_key
        if index is None:
            index = self._by_key = dict(zip(self.keys, range(len(self.keys)), strict=True))
        starts = [*tokens.at, len(keyed)]
        longest = self.longest_key()
        found: list[tuple[int, int, int]] = []
        get = index.get
        for first in range(n):
            s = starts[first] - 1
            for last in range(first + 1, min(first + longest, n) + 1):
                i = get(keyed[s:starts[last]])
                if i is not None:
                    end = starts[last] - 1
                    found.append((end, s - end, i))
        found.sort()
        return [(end, i) for end, _, i in found]

    def longest_key(self) -> int:
        """The most tokens in a key."""
        if self.max_key_tokens is None:
            self.max_key_tokens = max((k.count(" ") - 1 for k in self.keys), default=0)
        return self.max_key_tokens

    def entries_at(self, index: int) -> tuple[tuple[Any, ...], ...]:
        found = self.entries[index]
        if isinstance(found, str):
            found = decode_entries(found)
            self.entries[index] = found
        return found  # type: ignore[no-any-return]

    def entity(self, eid: str) -> Entity | None:
        if eid not in self._entities:
            self._entities[eid] = self.kb.entity(eid)
        return self._entities[eid]


_ENCODE = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False).encode


def encode_entries(entries: tuple[tuple[Any, ...], ...]) -> str:
    """One line of text: ``=ID`` for the common ``(("E", ID),)``, else JSON (starts with ``[``)."""
    if len(entries) == 1 and entries[0][0] == "E" and len(entries[0]) == 2:
        eid = entries[0][1]
        if isinstance(eid, str) and eid and "\n" not in eid and "\r" not in eid:
            return "=" + eid
    return _ENCODE(entries)


def decode_entries(text: str) -> tuple[tuple[Any, ...], ...]:
    if text[:1] == "=":
        return (("E", text[1:]),)
    return tuple(tuple(e) for e in json.loads(text))


def automaton_of(keys: list[str]) -> Any:
    """The automaton mapping ``keys[i]`` to ``i``."""
    auto = ahocorasick.Automaton(ahocorasick.STORE_INTS)
    deque(map(auto.add_word, keys, range(len(keys))), maxlen=0)
    auto.make_automaton()
    return auto


def _country_entries() -> Iterator[tuple[str, tuple[Any, ...]]]:
    from ..knowledge.countries import all_countries

    for c in all_countries():
        for name in (c.name, *c.short_forms):
            yield name, ("C", c.id, "name")
        for dem in c.demonyms:
            yield dem, ("C", c.id, "demonym")


def country_id(name: str | None) -> str | None:
    if name is None:
        return None
    from ..knowledge.countries import country_by_name

    c = country_by_name(name)
    return c.id if c else None


def _office_entries() -> Iterator[tuple[str, tuple[Any, ...]]]:
    words: dict[str, OfficeWord] = office_words()
    for title, word in words.items():
        yield title, ("O", word.kind, country_id(word.country))


def build(kb: KnowledgeBase, names: Iterable[tuple[str, str]] | None = None) -> Gazetteer:
    """Build the automaton over ``kb.names()`` (or ``names``), countries and office titles."""
    import time

    t0 = time.perf_counter()
    table: dict[str, list[tuple[Any, ...]]] = {}
    for name, eid in kb.names() if names is None else names:
        if len(name) < MIN_NAME_CHARS:
            continue
        key = key_of(name)
        if len(key) <= 2:
            continue
        entry = ("E", eid)
        bucket = table.setdefault(key, [])
        if entry not in bucket:
            bucket.append(entry)
    for name, entry in static_entries():
        key = key_of(name)
        bucket = table.setdefault(key, [])
        if entry not in bucket:
            bucket.append(entry)
    keys = sorted(table)     # pyahocorasick inserts sorted keys ~2x faster (memory locality)
    return Gazetteer(automaton_of(keys), kb, keys, [tuple(table[k]) for k in keys],
                     time.perf_counter() - t0)


@lru_cache(maxsize=1)
def static_entries() -> tuple[tuple[str, tuple[Any, ...]], ...]:
    """The names every gazetteer holds whatever the KB: countries and office titles."""
    return (*_country_entries(), *_office_entries())
