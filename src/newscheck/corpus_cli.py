"""``newscheck corpus add|stats`` and ``newscheck factchecks import``: thin commands over
:mod:`newscheck.corpus` (docs/evidence.md)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from .cli_common import fail
from .errors import NewscheckError

corpus_app = typer.Typer(help="Build and inspect a reference corpus of texts for check --corpus.",
                         no_args_is_help=True)
factchecks_app = typer.Typer(help="Import known fact-checks into a reference corpus.",
                             no_args_is_help=True)

CorpusDir = Annotated[Path, typer.Option("--corpus", help="The corpus directory.")]


@corpus_app.command("add")
def add(
    paths: Annotated[list[Path], typer.Argument(help="Files (HTML, text, .jsonl, .warc, "
                                                     ".warc.gz) or directories to add.")],
    corpus: CorpusDir,
    reindex: Annotated[bool, typer.Option(help="Also rebuild the whole index as one segment.")]
    = False,
    dense: Annotated[bool, typer.Option(help="Also embed passages with wordllama (extra dense) "
                                             "for hybrid retrieval, from now on.")] = False,
    dense_model: Annotated[Path | None, typer.Option(
        help="Embed passages with this local sentence-transformers model directory instead of "
             "wordllama (extra dense; loaded offline; check --corpus uses the same).")] = None,
) -> None:
    """Add documents to a corpus (created if needed); only the new passages are indexed."""
    from .corpus.ingest import add_paths
    from .corpus.ingest import reindex as rebuild

    try:
        result = add_paths(corpus, paths, dense=dense, dense_model=dense_model)
        if reindex:
            rebuild(corpus, dense=dense, dense_model=dense_model)
    except NewscheckError as exc:
        fail(exc)
    skipped = sum(result.skipped.values())
    print(f"added {result.documents} documents ({result.passages} passages); "
          f"{result.duplicates} already in the corpus; {skipped} skipped")
    for line in result.examples[:5]:
        print(f"  skipped: {line}")


@corpus_app.command("stats")
def stats(
    corpus: CorpusDir,
    format: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
) -> None:
    """How many documents, passages and fact-checks a corpus holds, and their dates."""
    from .corpus.store import CorpusStore

    try:
        store = CorpusStore(corpus)
    except NewscheckError as exc:
        fail(exc)
    data = store.stats()
    store.close()
    if format == "json":
        print(json.dumps(data, indent=2))
        return
    for key, value in data.items():
        print(f"{key:16} {value}")


@factchecks_app.command("import")
def import_(
    file: Annotated[Path, typer.Argument(help="ClaimReview JSON-LD / JSON lines, LIAR-PLUS "
                                              "JSON lines, or a LIAR / LIAR-PLUS .tsv file.")],
    corpus: CorpusDir,
) -> None:
    """Import known fact-checks; a claim matching one shows it as evidence."""
    from .corpus.factchecks import import_factchecks

    try:
        result = import_factchecks(corpus, file)
    except NewscheckError as exc:
        fail(exc)
    print(f"imported {result['imported']} fact-checks ({result['duplicates']} already there)")
