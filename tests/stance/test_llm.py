"""The --llm-endpoint back-end against a fake OpenAI-compatible server on loopback."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar

import pytest

from newscheck.errors import StanceEndpointError
from newscheck.stance import load_stance
from newscheck.stance.llm import chat_url, parse_answer


class FakeChat(BaseHTTPRequestHandler):
    """Answers 'refute' when the passage contains 'not', else 'support'; records requests."""

    requests: ClassVar[list[dict[str, Any]]] = []
    status = 200
    body: str | None = None

    def do_POST(self) -> None:
        payload = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).requests.append({"path": self.path, "payload": payload,
                                    "auth": self.headers.get("Authorization")})
        user = payload["messages"][-1]["content"]
        label = "refute" if " not " in user else "support"
        body = self.body if self.body is not None else json.dumps(
            {"choices": [{"message": {"role": "assistant",
                                      "content": json.dumps({"label": label,
                                                             "confidence": 0.9})}}]})
        self.send_response(self.status)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body.encode())

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    FakeChat.requests, FakeChat.status, FakeChat.body = [], 200, None
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), FakeChat)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/v1"
    httpd.shutdown()
    httpd.server_close()


def test_stances_come_from_the_endpoint(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSCHECK_LLM_MODEL", "house-model")
    monkeypatch.setenv("NEWSCHECK_LLM_API_KEY", "k123")
    model = load_stance(llm_endpoint=server)
    results = model.predict([("The dam was finished in 1990.", "The dam was finished in 1990."),
                             ("The dam was finished in 1990.", "The dam was not finished.")])
    assert [r.label for r in results] == ["support", "refute"]
    assert results[0].probs["support"] == pytest.approx(0.9)
    sent = FakeChat.requests[0]
    assert sent["path"] == "/v1/chat/completions" and sent["auth"] == "Bearer k123"
    assert sent["payload"]["model"] == "house-model" and sent["payload"]["temperature"] == 0


def test_an_http_error_is_a_stance_endpoint_error(server: str) -> None:
    FakeChat.status = 500
    with pytest.raises(StanceEndpointError, match="HTTP 500"):
        load_stance(llm_endpoint=server).predict([("a", "b")])


def test_a_reply_without_a_message_is_an_error(server: str) -> None:
    FakeChat.body = '{"error": "overloaded"}'
    with pytest.raises(StanceEndpointError, match="no chat message"):
        load_stance(llm_endpoint=server).predict([("a", "b")])


def test_an_unreachable_endpoint_is_an_error() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(StanceEndpointError, match="cannot reach"):
        load_stance(llm_endpoint=f"http://127.0.0.1:{port}/v1").predict([("a", "b")])


def test_not_called_unless_given(server: str) -> None:
    load_stance().predict([("a claim", "a passage")])
    assert FakeChat.requests == []


def test_parse_answer_reads_json_or_a_bare_word() -> None:
    assert parse_answer('{"label": "neutral", "confidence": 0.6}').label == "neutral"
    assert parse_answer("I think it Refutes the claim.").label == "refute"
    with pytest.raises(StanceEndpointError):
        parse_answer("no idea")


def test_chat_url() -> None:
    assert chat_url("http://h:1/v1/") == "http://h:1/v1/chat/completions"
    assert chat_url("http://h:1/v1/chat/completions") == "http://h:1/v1/chat/completions"
    with pytest.raises(StanceEndpointError):
        chat_url("localhost:8000")
