"""Article content is untrusted: script, attribute and URL payloads in the text, the title and
URLs come back escaped in the API's HTML and the page; every response has a CSP without inline
script; fetching is off by default and never reaches this machine or a private network."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterator
from html.parser import HTMLParser

import pytest
from fastapi.testclient import TestClient

from newscheck.intake import fetch as fetch_mod
from newscheck.service.errors import CSP
from tests.localserver import ARTICLE, LocalServer, local_server

from .conftest import make_client
from .test_api import error_of

SCRIPT = "<script>alert(1)</script>"
ATTR = '" onmouseover="alert(1)'
JS_URL = "javascript:alert(1)"
IMG = "<img src=x onerror=alert(1)>"
HOSTILE_PAGE = f"""<!DOCTYPE html><html><head><title>{SCRIPT} Boris {ATTR}</title>
<link rel="canonical" href="{JS_URL}"><meta property="og:url" content="{JS_URL}"></head><body>
<article><h1>{SCRIPT}{IMG} British Prime Minister Boris Johnson {ATTR}</h1>
<p>British Prime Minister Boris Johnson met officials in London on Monday {SCRIPT}, the
government said in a statement {IMG} published at {JS_URL} and repeated later.</p>
<p>The talks covered trade and security {ATTR} and lasted for two hours, according to
officials who attended the meeting in the capital on Monday afternoon.</p>
<figure><figcaption>Photo: {IMG} agency</figcaption></figure></article></body></html>"""


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def tags_of(page: str) -> list[tuple[str, dict[str, str | None]]]:
    p = Tags()
    p.feed(page)
    return p.tags


@pytest.mark.parametrize("body", [{"html": HOSTILE_PAGE, "published": "2023-05-08"},
                                  {"text": HOSTILE_PAGE.replace("<p>", "\n\n"),
                                   "published": "2023-05-08"}])
def test_payloads_are_escaped_in_the_api_html(client: TestClient, body: dict[str, str]) -> None:
    resp = client.post("/v1/check?format=html", json=body)
    assert resp.status_code == 200, resp.text
    page = resp.text
    for payload in (SCRIPT, ATTR, IMG, "<img", "<script"):
        assert payload not in page
    tags = tags_of(page)
    assert not [t for t, _ in tags if t in ("script", "img", "iframe", "object", "embed", "style")]
    assert not [k for _, a in tags for k in a if k.lower().startswith("on")]
    for _, a in tags:
        href = a.get("href") or ""
        assert not href.lower().startswith("javascript"), href
    assert "Boris Johnson" in page and "refuted" in page.lower()


def test_csp_and_headers_on_every_response(client: TestClient) -> None:
    assert "script-src 'self'" in CSP and "unsafe-inline" not in CSP
    for resp in (client.get("/"), client.get("/healthz"), client.get("/nowhere"),
                 client.post("/v1/check?format=html", json={"text": "Boris Johnson met."})):
        assert resp.headers["content-security-policy"] == CSP
        assert resp.headers["x-content-type-options"] == "nosniff"


def test_the_page_has_no_inline_script_or_style_and_no_remote_asset(client: TestClient) -> None:
    page = client.get("/").text
    tags = tags_of(page)
    assert not [t for t, a in tags if t == "script" and not a.get("src")]
    assert "<style" not in page and "style=" not in page
    for _, a in tags:
        for key in ("src", "href", "action"):
            value = a.get(key)
            if value:
                assert value.startswith("/"), value       # all local: no CDN
                if key != "action":
                    assert client.get(value).status_code == 200, value
    forms = [a for t, a in tags if t == "form"]
    assert forms == [{"method": "post", "action": "/v1/check?format=html",
                      "enctype": "multipart/form-data"}]
    labels = {a["for"] for t, a in tags if t == "label"}
    assert {a["id"] for t, a in tags if t in ("textarea", "input")} <= labels   # all labelled


def test_form_errors_are_a_page_for_browsers(client: TestClient) -> None:
    resp = client.post("/v1/check?format=html", data={"text": ""},
                       files={"file": ("", b"", "application/octet-stream")},
                       headers={"accept": "text/html"})
    assert resp.status_code == 422 and resp.headers["content-type"].startswith("text/html")
    assert "could not be checked" in resp.text and "exactly one" in resp.text


def test_error_page_escapes_the_message(client: TestClient) -> None:
    resp = client.post("/v1/check?format=html", data={"text": "x", "published": SCRIPT},
                       headers={"accept": "text/html"})
    assert resp.status_code == 422 and SCRIPT not in resp.text


@pytest.fixture(scope="module")
def server() -> Iterator[LocalServer]:
    with local_server() as s:
        yield s


@pytest.fixture(scope="module")
def fetching() -> Iterator[TestClient]:
    with make_client(allow_fetch=True) as c:
        yield c


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "[::1]", "169.254.169.254",
                                  "10.0.0.1", "192.168.0.1", "0.0.0.0"])
def test_ssrf_refused(fetching: TestClient, server: LocalServer, host: str) -> None:
    url = f"http://{host}:{server.server_address[1]}/article"
    err = error_of(fetching.post("/v1/check", json={"url": url}), 400)
    assert err["code"] == "fetch_refused" and "private network" in err["message"]


def test_redirect_into_the_network_refused(fetching: TestClient, server: LocalServer,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    public = ipaddress.ip_address("127.0.0.1")          # plays a public address here
    monkeypatch.setattr(fetch_mod, "forbidden", lambda a: a != public)
    ok = fetching.post("/v1/check", json={"url": f"{server.base}/article"})
    assert ok.status_code == 200 and ok.json()["article"]["source"] == f"{server.base}/article"
    assert len(ARTICLE) > 1000
    port = server.server_address[1]
    resp = fetching.post("/v1/check",
                         json={"url": f"{server.base}/to?u=http://127.0.0.2:{port}/article"})
    assert error_of(resp, 400)["code"] == "fetch_refused"


def test_other_schemes_refused(fetching: TestClient) -> None:
    for url in ("file:///etc/passwd", "gopher://x/", "ftp://example.org/"):
        assert error_of(fetching.post("/v1/check", json={"url": url}), 400)["code"] \
            == "fetch_refused"


def test_fetch_failure_is_502(fetching: TestClient) -> None:
    err = error_of(fetching.post("/v1/check", json={"url": "http://no-such.invalid/"}), 502)
    assert err["code"] == "fetch_failed" and not re.search(r"Traceback|File \"", err["message"])


@pytest.mark.parametrize("field", ["text", "html"])
@pytest.mark.parametrize("value", ["/etc/passwd", "pyproject.toml", "http://127.0.0.1:1/x"])
def test_request_text_is_never_a_path_or_url(client: TestClient, field: str, value: str) -> None:
    """``newscheck.check(str)`` reads a one-line path or fetches a URL; the API passes the
    request's content as text=/html=, so it is only ever the article."""
    resp = client.post("/v1/check", json={field: value})
    assert "root:" not in resp.text and "[project]" not in resp.text
    if resp.status_code == 200:
        assert resp.json()["article"]["text"].strip() == value
    else:
        assert error_of(resp, 422)["code"] in ("invalid_input", "empty_input")
