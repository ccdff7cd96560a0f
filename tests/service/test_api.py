"""POST /v1/check, the KB endpoints, /healthz, the OpenAPI docs — and one error shape
``{"error": {"code", "message"}}`` with the right status for each failure."""

from __future__ import annotations

import json
from typing import Any

import pytest
from fastapi.testclient import TestClient

from .conftest import EXAMPLE, FALSE_TITLE, make_client


def error_of(resp: Any, status: int) -> dict[str, str]:
    assert resp.status_code == status, resp.text
    assert resp.headers["content-type"].startswith("application/json")
    data = resp.json()
    assert set(data) == {"error"} and set(data["error"]) == {"code", "message"}, data
    assert "Traceback" not in resp.text and 'File "' not in resp.text
    return data["error"]


def test_check_html_json(client: TestClient) -> None:
    resp = client.post("/v1/check", json={"html": EXAMPLE})
    assert resp.status_code == 200, resp.text
    report = resp.json()
    assert report["schema"].startswith("newscheck/report@1")
    assert report["summary"]["refuted"] >= 1 and report["summary"]["supported"] >= 1


def test_check_text_with_published(client: TestClient) -> None:
    resp = client.post("/v1/check", json={"text": FALSE_TITLE, "published": "2023-05-08"})
    report = resp.json()
    assert report["anchor"]["date"] == "2023-05-08"
    refuted = [c for c in report["claims"] if c["verdict"] == "refuted"]
    assert refuted and "Boris Johnson" in refuted[0]["text"]


def test_multipart_upload(client: TestClient) -> None:
    resp = client.post("/v1/check", files={"file": ("story.html", EXAMPLE.encode(), "text/html")},
                       data={"published": "2023-05-08"})
    assert resp.status_code == 200, resp.text
    assert resp.json()["article"]["source"] == "story.html"


@pytest.mark.parametrize(("fmt", "ctype", "needle"), [
    ("html", "text/html", "Boris Johnson"), ("markdown", "text/markdown", "Refuted"),
    ("claimreview", "application/ld+json", "ClaimReview")])
def test_formats(client: TestClient, fmt: str, ctype: str, needle: str) -> None:
    resp = client.post(f"/v1/check?format={fmt}", json={"html": EXAMPLE})
    assert resp.status_code == 200 and resp.headers["content-type"].startswith(ctype)
    assert needle in resp.text


def test_status_400_bad_json_and_fetch_off(client: TestClient) -> None:
    resp = client.post("/v1/check", content=b"{not json",
                       headers={"content-type": "application/json"})
    assert error_of(resp, 400)["code"] == "invalid_json"
    err = error_of(client.post("/v1/check", json={"url": "https://example.org/a"}), 400)
    assert err["code"] == "fetch_disabled" and "--allow-fetch" in err["message"]


def test_status_413_body_limit() -> None:
    with make_client(max_body=10_000) as small:
        assert error_of(small.post("/v1/check", json={"text": "word " * 5000}), 413)["code"] \
            == "too_large"
        def chunks() -> Any:        # no Content-Length: counted while read
            for _ in range(10):
                yield b"x" * 2000
        resp = small.post("/v1/check", content=chunks(),
                          headers={"content-type": "application/json"})
        assert error_of(resp, 413)["code"] == "too_large"


def test_status_415_media_type_and_binary(client: TestClient) -> None:
    resp = client.post("/v1/check", content=b"hello", headers={"content-type": "text/plain"})
    assert error_of(resp, 415)["code"] == "unsupported_media_type"
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 100
    resp = client.post("/v1/check", files={"file": ("x.png", png, "image/png")})
    assert error_of(resp, 415)["code"] == "unsupported_input"


@pytest.mark.parametrize("payload", [
    {}, {"text": "a", "html": "<p>b</p>"}, {"text": "x", "published": "7 May"},
    {"text": "x", "bogus": 1}, {"text": "   "}, {"text": "x", "against": "not a list"}])
def test_status_422_invalid_requests(client: TestClient, payload: dict[str, Any]) -> None:
    error_of(client.post("/v1/check", json=payload), 422)


def test_status_422_bad_format(client: TestClient) -> None:
    error_of(client.post("/v1/check?format=pdf", json={"text": FALSE_TITLE}), 422)


def test_status_500_without_a_trace(monkeypatch: pytest.MonkeyPatch) -> None:
    from newscheck import pipeline

    def boom(*a: object, **k: object) -> None:
        raise RuntimeError("secret internal detail /etc/passwd")

    monkeypatch.setattr(pipeline, "check", boom)
    with make_client() as c:
        err = error_of(c.post("/v1/check", json={"text": FALSE_TITLE}), 500)
    assert err["code"] == "internal" and "secret" not in err["message"]


def test_status_503_time_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    from newscheck import pipeline

    monkeypatch.setattr(pipeline, "check", lambda *a, **k: time.sleep(1.0))
    with make_client(time_limit=0.2) as c:
        assert error_of(c.post("/v1/check", json={"text": FALSE_TITLE}), 503)["code"] == "timeout"


def test_a_worker_runs_one_check_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """Checks are CPU-bound: concurrent requests to one worker queue for its check thread
    instead of sharing the GIL (docs/service.md); each still gets its own report."""
    import threading
    import time
    from concurrent.futures import ThreadPoolExecutor

    from newscheck import pipeline

    real, lock, running, most = pipeline.check, threading.Lock(), [0], [0]

    def one(*args: object, **kwargs: object) -> object:
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
        time.sleep(0.05)
        with lock:
            running[0] -= 1
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "check", one)
    texts = [FALSE_TITLE.replace("Monday", day) for day in ("Monday", "Tuesday", "Friday")]
    with make_client() as c, ThreadPoolExecutor(6) as pool:
        answers = list(pool.map(lambda t: c.post("/v1/check", json={"text": t}), texts * 2))
    assert [a.status_code for a in answers] == [200] * 6 and most[0] == 1
    assert [a.json()["article"]["text"] for a in answers] == texts * 2


def test_404_and_405_have_the_same_shape(client: TestClient) -> None:
    error_of(client.get("/nowhere"), 404)
    error_of(client.get("/v1/check"), 405)


def test_kb_search_and_entity(client: TestClient) -> None:
    found = client.get("/v1/kb/search", params={"q": "Boris Jonson"}).json()["results"]
    assert found[0]["label"] == "Boris Johnson" and found[0]["score"] < 100
    assert found[0]["wikidata"] == "https://www.wikidata.org/wiki/Q180589"
    ent = client.get(f"/v1/kb/entities/{found[0]['id']}").json()
    uk_pm = [t for t in ent["terms"]
             if t["position_label"] == "Prime Minister of the United Kingdom"]
    assert any(t["start"] == "2019-07-24" and t["end"] == "2022-09-06" for t in uk_pm), uk_pm
    assert error_of(client.get("/v1/kb/entities/Q0"), 404)["code"] == "not_found"
    error_of(client.get("/v1/kb/search"), 422)


def test_healthz_and_openapi(client: TestClient) -> None:
    health = client.get("/healthz").json()
    assert health["status"] == "ok" and health["fetch"] is False
    spec = client.get("/openapi.json").json()
    assert {"/v1/check", "/v1/kb/search", "/v1/kb/entities/{ident}", "/healthz"} <= set(
        spec["paths"])
    body = spec["paths"]["/v1/check"]["post"]["requestBody"]["content"]
    assert {"application/json", "multipart/form-data"} <= set(body)


def test_docs_are_served_locally(client: TestClient) -> None:
    page = client.get("/docs").text
    srcs = [part.split('"')[0] for part in page.split('src="')[1:]]
    hrefs = [part.split('"')[0] for part in page.split('href="')[1:]]
    assert srcs and all(s.startswith("/") for s in srcs + hrefs), (srcs, hrefs)
    for asset in srcs + [h for h in hrefs if h.endswith((".css", ".js"))]:
        assert client.get(asset).status_code == 200, asset
    assert "<script>" not in page     # no inline script


def test_against_lists_claims_not_in_the_source(client: TestClient) -> None:
    from tests.evidence.test_against import REWRITE, SOURCE

    body = {"text": REWRITE, "against": [SOURCE], "published": "2024-03-05"}
    report = client.post("/v1/check", json=body).json()
    added = [c["text"] for c in report["claims"] if c["id"] in report["against"]["not_in_source"]]
    assert added == ["The budget also includes a new stadium for the local football club."]
    page = client.post("/v1/check?format=html", json=body).text
    box = page[page.index('id="problems"'):page.index("</section>", page.index('id="problems"'))]
    assert "Not in the source (1)" in box and "new stadium" in box


def test_against_text_is_never_a_path(client: TestClient) -> None:
    body = {"text": FALSE_TITLE, "against": ["/etc/passwd"], "published": "2023-05-08"}
    resp = client.post("/v1/check", json=body)
    assert "root:" not in resp.text


def test_json_report_round_trips(client: TestClient) -> None:
    resp = client.post("/v1/check", json={"text": FALSE_TITLE, "published": "2023-05-08"})
    assert json.loads(resp.text) == resp.json()


def test_server_corpus_is_evidence(tmp_path: Any) -> None:
    pytest.importorskip("bm25s")
    from newscheck.corpus import add_paths
    from tests.corpus.test_corpus import DOCS, _jsonl

    corpus = tmp_path / "corpus"
    add_paths(corpus, [_jsonl(tmp_path / "docs.jsonl", DOCS[:2])])
    text = ("The Harwick harbour bridge reopened to traffic on Saturday after two years of "
            "repairs, officials said.")
    with make_client(corpus=str(corpus)) as c:
        for _ in range(2):          # the second request reuses the thread's open corpus
            report = c.post("/v1/check", json={"text": text, "published": "2023-04-03"}).json()
            assert report["corpus"]["passages"] == 4
            urls = {e.get("url") for cl in report["claims"] for e in cl["evidence"]}
            assert "https://example.org/a" in urls
