"""URL input: fetched from a local server with timeouts, size cap, capped redirects, gzip, a
clear User-Agent; SSRF protection refuses this machine and private networks."""

from __future__ import annotations

import ipaddress
from collections.abc import Iterator

import pytest

from newscheck.errors import FetchFailed, FetchRefused, InputTooLarge
from newscheck.intake import fetch as fetch_mod
from newscheck.intake.fetch import USER_AGENT, fetch, forbidden
from newscheck.intake.locate import is_url
from tests.localserver import ARTICLE, LocalServer, local_server


@pytest.fixture(scope="module")
def server() -> Iterator[LocalServer]:
    with local_server() as s:
        yield s


def test_fetches_the_page_with_a_clear_user_agent(server: LocalServer) -> None:
    got = fetch(f"{server.base}/article")
    assert got.data == ARTICLE and got.status == 200 and "text/html" in got.content_type
    assert server.seen[-1]["User-Agent"] == USER_AGENT and "newscheck/" in USER_AGENT
    assert "gzip" in server.seen[-1]["Accept-Encoding"]


def test_gzip_is_decoded(server: LocalServer) -> None:
    assert fetch(f"{server.base}/gz").data == ARTICLE


def test_redirects_are_followed_up_to_the_cap(server: LocalServer) -> None:
    got = fetch(f"{server.base}/redirect/2", max_redirects=3)     # 2 → 1 → 0 → article
    assert got.data == ARTICLE and got.final_url == f"{server.base}/article"
    with pytest.raises(FetchFailed, match="redirects more than 2 times"):
        fetch(f"{server.base}/redirect/2", max_redirects=2)
    with pytest.raises(FetchFailed, match="redirects more than"):
        fetch(f"{server.base}/loop")


def test_size_cap_on_declared_and_on_decoded_bodies(server: LocalServer) -> None:
    with pytest.raises(InputTooLarge, match="more than the limit of 1000000"):
        fetch(f"{server.base}/big", max_bytes=1_000_000)
    with pytest.raises(InputTooLarge, match="decoded"):       # a gzip bomb stops at the cap
        fetch(f"{server.base}/bomb", max_bytes=1_000_000)


def test_timeout(server: LocalServer) -> None:
    with pytest.raises(FetchFailed, match="timed out"):
        fetch(f"{server.base}/slow", timeout=0.5)


def test_http_errors_and_offline_are_clear(server: LocalServer) -> None:
    with pytest.raises(FetchFailed, match="HTTP 404"):
        fetch(f"{server.base}/missing")
    with pytest.raises(FetchFailed, match="offline"):     # .invalid never resolves (RFC 2606)
        fetch("http://no-such-host.invalid/story")
    closed = LocalServer()
    port = closed.server_address[1]
    closed.server_close()
    with pytest.raises(FetchFailed, match="offline"):
        fetch(f"http://127.0.0.1:{port}/article")


@pytest.mark.parametrize("url", ["ftp://example.org/a", "file:///etc/passwd", "javascript:x",
                                 "http://", "http://user:pw@example.org/", "http://[::1"])
def test_only_plain_http_urls(url: str) -> None:
    with pytest.raises(FetchRefused):
        fetch(url)


@pytest.mark.parametrize(("addr", "bad"), [
    ("127.0.0.1", True), ("127.8.9.10", True), ("10.1.2.3", True), ("172.16.0.1", True),
    ("192.168.1.1", True), ("169.254.169.254", True), ("0.0.0.0", True), ("100.64.0.1", True),
    ("224.0.0.1", True), ("::1", True), ("fe80::1", True), ("fc00::1", True),
    ("::ffff:127.0.0.1", True), ("::ffff:10.0.0.1", True), ("::", True),
    ("93.184.215.14", False), ("8.8.8.8", False), ("2606:4700:4700::1111", False),
])
def test_forbidden_addresses(addr: str, bad: bool) -> None:
    assert forbidden(ipaddress.ip_address(addr)) is bad


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "[::1]", "0.0.0.0", "2130706433"])
def test_ssrf_refuses_this_machine(server: LocalServer, host: str) -> None:
    port = server.server_address[1]
    with pytest.raises(FetchRefused, match="private network"):
        fetch(f"http://{host}:{port}/article", allow_private=False)


def test_ssrf_checks_every_redirect_hop(server: LocalServer,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """127.0.0.1 plays a public address, 127.0.0.2 a private one: the redirect to it is refused
    (and the first hop really connects to the checked address)."""
    public = ipaddress.ip_address("127.0.0.1")
    monkeypatch.setattr(fetch_mod, "forbidden", lambda a: a != public)
    port = server.server_address[1]
    assert fetch(f"{server.base}/article", allow_private=False).data == ARTICLE
    with pytest.raises(FetchRefused):
        fetch(f"{server.base}/to?u=http://127.0.0.2:{port}/article", allow_private=False)


def test_is_url() -> None:
    assert is_url("https://example.org/x") and is_url("HTTP://example.org") and is_url("ftp://a")
    assert not is_url("article.html") and not is_url("-") and not is_url("c:/x")


def test_a_url_given_to_extract_is_fetched(server: LocalServer) -> None:
    from newscheck.intake import extract

    assert "Kishida" in extract(f"{server.base}/article").text
    with pytest.raises(FetchRefused):
        extract("ftp://example.org/a")
