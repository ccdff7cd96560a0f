"""Known fact-checks: import (ClaimReview JSON-LD / JSON lines, LIAR / LIAR-PLUS TSV) and match.

``newscheck factchecks import FILE --corpus DIR`` reads ClaimReview objects (one JSON-LD
document, a JSON array, JSON lines, or an ``@graph``), LIAR-PLUS JSON lines (``claim``,
``label``, ``originator``) and LIAR/LIAR-PLUS TSV files (``.tsv``), and stores each
fact-check's claim reviewed, rating, publisher, date and URL in the corpus.
:class:`FactCheckIndex` finds, for a claim, the known fact-checks whose claim shares most
content words with it (Jaccard similarity of the
:func:`~newscheck.evidence.features.content_words`):

- from :data:`SHOW_SIMILARITY` it is shown as evidence (a ``passage`` with a ``factcheck`` extra);
- only a **near-verbatim** match (:data:`VERBATIM_SIMILARITY`) published **before** the article
  carries its rating into the verdict, and only a clear rating (:data:`RATINGS`); "half true",
  "misleading" or an unknown rating never decide.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import InputNotFound, MalformedInput
from ..evidence.features import content_words
from ..intake.records import parse_published
from ..model import VerdictLabel
from .store import CorpusStore, FactCheck

SHOW_SIMILARITY = 0.5
VERBATIM_SIMILARITY = 0.85
RATINGS: dict[str, VerdictLabel] = {
    "true": "supported", "mostly true": "supported", "mostly-true": "supported",
    "correct": "supported", "accurate": "supported",
    "false": "refuted", "pants on fire": "refuted", "pants-fire": "refuted",
    "pants on fire!": "refuted", "incorrect": "refuted", "fake": "refuted", "wrong": "refuted",
    "mostly false": "refuted", "mostly-false": "refuted", "fabricated": "refuted",
}
# LIAR (Wang 2017) and LIAR-PLUS (Alhindi et al. 2018) TSV columns: id, label, statement, subject,
# speaker, job, state, party, 5 credit counts, context (LIAR-PLUS: a leading index column and a
# trailing justification).
_LIAR_LABELS = {"true", "mostly-true", "half-true", "barely-true", "false", "pants-fire"}


@dataclass(frozen=True, slots=True)
class Imported:
    claim: str
    rating: str | None
    publisher: str | None
    date: date | None
    url: str | None


def _claimreview(obj: dict[str, Any], where: str) -> Iterator[Imported]:
    items = obj.get("@graph") if isinstance(obj.get("@graph"), list) else [obj]
    for item in items or ():
        if not isinstance(item, dict) or "ClaimReview" not in str(item.get("@type", "")):
            continue
        claim = item.get("claimReviewed")
        if not isinstance(claim, str) or not claim.strip():
            raise MalformedInput(f"{where}: a ClaimReview without 'claimReviewed'",
                                 "each ClaimReview needs the claim it reviews")
        rating = item.get("reviewRating") or {}
        author = item.get("author") or {}
        yield Imported(
            claim.strip(),
            (rating.get("alternateName") or rating.get("name")) if isinstance(rating, dict)
            else None,
            author.get("name") if isinstance(author, dict) else None,
            parse_published(item.get("datePublished"), where),
            item.get("url") if isinstance(item.get("url"), str) else None)


def _json_items(path: Path) -> Iterator[tuple[Any, str]]:
    text = path.read_text(encoding="utf-8", errors="replace")
    stripped = text.lstrip()
    if stripped.startswith("["):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise MalformedInput(f"{path}: not valid JSON ({exc.msg})", "give JSON or JSON lines"
                                 ) from None
        for i, obj in enumerate(data, 1):
            yield obj, f"{path}[{i}]"
        return
    if stripped.startswith("{") and "\n{" not in stripped.strip():
        try:
            yield json.loads(text), str(path)
            return
        except json.JSONDecodeError:
            pass
    for n, line in enumerate(text.splitlines(), 1):
        if line.strip():
            try:
                yield json.loads(line), f"{path}:{n}"
            except json.JSONDecodeError as exc:
                raise MalformedInput(f"{path}:{n}: not valid JSON ({exc.msg})",
                                     "one ClaimReview object per line") from None


def _liar(path: Path) -> Iterator[Imported]:
    with path.open(encoding="utf-8", errors="replace", newline="") as fh:
        for n, row in enumerate(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE), 1):
            if not row or not any(row):
                continue
            off = 1 if len(row) > 2 and row[2] in _LIAR_LABELS else 0
            if len(row) < off + 3 or row[off + 1] not in _LIAR_LABELS:
                raise MalformedInput(f"{path}:{n}: not a LIAR/LIAR-PLUS row",
                                     "columns: id, label, statement, …")
            speaker = row[off + 4] if len(row) > off + 4 else ""
            yield Imported(row[off + 2].strip(), row[off + 1], "PolitiFact (LIAR dataset)"
                           + (f"; speaker {speaker}" if speaker else ""), None, None)


def read_factchecks(path: str | Path) -> Iterator[Imported]:
    path = Path(path)
    if not path.is_file():
        raise InputNotFound(f"no such file: {path}", "check the path")
    if path.suffix.lower() in (".tsv", ".tab"):
        yield from _liar(path)
        return
    for obj, where in _json_items(path):
        if not isinstance(obj, dict):
            raise MalformedInput(f"{where}: expected a JSON object", "one ClaimReview per object")
        if isinstance(obj.get("claim"), str) and isinstance(obj.get("label"), str):
            # LIAR-PLUS as JSON lines: claim, label, originator (no date, no URL)
            who = obj.get("originator")
            yield Imported(obj["claim"].strip(), obj["label"], "PolitiFact (LIAR-PLUS)"
                           + (f"; speaker {who}" if isinstance(who, str) and who else ""),
                           None, None)
            continue
        found = list(_claimreview(obj, where))
        if not found:
            raise MalformedInput(f"{where}: neither a ClaimReview nor a LIAR-PLUS object",
                                 "give schema.org ClaimReview JSON-LD or {claim, label} lines")
        yield from found


def import_factchecks(corpus: str | Path, path: str | Path) -> dict[str, int]:
    store = CorpusStore(corpus, create=True)
    added = dup = 0
    try:
        for fc in read_factchecks(path):
            if store.add_factcheck(fc.claim, fc.rating, fc.publisher, fc.date, fc.url, str(path)):
                added += 1
            else:
                dup += 1
        store.commit()
    finally:
        store.close()
    return {"imported": added, "duplicates": dup}


def rating_verdict(rating: str | None) -> VerdictLabel | None:
    return RATINGS.get((rating or "").strip().lower())


class FactCheckIndex:
    """The corpus's fact-checks, indexed by content word for matching."""

    def __init__(self, items: list[FactCheck]) -> None:
        self.items = items
        self.words = [frozenset(content_words(fc.claim)) for fc in items]
        self.postings: dict[str, list[int]] = {}
        for i, ws in enumerate(self.words):
            for w in ws:
                self.postings.setdefault(w, []).append(i)

    def match(self, claim: str) -> tuple[FactCheck, float] | None:
        """The most similar fact-check at or above SHOW_SIMILARITY, with its similarity."""
        mine = frozenset(content_words(claim))
        if not mine:
            return None
        overlap: dict[int, int] = {}
        for w in mine:
            for i in self.postings.get(w, ()):
                overlap[i] = overlap.get(i, 0) + 1
        best: tuple[float, int] | None = None
        for i, shared in overlap.items():
            sim = shared / len(mine | self.words[i])
            if best is None or sim > best[0]:
                best = (sim, i)
        if best is None or best[0] < SHOW_SIMILARITY:
            return None
        return self.items[best[1]], round(best[0], 3)
