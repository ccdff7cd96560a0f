"""The ``newscheck`` command: a thin layer over the Python API.

Every :class:`~newscheck.errors.NewscheckError` becomes one line on stderr and its documented exit
code (docs/cli.md); anything else is a bug and says so, still without a traceback unless
``NEWSCHECK_DEBUG=1``.
"""

from __future__ import annotations

import contextlib
import os
import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from .errors import InputNotFound, MalformedInput, NewscheckError, OutputNotWritten

app = typer.Typer(
    name="newscheck",
    help="Check a news article claim by claim: supported, refuted or not enough evidence.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

EXIT_INTERNAL = 70


class Format(StrEnum):
    json = "json"
    text = "text"
    markdown = "markdown"
    html = "html"
    claimreview = "claimreview"


def parse_date(value: str | None, option: str = "--published") -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise MalformedInput(f"{option} {value!r} is not a date",
                             "write it as YYYY-MM-DD, e.g. 2023-05-07") from None


def fail(exc: NewscheckError) -> None:
    msg = f"newscheck: error: {exc.message}"
    if exc.hint:
        msg += f" — {exc.hint}"
    print(msg, file=sys.stderr)
    raise typer.Exit(exc.exit_code)


def _not_written(where: object, exc: OSError) -> OutputNotWritten:
    return OutputNotWritten(f"cannot write the report to {where}: {exc.strerror or exc}",
                            "check that the directory exists, is writable and has space, "
                            "or use another --output")


def write_output(text: str, output: Path | None) -> None:
    """Write the report to stdout or ``output``: a regular file atomically (a temporary file
    renamed into place), a device or pipe (``/dev/stdout``, a FIFO) directly — never replaced."""
    text = text if text.endswith("\n") else text + "\n"
    if output is None or str(output) == "-":
        if sys.stdout is None:
            raise OutputNotWritten("standard output is closed", "pass --output FILE")
        try:
            sys.stdout.write(text)
            sys.stdout.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise _not_written("standard output", exc) from None
        return
    if output.is_dir():
        raise OutputNotWritten(f"cannot write the report to {output}: it is a directory",
                               "give a file name, e.g. --output report.json")
    try:
        real = output.resolve()     # a symlink's target is replaced, never the link itself
        if str(real).startswith(("/dev/", "/proc/")) or (real.exists() and not real.is_file()):
            with output.open("w", encoding="utf-8") as fh:
                fh.write(text)
            return
        tmp = real.with_name(f".{real.name}.{os.getpid()}.part")
        try:
            tmp.write_text(text, encoding="utf-8")
            tmp.replace(real)
        except BaseException:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise
    except OSError as exc:
        raise _not_written(output, exc) from None


def read_stdin() -> bytes:
    """The article from standard input (a closed stdin is an error, not a crash)."""
    if sys.stdin is None:
        raise InputNotFound("standard input is closed", "give the article as a file path")
    if sys.stdin.isatty():
        print("newscheck: reading the article from standard input (end it with Ctrl-D)",
              file=sys.stderr)
    return sys.stdin.buffer.read()


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
    timeout: Annotated[float, typer.Option(help="Seconds allowed to fetch a URL.")] = 15.0,
) -> None:
    """Check one article and print a report."""
    from .intake.fetch import fetch, is_url
    from .pipeline import check as run_check
    from .report import render

    try:
        fetched = fetch(input, max_bytes=max_bytes, timeout=timeout) if is_url(input) else None
        source: str | bytes | Path = (fetched.data if fetched else read_stdin() if input == "-"
                                      else Path(input))
        report = run_check(source, published=parse_date(published), kb=kb, online=online,
                           max_bytes=max_bytes)
        if input == "-":
            report.article.source = "<stdin>"
        if fetched:
            report.article.source = fetched.final_url
            report.article.url = report.article.url or fetched.final_url
        to_file = output is not None and str(output) != "-"
        write_output(render(report, format.value, color=False if to_file else None), output)
    except NewscheckError as exc:
        fail(exc)


def _register_subcommands() -> None:
    from .kb_cli import kb_app
    from .service.cli import serve

    app.add_typer(kb_app, name="kb")
    app.command("serve")(serve)


def main() -> None:
    _register_subcommands()
    try:
        app()
    except NewscheckError as exc:  # raised outside a command body (e.g. while opening the KB)
        print(f"newscheck: error: {exc}", file=sys.stderr)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        print("newscheck: interrupted", file=sys.stderr)
        sys.exit(130)
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
