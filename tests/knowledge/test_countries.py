"""Tests of the built-in country reference data (newscheck.knowledge.countries)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from newscheck.knowledge import countries as cmod
from newscheck.knowledge.countries import Country, all_countries, country, country_by_name

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "data"
WORLD_LEADERS = SHARED / "world-leaders-2021" / "data" / "wikidata.csv"


def test_table_shape() -> None:
    rows = all_countries()
    assert len(rows) >= 200
    assert all(isinstance(c, Country) for c in rows)
    ids = [c.id for c in rows]
    assert len(ids) == len(set(ids))
    for c in rows:
        assert c.id.startswith(("Q", "L:")), c
        assert c.name
        assert isinstance(c.short_forms, tuple) and isinstance(c.demonyms, tuple)


def test_countries_accessor() -> None:
    assert cmod.COUNTRIES is all_countries()
    with pytest.raises(AttributeError):
        _ = cmod.NO_SUCH_THING


def test_no_name_maps_to_two_countries() -> None:
    seen: dict[str, str] = {}
    clashes = []
    for c in all_countries():
        for name in c.names():
            key = cmod.normalize(name)
            assert key, (c.id, name)
            if key in seen and seen[key] != c.id:
                clashes.append((name, seen[key], c.id))
            seen.setdefault(key, c.id)
    assert clashes == []


def test_every_name_resolves_to_its_country() -> None:
    for c in all_countries():
        for name in c.names():
            assert country_by_name(name) == c, (name, c.id)


@pytest.mark.parametrize(
    ("text", "cid"),
    [
        ("UK", "Q145"), ("Britain", "Q145"), ("Great Britain", "Q145"), ("U.K.", "Q145"),
        ("British", "Q145"), ("the United Kingdom", "Q145"),
        ("U.S.", "Q30"), ("US", "Q30"), ("USA", "Q30"), ("America", "Q30"),
        ("the United States", "Q30"), ("United States of America", "Q30"), ("the U.S.", "Q30"),
        ("American", "Q30"), ("u.s.", "Q30"), ("The U.S.'s", "Q30"),
        ("South Korea", "Q884"), ("Republic of Korea", "Q884"), ("ROK", "Q884"),
        ("South Korean", "Q884"),
        ("North Korea", "Q423"), ("DPRK", "Q423"), ("North Korean", "Q423"),
        ("China", "Q148"), ("PRC", "Q148"), ("Chinese", "Q148"),
        ("People's Republic of China", "Q148"),
        ("Russia", "Q159"), ("Russian Federation", "Q159"), ("Russian", "Q159"),
        ("Japanese", "Q17"), ("Japan's", "Q17"), ("German", "Q183"), ("French", "Q142"),
        ("Indian", "Q668"), ("Turkish", "Q43"), ("Türkiye", "Q43"), ("Turkiye", "Q43"),
        ("Turkey", "Q43"), ("Côte d'Ivoire", "Q1008"), ("Cote d'Ivoire", "Q1008"),
        ("Taiwan", "Q865"), ("Kosovo", "Q1246"), ("Palestine", "Q219060"),
        ("Afghanistan", "Q889"), ("Saudi", "Q851"), ("Emirati", "Q878"),
        ("The Gambia", "Q1005"), ("Denmark", "Q756617"), ("Dutch", "Q29999"),
        ("European Union", "Q458"), ("EU", "Q458"), ("African Union", "L:african-union"),
        ("  united   KINGDOM ", "Q145"),
    ],
)
def test_examples(text: str, cid: str) -> None:
    found = country_by_name(text)
    assert found is not None, text
    assert found.id == cid, (text, found)


@pytest.mark.parametrize(
    "text", ["Korea", "Korean", "korean", "Congo", "Congolese", "Dominican", "", "the", "Narnia"]
)
def test_ambiguous_or_unknown_is_none(text: str) -> None:
    assert country_by_name(text) is None


def test_country_by_id() -> None:
    jp = country("Q17")
    assert jp is not None and jp.name == "Japan" and "Japanese" in jp.demonyms
    assert country("Q0") is None


@pytest.mark.shared
@pytest.mark.skipif(not WORLD_LEADERS.exists(), reason="../shared/data is absent")
def test_every_world_leaders_country_present() -> None:
    with WORLD_LEADERS.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    missing = {(r["countryid"], r["country"]) for r in rows if country(r["countryid"]) is None}
    assert missing == set()
    # and the names world-leaders uses find the same country
    wrong = {(r["country"], r["countryid"]) for r in rows
             if (found := country_by_name(r["country"])) is None or found.id != r["countryid"]}
    assert wrong == set()
