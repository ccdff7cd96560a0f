"""`newscheck serve`: starts, answers on 127.0.0.1, stops; a bad option is one line and the
documented exit code, before anything listens."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests.test_cli import assert_clean_error, run


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_serve_starts_on_loopback_and_answers() -> None:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "newscheck.cli", "serve", "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                resp = httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1)
                break
            except httpx.HTTPError:
                assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
                assert time.monotonic() < deadline, "the server did not start"
                time.sleep(0.1)
        assert resp.json()["status"] == "ok"
        check = httpx.post(f"http://127.0.0.1:{port}/v1/check",
                           json={"text": "British Prime Minister Boris Johnson spoke on Monday.",
                                 "published": "2023-05-08"}, timeout=30)
        assert check.json()["summary"]["refuted"] == 1
        assert "server" not in check.headers                 # no server banner
    finally:
        proc.terminate()
        proc.wait(timeout=15)


def test_serve_bad_kb_fails_before_listening(tmp_path: Path) -> None:
    assert_clean_error(run("serve", "--kb", str(tmp_path / "none.kb"), "--port", "1"), 10,
                       "no knowledge base")


def test_serve_bad_corpus_fails_before_listening(tmp_path: Path) -> None:
    proc = run("serve", "--corpus", str(tmp_path / "none"), "--port", "1")
    assert proc.returncode not in (0, 70) and "Traceback" not in proc.stderr.decode()
    assert proc.stderr.decode().startswith("newscheck: error:")
