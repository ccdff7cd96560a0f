"""What every ``newscheck`` command shares: a :class:`~newscheck.errors.NewscheckError` becomes one
line on stderr and its documented exit code (:func:`fail`), ``--published``-style dates, writing
the output atomically and reading stdin. Command modules (``kb_cli.py``, …) import this, never
``cli.py``, which only registers them.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from enum import StrEnum
from pathlib import Path

import typer

from .errors import InputNotFound, MalformedInput, NewscheckError, OutputNotWritten

EXIT_INTERNAL = 70


class Engine(StrEnum):
    """Where a parallel command (``kb import``, ``batch``) runs its work."""
    local = "local"
    ray = "ray"


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


def _ending_in_newline(text: str | Iterable[str]) -> Iterator[str]:
    last = ""
    for chunk in [text] if isinstance(text, str) else text:
        if chunk:
            last = chunk
            yield chunk
    if not last.endswith("\n"):
        yield "\n"


def write_output(text: str | Iterable[str], output: Path | None) -> None:
    """Write the report (a str, or its pieces: a JSON report streams claim by claim) to stdout
    or ``output``: a regular file atomically (a temporary file renamed into place), a device or
    pipe (``/dev/stdout``, a FIFO) directly — never replaced."""
    chunks = _ending_in_newline(text)
    if output is None or str(output) == "-":
        if sys.stdout is None:
            raise OutputNotWritten("standard output is closed", "pass --output FILE")
        try:
            for chunk in chunks:
                sys.stdout.write(chunk)
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
                fh.writelines(chunks)
            return
        _replace_atomically(real, chunks)
    except OSError as exc:
        raise _not_written(output, exc) from None


def _replace_atomically(real: Path, chunks: Iterable[str]) -> None:
    """Write ``chunks`` to an unpredictable temporary file created exclusively in ``real``'s
    directory (``mkstemp``: O_EXCL, never through a planted symlink), give it the mode of the
    file it replaces (or the umask's default), then rename it over ``real``."""
    import tempfile

    try:
        mode = real.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    fd, name = tempfile.mkstemp(prefix=f".{real.name}.", suffix=".part", dir=real.parent)
    tmp = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            os.fchmod(fh.fileno(), mode)
            fh.writelines(chunks)
        tmp.replace(real)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def check_output(output: Path | None, input: str) -> None:
    """Refuse an ``--output`` that cannot work before the (possibly long) check runs: the input
    file itself, a directory, a missing or unwritable directory."""
    if output is None or str(output) == "-":
        return
    real = output.resolve()
    if str(real).startswith(("/dev/", "/proc/")) or (real.exists() and not real.is_file()):
        if real.is_dir():
            raise OutputNotWritten(f"cannot write the report to {output}: it is a directory",
                                   "give a file name, e.g. --output report.json")
        return
    if input != "-" and Path(input).exists() and real == Path(input).resolve():
        raise OutputNotWritten(f"--output {output} is the input file: the article would be "
                               "overwritten by its report", "give another --output")
    parent = real.parent
    if not parent.is_dir():
        raise OutputNotWritten(f"cannot write the report to {output}: the directory {parent} "
                               "does not exist", "create it first, or use another --output")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise OutputNotWritten(f"cannot write the report to {output}: the directory {parent} "
                               "is not writable", "use another --output")


def read_stdin(max_bytes: int) -> bytes:
    """The article from standard input (a closed stdin is an error, not a crash); at most
    ``max_bytes + 1`` bytes are read, so an endless stream is refused, not buffered."""
    if sys.stdin is None:
        raise InputNotFound("standard input is closed", "give the article as a file path")
    if sys.stdin.isatty():
        print("newscheck: reading the article from standard input (end it with Ctrl-D)",
              file=sys.stderr)
    chunks: list[bytes] = []
    size = 0
    want = max_bytes + 1
    while size < want and (chunk := sys.stdin.buffer.read(min(1 << 20, want - size))):
        chunks.append(chunk)
        size += len(chunk)
    if size > max_bytes:
        from .intake.read import too_large

        raise too_large("standard input", None, max_bytes)
    return b"".join(chunks)
