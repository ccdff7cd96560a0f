"""Every ```python and ```bash code sample in README.md and docs/*.md runs as written.

A sample that cannot run in a test (needs a server, a cluster, the network, a huge dump) is
preceded by a line ``<!-- skip-test: reason -->`` (blank lines between are allowed; the reason is
required). Everything else runs in a scratch directory that holds:

* ``examples/`` — a copy of the repository's examples;
* ``article.html`` — the shipped example page, ``article.txt`` — a short plain-text article,
  ``page.html`` — the same page under another name;

with the user's knowledge base, caches and ``$NEWSCHECK_KB`` kept out (the starter pack is used).
The Python samples of one file run in order in one interpreter (a later sample may use a name an
earlier one defined, as a reader would); each bash sample runs with ``bash -e -o pipefail`` and
the ``newscheck`` of this interpreter's environment first on ``PATH``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FENCE = re.compile(r"^```(\w+)[^\n]*\n(.*?)^```[ \t]*$", re.M | re.S)
SKIP = re.compile(r"<!--\s*skip-test:\s*(?P<reason>\S.*?)\s*-->\s*$")
RUN = ("python", "bash")
ARTICLE_TXT = """Ministers meet in Tokyo

Japanese Foreign Minister Yoshimasa Hayashi met South Korean Foreign Minister Park Jin in Tokyo
on Tuesday to discuss trade and security in the region.

They agreed to hold another round of talks next year, officials said after the meeting.
"""


@dataclass(frozen=True)
class Sample:
    file: str
    line: int
    lang: str
    code: str
    skip: str | None


def samples(root: Path = ROOT) -> list[Sample]:
    out = []
    for path in [root / "README.md", *sorted((root / "docs").glob("*.md"))]:
        text = path.read_text(encoding="utf-8")
        for m in FENCE.finditer(text):
            lang = m.group(1).lower()
            if lang not in RUN:
                continue
            before = [ln for ln in text[:m.start()].splitlines() if ln.strip()]
            sm = SKIP.match(before[-1].strip()) if before else None
            out.append(Sample(str(path.relative_to(root)), text.count("\n", 0, m.start()) + 1,
                              lang, m.group(2), sm.group("reason") if sm else None))
    return out


def _sandbox(tmp: Path) -> tuple[Path, dict[str, str]]:
    work = tmp / "work"
    shutil.copytree(ROOT / "examples", work / "examples")
    shutil.copy(ROOT / "examples" / "seoul-summit.html", work / "article.html")
    shutil.copy(ROOT / "examples" / "seoul-summit.html", work / "page.html")
    (work / "article.txt").write_text(ARTICLE_TXT, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSCHECK_")}
    env.update({"XDG_DATA_HOME": str(tmp / "data"), "XDG_CACHE_HOME": str(tmp / "cache"),
                "PATH": f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}",
                "PYTHONHASHSEED": "0", "NO_COLOR": "1", "COLUMNS": "100"})
    return work, env


_RUNNER = """
import sys, traceback
blocks = {blocks!r}
ns = {{"__name__": "__main__"}}
for line, code in blocks:
    try:
        exec(compile(code, f"<{file} sample at line {{line}}>", "exec"), ns)
    except BaseException:
        traceback.print_exc()
        sys.exit(f"the sample at {file}:{{line}} failed")
"""


def _by_file(lang: str) -> dict[str, list[Sample]]:
    out: dict[str, list[Sample]] = {}
    for s in samples():
        if s.lang == lang and s.skip is None:
            out.setdefault(s.file, []).append(s)
    return out


PY = _by_file("python")
SH = [s for s in samples() if s.lang == "bash" and s.skip is None]


@pytest.mark.parametrize("file", sorted(PY))
def test_python_samples_run(file: str, tmp_path: Path) -> None:
    work, env = _sandbox(tmp_path)
    runner = _RUNNER.format(blocks=[(s.line, s.code) for s in PY[file]], file=file)
    proc = subprocess.run([sys.executable, "-c", runner], cwd=work, env=env, capture_output=True,
                          text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]


@pytest.mark.parametrize("sample", SH, ids=[f"{s.file}:{s.line}" for s in SH])
def test_bash_samples_run(sample: Sample, tmp_path: Path) -> None:
    work, env = _sandbox(tmp_path)
    proc = subprocess.run(["bash", "-e", "-o", "pipefail", "-c", sample.code], cwd=work, env=env,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, (f"{sample.file}:{sample.line} failed:\n"
                                  f"{proc.stdout[-1500:]}\n{proc.stderr[-1500:]}")


def test_every_skip_names_a_reason_and_precedes_a_sample() -> None:
    for path in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        lines = path.read_text(encoding="utf-8").splitlines()
        for i, line in enumerate(lines):
            if "skip-test" in line:
                where = f"{path.name}:{i + 1}"
                assert SKIP.match(line.strip()), f"{where}: write <!-- skip-test: why -->"
                nxt = next((ln for ln in lines[i + 1:] if ln.strip()), "")
                assert nxt.startswith(("```python", "```bash")), f"{path.name}:{i + 1}"


def test_the_collector_sees_fences_and_skips(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "README.md").write_text(
        "x\n```bash\nnewscheck --version\n```\n\n<!-- skip-test: needs a server -->\n\n"
        "```python\nimport nothing\n```\n```json\n{}\n```\n", encoding="utf-8")
    found = samples(tmp_path)
    assert [(s.lang, s.line, s.skip) for s in found] == [("bash", 2, None),
                                                         ("python", 8, "needs a server")]
