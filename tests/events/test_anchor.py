"""Negation, modality, noise control, dates, places, salience, quotes and evidence of events."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from communique.events import extract_events
from communique.model import Event

PUB = "2023-06-22"  # a Thursday

Events = Callable[..., list[Event]]


def one(events: list[Event], kind: str) -> Event:
    found = [e for e in events if e.type == kind]
    assert len(found) == 1, events
    return found[0]


def test_negated_meeting_is_kept_and_flagged(events_of: Events) -> None:
    event = one(events_of("Putin did not meet Erdogan in Sochi.", published=PUB), "CONSULT")
    assert event.negated


def test_never_negates(events_of: Events) -> None:
    assert one(events_of("Egypt never condemned Israel.", published=PUB), "ACCUSE").negated


def test_asserted_event_is_not_negated(events_of: Events) -> None:
    event = one(events_of("Egypt condemned Israel on Monday.", published=PUB), "ACCUSE")
    assert not event.negated and event.modality is None


def test_future_meeting_becomes_agree_with_modality(events_of: Events) -> None:
    event = one(events_of("Joe Biden will visit Kenya in July.", published=PUB), "AGREE")
    assert (event.modality, event.cameo, event.date, event.salience) == (
        "future",
        "036",
        "2023-07",
        "main",
    )


def test_threat_to_attack_is_threaten(events_of: Events) -> None:
    event = one(
        events_of("On Monday, Russia threatened to attack Ukraine.", published=PUB), "THREATEN"
    )
    assert event.modality == "threaten" and event.date == "2023-06-19"


def test_intent_recorded(events_of: Events) -> None:
    event = one(events_of("Japan plans to sanction Russia.", published=PUB), "SANCTION")
    assert event.modality == "intend"


@pytest.mark.parametrize(
    "text",
    [
        "If Russia attacks Ukraine, NATO will respond.",
        "Does Iran support Hamas?",
        "Read more: Putin meets Erdogan in Sochi",
        "Japan thanked Japan for its support.",
        "The weather in Paris was mild on Monday.",
        "Inflation rose sharply in Germany last year.",
        "Officials said the talks were constructive.",
    ],
)
def test_no_event(events_of: Events, text: str) -> None:
    assert events_of(text, published=PUB) == []


def test_own_date_and_place(events_of: Events) -> None:
    event = one(
        events_of("Antony Blinken met Wang Yi in Beijing on Tuesday.", published=PUB), "CONSULT"
    )
    assert (event.date, event.date_precision, event.date_inferred) == ("2023-06-20", "day", False)
    assert event.location is not None and event.location.name == "Beijing"
    assert event.salience == "main"


def test_published_date_is_inferred_for_main_event(events_of: Events) -> None:
    event = one(events_of("Egypt condemned Israel.", published=PUB), "ACCUSE")
    assert (event.date, event.date_inferred) == (PUB, True)


def test_no_date_without_publication(events_of: Events) -> None:
    event = one(events_of("Egypt condemned Israel on Thursday."), "ACCUSE")
    assert event.date is None


def test_past_perfect_is_background_with_own_date(events_of: Events) -> None:
    event = one(
        events_of("Macron had met Scholz in Berlin on March 2, 2021.", published=PUB), "CONSULT"
    )
    assert (event.salience, event.date) == ("background", "2021-03-02")


def test_background_never_takes_report_date(events_of: Events) -> None:
    event = one(events_of("Macron previously met Scholz in Berlin.", published=PUB), "CONSULT")
    assert (event.salience, event.date) == ("background", None)


def test_relative_clause_past_act_is_background(events_of: Events) -> None:
    text = (
        "Qasem Soleimani, who was killed by the United States in Baghdad in January 2020, "
        "was a general."
    )
    event = one(events_of(text, published=PUB), "ASSAULT")
    assert (event.source_id, event.target_id) == ("United States", "Soleimani")
    assert (event.salience, event.date, event.date_precision) == ("background", "2020-01", "month")
    assert event.location is not None and event.location.name == "Baghdad"


def test_old_date_makes_background(events_of: Events) -> None:
    event = one(events_of("Russia attacked Ukraine in February 2022.", published=PUB), "ASSAULT")
    assert event.salience == "background"


def test_anniversary_is_background(events_of: Events) -> None:
    text = "The two leaders marked the anniversary of the day Russia invaded Ukraine."
    assert one(events_of(text, published=PUB), "ASSAULT").salience == "background"


def test_main_events_share_the_meeting_date_not_its_place(events_of: Events) -> None:
    # The text places the meeting, not the praise: a careful coder leaves its place open.
    text = (
        "Joe Biden met Emmanuel Macron in Paris on June 20. "
        "Joe Biden later praised Emmanuel Macron for his leadership."
    )
    events = events_of(text, published=PUB)
    support = one(events, "SUPPORT")
    assert (support.date, support.date_inferred) == ("2023-06-20", False)
    assert support.location is None
    assert one(events, "CONSULT").location is not None


def test_event_whose_clause_names_the_meeting_takes_its_place(events_of: Events) -> None:
    text = (
        "Joe Biden met Emmanuel Macron in Paris on June 20. "
        "During the meeting, Joe Biden praised Emmanuel Macron for his leadership."
    )
    support = one(events_of(text, published=PUB), "SUPPORT")
    assert support.location is not None and support.location.name == "Paris"


def test_meeting_place_from_held_sentence(events_of: Events) -> None:
    text = (
        "A summit was held in Nairobi on Monday. "
        "At the summit, William Ruto praised Ethiopia for its role."
    )
    event = one(events_of(text, published=PUB), "SUPPORT")
    assert event.location is not None and event.location.name == "Nairobi"


def test_held_place_does_not_place_unrelated_statements(events_of: Events) -> None:
    text = "A summit was held in Nairobi on Monday. William Ruto praised Ethiopia for its role."
    assert one(events_of(text, published=PUB), "SUPPORT").location is None


@pytest.mark.parametrize(
    "text",
    [
        "Ruto made the remarks in Nairobi at a meeting with Abiy Ahmed. Abiy Ahmed praised Kenya.",
        "Speaking at a news conference in Nairobi, Ruto met Abiy Ahmed. Abiy Ahmed praised Kenya.",
        "Ruto said in Nairobi that he met Abiy Ahmed. Abiy Ahmed praised Kenya.",
    ],
)
def test_place_of_the_statements_places_every_main_event(events_of: Events, text: str) -> None:
    support = one(events_of(text, published=PUB), "SUPPORT")
    assert support.location is not None and support.location.name == "Nairobi"


def test_meeting_place_on_the_participants_places_the_meeting_only(events_of: Events) -> None:
    text = (
        "Gustavo Petro made the remarks at a meeting with Alberto Fernandez and his delegation "
        "in Bogota on Monday. Alberto Fernandez praised Colombia for its help."
    )
    events = events_of(text, published=PUB)
    consult = one(events, "CONSULT")
    assert consult.location is not None and consult.location.name == "Bogota"
    assert one(events, "SUPPORT").location is None


def test_earlier_statement_place_places_nothing(events_of: Events) -> None:
    text = "Ruto had said in Mombasa that talks were needed. Abiy Ahmed praised Kenya on Monday."
    assert one(events_of(text, published=PUB), "SUPPORT").location is None


def test_repeated_statement_is_one_event(events_of: Events) -> None:
    text = "Putin met Erdogan in Sochi on Monday. During the meeting, Putin met Erdogan alone."
    assert len([e for e in events_of(text, published=PUB) if e.type == "CONSULT"]) == 1


def test_two_events_in_one_sentence(events_of: Events) -> None:
    text = "Joe Biden met Emmanuel Macron and praised France for its support."
    kinds = {(e.type, e.source_id, e.target_id) for e in events_of(text, published=PUB)}
    assert {("CONSULT", "Biden", "Macron"), ("SUPPORT", "Biden", "France")} <= kinds


def test_coordinated_targets_give_one_event_each(events_of: Events) -> None:
    text = "Volodymyr Zelensky described Russia and Belarus as aggressors."
    targets = {e.target_id for e in events_of(text, published=PUB) if e.type == "ACCUSE"}
    assert targets == {"Russia", "Belarus"}


def test_coordinated_subject_of_meet_is_one_consult(events_of: Events) -> None:
    events = events_of("Scholz and Macron met in Berlin on Tuesday.", published=PUB)
    assert [(e.type, e.source_id, e.target_id) for e in events] == [("CONSULT", "Scholz", "Macron")]


def test_evidence_is_the_exact_sentence(events_of: Events) -> None:
    text = "The weather was mild. Egypt condemned Israel on Monday. Talks went on."
    event = one(events_of(text, published=PUB), "ACCUSE")
    assert event.evidence.text == "Egypt condemned Israel on Monday."
    assert text[event.evidence.start : event.evidence.end] == event.evidence.text
    assert event.evidence.article == "t1" and event.trigger == "condemned"
    assert event.cameo == "111" and event.mode == "disapprove"


def test_event_in_quote_gets_quote_id_and_meeting_date(events_of: Events) -> None:
    text = (
        'Joe Biden met Emmanuel Macron in Paris on June 20. "France condemns Russia," Macron said.'
    )
    events = events_of(text, published=PUB, quotes=[("Macron", "France condemns Russia,")])
    accuse = one(events, "ACCUSE")
    assert accuse.quote_id == "q1"
    assert accuse.date == "2023-06-20" and accuse.salience == "main"


def test_past_act_recounted_in_quote_is_background(events_of: Events) -> None:
    text = 'Macron met Scholz in Berlin on Monday. "Russia attacked Ukraine," Macron said.'
    events = events_of(text, published=PUB, quotes=[("Macron", "Russia attacked Ukraine,")])
    assert one(events, "ASSAULT").salience == "background"


def test_ids_unique_and_article_scoped(events_of: Events) -> None:
    events = events_of(
        "Joe Biden met Emmanuel Macron and praised France for its support.", published=PUB
    )
    assert len({e.id for e in events}) == len(events)
    assert all(e.id.startswith("t1:") for e in events)


def test_stage_uses_context_cache(make_document: Callable[..., Any], context: Any) -> None:
    doc, document = make_document("Egypt condemned Israel.", PUB)
    extract_events(doc, document, context)
    assert "events.lexicon" in context.cache
    assert [e.type for e in document.events] == ["ACCUSE"]
