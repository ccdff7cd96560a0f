"""Stance: does this passage support, refute or say nothing about this claim?

One interface, three back-ends:

* the default shipped model (:mod:`.shipped`): hand-built features (:mod:`.features`) and
  gradient-boosted trees trained by ``scripts/train_stance.py``; pure Python, CPU;
* ``nli_model=PATH`` (:mod:`.nli`): any local Hugging Face NLI checkpoint or ONNX export
  (extra ``dense``);
* ``llm_endpoint=URL`` (:mod:`.llm`): any OpenAI-compatible chat endpoint, never called unless
  given.

:func:`aggregate` (:mod:`.aggregate`) combines passage stances into a claim verdict. Importing this
package loads no third-party module.
"""

from __future__ import annotations

from pathlib import Path

from .aggregate import aggregate
from .base import STANCE_LABELS, StanceLabel, StanceModel, StanceResult


def load_stance(*, nli_model: str | Path | None = None,
                llm_endpoint: str | None = None) -> StanceModel:
    """The stance back-end asked for: an NLI checkpoint, an LLM endpoint, else the shipped model.

    Raises :class:`newscheck.errors.StanceModelError` (exit 22) when a model cannot be loaded and
    :class:`newscheck.errors.MissingDependency` when the extra it needs is not installed.
    """
    if nli_model is not None and llm_endpoint is not None:
        from ..errors import StanceModelError

        raise StanceModelError("--nli-model and --llm-endpoint cannot be used together",
                               "choose one stance back-end")
    if nli_model is not None:
        from .nli import NLIStance

        return NLIStance(Path(nli_model))
    if llm_endpoint is not None:
        from .llm import LLMStance

        return LLMStance(llm_endpoint)
    from .shipped import default_model

    return default_model()


__all__ = ["STANCE_LABELS", "StanceLabel", "StanceModel", "StanceResult", "aggregate",
           "load_stance"]
