"""Importing the intake package stays light: the HTML libraries load only when HTML comes in."""

from __future__ import annotations

import subprocess
import sys


def test_import_does_not_load_heavy_libraries() -> None:
    code = ("import sys, newscheck.intake; heavy = [m for m in ('trafilatura', 'htmldate', "
            "'lxml', 'charset_normalizer') if m in sys.modules]; print(','.join(heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == ""


def test_text_input_does_not_load_trafilatura() -> None:
    code = ("import sys, newscheck.intake as i; i.extract('Title\\n\\nThe council met on "
            "Monday, it said.'); print('trafilatura' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"
