"""Where a report's statements were made (``events.anchor``): a place given to one
speaker's statements places that speaker's unplaced main events, not another
speaker's; the site a statement was made at counts ("speaking at a hospital in X");
an occasion still to come ("at the upcoming summit") lends no place.

Each case runs the real spaCy parse and the real sentences, dates, places, actors
and quotes stages on a text of our own writing, then anchors the named triggers
(first token with each text) together, each with the actor the actors stage found
for the given name as its source.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from communique.events import clause
from communique.events.anchor import Anchored, anchor_candidates
from communique.events.extract import Candidate
from communique.events.lexicon import Trigger
from communique.model import Document

PUB = "2024-05-17"

Anchor = Callable[..., list[Anchored]]


@pytest.fixture(scope="module")
def anchor(nlp: Any, context: Any) -> Anchor:
    from communique.ingest import from_text
    from communique.pipeline import apply_stages
    from communique.stages import default_stages

    stages = [s for s in default_stages() if s.name != "events"]

    def run(text: str, *triggers: tuple[str, str, str]) -> list[Anchored]:
        document: Document = from_text(text, source="<test>", published=PUB)
        doc = nlp(document.text)
        apply_stages(doc, document, stages, context)
        candidates = []
        for word, kind, speaker in triggers:
            token = next(t for t in doc if t.text == word)
            source = next(
                m.actor_id for m in document.mentions if speaker in document.text[m.start : m.end]
            )
            pos = "VERB" if token.pos_ in ("VERB", "AUX") else "NOUN"
            trigger = Trigger(token.lemma_.lower(), pos, kind, None)
            candidates.append(
                Candidate(
                    trigger=trigger,
                    token=token,
                    source_id=source,
                    target_id=None,
                    type=kind,
                    modality=clause.modality(token, trigger),
                )
            )
        return anchor_candidates(doc, document, candidates, context)

    return run


def _places(items: list[Anchored]) -> list[str | None]:
    return [item.place.name if item.place else None for item in items]


def test_statement_place_places_its_speakers_events_only(anchor: Anchor) -> None:
    text = (
        "Keir Starmer addressed reporters in Leeds on Thursday, urging voters to back his plan. "
        "Rishi Sunak criticised the plan as reckless."
    )
    items = anchor(text, ("urging", "REQUEST", "Starmer"), ("criticised", "ACCUSE", "Sunak"))
    assert _places(items) == ["Leeds", None]


def test_site_of_a_statement_places_the_speakers_events(anchor: Anchor) -> None:
    text = (
        "Keir Starmer was asked about the strike while speaking to the press at a school in "
        'Leeds on Thursday. He said, "I hope the unions will come back to the table."'
    )
    items = anchor(text, ("hope", "REQUEST", "Starmer"))
    assert _places(items) == ["Leeds"]


def test_occasion_still_to_come_lends_no_place(anchor: Anchor) -> None:
    text = (
        "Wang Yi met Yoko Kamikawa in Beijing on Thursday. Fumio Kishida said on Friday that "
        "he wishes to speak with Xi Jinping at the upcoming summit in Lima."
    )
    items = anchor(text, ("met", "CONSULT", "Wang"), ("speak", "AGREE", "Kishida"))
    assert _places(items) == ["Beijing", None]


def test_crowd_demand_takes_the_place_of_its_protest(anchor: Anchor) -> None:
    text = (
        "Protesters marched in Lagos on Thursday against the fuel price rise. "
        "Protesters demanded the resignation of the minister."
    )
    items = anchor(text, ("marched", "PROTEST", "Protesters"), ("demanded", "REQUEST", "Protest"))
    assert _places(items) == ["Lagos", "Lagos"]


def test_demand_of_another_group_does_not_take_the_protest_place(anchor: Anchor) -> None:
    text = (
        "Protesters marched in Lagos on Thursday against the fuel price rise. "
        "Bola Tinubu urged calm, a day later."
    )
    items = anchor(text, ("marched", "PROTEST", "Protesters"), ("urged", "REQUEST", "Tinubu"))
    assert _places(items) == ["Lagos", None]


def test_broadcast_a_statement_was_made_on_places_the_speakers_events(anchor: Anchor) -> None:
    text = (
        "Speaking on Telesur TV in Caracas, Nicolas Maduro said the sanctions had failed. "
        '"We warn Washington that we will answer every new measure," Maduro said.'
    )
    items = anchor(text, ("warn", "THREATEN", "Maduro"))
    assert _places(items) == ["Caracas"]


def test_body_named_in_a_speakers_description_spoke_there_too(nlp: Any) -> None:
    """A mention of the whole description ("a senior official of Hamas") takes the
    body's name inside it; the body, named so in the statement sentence, still counts
    among those who spoke there, and an actor the sentence does not name does not."""
    from communique.events.anchor import _speakers
    from communique.model import Mention

    text = (
        "Recep Tayyip Erdogan made the comments in Ankara at a meeting with Omar Salem, "
        "a senior official of Hamas. Hamas thanked Turkey. Egypt said nothing."
    )
    doc = nlp(text)

    def mention(words: str, actor: str, after: int = 0) -> Mention:
        start = text.index(words, after)
        return Mention(start=start, end=start + len(words), text=words, actor_id=actor)

    description = "a senior official of Hamas"
    mentions = [
        mention("Recep Tayyip Erdogan", "erdogan"),
        mention("Omar Salem", "local:omar-salem"),
        mention(description, "local:omar-salem"),
        mention("Hamas", "hamas", text.index(description) + len(description)),
        mention("Egypt", "egypt"),
    ]
    document = Document(id="t", text=text, original=text, published=PUB, mentions=mentions)
    made = next(t for t in doc if t.text == "made")
    spoke = _speakers(made, document)
    assert spoke is not None and {"erdogan", "local:omar-salem", "hamas"} <= spoke
    assert "egypt" not in spoke


def test_an_admission_is_not_placed_where_the_admitted_act_was(analyse: Callable[..., Any]) -> None:
    """A speech act (here an admission, CONCEDE) took place where it was said; the place
    of the act it tells ("near Chaman") is that act's own."""
    document = analyse(
        "Pakistan's army acknowledged its soldiers had killed three Afghan farmers near "
        "Chaman on Monday.",
        published=PUB,
    )
    concessions = [e for e in document.events if e.type == "CONCEDE"]
    assault = [e for e in document.events if e.type == "ASSAULT"]
    assert concessions and all(e.location is None for e in concessions)
    assert assault and assault[0].location is not None and assault[0].location.name == "Chaman"
