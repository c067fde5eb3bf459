"""``communique eval --errors`` on events: a missed gold event names the nearest system
event stated at its evidence and what differs (issue 11)."""

from __future__ import annotations

from communique.evaluate.records import GoldSet, SystemRecords
from communique.evaluate.score import score_details

TEXT = "Ghana condemned Togo on Monday. Later, Ghana met Benin in Accra."


def _sets(system_events: list[dict[str, object]]) -> tuple[GoldSet, SystemRecords]:
    gold = GoldSet(
        articles=[{"id": "g1", "file": "articles/a1.txt", "published": "2023-06-22"}],
        events=[
            {"article": "g1", "id": "e1", "type": "ACCUSE", "source": "Ghana",
             "target": "Togo", "date": None, "location": None, "salience": "main",
             "evidence": "Ghana condemned Togo on Monday."},
        ],
    )  # fmt: skip
    actors = [{"id": name.lower(), "name": name} for name in ("Ghana", "Togo", "Benin")]
    system = SystemRecords(
        articles=[{"id": "s1", "file": "a1.txt"}],
        events=system_events,
        actors=actors,
        texts={"s1": TEXT},
    )
    return gold, system


def _event(kind: str, source: str, target: str | None, start: int, end: int) -> dict[str, object]:
    return {
        "id": f"{kind}-{start}", "article": "s1", "type": kind,
        "source": {"id": source, "name": source.title()},
        "target": {"id": target, "name": target.title()} if target else None,
        "date": None, "location": None, "salience": "main",
        "evidence": {"text": TEXT[start:end], "start": start, "end": end},
    }  # fmt: skip


def test_missed_event_names_the_nearest_system_event_and_the_difference() -> None:
    gold, system = _sets(
        [_event("ASSAULT", "ghana", None, 0, 31), _event("CONSULT", "ghana", "benin", 32, 64)]
    )
    _, errors = score_details(gold, system)
    missed = [e for e in errors if e["kind"] == "event" and e["error"] == "missed"]
    assert len(missed) == 1
    assert "nearest: ASSAULT Ghana → None" in missed[0]["text"]
    assert "type ASSAULT≠ACCUSE" in missed[0]["text"]
    assert "target None≠Togo" in missed[0]["text"]
    assert "source" not in missed[0]["text"].split("nearest:")[1].split("(")[1]
    assert missed[0]["nearest"]["type"] == "ASSAULT"


def test_missed_event_without_a_system_event_nearby_names_none() -> None:
    gold, system = _sets([_event("CONSULT", "ghana", "benin", 32, 64)])
    _, errors = score_details(gold, system)
    missed = [e for e in errors if e["kind"] == "event" and e["error"] == "missed"]
    assert len(missed) == 1 and "nearest" not in missed[0]["text"]
