"""``communique run --engine/--address`` reach the settings the pipeline runs with."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from communique import pipeline
from communique.cli import EXIT_OK, EXIT_USAGE, app
from communique.config import Settings


@pytest.fixture
def captured(monkeypatch: pytest.MonkeyPatch) -> list[Settings]:
    """Replace the pipeline's ``run`` by one that records its settings and analyses nothing."""
    seen: list[Settings] = []

    def fake_run(inputs: Any, *, settings: Settings, **_: Any) -> pipeline.RunSummary:
        seen.append(settings)
        return pipeline.RunSummary(db=settings.db)

    monkeypatch.setattr(pipeline, "run", fake_run)
    return seen


@pytest.mark.parametrize(
    ("flags", "engine", "address"),
    [
        ([], "local", None),
        (["--engine", "ray"], "ray", None),
        (["--address", "ray://head:10001"], "ray", "ray://head:10001"),
        (["--engine", "ray", "--address", "auto"], "ray", "auto"),
    ],
)
def test_engine_flags_become_settings(
    captured: list[Settings],
    tmp_path: Path,
    flags: list[str],
    engine: str,
    address: str | None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)  # no communique.toml of the developer's
    db = str(tmp_path / "x.db")
    result = CliRunner().invoke(app, ["run", str(tmp_path), "--db", db, "--json", *flags])
    assert result.exit_code == EXIT_OK, result.output
    assert [(s.engine, s.ray_address) for s in captured] == [(engine, address)]


def test_an_unknown_engine_is_a_usage_error(
    captured: list[Settings], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["run", str(tmp_path), "--engine", "spark"])
    assert result.exit_code == EXIT_USAGE
    assert "engine" in result.output and not captured
