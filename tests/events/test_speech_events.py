"""Speech-act events read from what an attributed quote says (communique.events.speech).

Sentences of our own writing run through the whole pipeline (quotes stage for the
speaker, actors stage for the mentions inside the quote); the events checked are
those marked ``context == "speech"``. Each PLOVER speech type has cases, and so do
non-acts: neutral reports, questions, hypotheticals, verbs that commit to nothing,
the speaker's grief, impersonal and epistemic modals.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from communique.events.speech import (
    SPEECH_CONFIDENCE,
    SPEECH_CONTEXT,
    load_cues,
    polarity,
)
from communique.model import Document

PUB = "2024-03-12"
Analyse = Callable[..., Document]
Triple = tuple[str, str | None, str | None]
TriplesOf = Callable[[Document], set[Triple]]


@pytest.mark.parametrize(
    ("text", "event"),
    [
        (
            "“I hope that Vladimir Putin will withdraw his troops before winter,” Olaf Scholz told reporters on Monday.",
            ("REQUEST", "olaf-scholz", "vladimir-putin"),
        ),
        (
            "“We expect from Russia a full account of what happened to the prisoners,” Emmanuel Macron said.",
            ("REQUEST", "emmanuel-macron", "russia"),
        ),
        (
            "“I count on Turkey to keep the border crossings open,” Antonio Guterres said on Friday.",
            ("REQUEST", "antonio-guterres", "turkey"),
        ),
        (
            "“Israel should allow the convoys through without delay,” Antonio Guterres said.",
            ("REQUEST", "antonio-guterres", "israel"),
        ),
        (
            "“Iran must release the detained sailors immediately,” Rishi Sunak said on Tuesday.",
            ("REQUEST", "rishi-sunak", "iran"),
        ),
        (
            "Emmanuel Macron said that Russia ought to return the children it took.",
            ("REQUEST", "emmanuel-macron", "russia"),
        ),
        (
            "“Release the journalists now,” Antonio Guterres said at the podium.",
            ("REQUEST", "antonio-guterres", "agent:MED"),
        ),
        (
            "“I want Serbia to respect the ceasefire line,” Josep Borrell said on Wednesday.",
            ("REQUEST", "josep-borrell", "serbia"),
        ),
        (
            "“We will strike back at Israel with all our strength,” Hassan Nasrallah said on Sunday.",
            ("THREATEN", "hassan-nasrallah", "israel"),
        ),
        (
            "“We are going to punish Ukraine for this provocation,” Dmitry Medvedev wrote on Thursday.",
            ("THREATEN", "dmitry-medvedev", "ukraine"),
        ),
        (
            "“We shall destroy the militias of Hamas one by one,” Benjamin Netanyahu said.",
            ("THREATEN", "benjamin-netanyahu", "hamas"),
        ),
        (
            "Kim Jong Un said he would attack South Korea if the drills continued.",
            ("THREATEN", "kim-jong-un", "south-korea"),
        ),
        (
            "“If Iran attacks us, we will respond,” Benjamin Netanyahu said.",
            ("THREATEN", "benjamin-netanyahu", "iran"),
        ),
        (
            "“We will never surrender our land to the Taliban,” Ashraf Ghani said on Monday.",
            ("REJECT", "ashraf-ghani", "taliban"),
        ),
        (
            "“We cannot accept the demands of Russia,” Volodymyr Zelenskyy said.",
            ("REJECT", "volodymyr-zelenskyy", "russia"),
        ),
        (
            "Nicolas Maduro said he would never hand over power to the opposition.",
            ("REJECT", "nicolas-maduro", None),
        ),
        (
            "“We will work with Kenya to rebuild the flooded schools,” Joe Biden said on Friday.",
            ("AGREE", "joe-biden", "kenya"),
        ),
        (
            "“We will provide Ukraine with more air defence systems,” Olaf Scholz said.",
            ("AGREE", "olaf-scholz", "ukraine"),
        ),
        (
            "Narendra Modi said he would build new railways across the north.",
            ("AGREE", "narendra-modi", None),
        ),
        (
            "“I will help Moldova secure its energy supply,” Ursula von der Leyen said.",
            ("AGREE", "ursula-von-der-leyen", "moldova"),
        ),
        (
            "“The bombing of the hospital by Russia is a barbaric crime,” Volodymyr Zelenskyy said.",
            ("ACCUSE", "volodymyr-zelenskyy", "russia"),
        ),
        (
            "“Hamas committed atrocities against unarmed families,” Benjamin Netanyahu said.",
            ("ACCUSE", "benjamin-netanyahu", "hamas"),
        ),
        (
            "Joe Biden said the Kremlin's decision was reckless and dangerous.",
            ("ACCUSE", "joe-biden", "russia"),
        ),
        (
            "“The shelling of the market was unacceptable,” Antonio Guterres said on Tuesday.",
            ("ACCUSE", "antonio-guterres", None),
        ),
        (
            "Emmanuel Macron believes that Iran ordered the killing of the dissident.",
            ("ACCUSE", "emmanuel-macron", "iran"),
        ),
        (
            "“Russia is waging a brutal and illegal war,” Olaf Scholz said on Monday.",
            ("ACCUSE", "olaf-scholz", "russia"),
        ),
        (
            "“Nelson Mandela was a hero of our freedom and a wise leader,” Cyril Ramaphosa said.",
            ("SUPPORT", "cyril-ramaphosa", "nelson-mandela"),
        ),
        (
            "“We are with Ukraine in this hour,” Joe Biden said on Thursday.",
            ("SUPPORT", "joe-biden", "ukraine"),
        ),
        (
            "Justin Trudeau said Angela Merkel was a courageous and wonderful leader.",
            ("SUPPORT", "justin-trudeau", "angela-merkel"),
        ),
    ],
)
def test_speech_act_of_quote(
    analyse: Analyse, text: str, event: tuple[str, str, str | None], speech_acts: TriplesOf
) -> None:
    assert event in speech_acts(analyse(text, published=PUB))


@pytest.mark.parametrize(
    "text",
    [
        "“The talks will resume next week in Geneva,” Antonio Guterres said.",
        "“Will Russia withdraw its troops?” Emmanuel Macron asked.",
        "“The weather in the capital was cold and grey,” Olaf Scholz said.",
        "“We will see what happens tomorrow,” Joe Biden told reporters.",
        "“We are deeply saddened by the death of the former president,” Cyril Ramaphosa said.",
        "“It should be noted that the vote was close,” Rishi Sunak said.",
        "“They must have known about the plan,” Joe Biden said.",
        "“Whether Turkey will join remains unclear,” Josep Borrell said.",
        "“I will not comment on the report,” Olaf Scholz said.",
        "“The committee met on Tuesday and discussed the budget,” Ursula von der Leyen said.",
        "“If Serbia respected the agreement, it would be a wonderful day,” Josep Borrell said.",
        "“Our country has many rivers and mountains,” Narendra Modi said.",
        "“People who were attacked during the war have rights too,” Volodymyr Zelenskyy said.",
        "“I think the economy will grow next year,” Rishi Sunak said.",
    ],
)
def test_no_speech_act(analyse: Analyse, text: str, speech_acts: TriplesOf) -> None:
    assert speech_acts(analyse(text, published=PUB)) == set()


def test_speech_event_record(analyse: Analyse) -> None:
    """Evidence is the quote's sentence, the quote is linked, the event is marked."""
    text = (
        "Olaf Scholz met Emmanuel Macron in Berlin on Monday. "
        "“I hope that Vladimir Putin will withdraw his troops before winter,” Scholz said."
    )
    document = analyse(text, published=PUB)
    [event] = [e for e in document.events if e.context == SPEECH_CONTEXT]
    assert event.type == "REQUEST" and event.cameo == "100" and event.mode == "appeal"
    assert event.confidence == SPEECH_CONFIDENCE < 1.0
    assert event.evidence.text.startswith("“I hope") and event.salience == "main"
    assert text[event.evidence.start : event.evidence.end] == event.evidence.text
    quote = next(q for q in document.quotes if q.id == event.quote_id)
    assert quote.speaker_id == "olaf-scholz"


def test_act_named_by_a_trigger_is_not_repeated(analyse: Analyse) -> None:
    """A reporting verb that names the act gives the trigger's event only."""
    document = analyse(
        "Antonio Guterres condemned the shelling of the market by Russia as unacceptable.",
        published=PUB,
    )
    assert not any(e.context == SPEECH_CONTEXT for e in document.events)


def test_unattributed_quote_gives_no_act(analyse: Analyse, speech_acts: TriplesOf) -> None:
    document = analyse("“Russia is waging a brutal and illegal war.”", published=PUB)
    assert speech_acts(document) == set()


def test_cues_and_polarity_load_from_shipped_data() -> None:
    cues = load_cues()
    assert cues.version == "speech-acts.v1"
    assert set(cues.types) == {
        "REQUEST",
        "THREATEN",
        "REJECT",
        "AGREE",
        "ACCUSE",
        "SUPPORT",
        "CONCEDE",
        "CONSULT",
        "SANCTION",  # a court's finding against the author of what it ruled on
    }
    assert "should" in cues.obligation_modals and "unacceptable" in cues.blame_words
    scores = polarity()
    assert scores.compound("a brutal and illegal war") < -0.5
    assert scores.compound("a wise and courageous leader") > 0.5


def test_means_of_a_threat_is_not_its_target(analyse: Analyse, speech_acts: TriplesOf) -> None:
    """What the speaker will "use" is the means; the target sits in the purpose clause."""
    document = analyse(
        "“We will use all the force of the state to punish Hamas,” Benjamin Netanyahu said.",
        published=PUB,
    )
    assert ("THREATEN", "benjamin-netanyahu", "hamas") in speech_acts(document)
