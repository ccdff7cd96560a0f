"""Every error newscheck raises on purpose, with its exit code and a hint saying what to do.

One root, :class:`NewscheckError`. The CLI turns any of them into one line on stderr and the
class's ``exit_code``; nothing else reaches the user as a traceback. Exit codes are documented in
``docs/cli.md`` and must not be reused for something else.
"""

from __future__ import annotations


class NewscheckError(Exception):
    """Root of every error newscheck raises on purpose."""

    exit_code = 1
    code = "NC000"

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} ({self.hint})" if self.hint else self.message

    def to_dict(self) -> dict[str, object]:
        return {"error": type(self).__name__, "code": self.code, "message": self.message,
                "hint": self.hint, "exit_code": self.exit_code}


# --- input (exit codes 3-9) -------------------------------------------------------------------
class InputError(NewscheckError):
    """Something is wrong with the article given to newscheck."""

    exit_code = 3
    code = "NC100"


class InputNotFound(InputError):
    exit_code = 3
    code = "NC101"


class InputIsDirectory(InputError):
    exit_code = 3
    code = "NC102"


class EmptyInput(InputError):
    exit_code = 4
    code = "NC103"


class UnsupportedInput(InputError):
    """Binary data that is not an article: an image, a PDF, an archive, an executable."""

    exit_code = 5
    code = "NC104"


class InputTooLarge(InputError):
    exit_code = 6
    code = "NC105"


class UndecodableInput(InputError):
    exit_code = 7
    code = "NC106"


class NoArticleText(InputError):
    """The input was read, but no article body could be found in it."""

    exit_code = 8
    code = "NC107"


class MalformedInput(InputError):
    """A structured input (JSONL, WARC, a date option) is not in the expected shape."""

    exit_code = 9
    code = "NC108"


# --- knowledge base (exit codes 10-13) -----------------------------------------------------------
class KnowledgeError(NewscheckError):
    exit_code = 10
    code = "NC200"


class KnowledgeBaseNotFound(KnowledgeError):
    exit_code = 10
    code = "NC201"


class KnowledgeBaseCorrupt(KnowledgeError):
    exit_code = 11
    code = "NC202"


class ImportFailed(KnowledgeError):
    """A dump or table could not be imported; the knowledge base is unchanged."""

    exit_code = 12
    code = "NC203"


class OnlineLookupFailed(KnowledgeError):
    exit_code = 13
    code = "NC204"


class NotInKnowledgeBase(KnowledgeError):
    """A look-up (``newscheck kb lookup/holders``) found nothing of that name."""

    exit_code = 15
    code = "NC205"


# --- stance (exit codes 22-23) -------------------------------------------------------------------
class StanceModelError(NewscheckError):
    """A stance model (the shipped one, ``--nli-model`` or an eval dataset) cannot be used."""

    exit_code = 22
    code = "NC610"


class StanceEndpointError(NewscheckError):
    """The ``--llm-endpoint`` server failed or answered something that is not a stance."""

    exit_code = 23
    code = "NC611"


# --- output (exit code 1) -------------------------------------------------------------------------
class OutputNotWritten(NewscheckError):
    """The report could not be written (a missing directory, a read-only path, a full disk)."""

    exit_code = 1
    code = "NC400"


# --- environment (exit code 14) ------------------------------------------------------------------
class MissingDependency(NewscheckError):
    """An optional extra is needed; the message names the pip command that installs it."""

    exit_code = 14
    code = "NC300"

    def __init__(self, package: str, extra: str) -> None:
        super().__init__(
            f"this feature needs the optional package {package!r}",
            f"install it with: pip install 'newscheck[{extra}]'",
        )


def require(module: str, extra: str) -> object:
    """Import an optional dependency lazily, or raise :class:`MissingDependency`."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise MissingDependency(module.split(".")[0], extra) from exc
