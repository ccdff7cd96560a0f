"""The ``newscheck`` command: a thin layer over the Python API.

Every :class:`~newscheck.errors.NewscheckError` becomes one line on stderr and its documented exit
code (docs/cli.md); anything else is a bug and says so, still without a traceback unless
``NEWSCHECK_DEBUG=1``.
"""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from .cli_common import EXIT_INTERNAL, check_output, fail, parse_date, read_stdin, write_output
from .errors import NewscheckError
from .eval_cli import LlmOption, NliOption

app = typer.Typer(
    name="newscheck",
    help="Check a news article claim by claim: supported, refuted or not enough evidence.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        from . import __version__

        print(f"newscheck {__version__}")
        raise typer.Exit()


@app.callback()
def _options(version: Annotated[bool, typer.Option(
        "--version", callback=_version, is_eager=True,
        help="Print the version and exit.")] = False) -> None:
    """Check a news article claim by claim: supported, refuted or not enough evidence."""


class Format(StrEnum):
    json = "json"
    text = "text"
    markdown = "markdown"
    html = "html"
    claimreview = "claimreview"


@app.command()
def check(
    input: Annotated[str, typer.Argument(help="Article file (HTML or text, detected from the "
                                               "content), - for stdin, or an http(s) URL.")],
    published: Annotated[str | None, typer.Option(
        help="Publication date YYYY-MM-DD; overrides the date found in the page.")] = None,
    kb: Annotated[Path | None, typer.Option(
        help="Knowledge base file to use instead of the default (also NEWSCHECK_KB).")] = None,
    format: Annotated[Format, typer.Option("--format", "-f", help="Report format.")] = Format.json,
    output: Annotated[Path | None, typer.Option("--output", "-o",
                                                help="Write the report here instead of stdout.")]
    = None,
    online: Annotated[bool, typer.Option(help="Look up entities missing from the KB on Wikidata "
                                              "(network; results are cached in the KB).")] = False,
    max_bytes: Annotated[int, typer.Option(help="Refuse inputs larger than this.")] = 20_000_000,
    against: Annotated[list[Path] | None, typer.Option(
        help="Source article (file, HTML or text) the article rewrites; repeatable. Every "
             "sentence is judged against it (docs/evidence.md).")] = None,
    corpus: Annotated[Path | None, typer.Option(
        help="Reference corpus directory (newscheck corpus add): its passages and known "
             "fact-checks become evidence.")] = None,
    as_of: Annotated[str | None, typer.Option(
        help="With --corpus: use only passages published by this date YYYY-MM-DD (default: "
             "the article's date).")] = None,
    timeout: Annotated[float, typer.Option(help="Seconds allowed to fetch a URL.")] = 15.0,
    nli_model: NliOption = None,
    llm_endpoint: LlmOption = None,
) -> None:
    """Check one article and print a report."""
    from .intake.locate import argument_source, is_url
    from .pipeline import check as run_check
    from .report import render_chunks
    from .stance import load_stance

    try:
        from .intake import max_bytes_limit

        max_bytes = max_bytes_limit(max_bytes)
        check_output(output, input)
        fetched = None
        if is_url(input):
            from .intake.fetch import fetch  # sockets: only for a URL

            fetched = fetch(input, max_bytes=max_bytes, timeout=timeout)
        source = (fetched.data if fetched else read_stdin(max_bytes) if input == "-"
                  else argument_source(input, max_bytes))
        stance = load_stance(nli_model=nli_model, llm_endpoint=llm_endpoint) \
            if nli_model is not None or llm_endpoint is not None else None
        report = run_check(source, published=parse_date(published), kb=kb, online=online,
                           max_bytes=max_bytes, against=against or (), stance=stance,
                           corpus=corpus, as_of=parse_date(as_of, "--as-of"))
        if input == "-":
            report.article.source = "<stdin>"
        if fetched:
            report.article.source = fetched.final_url
            report.article.url = report.article.url or fetched.final_url
        to_file = output is not None and str(output) != "-"
        write_output(render_chunks(report, format.value, color=False if to_file else None),
                     output)
        for warning in report.warnings:     # also in the report; stderr so a pipe sees them too
            print(f"newscheck: warning: {warning}", file=sys.stderr)
    except NewscheckError as exc:
        fail(exc)


# Subcommands other modules provide: name → "module:attribute", a Typer app (a group such as
# `kb`) or a command function. Each is imported only when it runs or when help lists the
# commands, so `newscheck check` never pays for them. Add one line here per subcommand.
SUBCOMMANDS: dict[str, str] = {
    "kb": "newscheck.kb_cli:kb_app",
    "eval": "newscheck.eval_cli:eval_command",
    "corpus": "newscheck.corpus_cli:corpus_app",
    "factchecks": "newscheck.corpus_cli:factchecks_app",
    "serve": "newscheck.service.cli:serve",
    "batch": "newscheck.batch_cli:batch",
    "batch-summary": "newscheck.batch_cli:batch_summary",
}
_registered: set[str] = set()


def _register_subcommands(argv: list[str] | None = None) -> None:
    """Register the subcommands ``argv`` (the command line after the program) needs: only the
    one it names, else (help, no command, an unknown one) all; ``argv=None``: all."""
    import importlib

    first = next((a for a in argv if not a.startswith("-")), None) if argv is not None else None
    if first == "check":
        return
    names = [first] if first in SUBCOMMANDS else list(SUBCOMMANDS)
    for name in names:
        if name in _registered:
            continue
        module, _, attr = SUBCOMMANDS[name].partition(":")
        obj = getattr(importlib.import_module(module), attr)
        if isinstance(obj, typer.Typer):
            app.add_typer(obj, name=name)
        else:
            app.command(name=name)(obj)
        _registered.add(name)


EXIT_TERMINATED = 143     # 128 + SIGTERM, as a shell reports a process the signal ended


class Terminated(SystemExit):
    """SIGTERM: unwinds like Ctrl-C (an import rolls back and removes its temporary file)."""


def _terminate(signum: int, frame: object) -> None:
    raise Terminated(EXIT_TERMINATED)


def main() -> None:
    _register_subcommands(sys.argv[1:])
    import signal

    signal.signal(signal.SIGTERM, _terminate)
    try:
        app()
    except NewscheckError as exc:  # raised outside a command body (e.g. while opening the KB)
        print(f"newscheck: error: {exc}", file=sys.stderr)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        print("newscheck: interrupted", file=sys.stderr)
        sys.exit(130)
    except Terminated:
        print("newscheck: terminated", file=sys.stderr)
        sys.exit(EXIT_TERMINATED)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as exc:  # a bug: say so plainly
        if os.environ.get("NEWSCHECK_DEBUG"):
            raise
        print(f"newscheck: internal error: {type(exc).__name__}: {exc} — this is a bug; "
              f"rerun with NEWSCHECK_DEBUG=1 for details and report it", file=sys.stderr)
        sys.exit(EXIT_INTERNAL)


if __name__ == "__main__":
    main()
