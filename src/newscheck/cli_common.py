"""What every ``newscheck`` command shares: a :class:`~newscheck.errors.NewscheckError` becomes one
line on stderr and its documented exit code (:func:`fail`), ``--published``-style dates, writing
the output atomically and reading stdin. Command modules (``kb_cli.py``, …) import this, never
``cli.py``, which only registers them.
"""

from __future__ import annotations

import contextlib
import os
import sys
from datetime import date
from pathlib import Path

import typer

from .errors import InputNotFound, MalformedInput, NewscheckError, OutputNotWritten

EXIT_INTERNAL = 70


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
