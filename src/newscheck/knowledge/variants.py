"""Names as news writes them: variants of a person's label that become aliases when no other
person in the knowledge base bears them (``unique_variants``; two candidates → no alias, so the
linker never guesses between people).

Accents and punctuation are already ignored by the look-up key (``schema.norm``: Erdoğan =
Erdogan, Kishida, Fumio. = kishida fumio). The variants add what ``norm`` cannot see:

* transliterations of Slavic endings: Zelenskyy / Zelensky / Zelenskiy / Zelenskyi;
* initials written together: "J. B. Pritzker" → "JB Pritzker";
* a middle initial dropped: "Mark T. Esper" → "Mark Esper";
* an Arabic article dropped: "Ayman al-Safadi" → "Ayman Safadi";
* short forms of long labels — the label's last words, from a capitalised word that is not a
  particle ("Luiz Inácio Lula da Silva" → "Lula da Silva", "Inácio Lula da Silva"), and a
  four-word label without its second surname ("José Manuel Albares Bueno" → "José Manuel
  Albares"). Never a given name alone, never fewer than two words.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from .. import rx
from .schema import norm

_SLAVIC = rx.compile(r"(?<=[sz]k)(yy|iy|yi|y)$")
_SLAVIC_FORMS = ("yy", "iy", "yi", "y")
_INITIALS = rx.compile(r"\b((?:[A-Z]\. ?){2,})(?=\s)")
_MIDDLE_INITIAL = rx.compile(r"^(\S+) (?:[A-Z]\. )+(\S+.*)$")
_ARTICLE = rx.compile(r"\b(?:al|el|Al|El)-(?=\w)")
MIN_SHORT_WORDS = 2


# Words a short form may not start with: it would name a family or a patronymic, not a person.
_PARTICLES = frozenset({"al", "el", "bin", "ibn", "bint", "abu", "abd", "de", "da", "do", "dos",
                        "van", "von", "le", "la", "di", "del", "der", "mac", "ben", "ould"})


# Names built as chains of given names (Arabic, Somali): no short forms at all.
_CHAIN = rx.compile(r"\b(?:al|el|bin|ibn|bint|abu|abd|ould|binti)\b|\b(?:al|el)-", re.I)
# "Mohammed bin Salman": what follows "bin" is the father's name, not a short form.
_PATRONYMIC = frozenset({"bin", "ibn", "bint", "ben", "ould", "binti"})


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and len(word.strip(".")) >= 2


def _short_forms(words: list[str]) -> set[str]:
    """Runs of words ending with the last one (the surname) and starting with a capitalised word
    that is not a particle ("Lula da Silva", "Tayyip Erdoğan"); and, for four words or more,
    the label without its last word (a second surname: "José Manuel Albares")."""
    n = len(words)
    out = {" ".join(words[i:]) for i in range(1, n - 1)
           if _capitalised(words[i]) and words[i].lower() not in _PARTICLES
           and words[i - 1].lower() not in _PATRONYMIC}
    if n >= 4 and _capitalised(words[-2]) and words[-2].lower() not in _PARTICLES:
        out.add(" ".join(words[:-1]))
    return out


def variants(label: str, *, short: bool = True) -> set[str]:
    """Other ways news writes ``label`` (not checked for uniqueness; the label itself excluded).
    ``short``: also short forms (only for people news names that way: heads of state and
    government, foreign ministers — not for every minister, whose names may be chains of given
    names that other people bear in full, "Osman Omar al-Sharif" → "Omar Sharif")."""
    base = {label}
    if (m := _MIDDLE_INITIAL.match(label)) is not None and not re.match(r"^[A-Z]\.", label):
        base.add(f"{m[1]} {m[2]}")
    base |= {_ARTICLE.sub("", b) for b in base}
    base |= {_INITIALS.sub(lambda m: m[1].replace(".", "").replace(" ", ""), b) for b in base}
    for b in list(base):
        words = b.split()
        if words and (m := _SLAVIC.search(words[-1])) is not None:
            stem = words[-1][: m.start()]
            base |= {" ".join([*words[:-1], stem + end]) for end in _SLAVIC_FORMS}
    out = set(base)
    if short and not _CHAIN.search(label):
        for b in base:
            out |= _short_forms(b.split())
    out.discard(label)
    return {v for v in out if len(v.split()) >= MIN_SHORT_WORDS}


def unique_variants(people: Iterable[tuple[str, str, Iterable[str]]],
                    reserved: Iterable[str] = (),
                    prominent: frozenset[str] = frozenset()) -> dict[str, list[str]]:
    """``{person id: [new aliases]}`` for ``(id, label, existing names)`` triples: a variant is
    kept only when no other person has it as a name or variant and it is not ``reserved``
    (country names, office titles). Short forms only for the ``prominent`` ids."""
    owners: dict[str, set[str]] = defaultdict(set)
    wanted: dict[str, set[str]] = {}
    for pid, label, names in people:
        for name in (label, *names):
            owners[norm(name)].add(pid)
        wanted[pid] = variants(label, short=pid in prominent)
        for v in wanted[pid]:
            owners[norm(v)].add(pid)
    taken = {norm(r) for r in reserved}
    out: dict[str, list[str]] = {}
    for pid, vs in wanted.items():
        keep = sorted(v for v in vs if owners[norm(v)] == {pid} and norm(v) not in taken)
        if keep:
            out[pid] = keep
    return out
