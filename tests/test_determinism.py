"""Same input, same KB, same version → byte-identical reports, whatever PYTHONHASHSEED is.

The article makes a counterpart refutation whose explanation lists two offices' holders (South
Korea's president and prime minister): their order once followed the hash seed (seeds 0 and 3
gave one order, 1 and 2 the other).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ARTICLE = ("Japanese Prime Minister Fumio Kishida met his South Korean counterpart, "
           "Chung Eui-yong, in Seoul on May 7, 2023.\n\nJapanese Foreign Minister Yoshimasa "
           "Hayashi met his South Korean counterpart, Chung Eui-yong, the same day.\n")
SEEDS = ("0", "1", "3")


def _report(path: Path, fmt: str, seed: str) -> bytes:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    env.pop("NEWSCHECK_KB", None)
    proc = subprocess.run([sys.executable, "-m", "newscheck.cli", "check", str(path),
                           "--published", "2023-05-08", "--format", fmt],
                          capture_output=True, timeout=120, env=env, cwd=path.parent)
    assert proc.returncode == 0, proc.stderr.decode()
    return proc.stdout


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_reports_are_byte_identical_across_hash_seeds(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    outputs = {seed: _report(path, fmt, seed) for seed in SEEDS}
    assert b"Han Duck-soo" in outputs["0"]          # the two-office explanation is there
    assert len(set(outputs.values())) == 1, "report differs between hash seeds"
