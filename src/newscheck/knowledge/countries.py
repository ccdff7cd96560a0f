"""Built-in country reference data: ids, names, short forms and demonyms.

Independent of any knowledge base. The table (``newscheck/data/countries.csv``, columns
``id,name,short_forms,demonyms`` with ``|``-separated lists) is read on first use and cached.

``country_by_name`` matches names, short forms and demonyms case-, accent- and
punctuation-insensitively, ignoring a leading "the" and a possessive "'s": "the U.S.", "US" and
"United States of America" are the same key. Names that would fit two countries ("Korea",
"Korean", "Congo", "Congolese", "Dominican") are deliberately not in the table, so they give None.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .. import rx

__all__ = ["COUNTRIES", "Country", "all_countries", "country", "country_by_name", "normalize"]

COUNTRIES: tuple[Country, ...]  # every country; built on first access by __getattr__ below


@dataclass(frozen=True, slots=True)
class Country:
    id: str
    name: str
    short_forms: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()

    def names(self) -> tuple[str, ...]:
        """The name, then short forms, then demonyms."""
        return (self.name, *self.short_forms, *self.demonyms)


_POSSESSIVE_RE = rx.compile(r"['’]s\b")
_APOSTROPHE_RE = rx.compile(r"['’`.]")
_NON_WORD_RE = rx.compile(r"[^0-9a-z]+")


def normalize(text: str) -> str:
    """The matching key of a country name: "The U.S.'s" → "us", "Côte d'Ivoire" → "cote divoire"."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = _POSSESSIVE_RE.sub("", text)
    text = _APOSTROPHE_RE.sub("", text)  # "U.S." → "us", "d'Ivoire" → "divoire"
    text = _NON_WORD_RE.sub(" ", text).strip()
    if text.startswith("the "):
        text = text[4:]
    return text


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split("|") if part.strip())


@lru_cache(maxsize=1)
def all_countries() -> tuple[Country, ...]:
    """Every country in the table, in file order (read once, then cached)."""
    text = resources.files("newscheck").joinpath("data/countries.csv").read_text("utf-8")
    return tuple(
        Country(row["id"], row["name"], _split(row["short_forms"]), _split(row["demonyms"]))
        for row in csv.DictReader(io.StringIO(text))
    )


@lru_cache(maxsize=1)
def _by_id() -> dict[str, Country]:
    return {c.id: c for c in all_countries()}


@lru_cache(maxsize=1)
def _by_name() -> dict[str, Country | None]:
    """Normalized name → country; None marks a key that two countries share (ambiguous)."""
    index: dict[str, Country | None] = {}
    for c in all_countries():
        for name in c.names():
            key = normalize(name)
            if not key:
                continue
            if key in index and index[key] is not None and index[key] != c:
                index[key] = None
            else:
                index.setdefault(key, c)
    return index


def country(id: str) -> Country | None:
    """The country with this id (Wikidata Q id or local ``L:`` id), or None."""
    return _by_id().get(id)


def country_by_name(text: str) -> Country | None:
    """The country a name, short form or demonym denotes; None if unknown or ambiguous."""
    return _by_name().get(normalize(text))


def __getattr__(name: str) -> tuple[Country, ...]:
    if name == "COUNTRIES":
        return all_countries()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
