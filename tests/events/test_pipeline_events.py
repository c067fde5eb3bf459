"""The events stage through the whole pipeline (ingest, dates, actors, quotes, places)."""

from __future__ import annotations

from collections.abc import Callable

from communique.model import Document

Analyse = Callable[..., Document]


def test_report_events_through_the_pipeline(analyse: Analyse) -> None:
    text = (
        "Iranian President Ebrahim Raisi met Russian Foreign Minister Sergei Lavrov in Tehran "
        "on Tuesday. Raisi praised Russia for its support. Lavrov condemned the United States."
    )
    document = analyse(text, published="2023-06-21")
    found = {(e.type, e.source_id, e.target_id) for e in document.events}
    assert ("CONSULT", "ebrahim-raisi", "sergey-lavrov") in found
    assert ("SUPPORT", "ebrahim-raisi", "russia") in found
    assert ("ACCUSE", "sergey-lavrov", "united-states") in found
    consult = next(e for e in document.events if e.type == "CONSULT")
    assert consult.date == "2023-06-20" and consult.salience == "main"
    assert consult.location is not None and consult.location.country == "IRN"
    for event in document.events:
        assert document.text[event.evidence.start : event.evidence.end] == event.evidence.text


def test_background_assassination_through_the_pipeline(analyse: Analyse) -> None:
    text = (
        "Iraqi officials honoured Abu Mahdi al-Muhandis, who was killed by the United States "
        "near Baghdad in January 2020."
    )
    document = analyse(text, published="2024-01-03")
    assault = [e for e in document.events if e.type == "ASSAULT"]
    assert assault and assault[0].salience == "background"
    assert assault[0].date == "2020-01" and assault[0].source_id == "united-states"
