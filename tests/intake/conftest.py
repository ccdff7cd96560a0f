"""Shared fixtures for the intake tests: the data folder and a small article body."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"

BODY = ("The small harbour town of Eastwick opened its new public library on Saturday, two years "
        "after building work began on the site of a former warehouse by the water. The building "
        "has three floors and a children's reading room, the town council said.")
BODY2 = ("About four hundred people attended the opening, according to organisers, and the first "
         "visitors borrowed more than a thousand books during the weekend.")


@pytest.fixture
def data_dir() -> Path:
    return DATA


def html_page(body_html: str, head: str = "") -> str:
    """A minimal page around ``body_html`` (with enough text for trafilatura to keep it)."""
    return (f"<!DOCTYPE html><html><head>{head}<title>Library opens</title></head><body>"
            f"<article><h1>Library opens</h1>{body_html}<p>{BODY}</p><p>{BODY2}</p>"
            f"</article></body></html>")
