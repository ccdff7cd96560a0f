"""Stance from a local natural-language-inference model (extra ``dense``).

``PATH`` is a Hugging Face checkpoint directory (``config.json`` + weights + tokenizer files) or an
ONNX export (a ``.onnx`` file, or a directory holding ``model.onnx``, next to the same
``config.json`` and tokenizer). The label mapping is read from ``config.json``'s ``id2label``:
entailment → support, contradiction → refute, anything else (neutral, not_entailment) → neutral.
Nothing is downloaded: every file must already be on disk. Pairs go in as premise = passage,
hypothesis = claim.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..errors import StanceModelError, require
from .base import STANCE_LABELS, StanceLabel, StanceResult

BATCH = 16
MAX_TOKENS = 512


def stance_of(label: str) -> StanceLabel:
    """The stance a model's label name stands for."""
    name = label.lower().replace("-", "_")
    if name.startswith(("entail", "support")) and not name.startswith("not_"):
        return "support"
    if name.startswith(("contradict", "refute")):
        return "refute"
    return "neutral"


def label_map(model_dir: Path) -> dict[int, StanceLabel]:
    """Output index → stance, from ``config.json``'s ``id2label``."""
    config_path = model_dir / "config.json"
    try:
        config = json.loads(config_path.read_text(encoding="utf-8"))
        id2label = {int(k): str(v) for k, v in config["id2label"].items()}
    except FileNotFoundError as exc:
        raise StanceModelError(f"no config.json in {model_dir}",
                               "give a Hugging Face NLI checkpoint or ONNX export directory"
                               ) from exc
    except (OSError, ValueError, KeyError, AttributeError, TypeError) as exc:
        raise StanceModelError(f"cannot read the label mapping (id2label) of {config_path}: {exc}",
                               "the config must name each output label") from exc
    mapping = {i: stance_of(name) for i, name in id2label.items()}
    if "support" not in mapping.values():
        names = sorted(id2label.values())
        raise StanceModelError(f"{config_path} has no entailment label: {names}",
                               "an NLI model needs an entailment (and contradiction) output")
    return mapping


def _softmax_rows(logits: Any) -> list[list[float]]:
    import math

    out = []
    for row in logits:
        values = [float(v) for v in row]
        top = max(values)
        exps = [math.exp(v - top) for v in values]
        total = sum(exps)
        out.append([e / total for e in exps])
    return out


# Thresholds for aggregate(): a calibrated entailment model or an LLM's stated confidence.
THRESHOLDS = (0.6, 0.8)


class NLIStance:
    """A sequence-classification NLI model run with transformers (torch) or onnxruntime."""

    def __init__(self, path: Path) -> None:
        if not path.exists():
            raise StanceModelError(f"no NLI model at {path}", "give a local checkpoint directory")
        onnx_file = path if path.suffix == ".onnx" else path / "model.onnx"
        model_dir = path.parent if path.suffix == ".onnx" else path
        self.mapping = label_map(model_dir)
        self.thresholds = THRESHOLDS
        self.name = f"nli:{path.name}"
        transformers: Any = require("transformers", "dense")
        try:
            self.tokenizer = transformers.AutoTokenizer.from_pretrained(
                str(model_dir), local_files_only=True)
            if onnx_file.is_file():
                ort: Any = require("onnxruntime", "dense")
                self.session = ort.InferenceSession(str(onnx_file),
                                                    providers=["CPUExecutionProvider"])
                self.inputs = {i.name for i in self.session.get_inputs()}
                self.model = None
            else:
                require("torch", "dense")
                self.session = None
                self.model = transformers.AutoModelForSequenceClassification.from_pretrained(
                    str(model_dir), local_files_only=True)
                self.model.eval()
        except (OSError, ValueError, KeyError, RuntimeError) as exc:
            raise StanceModelError(f"cannot load the NLI model {path}: {exc}",
                                   "give a local Hugging Face NLI checkpoint or ONNX export"
                                   ) from exc

    def _logits(self, claims: list[str], passages: list[str]) -> Any:
        if self.session is not None:
            enc = self.tokenizer(passages, claims, truncation=True, max_length=MAX_TOKENS,
                                 padding=True, return_tensors="np")
            feed = {k: v for k, v in enc.items() if k in self.inputs}
            return self.session.run(None, feed)[0]
        import torch

        enc = self.tokenizer(passages, claims, truncation=True, max_length=MAX_TOKENS,
                             padding=True, return_tensors="pt")
        with torch.no_grad():
            return self.model(**enc).logits.tolist()  # type: ignore[misc]

    def predict(self, pairs: Sequence[tuple[str, str]]) -> list[StanceResult]:
        results: list[StanceResult] = []
        for start in range(0, len(pairs), BATCH):
            batch = pairs[start:start + BATCH]
            rows = _softmax_rows(self._logits([c for c, _ in batch], [p for _, p in batch]))
            for row in rows:
                probs: dict[str, float] = dict.fromkeys(STANCE_LABELS, 0.0)
                for index, p in enumerate(row):
                    probs[self.mapping.get(index, "neutral")] += p
                results.append(StanceResult.from_probs(probs))
        return results
