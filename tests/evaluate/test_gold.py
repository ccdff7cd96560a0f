"""The gold claim set and the fixture KB: well-formed, big enough, and every verdict consistent
with ``tests/data/kb/facts.json`` under the product's verdict rules (docs/gold-set.md)."""

from __future__ import annotations

import html
import itertools
import json
import re
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from newscheck.evaluate.fixture import build_fixture_kb, load_facts, write_fixture_dump
from newscheck.evaluate.gold import (
    GOLD_KINDS,
    GOLD_VERDICTS,
    VERDICT_KINDS,
    GoldArticle,
    GoldClaim,
    load_gold,
    match_claims,
    norm,
    per_kind_scores,
    verdict_agreement,
)
from newscheck.model import Claim, Coverage, EntityRef, PartialDate, Term, TimeAnchor, Verdict

ROOT = Path(__file__).resolve().parents[2]
CLAIMS_DIR = ROOT / "tests" / "data" / "claims"
FACTS = ROOT / "tests" / "data" / "kb" / "facts.json"
OFFICE_KINDS = {"head_of_state", "head_of_government", "foreign_minister", "finance_minister",
                "defence_minister", "interior_minister", "justice_minister",
                "deputy_head_of_government", "minister", "other"}
SINGLE_HOLDER = {"head_of_state", "head_of_government", "foreign_minister", "finance_minister",
                 "defence_minister", "interior_minister", "justice_minister"}
BOUNDARY_DAYS = 7   # decisive gold verdicts stay this far from any relevant term boundary


@pytest.fixture(scope="module")
def gold() -> list[GoldArticle]:
    return load_gold(CLAIMS_DIR)


@pytest.fixture(scope="module")
def facts() -> dict:
    return load_facts(FACTS)


def _claims(gold: list[GoldArticle]) -> list[GoldClaim]:
    return [c for a in gold for c in a.claims]


# --- the set is well formed ------------------------------------------------------------------
def test_every_gold_file_parses_and_has_its_article(gold: list[GoldArticle]) -> None:
    jsons = sorted(CLAIMS_DIR.glob("*.json"))
    assert len(gold) == len(jsons) >= 45
    for art in gold:
        assert art.source_path.exists()
        assert art.source_path.stem == art.path.stem
        assert art.claims, art.name
        for c in art.claims:
            assert c.kind in GOLD_KINDS
            assert c.verdict is None or c.verdict in GOLD_VERDICTS
            if c.kind in VERDICT_KINDS:
                assert c.verdict is not None and c.why, (art.name, c)
                assert c.office_kind in OFFICE_KINDS, (art.name, c)
            assert date(2005, 1, 1) <= c.time <= date(2025, 12, 31), (art.name, c)


def test_default_directory_is_the_checkout() -> None:
    assert [a.name for a in load_gold()] == [a.name for a in load_gold(CLAIMS_DIR)]


def test_published_is_null_only_for_pages_that_carry_a_date(gold: list[GoldArticle]) -> None:
    for art in gold:
        if art.published is None:
            page = art.source_path.read_text(encoding="utf-8")
            assert art.source_path.suffix == ".html", art.name
            assert re.search(r'article:published_time" content="\d{4}-\d{2}-\d{2}', page), art.name


def _body(art: GoldArticle) -> str:
    raw = art.source_path.read_text(encoding="utf-8")
    if art.source_path.suffix == ".html":
        inner = re.search(r"<article>(.*)</article>", raw, re.S)
        assert inner, art.name
        raw = re.sub(r'<div class="share">.*?</div>|<figure>.*?</figure>', " ", inner.group(1),
                     flags=re.S)
        raw = html.unescape(re.sub(r"<[^>]+>", " ", raw))
    return raw


def test_articles_are_short_news(gold: list[GoldArticle]) -> None:
    for art in gold:
        words = len(_body(art).split())
        assert 80 <= words <= 300, (art.name, words)


def test_html_pages_carry_debris_for_intake_to_drop(gold: list[GoldArticle]) -> None:
    pages = [a for a in gold if a.source_path.suffix == ".html"]
    assert len(pages) * 4 >= len(gold)   # about a third are pages
    for art in pages:
        raw = art.source_path.read_text(encoding="utf-8")
        for debris in ("<nav>", "Share article", "Related articles", "Image source:"):
            assert debris in raw, (art.name, debris)


def test_claim_subjects_appear_in_the_article(gold: list[GoldArticle]) -> None:
    for art in gold:
        text = norm(_body(art))
        for c in art.claims:
            assert norm(c.subject) in text, (art.name, c.subject)
            if c.kind in ("role", "former_role"):
                assert norm(c.object) in text, (art.name, c.object)
            if c.kind in ("counterpart", "meeting"):
                assert norm(c.object) in text, (art.name, c.object)


def test_counts(gold: list[GoldArticle]) -> None:
    claims = _claims(gold)
    checked = [c for c in claims if c.kind in VERDICT_KINDS]
    verdicts = Counter(c.verdict for c in checked)
    assert len(checked) >= 80
    assert verdicts["refuted"] >= 25
    assert verdicts["not_enough_evidence"] >= 10
    assert sum(1 for c in claims if c.kind in ("meeting", "visit", "first")) >= 10
    countries = {c.country for c in checked if c.country}
    assert len(countries) >= 10
    years = {c.time.year for c in claims}
    assert min(years) <= 2007 and max(years) >= 2025


# --- verdicts follow from facts.json ---------------------------------------------------------
class Facts:
    """facts.json with the product's verdict rules in plain interval logic."""

    def __init__(self, data: dict) -> None:
        self.as_of = date.fromisoformat(data["as_of"])
        self.positions = {p["id"]: p for p in data["positions"]}
        self.people = {p["id"]: p for p in data["people"]}
        self.by_name: dict[str, set[str]] = {}
        for p in data["people"]:
            for name in [p["label"], *p.get("aliases", [])]:
                self.by_name.setdefault(norm(name), set()).add(p["id"])
        self.terms: list[Term] = [
            Term(p["id"], t["position"],
                 PartialDate.parse(t["start"]) if t.get("start") else None,
                 PartialDate.parse(t["end"]) if t.get("end") else None)
            for p in data["people"] for t in p["positions"]]

    def person(self, name: str) -> str | None:
        ids = self.by_name.get(norm(name), set())
        assert len(ids) <= 1, name
        return next(iter(ids), None)

    def offices(self, country: str | None, kind: str | None) -> set[str]:
        return {pid for pid, p in self.positions.items()
                if p["country"] == country and p["office_kind"] == kind}

    def covers(self, term: Term, at: date) -> Coverage:
        return term.covers(at, as_of=self.as_of)

    def role(self, c: GoldClaim) -> str:
        person, offices = self.person(c.subject), self.offices(c.country, c.office_kind)
        if c.time > self.as_of or person is None or not offices:
            return "not_enough_evidence"
        own = [t for t in self.terms if t.person == person and t.position in offices]
        cover = {self.covers(t, c.time) for t in own}
        assert Coverage.MAYBE not in cover, f"{c}: coarse dates make this claim uncertain"
        if Coverage.YES in cover:
            return "supported"
        if own:
            return "refuted"
        if c.office_kind in SINGLE_HOLDER and any(
                self.covers(t, c.time) is Coverage.YES for t in self.terms
                if t.position in offices and t.person != person):
            return "refuted"
        return "not_enough_evidence"

    def former_role(self, c: GoldClaim) -> str:
        person, offices = self.person(c.subject), self.offices(c.country, c.office_kind)
        if person is None or not offices:
            return "not_enough_evidence"
        own = [t for t in self.terms if t.person == person and t.position in offices]
        if any(t.start is not None and t.start.latest() < c.time for t in own):
            return "supported"
        if not own and c.office_kind in SINGLE_HOLDER and self._complete(offices, c.time):
            return "refuted"
        return "not_enough_evidence"

    def _complete(self, offices: set[str], until: date) -> bool:
        """Every day from 2005-01-01 to ``until`` has a recorded holder (the KB covers it)."""
        spans = sorted((t.start.earliest(), t.end.latest() if t.end else self.as_of)
                       for t in self.terms if t.position in offices and t.start is not None)
        reach = date(2005, 1, 1)
        for start, end in spans:
            if start > reach:
                return False
            reach = max(reach, end)
        return reach >= until

    def verdict(self, c: GoldClaim) -> str:
        return self.former_role(c) if c.kind == "former_role" else self.role(c)

    def boundary_days(self, c: GoldClaim) -> int | None:
        person, offices = self.person(c.subject), self.offices(c.country, c.office_kind)
        gaps = [g for t in self.terms if t.position in offices or t.person == person
                if (g := t.days_to_boundary(c.time)) is not None]
        return min(gaps) if gaps else None


def test_facts_are_well_formed(facts: dict) -> None:
    f = Facts(facts)
    assert len({p["country"] for p in facts["positions"]}) >= 8
    for pos in facts["positions"]:
        assert pos["office_kind"] in OFFICE_KINDS
        assert re.fullmatch(r"Q\d+|L:[a-z0-9-]+", pos["id"]), pos["id"]
    for person in facts["people"]:
        assert re.fullmatch(r"Q\d+|L:[a-z0-9-]+", person["id"]), person["id"]
        for t in person["positions"]:
            assert t["position"] in f.positions, (person["id"], t)
    for t in f.terms:   # no term ends before it starts
        assert t.start is not None
        assert t.end is None or t.end.latest() >= t.start.earliest(), t
    # single-holder offices: no two holders overlap by more than a handover day
    for pid, pos in f.positions.items():
        if pos["office_kind"] not in SINGLE_HOLDER:
            continue
        spans = sorted((t.start.latest(), t.end.earliest() if t.end else f.as_of, t.person)
                       for t in f.terms if t.position == pid and t.start is not None)
        for (_, end_a, who_a), (start_b, _, who_b) in itertools.pairwise(spans):
            if who_a != who_b:
                assert (end_a - start_b).days <= 1, (pid, who_a, who_b)


def test_every_gold_verdict_follows_from_the_facts(gold: list[GoldArticle], facts: dict) -> None:
    f = Facts(facts)
    wrong = [(a.name, c.subject, c.object, c.time.isoformat(), c.verdict, f.verdict(c))
             for a in gold for c in a.claims
             if c.kind in VERDICT_KINDS and f.verdict(c) != c.verdict]
    assert not wrong, "\n".join(map(str, wrong))


def test_decisive_verdicts_stay_clear_of_term_boundaries(gold: list[GoldArticle],
                                                         facts: dict) -> None:
    f = Facts(facts)
    near = [(a.name, c.subject, days) for a in gold for c in a.claims
            if c.kind in ("role", "counterpart") and c.verdict != "not_enough_evidence"
            and (days := f.boundary_days(c)) is not None and days < BOUNDARY_DAYS]
    assert not near, near


def test_absent_people_really_are_absent(gold: list[GoldArticle], facts: dict) -> None:
    f = Facts(facts)
    absent = {c.subject for c in _claims(gold) if c.kind in VERDICT_KINDS
              and f.person(c.subject) is None}
    assert len(absent) >= 5   # people outside the fixture, on purpose


# --- the fixture dump and KB -----------------------------------------------------------------
def test_fixture_dump_has_official_framing(tmp_path: Path, facts: dict) -> None:
    dump = write_fixture_dump(FACTS, tmp_path)
    assert dump.name == f"fixture-{facts['as_of'].replace('-', '')}.json"
    lines = dump.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[" and lines[-1] == "]"
    body = lines[1:-1]
    assert all(line.endswith(",") for line in body[:-1]) and not body[-1].endswith(",")
    ents = [json.loads(line.rstrip(",")) for line in body]
    assert json.loads("\n".join(lines))  # the whole file is one JSON array too
    assert len(ents) == len(facts["positions"]) + len(facts["people"])
    people = [e for e in ents if "P31" in e["claims"]]
    assert len(people) == len(facts["people"])
    for e in people:
        assert e["claims"]["P31"][0]["mainsnak"]["datavalue"]["value"]["id"] == "Q5"
        for st in e["claims"]["P39"]:
            assert "P580" in st["qualifiers"]
    positions = [e for e in ents if "P17" in e["claims"]]
    assert len(positions) == len(facts["positions"])
    assert all("P1001" in e["claims"] for e in positions)


def test_fixture_imports_through_the_real_importer(tmp_path: Path, facts: dict) -> None:
    pytest.importorskip("newscheck.knowledge.importer")
    import sqlite3

    kb = build_fixture_kb(tmp_path)
    conn = sqlite3.connect(kb)
    try:
        kinds = dict(conn.execute("SELECT kind, count(*) FROM items GROUP BY kind").fetchall())
        assert kinds.get("person") == len(facts["people"])
        assert kinds.get("position") == len(facts["positions"])
        terms = conn.execute("SELECT count(*) FROM statements WHERE property = 'P39'").fetchone()
        assert terms[0] == sum(len(p["positions"]) for p in facts["people"])
        as_of = conn.execute("SELECT as_of FROM sources").fetchone()[0]
        assert as_of == facts["as_of"]
    finally:
        conn.close()


# --- the matcher -----------------------------------------------------------------------------
def _pred(kind: str, subject: str, obj: str | None = None, *, label: str | None = None,
          verdict: str | None = None, **qualifiers: str) -> Claim:
    anchor = TimeAnchor(basis="published", date=date(2023, 11, 27))
    return Claim(id="c", kind=kind, text="", sentence="", start=0, end=0, time=anchor,  # type: ignore[arg-type]
                 subject=EntityRef(subject, label=label),
                 object=EntityRef(obj) if obj else None, qualifiers=dict(qualifiers),
                 verdict=Verdict(verdict, 0.9, "") if verdict else None)  # type: ignore[arg-type]


def _gold(kind: str, subject: str, obj: str, verdict: str | None = "supported",
          **kw: str) -> GoldClaim:
    return GoldClaim(kind=kind, subject=subject, object=obj, time=date(2023, 11, 27),
                     verdict=verdict, **kw)


def test_match_by_short_mention_label_and_accents() -> None:
    gold = [_gold("role", "Yoko Kamikawa", "Japanese Foreign Minister",
                  country="Q17", office_kind="foreign_minister"),
            _gold("role", "Tarō Asō", "Prime Minister", country="Q17",
                  office_kind="head_of_government")]
    preds = [_pred("role", "Kamikawa", "foreign minister"),
             _pred("role", "Mr Aso", "Prime Minister", label="Taro Aso")]
    matched, extra, missed = match_claims(preds, gold)
    assert [(p.subject.mention, g.subject) for p, g in matched] == [
        ("Kamikawa", "Yoko Kamikawa"), ("Mr Aso", "Tarō Asō")]
    assert extra == [] and missed == []


def test_role_objects_must_name_the_same_office() -> None:
    gold = [_gold("role", "Fumio Kishida", "Japanese Prime Minister")]
    matched, extra, missed = match_claims([_pred("role", "Kishida", "foreign minister")], gold)
    assert matched == [] and len(extra) == 1 and len(missed) == 1
    # ... unless the office kind and country say it is the same office
    pred = _pred("role", "Kishida", "premier", office_kind="head_of_government", country="Q17")
    gold_k = [_gold("role", "Fumio Kishida", "Japanese Prime Minister", country="Q17",
                    office_kind="head_of_government")]
    assert len(match_claims([pred], gold_k)[0]) == 1


def test_kinds_and_one_to_one() -> None:
    gold = [_gold("role", "Park Jin", "Foreign Minister"),
            _gold("counterpart", "Park Jin", "Yoko Kamikawa")]
    preds = [_pred("counterpart", "Park Jin", "Kamikawa"), _pred("counterpart", "Park", "Kamikawa"),
             _pred("meeting", "Park Jin", "Kamikawa")]
    matched, extra, missed = match_claims(preds, gold)
    assert [(p.kind, p.subject.mention) for p, _ in matched] == [("counterpart", "Park Jin")]
    assert len(extra) == 2 and [g.kind for g in missed] == ["role"]


def test_surname_only_when_unique() -> None:
    gold = [_gold("role", "David Miliband", "Foreign Secretary"),
            _gold("role", "Ed Miliband", "Energy Secretary")]
    matched, _, _ = match_claims([_pred("role", "Mr Miliband", "Foreign Secretary")], gold)
    assert matched == []
    matched, _, _ = match_claims([_pred("role", "Mr Hague", "Foreign Secretary")],
                                 [_gold("role", "William Hague", "Foreign Secretary")])
    assert len(matched) == 1


def test_scores_and_verdict_agreement() -> None:
    gold = [_gold("role", "Boris Johnson", "Prime Minister", verdict="refuted"),
            _gold("visit", "Fumio Kishida", "Washington", verdict=None)]
    preds = [_pred("role", "Boris Johnson", "Prime Minister", verdict="refuted"),
             _pred("role", "Jeremy Hunt", "Chancellor", verdict="supported")]
    matched, extra, missed = match_claims(preds, gold)
    scores = per_kind_scores(matched, extra, missed)
    assert (scores["role"].tp, scores["role"].fp, scores["role"].fn) == (1, 1, 0)
    assert scores["role"].precision == 0.5 and scores["role"].recall == 1.0
    assert round(scores["role"].f1, 3) == 0.667
    assert scores["visit"].recall == 0.0 and scores["visit"].f1 == 0.0
    assert verdict_agreement(matched) == (1, 1)


# Labels whose office kind the importer does not infer yet (reported to the lead; see
# docs/gold-set.md). Remove an entry once the importer infers it.
KNOWN_KIND_GAPS: set[str] = set()


def test_importer_infers_the_fixture_office_kinds(tmp_path: Path, facts: dict) -> None:
    knowledge = pytest.importorskip("newscheck.knowledge")
    if not hasattr(knowledge, "open_kb"):
        pytest.skip("newscheck.knowledge.open_kb is not there yet")
    kb = knowledge.open_kb(build_fixture_kb(tmp_path))
    wrong = {p["id"]: (p["label"], kb.kind(p["id"]), p["office_kind"])
             for p in facts["positions"]
             if kb.kind(p["id"]) != p["office_kind"] or kb.jurisdiction(p["id"]) != p["country"]}
    assert set(wrong) <= KNOWN_KIND_GAPS, wrong
    for name in ("Taro Aso", "Tarō Asō", "Kang Kyung-hwa", "S. Jaishankar"):
        assert kb.search(name), name
