"""The gold claim set: hand-labelled articles in ``tests/data/claims/`` and the matcher that
scores predicted claims against them.

Each article ``NNN-slug.html`` or ``NNN-slug.txt`` has a ``NNN-slug.json`` next to it::

    {"published": "2023-05-07" | null,
     "claims": [{"kind": "role", "subject": "Yoko Kamikawa", "object": "foreign minister",
                 "time": "2023-11-02", "verdict": "supported", "why": "...",
                 "country": "Q17", "office_kind": "foreign_minister"}]}

``country``/``office_kind`` (optional) say which office of the fixture KB the object names; the
tests use them to recompute every verdict from ``facts.json``. A pure module: no pipeline stage,
no knowledge base is imported here (docs/gold-set.md).
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import rx

if TYPE_CHECKING:
    from ..model import Claim

GOLD_KINDS: tuple[str, ...] = ("role", "former_role", "counterpart", "meeting", "visit", "first")
VERDICT_KINDS: frozenset[str] = frozenset({"role", "former_role", "counterpart"})
GOLD_VERDICTS: tuple[str, ...] = ("supported", "refuted", "not_enough_evidence")
ARTICLE_SUFFIXES: tuple[str, ...] = (".html", ".txt")
CLAIMS_DIR = Path("tests") / "data" / "claims"

# Words that name an office. Two office phrases match loosely when they share one of these;
# generic words ("minister", "secretary") and country words are left out on purpose, so
# "Japan's foreign minister" does not match "Japan's prime minister".
OFFICE_WORDS: frozenset[str] = frozenset({
    "prime", "premier", "president", "chancellor", "foreign", "external", "finance", "treasury",
    "exchequer", "defence", "defense", "emperor", "king", "queen", "monarch", "energy", "state",
    "interior", "home", "justice", "deputy", "vice", "ambassador", "secretary-general",
    "general", "leader", "governor", "mayor", "speaker", "spokesman", "spokesperson",
})
_STOP: frozenset[str] = frozenset({"of", "the", "for", "and", "s", "a", "an", "to", "then",
                                   "former", "minister", "ministers", "secretary", "mr", "ms",
                                   "mrs", "dr"})
_PUNCT = rx.compile(r"[^\w\s-]|_")
_SPACE = rx.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class GoldClaim:
    kind: str
    subject: str
    object: str
    time: date
    verdict: str | None = None
    why: str = ""
    country: str | None = None       # the country of the office (role) or of the subject
    office_kind: str | None = None   # the office kind the object names (counterpart: P's)
    planned: bool = False            # meeting/visit/first: stated as planned ("is due to")


@dataclass(frozen=True, slots=True)
class GoldArticle:
    path: Path                   # the NNN-slug.json file
    source_path: Path            # the article: NNN-slug.html or NNN-slug.txt
    published: date | None       # None only when the HTML page carries its own date
    claims: tuple[GoldClaim, ...]

    @property
    def name(self) -> str:
        return self.path.stem


@dataclass(frozen=True, slots=True)
class KindScore:
    kind: str
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "tp": self.tp, "fp": self.fp, "fn": self.fn,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4)}


# --- loading ---------------------------------------------------------------------------------
def default_gold_dir() -> Path:
    """``tests/data/claims`` of the source checkout this package runs from."""
    return Path(__file__).resolve().parents[3] / CLAIMS_DIR


def _parse_date(value: Any, where: str) -> date:
    if not isinstance(value, str):
        raise ValueError(f"{where}: expected a YYYY-MM-DD date, got {value!r}")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{where}: not a YYYY-MM-DD date: {value!r}") from None


def _claim(raw: Any, where: str) -> GoldClaim:
    if not isinstance(raw, dict):
        raise ValueError(f"{where}: a claim must be an object")
    kind = raw.get("kind")
    if kind not in GOLD_KINDS:
        raise ValueError(f"{where}: unknown kind {kind!r} (one of {', '.join(GOLD_KINDS)})")
    verdict = raw.get("verdict")
    if verdict is not None and verdict not in GOLD_VERDICTS:
        raise ValueError(f"{where}: unknown verdict {verdict!r}")
    if verdict is None and kind in VERDICT_KINDS:
        raise ValueError(f"{where}: a {kind} claim needs a verdict")
    for key in ("subject", "object"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise ValueError(f"{where}: {key!r} must be a non-empty string")
    planned = raw.get("planned", False)
    if not isinstance(planned, bool) or (planned and kind in VERDICT_KINDS):
        raise ValueError(f"{where}: 'planned' is a boolean of meeting/visit/first claims")
    return GoldClaim(kind=kind, subject=raw["subject"], object=raw["object"],
                     time=_parse_date(raw.get("time"), f"{where}: time"), verdict=verdict,
                     why=str(raw.get("why", "")), country=raw.get("country"),
                     office_kind=raw.get("office_kind"), planned=planned)


def load_article(json_path: Path) -> GoldArticle:
    data = json.loads(json_path.read_text(encoding="utf-8"))
    sources = [json_path.with_suffix(s) for s in ARTICLE_SUFFIXES
               if json_path.with_suffix(s).exists()]
    if len(sources) != 1:
        raise ValueError(f"{json_path}: expected exactly one article file "
                         f"({' or '.join(ARTICLE_SUFFIXES)}) next to it, found {len(sources)}")
    published = data.get("published")
    claims = data.get("claims")
    if not isinstance(claims, list):
        raise ValueError(f"{json_path}: 'claims' must be a list")
    return GoldArticle(
        path=json_path, source_path=sources[0],
        published=None if published is None else _parse_date(published, f"{json_path}: published"),
        claims=tuple(_claim(c, f"{json_path.name} claim {i}") for i, c in enumerate(claims)))


def load_gold(dir: str | Path | None = None) -> list[GoldArticle]:
    """Every gold article of ``dir`` (default: the checkout's ``tests/data/claims``), by name."""
    root = Path(dir) if dir is not None else default_gold_dir()
    if not root.is_dir():
        raise FileNotFoundError(f"{root}: no gold claim directory")
    return [load_article(p) for p in sorted(root.glob("[0-9][0-9][0-9]-*.json"))]


# --- matching --------------------------------------------------------------------------------
def norm(text: str) -> str:
    """Casefolded, accents and punctuation stripped, spaces collapsed: "Tarō Asō" → "taro aso"."""
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    bare = bare.replace("'s ", " ").replace("'", "").replace("-", " ")
    return _SPACE.sub(" ", _PUNCT.sub(" ", bare)).strip()


def _tokens(text: str) -> list[str]:
    return norm(text).split()


def _contains(haystack: Sequence[str], needle: Sequence[str]) -> bool:
    n = len(needle)
    return n > 0 and any(list(haystack[i:i + n]) == list(needle)
                         for i in range(len(haystack) - n + 1))


def _name_score(names: Iterable[str], gold: str, unique_surnames: frozenset[str]) -> int:
    """3 equal, 2 gold contains the name, 1 same unique surname, 0 no match."""
    g = _tokens(gold)
    best = 0
    for name in names:
        t = _tokens(name)
        if not t or not g:
            continue
        if t == g:
            return 3
        if _contains(g, t):
            best = max(best, 2)
        elif t[-1] == g[-1] and g[-1] in unique_surnames:
            best = max(best, 1)
    return best


def _ref_names(ref: Any) -> list[str]:
    if ref is None:
        return []
    return [n for n in (getattr(ref, "mention", None), getattr(ref, "label", None),
                        getattr(ref, "id", None)) if isinstance(n, str) and n]


def _office_overlap(pred: Claim, gold: GoldClaim) -> int:
    """Loose office match: shared office words, or the same office kind (and country, when both
    sides know it). 0 means no match."""
    q = pred.qualifiers
    if gold.office_kind and q.get("office_kind") == gold.office_kind and (
            not gold.country or not q.get("country") or q.get("country") == gold.country):
        return 2
    words: set[str] = set()
    for name in _ref_names(pred.object):
        words |= set(_tokens(name))
    gold_words = set(_tokens(gold.object))
    key = gold_words & OFFICE_WORDS
    if key:
        return 1 if key & words else 0
    return 1 if (gold_words - _STOP) & (words - _STOP) else 0


def _unique_surnames(gold: Sequence[GoldClaim]) -> frozenset[str]:
    by_surname: dict[str, set[str]] = {}
    for g in gold:
        names = [g.subject] + ([g.object] if g.kind in ("counterpart", "meeting") else [])
        for name in names:
            t = _tokens(name)
            if t:
                by_surname.setdefault(t[-1], set()).add(" ".join(t))
    return frozenset(s for s, full in by_surname.items() if len(full) == 1)


def pair_score(pred: Claim, gold: GoldClaim, unique_surnames: frozenset[str] = frozenset()) -> int:
    """How well a predicted claim matches a gold claim; 0 means it does not."""
    if pred.kind != gold.kind:
        return 0
    if gold.kind not in VERDICT_KINDS and bool(pred.qualifiers.get("planned")) != gold.planned:
        return 0        # a planned event is not one that happened (docs/gold-set.md)
    subj = _name_score(_ref_names(pred.subject), gold.subject, unique_surnames)
    if not subj:
        return 0
    if gold.kind in ("role", "former_role"):
        obj = _office_overlap(pred, gold)
    elif gold.kind in ("counterpart", "meeting"):
        obj = _name_score(_ref_names(pred.object), gold.object, unique_surnames)
    else:  # visit, first: the place or person, loosely; a missing predicted object is allowed
        names = _ref_names(pred.object)
        gold_words = set(_tokens(gold.object)) - _STOP
        obj = 1 if not names or any(gold_words & set(_tokens(n)) for n in names) else 0
    return subj * 4 + obj if obj else 0


def match_claims(predicted: Sequence[Claim], gold: Sequence[GoldClaim]
                 ) -> tuple[list[tuple[Claim, GoldClaim]], list[Claim], list[GoldClaim]]:
    """Greedy one-to-one matching (best pair first): ``(matched pairs, unmatched predicted,
    unmatched gold)``. Kinds must be equal, subjects match by name (equal, contained, or unique
    surname), role objects by office words or office kind, counterpart/meeting objects by name."""
    unique = _unique_surnames(gold)
    scored = sorted(((s, i, j) for i, p in enumerate(predicted) for j, g in enumerate(gold)
                     if (s := pair_score(p, g, unique))), key=lambda t: (-t[0], t[1], t[2]))
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, i, j in scored:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    pairs.sort()
    return ([(predicted[i], gold[j]) for i, j in pairs],
            [p for i, p in enumerate(predicted) if i not in used_p],
            [g for j, g in enumerate(gold) if j not in used_g])


def per_kind_scores(matched: Sequence[tuple[Claim, GoldClaim]], unmatched_predicted:
                    Sequence[Claim], unmatched_gold: Sequence[GoldClaim],
                    kinds: Iterable[str] = GOLD_KINDS) -> dict[str, KindScore]:
    """Precision, recall and F1 of claim extraction per kind (predicted ``other`` claims are
    not scored)."""
    out: dict[str, KindScore] = {}
    for kind in kinds:
        out[kind] = KindScore(kind, tp=sum(1 for _, g in matched if g.kind == kind),
                              fp=sum(1 for p in unmatched_predicted if p.kind == kind),
                              fn=sum(1 for g in unmatched_gold if g.kind == kind))
    return out


def verdict_agreement(matched: Sequence[tuple[Claim, GoldClaim]]) -> tuple[int, int]:
    """``(agreeing, total)`` over matched claims whose gold carries a verdict."""
    total = agree = 0
    for pred, g in matched:
        if g.verdict is None:
            continue
        total += 1
        label = pred.verdict.label if pred.verdict is not None else "not_enough_evidence"
        agree += label == g.verdict
    return agree, total
