"""Does a rewrite sentence restate, contradict or add to its aligned source sentence?

:func:`compare` looks, in order, at numbers and amounts, dates (years, days, months, weekdays),
names (people, places, institutions), titles, quotes, hedges and limits, negation and opposite
words. A difference is a **conflict** only when the rest of the sentence lines up with the
source sentence (the two are about the same thing: :data:`MIN_REST_COVERAGE` of the claim's
other content words and at least :data:`MIN_SHARED` of them are in the source sentence) and the
source sentence holds a rival of the same kind (a different number of the same unit, another
weekday, another name in the same slot). A detail of the claim that the source never states and
that has no rival is **added**: the claim is then not in the source, never refuted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from .features import ANTONYMS, Features, Number, fold, quote_norm, stem

# The claim's other content words that must be in the aligned source sentence before a
# difference counts as a contradiction (else the two sentences are about different things).
MIN_REST_COVERAGE = 0.5
MIN_SHARED = 3
# Relative difference under which two numbers are the same (rounding), and with "about",
# "nearly", "more than" on either side.
SAME_NUMBER = 0.01
SAME_APPROX_NUMBER = 0.05
# Hedge and negation conflicts need a closer match: the sentences differ only in that.
MIN_REST_COVERAGE_WORDING = 0.7
# Two adjacent source sentences hold more words: the claim must line up more closely with them.
MIN_REST_COVERAGE_PAIR = 0.7
# A title that loses one of these is a different office ("deputy minister" → "minister").
TITLE_MODIFIERS = frozenset({"deputy", "vice", "acting", "assistant", "associate", "interim",
                             "former", "junior"})


@dataclass(frozen=True, slots=True)
class Conflict:
    what: str           # "number", "date", "weekday", "name", "title", "quote", "hedge", …
    source: str         # the words of the source
    rewrite: str        # the words of the rewrite


@dataclass(slots=True)
class SourceFacts:
    """What the whole source states, to tell a moved detail from an added one."""

    words: set[str] = field(default_factory=set)        # folded tokens of every sentence
    numbers: list[Number] = field(default_factory=list)
    years: set[str] = field(default_factory=set)
    days: set[tuple[int, int]] = field(default_factory=set)
    months: set[int] = field(default_factory=set)
    weekdays: set[str] = field(default_factory=set)
    quote_text: str = ""                                # quote_norm of the whole source

    def add(self, f: Features) -> None:
        self.words |= set(fold(f.text).replace("'s", "").split()) | {
            w.strip(".,;:!?\"()[]") for w in fold(f.text).replace("'s", "").split()}
        self.numbers.extend(f.numbers)
        self.years |= f.years
        self.days |= f.days
        self.months |= f.months
        self.weekdays |= f.weekdays
        self.quote_text += " " + quote_norm(f.text) + " "


@dataclass(slots=True)
class Comparison:
    coverage: float                     # share of the claim's content words in the source part
    shared: int
    conflicts: list[Conflict] = field(default_factory=list)
    added: list[str] = field(default_factory=list)

    @property
    def restates(self) -> bool:
        return not self.conflicts and not self.added


def same_number(a: Number, b: Number) -> bool:
    if (a.kind == "%" and b.kind != "%" and b.kind) or (b.kind == "%" and a.kind != "%" and a.kind):
        return False
    big = max(abs(a.value), abs(b.value)) or 1.0
    tol = SAME_APPROX_NUMBER if (a.approx or b.approx) else SAME_NUMBER
    return abs(a.value - b.value) <= tol * big


def _compatible(a: Number, b: Number) -> bool:
    return a.kind == b.kind or not a.kind or not b.kind


def coverage(claim: Features, part: Features) -> tuple[float, int]:
    words = set(claim.words)
    if not words:
        return 0.0, 0
    shared = words & set(part.words)
    return len(shared) / len(words), len(shared)


def _name_tokens(name: str) -> set[str]:
    return {t.strip(".,") for t in fold(name).replace("'s", "").split()} - {"of", "the", "and",
                                                                            "for", "&", "de"}


def _context(text: str, name: str) -> set[str]:
    i = text.find(name)
    if i < 0:
        return set()
    before = fold(text[:i]).split()
    after = fold(text[i + len(name):]).split()
    ctx = set()
    if before:
        ctx.add("<" + before[-1].strip(".,;:\"“”"))
    if after:
        ctx.add(">" + after[0].strip(".,;:\"“”"))
    return ctx - {"<the", "<a", "<an", ">", "<"}


def _similar(a: str, b: str) -> bool:
    """"France"/"French", "China"/"Chinese": one name in two grammatical forms."""
    fa, fb = fold(a), fold(b)
    return len(fa) >= 4 and len(fb) >= 4 and fa[:4] == fb[:4]


def _first(items: Iterable[str]) -> str:
    return sorted(items)[0]


def _compare_numbers(c: Features, s: Features, src: SourceFacts, out: Comparison) -> None:
    for n in c.numbers:
        if any(same_number(n, m) for m in s.numbers) or any(same_number(n, m) for m in src.numbers):
            continue
        rivals = [m for m in s.numbers if _compatible(n, m)
                  and not any(same_number(m, k) for k in c.numbers)]
        if rivals:
            out.conflicts.append(Conflict("number", rivals[0].text, n.text))
        else:
            out.added.append(n.text)


def _compare_sets(what: str, mine: Iterable[object], theirs: Iterable[object],
                  anywhere: Iterable[object], out: Comparison, show: dict[object, str]) -> None:
    mine_s, theirs_s, any_s = set(mine), set(theirs), set(anywhere)
    extra = mine_s - theirs_s - any_s
    if not extra:
        return
    rivals = theirs_s - mine_s
    if rivals:
        out.conflicts.append(Conflict(what, _first(show[r] for r in rivals),
                                      _first(show[e] for e in extra)))
    else:
        out.added.extend(show[e] for e in extra)


def _compare_dates(c: Features, s: Features, src: SourceFacts, out: Comparison) -> None:
    show: dict[object, str] = {y: y for y in c.years | s.years}
    _compare_sets("year", c.years, s.years, src.years, out, show)
    from .features import MONTHS

    month_name = {i: m.title() for m, i in MONTHS.items() if len(m) > 3 or m == "may"}
    show = {d: f"{month_name[d[0]]} {d[1]}" for d in c.days | s.days}
    _compare_sets("date", c.days, s.days, src.days, out, show)
    if not c.days:
        show = {m: month_name[m] for m in c.months | s.months}
        _compare_sets("month", c.months, s.months, src.months, out, show)
    show = {w: w.title() for w in c.weekdays | s.weekdays}
    _compare_sets("weekday", c.weekdays, s.weekdays, src.weekdays, out, show)


def _compare_names(c: Features, s: Features, src: SourceFacts, out: Comparison) -> None:
    claim_words = set(fold(c.text).replace("'s", "").replace(",", " ").split())
    for name in c.names:
        missing = {t for t in _name_tokens(name) if t not in src.words}
        if not missing:
            continue
        tokens = _name_tokens(name)
        rival = None
        for r in s.names:
            r_tokens = _name_tokens(r)
            r_new = r_tokens - claim_words
            if not r_new or any(_similar(x, y) for x in r_new for y in missing):
                continue
            same_entity = bool(r_tokens & tokens)
            same_slot = not (r_tokens & claim_words) and bool(_context(c.text, name) &
                                                               _context(s.text, r))
            if same_entity or same_slot:
                rival = r
                break
        if rival is not None:
            out.conflicts.append(Conflict("name", rival, name))
        else:
            out.added.append(name)


def _norm_titles(titles: frozenset[str]) -> set[str]:
    t = set(titles)
    if {"chief", "executive"} <= t:
        t.discard("chief")
    return t


def _compare_titles(c: Features, s: Features, out: Comparison) -> None:
    ct, st = _norm_titles(c.titles), _norm_titles(s.titles)
    if ct and st and (ct - st or (st - ct) & TITLE_MODIFIERS):
        out.conflicts.append(Conflict("title", " ".join(sorted(st - ct)) or " ".join(sorted(st)),
                                      " ".join(sorted(ct - st))))


def _compare_quotes(c: Features, s: Features, src: SourceFacts, out: Comparison) -> None:
    for q in c.quotes:
        if f" {q} " in src.quote_text or q in src.quote_text:
            continue
        qw = set(q.split())
        best, best_j = None, 0.0
        for sq in s.quotes:
            sw = set(sq.split())
            j = len(qw & sw) / len(qw | sw)
            if j > best_j:
                best, best_j = sq, j
        if best is not None and best_j >= 0.4:
            out.conflicts.append(Conflict("quote", best, q))
        else:
            out.added.append(f"the quote “{q}”")


def _compare_wording(c: Features, s: Features, rest: float, out: Comparison) -> None:
    if rest < MIN_REST_COVERAGE_WORDING:
        return
    if s.hedges and not c.hedges:
        out.conflicts.append(Conflict("hedge", _first(s.hedges), "stated as certain"))
    lost = s.limits - c.limits
    if lost and not c.limits:
        out.conflicts.append(Conflict("limit", _first(lost).strip(), "stated without it"))
    for w in sorted(c.negated & (set(s.words) - s.negated)):
        out.conflicts.append(Conflict("negation", "affirms it", f"negates “{w}”"))
    for w in sorted(s.negated & (set(c.words) - c.negated)):
        out.conflicts.append(Conflict("negation", f"negates “{w}”", "affirms it"))
    cw, sw = _all_words(c), _all_words(s)
    for a, b in ANTONYMS:
        for x, y in ((a, b), (b, a)):
            if x in cw and y in sw and y not in cw and x not in sw:
                out.conflicts.append(Conflict("wording", y, x))
                return


def _all_words(f: Features) -> set[str]:
    folded = set(re.findall(r"[a-z']+", fold(f.text)))
    return folded | {stem(w) for w in folded} | set(f.words)


def _compare_scopes(c: Features, s: Features, out: Comparison) -> None:
    extra, rivals = c.scopes - s.scopes, s.scopes - c.scopes
    if extra and rivals:
        out.conflicts.append(Conflict("scope", _first(rivals), _first(extra)))


def compare(claim: Features, part: Features, src: SourceFacts, *,
            min_rest: float = MIN_REST_COVERAGE) -> Comparison:
    """Compare a rewrite sentence with an aligned source sentence (or two adjacent ones, with a
    higher ``min_rest``)."""
    cov, shared = coverage(claim, part)
    out = Comparison(cov, shared)
    _compare_numbers(claim, part, src, out)
    _compare_dates(claim, part, src, out)
    _compare_names(claim, part, src, out)
    _compare_titles(claim, part, out)
    _compare_quotes(claim, part, src, out)
    _compare_scopes(claim, part, out)
    differing = {w for x in out.conflicts for w in fold(x.rewrite).split()}
    # the words that show the two sentences are about the same thing: not the differing ones,
    # and not numbers (two lists of figures share digits without sharing a subject)
    rest_words = [w for w in set(claim.words) if fold(w) not in differing and w[:1].isalpha()]
    rest_shared = [w for w in rest_words if w in set(part.words)]
    rest = len(rest_shared) / len(rest_words) if rest_words else 0.0
    _compare_wording(claim, part, rest, out)
    enough = len(rest_shared) >= MIN_SHARED or (rest == 1.0 and len(rest_shared) >= 2)
    if out.conflicts and (rest < min_rest or not enough):
        out.added.extend(x.rewrite for x in out.conflicts if x.what in ("number", "name", "date",
                                                                        "year", "weekday",
                                                                        "month", "quote"))
        out.conflicts = []
    return out
