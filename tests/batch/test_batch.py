"""newscheck batch: inputs of every kind, a bad article never stops the run, outputs, resume,
never clobbering OUT, graded exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newscheck.batch import BatchOptions, run_batch, summarize
from newscheck.errors import BatchOutputExists

ROOT = Path(__file__).resolve().parents[2]
TEXT = ("Prime Minister Boris Johnson met President Joe Biden in London on Tuesday, "
        "officials said.\n\nThe two leaders discussed trade.\n")
HTML = ("<html><head><title>Talks</title></head><body><article><h1>Talks</h1><p>{}</p>"
        "</article></body></html>")


def make_inputs(tmp: Path) -> Path:
    src = tmp / "in"
    (src / "sub").mkdir(parents=True)
    (src / "a.txt").write_text(TEXT, encoding="utf-8")
    (src / "sub" / "b.html").write_text(HTML.format(TEXT), encoding="utf-8")
    (src / "sub" / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(40)))
    (src / "notes.csv").write_text("not,an,article\n", encoding="utf-8")   # ignored: not HTML/text
    (src / "feed.jsonl").write_text(
        json.dumps({"id": "j1", "text": TEXT, "published": "2023-05-07"}) + "\n"
        + "{broken\n"
        + json.dumps({"id": "j3", "html": HTML.format(TEXT), "url": "https://example.org/x"})
        + "\n", encoding="utf-8")
    return src


def rows(out: Path) -> list[dict]:
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def test_every_input_once_and_bad_ones_recorded(tmp_path: Path) -> None:
    src = make_inputs(tmp_path)
    out = tmp_path / "out.jsonl"
    stats = run_batch(BatchOptions(inputs=[src], out=out))
    got = rows(out)
    assert [r["source"] for r in got] == [f"{src}/a.txt", f"{src}/feed.jsonl:1",
                                         f"{src}/feed.jsonl:2", f"{src}/feed.jsonl:3",
                                         f"{src}/sub/b.html", f"{src}/sub/image.html"]
    by = {r["source"]: r for r in got}
    assert by[f"{src}/feed.jsonl:2"]["status"] == "error"
    assert by[f"{src}/feed.jsonl:2"]["error_code"] == "NC108"
    assert by[f"{src}/sub/image.html"]["error_code"] == "NC104"
    ok = by[f"{src}/feed.jsonl:1"]
    assert ok["status"] == "ok" and ok["id"] == "j1" and ok["error"] is None
    assert ok["report"]["anchor"]["date"] == "2023-05-07"
    assert ok["report"]["summary"]["refuted"] >= 1          # Johnson was not PM in May 2023
    assert (stats.ok, stats.failed) == (4, 2)
    assert summarize(out)["claims"] == stats.claims


def test_out_is_never_clobbered(tmp_path: Path) -> None:
    src = make_inputs(tmp_path)
    out = tmp_path / "out.jsonl"
    out.write_text("precious\n", encoding="utf-8")
    with pytest.raises(BatchOutputExists):
        run_batch(BatchOptions(inputs=[src], out=out))
    assert out.read_text(encoding="utf-8") == "precious\n"
    run_batch(BatchOptions(inputs=[src], out=out, overwrite=True))
    assert len(rows(out)) == 6


def test_resume_drops_a_cut_line_and_finishes(tmp_path: Path) -> None:
    src = make_inputs(tmp_path)
    out = tmp_path / "out.jsonl"
    run_batch(BatchOptions(inputs=[src], out=out))
    lines = out.read_bytes().splitlines(keepends=True)
    out.write_bytes(b"".join(lines[:2]) + lines[2][:25])      # as if killed mid-write
    stats = run_batch(BatchOptions(inputs=[src], out=out, resume=True))
    assert stats.resumed == 2 and stats.articles == 4
    assert sorted(r["source"] for r in rows(out)) == sorted(json.loads(x)["source"]
                                                           for x in lines)


def test_parquet_tables_and_resume(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    src = make_inputs(tmp_path)
    out = tmp_path / "out"
    run_batch(BatchOptions(inputs=[src], out=out, format="parquet", workers=2))
    arts = pq.read_table(out / "articles").to_pylist()
    claims = pq.read_table(out / "claims").to_pylist()
    assert len(arts) == 6 and {a["status"] for a in arts} == {"ok", "error"}
    assert {c["verdict"] for c in claims} <= {"supported", "refuted", "not_enough_evidence"}
    refuted = [c for c in claims if c["verdict"] == "refuted"]
    assert refuted and refuted[0]["subject_label"] and refuted[0]["article_id"]
    assert sum(a["claims"] for a in arts) == len(claims)
    stats = run_batch(BatchOptions(inputs=[src], out=out, format="parquet", resume=True))
    assert stats.articles == 0 and stats.resumed == 6
    assert summarize(out)["articles"] == 6
    with pytest.raises(BatchOutputExists):
        run_batch(BatchOptions(inputs=[src], out=out, format="jsonl", resume=True))


def test_workers_give_the_same_output(tmp_path: Path) -> None:
    src = make_inputs(tmp_path)
    one, two = tmp_path / "1.jsonl", tmp_path / "2.jsonl"
    run_batch(BatchOptions(inputs=[src], out=one))
    run_batch(BatchOptions(inputs=[src], out=two, workers=2))
    assert one.read_bytes() == two.read_bytes()


def test_warc_date_is_the_fallback(tmp_path: Path) -> None:
    pytest.importorskip("warcio")
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                protocol="HTTP/1.1")
        rec = writer.create_warc_record("https://example.org/talks", "response",
                                        payload=BytesIO(HTML.format(TEXT).encode()),
                                        http_headers=http,
                                        warc_headers_dict={"WARC-Date": "2023-05-09T10:00:00Z"})
        writer.write_record(rec)
    out = tmp_path / "out.jsonl"
    run_batch(BatchOptions(inputs=[path], out=out))
    (row,) = rows(out)
    assert row["status"] == "ok"
    assert row["report"]["anchor"]["date"] == "2023-05-09"
    assert "crawl date" in row["report"]["warnings"][0]


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "newscheck.cli", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=300)


def test_cli_exit_codes_and_summary(tmp_path: Path) -> None:
    src = make_inputs(tmp_path)
    proc = _cli("batch", str(src), "--out", "o.jsonl", cwd=tmp_path)
    assert proc.returncode == 25, proc.stderr
    assert "2 of 6 articles failed" in proc.stderr and "Traceback" not in proc.stderr
    again = _cli("batch", str(src), "--out", "o.jsonl", cwd=tmp_path)
    assert again.returncode == 24 and "already exists" in again.stderr
    summary = _cli("batch-summary", "o.jsonl", "--format", "json", cwd=tmp_path)
    assert summary.returncode == 0 and json.loads(summary.stdout)["failed"] == 2
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "x.html").write_bytes(b"%PDF-1.4 binary")
    assert _cli("batch", str(bad), "--out", "b.jsonl", cwd=tmp_path).returncode == 26
    missing = _cli("batch", "nowhere", "--out", "c.jsonl", cwd=tmp_path)
    assert missing.returncode == 3 and not (tmp_path / "c.jsonl").exists()


def test_corpus_passes_through_to_every_check(tmp_path: Path) -> None:
    pytest.importorskip("bm25s")
    from newscheck.corpus import add_paths
    from newscheck.errors import CorpusNotFound

    source = ("The Harwick harbour bridge reopened to traffic on Saturday after two years of "
              "repairs. About 18,000 vehicles are expected to cross the bridge every day.")
    docs = tmp_path / "docs.jsonl"
    docs.write_text(json.dumps({"id": "a", "text": source, "published": "2023-04-02",
                                "url": "https://example.org/a"}) + "\n", encoding="utf-8")
    corpus = tmp_path / "corpus"
    add_paths(corpus, [docs])
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "r", "published": "2023-04-03", "text": (
        "The Harwick harbour bridge reopened to traffic on Saturday after two years of "
        "repairs, officials said.")}) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    run_batch(BatchOptions(inputs=[feed], out=out, corpus=corpus, workers=2))
    (row,) = rows(out)
    assert row["status"] == "ok" and row["report"]["corpus"]["passages"] >= 1
    urls = {e.get("url") for c in row["report"]["claims"] for e in c["evidence"]}
    assert "https://example.org/a" in urls
    with pytest.raises(CorpusNotFound):
        run_batch(BatchOptions(inputs=[feed], out=tmp_path / "x.jsonl", corpus=tmp_path / "no"))
    assert not (tmp_path / "x.jsonl").exists()
