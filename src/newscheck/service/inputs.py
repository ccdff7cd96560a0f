"""A ``POST /v1/check`` body → what to check: JSON or a multipart form (the page's form, or
``curl -F file=@article.html``). Exactly one of ``text``, ``html``, ``url`` or ``file``."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from starlette.datastructures import UploadFile
from starlette.requests import Request

from .errors import ApiError

MAX_AGAINST = 20


class CheckRequest(BaseModel):
    """The JSON body of ``POST /v1/check``."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(None, description="The article as plain text.")
    html: str | None = Field(None, description="The article as an HTML page.")
    url: str | None = Field(None, description="The article's http(s) address; the server "
                            "fetches it only when started with --allow-fetch.")
    published: date | None = Field(None, description="Publication date (YYYY-MM-DD); overrides "
                                   "the date found in the page.")
    against: list[str] = Field(default_factory=list, max_length=MAX_AGAINST,
                               description="Source articles (texts) the article is compared "
                               "with.")

    @model_validator(mode="after")
    def _one_input(self) -> CheckRequest:
        given = [k for k in ("text", "html", "url") if getattr(self, k)]
        if len(given) != 1:
            raise ValueError("give exactly one of text, html or url"
                             + (f" (got {', '.join(given)})" if given else ""))
        return self


@dataclass
class CheckInput:
    """What to check: the content (or a URL to fetch) and the options."""

    content: str | bytes | None
    url: str | None
    published: date | None
    against: list[str] = field(default_factory=list)
    name: str | None = None
    kind: str | None = None      # "text"/"html": str content declared so; None: detect


def _validated(data: Any) -> CheckInput:
    try:
        req = CheckRequest.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "body"
        raise ApiError(422, "invalid_request", f"{where}: {first['msg']}") from None
    kind = "text" if req.text else "html" if req.html else None
    return CheckInput(req.text or req.html, req.url, req.published, req.against, kind=kind)


async def parse_json(request: Request) -> CheckInput:
    raw = await request.body()
    try:
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ApiError(400, "invalid_json", f"the request body is not valid JSON ({exc})") from None
    if not isinstance(data, dict):
        raise ApiError(400, "invalid_json", "the request body must be a JSON object")
    return _validated(data)


async def parse_form(request: Request, max_bytes: int) -> CheckInput:
    try:
        form = await request.form(max_files=1, max_fields=MAX_AGAINST + 10,
                                  max_part_size=max_bytes)
    except ApiError:
        raise
    except Exception as exc:     # python-multipart / starlette parse errors
        raise ApiError(400, "invalid_form", f"the form data could not be read ({exc})") from None
    upload = form.get("file")
    data: dict[str, Any] = {}
    for key in ("text", "html", "url", "published"):
        value = form.get(key)
        if isinstance(value, str) and value.strip():
            data[key] = value
    data["against"] = [v for v in form.getlist("against") if isinstance(v, str) and v.strip()]
    if isinstance(upload, UploadFile) and (upload.filename or upload.size):
        content = await upload.read()
        if any(data.get(k) for k in ("text", "html", "url")):
            raise ApiError(422, "invalid_request", "give exactly one of text, html, url or file")
        published = _validated({"text": "-", "published": data.get("published"),
                                "against": data["against"]})
        return CheckInput(content, None, published.published, published.against,
                          name=upload.filename)
    given = _validated(data)
    if given.kind == "text":     # the page's box takes text or HTML: detected from the content
        given.kind = None
    return given
