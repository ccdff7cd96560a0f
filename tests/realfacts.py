"""A small KB imported from office-holder tables in the shape of ../shared/data, with true public
facts only (rows copied from officeholders-japan, officeholders-south-korea and world-leaders-2021,
Wikidata via every-politician-scrapers):

- Japan: Fumio Kishida Minister for Foreign Affairs 2012-12-26 to 2017-08-03 and Minister of State
  for Okinawa and Northern Territories Affairs 2007-08-27 to 2008-08-02; Toshimitsu Motegi
  Minister for Foreign Affairs 2019-09-11 to 2021-11-04; Tarō Asō Minister of Finance 2012-12-26
  to 2021-10-04; Keiko Chiba Minister of Justice 2009-09-16 to 2010-09-07; Sanae Takaichi
  Minister for Internal Affairs and Communications 2014-09-03 to 2017-08-03.
- South Korea: Kim Dong-yeon Minister of Finance 2017-06-09 to 2018-12-10, Hong Nam-ki from
  2018-11 to 2022-05-09; Park Sang-ki Minister of Justice 2017-07-19 to 2019-09-08.
- Egypt: Abdel Fattah el-Sisi President from 2014.
"""

from __future__ import annotations

import json
from pathlib import Path

HEAD = "id,position,country,jurisdiction,deputy,list,start,end,before,after,enwiki\n"
JAPAN_POSITIONS = HEAD + """\
Q1355043,Minister for Foreign Affairs,Q17,Q17,,,,,,,Minister for Foreign Affairs (Japan)
Q6500849,Minister of Finance,Q17,Q17,,Q20675766,,,,,
Q841904,Minister of Justice,Q17,Q17,,,,,,,Minister of Justice (Japan)
Q1578065,Minister of Internal Affairs and Communications,Q17,Q17,,,,,,,
Q109971593,Minister in Charge of Territorial Issues,Q17,Q17,,,,,,,
"""
OKINAWA = "Minister of State for Okinawa and Northern Territories Affairs"
JAPAN_HOLDERS = f"""\
position,person,personID,start,end
Minister for Foreign Affairs,Fumio Kishida,Q359480,2012-12-26,2017-08-03
Minister for Foreign Affairs,Toshimitsu Motegi,Q1655453,2019-09-11,2021-11-04
{OKINAWA},Fumio Kishida,Q359480,2007-08-27,2008-08-02
Minister of Finance,Tarō Asō,Q132596,2012-12-26,2021-10-04
Minister of Justice,Keiko Chiba,Q455433,2009-09-16,2010-09-07
Minister for Internal Affairs and Communications,Sanae Takaichi,Q1705028,2014-09-03,2017-08-03
"""
KOREA_POSITIONS = HEAD + """\
Q12592471,Finance minister of South Korea,Q884,Q884,,,,,,,
Q12592448,Minister of Justice,Q884,Q884,,,,,,,
"""
KOREA_HOLDERS = """\
position,person,personID,start,end
Minister of Finance,Kim Dong-yeon,Q16080198,2017-06-09,2018-12-10
Minister of Finance,Hong Nam-ki,Q31180640,2018-11,2022-05-09
Minister of Justice,Park Sang-ki,Q42836875,2017-07-19,2019-09-08
"""
WORLD_LEADERS = """\
countryid,country,position,positionLabel,officeholder,officeholderLabel,start_year,end_year
Q79,Egypt,Q15618993,President of Egypt,Q307871,Abdel Fattah el-Sisi,2014,
"""


def write_tables(root: Path, *, world_leaders: bool = False) -> list[Path]:
    """The Japan and South Korea tables; with ``world_leaders`` that table too (its as-of date,
    2014, is then the KB's: every later date is past what the KB can know)."""
    files = []
    for name, country, cid, positions, holders in (
            ("officeholders-japan", "Japan", "Q17", JAPAN_POSITIONS, JAPAN_HOLDERS),
            ("officeholders-south-korea", "South Korea", "Q884", KOREA_POSITIONS,
             KOREA_HOLDERS)):
        d = root / name / "html"
        d.mkdir(parents=True)
        (root / name / "meta.json").write_text(
            json.dumps({"jurisdiction": {"name": country, "id": cid}}), "utf-8")
        (d / "positions.csv").write_text(positions, "utf-8")
        (d / "holders21.csv").write_text(holders, "utf-8")
        files.append(d / "holders21.csv")
    if not world_leaders:
        return files
    wl = root / "world-leaders-2021" / "data" / "wikidata.csv"
    wl.parent.mkdir(parents=True)
    wl.write_text(WORLD_LEADERS, "utf-8")
    return [*files, wl]


def build_kb(root: Path, *, world_leaders: bool = False) -> Path:
    from newscheck.knowledge.importer import import_files

    target = root / ("real-wl.kb" if world_leaders else "real.kb")
    import_files(target, write_tables(root / target.stem, world_leaders=world_leaders))
    return target


# --- shared by the tests that check claims on these real rows -----------------------------------
import pytest  # noqa: E402


@pytest.fixture(scope="module")
def real_kb(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """A KB imported from the rows above, for one test module."""
    from newscheck.knowledge import open_kb

    knowledge = open_kb(build_kb(Path(tmp_path_factory.mktemp("real"))))
    yield knowledge
    knowledge.close()


def only_role(kb, text: str, published: str):  # type: ignore[no-untyped-def]
    """The one role claim ``newscheck.check`` finds in ``text``."""
    import newscheck

    claims = [c for c in newscheck.check(text, published=published, kb=kb).claims
              if c.kind == "role"]
    assert len(claims) == 1, claims
    return claims[0]
