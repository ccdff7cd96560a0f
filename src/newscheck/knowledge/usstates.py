"""US states and territories as news writes them: USPS code, name, AP style abbreviation.

Used by the congress importer (the data give USPS codes) and by claim extraction ("D-Mass.",
"R-N.Y.", "Kentucky Republican"). AP style writes some names in full (Alaska, Hawaii, Idaho,
Iowa, Maine, Ohio, Texas, Utah).
"""

from __future__ import annotations

import re
from functools import lru_cache

# code, name, AP abbreviation (empty: AP writes the name in full)
STATES: tuple[tuple[str, str, str], ...] = (
    ("AL", "Alabama", "Ala."), ("AK", "Alaska", ""), ("AZ", "Arizona", "Ariz."),
    ("AR", "Arkansas", "Ark."), ("CA", "California", "Calif."), ("CO", "Colorado", "Colo."),
    ("CT", "Connecticut", "Conn."), ("DE", "Delaware", "Del."), ("FL", "Florida", "Fla."),
    ("GA", "Georgia", "Ga."), ("HI", "Hawaii", ""), ("ID", "Idaho", ""),
    ("IL", "Illinois", "Ill."), ("IN", "Indiana", "Ind."), ("IA", "Iowa", ""),
    ("KS", "Kansas", "Kan."), ("KY", "Kentucky", "Ky."), ("LA", "Louisiana", "La."),
    ("ME", "Maine", ""), ("MD", "Maryland", "Md."), ("MA", "Massachusetts", "Mass."),
    ("MI", "Michigan", "Mich."), ("MN", "Minnesota", "Minn."), ("MS", "Mississippi", "Miss."),
    ("MO", "Missouri", "Mo."), ("MT", "Montana", "Mont."), ("NE", "Nebraska", "Neb."),
    ("NV", "Nevada", "Nev."), ("NH", "New Hampshire", "N.H."), ("NJ", "New Jersey", "N.J."),
    ("NM", "New Mexico", "N.M."), ("NY", "New York", "N.Y."), ("NC", "North Carolina", "N.C."),
    ("ND", "North Dakota", "N.D."), ("OH", "Ohio", ""), ("OK", "Oklahoma", "Okla."),
    ("OR", "Oregon", "Ore."), ("PA", "Pennsylvania", "Pa."), ("RI", "Rhode Island", "R.I."),
    ("SC", "South Carolina", "S.C."), ("SD", "South Dakota", "S.D."),
    ("TN", "Tennessee", "Tenn."), ("TX", "Texas", ""), ("UT", "Utah", ""),
    ("VT", "Vermont", "Vt."), ("VA", "Virginia", "Va."), ("WA", "Washington", "Wash."),
    ("WV", "West Virginia", "W.Va."), ("WI", "Wisconsin", "Wis."), ("WY", "Wyoming", "Wyo."),
    ("DC", "District of Columbia", "D.C."), ("PR", "Puerto Rico", "P.R."),
    ("GU", "Guam", ""), ("VI", "U.S. Virgin Islands", "V.I."), ("AS", "American Samoa", ""),
    ("MP", "Northern Mariana Islands", ""),
)
NAMES: dict[str, str] = {code: name for code, name, _ in STATES}


def _key(text: str) -> str:
    return re.sub(r"[\s.]+", "", text).lower()


@lru_cache(maxsize=1)
def _lookup() -> dict[str, str]:
    out: dict[str, str] = {}
    for code, name, ap in STATES:
        for form in (code, name, ap, {"WV": "W. Va.", "TX": "Tex."}.get(code, "")):
            if form:
                out[_key(form)] = code
    return out


def state_code(text: str) -> str | None:
    """The USPS code of a state written as a code, a name or an AP abbreviation."""
    return _lookup().get(_key(text))


def state_pattern(*, codes: bool = True) -> str:
    """A regex alternative matching every written form (longest first); ``codes=False`` leaves
    out the two-letter codes ("IN", "OR", "ME" are words too)."""
    forms = {f for code, name, ap in STATES for f in (code if codes else "", name, ap) if f}
    forms |= {"W. Va.", "Tex."}
    parts = sorted(forms, key=lambda f: (-len(f), f))   # ties by name: one pattern per run
    return "|".join(re.escape(p).replace(r"\.", r"\.?").replace(r"\ ", r"\s?") for p in parts)
