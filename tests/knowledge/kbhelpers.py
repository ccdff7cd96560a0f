"""Shared fixtures data for the knowledge tests: dumps, tables and packs written to tmp_path.

Real people and offices carry true public-record facts (Japan's office-holder table in
../shared/data, the Kantei): Fumio Kishida was Minister for Foreign Affairs from 2012-12-26 to
2017-08-03 and Prime Minister from 2021-10-04 to 2024-10-01; Yoshihide Suga Prime Minister from
2020-09-16 to 2021-10-04; Shinzō Abe from 2012-12-26 to 2020-09-16; Taro Kono Minister for Foreign
Affairs from 2017-08-03 to 2019-09-11. Ids Q9000000xx and names like "Testland" are fictional and
only exercise mechanics.
"""

from __future__ import annotations

import bz2
import gzip
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

from newscheck.knowledge import wdjson

HUMAN, POSITION, COUNTRY = "Q5", "Q4164871", "Q6256"
JAPAN, PM_JAPAN, FM_JAPAN = "Q17", "Q274948", "Q1355043"
KISHIDA, SUGA, ABE, KONO = "Q359480", "Q122465", "Q132345", "Q1161024"


def isolate(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No user KB, no cache, no env overrides: every test sees only what it builds."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    for var in ("NEWSCHECK_KB", "NEWSCHECK_WIKIDATA_API", "NEWSCHECK_WIKIDATA_INTERVAL"):
        monkeypatch.delenv(var, raising=False)


def japan_entities() -> list[dict[str, Any]]:
    return [
        wdjson.entity(KISHIDA, "Fumio Kishida", aliases=["Kishida Fumio"], instance_of=[HUMAN],
                      description="Prime Minister of Japan from 2021 to 2024", positions=[
                          {"position": FM_JAPAN, "start": "2012-12-26", "end": "2017-08-03"},
                          {"position": PM_JAPAN, "start": "2021-10-04", "end": "2024-10-01"}]),
        wdjson.entity(SUGA, "Yoshihide Suga", instance_of=[HUMAN], positions=[
            {"position": PM_JAPAN, "start": "2020-09-16", "end": "2021-10-04"}]),
        wdjson.entity(ABE, "Shinzō Abe", instance_of=[HUMAN], positions=[
            {"position": PM_JAPAN, "start": "2012-12-26", "end": "2020-09-16"}]),
        wdjson.entity(KONO, "Taro Kono", instance_of=[HUMAN], positions=[
            {"position": FM_JAPAN, "start": "2017-08-03", "end": "2019-09-11"}]),
        wdjson.entity(FM_JAPAN, "Minister for Foreign Affairs", country=JAPAN,
                      jurisdiction=JAPAN),
        wdjson.entity(PM_JAPAN, "Prime Minister of Japan", country=JAPAN, jurisdiction=JAPAN),
        wdjson.entity(JAPAN, "Japan", instance_of=[COUNTRY], demonyms=["Japanese"]),
    ]


def fictional_entities() -> list[dict[str, Any]]:
    """Testland: mechanics only (ranks, precision, filter, P279 kinds)."""
    return [
        wdjson.entity("Q900000001", "Testland", instance_of=[COUNTRY], demonyms=["Testlandish"]),
        wdjson.entity("Q900000002", "Grand Widget of Testland", instance_of=[POSITION],
                      subclass_of=["Q2285706"], jurisdiction="Q900000001"),
        wdjson.entity("Q900000003", "Alex Example", instance_of=[HUMAN], positions=[
            {"position": "Q900000002", "start": "1990", "end": "1994-05"},
            {"position": "Q900000002", "start": "1999-03-01", "rank": "deprecated"},
            {"position": "Q900000004", "start": "2001-02", "end": "2003"}]),
        # Only reachable through a P39: kept by the second pass.
        wdjson.entity("Q900000004", "Keeper of the Testland Seal"),
        wdjson.entity("Q900000005", "A painting of a cat", instance_of=["Q900000099"],
                      country="Q900000001"),
        wdjson.entity("Q900000006", "Jo Nobody", instance_of=[HUMAN]),   # no P39: dropped
    ]


def write_dump(path: Path, entities: Iterable[dict[str, Any]], *, framing: str = "official",
               extra_lines: Iterable[str] = ()) -> Path:
    if framing == "official":
        lines = list(wdjson.dump_lines(entities))
        lines[1:1] = [line + "\n" for line in extra_lines]
    else:
        lines = [json.dumps(e, ensure_ascii=False) + "\n" for e in entities]
        lines += [line + "\n" for line in extra_lines]
    data = "".join(lines).encode()
    if path.suffix == ".gz":
        data = gzip.compress(data)
    elif path.suffix == ".bz2":
        data = bz2.compress(data)
    path.write_bytes(data)
    return path


def table_rows(conn: Any, *, with_source: bool = True) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the data tables, sorted: compares two KB states exactly (``with_source``
    False: ignoring which file each row came from)."""
    out = {}
    for table in ("items", "aliases", "statements"):
        cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")
                if with_source or r[1] != "source"]
        rows = conn.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall()
        out[table] = sorted(rows, key=repr)
    return out


JAPAN_POSITIONS_CSV = """id,position,country,jurisdiction,deputy,list,start,end,before,after,enwiki
Q274948,Prime Minister of Japan,Q17,Q17,Q1767791,Q243185,1885-12-22,,,,Prime Minister of Japan
Q1355043,Minister for Foreign Affairs,Q17,Q17,,,,,,,Minister for Foreign Affairs (Japan)
Q6500838,Minister of Defense of Japan,Q17,Q17,,,2006-01-09,,,,Minister of Defense (Japan)
"""
JAPAN_HOLDERS_CSV = """position,person,personID,start,end,gender,DOB,DOD,image,enwiki
Prime Minister,Yoshihide Suga,Q122465,2020-09-16,2021-10-04,male,,,,Yoshihide Suga
Prime Minister,Fumio Kishida,Q359480,2021-10-04,,male,,,,Fumio Kishida
Minister of Defence,Fumio Kishida,Q359480,2017-07-28,2017-08-03,male,,,,Fumio Kishida
Minister for Foreign Affairs,Fumio Kishida,Q359480,2012-12-26,2017-08-03,male,,,,Fumio Kishida
Minister for Foreign Affairs,Taro Kono,Q1161024,2017-08-03,2019-09-11,male,,,,Taro Kono
"""
WORLD_LEADERS_CSV = """countryid,country,position,positionLabel,officeholder,officeholderLabel,\
start_year,end_year
Q17,Japan,Q208233,Emperor of Japan,Q217096,Naruhito,2019,
Q17,Japan,Q274948,Prime Minister of Japan,Q359480,Fumio Kishida,2021,
"""


def write_japan_tables(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "positions.csv").write_text(JAPAN_POSITIONS_CSV, encoding="utf-8")
    holders = folder / "holders21.csv"
    holders.write_text(JAPAN_HOLDERS_CSV, encoding="utf-8")
    return holders
