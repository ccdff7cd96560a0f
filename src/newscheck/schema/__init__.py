"""The JSON Schema of the ``newscheck/report@1`` contract (``report-1.json``, draft 2020-12).

``report_schema()`` returns it as a dict, e.g. for ``jsonschema.validate(report.to_dict(),
report_schema())``; jsonschema itself is not a dependency of newscheck.
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import Any

SCHEMA_FILE = "report-1.json"


@cache
def _schema_text() -> str:
    return files(__name__).joinpath(SCHEMA_FILE).read_text(encoding="utf-8")


def report_schema() -> dict[str, Any]:
    """A fresh copy of the report@1 JSON Schema (callers may modify it)."""
    schema: dict[str, Any] = json.loads(_schema_text())
    return schema
