"""The docs keep up with the code: every command and option is documented and has help text,
every exit code in errors.py is in the table of docs/cli.md, and the README's commands exist."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import typer.main

from newscheck import errors
from newscheck.cli import _register_subcommands, app

ROOT = Path(__file__).resolve().parents[1]
CLI_DOC = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")


def commands() -> list[tuple[str, Any]]:
    _register_subcommands()
    group = typer.main.get_command(app)
    assert getattr(group, "commands", None), "the CLI has no subcommands"
    out: list[tuple[str, Any]] = []

    # typer vendors its own click: look at the command objects by shape, not by class
    def walk(prefix: str, cmd: Any) -> None:
        if getattr(cmd, "commands", None):
            for name, sub in cmd.commands.items():
                walk(f"{prefix} {name}".strip(), sub)
        else:
            out.append((prefix, cmd))

    walk("", group)
    return out


@pytest.mark.parametrize(("name", "cmd"), commands(), ids=[n for n, _ in commands()])
def test_command_documented_with_help(name: str, cmd: Any) -> None:
    assert cmd.help and cmd.help.strip(), f"{name} has no help text"
    assert f"newscheck {name}" in CLI_DOC, f"docs/cli.md does not show `newscheck {name}`"
    for param in cmd.params:
        if getattr(param, "param_type_name", "") == "option":
            assert param.help, f"{name} {param.opts} has no help text"
            assert any(opt in CLI_DOC for opt in param.opts), (
                f"docs/cli.md does not mention {param.opts} of `newscheck {name}`")


def test_every_exit_code_is_in_the_table() -> None:
    documented = {int(c) for c in re.findall(r"^\| (\d+) \|", CLI_DOC, re.M)}
    for obj in vars(errors).values():
        if isinstance(obj, type) and issubclass(obj, errors.NewscheckError):
            assert obj.exit_code in documented, f"{obj.__name__} exit {obj.exit_code} undocumented"


def test_readme_opens_with_the_two_commands() -> None:
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()[:8]
    head = "\n".join(lines)
    assert "newscheck check examples/" in head
    assert "pytest" in head
    example = re.search(r"newscheck check (examples/\S+)", head)
    assert example and (ROOT / example.group(1)).is_file()
