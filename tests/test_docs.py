"""Documentation stays in step with the code: every command and every setting is in the README."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer.main

from communique.cli import app
from communique.config import Settings

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _commands() -> list[str]:
    group = typer.main.get_command(app)
    names = []
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        subcommands = getattr(command, "commands", None)
        if subcommands:
            names.extend(f"{name} {sub}" for sub in subcommands)
        else:
            names.append(name)
    return names


@pytest.mark.parametrize("command", _commands())
def test_command_documented(command: str) -> None:
    assert f"communique {command}" in README


@pytest.mark.parametrize("setting", list(Settings.model_fields))
def test_setting_documented(setting: str) -> None:
    assert f"| `{setting}` |" in README


def test_readme_starts_with_the_two_commands() -> None:
    head = README[:400]
    assert "make demo" in head and "make test" in head
