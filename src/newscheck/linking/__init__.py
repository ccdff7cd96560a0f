"""Stage 4: mentions → knowledge-graph ids (see :mod:`.resolve`)."""

from __future__ import annotations

from .resolve import link_claims

__all__ = ["link_claims"]
