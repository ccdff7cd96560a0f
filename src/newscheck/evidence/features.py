"""What a sentence says, in pieces that can be compared exactly: content words, numbers, dates,
names, titles, quotes, hedges and negations.

Everything here is plain regular expressions over one sentence, deterministic and fast (the
whole source and rewrite of a 600-word pair take a few milliseconds). The pieces are used by
:mod:`.compare` to decide whether a rewrite sentence restates, contradicts or adds to its source.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .. import rx

STOPWORDS = frozenset("""
a an the and or but if then than that this these those there here of in on at to for from by
with without about as into onto over under after before during while since until up down out off
so too very can will would shall should may might must could do does did done is are was were be
been being am has have had having it its it's he she they them their his her hers him we us our
you your i me my mine who whom whose which what when where why how not no nor also just only
even still yet all any both each few more most other some such own same s t said says say told
according per via its one ones mr mrs ms dr new
""".split())  # noqa: SIM905
# Words that mean the same for alignment (a rewrite paraphrases): each maps to one canonical form.
_SYNONYM_GROUPS = """
company firm business corporation group
rise rose risen increase increased grew grow climb climbed jump jumped gain gained up
fall fell fallen drop dropped decline declined decrease decreased slip slipped down
say said state stated tell told announce announced add added
buy bought purchase purchased acquire acquired
begin began start started launch launched open opened
end ended finish finished close closed conclude concluded
meet met
build built construct constructed
official officials authority authorities
people persons residents
percent per_cent %
children kids
car cars vehicle vehicles
show showed shown reveal revealed find found
""".strip().splitlines()
SYNONYMS = {w: grp.split()[0] for grp in _SYNONYM_GROUPS for w in grp.split()}

MONTHS = {m: i for i, m in enumerate(
    """
january february march april may june july august september october november december
""".split(), 1)}  # noqa: SIM905
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())} | {"sept": 9})
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
NUMBER_WORDS: dict[str, float] = {w: i for i, w in enumerate(
    """
zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
sixteen seventeen eighteen nineteen twenty
""".split())}  # noqa: SIM905
NUMBER_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
                     "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12, "half": 0.5})
SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9,
          "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12}
APPROX = frozenset("""
about around roughly nearly almost some approximately over more than less under close to up to
just estimated
""".split())  # noqa: SIM905
TITLE_WORDS = frozenset("""
president vice prime minister secretary deputy acting interim former chief executive ceo cfo
chairman chairwoman chair director governor mayor senator judge justice general colonel
professor associate assistant senior junior head spokesman spokeswoman spokesperson ambassador
commissioner chancellor treasurer manager editor founder coach captain inspector superintendent
lieutenant sergeant officer minister's mp congressman congresswoman representative leader
""".split())  # noqa: SIM905
# Epistemic and modal markers only: "early", "some" or "small" are too often ordinary words.
HEDGES = frozenset("""
may might could possibly possible perhaps likely unlikely probably suggest suggests suggested
suggesting appear appears appeared seem seems seemed preliminary potential potentially tentative
tentatively expected expects plans planned proposed consider considering reportedly allegedly
alleged associated linked correlated correlation unconfirmed
""".split())  # noqa: SIM905
LIMITS = ("in mice", "in rats", "in animals", "in the lab", "in a lab", "in cells",
          "in a small", "in some", "in laboratory", "in a pilot", "in one ")
NEGATIONS = frozenset("""
not no never none nobody nothing neither nor n't cannot without
""".split())  # noqa: SIM905
# Verbs that negate what follows, in any form ("rejected", "rejecting", "denies").
NEGATING_STEMS = ("reject", "deni", "deny", "refus")
# Scope words: "the national government" is not "the regional government".
SCOPES = frozenset("""
national regional local federal state municipal provincial county international european global
private public
""".split())  # noqa: SIM905
ANTONYMS = [("rise", "fall"), ("win", "lose"), ("won", "lost"), ("higher", "lower"),
            ("more", "fewer"), ("more", "less"), ("approved", "rejected"),
            ("accepted", "rejected"), ("increase", "decrease"), ("gained", "lost"),
            ("larger", "smaller"), ("before", "after"), ("opened", "closed"),
            ("supported", "opposed"), ("above", "below"), ("majority", "minority"),
            ("guilty", "innocent"), ("acquitted", "convicted"), ("hired", "fired")]

_TITLE_CANON = {"chairwoman": "chairman", "chair": "chairman", "spokeswoman": "spokesman",
                "spokesperson": "spokesman", "ceo": "executive", "congresswoman": "congressman",
                "minister's": "minister"}
_WORD = rx.compile(r"[A-Za-z][A-Za-z'’\-]*|\d+(?:[.,]\d+)*%?")
_NUM = rx.compile(
    r"(?P<cur>[$€£¥])?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:\s?(?P<scale>thousand|million|billion|trillion|bn|mn|tn|[mkb])\b)?"
    r"\s?(?P<pct>%|percent\b|per cent\b|percentage points?\b)?", re.I)
_WNUM = rx.compile(r"\b(?P<w>" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) +
                   r")\b(?:\s(?P<scale>thousand|million|billion|trillion)\b)?"
                   r"(?:\s(?P<pct>percent|per cent)\b)?", re.I)
_YEAR = rx.compile(r"\b(1[89]\d\d|20\d\d)\b")
_MONTH_NAMES = "|".join(sorted((m.title() for m in MONTHS), key=len, reverse=True))
_MONTH_DAY = rx.compile(     # capitalised only: "may 5" is a hedge and a number
    r"\b(?P<m1>" + _MONTH_NAMES + r")\.?\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?\b"
    r"|\b(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>" + _MONTH_NAMES + r")\b")
_MONTH = rx.compile(r"\b(" + "|".join(m.title() for m in MONTHS if len(m) > 3 or m == "may")
                    + r")\b")
_WEEKDAY = rx.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b", re.I)
_QUOTE = rx.compile(r"[\"“”„«]([^\"“”„«»]{8,}?)[\"“”»]")
_CAP_SEQ = rx.compile(r"(?:[A-Z][\w'’\-.&]*|\d+)(?:\s+(?:of|the|for|and|de|du|von|van|al|la|&)?"
                      r"\s*[A-Z][\w'’\-.&]*)*")


@dataclass(frozen=True, slots=True)
class Number:
    value: float
    text: str
    kind: str               # "%", "$", "€", …, or the noun after it ("people"), or ""
    approx: bool
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Features:
    text: str
    words: tuple[str, ...]              # canonical content words, in order
    numbers: tuple[Number, ...]
    years: frozenset[str]
    days: frozenset[tuple[int, int]]    # (month, day)
    months: frozenset[int]
    weekdays: frozenset[str]
    names: tuple[str, ...]              # capitalised names without title words
    titles: frozenset[str]
    quotes: tuple[str, ...]             # normalised quoted text
    hedges: frozenset[str]
    limits: frozenset[str]
    negated: frozenset[str]             # content words under a negation ("not lawful")
    scopes: frozenset[str]


def fold(text: str) -> str:
    """Lower case, straight quotes, no accents: the form in which texts are compared."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.replace("’", "'").replace("‘", "'"))
        text = "".join(c for c in text if not unicodedata.combining(c))
    return text.lower()


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    w = fold(word).strip("'-")
    if w in SYNONYMS:
        return SYNONYMS[w]
    for suffix in ("ing", "ed", "es", "s"):
        if len(w) > len(suffix) + 3 and w.endswith(suffix):
            w = w[: -len(suffix)]
            break
    return SYNONYMS.get(w, w)


def content_words(text: str) -> tuple[str, ...]:
    """Stemmed content words; a hyphenated word counts as its parts ("three-hour debate" says
    what "a debate of three hours" says)."""
    out = []
    for m in _WORD.finditer(text):
        for lw in fold(m.group(0)).strip("-").split("-"):
            if not lw or lw in STOPWORDS or (lw.endswith("'s") and lw[:-2] in STOPWORDS):
                continue
            out.append(stem(lw[:-2] if lw.endswith("'s") else lw))
    return tuple(out)


def quote_norm(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", fold(text)))


def _num_value(raw: str) -> float:
    return float(raw.replace(",", ""))


def _numbers(text: str, years: set[str]) -> list[Number]:
    out: list[Number] = []
    for m in _NUM.finditer(text):
        raw = m.group("num")
        if raw in years and not (m.group("cur") or m.group("pct")):
            continue
        at = m.start("num")
        before = text[max(0, at - 1):at]
        if before.isalpha() or (before == "-" and text[max(0, at - 2):at - 1].isalpha()):
            continue              # "COVID-19", "F35"
        value = _num_value(raw)
        scale = (m.group("scale") or "").lower()
        if scale:
            value *= SCALES[scale]
        kind = m.group("cur") or ("%" if m.group("pct") else _noun_after(text, m.end()))
        out.append(Number(value, m.group(0).strip(), kind, _approx(text, m.start()),
                          m.start(), m.end()))
    for m in _WNUM.finditer(text):
        value = float(NUMBER_WORDS[m.group("w").lower()])
        if m.group("w").lower() in ("one", "half") and not m.group("scale"):
            continue              # "one of the", "half the": too often not a count
        if m.group("scale"):
            value *= SCALES[m.group("scale").lower()]
        kind = "%" if m.group("pct") else _noun_after(text, m.end())
        out.append(Number(value, m.group(0), kind, _approx(text, m.start()), m.start(), m.end()))
    return out


def _noun_after(text: str, end: int) -> str:
    m = re.match(r"\s*(?:[a-z\-]+\s+)?([a-z]+)", text[end:end + 40])
    return stem(m.group(1)) if m and m.group(1) not in STOPWORDS else ""


def _approx(text: str, start: int) -> bool:
    before = fold(text[max(0, start - 20):start]).split()
    return bool(before) and (before[-1] in APPROX or " ".join(before[-2:]) in
                             ("more than", "less than", "close to", "up to", "fewer than"))


def _names(text: str) -> tuple[list[str], set[str]]:
    names, titles = [], set()
    for m in _CAP_SEQ.finditer(text):
        words = m.group(0).replace("’", "'").split()
        kept = []
        for w in words:
            lw = fold(w).strip(".,'")
            if lw.endswith("'s"):
                lw = lw[:-2]
            if lw in TITLE_WORDS:
                titles.add(lw)
            elif lw in MONTHS or lw in WEEKDAYS or lw.isdigit():
                continue
            else:
                kept.append(w)
        while kept and fold(kept[0]) in STOPWORDS:
            kept.pop(0)
        while kept and fold(kept[-1]) in ("of", "the", "for", "and", "&"):
            kept.pop()
        if kept and not (m.start() == _first_word_start(text) and len(words) == 1):
            names.append(" ".join(kept).strip(".,"))
    for w in _WORD.findall(text):       # lower-case titles: "the deputy minister"
        if fold(w) in TITLE_WORDS:
            titles.add(fold(w))
    return [n for n in names if n], {_TITLE_CANON.get(t, t) for t in titles}


def _first_word_start(text: str) -> int:
    m = re.search(r"[A-Za-z0-9]", text)
    return m.start() if m else 0


def _negated(folded: str) -> frozenset[str]:
    tokens = re.findall(r"[a-z']+", folded)
    out = set()
    for i, t in enumerate(tokens):
        if t in NEGATIONS or t.endswith("n't") or t.startswith(NEGATING_STEMS):
            for nxt in tokens[i + 1:i + 5]:
                if nxt not in STOPWORDS and nxt not in NEGATIONS:
                    out.add(stem(nxt))
                    break
    return frozenset(out)


@lru_cache(maxsize=8192)
def features(text: str) -> Features:
    """The comparable pieces of one sentence (cached: sources are compared many times)."""
    years = set(_YEAR.findall(text))
    folded = fold(text)
    days = set()
    for m in _MONTH_DAY.finditer(text):
        month = (m.group("m1") or m.group("m2")).lower().rstrip(".")
        day = int(m.group("d1") or m.group("d2"))
        if 1 <= day <= 31:
            days.add((MONTHS[month], day))
    names, titles = _names(text)
    tokens = set(re.findall(r"[a-z']+", folded))
    lower_tokens = set(re.findall(r"\b[a-z']+", text.replace("’", "'")))
    quotes = tuple(q for q in (quote_norm(m.group(1)) for m in _QUOTE.finditer(text))
                   if len(q.split()) >= 3)
    return Features(
        text=text, words=content_words(text), numbers=tuple(_numbers(text, years)),
        years=frozenset(years), days=frozenset(days),
        months=frozenset(MONTHS[m.lower()] for m in _MONTH.findall(text)),
        weekdays=frozenset(w.lower() for w in _WEEKDAY.findall(text)),
        names=tuple(names), titles=frozenset(titles), quotes=quotes,
        hedges=frozenset(lower_tokens & HEDGES), limits=frozenset(x for x in LIMITS if x in folded),
        negated=_negated(folded),
        scopes=frozenset(tokens & SCOPES))
