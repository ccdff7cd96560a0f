"""Opt-in (``--online``) look-ups of entities missing from the KB on Wikidata's API.

``wbsearchentities`` finds ids for a name, ``wbgetentities`` fetches them (and the positions the
people held) in Wikidata's JSON; the entities go through the same import code path as a dump and
are cached in the KB. Requests are polite (a User-Agent naming newscheck, at least
``NEWSCHECK_WIKIDATA_INTERVAL`` seconds apart, 1 s by default) and time out; a network failure is
a warning (in the report's ``warnings``) and the check goes on offline, as does an answer that is
too large, too slow, not https, aimed at a private address or of the wrong shape
(:mod:`.httpget`). ``NEWSCHECK_WIKIDATA_API`` sets the base URL, the one origin that may be plain
http or local (tests point it at a loopback server).
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import threading
import time
import urllib.parse
from datetime import date
from pathlib import Path
from typing import Any

import orjson

from .. import __version__, rx
from ..errors import MalformedInput, OnlineLookupFailed
from ..model import Entity
from . import httpget
from .store import KnowledgeBase
from .wikidata import BadRecord, to_record
from .writer import Writer

log = logging.getLogger("newscheck.knowledge")

DEFAULT_API = "https://www.wikidata.org/w/api.php"
USER_AGENT = (f"newscheck/{__version__} (claim-by-claim news fact checker; "
              "https://github.com/newscheck/newscheck)")
SOURCE = "Wikidata API"
MAX_IDS = 50   # wbgetentities accepts at most 50 ids per request


MAX_REQUESTS = 200     # per session: an article's look-ups, not a crawl of Wikidata
SESSION_SECONDS = 120  # all online look-ups of one session together
MAX_SEARCH_HITS = 10
_QID = rx.compile(r"Q[1-9][0-9]{0,11}")


def _interval(value: str | None) -> float:
    if not value:
        return 1.0
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not 0 <= seconds <= 3600:     # also NaN
        raise MalformedInput(f"NEWSCHECK_WIKIDATA_INTERVAL {value!r} is not a number of seconds",
                             "set it to a number such as 1 or 0.5, or unset it")
    return seconds


def _malformed(what: str) -> OnlineLookupFailed:
    return OnlineLookupFailed(f"Wikidata answered in an unexpected shape ({what})",
                              "check NEWSCHECK_WIKIDATA_API, or run without --online")


class WikidataClient:
    """Wikidata's API, polite and distrustful: see :mod:`.httpget` for the transport bounds;
    here answers are shape-checked, ids de-duplicated and capped, and a session makes at most
    :data:`MAX_REQUESTS` requests within :data:`SESSION_SECONDS`."""

    def __init__(self, base_url: str | None = None, *, min_interval: float | None = None,
                 timeout: float = 10.0) -> None:
        configured = base_url or os.environ.get("NEWSCHECK_WIKIDATA_API")
        self.base_url = configured or DEFAULT_API
        self.configured = httpget.origin(configured) if configured else None
        self.min_interval = (min_interval if min_interval is not None
                             else _interval(os.environ.get("NEWSCHECK_WIKIDATA_INTERVAL")))
        self.timeout = timeout
        self.requests = 0
        self._started: float | None = None
        self._last = 0.0
        self._lock = threading.Lock()

    def _budget(self) -> None:
        now = time.monotonic()
        self._started = self._started if self._started is not None else now
        if self.requests >= MAX_REQUESTS or now - self._started > SESSION_SECONDS:
            raise OnlineLookupFailed(f"the online look-ups reached their limit ({MAX_REQUESTS} "
                                     f"requests or {SESSION_SECONDS} s)",
                                     "the rest of the check runs offline")
        self.requests += 1

    def _get(self, params: dict[str, str]) -> dict[str, Any]:
        query = urllib.parse.urlencode({**params, "format": "json"})
        headers = {"User-Agent": USER_AGENT, "Accept": "application/json"}
        with self._lock:
            self._budget()
            wait = self._last + self.min_interval - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            try:
                body = httpget.get(f"{self.base_url}?{query}", headers,
                                   configured=self.configured, timeout=self.timeout)
            finally:
                self._last = time.monotonic()
        try:
            data = orjson.loads(body)     # strict: no lone surrogates, a nesting limit
        except ValueError:
            raise OnlineLookupFailed("Wikidata answered with something that is not JSON") \
                from None
        if not isinstance(data, dict):
            raise _malformed(f"a JSON {type(data).__name__}, not an object")
        if "error" in data:
            err = data["error"]
            info = err.get("info", "") if isinstance(err, dict) else err
            raise OnlineLookupFailed(f"Wikidata API error: {str(info)[:200]}")
        return data

    def search(self, name: str, limit: int = 7) -> list[str]:
        limit = min(limit, MAX_SEARCH_HITS)
        data = self._get({"action": "wbsearchentities", "search": name, "language": "en",
                          "type": "item", "limit": str(limit)})
        hits = data.get("search")
        if not isinstance(hits, list):
            raise _malformed("'search' is not a list")
        ids = [h["id"] for h in hits if isinstance(h, dict) and isinstance(h.get("id"), str)
               and _QID.fullmatch(h["id"])]
        return list(dict.fromkeys(ids))[:limit]

    def get(self, ids: list[str]) -> dict[str, Any]:
        wanted = list(dict.fromkeys(i for i in ids if _QID.fullmatch(i)))
        out: dict[str, Any] = {}
        for i in range(0, len(wanted), MAX_IDS):
            batch = wanted[i:i + MAX_IDS]
            data = self._get({"action": "wbgetentities", "ids": "|".join(batch),
                              "props": "labels|aliases|descriptions|claims",
                              "languages": "en|mul"})
            entities = data.get("entities")
            if not isinstance(entities, dict):
                raise _malformed("'entities' is not an object")
            out.update({k: entities[k] for k in batch if isinstance(entities.get(k), dict)
                        and "missing" not in entities[k]})   # only what was asked for
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
            except (BadRecord, KeyError, TypeError, ValueError, AttributeError) as exc:
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
        missing = [w for w in wanted if w not in have][:MAX_IDS]   # a person holds few offices
        if missing:
            for ent in self.client.get(missing).values():
                try:
                    rec = to_record(ent, keep_all=True)
                except (BadRecord, KeyError, TypeError, ValueError, AttributeError):
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
