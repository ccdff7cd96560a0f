"""``create_app(Settings)``: the REST API, the page at ``/`` and the API docs (docs/service.md).

    POST /v1/check              JSON {text|html|url, published?, against?} or a multipart form
                                → report@1 (``?format=json|html|markdown|claimreview``)
    GET  /v1/kb/search?q=NAME   people and positions by name (fuzzy)
    GET  /v1/kb/entities/{id}   an entity and its terms with dates
    GET  /healthz               status, version, knowledge base
    GET  /                      the page: paste, upload or a URL, a date, source articles
    GET  /docs, /openapi.json   the API (Swagger UI served from the package, no CDN)

The pipeline runs in the worker process's one check thread (checks queue for it) under a
per-request time limit; the knowledge base is opened once, read-only, and shared.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import threading
from dataclasses import dataclass, fields
from enum import StrEnum
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__, pipeline
from ..errors import NewscheckError
from ..model import Report
from .errors import ApiError, BodyLimit, SecurityHeaders, body, from_newscheck, log
from .inputs import CheckInput, CheckRequest, parse_form, parse_json

STATIC = resources.files("newscheck.service") / "static"
ENV_PREFIX = "NEWSCHECK_SERVE_"


@cache
def _page(name: str) -> str:
    """A static page (package data), read once per process."""
    return (STATIC / name).read_text("utf-8")


@dataclass(frozen=True)
class Settings:
    kb: str | None = None
    corpus: str | None = None
    allow_fetch: bool = False
    max_body: int = 5_000_000
    time_limit: float = 20.0
    fetch_timeout: float = 10.0

    def to_env(self) -> dict[str, str]:
        return {ENV_PREFIX + f.name.upper(): json.dumps(getattr(self, f.name))
                for f in fields(self)}

    @classmethod
    def from_env(cls) -> Settings:
        values = {f.name: json.loads(os.environ[ENV_PREFIX + f.name.upper()])
                  for f in fields(cls) if ENV_PREFIX + f.name.upper() in os.environ}
        return cls(**values)


class Format(StrEnum):
    json = "json"
    html = "html"
    markdown = "markdown"
    claimreview = "claimreview"


_CHECK_BODY = {
    "required": True,
    "content": {
        "application/json": {"schema": CheckRequest.model_json_schema()},
        "multipart/form-data": {"schema": {"type": "object", "properties": {
            "file": {"type": "string", "format": "binary",
                     "description": "The article file (HTML or text)."},
            "text": {"type": "string"}, "html": {"type": "string"}, "url": {"type": "string"},
            "published": {"type": "string", "format": "date"},
            "against": {"type": "array", "items": {"type": "string"}}}}},
    },
}
_ERROR = {"description": "Error", "content": {"application/json": {"example": body(
    "code", "what went wrong and what to do")}}}


def app_from_env() -> FastAPI:
    """The uvicorn factory used by ``newscheck serve`` (settings come from the environment so
    that every worker process builds the same app)."""
    return create_app(Settings.from_env())


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    from ..knowledge import open_kb

    kb = open_kb(settings.kb)
    if settings.corpus:         # fail at start on a bad --corpus, not on the first request
        from ..corpus import open_corpus

        open_corpus(settings.corpus).close()
    app = FastAPI(title="newscheck", version=__version__, docs_url=None, redoc_url=None,
                  description="Claim-by-claim, time-aware fact checking of news articles.")
    app.state.kb, app.state.settings = kb, settings
    app.add_middleware(BodyLimit, max_bytes=settings.max_body)
    app.add_middleware(SecurityHeaders)
    _errors(app)
    _pages(app)

    @app.get("/healthz", tags=["service"])
    def healthz() -> dict[str, Any]:
        return {"status": "ok", "version": __version__, "knowledge": kb.info(),
                "fetch": settings.allow_fetch}

    @app.post("/v1/check", tags=["check"], openapi_extra={"requestBody": _CHECK_BODY},
              responses=dict.fromkeys((400, 413, 415, 422, 500, 502, 503), _ERROR))
    async def check(request: Request,
                    format: Annotated[Format, Query(description="Report format.")] = Format.json,
                    ) -> Response:
        """Check one article: the report@1 JSON, or HTML, Markdown or ClaimReview."""
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if ctype == "application/json":
            given = await parse_json(request)
        elif ctype in ("multipart/form-data", "application/x-www-form-urlencoded"):
            given = await parse_form(request, settings.max_body)
        else:
            raise ApiError(415, "unsupported_media_type",
                           f"send application/json or a form (multipart/form-data), not "
                           f"{ctype or 'no content type'}")
        try:
            report = await asyncio.wait_for(_checked(app, given, kb, settings),
                                            timeout=settings.time_limit)
        except TimeoutError:
            raise ApiError(503, "timeout", f"the check took longer than the limit of "
                           f"{settings.time_limit:g} s") from None
        return _render(report, format)

    @app.get("/v1/kb/search", tags=["knowledge"], responses={422: _ERROR})
    def kb_search(q: Annotated[str, Query(min_length=1, max_length=200)],
                  limit: Annotated[int, Query(ge=1, le=50)] = 10) -> dict[str, Any]:
        """People and positions whose name resembles ``q`` (misspelt or partial), best first."""
        from ..knowledge.search import fuzzy_search

        return {"query": q, "results": [
            {**_entity(m.entity), "matched": m.alias, "score": m.score}
            for m in fuzzy_search(kb, q, limit=limit)]}

    @app.get("/v1/kb/entities/{ident}", tags=["knowledge"], responses={404: _ERROR, 422: _ERROR})
    def kb_entity(ident: str) -> dict[str, Any]:
        """An entity and its terms (positions held, or holders of a position) with dates."""
        from ..knowledge.serialize import term_dict

        entity = kb.entity(ident)
        if entity is None:
            raise ApiError(404, "not_found", f"no entity {ident!r} in the knowledge base")
        terms = (kb.positions(entity.id) if entity.kind == "person" else
                 kb.holders(entity.id) if entity.kind == "position" else [])
        return {**_entity(entity), "terms": [term_dict(t) for t in terms]}

    return app


def _entity(entity: Any) -> dict[str, Any]:
    from ..knowledge.serialize import entity_dict

    out = entity_dict(entity)
    is_wd = entity.id[:1] == "Q" and entity.id[1:].isdigit()
    out["wikidata"] = f"https://www.wikidata.org/wiki/{entity.id}" if is_wd else None
    return out


_local = threading.local()


def _thread_corpus(path: str) -> Any:
    """The reference corpus opened once per worker thread (its store is not shared between
    threads) and kept open for the thread's next requests."""
    corpus = getattr(_local, "corpus", None)
    if corpus is None:
        from ..corpus import open_corpus

        corpus = _local.corpus = open_corpus(path)
    return corpus


async def _checked(app: FastAPI, given: CheckInput, kb: Any, settings: Settings) -> Report:
    """Fetch if asked (a worker thread: I/O, any number at once), then the pipeline in this
    process's one check thread. Checks are CPU-bound Python: threads sharing the GIL only slow
    each other (8 concurrent requests on 2 workers: 70 req/s with a thread per request, see
    docs/service.md), so a worker runs one check at a time and the others wait in the event loop
    (the time limit counts the wait). ``newscheck serve --workers N`` is what scales."""
    import anyio

    fetched = await run_in_threadpool(_fetch, given, settings) if given.url else None
    limiter = getattr(app.state, "check_limiter", None)
    if limiter is None:         # made in the event loop, on the first request
        limiter = app.state.check_limiter = anyio.CapacityLimiter(1)
    return await anyio.to_thread.run_sync(_run, given, kb, settings, fetched, limiter=limiter)


def _fetch(given: CheckInput, settings: Settings) -> Any:
    if not settings.allow_fetch:
        raise ApiError(400, "fetch_disabled", "this server does not fetch URLs (it was "
                       "started without --allow-fetch); send the page as html instead")
    from ..intake.fetch import fetch

    assert given.url is not None
    return fetch(given.url, allow_private=False, max_bytes=settings.max_body,
                 timeout=min(settings.fetch_timeout, settings.time_limit))


def _run(given: CheckInput, kb: Any, settings: Settings, fetched: Any = None) -> Report:
    """The blocking part of a check (in the check thread): the pipeline."""
    content = fetched.data if fetched is not None else given.content
    extra: dict[str, Any] = {}
    if given.against:           # bytes: a source text is content, never a path or URL
        extra["against"] = [a.encode("utf-8") for a in given.against]
    if settings.corpus:
        extra["corpus"] = _thread_corpus(settings.corpus)
    assert content is not None
    # a request's content is never taken for a path or URL: str goes in as text= or html=, or
    # as bytes when its format is to be detected (the page's box takes text or HTML)
    if isinstance(content, str) and given.kind in ("text", "html"):
        extra[given.kind] = content
    else:
        extra["source"] = content.encode("utf-8") if isinstance(content, str) else content
    report = pipeline.check(published=given.published, kb=kb, max_bytes=settings.max_body,
                            **extra)
    if fetched is not None:
        report.article.source = fetched.final_url
        report.article.url = report.article.url or fetched.final_url
    elif given.name:
        report.article.source = Path(given.name).name
    return report


def _render(report: Report, fmt: Format) -> Response:
    if fmt is Format.html:
        from ..report.html import render_html

        return HTMLResponse(render_html(report, standalone=False, assets="/static"))
    if fmt is Format.markdown:
        from ..report.markdown import render_markdown

        return Response(render_markdown(report), media_type="text/markdown; charset=utf-8")
    if fmt is Format.claimreview:
        from ..report.claimreview import render_claimreview

        return Response(render_claimreview(report), media_type="application/ld+json")
    return JSONResponse(report.to_dict())


def _error_response(request: Request, err: ApiError) -> Response:
    wants_page = (request.query_params.get("format") == "html"
                  and "text/html" in request.headers.get("accept", ""))
    if wants_page:   # the page's form: answer a person with a page, same status
        from ..report.html import esc

        page = _page("error.html")
        return HTMLResponse(page.replace("{message}", esc(err.message)), status_code=err.status)
    return JSONResponse(body(err.code, err.message), status_code=err.status)


def _errors(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> Response:
        return _error_response(request, exc)

    @app.exception_handler(NewscheckError)
    async def newscheck_error(request: Request, exc: NewscheckError) -> Response:
        return _error_response(request, from_newscheck(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        first = exc.errors()[0] if exc.errors() else {"loc": (), "msg": "invalid request"}
        where = ".".join(str(p) for p in first["loc"])
        return _error_response(request, ApiError(422, "invalid_request",
                                                 f"{where}: {first['msg']}"))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        return _error_response(request, ApiError(exc.status_code, code, str(exc.detail)))

    @app.exception_handler(Exception)
    async def internal(request: Request, exc: Exception) -> Response:
        log.exception("internal error on %s %s", request.method, request.url.path)
        return JSONResponse(body("internal", "internal error: the check failed unexpectedly; "
                                 "the server log has the details"), status_code=500)


def _pages(app: FastAPI) -> None:
    @app.get("/", include_in_schema=False)
    def index() -> HTMLResponse:
        return HTMLResponse(_page("index.html"))

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)

    @app.get("/static/report.css", include_in_schema=False)
    def report_css() -> Response:
        from ..report.html import css

        return Response(css(), media_type="text/css")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(_page("docs.html"))

    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    try:
        from swagger_ui_bundle import swagger_ui_path
    except ImportError:   # the docs page then says so and links /openapi.json
        logging.getLogger(__name__).warning("swagger-ui-bundle-v2 missing: /docs has no UI")
    else:
        app.mount("/docs-assets", StaticFiles(directory=str(swagger_ui_path)), name="docs")
