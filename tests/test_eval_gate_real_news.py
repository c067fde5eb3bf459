"""Evaluation gate on the real-news development sets: scores may only rise.

``tests/test_eval_gate.py`` holds the five original reports (a regression
set). This file holds the sets that look like the product's real work, read
in place from ``../shared`` and never copied: ``eval-news`` (32 Wikinews
articles with full gold) and ``eval-ecb`` (772 ECB+ articles, story gold
only). Their floors are the ``sets`` section of ``eval_floors.json``; the
no-silent-lowering check in ``test_eval_gate.py`` covers them too.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
SHARED = HERE.parents[1] / "shared"
SETS: dict[str, dict[str, float]] = json.loads(
    (HERE / "eval_floors.json").read_text(encoding="utf-8")
)["sets"]

_scores: dict[str, dict[str, Any]] = {}


def scores_of(name: str) -> dict[str, Any]:
    """``communique eval ../shared/NAME`` once per set and test session."""
    if name not in _scores:
        from communique.config import Settings
        from communique.evaluate import evaluate

        folder = SHARED / name
        if not (folder / "gold").is_dir():
            pytest.skip(f"shared/{name} not beside the work tree")
        _scores[name] = dict(evaluate(folder, settings=Settings()).scores)
    return _scores[name]


@pytest.mark.parametrize(
    ("name", "key"), [(name, key) for name, floors in SETS.items() for key in sorted(floors)]
)
def test_real_news_score_reaches_its_floor(name: str, key: str) -> None:
    value = scores_of(name)[key]
    assert value is not None and value >= SETS[name][key], (name, key, value)
