"""Checks every ``newscheck/report@1`` dict must pass, for any test that builds or gets a report.

    from tests.report.invariants import check_report_invariants
    check_report_invariants(report.to_dict())

The JSON Schema covers types and required fields; the cross-field rules a schema cannot express
(offsets slice the text, counts add up, periods run forwards) are checked here.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import jsonschema

from newscheck.schema import report_schema

_VALIDATOR = jsonschema.Draft202012Validator(
    report_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def schema_errors(report: dict[str, Any]) -> list[str]:
    """Schema violations as ``"path: message"`` strings (empty when valid)."""
    return [f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message}"
            for e in sorted(_VALIDATOR.iter_errors(report), key=lambda e: list(e.path))]


def invariant_errors(report: dict[str, Any]) -> list[str]:
    """Violations of the cross-field rules of report@1 (assumes the schema is satisfied)."""
    errors: list[str] = []
    text: str = report["article"]["text"]
    claims: list[dict[str, Any]] = report["claims"]

    ids = Counter(c["id"] for c in claims)
    errors += [f"claim id {i!r} used {n} times" for i, n in ids.items() if n > 1]

    verdicts = Counter(c["verdict"] for c in claims)
    expected = {"claims": len(claims), **{v: verdicts.get(v, 0)
                                          for v in ("supported", "refuted",
                                                    "not_enough_evidence")}}
    for key, value in expected.items():
        if report["summary"][key] != value:
            errors.append(f"summary.{key} is {report['summary'][key]}, claims say {value}")

    errors += _period_errors("anchor", report["anchor"])
    for c in claims:
        where = f"claim {c['id']}"
        start, end = c["start"], c["end"]
        if start > end:
            errors.append(f"{where}: start {start} > end {end}")
        elif end > len(text):
            errors.append(f"{where}: end {end} beyond the text ({len(text)} characters)")
        elif text[start:end] != c["text"]:
            errors.append(f"{where}: text[{start}:{end}] is {text[start:end]!r}, "
                          f"claim text is {c['text']!r}")
        errors += _period_errors(f"{where} time", c["time"])
        for role in ("subject", "object"):
            ref = c[role]
            if ref is None or "start" not in ref:
                continue
            s, e = ref["start"], ref["end"]
            if not 0 <= s <= e <= len(text):
                errors.append(f"{where} {role}: span {s}..{e} outside the text")
            elif text[s:e] != ref["mention"]:
                errors.append(f"{where} {role}: text[{s}:{e}] is {text[s:e]!r}, "
                              f"mention is {ref['mention']!r}")
    return errors


def _period_errors(where: str, anchor: dict[str, Any]) -> list[str]:
    start, end = anchor.get("start"), anchor.get("end")
    if start and end and start > end:  # ISO dates compare as strings
        return [f"{where}: period start {start} after end {end}"]
    return []


def check_report_invariants(report: dict[str, Any]) -> None:
    """Assert ``report`` is valid report@1: the JSON Schema, then the cross-field rules."""
    errors = schema_errors(report)
    if not errors:
        errors = invariant_errors(report)
    assert not errors, "invalid newscheck/report@1:\n  " + "\n  ".join(errors)
