"""The fixture knowledge base: ``tests/data/kb/facts.json`` → a Wikidata JSON dump → a SQLite KB
built by the real importer, so tests and the gold set run on exactly what a user's import gives.

``facts.json`` holds public-record terms only (see docs/gold-set.md): positions with their
country and office kind, people with their P39 terms. Q ids only where ``../shared/data`` gives
them, else local ``L:<slug>`` ids.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from ..knowledge import wdjson

HUMAN = "Q5"
FACTS_FILE = Path("tests") / "data" / "kb" / "facts.json"


def default_facts_path() -> Path:
    """``tests/data/kb/facts.json`` of the source checkout this package runs from."""
    return Path(__file__).resolve().parents[3] / FACTS_FILE


def load_facts(facts_path: str | Path | None = None) -> dict[str, Any]:
    path = Path(facts_path) if facts_path is not None else default_facts_path()
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def fixture_entities(facts: Mapping[str, Any]) -> Iterator[dict[str, Any]]:
    """Wikidata-shaped entities: positions first (label, aliases, P17 and P1001 country), then
    people (P31 human, P39 terms with P580/P582 qualifiers at their stated precision)."""
    for pos in facts["positions"]:
        yield wdjson.entity(pos["id"], pos["label"], aliases=pos.get("aliases", ()),
                            country=pos.get("country"), jurisdiction=pos.get("country"),
                            description=pos.get("description", ""))
    for person in facts["people"]:
        yield wdjson.entity(person["id"], person["label"], aliases=person.get("aliases", ()),
                            instance_of=[HUMAN], positions=person.get("positions", ()),
                            description=person.get("description", ""))


def dump_name(facts: Mapping[str, Any]) -> str:
    """``fixture-YYYYMMDD.json``: the importer reads a dump's as-of date from its name."""
    return f"fixture-{str(facts['as_of']).replace('-', '')}.json"


def write_fixture_dump(facts_path: str | Path | None, out_path: str | Path) -> Path:
    """Write ``facts.json`` as a Wikidata JSON dump in the official framing (``[``, one entity
    per line with a trailing comma, ``]``). A directory ``out_path`` gets :func:`dump_name`."""
    facts = load_facts(facts_path)
    out = Path(out_path)
    if out.is_dir():
        out = out / dump_name(facts)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as fh:
        fh.writelines(wdjson.dump_lines(fixture_entities(facts)))
    return out


def build_fixture_kb(tmp_dir: str | Path, facts_path: str | Path | None = None) -> Path:
    """A fresh SQLite KB in ``tmp_dir`` imported from the fixture dump through the real
    importer (the same code path as ``newscheck kb import``). Returns the KB path."""
    from ..knowledge.importer import import_files

    tmp = Path(tmp_dir)
    tmp.mkdir(parents=True, exist_ok=True)
    dump = write_fixture_dump(facts_path, tmp)
    kb_path = tmp / "fixture.kb"
    if kb_path.exists():
        kb_path.unlink()
    import_files(kb_path, [dump])
    return kb_path
