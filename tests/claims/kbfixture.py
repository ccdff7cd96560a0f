"""A small KB for the claims and linking tests, built through the real importer.

True terms for real people (public record); the two "Sam Doe"s are fictional, there to test
ambiguity.
"""

from __future__ import annotations

from pathlib import Path

from newscheck.knowledge import wdjson

HUMAN = "Q5"
POSITIONS = [
    ("Q274948", "Prime Minister of Japan", ["Japanese Prime Minister"], "Q17"),
    ("Q1355043", "Minister for Foreign Affairs of Japan", ["Japanese Foreign Minister"], "Q17"),
    ("Q12592509", "Minister of Foreign Affairs of South Korea", [], "Q884"),
    ("Q6296418", "President of South Korea", ["South Korean President"], "Q884"),
    ("L:au-foreign-minister", "Minister for Foreign Affairs of Australia", [], "Q408"),
    ("L:au-defence-minister", "Minister for Defence of Australia", [], "Q408"),
]
PEOPLE = [
    ("Q359480", "Fumio Kishida", [], [("Q1355043", "2012-12-26", "2017-08-03"),
                                      ("Q274948", "2021-10-04", "2024-10-01")]),
    ("Q132345", "Shinzō Abe", ["Shinzo Abe"], [("Q274948", "2006-09-26", "2007-09-26"),
                                              ("Q274948", "2012-12-26", "2020-09-16")]),
    ("Q8325594", "Yun Byung-se", [], [("Q12592509", "2013-03-11", "2017-06-18")]),
    ("Q21017", "Yoon Suk Yeol", [], [("Q6296418", "2022-05-10", "2025-04-04")]),
    ("L:penny-wong", "Penny Wong", [], [("L:au-foreign-minister", "2022-05-23", None)]),
    ("L:sam-doe-1", "Sam Doe", [], [("L:au-defence-minister", "1990-01-01", "1991-12-31")]),
    ("L:sam-doe-2", "Sam Doe", [], [("L:au-foreign-minister", "1994-01-01", "1995-12-31")]),
]


def entities() -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for pid, label, aliases, country in POSITIONS:
        out.append(wdjson.entity(pid, label, aliases=aliases, country=country,
                                 jurisdiction=country))
    for qid, label, aliases, terms in PEOPLE:
        out.append(wdjson.entity(qid, label, aliases=aliases, instance_of=[HUMAN],
                                 positions=[{"position": p, "start": s, **({"end": e} if e else {})}
                                            for p, s, e in terms]))
    return out


def build_kb(tmp: Path) -> Path:
    from newscheck.knowledge.importer import import_files

    dump = tmp / "claims-20250630.json"
    with dump.open("w", encoding="utf-8") as fh:
        fh.writelines(wdjson.dump_lines(entities()))
    kb_path = tmp / "claims.kb"
    import_files(kb_path, [dump])
    return kb_path
