"""Opt-in (``--online``) look-ups of entities missing from the KB on Wikidata's API.

``wbsearchentities`` finds ids for a name, ``wbgetentities`` fetches them (and the positions the
people held) in Wikidata's JSON; the entities go through the same import code path as a dump and
are cached in the KB. Requests are polite (a User-Agent naming newscheck, at least
``NEWSCHECK_WIKIDATA_INTERVAL`` seconds apart, 1 s by default) and time out; a network failure is
a warning and the check goes on offline. ``NEWSCHECK_WIKIDATA_API`` sets the base URL (tests
point it at a local server).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sqlite3
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from datetime import date
from pathlib import Path
from typing import Any

from .. import __version__
from ..errors import OnlineLookupFailed
from ..model import Entity
from .store import KnowledgeBase
from .wikidata import BadRecord, to_record
from .writer import Writer

log = logging.getLogger("newscheck.knowledge")

DEFAULT_API = "https://www.wikidata.org/w/api.php"
USER_AGENT = (f"newscheck/{__version__} (claim-by-claim news fact checker; "
              "https://github.com/newscheck/newscheck)")
SOURCE = "Wikidata API"
MAX_IDS = 50   # wbgetentities accepts at most 50 ids per request


class WikidataClient:
    def __init__(self, base_url: str | None = None, *, min_interval: float | None = None,
                 timeout: float = 10.0) -> None:
        self.base_url = base_url or os.environ.get("NEWSCHECK_WIKIDATA_API") or DEFAULT_API
        env_interval = os.environ.get("NEWSCHECK_WIKIDATA_INTERVAL")
        self.min_interval = (min_interval if min_interval is not None
                             else float(env_interval) if env_interval else 1.0)
        self.timeout = timeout
        self._last = 0.0
        self._lock = threading.Lock()

    def _get(self, params: dict[str, str]) -> Any:
        query = urllib.parse.urlencode({**params, "format": "json"})
        req = urllib.request.Request(f"{self.base_url}?{query}",
                                     headers={"User-Agent": USER_AGENT,
                                              "Accept": "application/json"})
        with self._lock:
            wait = self._last + self.min_interval - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            try:
                with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                    body = resp.read()
            except (urllib.error.URLError, OSError, TimeoutError) as exc:
                raise OnlineLookupFailed(f"Wikidata look-up failed: {exc}",
                                         "check the network or run without --online") from None
            finally:
                self._last = time.monotonic()
        try:
            data = json.loads(body)
        except ValueError:
            raise OnlineLookupFailed("Wikidata answered with something that is not JSON") \
                from None
        if isinstance(data, dict) and "error" in data:
            raise OnlineLookupFailed(f"Wikidata API error: {data['error'].get('info', '')}")
        return data

    def search(self, name: str, limit: int = 7) -> list[str]:
        data = self._get({"action": "wbsearchentities", "search": name, "language": "en",
                          "type": "item", "limit": str(limit)})
        return [str(hit["id"]) for hit in data.get("search", []) if "id" in hit]

    def get(self, ids: list[str]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for i in range(0, len(ids), MAX_IDS):
            data = self._get({"action": "wbgetentities", "ids": "|".join(ids[i:i + MAX_IDS]),
                              "props": "labels|aliases|descriptions|claims",
                              "languages": "en|mul"})
            out.update({k: v for k, v in data.get("entities", {}).items() if "missing" not in v})
        return out


class OnlineKnowledgeBase(KnowledgeBase):
    """A KB whose ``search()`` and ``entity()`` fall back to Wikidata for what it lacks."""

    def __init__(self, conn: sqlite3.Connection, path: Path | str, *,
                 client: WikidataClient | None = None) -> None:
        super().__init__(conn, path)
        self.client = client or WikidataClient()
        self.offline = False
        self.warnings: list[str] = []
        self._asked: set[str] = set()
        self._writer = Writer(conn, SOURCE)

    def _fetch(self, ids: list[str]) -> None:
        """Fetch entities (and the positions fetched people held) and cache them in the KB."""
        entities = self.client.get(ids)
        records = []
        for ent in entities.values():
            try:
                rec = to_record(ent, keep_all=True)
            except (BadRecord, KeyError, TypeError, ValueError) as exc:
                log.warning("skipping a malformed entity from Wikidata: %s", exc)
                continue
            if rec is not None:
                records.append(rec)
        known = {r.id for r in records}
        wanted = sorted({s.value for r in records for s in r.statements if s.property == "P39"}
                        - known)
        with self._lock:
            have = {row[0] for i in range(0, len(wanted), 500) for row in self.conn.execute(
                f"SELECT id FROM items WHERE id IN ({','.join('?' * len(wanted[i:i + 500]))})",
                wanted[i:i + 500])}
        missing = [w for w in wanted if w not in have]
        if missing:
            for ent in self.client.get(missing).values():
                try:
                    rec = to_record(ent, keep_all=True)
                except (BadRecord, KeyError, TypeError, ValueError):
                    continue
                if rec is not None:
                    records.append(rec)
        with self._lock:
            for rec in records:
                self._writer.put(rec)
            self._writer.finish(kind="online", file=self.client.base_url,
                                as_of=date.today().isoformat())
            self.conn.commit()
            self._reset()

    def _guard(self, what: str, ids: list[str] | None = None, name: str | None = None) -> None:
        if self.offline:
            return
        try:
            if name is not None:
                ids = [i for i in self.client.search(name) if KnowledgeBase.entity(self, i) is None]
            if ids:
                self._fetch(ids)
        except (OnlineLookupFailed, sqlite3.Error) as exc:
            self.offline = True   # one failure: stay offline for the rest of the session
            reason = exc.message if isinstance(exc, OnlineLookupFailed) else f"cache: {exc}"
            if isinstance(exc, sqlite3.Error):
                with contextlib.suppress(sqlite3.Error):
                    self.conn.rollback()
            msg = f"online look-up of {what} failed; continuing offline ({reason})"
            self.warnings.append(msg)
            log.warning(msg)

    def search(self, name: str, limit: int = 10) -> list[Entity]:
        found = super().search(name, limit)
        key = name.strip().casefold()
        if found or not key or key in self._asked:
            return found
        self._asked.add(key)
        self._guard(repr(name), name=name)
        return super().search(name, limit)

    def entity(self, id: str) -> Entity | None:
        found = super().entity(id)
        if found is not None or id in self._asked or not id[1:].isdigit() or id[:1] != "Q":
            return found
        self._asked.add(id)
        self._guard(id, ids=[id])
        return super().entity(id)
