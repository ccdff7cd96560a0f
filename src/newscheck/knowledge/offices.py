"""The office words the gazetteer knows: generic titles and national ones.

A generic title ("foreign minister") names an office kind; the country comes from the words next
to it ("Japanese Foreign Minister", "Japan's foreign minister", "Foreign Minister of Japan"), which
:mod:`newscheck.claims.mentions` composes. A national title ("Chancellor of the Exchequer",
"External Affairs Minister") also names its country, given here by country name and resolved with
``newscheck.knowledge.countries.country_by_name`` so that no country id is written twice.

Titles whose ``kind`` is ``None`` are *blockers*: they are matched (longest match wins) only so
that the generic title inside them is not ("Vice President", "Deputy Foreign Minister",
"President-elect" hold no office of the kind the inner words name).
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple


class OfficeWord(NamedTuple):
    """One title: its office kind (None for a blocker) and the country it implies, by name."""

    kind: str | None
    country: str | None = None


_FM = "foreign_minister"
_FIN = "finance_minister"
_DEF = "defence_minister"
_INT = "interior_minister"
_JUS = "justice_minister"
_HOG = "head_of_government"
_HOS = "head_of_state"
_DEP = "deputy_head_of_government"
_MIN = "minister"

GENERIC: dict[str, str] = {
    # heads
    "prime minister": _HOG, "premier": _HOG, "chancellor": _HOG, "head of government": _HOG,
    "president": _HOS, "head of state": _HOS, "king": _HOS, "queen": _HOS, "emperor": _HOS,
    "monarch": _HOS,
    # deputies
    "deputy prime minister": _DEP, "vice premier": _DEP, "vice-premier": _DEP,
    "vice chancellor": _DEP, "vice-chancellor": _DEP,
    # foreign
    "foreign minister": _FM, "minister of foreign affairs": _FM,
    "minister for foreign affairs": _FM, "foreign affairs minister": _FM,
    "minister of foreign affairs and trade": _FM, "top diplomat": _FM,
    # finance
    "finance minister": _FIN, "minister of finance": _FIN, "minister for finance": _FIN,
    "treasury minister": _FIN,
    # defence
    "defence minister": _DEF, "defense minister": _DEF, "minister of defence": _DEF,
    "minister of defense": _DEF, "minister for defence": _DEF, "minister of national defense": _DEF,
    "minister of national defence": _DEF,
    # interior
    "interior minister": _INT, "minister of the interior": _INT, "minister of interior": _INT,
    "home affairs minister": _INT, "minister of home affairs": _INT,
    # justice
    "justice minister": _JUS, "minister of justice": _JUS, "minister for justice": _JUS,
}

# Portfolios that make "<portfolio> minister" / "minister of <portfolio>" a plain minister.
PORTFOLIOS: tuple[str, ...] = (
    "trade", "economy", "economic", "energy", "health", "education", "environment", "agriculture",
    "transport", "culture", "labour", "labor", "industry", "commerce", "tourism", "science",
    "digital", "climate", "housing", "immigration", "development", "unification", "infrastructure",
)

NATIONAL: dict[str, OfficeWord] = {
    "secretary of state": OfficeWord(_FM, "United States"),
    "chancellor of the exchequer": OfficeWord(_FIN, "United Kingdom"),
    "foreign secretary": OfficeWord(_FM, "United Kingdom"),
    "home secretary": OfficeWord(_INT, "United Kingdom"),
    "defence secretary": OfficeWord(_DEF, "United Kingdom"),
    "justice secretary": OfficeWord(_JUS, "United Kingdom"),
    "secretary of defense": OfficeWord(_DEF, "United States"),
    "defense secretary": OfficeWord(_DEF, "United States"),
    "treasury secretary": OfficeWord(_FIN, "United States"),
    "secretary of the treasury": OfficeWord(_FIN, "United States"),
    "attorney general": OfficeWord(_JUS, "United States"),
    "external affairs minister": OfficeWord(_FM, "India"),
    "minister of external affairs": OfficeWord(_FM, "India"),
    "home minister": OfficeWord(_INT, "India"),
    "union home minister": OfficeWord(_INT, "India"),
    "taoiseach": OfficeWord(_HOG, "Ireland"),
    "tanaiste": OfficeWord(_DEP, "Ireland"),
    "federal chancellor": OfficeWord(_HOG, None),
}

# Titles outside government offices the KB classifies: role claims of kind "other" (checked
# only when the KB knows the position; never refuted for want of data).
OTHER_TITLES: tuple[str, ...] = (
    "leader", "opposition leader", "party leader", "negotiator", "chief negotiator",
    "ambassador", "governor", "envoy", "special envoy", "special representative",
    "chief cabinet secretary", "speaker", "mayor", "secretary-general", "secretary general",
    "spokesman", "spokesperson", "spokeswoman", "gov", "press secretary",
    "white house press secretary",
    # portfolio secretaries (US departments, UK secretaries of state): found among the
    # person's own offices by name (``verify.offices.title_keys``), never refuted
    "energy secretary", "health secretary", "education secretary", "labor secretary",
    "commerce secretary", "agriculture secretary", "transportation secretary",
    "interior secretary", "housing secretary", "homeland security secretary",
    "veterans affairs secretary", "brexit secretary", "environment secretary",
    "business secretary", "culture secretary", "transport secretary", "trade secretary",
    "work and pensions secretary", "northern ireland secretary", "scotland secretary",
    "wales secretary", "international development secretary", "communities secretary",
)

# Abbreviated titles: matched only capitalised and followed by their full stop ("Gov.").
ABBREVIATED_TITLES: frozenset[str] = frozenset({"gov"})

# Matched so that the title inside them is not; they name no office we check.
BLOCKERS: tuple[str, ...] = (
    "vice president", "vice-president", "president-elect", "president elect",
    "prime minister-elect", "prime minister elect", "chancellor-elect",
    "deputy foreign minister", "vice foreign minister", "vice-foreign minister",
    "first vice foreign minister", "state minister", "minister of state",
    "deputy secretary of state", "assistant secretary of state", "under secretary of state",
    "undersecretary of state", "secretary of state for", "shadow foreign secretary",
    "shadow chancellor", "shadow home secretary", "foreign ministry", "foreign office",
    "prime minister's office", "president's office", "presidential office",
    "deputy finance minister", "deputy defence minister", "deputy defense minister",
    "parliamentary vice-minister", "parliamentary secretary", "first lady", "crown prince",
    "vice minister", "vice-minister", "deputy minister", "junior minister",
    "president of the european commission", "president of the european council",
    "foreign ministers", "prime ministers", "presidents", "finance ministers",
    "defence ministers", "defense ministers", "university chancellor",
    "lt gov", "lieutenant gov", "lieutenant governor",
)


@lru_cache(maxsize=1)
def office_words() -> dict[str, OfficeWord]:
    """Every title, lower case, to its kind and implied country name."""
    out: dict[str, OfficeWord] = {k: OfficeWord(v) for k, v in GENERIC.items()}
    for p in PORTFOLIOS:
        out.setdefault(f"{p} minister", OfficeWord(_MIN))
        out.setdefault(f"minister of {p}", OfficeWord(_MIN))
        out.setdefault(f"minister for {p}", OfficeWord(_MIN))
    out.update(NATIONAL)
    for t in OTHER_TITLES:
        out[t] = OfficeWord("other")
    for b in BLOCKERS:
        out[b] = OfficeWord(None)
    return out
