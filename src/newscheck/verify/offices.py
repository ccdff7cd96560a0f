"""What the checkers share: the run context, who a claim is about, which offices it names, and
who held an office at a time."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from ..knowledge.countries import country_by_name
from ..knowledge.schema import norm
from ..knowledge.usstates import NAMES
from ..model import Claim, Coverage, EntityRef, Term, Verdict
from . import explain as ex
from .explain import join
from .facts import LEADER_KINDS, SPECIFIC_KINDS, Facts
from .policy import BOUNDARY_DAYS, Fit, Window, fit, window_of


@dataclass(slots=True)
class Context:
    """One verification run: the KB view and the date undated claims fall back to."""

    facts: Facts
    fallback: date

    def window(self, claim: Claim) -> Window | None:
        return window_of(claim.time, self.fallback)

    def fit(self, term: Term, w: Window) -> Fit:
        return fit(term, w, self.facts.as_of)


def is_ambiguous(ref: EntityRef | None, claim: Claim) -> bool:
    """Linking kept several candidates for the name, or the claim is flagged ambiguous."""
    if claim.qualifiers.get("ambiguous"):
        return True
    return ref is not None and len(set(ref.candidates) - {None}) > 1


def people(ref: EntityRef | None) -> list[str]:
    """The ids a person mention may stand for: its id, else its candidates."""
    if ref is None:
        return []
    if ref.id:
        return [ref.id]
    return [c for c in dict.fromkeys(ref.candidates) if c]


def mention(ref: EntityRef | None, facts: Facts, fallback: str = "the person") -> str:
    if ref is None:
        return fallback
    if ref.id:
        return ref.label or facts.label(ref.id, ref.mention)
    return ref.mention or fallback


def qualifier_id(value: Any) -> str | None:
    """A qualifier that should hold an id (a str, or an object with ``.id``)."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return value
    got = getattr(value, "id", None)
    return got if isinstance(got, str) else None


@dataclass(slots=True)
class Target:
    """The office(s) a claim names, grouped into slots ("the same office": kind + country)."""

    label: str
    written: str | None                       # the position id the text resolved to, if any
    mention: str = ""                         # the office as written ("Chancellor")
    slots: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    generic: bool = False                     # only a kind ("minister") is known: never refute

    @property
    def positions(self) -> list[str]:
        """Every position of every slot, once, in slot order (a defined order: it becomes the
        order of names and evidence in the report)."""
        return list(dict.fromkeys(p for ps in self.slots.values() for p in ps))


def resolve_office(claim: Claim, facts: Facts, person: str | None) -> Target | None:
    """The offices a role claim may mean, or None when nothing identifies one.

    1. a resolved position id → it and its other names (same specific kind and country);
    2. ``office_candidates`` (narrowed to ``country`` when given) → each with its other names;
    3. ``office_kind`` + ``country`` → every office of that kind there;
    4. ``office_kind`` alone → the country where the person held offices, if only one; else any
       office of that kind the person held (support only).
    """
    obj, q = claim.object, claim.qualifiers
    label = (obj.label or obj.mention) if obj else str(q.get("office_kind") or "the office")
    country = qualifier_id(q.get("country"))
    kind = q.get("office_kind") if isinstance(q.get("office_kind"), str) else None
    seeds: list[str] = []
    written: str | None = None
    if obj is not None and obj.id and facts.entity(obj.id) is not None:
        seeds, written = [obj.id], obj.id
        label = facts.label(obj.id, label)
    else:
        cands = [c for c in (q.get("office_candidates") or ()) if isinstance(c, str)]
        if country:
            cands = [c for c in cands if facts.jurisdiction(c) in (country, None)]
        elif person and len({facts.jurisdiction(c) for c in cands}) > 1:
            # a title many countries use ("Minister of Culture") and no country stated: the
            # office of that name in the one country where the person held offices, if any
            homes = home_countries(facts, person)
            mine = [c for c in cands if facts.jurisdiction(c) in homes]
            cands = mine if len(homes) == 1 and mine else cands
        seeds = cands
    # Several different offices of a plain kind ("Belgian Minister-President of the
    # Brussels-Capital Region" read as any Belgian minister): the article names one we could
    # not identify, so none of them may refute
    generic = (len({facts.slot(p) for p in seeds}) > 1
               and (kind is None or kind not in SPECIFIC_KINDS))
    if not country and obj is not None and title_key(obj.mention) in COUNTRY_DEPENDENT_TITLES:
        kind = None     # which office "Chancellor" names depends on the country: see below
    if not seeds and kind == "other" and country and obj is not None \
            and title_key(obj.mention) == "leader":
        # "Chinese leader Xi Jinping": a country's leader heads its state or its government,
        # the article does not say which, so the claim is checked for support only
        seeds = [p for k in sorted(LEADER_KINDS) for p in facts.offices(country, k)]
        generic = True
    if not seeds and kind:
        if not country and person:
            countries = {facts.jurisdiction(t.position) for t in facts.positions(person)} - {None}
            if len(countries) == 1:
                country = countries.pop()
        if country:
            seeds = facts.offices(country, kind)
        elif person:
            seeds = [t.position for t in facts.positions(person) if facts.kind(t.position) == kind]
            generic = True
        generic = generic or kind not in SPECIFIC_KINDS
    if not seeds and obj is not None and obj.mention and person:
        # The office by the title as written, among the person's own offices: "Premier Li
        # Keqiang" names the office Li Keqiang held that is called "Premier".
        seeds = list(dict.fromkeys(t.position for t in facts.positions(person)
                                   if named_like(facts, t, obj.mention)))
        generic = len({facts.slot(p) for p in seeds}) > 1
    if not seeds:
        return None
    target = Target(label=label, written=written, mention=obj.mention if obj else "",
                    generic=generic)
    for seed in seeds:
        for p in facts.equivalents(seed):
            target.slots.setdefault(facts.slot(seed), [])
            if p not in target.slots[facts.slot(seed)]:
                target.slots[facts.slot(seed)].append(p)
    return target


def person_and_office(claim: Claim, facts: Facts, about: str) -> tuple[str, Target] | Verdict:
    """The one person and the office(s) a claim about holding an office names — or the
    not_enough_evidence verdict saying which is missing. ``about`` says what could not be checked,
    with ``{office}`` for the office as written ("whether they had been {office}")."""
    who = mention(claim.subject, facts)
    ids = people(claim.subject)
    office = (claim.object.mention if claim.object else "") or "the office"
    if len(ids) != 1:
        why = "could not be found in" if not ids else "could be more than one person in"
        return ex.verdict("not_enough_evidence", 0.0,
                          f"“{who}” {why} the knowledge base, so {about.format(office=office)} "
                          f"cannot be checked")
    target = resolve_office(claim, facts, ids[0])
    if target is None:
        return ex.verdict("not_enough_evidence", 0.0,
                          f"The office “{office}” could not be identified in the knowledge base")
    return ids[0], target


def office_holders(facts: Facts, positions: list[str] | set[str], w: Window,
                   exclude: str | None,
                   coverage: Coverage = Coverage.YES) -> list[tuple[Term, Fit]]:
    """Terms of other people in these positions whose fit with ``w`` is ``coverage``."""
    out = []
    for pos in sorted(positions) if isinstance(positions, set) else positions:
        for t in facts.holders_between(pos, w.start, w.end):   # the rest cannot fit
            if t.person == exclude:
                continue
            f = fit(t, w, facts.as_of)
            if f.coverage is coverage:
                out.append((t, f))
    return out


def record_start(facts: Facts, positions: list[str] | set[str]) -> date | None:
    """The earliest known start of any holder of these positions: where the KB's record of the
    office begins."""
    return facts.record_start(positions)


def hinges_on_handover(facts: Facts, positions: list[str] | set[str], occupant: tuple[Term, Fit],
                       w: Window, person: str) -> bool:
    """True when the occupant's term begins or ends within BOUNDARY_DAYS of the window and the
    KB does not know who held the office on the other side of that boundary (so the person might
    have)."""
    term, f = occupant
    if f.gap is None or f.gap > BOUNDARY_DAYS:
        return False
    near = timedelta(BOUNDARY_DAYS * 2)
    start, end = _shifted(w.start, -near), _shifted(w.end, near)
    for pos in positions:
        for t in facts.holders_between(pos, start, end):   # a gap within `near` meets it
            if t.person not in (person, term.person):
                g = fit(t, w, facts.as_of).gap
                if g is not None and g <= BOUNDARY_DAYS * 2:
                    return False
    return True


def _shifted(d: date, by: timedelta) -> date:
    try:
        return d + by
    except OverflowError:
        return date.max if by.days > 0 else date.min


_TIME_WORDS = frozenset({"former", "then", "ex", "then-", "ex-", "late", "the"})
# Titles that name different offices in different countries: "Chancellor" heads the government
# of Germany and Austria but is the finance minister of the United Kingdom. Without a country in
# the article, such a title is matched only against the person's own offices of that name
# (``named_like``), never through an office kind guessed from the person's other offices.
COUNTRY_DEPENDENT_TITLES = frozenset({"chancellor"})


def title_key(mention: str) -> str:
    """The office words of a mention, normalised, without time words or a leading country:
    "then-UK Chancellor" → "chancellor", "Japan's Foreign Minister" → "foreign minister"."""
    words = [w for w in mention.replace("-", " ").split() if w.casefold() not in _TIME_WORDS]
    for n in (3, 2, 1):
        if len(words) > n and country_by_name(" ".join(words[:n])) is not None:
            words = words[n:]
            break
    return norm(" ".join(words))


def home_countries(facts: Facts, person: str) -> set[str]:
    """The jurisdictions of every office the KB records for ``person``."""
    return {c for t in facts.positions(person) if (c := facts.jurisdiction(t.position))}


def foreign_office(facts: Facts, person: str, target: Target) -> str | None:
    """When every recorded office of ``person`` is in other countries than the claimed office,
    the article's title may name an office of the person's own country the KB lacks ("foreign
    secretary" of India read as the British one). Returns the reason, or None."""
    homes = home_countries(facts, person)
    offices = {c for p in target.positions if (c := facts.jurisdiction(p))}
    if not homes or not offices or homes & offices:
        return None
    where = join(sorted(facts.label(c) for c in homes))
    return (f"{facts.label(person)}'s recorded offices are all in {where}, so the article may "
            f"mean an office of {where} that the knowledge base does not record")


def named_like(facts: Facts, term: Term, mention: str) -> bool:
    """Whether the office of ``term`` is called what the article wrote: its label or an alias
    contains the mention's office words ("Chancellor" → "Chancellor of the Exchequer"). A safety
    net against refuting a title the linker read as the wrong office."""
    keys = title_keys(mention)
    if not keys:
        return False
    ent = facts.entity(term.position)
    names = {term.position_label, *((ent.label, *ent.aliases) if ent is not None else ())}
    return any(_names_title(_without_the(norm(n)), key) for n in names if n for key in keys)


# Abbreviated titles as news writes them ("Gov. Matt Bevin").
_ABBREVIATIONS = {"gov": "governor"}


def title_keys(mention: str) -> list[str]:
    """The names an office of the mention's title may carry: its ``title_key``, abbreviations
    spelt out, and a portfolio secretary both ways round ("Energy Secretary" → "secretary of
    energy", "Health Secretary" → "secretary of state for health"). Used only to find the
    office among the person's own offices (support, never refutation)."""
    key = title_key(mention)
    if not key:
        return []
    words = [_ABBREVIATIONS.get(w, w) for w in key.split()]
    if len(words) >= 2 and words[0] in _STATES:
        # "Kentucky Gov." names the Governor of Kentucky, no other governor
        return [f"{' '.join(words[1:])} of {words[0]}"]
    keys = [key, " ".join(words)]
    if len(words) >= 2 and words[-1] == "secretary" and words[-2] != "press":
        portfolio = " ".join(words[:-1])
        keys += [f"secretary of {portfolio}", f"secretary of state for {portfolio}"]
    return list(dict.fromkeys(keys))


_STATES = frozenset(norm(name) for name in NAMES.values() if " " not in name)


def _without_the(name: str) -> str:
    """A normalised office name without "the", as ``title_key`` drops it from the mention."""
    return " ".join(w for w in name.split() if w != "the")


# "Prime Minister" is not what "Deputy Prime Minister" names.
_QUALIFIERS = frozenset({"deputy", "vice", "alternate", "first", "second", "assistant", "under",
                         "junior", "associate", "shadow"})


def _names_title(name: str, key: str) -> bool:
    text, pat = f" {name} ", f" {key} "
    start = text.find(pat)
    while start != -1:
        before = text[:start].split()
        if not before or before[-1] not in _QUALIFIERS:
            return True
        start = text.find(pat, start + 1)
    return False
