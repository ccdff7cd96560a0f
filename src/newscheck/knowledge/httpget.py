"""Bounded, validated HTTP GETs for the online client: the server is not trusted.

* the target: ``https`` to a public address; plain ``http`` or a loopback/private address only for
  the origin the user configured explicitly (``NEWSCHECK_WIKIDATA_API``, a test's local server);
  link-local, multicast and reserved addresses never (169.254.169.254 is a cloud metadata
  service). Every redirect is checked the same way before it is followed.
* the answer: at most :data:`MAX_RESPONSE_BYTES`, read within one wall-clock deadline per request
  (a server sending one byte a second no longer holds a request for minutes);
* the caller validates the JSON's shape (:mod:`.online`).
"""

from __future__ import annotations

import ipaddress
import socket
import time
import urllib.error
import urllib.request
from typing import IO, Any
from urllib.parse import urlsplit

from ..errors import OnlineLookupFailed

MAX_RESPONSE_BYTES = 8_000_000     # a wbgetentities answer for 50 entities is ~1-3 MB
READ_CHUNK = 65536


def origin(url: str) -> tuple[str, str, int | None]:
    parts = urlsplit(url)
    return parts.scheme.lower(), (parts.hostname or "").lower(), parts.port


def _failed(detail: str) -> OnlineLookupFailed:
    return OnlineLookupFailed(f"Wikidata look-up refused: {detail}",
                              "check NEWSCHECK_WIKIDATA_API, or run without --online")


def check_target(url: str, configured: tuple[str, str, int | None] | None) -> None:
    """Refuse ``url`` unless it is https to a public address, or the configured origin."""
    scheme, host, port = origin(url)
    if configured is not None and (scheme, host, port) == configured:
        return       # the API the user named explicitly (a local mirror or test server)
    if scheme != "https":
        raise _failed(f"{url} is not https")
    try:
        infos = socket.getaddrinfo(host, port or 443, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError) as exc:
        raise OnlineLookupFailed(f"Wikidata look-up failed: cannot resolve {host} ({exc})",
                                 "check the network or run without --online") from None
    for info in infos:
        ip = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if not ip.is_global or ip.is_multicast:
            raise _failed(f"{host} resolves to the non-public address {ip}")


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    def __init__(self, configured: tuple[str, str, int | None] | None) -> None:
        self.configured = configured

    def redirect_request(self, req: Any, fp: IO[bytes], code: int, msg: str, headers: Any,
                         newurl: str) -> Any:
        check_target(newurl, self.configured)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def get(url: str, headers: dict[str, str], *, configured: tuple[str, str, int | None] | None,
        timeout: float, max_bytes: int = MAX_RESPONSE_BYTES) -> bytes:
    """The body of ``url``: target checked, size capped, all within ``timeout`` seconds."""
    check_target(url, configured)
    opener = urllib.request.build_opener(_CheckedRedirects(configured))
    deadline = time.monotonic() + timeout
    try:
        with opener.open(urllib.request.Request(url, headers=headers), timeout=timeout) as resp:
            length = resp.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise _too_big(max_bytes)
            chunks: list[bytes] = []
            size = 0
            while chunk := resp.read1(READ_CHUNK):
                size += len(chunk)
                if size > max_bytes:
                    raise _too_big(max_bytes)
                if time.monotonic() > deadline:
                    raise OnlineLookupFailed(f"Wikidata look-up failed: the answer took more "
                                             f"than {timeout:g} s",
                                             "check the network or run without --online")
                chunks.append(chunk)
            return b"".join(chunks)
    except (urllib.error.URLError, OSError, TimeoutError, ValueError) as exc:
        raise OnlineLookupFailed(f"Wikidata look-up failed: {exc}",
                                 "check the network or run without --online") from None


def _too_big(max_bytes: int) -> OnlineLookupFailed:
    return OnlineLookupFailed(f"Wikidata look-up failed: the answer is larger than {max_bytes} "
                              "bytes", "check NEWSCHECK_WIKIDATA_API, or run without --online")
