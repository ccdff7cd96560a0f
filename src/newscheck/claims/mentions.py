"""Mentions of people, offices and countries in an article.

1. The gazetteer (:mod:`newscheck.gazetteer`) finds every name; the longest match wins.
2. Office titles take the country next to them: "Japanese Foreign Minister", "Japan's foreign
   minister", "Foreign Minister of Japan", "U.S. Secretary of State"; "former", "ex-", "then-" and
   "late" before a title are kept as its modifier; "deputy", "incoming", "acting" … block it.
3. People missing from the KB are found by shape next to an office title ("Foreign Minister Jane
   Doe", "Jane Doe, the foreign minister of X") and kept unlinked.
4. Later short mentions ("Kishida", "Chung") point back to the full name (first or last word).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from .. import rx
from ..gazetteer import Gazetteer, Hit, Tokens
from ..knowledge.offices import ABBREVIATED_TITLES, office_words
from ..knowledge.usstates import NAMES

MentionKind = Literal["person", "office", "country"]

_CAP = r"(?:[A-Z][a-z]*\.|[A-Z][\w’'\-]*[\w])"
_PARTICLE = r"(?:(?:de|da|del|der|van|von|bin|al|el|le|la|di|du|dos|ter|ibn)[ \t]+)"
NAME_RE = rx.compile(_CAP + r"(?:[ \t]+" + _PARTICLE + r"*" + _CAP + r"){0,3}")
_NAME_AT = rx.compile(r"[ \t]+(" + NAME_RE.pattern + r")")
# Words that are capitalised but never part of a person's name after a title.
_STOP_WORDS = """
The A An And But Or On In At Of For To From By With As After Before During Since Until While
When He She It They We I His Her Their Its This That These Those There Here Mr Mrs Ms Dr
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June
July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
Prime Minister President Foreign Secretary Chancellor King Queen Emperor Premier Minister
Government Ministry Office Parliament Cabinet Party Council Summit Group Leaders Asked Speaking
Said Says Told Meanwhile However Also Last Next Earlier Later Today Yesterday Tonight
Emeritus Emerita
"""
STOP = frozenset(_STOP_WORDS.split())
_MODIFIER = rx.compile(r"\b(former|ex|then|late|outgoing|incoming|future|next|would-be|new|"
                       r"current|acting|interim|deputy|vice|shadow|caretaker|designated)"
                       r"(?:\s+|\s*-\s*)$", re.I)
_MOD_VALUE = {"former": "former", "ex": "former", "late": "former", "then": "then",
              "outgoing": None, "new": None, "current": None}
_POSSESSIVE_GAP = rx.compile(r"^['’]s\s+(?:(former|ex-|then-|late|new|current)\s*)?$", re.I)
_OF_GAP = rx.compile(r"^\s+of\s+(?:the\s+)?$", re.I)
_OF_OTHER = rx.compile(r"[ \t]+(?:of|for|at|to)[ \t]+(?:the[ \t]+)?(?:[A-Z][\w’'\-.]*"
                       r"(?:[ \t]+(?:of[ \t]+(?:the[ \t]+)?)?|$))*[A-Z][\w’'\-.]*\w")
_AFTER_COUNTERPART = rx.compile(r"\bcounterpart,?[ \t]+(" + NAME_RE.pattern + r")")
_CAP_NEXT = rx.compile(r"[ \t]+[A-Z]")
_AFTER_POSSESSIVE = rx.compile(r"^['’]s?\b")
_UK = "Q145"
_BARE_CHANCELLOR = rx.compile(r"(?<![Vv]ice )(?<![Vv]ice-)\b[Cc]hancellor\b"
                              r"(?! of the [Ee]xchequer)")
# "Emperor Emeritus Akihito", "Pope Emeritus Benedict": a title held before, not now.
_EMERITUS = rx.compile(r"[ \t]+(?:emeritus|emerita)\b", re.I)


@dataclass(slots=True, eq=False)
class Mention:
    """A person, an office or a country named in the article (char span into its text)."""

    kind: MentionKind
    start: int
    end: int
    text: str
    ids: tuple[str, ...] = ()       # person: KB candidates; office: position ids (KB label)
    country: str | None = None      # office: its country; country: the country id
    office_kind: str | None = None  # office: the generic kind (None: a blocked title)
    modifier: str | None = None     # office: "former" or "then"
    mod_start: int | None = None    # office: where the modifier starts
    form: str = ""                  # country: "name"/"demonym"; person: "full"/"short"
    ref: Mention | None = field(default=None, repr=False)  # short person mention → full one

    @property
    def span_start(self) -> int:
        return self.mod_start if self.mod_start is not None else self.start


class _Cover:
    """Which chars of the text a mention already covers."""

    def __init__(self, text: str, ms: list[Mention]) -> None:
        self.mask = bytearray(len(text))
        for m in ms:
            self.add(m.start, m.end)

    def add(self, start: int, end: int) -> None:
        self.mask[start:end] = b"\x01" * (end - start)

    def free(self, start: int, end: int) -> bool:
        return 1 not in self.mask[start:end]


# "Trump's secretary of state" at a sentence start: a one-word name that owns a title is a name
_OWNER_TITLE = rx.compile(r"['’]s[ \t]+(?:(?:former|then)[ \t-]+)?(?:[a-z]+[ \t]+)?(?:secretary|"
                          r"minister|chancellor|premier|president|prime[ \t]+minister)\b", re.I)
_PARTICLE_CAP = rx.compile(r"^[a-z]{1,3}['’\-][A-Z]")   # "el-Sisi", "al-Assad", "d'Estaing"


def _is_capitalised(text: str, start: int, end: int) -> bool:
    words = text[start:end].split()
    return bool(words) and words[0][:1].isupper() and (
        words[-1][:1].isupper() or bool(_PARTICLE_CAP.match(words[-1])))


def _from_hit(hit: Hit, text: str, gaz: Gazetteer, sentence_starts: set[int]) -> Mention | None:
    persons: list[str] = []
    positions: list[str] = []
    office: tuple[str | None, str | None] | None = None
    country: tuple[str, str] | None = None
    surface = text[hit.start:hit.end]
    for entry in hit.entries:
        tag = entry[0]
        if tag == "E":
            ent = gaz.entity(entry[1])
            if ent is None:
                continue
            if ent.kind == "person":
                persons.append(ent.id)
            elif ent.kind == "position":
                positions.append(ent.id)
        elif tag == "C":
            country = (entry[1], entry[2])
        elif tag == "O" and office is None:
            office = (entry[1], entry[2])
    single = hit.first == hit.last
    if persons and _is_capitalised(text, hit.start, hit.end) and not (
            single and hit.start in sentence_starts
            and not _OWNER_TITLE.match(text, hit.end)):
        return Mention("person", hit.start, hit.end, surface, tuple(persons), form="full")
    if positions:
        ents = [gaz.entity(p) for p in positions]
        ent = ents[0]
        # a label several countries use ("Minister of Justice") names no country by itself
        countries = {e.country if e else None for e in ents}
        return Mention("office", hit.start, hit.end, surface, tuple(positions),
                       country=countries.pop() if len(countries) == 1 else None,
                       office_kind=(ent.office_kind if ent else None) or _title_kind(surface))
    if office is not None:
        end = hit.end
        if surface.lower() in ABBREVIATED_TITLES:
            # "Gov. Matt Bevin": an abbreviation is a title only capitalised, with its stop
            if not surface[:1].isupper() or text[end:end + 1] != ".":
                return None
            end, surface = end + 1, surface + "."
        return Mention("office", hit.start, end, surface, country=office[1],
                       office_kind=office[0], form="national" if office[1] else "")
    if country is not None and surface[:1].isupper():
        if len(surface) <= 3 and surface.isalpha() and not surface.isupper():
            return None   # "Us" at the start of a sentence is a pronoun, not the United States
        return Mention("country", hit.start, hit.end, surface, country=country[0],
                       form=country[1])
    return None


def _title_kind(surface: str) -> str | None:
    """The kind of the longest office title the words end with ("Chinese Premier" → premier)."""
    words = office_words()
    tokens = surface.lower().replace("-", " ").split()
    for i in range(len(tokens)):
        word = words.get(" ".join(tokens[i:]))
        if word is not None:
            return word.kind
    return None


def _longest(cands: list[tuple[Hit, Mention]]) -> list[Mention]:
    cands.sort(key=lambda hm: (hm[0].first, -(hm[0].last - hm[0].first)))
    out: list[Mention] = []
    last_token = -1
    for hit, m in cands:
        if hit.first > last_token:
            out.append(m)
            last_token = hit.last
    return out


def _compose(text: str, ms: list[Mention]) -> list[Mention]:
    """Offices take adjacent countries and modifiers; consumed countries are dropped."""
    consumed: set[int] = set()
    for i, m in enumerate(ms):
        if m.kind != "office":
            continue
        prev = ms[i - 1] if i > 0 else None
        nxt = ms[i + 1] if i + 1 < len(ms) else None
        inline_mod: str | None = None
        if prev is not None and prev.kind == "country" and i - 1 not in consumed:
            gap = text[prev.end:m.start]
            pm = _POSSESSIVE_GAP.match(gap)
            if (gap.isspace() and "\n" not in gap) or pm:
                _set_country(m, prev.country)
                m.start = prev.start
                consumed.add(i - 1)
                if pm and pm.group(1):
                    inline_mod = pm.group(1).lower().strip("-")
        after = ms[i + 2] if i + 2 < len(ms) else None
        if (nxt is not None and nxt.kind == "country" and nxt.form == "name"
                and _OF_GAP.match(text[m.end:nxt.start])
                and (not _CAP_NEXT.match(text, nxt.end)
                     # "Foreign Minister of Japan Fumio Kishida": the capital starts a name
                     or (after is not None and after.kind == "person"
                         and text[nxt.end:after.start].isspace()))):
            _set_country(m, nxt.country)
            m.end = nxt.end
            consumed.add(i + 1)
        elif not m.ids and (om := _OF_OTHER.match(text, m.end)):
            # "President of the UN General Assembly", "governor of the Bank of Canada": a title
            # outside the offices we know; "Minister for Trade" is a plain minister
            m.office_kind = "minister" if m.office_kind and m.office_kind.endswith(
                "minister") else "other"
            m.end = min([om.end()] + [p.start for p in ms[i + 1:] if p.kind == "person"
                                      and m.end <= p.start < om.end()])
            while text[m.end - 1] in " \t,":
                m.end -= 1
            consumed.update(k for k in (i + 1, i + 2) if k < len(ms) and ms[k].end <= m.end)
        if (m.office_kind == "head_of_government" and m.country == _UK
                and _BARE_CHANCELLOR.search(text, m.start, m.end)):
            m.office_kind = "finance_minister"   # "British Chancellor": of the Exchequer
        if _AFTER_POSSESSIVE.match(text[m.end:m.end + 3]) or _ELECT.match(text, m.end):
            m.office_kind = None          # "the prime minister's office", "… minister-designate"
        if i - 1 not in consumed and not m.ids and m.office_kind is not None:
            inline_mod = _owner(text, m, prev) or inline_mod
        m.text = text[m.start:m.end]
        mod = inline_mod
        mm = _MODIFIER.search(text, max(0, m.start - 24), m.start)
        if mm:
            word = mm.group(1).lower()
            if word in _MOD_VALUE:
                mod = mod or _MOD_VALUE[word]
                if _MOD_VALUE[word]:
                    m.mod_start = mm.start(1)
            else:
                m.office_kind = None      # deputy, incoming, acting ...
        em = _EMERITUS.match(text, m.end)
        if em:
            m.end = em.end()
            m.text = text[m.start:m.end]
            mod = "former"
        m.modifier = _MOD_VALUE.get(mod or "") if mod else m.modifier
    return [m for i, m in enumerate(ms) if i not in consumed]


_ELECT = rx.compile(r"(?:-|[ \t]+)(?:elect|designate|in-waiting)\b", re.I)
_OWNER = rx.compile(r"(?:^|[\s(\"“])([A-Z][\w\-.]*)(['’]s)?[ \t]+$")
_NOT_OWNER = (STOP - {"Government", "Ministry", "Office", "Parliament", "Cabinet", "Party",
                     "Council", "Summit", "Group", "Emeritus", "Emerita"}) | {
    "Former", "Ex", "Then", "Late", "Outgoing", "Incoming", "Future", "Next", "New", "Current",
    "Acting", "Interim", "Deputy", "Vice", "Shadow", "Caretaker", "Designated", "Both", "Senior",
    "Veteran"}


def _owner(text: str, office: Mention, prev: Mention | None) -> str | None:
    """A capitalised word right before a title no country took: "Trump's secretary of state"
    (a person's: the title is the one held under them, "then") or "LDP President", "Quebec
    Premier", "Tokyo's governor" (another body's title: kind ``other``)."""
    om = _OWNER.search(text, max(0, office.start - 40), office.start)
    if om is None or om.group(1).rstrip(".") in _NOT_OWNER:
        return None
    if office.form == "national" and not om.group(2) and _names_country(om.group(1)):
        return None     # "U.S. Defense Secretary": the country of a national title, no owner
    if (om.group(2) and prev is not None and prev.kind == "person"
            and prev.end == om.end(1)):
        return "then"
    if office.form != "national" and not om.group(2) and om.group(1) in _STATE_NAMES:
        office.start = om.start(1)    # "Kentucky Gov.": the state is part of the title
    if office.form != "national" or not om.group(2):
        office.office_kind = "other"
    else:
        return "then"         # "Seoul's" / "Beijing's secretary of state": read as "then"
    return None


_STATE_NAMES = frozenset(NAMES.values())


def _names_country(word: str) -> bool:
    from ..knowledge.countries import country_by_name

    return country_by_name(word) is not None


def _set_country(office: Mention, country: str | None) -> None:
    if office.form == "national" and office.country != country:
        office.office_kind = None         # "Indian Foreign Secretary" is a civil servant
    office.country = country


def _unlinked_people(text: str, ms: list[Mention], *, single: bool) -> list[Mention]:
    """People next to a title who are not in the KB: "Foreign Minister Jane Doe"."""
    taken = _Cover(text, ms)
    found: list[Mention] = []
    for m in ms:
        if m.kind != "office" or m.office_kind is None:
            continue
        after = _NAME_AT.match(text, m.end)
        if after:
            _add_name(found, taken, after.start(1), after.group(1), single)
        if not single:
            before = _BEFORE.search(text, max(0, m.span_start - 120), m.span_start)
            if before:
                _add_name(found, taken, before.start(1), before.group(1), single)
    if not single:      # "his Philippine counterpart Enrique Manalo"
        for cm in _AFTER_COUNTERPART.finditer(text):
            _add_name(found, taken, cm.start(1), cm.group(1), single)
    return found


_BEFORE = rx.compile(r"(" + NAME_RE.pattern + r"),\s+(?:who\s+(?:is|was|served as|has been|"
                     r"had been|became)\s+)?(?:(?:the|a|an|now)\s+)?(?:country's\s+|nation's\s+)?"
                     r"$")


_WORD = rx.compile(r"\S+")


def _add_name(found: list[Mention], taken: _Cover, start: int, name: str,
              single: bool) -> None:
    """Add ``name`` (found at ``start``) less leading/trailing stop words and a possessive."""
    words = [(m.start(), m.group()) for m in _WORD.finditer(name)]
    while words and words[0][1].rstrip(".") in STOP:
        words.pop(0)
    while words and words[-1][1].rstrip(".") in STOP:
        words.pop()
    if not words:
        return
    last = re.sub(r"['’]s$", "", words[-1][1])
    if len(last) > 2 and last.endswith("."):
        last = last[:-1]            # "Janet Yellen." ends a sentence; "S." is an initial
    if (len(words) == 1) != single or not last:
        return
    s = start + words[0][0]
    end = start + words[-1][0] + len(last)
    if not taken.free(s, end):
        return
    taken.add(s, end)
    found.append(Mention("person", s, end, name[words[0][0]:end - start], (),
                         form="short" if single else "full"))


def _coreference(text: str, ms: list[Mention]) -> list[Mention]:
    """Single-word mentions of a person named in full elsewhere in the article."""
    keys: dict[str, list[Mention]] = {}
    for m in ms:
        if m.kind == "person" and m.form == "full":
            # a two-letter word counts only as a family name written first ("Li", "Hu", "Wang Yi")
            words = [w for i, w in enumerate(m.text.split()) if w.rstrip(".") not in STOP and (
                len(w) > 2 or (i == 0 and re.fullmatch(r"[A-Z][a-z]", w)) or (
                    i > 0 and re.fullmatch(r"[A-Z][a-z]", w)))]
            if len(words) < 2:
                continue
            for w in {words[0], words[-1]} - {words[-1] if len(words[-1]) <= 2 else ""}:
                bucket = keys.setdefault(w, [])
                if all(_same(o, m) is False for o in bucket):
                    bucket.append(m)
    if not keys:
        return []
    taken = _Cover(text, ms)
    pattern = re.compile(r"\b(" + "|".join(re.escape(k) for k in sorted(keys, key=len,
                                                                          reverse=True)) + r")\b")
    found: list[Mention] = []
    for hit in pattern.finditer(text):
        s, e = hit.span()
        if not taken.free(s, e):
            continue
        antecedents = keys[hit.group(1)]
        if len(antecedents) != 1:
            continue
        full = antecedents[0]
        found.append(Mention("person", s, e, hit.group(1), full.ids, form="short", ref=full))
    return found


def _same(a: Mention, b: Mention) -> bool:
    if a.ids or b.ids:
        return bool(set(a.ids) & set(b.ids))
    return a.text == b.text


_TITLED = rx.compile(r"^(King|Queen|Emperor|Empress|President|Prime Minister|Chancellor)\s+")


def _split_titles(text: str, ms: list[Mention]) -> list[Mention]:
    """A KB alias with a title ("King Charles III") is a title and a name."""
    words = office_words()
    out: list[Mention] = []
    for m in ms:
        tm = _TITLED.match(m.text) if m.kind == "person" else None
        word = words.get(tm.group(1).lower()) if tm else None
        if tm is None or word is None:
            out.append(m)
            continue
        office = Mention("office", m.start, m.start + len(tm.group(1)), tm.group(1),
                         office_kind=word.kind)
        name_start = m.start + tm.end()
        em = _EMERITUS.match(text, office.end)
        if em and em.end() < m.end:     # the alias "Emperor Emeritus Akihito"
            office.end, office.modifier = em.end(), "former"
            office.text = text[office.start:office.end]
            name_start = em.end() + 1
        out.append(office)
        m.start = name_start
        m.text = text[m.start:m.end]
        out.append(m)
    return out


def find_mentions(text: str, gaz: Gazetteer, sentence_starts: set[int]) -> list[Mention]:
    """Every person, office and country mention in ``text``, in text order."""
    tokens = Tokens.of(text)
    cands: list[tuple[Hit, Mention]] = []
    for hit in gaz.scan(tokens):
        m = _from_hit(hit, text, gaz, sentence_starts)
        if m is not None:
            cands.append((hit, m))
    ms = _compose(text, _split_titles(text, _longest(cands)))
    ms.extend(_unlinked_people(text, ms, single=False))
    ms.sort(key=lambda m: m.start)
    ms.extend(_coreference(text, ms))
    ms.extend(_unlinked_people(text, ms, single=True))
    ms.sort(key=lambda m: m.start)
    return ms
