"""Issue 8, "Trust the output": what a new user saw, each as a regression test (starter pack)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import newscheck
from newscheck.knowledge import KnowledgeBase


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return newscheck.open_kb()


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "newscheck.cli", *args], capture_output=True,
                          text=True, timeout=120, cwd=cwd)


def test_counterpart_refutation_states_the_named_persons_own_term(kb: KnowledgeBase) -> None:
    report = newscheck.check(text="Japanese Foreign Minister Yoshimasa Hayashi met his South "
                                  "Korean counterpart, Chung Eui-yong, in Seoul on May 7, 2023.",
                             published="2023-05-08", kb=kb)
    (claim,) = [c for c in report.claims if c.kind == "counterpart"]
    assert claim.verdict is not None and claim.verdict.label == "refuted"
    assert ("Chung Eui-yong was Minister of Foreign Affairs of South Korea from 2021-02-09 to "
            "2022-05-12") in claim.verdict.explanation
    assert "Park Jin" in claim.verdict.explanation


def test_version() -> None:
    proc = run_cli("--version")
    assert proc.returncode == 0
    assert proc.stdout.strip() == f"newscheck {newscheck.__version__}"


def test_a_url_as_input_gets_a_clear_message() -> None:
    proc = run_cli("check", "https://no-such-host.invalid/news/article-1")   # fetched: offline
    assert proc.returncode == 18
    assert proc.stderr.count("\n") == 1 and "offline" in proc.stderr
    assert "no such file" not in proc.stderr and "Traceback" not in proc.stderr


UNDATED = ("SEOUL, May 7, 2023 — Japanese Prime Minister Fumio Kishida arrived in Seoul on Sunday "
           "for talks with South Korean President Yoon Suk-yeol.\n\n"
           "Foreign Minister Chung Eui-yong and Prime Minister Kim Boo-kyum welcomed the visit, "
           "officials said.\n\nThe two leaders last met in Tokyo on March 16, 2023.\n")


def test_an_undated_article_is_anchored_to_the_story_date_in_its_opening(
        kb: KnowledgeBase) -> None:
    report = newscheck.check(text=UNDATED, kb=kb)
    anchor = report.to_dict()["anchor"]
    assert anchor["date"] == "2023-05-07" and anchor["basis"] == "inferred"
    assert anchor["sentence"].startswith("SEOUL, May 7, 2023 — Japanese Prime Minister")
    assert any("anchored to 2023-05-07" in w for w in report.warnings)
    # both stale titles are caught, with a lower confidence than on a published date
    refuted = {c.text: c.verdict.confidence for c in report.claims
               if c.verdict and c.verdict.label == "refuted"}
    assert set(refuted) == {"Foreign Minister Chung Eui-yong", "Prime Minister Kim Boo-kyum"}
    dated = newscheck.check(text=UNDATED, kb=kb, published="2023-05-07")
    for c in dated.claims:
        if c.text in refuted:
            assert c.verdict is not None and c.verdict.confidence > refuted[c.text]


def test_today_stays_the_fallback_without_a_usable_date(kb: KnowledgeBase) -> None:
    text = ("Prime Minister Fumio Kishida spoke in Tokyo on Sunday.\n\n"
            "A summit is planned for June 1, 2999.\n")
    report = newscheck.check(text=text, kb=kb)
    assert report.anchor.basis == "today"


def test_the_undated_warning_goes_to_stderr_too(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(UNDATED, encoding="utf-8")
    proc = run_cli("check", "a.txt", cwd=tmp_path)
    assert proc.returncode == 0
    assert "newscheck: warning: No publication date" in proc.stderr
    assert "anchored to 2023-05-07" in proc.stderr


def test_an_article_newer_than_the_knowledge_base_is_flagged(kb: KnowledgeBase) -> None:
    report = newscheck.check(text="Prime Minister Fumio Kishida spoke in Tokyo.", kb=kb,
                             published="2030-01-01")
    assert kb.as_of is not None
    assert any(f"after the knowledge base's data end ({kb.as_of.isoformat()})" in w
               for w in report.warnings)
    older = newscheck.check(text="Prime Minister Fumio Kishida spoke in Tokyo.", kb=kb,
                            published="2023-01-01")
    assert not any("data end" in w for w in older.warnings)


def test_reports_name_no_local_paths(tmp_path: Path) -> None:
    import json

    src = Path(__file__).resolve().parent.parent / "examples" / "seoul-summit.html"
    proc = run_cli("check", str(src), cwd=tmp_path)
    report = json.loads(proc.stdout)
    knowledge = report["knowledge"]
    assert "path" not in knowledge
    files = [src["file"] for src in knowledge["sources"]]
    assert not any("/" in f or "\\" in f for f in files), files
    assert f"newscheck {newscheck.__version__} starter pack" in files
    assert not any("imported" in src for src in knowledge["sources"])   # shipped packs only
    body = json.dumps({k: v for k, v in report.items() if k != "article"})
    assert str(Path.home()) not in body and str(Path(newscheck.__file__).parent) not in body


def test_check_without_a_kb_reuses_the_default_kb(tmp_path: Path) -> None:
    from newscheck.knowledge import shared_kb

    first = shared_kb()
    assert shared_kb() is first
    newscheck.check(text="Prime Minister Fumio Kishida spoke in Tokyo.")
    assert shared_kb() is first
    # another file, and the same file once changed, are opened afresh
    import shutil

    copy = tmp_path / "kb.sqlite"
    shutil.copy(first.path, copy)
    mine = shared_kb(copy)
    assert mine is not first and shared_kb(copy) is mine
    import os

    os.utime(copy, ns=(1, 1))
    assert shared_kb(copy) is not mine


def test_checking_text_imports_no_html_stack_no_pydantic_no_subcommands(tmp_path: Path) -> None:
    """Cold start (benchmarks/startup.py): `newscheck check` on text loads neither the HTML
    extractor, nor pydantic, nor the modules of other subcommands."""
    (tmp_path / "a.txt").write_text("Prime Minister Fumio Kishida spoke in Tokyo.\n",
                                    encoding="utf-8")
    code = ("import atexit, sys\n"
            "heavy = ('trafilatura', 'htmldate', 'lxml', 'pydantic', 'newscheck.kb_cli')\n"
            "atexit.register(lambda: print('LOADED', [m for m in heavy if m in sys.modules],"
            " file=sys.stderr))\n"
            "sys.argv = ['newscheck', 'check', 'a.txt', '--published', '2023-05-07']\n"
            "from newscheck.cli import main\nmain()\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "LOADED []" in proc.stderr


@pytest.mark.parametrize("text", [
    "Prime Minister Rishi Sunak backs the climate bill (introduced in 2019).",
    "Prime Minister Rishi Sunak praised the treaty, which was signed in 2019.",
])
def test_a_time_about_another_noun_does_not_anchor_a_title(kb: KnowledgeBase, text: str) -> None:
    report = newscheck.check(text=text, published="2023-06-01", kb=kb)
    (claim,) = [c for c in report.claims if c.kind == "role"]
    assert claim.time.basis == "published" and claim.time.date is not None
    assert claim.verdict is not None and claim.verdict.label == "supported"


def test_a_time_of_the_title_itself_still_anchors_it(kb: KnowledgeBase) -> None:
    report = newscheck.check(text="In 2019 Prime Minister Rishi Sunak visited Tokyo.",
                             published="2023-06-01", kb=kb)
    (claim,) = [c for c in report.claims if c.kind == "role"]
    assert claim.time.cue == "In 2019"


@pytest.mark.parametrize("text", [
    "President Joe Biden (a candidate at the time) backs the climate bill.",
    "President Joe Biden (the presumptive nominee) spoke in Ohio.",
    "President Joe Biden, the Democratic nominee, spoke in Ohio.",
    "President Joe Biden (then president-elect) spoke in Delaware.",
])
def test_candidate_nominee_elect_cues_mean_not_in_office(kb: KnowledgeBase, text: str) -> None:
    report = newscheck.check(text=text, published="2020-09-01", kb=kb)
    assert not [c for c in report.claims if c.kind in ("role", "former_role")]
