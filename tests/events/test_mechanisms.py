"""Argument and dating mechanisms beyond single triggers, on sentences of our own writing.

First-person pronouns in quotes, "it" of announcements, custodians ("into the
prisons of X"), representative capacity, evaluations stated by a speaker,
protective negatives ("will not allow X to be toppled"), gerunds under "played
a role in", coordinated dates and stances that are not events. Cases that need
the knowledge base (who "we" are) run through the whole pipeline (``analyse``);
the others use the stand-in mentions of ``conftest.py`` (``events_of``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from communique.config import Settings
from communique.events import extract_events
from communique.model import Document, Event
from communique.stages import Context

PUB = "2024-03-12"  # a Tuesday

Analyse = Callable[..., Document]
Events = Callable[..., list[Event]]


def found(events: list[Event]) -> set[tuple[str, str | None, str | None]]:
    return {(e.type, e.source_id, e.target_id) for e in events if not e.negated}


# --------------------------------------------------------------- who "we" are


@pytest.mark.parametrize(
    ("text", "event"),
    [
        (  # "us" of a leader whom the text describes as the organisation's
            "“They threw us into the prisons of the Egyptian government,” said Mohamed Badie, "
            "the leader of the Muslim Brotherhood.",
            ("COERCE", "egypt", "muslim-brotherhood"),
        ),
        (  # "us" of a leader through the knowledge base's roles
            "“Israel arrested us last week,” Ismail Haniyeh said on Tuesday.",
            ("COERCE", "israel", "hamas"),
        ),
        (  # "we" of a government minister is the state
            "“We will not allow Ukraine to be defeated,” Olaf Scholz told reporters on Monday.",
            ("SUPPORT", "germany", "ukraine"),
        ),
        (  # "it" of what a state announced
            "Russia announced on Monday that it would not allow Syria to be isolated.",
            ("SUPPORT", "russia", "syria"),
        ),
    ],
)
def test_pronoun_references(analyse: Analyse, text: str, event: tuple[str, str, str]) -> None:
    assert event in found(analyse(text, published=PUB).events)


def test_statement_date_dates_the_event_stated_in_it(analyse: Analyse) -> None:
    document = analyse(
        "Russia announced on Monday that it would not allow Syria to be isolated.", published=PUB
    )
    support = next(e for e in document.events if e.type == "SUPPORT")
    assert (support.date, support.date_inferred, support.salience) == ("2024-03-11", False, "main")
    assert support.modality == "future"  # reported "would" is "will", not a hypothesis


def test_first_person_without_a_known_group_stays_unresolved(analyse: Analyse) -> None:
    text = "“The police arrested us,” said Maria Gonzalez, a shopkeeper."
    assert not [e for e in analyse(text, published=PUB).events if e.type == "COERCE"]


def test_recounted_announcement_is_background(analyse: Analyse) -> None:
    text = (
        "Volodymyr Zelensky met Olaf Scholz in Kyiv on Monday. “Moscow has declared that it "
        "will not allow Belarus to be isolated,” Zelensky said."
    )
    events = analyse(text, published=PUB).events
    support = [e for e in events if e.type == "SUPPORT"]
    assert support and support[0].salience == "background" and support[0].date is None


# ------------------------------------------------------ capacity and gerunds


@pytest.mark.parametrize(
    ("text", "event", "date"),
    [
        (
            "As chief negotiator of Hamas, Khalil al-Hayya played a key role in reaching a truce "
            "with Israel in 2021.",
            ("AGREE", "hamas", "israel"),
            "2021",
        ),
        (
            "On behalf of the African Union, Moussa Faki Mahamat signed an agreement with "
            "Ethiopia on Monday.",
            ("AGREE", "african-union", "ethiopia"),
            "2024-03-11",
        ),
    ],
)
def test_representative_capacity(
    analyse: Analyse, text: str, event: tuple[str, str, str], date: str
) -> None:
    events = [e for e in analyse(text, published=PUB).events if e.type == event[0]]
    assert [(e.type, e.source_id, e.target_id, e.date) for e in events] == [(*event, date)]


def test_gerund_under_a_role_takes_the_clause_subject(events_of: Events) -> None:
    text = "Norway played a central role in brokering a ceasefire with Colombia."
    assert ("AGREE", "Norway", "Colombia") in found(events_of(text, published=PUB))


def test_coordinated_years_give_one_event_each(events_of: Events) -> None:
    text = "Turkey signed defence agreements with Azerbaijan in 2010 and 2021."
    events = [e for e in events_of(text, published=PUB) if e.type == "AGREE"]
    assert sorted(e.date for e in events if e.date) == ["2010", "2021"]
    assert {e.salience for e in events} == {"background"}


def test_completing_participle_dates_a_nominal_event(events_of: Events) -> None:
    text = "Qatar played a key role in reaching a truce with Sudan brokered by Egypt in 2019."
    events = [e for e in events_of(text, published=PUB) if e.type == "AGREE"]
    assert [e.date for e in events] == ["2019"]


# ------------------------------------------------------- evaluations of actors


@pytest.mark.parametrize(
    ("text", "quotes", "event"),
    [
        (
            '"The Taliban government has no legitimacy," Antony Blinken said.',
            [("Blinken", "The Taliban government has no legitimacy,")],
            ("ACCUSE", "Blinken", "Taliban"),
        ),
        (
            "Josep Borrell said Belarus lacks legitimacy.",
            [],
            ("ACCUSE", "Borrell", "Belarus"),
        ),
        (
            "Nicolas Maduro said Guyana is a puppet of the oil companies.",
            [],
            ("ACCUSE", "Maduro", "Guyana"),
        ),
        (
            "Gustavo Petro said Peru is corrupt.",
            [],
            ("ACCUSE", "Gustavo Petro", "Peru"),
        ),
    ],
)
def test_evaluation_stated_by_a_speaker_is_accuse(
    events_of: Events, text: str, quotes: list[tuple[str, str]], event: tuple[str, str, str]
) -> None:
    events = events_of(text, published=PUB, quotes=quotes)
    assert event in found(events)
    accuse = next(e for e in events if e.type == "ACCUSE")
    assert (accuse.cameo, accuse.mode, accuse.negated) == ("111", "disapprove", False)


@pytest.mark.parametrize(
    "text",
    [
        "Guyana is a puppet of the oil companies.",  # no speaker: the outlet's own words
        "Gustavo Petro said many people believe that Peru is corrupt.",  # someone else's view
        "Peru has legitimacy, Gustavo Petro said.",  # not negated: no criticism
    ],
)
def test_evaluation_without_a_speaker_or_criticism_is_no_event(
    events_of: Events, text: str
) -> None:
    assert not [e for e in events_of(text, published=PUB) if e.type == "ACCUSE"]


# ------------------------------------------------------- protective negatives


def test_not_allowing_harm_is_support(analyse: Analyse) -> None:
    events = analyse("Iran said it will not allow Syria to collapse.", published=PUB).events
    support = [e for e in events if e.type == "SUPPORT"]
    assert [(e.source_id, e.target_id, e.negated, e.cameo) for e in support] == [
        ("iran", "syria", False, "052")
    ]


def test_prevented_attack_is_negated_not_support(events_of: Events) -> None:
    events = events_of("Washington will not allow Russia to attack Poland.", published=PUB)
    assert not [e for e in events if e.type == "SUPPORT"]
    assert all(e.negated for e in events if e.type == "ASSAULT")


def test_custodian_of_a_prison_is_the_source(events_of: Events) -> None:
    text = "Police officers threw the activists into the jails of Belarus."
    assert ("COERCE", "Belarus", None) not in found(events_of(text, published=PUB))
    text = "The soldiers put Ukrainian sailors into the prisons of Russia."
    assert ("COERCE", "Russia", "Ukraine") in found(events_of(text, published=PUB))


# ------------------------------------------------------- stances, not events


@pytest.mark.parametrize(
    "text",
    [
        "Iran has always supported Hezbollah.",
        "Cuba has backed Venezuela from the very beginning.",
        "Iran supported Hezbollah for decades.",
        "Russia has consistently defended Serbia.",
        "China has supported Pakistan since the beginning.",
    ],
)
def test_standing_stance_is_no_event(events_of: Events, text: str) -> None:
    assert events_of(text, published=PUB) == []


def test_dated_act_with_a_duration_is_an_event(events_of: Events) -> None:
    text = "Russia jailed Alexei Navalny for 19 years on Friday."
    assert {e.type for e in events_of(text, published=PUB) if not e.negated} == {"COERCE"}


# ------------------------------------------------------- dates of events


DATED: list[tuple[str, str, str | None, str]] = [
    ("Egypt condemned Israel on Monday.", "ACCUSE", "2024-03-11", "main"),
    ("Egypt condemned Israel yesterday.", "ACCUSE", "2024-03-11", "main"),
    ("Egypt condemned Israel last Friday.", "ACCUSE", "2024-03-08", "main"),
    ("Egypt condemned Israel on March 6.", "ACCUSE", "2024-03-06", "main"),
    ("Egypt condemned Israel in 2019.", "ACCUSE", "2019", "background"),
    ("Egypt condemned Israel in January 2020.", "ACCUSE", "2020-01", "background"),
    ("Egypt condemned Israel two years ago.", "ACCUSE", "2022", "background"),
    ("Egypt had previously condemned Israel.", "ACCUSE", None, "background"),
    ("Japan will sanction Russia next month.", "SANCTION", "2024-04", "main"),
    ("Kenya will host Somalia on Thursday.", "AGREE", "2024-03-14", "main"),
    (
        "Iraq marked the fourth anniversary of the day the United States killed Qasem Soleimani.",
        "ASSAULT",
        None,
        "background",
    ),
    ("Pakistan arrested Imran Khan on May 9, 2023.", "COERCE", "2023-05-09", "background"),
    ("India met Pakistan in Geneva on Tuesday.", "CONSULT", "2024-03-12", "main"),
    ("Russia attacked Ukraine in February 2022.", "ASSAULT", "2022-02", "background"),
    ("Chile praised Peru.", "SUPPORT", PUB, "main"),
]


@pytest.mark.parametrize(("text", "kind", "date", "salience"), DATED)
def test_event_dates(
    events_of: Events, text: str, kind: str, date: str | None, salience: str
) -> None:
    events = [e for e in events_of(text, published=PUB) if e.type == kind]
    assert events, events_of(text, published=PUB)
    assert (events[0].date, events[0].salience) == (date, salience)


def test_coarse_past_date_without_a_report_date_is_background(events_of: Events) -> None:
    event = next(e for e in events_of("Egypt condemned Israel in 2014.") if e.type == "ACCUSE")
    assert (event.date, event.salience) == ("2014", "background")


# ------------------------------------------------------- user lexicon setting


def test_event_lexicon_file_setting_adds_triggers(
    tmp_path: Path, make_document: Callable[..., Any], context: Context
) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text(
        "entries:\n  - {lemmas: [stonewall], type: REJECT, cameo: '120'}\n", encoding="utf-8"
    )
    settings = Settings(event_lexicon_file=[str(extra)])
    mine = Context(settings=settings, kb=context.kb, gazetteer=context.gazetteer)
    doc, document = make_document("Egypt stonewalled Israel on Monday.", PUB)
    extract_events(doc, document, mine)
    assert [(e.type, e.source_id, e.target_id) for e in document.events] == [
        ("REJECT", "Egypt", "Israel")
    ]
    doc, document = make_document("Egypt stonewalled Israel on Monday.", PUB)
    extract_events(doc, document, context)  # the default settings know no "stonewall"
    assert document.events == []
