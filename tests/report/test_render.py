"""render(report, fmt) dispatches to every format."""

from __future__ import annotations

import pytest

from newscheck.report import FORMATS, render
from tests.report.samples import sample_report


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_renders(fmt: str) -> None:
    out = render(sample_report(), fmt)
    assert out.strip()
    assert "Boris Johnson" in out


def test_unknown_format() -> None:
    with pytest.raises(ValueError, match="unknown report format"):
        render(sample_report(), "pdf")


def test_text_colour_can_be_forced_through_render() -> None:
    assert "\x1b[" in render(sample_report(), "text", color=True)
    assert "\x1b[" not in render(sample_report(), "text", color=False)
