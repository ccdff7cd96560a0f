"""Who "he", "she", "him", "her", "the minister" and "the two" are, for event claims.

Conservative on purpose (a wrong subject makes a wrong claim): a pronoun is the most recent
person who was the subject of a claim or of a sentence (within a few sentences), only when
exactly one such person is left after the pronoun's gender is checked against what the article
says about them ("Mr"/"Ms", "King"/"Queen", "his"/"her" after them in a sentence they are the
only person of), and no person named since in another role is as plausible. Otherwise: no claim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import rx
from .draft import key
from .mentions import Mention

MAX_AGE = 3         # sentences a subject stays the antecedent

_MALE = rx.compile(r"\b(?:Mr|Mister|Sir|Lord|King|Prince|Emperor|Pope)\.?[ \t]+$")
_FEMALE = rx.compile(r"\b(?:Mrs|Ms|Miss|Madam|Dame|Lady|Queen|Princess|Empress)\.?[ \t]+$")
_PRONOUN_GENDER = {"he": "m", "his": "m", "him": "m", "himself": "m",
                   "she": "f", "her": "f", "hers": "f", "herself": "f"}
_GENDERED = rx.compile(r"\b(?:he|his|him|himself|she|her|hers|herself)\b", re.I)


def full(m: Mention) -> Mention:
    return m.ref if m.ref is not None else m


@dataclass(slots=True)
class Antecedents:
    """The article's recent subjects, rivals and what is known of their gender."""

    group: list[Mention] = field(default_factory=list)    # the last subject(s), distinct
    age: int = 99
    rivals: list[Mention] = field(default_factory=list)   # people named since, not as subjects
    people: list[Mention] = field(default_factory=list)   # the last sentence's people, in order
    gender: dict[int, str] = field(default_factory=dict)  # key → "m", "f" or "x" (conflicting)

    def resolve(self, pronoun: str, exclude: tuple[Mention, ...] = (),
                wide: bool = False) -> Mention | None:
        """The one person ``pronoun`` ("he", "she", "him", "her") can be, else None. ``wide``
        (an object pronoun): anyone the last sentence named is a candidate too."""
        if self.age > MAX_AGE:
            return None
        skip = {key(m) for m in exclude}
        cands = [m for m in self.group if key(m) not in skip and self.fits(m, pronoun)]
        others = self.rivals + (self.people if wide else [])
        if len(cands) != 1 or any(self.fits(r, pronoun) and key(r) != key(cands[0])
                                  and key(r) not in skip for r in others):
            return None
        return cands[0]

    def fits(self, m: Mention, pronoun: str) -> bool:
        """Nothing the article says about ``m`` contradicts ``pronoun``."""
        g = self.gender.get(key(m))
        return g is None or g == _PRONOUN_GENDER.get(pronoun.lower())

    def by_office(self, stated: dict[int, Mention], office: Mention | None) -> Mention | None:
        """"The foreign minister" (``office``) or "the minister" (None): the last subject, if
        the article gave them such an office and no rival holds one like it."""
        if self.age > MAX_AGE:
            return None

        def holds(m: Mention) -> bool:
            o = stated.get(key(m))
            if o is None or o.office_kind is None:
                return False
            if office is None:
                return o.office_kind.endswith("_minister")
            return o.office_kind == office.office_kind and (
                office.country is None or o.country is None or office.country == o.country)

        cands = [m for m in self.group if holds(m)]
        if len(self.group) != 1 or len(cands) != 1 or any(holds(r) for r in self.rivals):
            return None
        return cands[0]

    def learn_gender(self, text: str, persons: list[Mention], offices: list[Mention],
                     sentence_end: int) -> None:
        for m in persons:
            before = text[max(0, m.start - 12):m.start]
            g = "m" if _MALE.search(before) else "f" if _FEMALE.search(before) else None
            if g is not None:
                self._note(m, g)
        if len({key(m) for m in persons}) == 1:     # "Penny Wong met her counterpart"
            p = persons[0]
            stop = min([o.start for o in offices if o.start > p.end] + [sentence_end])
            gm = _GENDERED.search(text, p.end, stop)
            if gm is not None:
                self._note(p, _PRONOUN_GENDER[gm.group().lower()])

    def _note(self, m: Mention, g: str) -> None:
        k = key(m)
        self.gender[k] = g if self.gender.get(k, g) == g else "x"

    def advance(self, persons: list[Mention], subjects: list[Mention]) -> None:
        """After a sentence: ``subjects`` are its subjects (resolved pronouns included)."""
        self.age += 1
        named = [m for m in persons if m.form == "full" or m.ref is not None]
        subs = distinct([m for m in subjects if m.form == "full" or m.ref is not None])
        if subs:
            self.group, self.age, self.rivals = subs, 0, []
        elif self.age > MAX_AGE:
            self.rivals = []    # nothing resolves until a new group, which resets the rivals
        else:
            group = {key(g) for g in self.group}
            self.rivals = distinct(self.rivals + [m for m in named if key(m) not in group])
        self.people = persons


def distinct(ms: list[Mention]) -> list[Mention]:
    """``ms`` without repeated people (first mention kept); linear."""
    seen: set[int] = set()
    out: list[Mention] = []
    for m in ms:
        if (k := key(m)) not in seen:
            seen.add(k)
            out.append(m)
    return out
