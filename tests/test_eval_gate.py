"""Evaluation gate: the dev-set scores may not fall under the floors pinned in eval_floors.json.

Like trafilatura's ``tests/eval_gate.py``: ``communique eval`` runs on the five
development articles (``../shared/eval``, read in place, never copied) and
each score named in ``floors`` must reach its floor. A second check keeps the
floors honest: compared with the file in git HEAD, a floor may only rise
unless ``lowered`` names it with a reason.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
FLOORS_FILE = HERE / "eval_floors.json"
EVAL_DIR = HERE.parents[1] / "shared" / "eval"


def _floors(text: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(text)
    return data


CURRENT = _floors(FLOORS_FILE.read_text(encoding="utf-8"))


def _flat(data: dict[str, Any]) -> dict[str, float]:
    out = {f"floors/{k}": float(v) for k, v in data.get("floors", {}).items()}
    out.update(
        {
            f"events_gold_mentions/{k}": float(v)
            for k, v in data.get("events_gold_mentions", {}).items()
        }
    )
    # floors of the real-news development sets, checked by test_eval_gate_real_news.py
    for name, floors in data.get("sets", {}).items():
        out.update({f"{name}/{k}": float(v) for k, v in floors.items()})
    return out


@pytest.fixture(scope="module")
def scores() -> dict[str, Any]:
    from communique.config import Settings
    from communique.evaluate import evaluate

    if not (EVAL_DIR / "gold").is_dir():
        pytest.skip("shared/eval not beside the work tree")
    return dict(evaluate(EVAL_DIR, settings=Settings()).scores)


@pytest.mark.parametrize("key", sorted(CURRENT["floors"]))
def test_score_reaches_its_floor(scores: dict[str, Any], key: str) -> None:
    value = scores[key]
    assert value is not None and value >= CURRENT["floors"][key], (key, value)


def test_floors_are_within_range() -> None:
    for key, value in _flat(CURRENT).items():
        assert 0.0 <= value <= 1.0, key


def silently_lowered(
    before: dict[str, float], now: dict[str, float], lowered: dict[str, Any]
) -> list[str]:
    """Floors of ``before`` that ``now`` lowers or drops without a reason in ``lowered``."""
    out = []
    for key, value in before.items():
        reason = key.split("/", 1)[1] in lowered
        if (key not in now or now[key] < value) and not reason:
            out.append(key)
    return out


def test_silently_lowered_finds_lowered_and_dropped_floors() -> None:
    before = {"floors/events.f1": 0.9, "floors/events.recall": 0.9}
    assert silently_lowered(before, {"floors/events.f1": 0.95}, {}) == ["floors/events.recall"]
    assert silently_lowered(before, {"floors/events.f1": 0.8, "floors/events.recall": 0.9}, {}) == [
        "floors/events.f1"
    ]
    assert (
        silently_lowered(
            before, {"floors/events.f1": 0.8}, {"events.f1": "x", "events.recall": "y"}
        )
        == []
    )


def test_no_floor_lowered_silently() -> None:
    try:
        head = subprocess.run(
            ["git", "show", "HEAD:tests/eval_floors.json"],
            cwd=HERE.parent,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("no committed eval_floors.json to compare with (first commit or no git)")
    lowered = silently_lowered(_flat(_floors(head)), _flat(CURRENT), CURRENT.get("lowered", {}))
    assert lowered == [], f"floors lowered without a reason in 'lowered': {lowered}"
