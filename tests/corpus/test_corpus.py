"""Reference corpus: add (HTML, text, JSON lines), incremental index, time-aware retrieval,
check --corpus, fact-check import and matching, CLI errors."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

import newscheck
from newscheck.corpus import add_paths, import_factchecks, open_corpus
from newscheck.corpus.factchecks import read_factchecks
from newscheck.corpus.index import BM25Index
from newscheck.errors import CorpusCorrupt, CorpusNotFound, MalformedInput

pytest.importorskip("bm25s")

DOCS = [
    {"id": "a", "title": "Harbour bridge reopens", "published": "2023-04-02",
     "url": "https://example.org/a",
     "text": "The Harwick harbour bridge reopened to traffic on Saturday after two years of "
             "repairs. About 18,000 vehicles are expected to cross the bridge every day."},
    {"id": "b", "title": "Bridge repairs to finish late", "published": "2022-11-20",
     "url": "https://example.org/b",
     "text": "Repairs to the Harwick harbour bridge will finish later than planned, the regional "
             "transport office said on Monday. The bridge had been closed since 2021."},
    {"id": "c", "title": "Zoo welcomes cubs", "published": "2024-06-01",
     "url": "https://example.org/c",
     "text": "The Rendsburg zoo welcomed two snow leopard cubs this spring, its director said."},
]


def _jsonl(path: Path, rows: list[dict[str, str]]) -> Path:
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    d = tmp_path / "corpus"
    add_paths(d, [_jsonl(tmp_path / "docs.jsonl", DOCS[:2])])
    return d


def test_add_counts_and_is_incremental(tmp_path: Path, corpus: Path) -> None:
    again = add_paths(corpus, [_jsonl(tmp_path / "more.jsonl", DOCS)])
    assert again["documents"] == 1 and again["duplicates"] == 2
    assert len(BM25Index(corpus).names) == 2            # one segment per add
    c = open_corpus(corpus)
    try:
        assert c.store.stats()["passages"] == 5
        hits = c.retrieve("snow leopard cubs at the zoo", None)
        assert hits and "leopard" in hits[0][0].text and hits[0][0].title == "Zoo welcomes cubs"
    finally:
        c.close()


def test_html_and_text_files_and_directories(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "one.txt").write_text("Ferry news\n\nThe ferry between Holm and Tarsk will run "
                                  "every 30 minutes from April, the company said.\n",
                                  encoding="utf-8")
    (docs / "two.html").write_text(
        "<html><head><title>Library</title><meta property='article:published_time' "
        "content='2023-01-05'></head><body><article><p>The central library in Ostby will "
        "extend its opening hours from January, the culture department said.</p></article>"
        "</body></html>", encoding="utf-8")
    (docs / "bad.jsonl").write_text("{not json\n", encoding="utf-8")
    result = add_paths(tmp_path / "c", [docs])
    assert result["documents"] == 2 and result["skipped"] == {"malformed": 1}


def test_time_aware_retrieval(corpus: Path) -> None:
    c = open_corpus(corpus)
    try:
        late = c.retrieve("Harwick harbour bridge reopened after repairs", date(2022, 12, 31))
        assert {p.url for p, _ in late} == {"https://example.org/b"}
        assert {p.url for p, _ in c.retrieve("Harwick harbour bridge reopened", None)} == {
            "https://example.org/a", "https://example.org/b"}
    finally:
        c.close()


def test_check_with_corpus_adds_evidence_and_respects_as_of(corpus: Path) -> None:
    text = ("The Harwick harbour bridge reopened to traffic on Saturday after two years of "
            "repairs, officials said.")
    rep = newscheck.check(text, published="2023-04-03", corpus=corpus)
    (claim,) = [c for c in rep.claims if c.kind == "other"]
    assert claim.verdict is not None
    assert any(e.kind == "passage" and e.extra.get("url") == "https://example.org/a"
               for e in claim.verdict.evidence)
    assert claim.verdict.label != "refuted"
    assert rep.to_dict()["corpus"]["passages"] == 4
    early = newscheck.check(text, published="2023-04-03", corpus=corpus, as_of="2022-12-31")
    urls = {e.extra.get("url") for c in early.claims for e in (c.verdict.evidence if c.verdict
                                                                else ())}
    assert "https://example.org/a" not in urls


def test_missing_and_corrupt_corpus(tmp_path: Path) -> None:
    with pytest.raises(CorpusNotFound):
        open_corpus(tmp_path / "none")
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "corpus.sqlite").write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(CorpusCorrupt):
        open_corpus(bad)


CLAIMREVIEW = {
    "@context": "https://schema.org", "@type": "ClaimReview",
    "claimReviewed": "The Harwick harbour bridge carries 90,000 vehicles every day.",
    "reviewRating": {"@type": "Rating", "alternateName": "False"},
    "author": {"@type": "Organization", "name": "Example Checks"},
    "datePublished": "2023-02-01", "url": "https://checks.example.org/bridge",
}


def test_factcheck_import_shapes(tmp_path: Path) -> None:
    (tmp_path / "one.json").write_text(json.dumps(CLAIMREVIEW), encoding="utf-8")
    (tmp_path / "liar.tsv").write_text(
        "1.json\tfalse\tSays the moon is made of cheese.\tspace\tjane-doe\t\t\t\t0\t0\t0\t0\t0\t"
        "a speech\n", encoding="utf-8")
    (tmp_path / "plus.jsonl").write_text(json.dumps(
        {"id": 0, "label": "true", "claim": "Water boils at 100 degrees at sea level.",
         "originator": "someone"}) + "\n", encoding="utf-8")
    got = [list(read_factchecks(tmp_path / n)) for n in ("one.json", "liar.tsv", "plus.jsonl")]
    assert got[0][0].rating == "False" and got[0][0].date == date(2023, 2, 1)
    assert got[1][0].claim == "Says the moon is made of cheese." and got[1][0].rating == "false"
    assert got[2][0].rating == "true" and got[2][0].date is None
    (tmp_path / "bad.json").write_text('{"@type": "Article"}', encoding="utf-8")
    with pytest.raises(MalformedInput):
        list(read_factchecks(tmp_path / "bad.json"))


def test_factcheck_match_and_rating(tmp_path: Path, corpus: Path) -> None:
    (tmp_path / "fc.json").write_text(json.dumps(CLAIMREVIEW), encoding="utf-8")
    assert import_factchecks(corpus, tmp_path / "fc.json")["imported"] == 1
    claim = "The Harwick harbour bridge carries 90,000 vehicles every day."
    after = newscheck.check(claim, published="2023-03-01", corpus=corpus)
    (c,) = [c for c in after.claims if c.kind == "other"]
    assert c.verdict is not None and c.verdict.label == "refuted"
    fc = [e for e in c.verdict.evidence if "factcheck" in e.extra]
    assert fc and fc[0].extra["factcheck"]["publisher"] == "Example Checks"
    before = newscheck.check(claim, published="2023-01-15", corpus=corpus)
    (c2,) = [c for c in before.claims if c.kind == "other"]
    assert c2.verdict is not None and c2.verdict.label != "refuted"     # fact-check is later
    loose = newscheck.check("Every day many vehicles cross the Harwick harbour bridge in town.",
                            published="2023-03-01", corpus=corpus)
    assert all(c.verdict is None or c.verdict.label != "refuted" for c in loose.claims)
    # the negation of a claim rated false shares its words but is not refuted by the rating
    negated = newscheck.check("The Harwick harbour bridge never carried 90,000 vehicles every "
                              "day.", published="2023-03-01", corpus=corpus)
    assert all(c.verdict is None or c.verdict.label != "refuted" for c in negated.claims)
    # another figure is another claim, however many words it shares with the rated one
    other = newscheck.check("The Harwick harbour bridge carries 60,000 vehicles every day.",
                            published="2023-03-01", corpus=corpus)
    assert all(c.verdict is None or c.verdict.label != "refuted" for c in other.claims)


def _cli(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "newscheck.cli", *args], capture_output=True,
                          timeout=120)


def test_cli(tmp_path: Path) -> None:
    d = tmp_path / "c"
    src = _jsonl(tmp_path / "docs.jsonl", DOCS)
    proc = _cli("corpus", "add", str(src), "--corpus", str(d))
    assert proc.returncode == 0 and b"added 3 documents" in proc.stdout
    stats = json.loads(_cli("corpus", "stats", "--corpus", str(d), "--format", "json").stdout)
    assert stats["documents"] == 3 and stats["first_published"] == "2022-11-20"
    art = tmp_path / "a.txt"
    art.write_text("The Rendsburg zoo welcomed two snow leopard cubs this spring, officials say.",
                   encoding="utf-8")
    proc = _cli("check", str(art), "--corpus", str(d), "--as-of", "2024-12-31")
    assert proc.returncode == 0 and json.loads(proc.stdout)["corpus"]["as_of"] == "2024-12-31"
    missing = _cli("check", str(art), "--corpus", str(tmp_path / "nope"))
    assert missing.returncode == 20 and b"no corpus" in missing.stderr
    assert b"Traceback" not in missing.stderr
    bad_date = _cli("check", str(art), "--corpus", str(d), "--as-of", "soon")
    assert bad_date.returncode == 9


def test_dense_hybrid_retrieval(tmp_path: Path) -> None:
    pytest.importorskip("wordllama")
    from newscheck.corpus.dense import default_embedder, rrf

    try:
        default_embedder()
    except Exception as exc:  # a wordllama without its shipped tokenizer
        pytest.skip(str(exc))
    d = tmp_path / "dense"
    add_paths(d, [_jsonl(tmp_path / "docs.jsonl", DOCS)], dense=True)
    index = BM25Index(d)
    assert index.dense and (d / "index" / index.names[0] / "dense.npy").exists()
    (hits,) = index.search(["young leopards born at an animal park"], 3)
    c = open_corpus(d)
    try:
        texts = c.store.passages([pid for pid, _ in hits])
        assert "leopard" in texts[hits[0][0]].text
    finally:
        c.close()
    assert rrf([[1, 2, 3], [3, 1]], 2) == [(1, 1 / 61 + 1 / 62), (3, 1 / 63 + 1 / 61)]
