"""Features of a (claim, passage) pair for the shipped stance model. Pure Python, no model files.

Each feature is a number in a small range; names are listed in :data:`FEATURE_NAMES` and stored with
the weights, so a model file trained on another feature list is refused instead of misread.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Mapping

from .. import rx

_WORD = rx.compile(r"[A-Za-z]+(?:'[a-z]+)?|\d+(?:[.,]\d+)*%?")
_NUMBER = rx.compile(r"\d+(?:[.,]\d+)*")
_YEAR = rx.compile(r"\b(1[5-9]\d\d|20\d\d)\b")
_CAPITAL = rx.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*")

def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOPWORDS = _wordset("""
a an the of to in on at by for with from as and or but if then than that this these those is are
was were be been being it its it's he she they them his her their we our you your i me my has have
had do does did so such which who whom whose what when where while there here into over about
also can could would should may might will shall just only very more most some any all each both
other s said says say one two
""")

NEGATIONS = _wordset("""
not no never none nobody nothing neither nor cannot can't don't doesn't didn't isn't aren't wasn't
weren't won't wouldn't hasn't haven't hadn't without lack lacks false untrue myth debunked
""")

REFUTE_CUES = _wordset("""
however but although despite contrary false myth untrue incorrect misleading debunked disproved
denied deny denies rejected reject refuted no not never only unfounded fake hoax actually instead
rather unlike decline declined fell fewer less lower
""")

HEDGES = _wordset("""
may might could possibly perhaps suggest suggests suggested likely unlikely uncertain unclear
preliminary some appear appears estimated about around roughly nearly almost
""")

# Pairs of words whose swap turns a statement into its opposite.
_ANTONYM_PAIRS = [
    ("increase", "decrease"), ("increase", "decline"), ("rise", "fall"), ("rise", "decline"),
    ("rise", "drop"), ("more", "less"), ("more", "fewer"), ("higher", "lower"), ("warm", "cool"),
    ("warmer", "cooler"), ("warming", "cooling"), ("gain", "loss"), ("grow", "shrink"),
    ("growth", "decline"), ("win", "lose"), ("won", "lost"), ("before", "after"), ("first", "last"),
    ("largest", "smallest"), ("biggest", "smallest"), ("high", "low"), ("positive", "negative"),
    ("true", "false"), ("accept", "reject"), ("allow", "ban"), ("open", "closed"),
    ("alive", "dead"), ("male", "female"), ("north", "south"), ("east", "west"),
    ("older", "younger"),
    ("major", "minor"), ("expand", "contract"), ("strengthen", "weaken"), ("safe", "dangerous"),
    ("effective", "ineffective"), ("support", "oppose"), ("begin", "end"), ("start", "end"),
    ("above", "below"), ("maximum", "minimum"), ("always", "never"), ("all", "none"),
    ("success", "failure"), ("melt", "freeze"), ("thicken", "thin"), ("accelerate", "slow"),
]
ANTONYMS: dict[str, frozenset[str]] = {}
for _a, _b in _ANTONYM_PAIRS:
    ANTONYMS[_a] = ANTONYMS.get(_a, frozenset()) | {_b}
    ANTONYMS[_b] = ANTONYMS.get(_b, frozenset()) | {_a}

FEATURE_NAMES: tuple[str, ...] = (
    "bias", "coverage", "weighted_coverage", "bigram_coverage", "jaccard", "passage_coverage",
    "best_window_coverage", "claim_len", "passage_len", "len_ratio",
    "claim_numbers", "number_match", "number_mismatch", "year_match", "year_mismatch",
    "entity_coverage", "entity_missing", "negation_claim", "negation_passage", "negation_xor",
    "refute_cues", "hedge_passage", "hedge_claim", "antonym", "antonym_covered",
    "coverage_x_negxor", "coverage_x_antonym", "coverage_x_nummis", "coverage_sq",
    "unmatched_content", "title_line", "idf_coverage", "idf_missing_max", "number_partial",
    "claim_only_negation", "passage_only_negation",
)

Idf = Mapping[str, float]
UNKNOWN_IDF = 10.0  # a word missing from the table is rare


def stem(word: str) -> str:
    """A crude suffix stripper: enough to match 'warming'/'warmed'/'warms' without a library."""
    for suffix in ("ingly", "edly", "ing", "ied", "ies", "ed", "es", "ly", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)] + ("y" if suffix in ("ied", "ies") else "")
    return word


def tokens(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def content(words: Iterable[str]) -> list[str]:
    return [stem(w) for w in words if w not in STOPWORDS and len(w) > 1]


def _numbers(text: str) -> set[str]:
    return {n.replace(",", "") for n in _NUMBER.findall(text) if not _YEAR.fullmatch(n)}


def _entities(text: str) -> set[str]:
    return {m.group(0).lower() for m in _CAPITAL.finditer(text)}


def _best_window(claim: set[str], passage: list[str], width: int) -> float:
    """The largest share of the claim's content words found inside one window of the passage."""
    if not claim or not passage:
        return 0.0
    best = 0
    for start in range(0, max(1, len(passage) - width + 1), max(1, width // 2)):
        best = max(best, len(claim & set(passage[start:start + width])))
    return best / len(claim)


def featurize(claim: str, passage: str, idf: Idf | None = None) -> list[float]:
    """The feature vector of one pair, in the order of :data:`FEATURE_NAMES`.

    ``idf`` maps stemmed words to inverse document frequencies (shipped with the model); without
    it every word weighs the same in the idf features.
    """
    c_words, p_words = tokens(claim), tokens(passage)
    c_cont, p_cont = content(c_words), content(p_words)
    c_set, p_set = set(c_cont), set(p_cont)
    shared = c_set & p_set
    coverage = len(shared) / len(c_set) if c_set else 0.0
    weights = {w: math.log(1 + len(w)) for w in c_set}
    weighted = sum(weights[w] for w in shared) / (sum(weights.values()) or 1.0)
    c_bi = set(itertools.pairwise(c_cont))
    p_bi = set(itertools.pairwise(p_cont))
    bigram = len(c_bi & p_bi) / len(c_bi) if c_bi else 0.0
    union = c_set | p_set
    jaccard = len(shared) / len(union) if union else 0.0
    p_coverage = len(shared) / len(p_set) if p_set else 0.0
    window = _best_window(c_set, p_cont, max(8, 2 * len(c_set)))

    c_nums, p_nums = _numbers(claim), _numbers(passage)
    num_match = 1.0 if c_nums & p_nums else 0.0
    num_mismatch = 1.0 if c_nums and p_nums and not c_nums & p_nums else 0.0
    c_years, p_years = set(_YEAR.findall(claim)), set(_YEAR.findall(passage))
    year_match = 1.0 if c_years & p_years else 0.0
    year_mismatch = 1.0 if c_years and p_years and not c_years & p_years else 0.0

    c_ents = _entities(claim)
    p_low = passage.lower()
    ent_found = sum(1 for e in c_ents if e in p_low)
    ent_cov = ent_found / len(c_ents) if c_ents else 1.0
    ent_missing = float(len(c_ents) - ent_found)

    c_neg = sum(1 for w in c_words if w in NEGATIONS)
    p_neg = sum(1 for w in p_words if w in NEGATIONS)
    neg_xor = 1.0 if (c_neg > 0) != (p_neg > 0) else 0.0
    refute = sum(1 for w in p_words if w in REFUTE_CUES and w not in c_words)
    hedge_p = sum(1 for w in p_words if w in HEDGES)
    hedge_c = sum(1 for w in c_words if w in HEDGES)
    c_raw, p_raw = set(c_words), set(p_words)
    antonym = 0.0
    for w in c_raw - p_raw:
        if ANTONYMS.get(w, frozenset()) & (p_raw - c_raw):
            antonym = 1.0
            break
    unmatched = len(c_set - p_set)
    table = idf or {}
    c_idf = {w: table.get(w, UNKNOWN_IDF) if idf else 1.0 for w in c_set}
    idf_total = sum(c_idf.values()) or 1.0
    idf_cov = sum(c_idf[w] for w in shared) / idf_total
    idf_missing = max((c_idf[w] for w in c_set - p_set), default=0.0) / UNKNOWN_IDF
    num_partial = 1.0 if c_nums & p_nums and c_nums - p_nums else 0.0

    return [
        1.0, coverage, weighted, bigram, jaccard, p_coverage, window,
        math.log1p(len(c_cont)) / 4, math.log1p(len(p_cont)) / 6,
        min(len(p_cont) / (len(c_cont) or 1), 20.0) / 20,
        min(len(c_nums), 3) / 3, num_match, num_mismatch, year_match, year_mismatch,
        ent_cov, min(ent_missing, 4.0) / 4, min(c_neg, 3) / 3, min(p_neg, 3) / 3, neg_xor,
        min(refute, 5) / 5, min(hedge_p, 5) / 5, min(hedge_c, 3) / 3, antonym, antonym * coverage,
        coverage * neg_xor, coverage * antonym, coverage * num_mismatch, coverage * coverage,
        min(unmatched, 10) / 10, 1.0 if passage.startswith("(meta data)") else 0.0,
        idf_cov, idf_missing, num_partial, 1.0 if c_neg and not p_neg else 0.0,
        1.0 if p_neg and not c_neg else 0.0,
    ]
