"""Every figure in README's "Measured" table names the script that prints it, and that script
exists (benchmarks/ or scripts/), so a reader can reproduce the figure."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = re.compile(r"`((?:benchmarks|scripts)/[\w./-]+\.py)")


def measured_rows(readme: str) -> list[str]:
    section = readme.split("## Measured", 1)[1].split("\n## ", 1)[0]
    rows = [ln for ln in section.splitlines() if ln.startswith("|")]
    return rows[2:]                      # past the header and its rule


def test_the_table_is_there() -> None:
    assert len(measured_rows((ROOT / "README.md").read_text(encoding="utf-8"))) >= 5


def test_every_figure_names_an_existing_script() -> None:
    for row in measured_rows((ROOT / "README.md").read_text(encoding="utf-8")):
        how = row.rstrip(" |").rsplit("|", 1)[-1]
        scripts = SCRIPT.findall(how)
        assert scripts, f"no benchmarks/ or scripts/ script named in: {row[:80]}"
        for script in scripts:
            assert (ROOT / script).is_file(), f"{script} (named in README) does not exist"


def test_the_check_finds_a_row_without_a_script() -> None:
    readme = ("## Measured\n\n| what | figure | how |\n| --- | --- | --- |\n"
              "| a | 1 s | `benchmarks/check.py` |\n| b | 2 s | docs/x.md |\n\n## Next\n")
    rows = measured_rows(readme)
    assert [bool(SCRIPT.findall(r.rsplit("|", 2)[-2])) for r in rows] == [True, False]
