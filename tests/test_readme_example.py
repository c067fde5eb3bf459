"""The README's Python API example runs as written (against a temporary store)."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
FIXTURES = Path(__file__).parent / "fixtures" / "articles"


def test_python_api_example(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    context: Any,
    capsys: pytest.CaptureFixture[str],
) -> None:
    example = re.search(r"## Python API\n\n```python\n(.*?)```", README, re.S)
    assert example, "README has no Python API example"
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "a.txt").write_text(
        (FIXTURES / "oslo-talks.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    exec(compile(example.group(1), "README.md", "exec"), {})
    assert (tmp_path / "events.jsonl").stat().st_size > 0
    assert "CONSULT" in capsys.readouterr().out
    assert os.path.exists(tmp_path / "reports.db")
