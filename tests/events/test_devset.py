"""Evaluation gate: the events stage on the development gold, with gold mentions (see devset.py).

The floors live in ``tests/eval_floors.json`` (key ``events_gold_mentions``,
with how they were measured); ``tests/test_eval_gate.py`` refuses a floor
lowered without a reason.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
FLOORS = {
    tuple(key.split(".")): value
    for key, value in json.loads((HERE.parent / "eval_floors.json").read_text(encoding="utf-8"))[
        "events_gold_mentions"
    ].items()
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
