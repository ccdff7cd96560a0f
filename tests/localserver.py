"""A tiny HTTP server on 127.0.0.1 for the tests of code that fetches pages (never the network).

Routes: ``/article`` (an HTML article), ``/gz`` (the same, gzip-encoded), ``/redirect/N``
(N hops, then the article), ``/loop`` (redirects to itself), ``/to?u=URL`` (redirects to URL),
``/big`` (2 MB), ``/bomb`` (a gzip body that decodes to 20 MB), ``/slow`` (waits 3 s),
``/missing`` (404), ``/image`` (a PNG). Every request's headers are kept in ``server.seen``.
"""

from __future__ import annotations

import gzip
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

ARTICLE = (Path(__file__).resolve().parents[1] / "examples" / "seoul-summit.html").read_bytes()
BOMB = gzip.compress(b" " * 20_000_000, compresslevel=1)


class _Handler(BaseHTTPRequestHandler):
    server: LocalServer

    def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
        pass

    def _send(self, status: int, body: bytes, ctype: str = "text/html; charset=utf-8",
              headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        self.server.seen.append(dict(self.headers.items()))
        parts = urlsplit(self.path)
        path = parts.path
        if path == "/article":
            self._send(200, ARTICLE)
        elif path == "/gz":
            self._send(200, gzip.compress(ARTICLE), headers={"Content-Encoding": "gzip"})
        elif path.startswith("/redirect/"):
            n = int(path.rsplit("/", 1)[1])
            where = "/article" if n <= 0 else f"/redirect/{n - 1}"
            self._send(302, b"", headers={"Location": where})
        elif path == "/loop":
            self._send(302, b"", headers={"Location": "/loop"})
        elif path == "/to":
            self._send(302, b"", headers={"Location": parse_qs(parts.query)["u"][0]})
        elif path == "/big":
            self._send(200, b"<p>" + b"word " * 400_000 + b"</p>")
        elif path == "/bomb":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Encoding", "gzip")
            self.end_headers()       # no Content-Length: the cap must hold while decoding
            self.wfile.write(BOMB)
        elif path == "/slow":
            time.sleep(3)
            self._send(200, ARTICLE)
        elif path == "/image":
            self._send(200, b"\x89PNG\r\n\x1a\n" + b"\x00" * 200, "image/png")
        else:
            self._send(404, b"not here", "text/plain")


class LocalServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.seen: list[dict[str, str]] = []

    def handle_error(self, request: object, client_address: object) -> None:
        """A client that gave up (a timeout test) breaks the pipe: not worth a traceback."""

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


@contextmanager
def local_server() -> Iterator[LocalServer]:
    server = LocalServer()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
