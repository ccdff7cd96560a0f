"""The CLI contract: options, formats, and one clear line + documented exit code per bad input."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

ARTICLE = """Ministers meet in Tokyo

Share article

The two foreign ministers met in Tokyo on Tuesday to discuss trade and security in the region.
They agreed to hold another round of talks next year, officials said after the meeting.
"""


def run(*args: str, stdin: bytes | None = None, tmp: Path | None = None,
        env_kb: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    env = None
    if env_kb is not None:
        import os
        env = {**os.environ, "NEWSCHECK_KB": str(env_kb)}
    return subprocess.run([sys.executable, "-m", "newscheck.cli", *args], input=stdin,
                          capture_output=True, timeout=120, cwd=tmp, env=env)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    p = tmp_path / "a.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    return p


def assert_clean_error(proc: subprocess.CompletedProcess[bytes], code: int, *words: str) -> str:
    err = proc.stderr.decode()
    assert proc.returncode == code, err
    assert "Traceback" not in err
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 1, err
    assert lines[0].startswith("newscheck: error:"), err
    for w in words:
        assert w.lower() in err.lower(), err
    return err


def test_json_report_on_text_file(article: Path) -> None:
    proc = run("check", str(article), "--published", "2023-05-07")
    assert proc.returncode == 0, proc.stderr.decode()
    report = json.loads(proc.stdout)
    assert report["schema"] == "newscheck/report@1"
    assert report["article"]["title"] == "Ministers meet in Tokyo"
    assert report["article"]["published"] == "2023-05-07"
    assert "Share article" in report["article"]["removed"]
    assert "Share article" not in report["article"]["text"]
    assert report["summary"]["claims"] == len(report["claims"])


def test_stdin_and_output_file(tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    proc = run("check", "-", "--published", "2023-05-07", "--output", str(out),
               stdin=ARTICLE.encode())
    assert proc.returncode == 0, proc.stderr.decode()
    assert proc.stdout == b""
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["article"]["source"] == "<stdin>"


def test_no_date_anchors_to_today_and_says_so(article: Path) -> None:
    proc = run("check", str(article))
    report = json.loads(proc.stdout)
    assert report["anchor"]["basis"] == "today"
    assert any("--published" in w for w in report["warnings"])


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "claimreview"])
def test_every_format_renders(article: Path, fmt: str) -> None:
    proc = run("check", str(article), "--published", "2023-05-07", "--format", fmt)
    assert proc.returncode == 0, proc.stderr.decode()
    assert proc.stdout.strip()


def test_missing_file(tmp_path: Path) -> None:
    assert_clean_error(run("check", str(tmp_path / "nope.html")), 3, "nope.html")


def test_directory(tmp_path: Path) -> None:
    assert_clean_error(run("check", str(tmp_path)), 3, "directory")


def test_empty_file(tmp_path: Path) -> None:
    p = tmp_path / "empty.html"
    p.write_bytes(b"")
    assert_clean_error(run("check", str(p)), 4, "empty")


def test_empty_stdin() -> None:
    assert_clean_error(run("check", "-", stdin=b""), 4, "empty")


@pytest.mark.parametrize(("name", "data", "word"), [
    ("img.html", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "png"),
    ("doc.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n" + b"\x00" * 64, "pdf"),
    ("a.txt", b"PK\x03\x04" + b"\x00" * 64, "zip"),
    ("b.html", b"\x7fELF\x02\x01\x01" + b"\x00" * 64, "binary"),
])
def test_binary_inputs(tmp_path: Path, name: str, data: bytes, word: str) -> None:
    p = tmp_path / name
    p.write_bytes(data)
    assert_clean_error(run("check", str(p)), 5, word)


def test_too_large(article: Path) -> None:
    assert_clean_error(run("check", str(article), "--max-bytes", "50"), 6, "--max-bytes")


def test_undecodable(tmp_path: Path) -> None:
    p = tmp_path / "bad.txt"
    # UTF-16 BOM followed by an odd number of bytes and lone surrogates: not decodable as declared
    p.write_bytes(b"\xff\xfe" + b"\x00\xd8\x00\xd8\x41")
    assert_clean_error(run("check", str(p)), 7)


def test_html_without_article_text(tmp_path: Path) -> None:
    p = tmp_path / "nav.html"
    p.write_text("<html><head><title>x</title></head><body><nav><a href='/'>Home</a></nav>"
                 "</body></html>", encoding="utf-8")
    assert_clean_error(run("check", str(p)), 8)


def test_bad_published_date(article: Path) -> None:
    assert_clean_error(run("check", str(article), "--published", "7 May 2023"), 9, "YYYY-MM-DD")


def test_missing_kb(article: Path, tmp_path: Path) -> None:
    assert_clean_error(run("check", str(article), "--kb", str(tmp_path / "none.sqlite")), 10)


def test_gzip_is_not_a_traceback(tmp_path: Path) -> None:
    p = tmp_path / "page.html.gz"
    p.write_bytes(gzip.compress(b"<html><body><p>" + b"Text. " * 100 + b"</p></body></html>"))
    proc = run("check", str(p), "--published", "2023-05-07")
    assert "Traceback" not in proc.stderr.decode()
    assert proc.returncode in (0, 5)


def test_help_lists_commands() -> None:
    proc = run("--help")
    assert proc.returncode == 0
    out = proc.stdout.decode()
    assert "check" in out and "kb" in out


def test_usage_error_exit_2(article: Path) -> None:
    proc = run("check", str(article), "--format", "pdf")
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr.decode()


@pytest.mark.parametrize("where", ["missing/dir/r.json", "."])
def test_output_that_cannot_be_written_is_a_clean_error(article: Path, tmp_path: Path,
                                                         where: str) -> None:
    proc = run("check", str(article), "--published", "2023-05-07", "-o", str(tmp_path / where))
    assert_clean_error(proc, 1, "cannot write the report")
    assert not list(tmp_path.rglob("*.part"))


def test_output_to_a_device_writes_it_and_never_replaces_it(article: Path) -> None:
    proc = run("check", str(article), "--published", "2023-05-07", "-o", "/dev/stdout")
    assert proc.returncode == 0, proc.stderr.decode()
    assert json.loads(proc.stdout)["schema"] == "newscheck/report@1"
    assert Path("/dev/null").is_char_device()
    proc = run("check", str(article), "-o", "/dev/null")
    assert proc.returncode == 0 and Path("/dev/null").is_char_device()


def test_output_through_a_symlink_replaces_its_target(article: Path, tmp_path: Path) -> None:
    target = tmp_path / "target.json"
    target.write_text("old")
    (tmp_path / "link.json").symlink_to(target)
    assert run("check", str(article), "-o", str(tmp_path / "link.json")).returncode == 0
    assert (tmp_path / "link.json").is_symlink()
    assert json.loads(target.read_text())["schema"] == "newscheck/report@1"


@pytest.mark.skipif(not Path("/dev/full").is_char_device(), reason="needs /dev/full")
def test_full_disk_on_stdout_is_a_clean_error(article: Path) -> None:
    with Path("/dev/full").open("wb") as full:
        proc = subprocess.run([sys.executable, "-m", "newscheck.cli", "check", str(article)],
                              stdout=full, stderr=subprocess.PIPE, timeout=120)
    assert_clean_error(proc, 1, "no space left")


def test_closed_stdin_is_a_clean_error(article: Path) -> None:
    code = ("import os, sys; os.close(0); sys.stdin = None; sys.argv = ['newscheck', 'check', '-'];"
            " from newscheck.cli import main; main()")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=120)
    assert_clean_error(proc, 3, "standard input is closed")
