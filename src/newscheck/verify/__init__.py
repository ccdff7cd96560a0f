"""Stage 5: a verdict for every claim, from one checker per claim kind.

``CHECKERS`` maps a claim kind to its checker, a function ``(claim, context) -> Verdict``; the
rules of each are in its module and in docs/verification.md, the shared policy (confidence,
boundaries, never refuting on absence) in :mod:`.policy`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from ..model import Article, Claim, Verdict
from . import explain as ex
from .changes import changes_first
from .counterpart import check_counterpart
from .events import check_first, check_meeting, check_visit
from .facts import Facts, KnowledgeView
from .former_role import check_former_role
from .offices import Context
from .other import check_other
from .role import check_role

Checker = Callable[[Claim, Context], Verdict]

CHECKERS: dict[str, Checker] = {
    "role": changes_first(check_role),        # "X resigned as …", "… under Y" first
    "former_role": changes_first(check_former_role),
    "counterpart": check_counterpart,
    "meeting": check_meeting,
    "visit": check_visit,
    "first": check_first,
    "other": check_other,
}

__all__ = ["CHECKERS", "Checker", "Context", "verify_claims"]


def verify_claims(claims: list[Claim], kb: KnowledgeView, article: Article, *,
                  today: date | None = None) -> None:
    """Set ``claim.verdict`` on every claim (docs/design.md, stage 5)."""
    ctx = Context(Facts(kb), article.published or today or date.today())
    for claim in claims:
        checker = CHECKERS.get(claim.kind)
        if checker is None:
            claim.verdict = ex.verdict("not_enough_evidence", 0.0,
                                       f"newscheck has no checker for {claim.kind!r} claims")
            continue
        claim.verdict = checker(claim, ctx)
