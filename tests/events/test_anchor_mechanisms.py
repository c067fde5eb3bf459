"""Dates, salience and places of events (``events.dating``, ``events.salience``, ``events.placing``).

Each case runs the real spaCy parse and the real sentences, dates, actors and
quotes stages on a text of our own writing, then anchors one event whose
trigger is the first token with the given text, of the given PLOVER type: the
same path the events stage takes, without depending on which triggers the
lexicon knows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from communique.events import clause
from communique.events.anchor import anchor_candidates
from communique.events.extract import Candidate
from communique.events.lexicon import Trigger
from communique.model import Document

PUB = "2024-05-17"  # a Friday

Anchor = Callable[..., tuple[str | None, str | None, str]]


@pytest.fixture(scope="module")
def anchor(nlp: Any, context: Any) -> Anchor:
    from communique.ingest import from_text
    from communique.pipeline import apply_stages
    from communique.stages import default_stages

    stages = [s for s in default_stages() if s.name != "events"]

    def run(
        text: str, trigger: str, kind: str, published: str | None = PUB, source: str = "a"
    ) -> tuple[str | None, str | None, str]:
        document: Document = from_text(text, source="<test>", published=published)
        doc = nlp(document.text)
        apply_stages(doc, document, stages, context)
        token = next(t for t in doc if t.text == trigger)
        pos = "VERB" if token.pos_ in ("VERB", "AUX") else "NOUN"
        trigger = Trigger(token.lemma_.lower(), pos, kind, None)
        candidate = Candidate(
            trigger=trigger,
            token=token,
            source_id=source,
            target_id="b",
            type=kind,
            modality=clause.modality(token, trigger),
        )
        (item,) = anchor_candidates(doc, document, [candidate], context)
        place = item.place.name if item.place else None
        return item.dates[0][0], place, item.salience

    return run


# --------------------------------------------------------------- dates

DATES: list[tuple[str, str, str, str | None]] = [
    # the clause's own expression
    ("Police arrested the opposition leader on Tuesday.", "arrested", "COERCE", "2024-05-14"),
    ("On Wednesday, soldiers shelled the border village.", "shelled", "ASSAULT", "2024-05-15"),
    ("The court jailed the blogger yesterday.", "jailed", "COERCE", "2024-05-16"),
    # inherited from the clause the event's clause hangs on
    (
        "On Monday, a gunman opened fire in the market, killing three shoppers.",
        "killing",
        "ASSAULT",
        "2024-05-13",
    ),
    (
        "In 2015, the coalition began backing the exiled cabinet, bombing rebel positions.",
        "bombing",
        "ASSAULT",
        "2015",
    ),
    (
        "On Thursday the army retaliated by shelling the northern hills.",
        "shelling",
        "ASSAULT",
        "2024-05-16",
    ),
    (
        "On Tuesday the minister flew to the capital and signed the accord.",
        "signed",
        "AGREE",
        "2024-05-14",
    ),
    # the manner of the act dates the act
    ("He killed his rival by poisoning him in 2016.", "killed", "ASSAULT", "2016"),
    # a nominal trigger dated by its own modifier or completing participle
    ("The 2011 uprising toppled the old regime.", "uprising", "PROTEST", "2011"),
    (
        "Analysts recalled the truce brokered by Qatar in 2019.",
        "truce",
        "AGREE",
        "2019",
    ),
    # a statement's date goes to what it states
    (
        "The ministry announced on Wednesday that it had expelled two diplomats.",
        "expelled",
        "SANCTION",
        "2024-05-15",
    ),
    # background never takes the report's date
    ("The rebels had previously seized the airport.", "seized", "COERCE", None),
    ("Troops once occupied the valley.", "occupied", "ASSAULT", None),
    # a main event without its own date: the report's date for statements
    ("The foreign minister condemned the raid.", "condemned", "ACCUSE", PUB),
    # ... and the episode's day for later physical acts of the episode
    (
        "A bomb exploded at a bus station on Tuesday. Police arrested two suspects.",
        "arrested",
        "COERCE",
        "2024-05-14",
    ),
    (
        "Rioters burned cars in the suburbs on Wednesday night. Officers detained forty people.",
        "detained",
        "COERCE",
        "2024-05-15",
    ),
    # a day earlier than the report's week does not set the episode's day
    (
        "The pact was signed on March 2.\n\nPolice arrested two suspects.",
        "arrested",
        "COERCE",
        PUB,
    ),
    # future: announced acts keep their forward date
    ("The envoy will visit Cairo on Monday.", "visit", "CONSULT", "2024-05-20"),
]


@pytest.mark.parametrize(("text", "trigger", "kind", "date"), DATES)
def test_event_date(anchor: Anchor, text: str, trigger: str, kind: str, date: str | None) -> None:
    assert anchor(text, trigger, kind)[0] == date


# --------------------------------------------------------------- places of domestic acts

HOME: list[tuple[str, str, str, str, str | None]] = [
    # a state's ban, arrest or alert happens at home unless the text places it
    ("Germany banned the airline on Monday.", "banned", "SANCTION", "germany", "Germany"),
    ("Police detained the editor.", "detained", "COERCE", "agent:FRA:COP", "France"),
    ("Troops were put on alert.", "put", "MOBILIZE", "agent:KOR:MIL", "South Korea"),
    # a place in the text wins
    ("Germany arrested the spy in Vienna.", "arrested", "COERCE", "germany", "Vienna"),
    # an earlier domestic act of a state named as such happens at home too (placing.own);
    # an earlier act of one of its bodies is not placed by default
    ("Germany arrested the spy in 2016.", "arrested", "COERCE", "germany", "Germany"),
    ("Police detained the editor in 2016.", "detained", "COERCE", "agent:FRA:COP", None),
    # statements are not placed at home, nor acts by persons or of unknown country
    ("Germany criticised the airline.", "criticised", "ACCUSE", "germany", None),
    ("The minister banned the rally.", "banned", "SANCTION", "mike-pompeo", None),
    ("Gunmen seized the trucks.", "seized", "COERCE", "agent:XXX:UAF", None),
]


@pytest.mark.parametrize(("text", "trigger", "kind", "source", "place"), HOME)
def test_domestic_act_place(
    anchor: Anchor, text: str, trigger: str, kind: str, source: str, place: str | None
) -> None:
    assert anchor(text, trigger, kind, source=source)[1] == place


# --------------------------------------------------------------- salience

SALIENCE: list[tuple[str, str, str, str]] = [
    ("Police arrested the opposition leader on Tuesday.", "arrested", "COERCE", "main"),
    ("The army shelled the town in 2008.", "shelled", "ASSAULT", "background"),
    ("The army shelled the town two years ago.", "shelled", "ASSAULT", "background"),
    ("Militants attacked the convoy last month.", "attacked", "ASSAULT", "background"),
    ("Militants attacked the convoy last week.", "attacked", "ASSAULT", "background"),
    ("Militants attacked the convoy last night.", "attacked", "ASSAULT", "main"),
    ("The government had banned the party.", "banned", "SANCTION", "background"),
    ("The government previously banned the party.", "banned", "SANCTION", "background"),
    ("The government initially rejected the offer.", "rejected", "REJECT", "background"),
    ("The senator recently criticised the plan.", "criticised", "ACCUSE", "background"),
    ("He has since condemned the decision.", "condemned", "ACCUSE", "background"),
    # backshift in reported speech: the acknowledged act is the news
    (
        "The ministry acknowledged on Saturday that its forces had shot down the airliner.",
        "shot",
        "ASSAULT",
        "main",
    ),
    (
        "The general said his troops had arrested the smugglers.",
        "arrested",
        "COERCE",
        "main",
    ),
    # a paragraph of history frames its undated acts
    (
        "The president resigned on Tuesday.\n\nIn 1998 he led a rebellion. "
        "His fighters seized the airport.",
        "seized",
        "COERCE",
        "background",
    ),
    # the frame ends with the paragraph
    (
        "In 1998 he led a rebellion.\n\nOn Tuesday his supporters blocked the main road. "
        "Police detained dozens.",
        "detained",
        "COERCE",
        "main",
    ),
    # "since 2011" measures a state lasting until now, not an earlier frame
    (
        "The airline has been under sanctions since 2011. Germany banned its flights.",
        "banned",
        "SANCTION",
        "main",
    ),
    # present-tense statements in a history paragraph stay the report's
    (
        "In 2014 the rebels took the capital. The minister says they are armed by Iran.",
        "says",
        "ACCUSE",
        "main",
    ),
    # announced acts are the news
    (
        "In 2014 the rebels took the capital. The army will retake the city.",
        "retake",
        "ASSAULT",
        "main",
    ),
    ("The agency said the suspect's wife was taken into custody.", "taken", "COERCE", "main"),
    ("The senator has been assisted by two lawyers.", "assisted", "AID", "main"),
    # a past relative clause describes a noun, not the news
    ("The general, who invaded the island, spoke on Friday.", "invaded", "ASSAULT", "background"),
    ("Mourners marked the anniversary of the massacre.", "massacre", "ASSAULT", "background"),
    # a day more than a week before the report is an earlier event
    ("The court convicted the mayor on May 2.", "convicted", "COERCE", "background"),
    ("The court convicted the mayor on May 14.", "convicted", "COERCE", "main"),
]


@pytest.mark.parametrize(("text", "trigger", "kind", "salience"), SALIENCE)
def test_event_salience(anchor: Anchor, text: str, trigger: str, kind: str, salience: str) -> None:
    assert anchor(text, trigger, kind)[2] == salience


# --------------------------------------------------------------- places

PLACES: list[tuple[str, str, str, str | None]] = [
    ("Police arrested the activist in Nairobi on Monday.", "arrested", "COERCE", "Nairobi"),
    ("Protesters gathered outside the parliament in Tbilisi.", "gathered", "PROTEST", "Tbilisi"),
    ("A drone struck a convoy near Kandahar.", "struck", "ASSAULT", "Kandahar"),
    # through a place noun
    ("A journalist was shot in the city of Aden.", "shot", "ASSAULT", "Aden"),
    ("Gunmen attacked a hotel in the port town of Mombasa.", "attacked", "ASSAULT", "Mombasa"),
    # the more specific of two places
    ("A court in Lahore, Pakistan, sentenced the cleric.", "sentenced", "COERCE", "Lahore"),
    (
        "Militants attacked a checkpoint in Kirkuk in northern Iraq.",
        "attacked",
        "ASSAULT",
        "Kirkuk",
    ),
    # a place modifying a nominal trigger
    ("The Kabul bombing killed five people.", "bombing", "ASSAULT", "Kabul"),
    # inherited from the clause the event's clause hangs on
    (
        "In Marseille, a man went on a rampage, stabbing three passers-by.",
        "stabbing",
        "ASSAULT",
        "Marseille",
    ),
    # the lead's episode place for later undated physical acts
    (
        "A car bomb exploded in Mogadishu on Tuesday.\n\nPolice later arrested two men.",
        "arrested",
        "COERCE",
        "Mogadishu",
    ),
    # not for statements, which are made elsewhere
    (
        "A car bomb exploded in Mogadishu on Tuesday.\n\nThe president condemned the attack.",
        "condemned",
        "ACCUSE",
        None,
    ),
    # a place described by a topic phrase is the topic's, not the clause's
    (
        "The envoy presented a report on the fighting in Darfur.",
        "presented",
        "CONSULT",
        None,
    ),
    # a country named as an actor is not where the act happened
    ("Japan sanctioned Russian banks.", "sanctioned", "SANCTION", None),
    # a trip's destination places what it is for, and a visit its object
    ("He traveled to Lisbon to meet the envoy.", "meet", "CONSULT", "Lisbon"),
    ("The premier flew to Nairobi for talks with the rebels.", "talks", "CONSULT", "Nairobi"),
    ("The chancellor visited Warsaw on Monday.", "visited", "CONSULT", "Warsaw"),
    ("He traveled to Lisbon after he criticised the envoy.", "criticised", "ACCUSE", None),
    # no place stated
    ("The minister resigned.", "resigned", "CONCEDE", None),
]


@pytest.mark.parametrize(("text", "trigger", "kind", "place"), PLACES)
def test_event_place(anchor: Anchor, text: str, trigger: str, kind: str, place: str | None) -> None:
    assert anchor(text, trigger, kind)[1] == place


def test_headline_and_lead_statements_of_one_event_take_the_leads_date(
    nlp: Any, context: Any
) -> None:
    from communique.events.anchor import build_events
    from communique.ingest import from_text
    from communique.pipeline import apply_stages
    from communique.stages import default_stages

    text = "Chile bans fishing fleet from Peru\n\nChile on Tuesday banned the fleet from its ports."
    document = from_text(text, source="<test>", published=PUB)
    doc = nlp(document.text)
    apply_stages(doc, document, [s for s in default_stages() if s.name != "events"], context)
    candidates = [
        Candidate(
            trigger=Trigger("ban", "VERB", "SANCTION", "160"),
            token=token,
            source_id="chile",
            target_id="fleet",
            type="SANCTION",
        )
        for token in doc
        if token.lemma_ == "ban"
    ]
    assert len(candidates) == 2
    events = build_events(doc, document, candidates, context)
    assert [(e.date, e.date_inferred) for e in events] == [("2024-05-14", False)]
