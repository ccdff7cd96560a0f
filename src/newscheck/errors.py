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


class ImportLocked(KnowledgeError):
    """Another ``newscheck kb import`` holds the KB's import lock; nothing was changed."""

    exit_code = 16
    code = "NC210"


class KnowledgeBaseBusy(KnowledgeError):
    """The KB file is locked by another process beyond the wait (not a disk or data problem)."""

    exit_code = 17
    code = "NC211"


class NotInKnowledgeBase(KnowledgeError):
    """A look-up (``newscheck kb lookup/holders``) found nothing of that name."""

    exit_code = 15
    code = "NC205"


# --- fetching a URL (exit codes 18-19) ----------------------------------------------------------
class FetchError(InputError):
    """An article given as a URL could not be fetched."""

    exit_code = 18
    code = "NC500"


class FetchFailed(FetchError):
    """The network, the server or the page failed: offline, a timeout, an HTTP error status, too
    many redirects, a page over the size limit."""

    exit_code = 18
    code = "NC501"


class FetchRefused(FetchError):
    """newscheck refused to fetch the URL: not http(s), or (in the server) an address on this
    machine or a private network (SSRF protection), or fetching is switched off."""

    exit_code = 19
    code = "NC502"


# --- stance (exit codes 22-23) -------------------------------------------------------------------
class StanceModelError(NewscheckError):
    """A stance model (the shipped one, ``--nli-model`` or an eval dataset) cannot be used."""

    exit_code = 22
    code = "NC610"


class StanceEndpointError(NewscheckError):
    """The ``--llm-endpoint`` server failed or answered something that is not a stance."""

    exit_code = 23
    code = "NC611"


# --- reference corpus (exit codes 20-21) ----------------------------------------------------------
class CorpusError(NewscheckError):
    """A reference corpus (``--corpus DIR``) cannot be used."""

    exit_code = 20
    code = "NC600"


class CorpusNotFound(CorpusError):
    """No corpus in the directory given (or it cannot be created)."""

    exit_code = 20
    code = "NC601"


class CorpusCorrupt(CorpusError):
    """The corpus database or its index is damaged or of another format."""

    exit_code = 21
    code = "NC602"


class DenseModelError(CorpusError):
    """A ``--dense-model`` directory holds no sentence-transformers model, or is not the model
    the corpus's passages were embedded with."""

    exit_code = 21
    code = "NC603"


# --- output (exit code 1) -------------------------------------------------------------------------
class OutputNotWritten(NewscheckError):
    """The report could not be written (a missing directory, a read-only path, a full disk)."""

    exit_code = 1
    code = "NC400"


# --- batch runs (exit codes 24-26) ---------------------------------------------------------------
class BatchError(NewscheckError):
    exit_code = 24
    code = "NC700"


class BatchOutputExists(BatchError):
    """``newscheck batch`` would overwrite an existing output (neither --resume nor --overwrite)."""

    exit_code = 24
    code = "NC701"


class BatchSomeFailed(BatchError):
    """The run finished, every input is in the output, but some articles have status error."""

    exit_code = 25
    code = "NC702"


class BatchMostlyFailed(BatchError):
    """The run finished but more than 99 % of its articles failed (a wrong input, most likely)."""

    exit_code = 26
    code = "NC703"


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
