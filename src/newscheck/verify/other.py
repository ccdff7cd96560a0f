"""``other``: statements that are not about who held which office.

No knowledge-graph fact covers them; checking them against reference text is a later stage.
"""

from __future__ import annotations

from ..model import Claim, Verdict
from . import explain as ex
from .offices import Context


def check_other(claim: Claim, ctx: Context) -> Verdict:
    return ex.verdict("not_enough_evidence", 0.0,
                      "No knowledge-graph fact covers this statement (the knowledge base records "
                      "who held which office when), so it was not checked")
