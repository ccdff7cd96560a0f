"""Claim extraction + linking speed, and how it scales with the size of the KB.

    python benchmarks/claims.py [--articles 1000] [--aliases 100000] [--factor 10]

Builds two synthetic KBs (fictional people and offices, written as a Wikidata JSON dump and
imported with the real importer) with ``--aliases`` and ``--factor`` × that many names, generates
varied ~600-word articles from templates, and prints for each KB the gazetteer build time, claims
per second and the median/p95 ms per article (extract_claims + link_claims, warm). The per-article
cost should stay roughly flat as the KB grows (the ratio line).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from newscheck.claims import extract_claims
from newscheck.gazetteer import cache as gazcache
from newscheck.gazetteer import clear_cache, gazetteer_for
from newscheck.knowledge import open_kb, wdjson
from newscheck.knowledge.countries import all_countries
from newscheck.knowledge.importer import import_files
from newscheck.linking import link_claims
from newscheck.model import Article, TimeAnchor

SYL = ("ka", "to", "mi", "ra", "no", "se", "lu", "vi", "den", "mar", "rol", "tan", "bek", "sor",
       "ash", "el", "in", "gor", "fal", "zen", "quo", "hil", "dra", "pem", "wyn", "jor", "cas")
KINDS = ("Prime Minister", "Foreign Minister", "Finance Minister", "Defence Minister")


def name(rng: random.Random) -> str:
    def word() -> str:
        return "".join(rng.choice(SYL) for _ in range(rng.randint(2, 3))).capitalize()
    return f"{word()} {word()}"


def synthetic_entities(n_aliases: int, seed: int = 7) -> Iterator[dict[str, Any]]:
    rng = random.Random(seed)
    countries = list(all_countries())[:60]
    positions = []
    for c in countries:
        for k in KINDS:
            pid = f"L:{c.id}-{k.lower().replace(' ', '-')}"
            positions.append(pid)
            yield wdjson.entity(pid, f"{k} of {c.name}", country=c.id, jurisdiction=c.id)
    n_people = n_aliases // 2
    for i in range(n_people):
        terms = [{"position": rng.choice(positions), "start": f"{rng.randint(1990, 2020)}-01-01",
                  "end": f"{rng.randint(2021, 2024)}-12-31"}]
        full = name(rng)
        yield wdjson.entity(f"L:p{i}", full, aliases=[f"{full.split()[0][0]}. {full.split()[1]}"],
                            instance_of=["Q5"], positions=terms)


def build_kb(tmp: Path, n_aliases: int) -> Path:
    dump = tmp / f"synthetic{n_aliases}-20250101.json"
    with dump.open("w", encoding="utf-8") as fh:
        fh.writelines(wdjson.dump_lines(synthetic_entities(n_aliases)))
    kb = tmp / f"synthetic{n_aliases}.kb"
    import_files(kb, [dump])
    return kb


TEMPLATES = (
    "{demonym} {office} {p1} met his {demonym2} counterpart, {p2}, in {city} on {weekday}.",
    "{p2}, {country2}'s {office_l}, said the talks had been useful and constructive.",
    "Former {office} {p3} visited {country} last month for talks on trade and security.",
    "In {year}, then-{office} {p4} signed a similar agreement with {country2}.",
    "{p1} and {p2} held talks for {n} minutes and agreed to meet again next year.",
    "It was the first visit to {country2} by a {demonym} {office_l} since {year}.",
    "Trade between the two countries rose {n} percent in {year}, officials said.",
    "The ministers discussed supply chains, energy and the security situation in the region.",
    "{p5}, who served as {office_l} from {year} to {year2}, attended the dinner.",
    "\"We have agreed to work together,\" {p1} told reporters after the meeting.",
    "Analysts said the meeting could open a new chapter in relations between the neighbours.",
    "{p2} travelled to {city} on {weekday} and will return home at the weekend.",
    "The two sides also discussed climate policy, student exchanges and tourism.",
    "Officials from both governments said more than {n} companies would join the programme.",
)
CITIES = ("Tokyo", "Seoul", "Canberra", "Berlin", "Paris", "Ottawa", "Rome", "Delhi")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


def articles(kb_names: list[str], n: int, seed: int = 11) -> list[str]:
    rng = random.Random(seed)
    countries = [c for c in all_countries() if c.demonyms][:60]
    out = []
    for _ in range(n):
        c1, c2 = rng.sample(countries, 2)
        ppl = rng.sample(kb_names, 5)
        fill = {"demonym": c1.demonyms[0], "demonym2": c2.demonyms[0], "country": c1.name,
                "country2": c2.name, "office": rng.choice(KINDS),
                "office_l": rng.choice(KINDS).lower(), "city": rng.choice(CITIES),
                "weekday": rng.choice(WEEKDAYS), "year": rng.randint(1995, 2015),
                "year2": rng.randint(2016, 2022), "n": rng.randint(2, 90),
                **{f"p{i + 1}": p for i, p in enumerate(ppl)}}
        paras = []
        words = 0
        while words < 600:
            sents = [t.format(**fill) for t in rng.sample(TEMPLATES, 4)]
            paras.append(" ".join(sents))
            words += sum(len(s.split()) for s in sents)
        out.append(f"{fill['p1']} meets {fill['p2']} in {fill['city']}\n\n" + "\n\n".join(paras))
    return out


def run(kb_path: Path, texts: list[str]) -> dict[str, float]:
    clear_cache()
    kb = open_kb(kb_path)
    t0 = time.perf_counter()
    gaz = gazetteer_for(kb)
    build_s = time.perf_counter() - t0
    anchor = TimeAnchor("published", date=date(2023, 5, 10))
    for text in texts[:20]:     # warm caches
        art = Article(text=text, published=anchor.date)
        link_claims(extract_claims(art, kb, anchor), art, kb)
    per: list[float] = []
    n_claims = 0
    for text in texts:
        art = Article(text=text, published=anchor.date)
        t = time.perf_counter()
        claims = link_claims(extract_claims(art, kb, anchor), art, kb)
        per.append(time.perf_counter() - t)
        n_claims += len(claims)
    kb.close()
    per.sort()
    return {"keys": gaz.size, "build_s": build_s, "claims_per_s": n_claims / sum(per),
            "median_ms": statistics.median(per) * 1000, "p95_ms": per[int(len(per) * .95)] * 1000,
            "claims_per_article": n_claims / len(texts)}


def main() -> None:
    # The figures are of the in-memory build: no disk cache (benchmarks/gazetteer.py measures it).
    os.environ[gazcache.ENV_MIN_KEYS] = str(sys.maxsize)
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--aliases", type=int, default=100_000)
    ap.add_argument("--factor", type=int, default=10)
    args = ap.parse_args()
    rng_names = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        results = {}
        for n in (args.aliases, args.aliases * args.factor):
            t0 = time.perf_counter()
            kb_path = build_kb(Path(tmp), n)
            print(f"KB with ~{n:,} aliases imported in {time.perf_counter() - t0:.1f}s")
            kb = open_kb(kb_path)
            names = [nm for nm, _ in kb.names()]
            kb.close()
            people = [nm for nm in names if " " in nm and "." not in nm and " of " not in nm]
            texts = articles(rng_names.sample(people, 2000), args.articles)
            r = run(kb_path, texts)
            results[n] = r
            print(f"  {r['keys']:,} gazetteer keys, built in {r['build_s']:.2f}s; "
                  f"{r['claims_per_s']:,.0f} claims/s; {r['median_ms']:.2f} ms/article median, "
                  f"{r['p95_ms']:.2f} ms p95; {r['claims_per_article']:.1f} claims/article")
        small, big = (results[k] for k in sorted(results))
        print(f"ratio ({args.factor}x aliases): median ms/article x"
              f"{big['median_ms'] / small['median_ms']:.2f}, claims/s x"
              f"{big['claims_per_s'] / small['claims_per_s']:.2f}")


if __name__ == "__main__":
    main()
