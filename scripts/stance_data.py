"""Readers for the labelled claim–evidence sets in ../shared/data/stance (see its README), as
claim-level :class:`ClaimExample` s with per-evidence stances, and the train / evaluation split.

Used by ``scripts/train_stance.py`` and ``scripts/eval_stance.py``. Licence decides the role of
each set (docs/stance.md):

* TRAIN (licence allows a derived model): Fool Me Twice dev (Apache-2.0; Wikipedia text CC BY-SA),
  Symmetric FEVER v0.1 (CC BY-SA 3.0), Check-COVID train (MIT), Factcheck-GPT 80 % of claims
  (Apache-2.0), WiCE dev (annotations ODC-BY; Wikipedia claims CC BY-SA; cited web articles under
  Common Crawl's terms).
* EVALUATE only: Fool Me Twice test, Symmetric FEVER v0.2 test (claims seen in v0.1 removed),
  Check-COVID test, Factcheck-GPT the other 20 % of claims, HealthVer test and the SciFact RTE dev
  pairs (no licence file), SufficientFacts FEVER (no licence file), and CLIMATE-FEVER and
  LIAR-PLUS through ``newscheck eval``.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from newscheck.evaluate.stance_sets import ClaimExample

ROOT = Path(__file__).resolve().parents[1]
# ../shared/data beside the repository (or two levels up, for a worktree), or $NEWSCHECK_SHARED.
SHARED = next((p for p in (Path(os.environ.get("NEWSCHECK_SHARED", "/nonexistent")),
                           ROOT.parent / "shared" / "data", ROOT.parent.parent / "shared" / "data")
               if p.is_dir()), ROOT.parent / "shared" / "data")
STANCE = SHARED / "stance"


def available() -> bool:
    return STANCE.is_dir()


def _jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def bucket(text: str) -> int:
    """A stable 0-99 bucket of a claim, for splits by claim (never by pair)."""
    return int(hashlib.sha1(text.strip().lower().encode()).hexdigest()[:8], 16) % 100


def defever(text: str) -> str:
    """Undo FEVER tokenisation (-LRB- etc.) so that text reads like news text."""
    for token, char in (("-LRB-", "("), ("-RRB-", ")"), ("-LSB-", "["), ("-RSB-", "]"),
                        ("-COLON-", ":"), (" ,", ","), (" .", "."), (" 's", "'s"), ("`` ", '"'),
                        (" ''", '"')):
        text = text.replace(token, char)
    return text


def fool_me_twice(split: str) -> Iterator[ClaimExample]:
    """Gold evidence sentences plus up to two other sentences of the same page (stance unknown)."""
    for row in _jsonl(STANCE / "fool-me-twice" / "dataset" / f"{split}.jsonl"):
        gold = " ".join(e["text"] for e in row["gold_evidence"])
        stance = "support" if row["label"] == "SUPPORTS" else "refute"
        gold_texts = {e["text"] for e in row["gold_evidence"]}
        others = [e["text"] for e in row["retrieved_evidence"] if e["text"] not in gold_texts][:2]
        yield ClaimExample(row["id"], row["text"], (gold, *others),
                           "supported" if stance == "support" else "refuted",
                           (stance, *([None] * len(others))))


def fever_symmetric(files: list[str]) -> Iterator[ClaimExample]:
    for name in files:
        for row in _jsonl(STANCE / "fever-symmetric" / name):
            label = row.get("gold_label") or row["label"]
            evidence = row.get("evidence_sentence") or row["evidence"]
            stance = "support" if label == "SUPPORTS" else "refute"
            yield ClaimExample(str(row["id"]), defever(row["claim"]), (defever(evidence),),
                               "supported" if stance == "support" else "refuted", (stance,))


_CC = {"SUPPORT": ("supported", "support"), "REFUTE": ("refuted", "refute"),
       "NOTENOUGHINFO": ("not_enough_evidence", "neutral")}


def check_covid(split: str) -> Iterator[ClaimExample]:
    root = STANCE / "check-covid" / "Check-COVID"
    corpus = {row["cord_id"]: row["abstract"] for row in _jsonl(root / "corpus.json")}
    files = sorted((root / split).glob("*.json"))
    files = [f for f in files if "composed+extracted" not in f.name] if split == "test" else \
        [f for f in files if "composed+extracted" in f.name]
    for path in files:
        for row in _jsonl(path):
            abstract = corpus[row["cord_id"]]
            indices = sorted({e["sent_index"] for e in row["evidence_set"]})
            text = " ".join(abstract[i] for i in indices if i < len(abstract))
            label, stance = _CC[row["label"]]
            yield ClaimExample(row["id"], row["claim"], (text,), label, (stance,))  # type: ignore[arg-type]


_FG = {"completely-support": "support", "refute": "refute", "irrelevant": "neutral"}


def factcheck_gpt(train: bool) -> Iterator[ClaimExample]:
    """Claims grouped with all their passages; partially-supporting passages are left out."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for row in _jsonl(STANCE / "factcheck-gpt" / "subtasks" /
                      "subtask3_claim_evidence_stance.jsonl"):
        if row["stance"] in _FG:
            groups.setdefault(row["claim"], []).append((row["evidence"], _FG[row["stance"]]))
    for claim, items in groups.items():
        if (bucket(claim) < 80) != train:
            continue
        stances = [s for _, s in items]
        label = "refuted" if "refute" in stances and "support" not in stances else \
            "supported" if "support" in stances and "refute" not in stances else \
            "not_enough_evidence"
        yield ClaimExample(claim, claim, tuple(e for e, _ in items), label,  # type: ignore[arg-type]
                           tuple(stances))  # type: ignore[arg-type]


_HV = {"Supports": ("supported", "support"), "Refutes": ("refuted", "refute"),
       "Neutral": ("not_enough_evidence", "neutral")}


def healthver(split: str) -> Iterator[ClaimExample]:
    path = STANCE / "healthver" / "data" / f"healthver_{split}.csv"
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        label, stance = _HV[row["label"]]
        yield ClaimExample(row["id"], row["claim"], (row["evidence"],), label,  # type: ignore[arg-type]
                           (stance,))  # type: ignore[arg-type]


def scifact_rte(split: str) -> Iterator[ClaimExample]:
    """SciFact rationale pairs: entailment → supported, not_entailment → refuted (SciFact's
    not-entailed claims with a rationale are its CONTRADICT claims)."""
    path = STANCE / "covid-fact" / "RTE-scifact" / f"{split}.tsv"
    with path.open(encoding="utf-8") as handle:
        for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row[0] == "index":
                continue
            support = row[3] == "entailment"
            yield ClaimExample(row[0], row[2], (row[1],), "supported" if support else "refuted",
                               ("support" if support else "refute",))


def sufficient_facts() -> Iterator[ClaimExample]:
    """FEVER claims whose evidence had a part removed; label_after NOT ENOUGH →
    not_enough_evidence, otherwise the original label."""
    path = STANCE / "sufficient-facts" / "data" / "sufficient_facts" / \
        "fever_sufficient_facts.jsonl"
    for n, row in enumerate(_jsonl(path)):
        text = defever(" ".join(sentence for _, sentence in row["evidence"]))
        if row["label_after"] == "NOT ENOUGH":
            label, stance = "not_enough_evidence", "neutral"
        elif row["label_before"] == "REFUTES":
            label, stance = "refuted", "refute"
        else:
            label, stance = "supported", "support"
        yield ClaimExample(str(n), defever(row["claim"]), (text,), label,  # type: ignore[arg-type]
                           (stance,))  # type: ignore[arg-type]


def wice() -> Iterator[ClaimExample]:
    """WiCE dev: a Wikipedia claim against the sentences of the web article it cites. Supported
    claims: their first annotated supporting set → support. Every claim: the two sentences sharing
    most words with it outside every supporting set → neutral (related but not saying it).
    Partially supported claims give only those neutral pairs; not_supported claims are
    not_enough_evidence (the article does not say it — which is not a refutation)."""
    from newscheck.stance.features import content, tokens

    for row in _jsonl(STANCE / "wice" / "data" / "entailment_retrieval" / "claim" / "dev.jsonl"):
        sentences = row["evidence"]
        used = {i for group in row["supporting_sentences"] for i in group}
        claim_words = set(content(tokens(row["claim"])))

        def overlap(i: int, words: set[str] = claim_words,
                    texts: list[str] = sentences) -> tuple[int, int]:
            return (len(words & set(content(tokens(texts[i])))), -i)

        others = sorted((i for i in range(len(sentences)) if i not in used
                         and not sentences[i].startswith("(meta data)")), key=overlap,
                        reverse=True)[:2]
        evidence = [sentences[i] for i in others]
        stances: list[str] = ["neutral"] * len(evidence)
        label = "not_enough_evidence"
        if row["label"] == "supported" and row["supporting_sentences"][0]:
            evidence.insert(0, " ".join(sentences[i] for i in row["supporting_sentences"][0]))
            stances.insert(0, "support")
            label = "supported"
        elif row["label"] == "partially_supported":
            label = "not_enough_evidence"
        yield ClaimExample(row["meta"]["id"], row["claim"], tuple(evidence), label,  # type: ignore[arg-type]
                           tuple(stances))  # type: ignore[arg-type]


def training_sets() -> dict[str, list[ClaimExample]]:
    return {
        "fool-me-twice/dev": list(fool_me_twice("dev")),
        "fever-symmetric/v0.1": list(fever_symmetric(
            ["symmetric_v0.1/fever_symmetric_full.jsonl",
             "symmetric_v0.1/fever_symmetric_generated.jsonl"])),
        "check-covid/train": list(check_covid("train")),
        "factcheck-gpt/80%": list(factcheck_gpt(train=True)),
        "wice/dev": list(wice()),
    }


def evaluation_sets() -> dict[str, list[ClaimExample]]:
    seen = {e.claim.lower() for e in training_sets()["fever-symmetric/v0.1"]}
    fever_test = [e for e in fever_symmetric(["symmetric_v0.2/fever_symmetric_test.jsonl"])
                  if e.claim.lower() not in seen]
    return {
        "fool-me-twice/test": list(fool_me_twice("test")),
        "fever-symmetric/v0.2-test (unseen claims)": fever_test,
        "check-covid/test": list(check_covid("test")),
        "factcheck-gpt/20%": list(factcheck_gpt(train=False)),
        "healthver/test": list(healthver("test")),
        "scifact-rte/dev": list(scifact_rte("dev")),
        "sufficient-facts/fever": list(sufficient_facts()),
    }
