"""Evaluation gate: the events stage on the development gold, with gold mentions (see devset.py).

Floors are what the stage reached when written (precision 1.0, recall 0.70,
F1 0.82 for all events; main F1 0.92; date accuracy 1.0); they are set a
little lower so parser updates do not break the build, and must never be
lowered silently.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
FLOORS = {
    ("all", "precision"): 0.9,
    ("all", "f1"): 0.75,
    ("main", "f1"): 0.85,
    ("all", "date_accuracy"): 0.9,
    ("all", "location_accuracy"): 0.6,
}


@pytest.fixture(scope="module")
def figures(nlp: Any, context: Any) -> dict[str, Any]:
    spec = importlib.util.spec_from_file_location("events_devset", HERE / "devset.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    if not module.EVAL.is_dir():
        pytest.skip("shared/eval not beside the work tree")
    result, _ = module.run(nlp, context)
    return dict(result)


@pytest.mark.parametrize(("part", "measure"), sorted(FLOORS))
def test_floor(figures: dict[str, Any], part: str, measure: str) -> None:
    assert figures[part][measure] >= FLOORS[(part, measure)], figures
