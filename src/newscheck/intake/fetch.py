"""An article given as a URL: fetch the page, bounded in every direction.

``fetch(url)`` returns the page's bytes for :func:`newscheck.intake.extract`. It uses httpx with

- timeouts: connect, read and one deadline for the whole fetch (redirects included);
- a size cap on the *decoded* body (gzip/deflate are accepted and decoded as they stream, so a
  compression bomb stops at the cap) and on a declared ``Content-Length`` before reading;
- redirects followed by hand, at most :data:`MAX_REDIRECTS`, each hop checked like the first;
- a clear ``User-Agent`` naming newscheck.

``allow_private=False`` (what the server uses) adds SSRF protection: the host name is resolved
once, every address must be public (not loopback, private, link-local, multicast, reserved or
unspecified), and the connection goes to that checked address (the ``Host`` header and TLS server
name stay the original host), so a DNS answer that changes between check and connect cannot
redirect the request inside the network.

Errors: :class:`~newscheck.errors.FetchFailed` (exit 18: offline, timeout, HTTP error, too many
redirects), :class:`~newscheck.errors.FetchRefused` (exit 19: not http(s), a forbidden address),
:class:`~newscheck.errors.InputTooLarge` (exit 6: over the size cap).
"""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

from .. import __version__
from ..errors import FetchFailed, FetchRefused, InputTooLarge

if TYPE_CHECKING:
    import httpx

USER_AGENT = (f"newscheck/{__version__} (fact-checking tool; fetches one article on a user's "
              f"request)")
MAX_REDIRECTS = 5
DEFAULT_TIMEOUT = 15.0          # seconds for the whole fetch
CONNECT_TIMEOUT = 5.0
DEFAULT_MAX_BYTES = 5_000_000   # of decoded body
ACCEPT = "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5"

Address = ipaddress.IPv4Address | ipaddress.IPv6Address


@dataclass(frozen=True, slots=True)
class Fetched:
    """A fetched page: the URL asked for, the final URL after redirects, and the body."""

    url: str
    final_url: str
    status: int
    content_type: str
    data: bytes


def forbidden(addr: Address) -> bool:
    """An address the server must never fetch from: this machine or a non-public network."""
    if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped is not None:
        addr = addr.ipv4_mapped
    return (addr.is_loopback or addr.is_private or addr.is_link_local or addr.is_multicast
            or addr.is_reserved or addr.is_unspecified or not addr.is_global)


def _check_url(url: str) -> tuple[str, str, int]:
    """``(scheme, host, port)`` of an http(s) URL, or FetchRefused."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as exc:
        raise FetchRefused(f"{url!r} is not a valid URL ({exc})",
                           "give an http:// or https:// address") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise FetchRefused(f"only http and https URLs can be fetched, not {scheme or 'no'} "
                           f"scheme: {url!r}", "give an http:// or https:// address")
    if not parts.hostname:
        raise FetchRefused(f"{url!r} has no host name", "give a full address, e.g. "
                           "https://example.org/story")
    if parts.username or parts.password:
        raise FetchRefused("URLs with a user name or password are not fetched",
                           "give the public address of the article")
    return scheme, parts.hostname, port or (443 if scheme == "https" else 80)


def _resolve(host: str, port: int) -> list[Address]:
    try:
        return [ipaddress.ip_address(host)]
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchFailed(f"cannot resolve the host {host!r} ({exc})",
                          "check the address, or the network: are you offline?") from None
    return [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos]


def _pinned(url: str, allow_private: bool) -> tuple[str, dict[str, str], dict[str, Any]]:
    """The URL to request, extra headers and httpx request extensions for one hop."""
    scheme, host, port = _check_url(url)
    if allow_private:
        return url, {}, {}
    addrs = _resolve(host, port)
    bad = [a for a in addrs if forbidden(a)]
    if bad or not addrs:
        raise FetchRefused(f"{host} resolves to {bad[0] if bad else 'nothing'}, an address on "
                           f"this machine or a private network; the server does not fetch those",
                           "give the public address of the article")
    addr = addrs[0]
    netloc = f"[{addr}]" if addr.version == 6 else str(addr)
    parts = urlsplit(url)
    default = 443 if scheme == "https" else 80
    target = parts._replace(netloc=f"{netloc}:{port}").geturl()
    host_header = host if port == default else f"{host}:{port}"
    return target, {"Host": host_header}, {"sni_hostname": host}


def _read(response: httpx.Response, max_bytes: int, deadline: float, url: str) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise InputTooLarge(f"{url} is {declared} bytes, more than the limit of {max_bytes} bytes",
                            "raise --max-bytes if this really is one article")
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise InputTooLarge(f"{url} is more than {max_bytes} bytes (decoded)",
                                "raise --max-bytes if this really is one article")
        if time.monotonic() > deadline:
            raise FetchFailed(f"fetching {url} took longer than the time limit",
                              "try again later, or save the page and check the file")
        chunks.append(chunk)
    return b"".join(chunks)


def fetch(url: str, *, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = DEFAULT_MAX_BYTES,
          allow_private: bool = True, max_redirects: int = MAX_REDIRECTS) -> Fetched:
    """Fetch ``url`` (see the module docstring for the limits); raises a FetchError."""
    import httpx as httpx_mod  # imported only when a URL is fetched

    deadline = time.monotonic() + timeout
    current = url.strip()
    limits = httpx_mod.Timeout(timeout, connect=min(CONNECT_TIMEOUT, timeout))
    headers = {"User-Agent": USER_AGENT, "Accept": ACCEPT, "Accept-Encoding": "gzip, deflate"}
    with httpx_mod.Client(timeout=limits, follow_redirects=False, trust_env=False) as client:
        for _hop in range(max_redirects + 1):
            target, extra, ext = _pinned(current, allow_private)
            request = client.build_request("GET", target, headers=headers | extra, extensions=ext)
            try:
                response = client.send(request, stream=True)
            except httpx_mod.TimeoutException:
                raise FetchFailed(f"fetching {current} timed out",
                                  "try again later, or save the page and check the file") from None
            except httpx_mod.HTTPError as exc:
                raise FetchFailed(f"cannot fetch {current}: {type(exc).__name__}: {exc}",
                                  "check the address, or the network: are you offline?") from None
            try:
                if response.is_redirect and "location" in response.headers:
                    current = urljoin(current, response.headers["location"])
                    continue
                if response.status_code >= 400:
                    raise FetchFailed(f"{current} answered HTTP {response.status_code} "
                                      f"{response.reason_phrase}".rstrip(),
                                      "check the address; the page may be gone or need a login")
                try:
                    data = _read(response, max_bytes, deadline, current)
                except httpx_mod.TimeoutException:
                    raise FetchFailed(f"fetching {current} timed out", "try again later, or "
                                      "save the page and check the file") from None
                except httpx_mod.HTTPError as exc:
                    raise FetchFailed(f"reading {current} failed: {type(exc).__name__}: {exc}",
                                      "try again later, or save the page and check the "
                                      "file") from None
                return Fetched(url=url, final_url=current, status=response.status_code,
                               content_type=response.headers.get("content-type", ""), data=data)
            finally:
                response.close()
    raise FetchFailed(f"{url} redirects more than {max_redirects} times",
                      "open it in a browser and give the final address")
