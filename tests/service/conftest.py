"""The API under FastAPI's test client, on the starter pack."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the API tests need the server extra")
pytest.importorskip("httpx", reason="the API tests need httpx")

from fastapi.testclient import TestClient

from newscheck.service.app import Settings, create_app

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = (ROOT / "examples" / "seoul-summit.html").read_text(encoding="utf-8")
FALSE_TITLE = ("British Prime Minister Boris Johnson welcomed the agreement on Monday, "
               "officials in London said.")


def make_client(**settings: object) -> TestClient:
    return TestClient(create_app(Settings(**settings)), raise_server_exceptions=False)  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def client() -> Iterator[TestClient]:
    with make_client() as c:
        yield c
