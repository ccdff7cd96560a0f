"""JSON lines, WARC and single files → Records (intake/records.py)."""

from __future__ import annotations

import gzip
import io
import json
from datetime import date
from pathlib import Path

import pytest

from newscheck.errors import InputIsDirectory, InputNotFound, MalformedInput
from newscheck.intake.records import Record, iter_records, parse_published, record_format


def _jsonl(tmp_path: Path, rows: list[object], name: str = "c.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in rows) + "\n",
                    encoding="utf-8")
    return path


def test_jsonl_fields_and_defaults(tmp_path: Path) -> None:
    path = _jsonl(tmp_path, [
        {"id": "a1", "text": "The council met on Monday.", "title": "T", "published": "2023-05-07",
         "url": "https://example.org/a"},
        "",
        {"html": "<p>Body</p>", "published": "2023-05-08T10:00:00Z"},
    ])
    recs = list(iter_records(path))
    assert recs[0] == Record(id="a1", source=f"{path}:1", text="The council met on Monday.",
                             title="T", published=date(2023, 5, 7), url="https://example.org/a")
    assert recs[1].id == "c.jsonl:3" and recs[1].html == "<p>Body</p>" and recs[1].text is None
    assert recs[1].published == date(2023, 5, 8) and recs[1].content == "<p>Body</p>"


def test_gzipped_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl.gz"
    path.write_bytes(gzip.compress(json.dumps({"id": 7, "text": "x y"}).encode() + b"\n"))
    assert [r.id for r in iter_records(path)] == ["7"]


@pytest.mark.parametrize(("line", "needle"), [
    ("{not json", "not valid JSON"),
    ("[1, 2]", "must be an object"),
    ('{"id": "x"}', "no 'text' or 'html'"),
    ('{"text": "a", "published": "yesterday"}', "is not a date"),
    ('{"text": 5}', "must be a string"),
])
def test_malformed_line_names_file_and_line(tmp_path: Path, line: str, needle: str) -> None:
    path = _jsonl(tmp_path, [{"text": "fine"}, line])
    with pytest.raises(MalformedInput, match=needle) as info:
        list(iter_records(path))
    assert f"{path}:2" in info.value.message


def test_skip_mode_reports_and_continues(tmp_path: Path) -> None:
    path = _jsonl(tmp_path, ["{bad", {"text": "kept"}])
    skipped: list[tuple[str, str]] = []
    recs = list(iter_records(path, errors="skip", on_skip=lambda w, m: skipped.append((w, m))))
    assert [r.text for r in recs] == ["kept"]
    assert skipped and skipped[0][0] == f"{path}:1"


def test_single_files(tmp_path: Path) -> None:
    html = tmp_path / "page.html"
    html.write_text("<html><body><p>Hello there.</p></body></html>", encoding="utf-8")
    txt = tmp_path / "note.txt"
    txt.write_text("Plain words.\n", encoding="utf-8")
    (rh,), (rt,) = list(iter_records(html)), list(iter_records(txt))
    assert rh.html is not None and rh.text is None and rh.id == "page.html"
    assert rt.text == "Plain words.\n" and rt.html is None


def test_missing_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputNotFound):
        list(iter_records(tmp_path / "nope.jsonl"))
    with pytest.raises(InputIsDirectory):
        list(iter_records(tmp_path))


def test_formats_and_dates() -> None:
    assert record_format(Path("a.warc.gz")) == "warc"
    assert record_format(Path("a.JSONL")) == "jsonl"
    assert record_format(Path("a.html")) == "file"
    assert parse_published("", "x") is None
    with pytest.raises(MalformedInput):
        parse_published(2023, "x")


def _warc(path: Path, pages: list[tuple[str, str, bytes]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=path.suffix == ".gz")
        for url, ctype, body in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.0")
            writer.write_record(writer.create_warc_record(url, "response",
                                                          payload=io.BytesIO(body),
                                                          http_headers=headers))


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_keeps_html_and_text_responses(tmp_path: Path, name: str) -> None:
    pytest.importorskip("warcio")
    path = tmp_path / name
    _warc(path, [("https://example.org/a", "text/html; charset=utf-8", b"<p>Page A</p>"),
                 ("https://example.org/i.png", "image/png", b"\x89PNG...."),
                 ("https://example.org/b.txt", "text/plain", b"Plain B")])
    recs = list(iter_records(path))
    assert [r.url for r in recs] == ["https://example.org/a", "https://example.org/b.txt"]
    assert recs[0].html == "<p>Page A</p>" and recs[1].text == "Plain B"
    assert recs[0].published is None and recs[0].id.startswith("urn:uuid:")


def test_broken_warc_is_malformed(tmp_path: Path) -> None:
    pytest.importorskip("warcio")
    path = tmp_path / "bad.warc"
    path.write_bytes(b"this is not a warc file at all\r\n\r\n")
    with pytest.raises(MalformedInput, match="not a WARC file"):
        list(iter_records(path))
