"""`newscheck check URL`: fetched from a local server, checked, and every failure one line with
exit 18 (fetch failed) or 19 (fetch refused)."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from tests.localserver import LocalServer, local_server
from tests.test_cli import assert_clean_error, run


@pytest.fixture(scope="module")
def server() -> Iterator[LocalServer]:
    with local_server() as s:
        yield s


def test_check_a_url(server: LocalServer) -> None:
    proc = run("check", f"{server.base}/redirect/1")
    assert proc.returncode == 0, proc.stderr.decode()
    report = json.loads(proc.stdout)
    assert report["article"]["source"] == f"{server.base}/article"
    assert report["summary"]["refuted"] >= 1


@pytest.mark.parametrize(("path", "code", "words"), [
    ("/missing", 18, ("HTTP 404",)),
    ("/loop", 18, ("redirects more than",)),
    ("/slow", 18, ("timed out",)),
    ("/image", 5, ("binary",)),
])
def test_fetch_failures_are_one_line(server: LocalServer, path: str, code: int,
                                     words: tuple[str, ...]) -> None:
    assert_clean_error(run("check", f"{server.base}{path}", "--timeout", "1"), code, *words)


def test_offline_and_refused() -> None:
    assert_clean_error(run("check", "http://no-such-host.invalid/a"), 18, "offline")
    assert_clean_error(run("check", "ftp://example.org/a"), 19, "only http and https")
