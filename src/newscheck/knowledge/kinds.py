"""Generic office kinds (``head_of_state``, ``foreign_minister``, ...) of a position.

From P279 (subclass of) where the superclass is one of the few Wikidata classes below, else from
the English label. Every id here was checked against public code that names it (see
docs/knowledge.md); an unknown superclass falls through to the label patterns.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .. import rx

OFFICE_KINDS: tuple[str, ...] = (
    "head_of_state", "head_of_government", "foreign_minister", "finance_minister",
    "defence_minister", "interior_minister", "justice_minister", "deputy_head_of_government",
    "minister", "other",
)
SINGLE_HOLDER_KINDS = frozenset(k for k in OFFICE_KINDS if k.endswith("_minister")) | {
    "head_of_government", "head_of_state", "deputy_head_of_government"}
# Deputy prime ministers are often several at once (South Korea has two): not single-holder.
SINGLE_HOLDER_KINDS = SINGLE_HOLDER_KINDS - {"deputy_head_of_government"}

# Wikidata classes a position item can be a subclass (P279) of.
SUPERCLASS_KINDS: dict[str, str] = {
    "Q48352": "head_of_state",        # head of state
    "Q30461": "head_of_state",        # president
    "Q2285706": "head_of_government",  # head of government
    "Q14212": "head_of_government",   # prime minister
    "Q3099723": "head_of_government",  # minister-president
    "Q7330070": "foreign_minister",   # foreign minister
    "Q83307": "minister",             # minister (refined by the label when it can be)
}
HUMAN = "Q5"
POSITION_CLASSES = frozenset({"Q4164871", "Q294414"})  # position, public office
COUNTRY_CLASSES = frozenset({"Q6256"})                  # country

_F = re.IGNORECASE
US = "Q30"
# Order matters: the first matching pattern wins.
_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (rx.compile(r"\b(?:vice|deputy|first deputy|alternate)[- ](?:prime minister|premier"
                r"|chancellor)\b",
                _F), "deputy_head_of_government"),
    (rx.compile(r"\b(?:deputy|vice|assistant|under|junior|parliamentary|shadow)[- ]", _F),
     "other"),
    (rx.compile(r"\bchancellor of the exchequer\b", _F), "finance_minister"),
    (rx.compile(r"\bsecretary of (?:the )?treasury\b", _F), "finance_minister"),
    (rx.compile(r"\bsecretary of state for foreign\b|\bforeign secretary\b", _F),
     "foreign_minister"),
    (rx.compile(r"\bsecretary of state for defen[cs]e\b|\bsecretary of defen[cs]e\b", _F),
     "defence_minister"),
    (rx.compile(r"\bhome secretary\b|\bsecretary of state for the home department\b", _F),
     "interior_minister"),
    (rx.compile(r"\bsecretary of state for\b", _F), "minister"),
    (rx.compile(r"^(?:united states |u\.?s\.? )secretary of state$"
                r"|^secretary of state of the united states(?: of america)?$", _F),
     "foreign_minister"),
    (rx.compile(r"\bminister of state\b", _F), "minister"),
    (rx.compile(r"\bminist(?:er|ry)\b.*\b(?:foreign|external) (?:affairs|relations)\b"
                r"|\b(?:foreign|external affairs) minister\b", _F), "foreign_minister"),
    (rx.compile(r"\bminister\b.*\b(?:finance|treasury)\b|\b(?:finance|treasury) minister\b",
                _F), "finance_minister"),
    (rx.compile(r"\bminister\b.*\bdefen[cs]e\b|\bdefen[cs]e minister\b", _F),
     "defence_minister"),
    (rx.compile(r"\bminister\b.*\b(?:interior|home affairs|internal affairs)\b"
                r"|\b(?:interior|home) minister\b", _F), "interior_minister"),
    (rx.compile(r"\bminister\b.*\bjustice\b|\bjustice minister\b"
                r"|^(?:united states )?attorney general of the united states$", _F),
     "justice_minister"),
    (rx.compile(r"\bprime minister\b|\bpremier of the state council\b"
                r"|^president of the (?:government|council of ministers)\b", _F),
     "head_of_government"),
    (rx.compile(r"^(?:federal )?chancellor(?: of (?:germany|austria"
                r"|the federal republic of germany))?$", _F), "head_of_government"),
    (rx.compile(r"^(?:president|emperor|empress|king|queen|monarch|sovereign|grand duke|emir"
                r"|sultan|captain regent|co-prince)\b", _F), "head_of_state"),
    (rx.compile(r"\bminister\b", _F), "minister"),
]
# "President of the House of Councillors", "King of the Netherlands' Cabinet": not heads of state.
_NOT_HEAD = rx.compile(r"\b(?:house|senate|assembly|court|council|parliament|bank|party|"
                       r"commission|committee|university|board|association|league|chamber|"
                       r"diet|congress|region|province|prefecture|club|federation|company)\b",
                       _F)
_BARE_SECRETARY = rx.compile(r"^secretary of state$", _F)
# "Premier of the People's Republic of China", "Premier of North Korea" head a national
# government; "Premier of Ontario" or "of Queensland" does not, so the rest must name a country.
_PREMIER_OF = rx.compile(r"^premier of (?:the )?(?P<place>.+)$", _F)


def kind_from_label(label: str, country: str | None = None) -> str | None:
    """The office kind a label names, or None if it names no office we know.

    A bare "Secretary of State" is the foreign minister only in the United States.
    """
    text = label.strip()
    if _BARE_SECRETARY.match(text):
        return "foreign_minister" if country == US else "other"
    premier = _PREMIER_OF.match(text)
    if premier:
        from .countries import country_by_name

        if country_by_name(premier["place"]) is not None:
            return "head_of_government"
    for pattern, kind in _PATTERNS:
        if pattern.search(text):
            if kind == "head_of_state" and _NOT_HEAD.search(text):
                return "other"
            return kind
    return None


def kind_from_superclasses(classes: Iterable[str], label: str) -> str | None:
    """The office kind from P279 superclasses; a generic ``minister`` is refined by the label."""
    found = [SUPERCLASS_KINDS[c] for c in classes if c in SUPERCLASS_KINDS]
    for kind in ("head_of_state", "head_of_government", "foreign_minister"):
        if kind in found:
            # "president" (Q30461) also heads banks, universities and assemblies
            if kind == "head_of_state" and _NOT_HEAD.search(label):
                return "other"
            return kind
    if "minister" in found:
        by_label = kind_from_label(label)
        return by_label if by_label and by_label.endswith("minister") else "minister"
    return None


def default_single_holder(kind: str | None) -> bool:
    return kind in SINGLE_HOLDER_KINDS
