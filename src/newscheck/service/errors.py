"""One error shape for the whole API, ``{"error": {"code": ..., "message": ...}}``, with the
status that fits; the limits and security headers every response gets.

No stack trace, exception type or path ever reaches a client: an unexpected exception is a 500
with a fixed message (and is logged on the server).
"""

from __future__ import annotations

import logging
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..errors import (
    EmptyInput,
    FetchFailed,
    FetchRefused,
    InputTooLarge,
    KnowledgeError,
    NewscheckError,
    NotInKnowledgeBase,
    UnsupportedInput,
)

log = logging.getLogger("newscheck.service")

# The API and the page load only what the server itself serves; nothing runs inline.
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]


class ApiError(Exception):
    """An error the API answers with ``status`` and ``{"error": {"code", "message"}}``."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def body(code: str, message: str) -> dict[str, Any]:
    return {"error": {"code": code, "message": message}}


# The API status and code of each error class the pipeline raises on purpose (first match wins).
_STATUSES: tuple[tuple[type[NewscheckError], int, str], ...] = (
    (InputTooLarge, 413, "too_large"),
    (UnsupportedInput, 415, "unsupported_input"),
    (FetchRefused, 400, "fetch_refused"),
    (FetchFailed, 502, "fetch_failed"),
    (NotInKnowledgeBase, 404, "not_found"),
    (EmptyInput, 422, "empty_input"),
)


def from_newscheck(exc: NewscheckError) -> ApiError:
    """The API status for an error the pipeline raised on purpose."""
    text = f"{exc.message} — {exc.hint}" if exc.hint else exc.message
    for cls, status, code in _STATUSES:
        if isinstance(exc, cls):
            return ApiError(status, code, text)
    if isinstance(exc, KnowledgeError):
        log.error("knowledge base error: %s", exc)
        return ApiError(500, "knowledge_base", "the knowledge base could not be read")
    return ApiError(422, "invalid_input", text)


class BodyLimit:
    """Refuse request bodies over ``max_bytes`` with 413 — from ``Content-Length`` before
    reading, and while reading for chunked bodies (the app never sees more)."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.max_bytes:
            await self._refuse(send)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_bytes:
                raise ApiError(413, "too_large", self._message())
            return message

        await self.app(scope, counted, send)

    def _message(self) -> str:
        return f"the request body is larger than the limit of {self.max_bytes} bytes"

    async def _refuse(self, send: Send) -> None:
        import json

        data = json.dumps(body("too_large", self._message())).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(data)).encode()),
                                *SECURITY_HEADERS]})
        await send({"type": "http.response.body", "body": data})


class SecurityHeaders:
    """Add the CSP and the other security headers to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []),
                                      *(h for h in SECURITY_HEADERS if h[0] not in names)]
            await send(message)

        await self.app(scope, receive, with_headers)
