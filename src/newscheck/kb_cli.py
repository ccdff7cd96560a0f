"""``newscheck kb``: build and inspect the knowledge base (docs/knowledge.md).

    newscheck kb import FILE... [--kb PATH] [--skip-bad] [--workers N] [--engine local|ray]
    newscheck kb stats [--kb PATH] [--format text|json]
    newscheck kb lookup NAME [--at DATE] [--format text|json]
    newscheck kb holders POSITION --at DATE [--format text|json]
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from .cli_common import Engine, fail, parse_date
from .errors import NewscheckError, NotInKnowledgeBase
from .knowledge.serialize import entity_dict as _entity_dict
from .knowledge.serialize import term_dict as _term_dict

if TYPE_CHECKING:
    from .knowledge import KnowledgeBase
    from .model import Entity

kb_app = typer.Typer(help="Build and inspect the knowledge base.", no_args_is_help=True,
                     add_completion=False, pretty_exceptions_enable=False)


class OutFormat(StrEnum):
    text = "text"
    json = "json"


KbOption = Annotated[Path | None, typer.Option(
    "--kb", help="Knowledge base file (default: $NEWSCHECK_KB, else the user KB, else the "
                 "starter pack).")]
FormatOption = Annotated[OutFormat, typer.Option("--format", "-f", help="Output format.")]


@contextmanager
def _errors() -> Iterator[None]:
    try:
        yield
    except NewscheckError as exc:
        fail(exc)


def _open(kb: Path | None, online: bool = False) -> KnowledgeBase:
    from .knowledge import open_kb

    return open_kb(kb, online=online)


def _dump(data: Any) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))


@kb_app.command("import")
def import_(
    files: Annotated[list[Path], typer.Argument(help="Wikidata JSON dumps (.json, .json.gz, "
                                                     ".json.bz2), office-holder CSV tables and "
                                                     "congress-legislators YAML files.")],
    kb: KbOption = None,
    skip_bad: Annotated[bool, typer.Option(help="Skip malformed records (and count them) "
                                                "instead of failing.")] = False,
    workers: Annotated[int, typer.Option(help="Parse each dump in this many processes and "
                                              "merge (docs/knowledge.md).")] = 1,
    engine: Annotated[Engine, typer.Option(help="local processes, or ray actors (extra 'ray'; "
                                                "a cluster via RAY_ADDRESS).")] = Engine.local,
) -> None:
    """Import dumps and tables into the KB, all or nothing."""
    from .knowledge import import_target
    from .knowledge.importer import import_files

    with _errors():
        target = import_target(kb)
        t0 = time.perf_counter()
        result = import_files(target, files, skip_bad=skip_bad, workers=max(1, workers),
                              engine=engine.value)
        secs = time.perf_counter() - t0
        for f in result.files:
            skipped = f" ({f['skipped']} malformed records skipped)" if f["skipped"] else ""
            typer.echo(f"{f['file']}: {f['entities']} entities, {f['statements']} statements"
                       f"{skipped}")
        typer.echo(f"imported into {target} in {secs:.1f} s")


@kb_app.command()
def stats(kb: KbOption = None, format: FormatOption = OutFormat.text) -> None:
    """Entities by kind, statements, sources and as-of date of the KB."""
    with _errors(), _open(kb) as base:
        data = base.stats()
        if format is OutFormat.json:
            _dump(data)
            return
        typer.echo(f"knowledge base: {data['name']} ({data['path']})")
        typer.echo(f"as of: {data['as_of'] or 'unknown'}")
        typer.echo(f"entities: {data['entities']}  "
                   + "  ".join(f"{k}: {v}" for k, v in data["entities_by_kind"].items()))
        typer.echo(f"statements: {data['statements']}  "
                   + "  ".join(f"{k}: {v}" for k, v in data["statements_by_property"].items()))
        for s in data["sources"]:
            typer.echo(f"source: {s['name']} — {s['file']} (imported {s['imported']}, "
                       f"as of {s['as_of'] or '?'}, {s['entities']} entities)")
        for c in data["coverage_by_country"]:
            dated = ", ".join(f"{n}" + ("" if "as of" in n else f" (as of {d or '?'})")
                              for n, d in c["sources"].items())
            typer.echo(f"country: {c['name']} [{c['country']}] — {c['offices']} offices, "
                       f"{c['people']} people, {c['terms']} terms; {dated}")


def _resolve(base: KnowledgeBase, name: str) -> list[Entity]:
    if name[:1] in "QL" and (name[1:].isdigit() or name.startswith("L:")):
        e = base.entity(name)
        return [e] if e else []
    return base.search(name)


@kb_app.command()
def lookup(
    name: Annotated[str, typer.Argument(help="A name (label or alias) or an id.")],
    at: Annotated[str | None, typer.Option(help="Only positions held on this date "
                                                "(YYYY-MM-DD).")] = None,
    kb: KbOption = None,
    format: FormatOption = OutFormat.text,
    online: Annotated[bool, typer.Option(help="Ask Wikidata when the KB has no match.")] = False,
) -> None:
    """An entity and the positions it held (on --at, or all)."""
    with _errors(), _open(kb, online) as base:
        when = parse_date(at, "--at")
        found = _resolve(base, name)
        if not found:
            raise NotInKnowledgeBase(f"nothing in the knowledge base is called {name!r}",
                                        "try another spelling, an id, or --online")
        out: list[dict[str, Any]] = []
        for e in found:
            terms = base.positions(e.id, when) if e.kind == "person" else (
                base.holders(e.id, when) if e.kind == "position" else [])
            out.append({"entity": _entity_dict(e), "terms": [_term_dict(t) for t in terms]})
        if format is OutFormat.json:
            _dump({"query": name, "at": when.isoformat() if when else None, "results": out})
            return
        for item in out:
            ent = item["entity"]
            typer.echo(f"{ent['id']}  {ent['label']}  ({ent['kind']}"
                       + (f", {ent['office_kind']}" if ent.get("office_kind") else "") + ")")
            for t in item["terms"]:
                other = t["position_label"] if ent["kind"] == "person" else t["person_label"]
                other_id = t["position"] if ent["kind"] == "person" else t["person"]
                typer.echo(f"  {other or other_id} [{other_id}]  {t['start'] or '?'} to "
                           f"{t['end'] or 'present'}  ({t['source']})")


@kb_app.command()
def holders(
    position: Annotated[str, typer.Argument(help="Position id or name.")],
    at: Annotated[str, typer.Option(help="Date (YYYY-MM-DD).")],
    kb: KbOption = None,
    format: FormatOption = OutFormat.text,
) -> None:
    """Who held POSITION on a date."""
    with _errors(), _open(kb) as base:
        when = parse_date(at, "--at")
        assert when is not None
        found = [e for e in _resolve(base, position) if e.kind == "position"]
        if not found:
            raise NotInKnowledgeBase(f"no position {position!r} in the knowledge base",
                                        "use `newscheck kb lookup` to find its id")
        out: list[dict[str, Any]] = [{"position": _entity_dict(e),
                "holders": [_term_dict(t) | {"coverage": t.covers(when, as_of=base.as_of).value}
                            for t in base.holders(e.id, when)]} for e in found]
        if format is OutFormat.json:
            _dump({"query": position, "at": when.isoformat(), "results": out})
            return
        for item in out:
            pos = item["position"]
            typer.echo(f"{pos['id']}  {pos['label']} on {when.isoformat()}:")
            if not item["holders"]:
                typer.echo("  (no recorded holder)")
            for t in item["holders"]:
                typer.echo(f"  {t['person_label'] or t['person']} [{t['person']}]  "
                           f"{t['start'] or '?'} to {t['end'] or 'present'}  "
                           f"({t['coverage']}; {t['source']})")


@kb_app.command()
def search(
    name: Annotated[str, typer.Argument(help="A name or part of one; spelling may be off.")],
    kb: KbOption = None,
    limit: Annotated[int, typer.Option(min=1, max=100, help="At most this many results.")] = 10,
    format: FormatOption = OutFormat.text,
) -> None:
    """People and positions whose name resembles NAME (fuzzy), best first."""
    from .knowledge.search import fuzzy_search

    with _errors(), _open(kb) as base:
        found = fuzzy_search(base, name, limit=limit)
        if not found:
            raise NotInKnowledgeBase(f"nothing in the knowledge base is called anything like "
                                     f"{name!r}", "try a shorter part of the name, or "
                                     "`newscheck kb stats` to see what the KB holds")
        results = [{"entity": _entity_dict(m.entity), "matched": m.alias, "score": m.score}
                   for m in found]
        if format is OutFormat.json:
            _dump({"query": name, "results": results})
            return
        for m in found:
            e = m.entity
            typer.echo(f"{e.id}  {e.label}  ({e.kind})  matched “{m.alias}”, score {m.score:g}")
