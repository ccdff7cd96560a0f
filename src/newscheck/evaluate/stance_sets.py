"""Claim-level evidence datasets for ``newscheck eval``: each example is a claim, its evidence texts
and a gold verdict.

* ``climate-fever``: the CLIMATE-FEVER JSON lines (``claim``, ``claim_label``, ``evidences``);
  ``SUPPORTS`` → supported, ``REFUTES`` → refuted, ``NOT_ENOUGH_INFO`` and ``DISPUTED`` (evidence
  on both sides) → not_enough_evidence.
* ``liar-plus``: LIAR-PLUS JSON lines (``claim``, ``label``, ``justification``); the justification's
  sentences are the evidence; ``true``/``mostly-true`` → supported, ``false``/``pants-fire`` →
  refuted, ``half-true``/``barely-true`` → not_enough_evidence.
* ``jsonl``: one object per line with ``claim``, ``evidence`` (list of strings) and ``label``
  (supported | refuted | not_enough_evidence).

Pure module: reads files, loads no model.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from .. import rx
from ..errors import InputNotFound, MalformedInput
from ..model import VerdictLabel
from ..stance.base import StanceLabel

VERDICTS: tuple[VerdictLabel, ...] = ("supported", "refuted", "not_enough_evidence")
_SENTENCE_END = rx.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’]))\s+(?=[\"“A-Z0-9])")


@dataclass(frozen=True)
class ClaimExample:
    """A claim, its evidence texts, the gold verdict and (where known) each evidence's stance."""

    id: str
    claim: str
    evidence: tuple[str, ...]
    label: VerdictLabel
    stances: tuple[StanceLabel | None, ...] = ()


def split_sentences(text: str) -> list[str]:
    """Plain sentence split of a justification paragraph (enough for evidence lists)."""
    return [s.strip() for s in _SENTENCE_END.split(text.strip()) if s.strip()]


def _lines(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    if not path.is_file():
        raise InputNotFound(f"no dataset file {path}", "give the path of a JSON-lines file")
    try:
        with path.open(encoding="utf-8-sig") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise MalformedInput(f"{path}:{number}: not JSON ({exc.msg})",
                                         "one JSON object per line") from exc
                if not isinstance(row, dict):
                    raise MalformedInput(f"{path}:{number}: not a JSON object",
                                         "one JSON object per line")
                yield number, row
    except UnicodeDecodeError as exc:
        raise MalformedInput(f"{path} is not UTF-8 text", "give a JSON-lines file") from exc


_CF_CLAIM = {"SUPPORTS": "supported", "REFUTES": "refuted", "NOT_ENOUGH_INFO":
             "not_enough_evidence", "DISPUTED": "not_enough_evidence"}
_CF_STANCE: dict[str, StanceLabel] = {"SUPPORTS": "support", "REFUTES": "refute",
                                      "NOT_ENOUGH_INFO": "neutral"}


def climate_fever(path: Path) -> Iterator[ClaimExample]:
    for number, row in _lines(path):
        try:
            evidences = row["evidences"]
            label = _CF_CLAIM[row["claim_label"]]
            yield ClaimExample(
                str(row.get("claim_id", number)), str(row["claim"]),
                tuple(str(e["evidence"]) for e in evidences), cast(VerdictLabel, label),
                tuple(_CF_STANCE.get(str(e.get("evidence_label"))) for e in evidences))
        except (KeyError, TypeError) as exc:
            raise MalformedInput(f"{path}:{number}: not a CLIMATE-FEVER record ({exc})",
                                 "expected claim, claim_label and evidences") from exc


_LIAR = {"true": "supported", "mostly-true": "supported", "false": "refuted",
         "pants-fire": "refuted", "half-true": "not_enough_evidence",
         "barely-true": "not_enough_evidence"}


def liar_plus(path: Path) -> Iterator[ClaimExample]:
    for number, row in _lines(path):
        try:
            label = _LIAR[str(row["label"]).strip().lower()]
            yield ClaimExample(str(row.get("id", number)), str(row["claim"]),
                               tuple(split_sentences(str(row.get("justification") or ""))),
                               cast(VerdictLabel, label))
        except KeyError as exc:
            raise MalformedInput(f"{path}:{number}: not a LIAR-PLUS record ({exc})",
                                 "expected claim, label and justification") from exc


def plain_jsonl(path: Path) -> Iterator[ClaimExample]:
    for number, row in _lines(path):
        claim, evidence, label = row.get("claim"), row.get("evidence"), row.get("label")
        if not isinstance(claim, str) or not claim.strip():
            raise MalformedInput(f"{path}:{number}: 'claim' must be a non-empty string",
                                 "each line needs claim, evidence and label")
        if not isinstance(evidence, list) or not all(isinstance(e, str) for e in evidence):
            raise MalformedInput(f"{path}:{number}: 'evidence' must be a list of strings",
                                 "each line needs claim, evidence and label")
        if label not in VERDICTS:
            raise MalformedInput(f"{path}:{number}: label {label!r} is not one of "
                                 f"{', '.join(VERDICTS)}", "fix the label")
        yield ClaimExample(str(row.get("id", number)), claim, tuple(evidence),
                           cast(VerdictLabel, label))


DATASETS: dict[str, Callable[[Path], Iterator[ClaimExample]]] = {
    "climate-fever": climate_fever, "liar-plus": liar_plus, "jsonl": plain_jsonl,
}


def load_examples(dataset: str, path: Path, limit: int | None = None) -> list[ClaimExample]:
    """The first ``limit`` examples of ``path`` read as ``dataset``."""
    try:
        reader = DATASETS[dataset]
    except KeyError as exc:
        raise MalformedInput(f"unknown dataset {dataset!r}",
                             f"choose one of {', '.join(DATASETS)}") from exc
    out: list[ClaimExample] = []
    for example in reader(path):
        if limit is not None and len(out) >= limit:
            break
        out.append(example)
    return out
