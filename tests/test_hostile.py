"""The hostile-input campaign (issue 9), fast cases: each case once crashed, hung, exhausted
memory or lost data; each is now a documented exit code and one line, bounded, nothing lost.

Slow cases are marked ``slow``; the figures are printed by ``benchmarks/stress.py``.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newscheck import check
from newscheck.cli import write_output
from newscheck.intake.detect import is_svg
from newscheck.report import render

from .test_cli import ARTICLE, assert_clean_error, run

# --- 1. ReDoS in intake ------------------------------------------------------------------------
# The replaced regex, with each comment unable to run past its own "-->" (the old ``.*?`` could,
# so "<!-- a --><html><!-- b --><svg>" passed for an SVG): the reference on small inputs.
_COMMENT = r"<!--(?:(?!-->).)*-->\s*"
_OLD_SVG = re.compile(rf"\A\s*(?:<\?xml[^>]*>\s*)?(?:{_COMMENT})*(?:<!doctype\s+svg[^>]*>\s*)?"
                      rf"(?:{_COMMENT})*<svg[\s>]", re.IGNORECASE | re.DOTALL)
_PIECES = ["<!-- c -->", "<!---->", " ", "\n", "<!DOCTYPE svg>", "<svg>", "<svg ", "<html>",
           "text", "<p>"]


@settings(max_examples=300, deadline=None)
@given(st.booleans(), st.lists(st.sampled_from(_PIECES), max_size=8))
def test_svg_sniffer_agrees_with_a_reference_regex(decl: bool, pieces: list[str]) -> None:
    text = ('<?xml version="1.0"?>' if decl else "") + "".join(pieces)
    assert is_svg(text) == (_OLD_SVG.match(text) is not None)


def _in_child(code: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a child with a generous bound: the bugs took hours, not seconds."""
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=timeout)


@pytest.mark.parametrize("prefix", ["<!-- c -->\n", "<!---->"])
def test_leading_comments_do_not_backtrack(prefix: str) -> None:
    # 40 x "<!---->" took > 60 s and 24 comment lines > 10 minutes; 4000 now finish at once
    code = ("from newscheck.intake.detect import is_svg\n"
            f"assert not is_svg({prefix!r} * 4000 + 'hello')\n"
            f"assert is_svg({prefix!r} * 300 + '<svg>')\n")
    proc = _in_child(code)
    assert proc.returncode == 0, proc.stderr


# --- 2. unbounded stdin --------------------------------------------------------------------------
def test_endless_stdin_is_refused_after_max_bytes() -> None:
    # `cat /dev/zero | newscheck check -` grew to 6.5 GB; now at most max_bytes + 1 are read
    proc = subprocess.Popen([sys.executable, "-m", "newscheck.cli", "check", "-",
                             "--max-bytes", "1000"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdin is not None
    try:
        for _ in range(200):                        # 200 MB offered, far more than read
            proc.stdin.write(b"x" * (1 << 20))
    except BrokenPipeError:
        pass
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 6, err
    assert b"larger than the limit of 1000 bytes" in err and b"Traceback" not in err


@pytest.mark.parametrize("value", ["100000000000000000000", "0", "-5"])
def test_max_bytes_out_of_range_is_exit_9(value: str, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    assert_clean_error(run("check", str(tmp_path / "a.txt"), "--max-bytes", value), 9,
                       "--max-bytes")


# --- 7. terminal escape injection ----------------------------------------------------------------
HOSTILE_TITLE = "Summit \x1b]0;PWNED\x07\x1b[2J\x9b31m ends"


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_control_characters_never_reach_the_terminal(fmt: str) -> None:
    text = (f"{HOSTILE_TITLE}\n\nPrime Minister Fumio Kishida \x1b[31mmet\x1b[0m President "
            "Joe Biden in Hiroshima on Friday. The two leaders discussed trade.\n")
    report = check(text, published="2023-05-19")
    out = render(report, fmt, color=False)
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", out)
    assert "x1b" in out and "PWNED" in out       # shown, escaped, not executed


# --- 6. -o ---------------------------------------------------------------------------------------
def test_output_ignores_a_planted_symlink_and_keeps_the_mode(tmp_path: Path) -> None:
    victim = tmp_path / "victim"
    victim.write_text("precious")
    out = tmp_path / "report.json"
    out.write_text("old")
    out.chmod(0o640)
    (tmp_path / f".report.json.{os.getpid()}.part").symlink_to(victim)   # the old temp name
    write_output('{"new": 1}', out)
    assert victim.read_text() == "precious"
    assert out.read_text() == '{"new": 1}\n'
    assert out.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["victim", "report.json", f".report.json.{os.getpid()}.part"])


def test_output_equal_to_input_is_refused(tmp_path: Path) -> None:
    art = tmp_path / "a.txt"
    art.write_text(ARTICLE)
    assert_clean_error(run("check", str(art), "-o", str(art)), 1, "input")
    assert art.read_text() == ARTICLE


def test_output_directory_is_checked_before_the_check(tmp_path: Path) -> None:
    # a missing input and a missing output directory: the output is reported, not the input
    proc = run("check", str(tmp_path / "absent.txt"), "-o", str(tmp_path / "no" / "r.json"))
    assert_clean_error(proc, 1, "does not exist")
