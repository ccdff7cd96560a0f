"""Stance from any OpenAI-compatible chat endpoint (a newsroom's own server).

Only used when the user passes ``--llm-endpoint URL``; nothing here runs otherwise. The URL is
either the API base (``http://host:8000/v1``) or the full ``…/chat/completions`` address. The model
name comes from ``NEWSCHECK_LLM_MODEL`` (default ``default``) and an ``Authorization: Bearer`` key,
if the server needs one, from ``NEWSCHECK_LLM_API_KEY``. Requests are plain ``urllib``, one per
pair, temperature 0, with a timeout; any failure raises :class:`StanceEndpointError` (exit 23).
"""

from __future__ import annotations

import json
import os
import re
import urllib.error
import urllib.request
from collections.abc import Sequence
from typing import Any

from .. import rx
from ..errors import StanceEndpointError
from .base import STANCE_LABELS, StanceResult

SYSTEM_PROMPT = (
    "You judge whether a PASSAGE supports, refutes, or says nothing about a CLAIM. "
    "Use only the passage, not your own knowledge. Answer with JSON only: "
    '{"label": "support" | "refute" | "neutral", "confidence": a number from 0 to 1}. '
    "Say refute only when the passage clearly contradicts the claim; "
    "a passage that does not mention the claim's point is neutral."
)
TIMEOUT_S = 60.0
_LABEL = rx.compile(r"\b(support|refute|neutral)s?\b", re.IGNORECASE)


def chat_url(endpoint: str) -> str:
    """The ``/chat/completions`` address for an endpoint given as base URL or full address."""
    if not endpoint.startswith(("http://", "https://")):
        raise StanceEndpointError(f"--llm-endpoint must be an http(s) URL, not {endpoint!r}",
                                  "e.g. http://localhost:8000/v1")
    base = endpoint.rstrip("/")
    return base if base.endswith("/chat/completions") else base + "/chat/completions"


def parse_answer(content: str) -> StanceResult:
    """A stance from the model's reply: JSON ``{"label", "confidence"}`` or, failing that, the
    first label word in the text."""
    label: str | None = None
    confidence = 1.0
    match = re.search(r"\{.*\}", content, re.DOTALL)
    if match:
        try:
            data = json.loads(match.group(0))
        except json.JSONDecodeError:
            data = None
        if isinstance(data, dict):
            raw = str(data.get("label", "")).lower().rstrip("s")
            label = raw if raw in STANCE_LABELS else None
            try:
                confidence = min(1.0, max(0.0, float(data.get("confidence", 1.0))))
            except (TypeError, ValueError):
                confidence = 1.0
    if label is None:
        word = _LABEL.search(content)
        if word is None:
            raise StanceEndpointError(f"the LLM endpoint answered no stance: {content[:80]!r}",
                                      "check that the endpoint serves a chat model")
        label = word.group(1).lower()
    rest = (1.0 - confidence) / 2
    return StanceResult.from_probs({k: confidence if k == label else rest for k in STANCE_LABELS})


# Thresholds for aggregate(): a calibrated entailment model or an LLM's stated confidence.
THRESHOLDS = (0.6, 0.8)


class LLMStance:
    """One chat request per (claim, passage) pair."""

    def __init__(self, endpoint: str, model: str | None = None,
                 timeout: float = TIMEOUT_S) -> None:
        self.url = chat_url(endpoint)
        self.model = model or os.environ.get("NEWSCHECK_LLM_MODEL", "default")
        self.timeout = timeout
        self.thresholds = THRESHOLDS
        self.name = f"llm:{self.model}@{self.url}"

    def _ask(self, claim: str, passage: str) -> str:
        body: dict[str, Any] = {
            "model": self.model, "temperature": 0, "max_tokens": 60,
            "messages": [{"role": "system", "content": SYSTEM_PROMPT},
                         {"role": "user", "content": f"CLAIM: {claim}\nPASSAGE: {passage}"}],
        }
        headers = {"Content-Type": "application/json"}
        key = os.environ.get("NEWSCHECK_LLM_API_KEY")
        if key:
            headers["Authorization"] = f"Bearer {key}"
        request = urllib.request.Request(self.url, data=json.dumps(body).encode(), headers=headers,
                                         method="POST")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                reply = json.loads(response.read().decode("utf-8"))
        except urllib.error.HTTPError as exc:
            raise StanceEndpointError(f"the LLM endpoint {self.url} answered HTTP {exc.code}",
                                      "check the URL, the model name and the API key") from exc
        except (urllib.error.URLError, OSError, TimeoutError) as exc:
            raise StanceEndpointError(f"cannot reach the LLM endpoint {self.url}: {exc}",
                                      "check that the server is running") from exc
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise StanceEndpointError(f"the LLM endpoint {self.url} did not answer JSON",
                                      "it must speak the OpenAI chat completions API") from exc
        try:
            return str(reply["choices"][0]["message"]["content"])
        except (KeyError, IndexError, TypeError) as exc:
            raise StanceEndpointError(f"the LLM endpoint {self.url} answered no chat message",
                                      "it must speak the OpenAI chat completions API") from exc

    def predict(self, pairs: Sequence[tuple[str, str]]) -> list[StanceResult]:
        return [parse_answer(self._ask(claim, passage)) for claim, passage in pairs]
