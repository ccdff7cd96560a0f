"""report@1: the JSON Schema accepts what Report.to_dict() produces and rejects broken reports."""

from __future__ import annotations

import copy
import json
from datetime import date
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from newscheck.model import Article, Claim, Report, TimeAnchor, Verdict
from newscheck.report import render
from newscheck.schema import report_schema
from tests.report.invariants import check_report_invariants, invariant_errors, schema_errors
from tests.report.samples import empty_report, hostile_report, sample_report


def test_schema_is_valid_draft_2020_12() -> None:
    schema = report_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_report_schema_returns_a_fresh_copy() -> None:
    report_schema()["properties"].clear()
    assert "claims" in report_schema()["properties"]


@pytest.mark.parametrize("build", [sample_report, hostile_report, empty_report])
def test_hand_built_reports_are_valid(build: Any) -> None:
    check_report_invariants(build().to_dict())


def test_json_renderer_output_round_trips_and_validates() -> None:
    data = json.loads(render(sample_report(), "json"))
    assert data == sample_report().to_dict()
    check_report_invariants(data)


def test_unchecked_claim_is_reported_as_not_enough_evidence() -> None:
    data = sample_report().to_dict()
    unchecked = next(c for c in data["claims"] if c["id"] == "c5")
    assert unchecked["verdict"] == "not_enough_evidence"
    assert data["summary"] == {"claims": 6, "supported": 3, "refuted": 1,
                               "not_enough_evidence": 2}


def _broken(mutate: Any) -> dict[str, Any]:
    data = copy.deepcopy(sample_report().to_dict())
    mutate(data)
    return data


SCHEMA_BREAKS = {
    "wrong verdict": lambda d: d["claims"][0].update(verdict="true"),
    "wrong kind": lambda d: d["claims"][0].update(kind="opinion"),
    "missing explanation": lambda d: d["claims"][0].pop("explanation"),
    "missing article text": lambda d: d["article"].pop("text"),
    "missing summary": lambda d: d.pop("summary"),
    "confidence above 1": lambda d: d["claims"][0].update(confidence=1.5),
    "negative offset": lambda d: d["claims"][0].update(start=-1),
    "wrong schema id": lambda d: d.update(schema="newscheck/report@2"),
    "bad evidence kind": lambda d: d["claims"][0]["evidence"][0].update(kind="tweet"),
    "evidence without id key": lambda d: d["claims"][0]["evidence"][0].pop("id"),
    "bad time basis": lambda d: d["claims"][0]["time"].update(basis="yesterday"),
    "date and period at once": lambda d: d["anchor"].update(start="2023-01-01",
                                                            end="2023-02-01"),
    "time without date or period": lambda d: d["anchor"].pop("date"),
    "published not ISO": lambda d: d["article"].update(published="2 March 2023"),
    "subject without mention": lambda d: d["claims"][0]["subject"].pop("mention"),
    "subject start without end": lambda d: d["claims"][0]["subject"].pop("end"),
    "warnings not strings": lambda d: d.update(warnings=[{"text": "x"}]),
}


@pytest.mark.parametrize("mutate", SCHEMA_BREAKS.values(), ids=SCHEMA_BREAKS.keys())
def test_schema_rejects(mutate: Any) -> None:
    assert schema_errors(_broken(mutate))
    with pytest.raises(AssertionError, match="invalid newscheck/report@1"):
        check_report_invariants(_broken(mutate))


def test_additional_fields_are_allowed_for_additive_changes() -> None:
    data = _broken(lambda d: d.update(future_field=1))
    data["claims"][0]["new_thing"] = {"x": 1}
    data["claims"][0]["evidence"][0]["score"] = 0.5
    data["article"]["url"] = "https://example.org"
    check_report_invariants(data)


INVARIANT_BREAKS = {
    "start after end": (lambda d: d["claims"][0].update(start=40, end=30), "start 40 > end 30"),
    "span beyond text": (lambda d: d["claims"][0].update(end=10_000), "beyond the text"),
    "span does not slice to text": (lambda d: d["claims"][0].update(text="Lavrov"),
                                    "claim text is 'Lavrov'"),
    "summary count wrong": (lambda d: d["summary"].update(refuted=2), "summary.refuted"),
    "summary total wrong": (lambda d: d["summary"].update(claims=7), "summary.claims"),
    "duplicate id": (lambda d: d["claims"][1].update(id="c1"), "used 2 times"),
    "mention span wrong": (lambda d: d["claims"][0]["subject"].update(start=0, end=3),
                           "mention is"),
    "period backwards": (lambda d: d["claims"][5]["time"].update(start="2016-01-01"),
                         "after end"),
}


@pytest.mark.parametrize(("mutate", "message"), INVARIANT_BREAKS.values(),
                         ids=INVARIANT_BREAKS.keys())
def test_invariants_reject(mutate: Any, message: str) -> None:
    data = _broken(mutate)
    assert not schema_errors(data)  # the schema cannot see these
    assert any(message in e for e in invariant_errors(data)), invariant_errors(data)


@given(st.text(min_size=1, max_size=60), st.data())
def test_any_valid_span_satisfies_the_invariants(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    verdict = data.draw(st.sampled_from(["supported", "refuted", "not_enough_evidence"]))
    claim = Claim("c1", "other", text[start:end], text, start, end,
                  TimeAnchor("published", date(2023, 1, 1)),
                  verdict=Verdict(verdict, data.draw(st.floats(0, 1)), "why"))
    report = Report(Article(text=text), [claim], TimeAnchor("today", date(2023, 1, 1)))
    check_report_invariants(json.loads(json.dumps(report.to_dict())))


def test_the_example_in_the_docs_is_valid() -> None:
    from pathlib import Path

    doc = Path(__file__).parents[2] / "docs" / "report-schema.md"
    example = doc.read_text(encoding="utf-8").split("```json")[1].split("```")[0]
    check_report_invariants(json.loads(example))
