"""Online look-ups against a local server replaying Wikidata API responses (no network)."""

from __future__ import annotations

import itertools
import json
import threading
import time
from collections.abc import Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import parse_qs, urlparse

import pytest

from newscheck.knowledge import KnowledgeBase, open_kb
from newscheck.knowledge.importer import import_files
from newscheck.knowledge.online import WikidataClient

from .kbhelpers import FM_JAPAN, KISHIDA, KONO, isolate, japan_entities, write_dump

ENTITIES = {e["id"]: e for e in japan_entities()}


class Replay(BaseHTTPRequestHandler):
    """Answers wbsearchentities and wbgetentities the way www.wikidata.org/w/api.php does."""

    log: ClassVar[list[tuple[float, dict[str, list[str]], str]]] = []

    def do_GET(self) -> None:
        q = parse_qs(urlparse(self.path).query)
        Replay.log.append((time.monotonic(), q, self.headers.get("User-Agent", "")))
        action = q.get("action", [""])[0]
        body: dict[str, Any]
        if action == "wbsearchentities":
            term = q["search"][0].casefold()
            hits = [e for e in ENTITIES.values()
                    if term in e["labels"]["en"]["value"].casefold()]
            body = {"searchinfo": {"search": q["search"][0]}, "search": [
                {"id": e["id"], "title": e["id"], "pageid": 1000 + i, "repository": "wikidata",
                 "url": f"//www.wikidata.org/wiki/{e['id']}", "concepturi":
                 f"http://www.wikidata.org/entity/{e['id']}", "label": e["labels"]["en"]["value"],
                 "match": {"type": "label", "language": "en",
                           "text": e["labels"]["en"]["value"]}}
                for i, e in enumerate(hits)], "search-continue": 7, "success": 1}
        elif action == "wbgetentities":
            body = {"entities": {i: ENTITIES.get(i, {"id": i, "missing": ""})
                                 for i in q["ids"][0].split("|")}, "success": 1}
        else:
            body = {"error": {"code": "badvalue", "info": "Unrecognized value for action"}}
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    Replay.log = []
    srv = ThreadingHTTPServer(("127.0.0.1", 0), Replay)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{srv.server_address[1]}/w/api.php"
    srv.shutdown()
    srv.server_close()


@pytest.fixture
def kb_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    isolate(monkeypatch, tmp_path)
    path = tmp_path / "kb.sqlite"
    # A KB that knows Japan's offices but not the people.
    import_files(path, [write_dump(tmp_path / "pos.json", japan_entities()[4:])])
    return path


def test_missing_person_is_fetched_and_cached(server: str, kb_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSCHECK_WIKIDATA_API", server)
    monkeypatch.setenv("NEWSCHECK_WIKIDATA_INTERVAL", "0")
    with open_kb(kb_path) as offline:
        assert offline.search("Fumio Kishida") == []
    with open_kb(kb_path, online=True) as kb:
        (found,) = kb.search("Fumio Kishida")
        assert found.id == KISHIDA
        assert [t.person for t in kb.holders(FM_JAPAN, date(2015, 1, 1))] == [KISHIDA]
        assert kb.search("Fumio Kishida")[0].id == KISHIDA
    actions = [q["action"][0] for _, q, _ in Replay.log]
    assert actions == ["wbsearchentities", "wbgetentities"]
    assert all(ua.startswith("newscheck/") for _, _, ua in Replay.log)
    with KnowledgeBase.open(kb_path) as cached:             # cached in the KB, offline now
        (term,) = cached.positions(KISHIDA, date(2015, 1, 1))
        assert term.source == "Wikidata API"


def test_entity_by_id_is_fetched(server: str, kb_path: Path,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSCHECK_WIKIDATA_API", server)
    monkeypatch.setenv("NEWSCHECK_WIKIDATA_INTERVAL", "0")
    with open_kb(kb_path, online=True) as kb:
        kono = kb.entity(KONO)
        assert kono is not None and kono.label == "Taro Kono"
        assert kb.entity("Q900000404") is None


def test_network_failure_warns_and_continues_offline(kb_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSCHECK_WIKIDATA_API", "http://127.0.0.1:9/w/api.php")  # discard port
    with open_kb(kb_path, online=True) as kb:
        assert kb.search("Fumio Kishida") == []
        assert kb.offline and "continuing offline" in kb.warnings[0]
        assert kb.search("Taro Kono") == []                 # no second attempt
        assert len(kb.warnings) == 1
        assert kb.entity(FM_JAPAN) is not None              # the local KB still answers


def test_requests_are_rate_limited(server: str) -> None:
    client = WikidataClient(server, min_interval=0.3)
    client.search("Kishida")
    client.search("Kono")
    client.get([KISHIDA])
    times = [t for t, _, _ in Replay.log]
    assert all(b - a >= 0.29 for a, b in itertools.pairwise(times))


def test_starter_pack_online_writes_to_memory_only(server: str, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    isolate(monkeypatch, tmp_path)
    from newscheck.knowledge import starter

    from .test_starter import write_pack

    pack = write_pack(tmp_path / "pack")
    monkeypatch.setattr(starter, "default_pack_dir", lambda: pack)
    monkeypatch.setenv("NEWSCHECK_WIKIDATA_API", server)
    monkeypatch.setenv("NEWSCHECK_WIKIDATA_INTERVAL", "0")
    cache = starter.cached_kb()
    before = cache.read_bytes()
    with open_kb(online=True) as kb:
        assert kb.search("Yoshihide Suga")[0].id == "Q122465"
    assert cache.read_bytes() == before
