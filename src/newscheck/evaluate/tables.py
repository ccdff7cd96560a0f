"""Real-data evaluation: verdicts on synthetic news sentences built from real office-holder tables.

``../shared/data`` (relative to the repository root) holds Wikidata-derived tables written by
others: ``officeholders-japan`` and ``officeholders-south-korea`` (``html/holders21.csv``, days)
and ``world-leaders-2021/data/wikidata.csv`` (years). Every term there becomes short sentences in
the phrasings newscheck claims to handle, each with a publication date:

* TRUE cases: the person, the office, a date at least ``TRUE_MARGIN`` days inside one of their
  terms → expected supported (not_enough_evidence tolerated, refuted never);
* FALSE cases: the same person and office on a date at least ``FALSE_MARGIN`` days outside all of
  their terms in that office, while another holder was well inside a term → expected refuted.

The truth is the table, read here independently of the importer. :mod:`.tables_run` runs the
pipeline on the cases and scores them; ``scripts/eval_tables.py`` prints the figures.
"""

from __future__ import annotations

import csv
import json
import random
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from .. import rx

DEFAULT_DATA = Path(__file__).resolve().parents[3].parent / "shared" / "data"
DAY_TABLES = ("officeholders-japan", "officeholders-south-korea")
WORLD_LEADERS = "world-leaders-2021/data/wikidata.csv"
WORLD = "officeholders-world"
TRUE_MARGIN = 10
FALSE_MARGIN = 30
STARTER_KINDS = frozenset({"head_of_government", "head_of_state", "foreign_minister"})
STARTER_COUNTRIES = frozenset({"Q17", "Q884"})
STARTER_FROM = date(2000, 1, 1)   # the starter pack records every term from 2000 on
_SKIP = rx.compile(r"\b(deputy|vice|acting|ambassador|first lady|secretary|speaker|chief|"
                   r"assistant|assisting|state)\b",
                   re.IGNORECASE)
_WL = rx.compile(r"^(president|prime minister) of (?:the )?(.+)$", re.IGNORECASE)
_FOREIGN = rx.compile(r"^minister (of|for) foreign affairs$", re.IGNORECASE)
_SUBJECTS = ("the talks would continue", "the government would respond calmly",
             "the two sides had agreed to keep in close contact", "the plan would go ahead")


@dataclass(frozen=True, slots=True)
class Office:
    """An office as a table names it, with the words an article would use for it."""

    key: str              # "<dataset>|<label as in the table>"
    label: str
    title: str            # "Foreign Minister", "Prime Minister", "Minister of Justice"
    kind: str             # head_of_state, head_of_government, foreign_minister, minister
    country: str          # Q id
    country_name: str
    demonym: str
    years: bool = False   # the table gives years only


@dataclass(frozen=True, slots=True)
class TableTerm:
    office: Office
    name: str
    person: str           # the table's id (Q…) or ""
    start: date           # first day the term certainly covers
    end: date             # last day it certainly covers (an open term: the table's date)


@dataclass(frozen=True, slots=True)
class Case:
    """One sentence with its publication date and the verdict it should get."""

    form: str             # demonym, apposition, of-country, context, former, then, counterpart
    truth: bool
    sentence: str
    published: date
    at: date              # the day (or, for "former", the anchor) the claim is about
    kind: str             # the claim kind expected: role, former_role, counterpart
    name: str             # the person the checked claim is about (its subject)
    office: Office
    other: str = ""       # FALSE cases: who held the office at ``at`` instead

    def line(self) -> str:
        return (f"[{'TRUE' if self.truth else 'FALSE'} {self.form}, published "
                f"{self.published}] {self.sentence}")


def fold(text: str) -> str:
    """ASCII spelling, as English news writes Japanese names ("Shinzo Abe")."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def _country(qid: str) -> tuple[str, str] | None:
    from ..knowledge.countries import country

    c = country(qid)
    if c is None:
        return None
    return c.name, (c.demonyms[0] if c.demonyms else c.name)


def _office(dataset: str, label: str, country: str, years: bool) -> Office | None:
    names = _country(country)
    if names is None or _SKIP.search(label):
        return None
    title, kind = label, "minister"
    m = _WL.match(label) if years else None
    if years and not m:
        return None
    if m:
        title = m.group(1).title()
    if title.lower() == "prime minister":
        title, kind = "Prime Minister", "head_of_government"
    elif title.lower() == "president":
        title, kind = "President", "head_of_state"
    elif _FOREIGN.match(title):
        title, kind = "Foreign Minister", "foreign_minister"
    elif "minister" not in title.lower():
        return None
    return Office(f"{dataset}|{label}", label, title, kind, country, *names, years=years)


def _latin(name: str) -> bool:
    """Names an English article could print (some labels are in Hangul only)."""
    return bool(name) and all(not c.isalpha() or fold(c) for c in name)


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def world_tables(data: Path) -> tuple[str, ...]:
    """Every country table of officeholders-world (those with a meta.json naming the country;
    not ``world/``, the international offices)."""
    base = data / WORLD
    return tuple(f"{WORLD}/{p.parent.name}" for p in sorted(base.glob("*/meta.json"))
                 if (p.parent / "html" / "holders21.csv").exists())


def load_terms(data: Path, datasets: tuple[str, ...] = DAY_TABLES, *,
               leaders: bool = True) -> tuple[list[TableTerm], dict[str, date]]:
    """Every usable term of the tables, and each dataset's snapshot date (its latest date)."""
    from ..knowledge.tables import COUNTRY_IDS

    terms: list[TableTerm] = []
    snapshots: dict[str, date] = {}
    for dataset in datasets:
        path = data / dataset / "html" / "holders21.csv"
        if not path.exists():
            continue
        meta = json.loads((data / dataset / "meta.json").read_text("utf-8"))
        country = COUNTRY_IDS.get(meta["jurisdiction"]["id"], meta["jurisdiction"]["id"])
        rows = list(csv.DictReader(path.open(encoding="utf-8")))
        days = [d for r in rows for d in (_day(r["start"]), _day(r.get("end") or "")) if d]
        snap = snapshots[dataset] = max(days)
        for r in rows:
            office = _office(dataset, r["position"], country, years=False)
            start = _day(r["start"])
            end = _day(r.get("end") or "") if r.get("end") else snap
            if office and start and end and start <= end and _latin(r["person"]):
                terms.append(TableTerm(office, r["person"], r["personID"], start, end))
    path = data / WORLD_LEADERS
    if leaders and path.exists():
        rows = list(csv.DictReader(path.open(encoding="utf-8")))
        last = max(int(r[k]) for r in rows for k in ("start_year", "end_year") if r[k])
        snapshots["world-leaders-2021"] = date(last, 12, 31)
        for r in rows:
            if r["countryid"] in STARTER_COUNTRIES or not r["start_year"]:
                continue     # Japan and South Korea: the day tables are the truth
            office = _office("world-leaders-2021", r["positionLabel"], r["countryid"], True)
            end_year = int(r["end_year"]) if r["end_year"] else last
            if office:
                terms.append(TableTerm(office, r["officeholderLabel"], r["officeholder"],
                                       date(int(r["start_year"]), 1, 1), date(end_year, 12, 31)))
    return terms, snapshots


def _inside(t: TableTerm, lo: date, hi: date) -> tuple[date, date] | None:
    """The days of ``t`` safely inside it: ``TRUE_MARGIN`` from a day boundary, or not in a
    boundary year when the table gives years only; clipped to ``[lo, hi]``."""
    if t.office.years:
        a = date(t.start.year + 1, 1, 1) + timedelta(TRUE_MARGIN)
        b = date(t.end.year - 1, 12, 31) - timedelta(TRUE_MARGIN)
    else:
        a, b = t.start + timedelta(TRUE_MARGIN), t.end - timedelta(TRUE_MARGIN)
    a, b = max(a, lo), min(b, hi)
    return (a, b) if a <= b else None


def _outside(terms: list[TableTerm], day: date) -> bool:
    """``day`` is at least ``FALSE_MARGIN`` days (a whole year for year tables) from them all."""
    for t in terms:
        if t.office.years:
            if t.start.year - 1 <= day.year <= t.end.year + 1:
                return False
        elif t.start - timedelta(FALSE_MARGIN) <= day <= t.end + timedelta(FALSE_MARGIN):
            return False
    return True


def _pick(rng: random.Random, span: tuple[date, date]) -> date:
    return span[0] + timedelta(rng.randint(0, (span[1] - span[0]).days))


def _weekday_before(d: date) -> tuple[date, str]:
    """The sentence says "on <weekday>" and the article appears the next day."""
    return d + timedelta(1), d.strftime("%A")


def _role_sentence(rng: random.Random, t: TableTerm, name: str, at: date) -> tuple[str, str, date]:
    o = t.office
    published, wd = _weekday_before(at)
    tail = f"said on {wd} that {rng.choice(_SUBJECTS)}."
    form = rng.choice(("demonym", "apposition", "of-country", "context"))
    if form == "demonym":
        text = f"{o.demonym} {o.title} {name} {tail}"
    elif form == "apposition":
        title = o.title.lower() if o.kind != "minister" else o.title
        text = f"{name}, {o.country_name}'s {title}, {tail}"
    elif form == "of-country":
        text = f"{o.title} of {o.country_name} {name} {tail}"
    else:
        text = (f"{o.title} {name} said on {wd} that {o.country_name} would "
                f"{rng.choice(('press ahead', 'respond calmly', 'keep talking'))}.")
    return form, text, published


def _others(by_office: dict[str, list[TableTerm]], t: TableTerm, day: date) -> str:
    for u in by_office[t.office.key]:
        if u.name != t.name:
            span = _inside(u, day, day)
            if span:
                return u.name
    return ""


def make_cases(terms: list[TableTerm], *, lo: date, hi: dict[str, date], seed: int = 7,
               offices: frozenset[str] | None = None) -> list[Case]:
    """TRUE and FALSE cases for every term (in ``offices``, a set of kinds), dates within
    ``[lo, hi[dataset]]``; deterministic for a seed."""
    rng = random.Random(seed)
    chosen = [t for t in terms if offices is None or t.office.kind in offices]
    by_office: dict[str, list[TableTerm]] = defaultdict(list)
    by_person: dict[tuple[str, str], list[TableTerm]] = defaultdict(list)
    for t in chosen:
        by_office[t.office.key].append(t)
        by_person[t.office.key, t.name].append(t)
    cases: list[Case] = []
    for t in chosen:
        top = hi[t.office.key.split("|")[0]]
        folded = fold(t.name)     # only where every letter has an ASCII form ("Đ" has none)
        name = folded if rng.random() < 0.3 and len(folded) == len(t.name) else t.name
        span = _inside(t, lo, top)
        if span:
            at = _pick(rng, span)
            form, text, pub = _role_sentence(rng, t, name, at)
            cases.append(Case(form, True, text, pub, at, "role", name, t.office))
            cases += _narrated(rng, t, name, at, top, by_person, by_office, truth=True)
        # FALSE: a day inside another holder's term, far from all of this person's terms
        mine = by_person[t.office.key, t.name]
        days = [d for u in by_office[t.office.key] if u.name != t.name
                for s in [_inside(u, lo, top)] if s for d in [_pick(rng, s)]]
        rng.shuffle(days)
        for at in days:
            if _outside(mine, at):
                other = _others(by_office, t, at)
                form, text, pub = _role_sentence(rng, t, name, at)
                cases.append(Case(form, False, text, pub, at, "role", name, t.office, other))
                cases += _narrated(rng, t, name, at, top, by_person, by_office, truth=False,
                                   other=other)
                break
    cases += _counterparts(rng, chosen, lo, hi)
    return cases


def _narrated(rng: random.Random, t: TableTerm, name: str, at: date, top: date,
              by_person: dict[tuple[str, str], list[TableTerm]],
              by_office: dict[str, list[TableTerm]], *, truth: bool,
              other: str = "") -> list[Case]:
    """A "then-" sentence dated ``at`` (published later), and a "former" one: TRUE when
    published after the end of the person's first term, FALSE when published before it began."""
    o = t.office
    out: list[Case] = []
    published = min(top, at + timedelta(rng.randint(400, 2000)))
    if published > at and not o.years:
        when = f"{at:%B} {at.day}, {at.year}"
        text = (f"On {when}, then-{o.demonym} {o.title} {name} met officials in "
                f"{rng.choice(('Tokyo', 'Seoul', 'Washington', 'Beijing'))}.")
        out.append(Case("then", truth, text, published, at, "former_role", name, o, other))
    first = min(by_person[o.key, t.name], key=lambda u: u.start)
    if truth and t is first:
        lo_day = t.end + timedelta(FALSE_MARGIN if not o.years else 366)
        anchor = lo_day + timedelta(rng.randint(0, 900))
        if anchor <= top and _outside(by_person[o.key, t.name], anchor):
            pub, wd = _weekday_before(anchor)
            text = f"Former {o.demonym} {o.title} {name} said on {wd} that the plan was flawed."
            out.append(Case("former", True, text, pub, anchor, "former_role", name, o))
    elif not truth and at < first.start - timedelta(FALSE_MARGIN if not o.years else 366):
        pub, wd = _weekday_before(at)
        text = f"Former {o.demonym} {o.title} {name} said on {wd} that the plan was flawed."
        out.append(Case("former", False, text, pub, at, "former_role", name, o,
                        _others(by_office, t, at)))
    return out


def _counterparts(rng: random.Random, terms: list[TableTerm], lo: date,
                  hi: dict[str, date]) -> list[Case]:
    """"{A}, Japan's foreign minister, met his South Korean counterpart {B}": A and B foreign
    ministers of Japan and South Korea on that day (TRUE), or B not one (FALSE)."""
    fms = [t for t in terms if t.office.kind == "foreign_minister" and not t.office.years]
    countries = sorted({t.office.country for t in fms})
    if len(countries) != 2:
        return []
    top = min(hi[t.office.key.split("|")[0]] for t in fms)
    out: list[Case] = []
    for a in fms:
        span = _inside(a, lo, top)
        if not span:
            continue
        at = _pick(rng, span)
        theirs = [t for t in fms if t.office.country != a.office.country]
        holder = [t for t in theirs if _inside(t, at, at)]
        if not holder:
            continue
        b = holder[0]
        published, wd = _weekday_before(at)
        oa, ob = a.office, b.office
        truth = rng.random() < 0.5
        q = b.name
        if not truth:
            wrong = [t.name for t in theirs
                     if _outside([u for u in theirs if u.name == t.name], at)]
            if not wrong:
                continue
            q = rng.choice(sorted(set(wrong)))
        if rng.random() < 0.5:
            text = (f"{a.name}, {oa.country_name}'s foreign minister, met his {ob.demonym} "
                    f"counterpart {q} on {wd} in {rng.choice(('Tokyo', 'Seoul'))}.")
        else:
            text = (f"{oa.demonym} Foreign Minister {a.name} met his {ob.demonym} counterpart, "
                    f"{q}, on {wd}.")
        out.append(Case("counterpart", truth, text, published, at, "counterpart", q, ob,
                        "" if truth else b.name))
    return out
