"""newscheck: claim-by-claim, time-aware fact checking of news articles.

    >>> import newscheck
    >>> report = newscheck.check("article.html", published="2023-05-07")
    >>> report.to_dict()["summary"]

Imports are lazy so that ``import newscheck`` and the CLI start fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Article", "Claim", "NewscheckError", "Report", "__version__", "check", "extract",
           "open_kb"]

if TYPE_CHECKING:
    from .errors import NewscheckError
    from .intake import extract
    from .knowledge import open_kb
    from .model import Article, Claim, Report
    from .pipeline import check

_LAZY = {
    "check": ("pipeline", "check"),
    "extract": ("intake", "extract"),
    "open_kb": ("knowledge", "open_kb"),
    "Article": ("model", "Article"),
    "Claim": ("model", "Claim"),
    "Report": ("model", "Report"),
    "NewscheckError": ("errors", "NewscheckError"),
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        return getattr(importlib.import_module(f".{module}", __name__), attr)
    raise AttributeError(f"module 'newscheck' has no attribute {name!r}")
