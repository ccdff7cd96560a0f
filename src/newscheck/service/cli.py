"""``newscheck serve``: run the API and the page with uvicorn (extra ``server``)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer


def serve(
    host: Annotated[str, typer.Option(help="Address to bind; the default is this machine only.")]
    = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    kb: Annotated[Path | None, typer.Option(help="Knowledge base file (default as for "
                                                 "`newscheck check`).")] = None,
    corpus: Annotated[Path | None, typer.Option(help="Reference corpus directory (`newscheck "
                                                     "corpus add`) used as evidence.")] = None,
    allow_fetch: Annotated[bool, typer.Option(help="Fetch articles given as URLs (never from "
                                                   "this machine or private networks).")]
    = False,
    workers: Annotated[int, typer.Option(min=1, max=64, help="Worker processes.")] = 1,
    max_body: Annotated[int, typer.Option(help="Largest request body in bytes (413 above).")]
    = 5_000_000,
    time_limit: Annotated[float, typer.Option(help="Seconds allowed per check (503 "
                                                   "above).")] = 20.0,
) -> None:
    """Serve the REST API (/v1/check, /v1/kb/…), the web page at / and the API docs at /docs."""
    import os

    from ..errors import require

    # a NewscheckError here (a bad --kb, a missing extra) is one line and its exit code (cli.main)
    require("fastapi", "server")
    uvicorn: Any = require("uvicorn", "server")
    from .app import Settings, create_app

    settings = Settings(kb=str(kb) if kb else None, corpus=str(corpus) if corpus else None,
                        allow_fetch=allow_fetch, max_body=max_body, time_limit=time_limit)
    create_app(settings).state.kb.close()   # fail here, once, on a bad KB or option
    os.environ.update(settings.to_env())
    typer.echo(f"newscheck: serving on http://{host}:{port}/ (API docs at /docs)", err=True)
    uvicorn.run("newscheck.service.app:app_from_env", factory=True, host=host, port=port,
                workers=workers, log_level="warning", server_header=False)
