"""Hand-built Documents for the store and export tests (texts of our own writing).

Every field of every record is filled somewhere, so that a round trip through
the store proves that nothing is dropped. Offsets are computed from the texts,
so that the evidence spans are exact substrings.
"""

from __future__ import annotations

from typing import Any

from communique.model import (
    Actor,
    Cluster,
    Document,
    Event,
    Evidence,
    Mention,
    Place,
    Quote,
    Role,
    Sentence,
    TimeRef,
    content_id,
)

RUTO = Actor(
    id="William Ruto",
    name="William Ruto",
    aliases=["Ruto", "President Ruto", "the Kenyan president"],
    type="person",
    country="KEN",
    sector="GOV",
    roles=[
        Role(
            title="President of Kenya",
            organisation="Government of Kenya",
            country="KEN",
            sector="GOV",
            start="2022-09-13",
            end=None,
        ),
        Role(title="Deputy President of Kenya", start="2013-04-09", end="2022-09-13"),
    ],
    descriptions=[],
    origin="kb",
    notes="fifth president",
)
ABIY = Actor(
    id="Abiy Ahmed",
    name="Abiy Ahmed",
    aliases=["Abiy", "the Ethiopian prime minister"],
    type="person",
    country="ETH",
    sector="GOV",
    roles=[Role(title="Prime Minister of Ethiopia", country="ETH", start="2018-04-02")],
)
AU = Actor(
    id="African Union",
    name="African Union",
    aliases=["AU"],
    type="organisation",
    country="IGO",
    sector="IGO",
)
WANJIKU = Actor(
    id="local:grace-wanjiku",
    name="Grace Wanjiku",
    aliases=["Wanjiku"],
    type="person",
    country="KEN",
    sector="CVL",
    descriptions=["a trader at the Marikiti market"],
    origin="local",
)
VIEIRA = Actor(
    id="Mauro Vieira",
    name="Mauro Vieira",
    aliases=["Vieira"],
    country="BRA",
    sector="GOV",
    roles=[Role(title="Minister of Foreign Affairs", organisation="Itamaraty", start="2023-01-01")],
)

KENYA_TEXT = (
    "NAIROBI, March 14, 2024 (Newswire) - Kenyan President William Ruto hosted Ethiopian "
    "Prime Minister Abiy Ahmed in Nairobi on Wednesday for talks on regional security.\n\n"
    "\u201cOur two nations share a border and a future,\u201d Ruto told reporters after the "
    "meeting.\n\n"
    "Abiy said that Ethiopia would back an African Union monitoring mission.\n\n"
    "Grace Wanjiku, a trader at the Marikiti market, said prices had doubled since January."
)
BRAZIL_TEXT = (
    "BRASILIA (Newswire) - Brazil's foreign minister Mauro Vieira criticised the African "
    "Union on Friday for what he called a slow response to the crisis.\n\n"
    "Vieira did not say whether Brazil would send envoys."
)
SPANISH_TEXT = "El presidente habl\u00f3 ayer con los periodistas en la capital."


def span(text: str, needle: str, after: int = 0) -> tuple[int, int]:
    start = text.index(needle, after)
    return start, start + len(needle)


def sentences(text: str) -> list[Sentence]:
    found, start = [], 0
    for index, part in enumerate(text.split("\n\n")):
        begin = text.index(part, start)
        found.append(Sentence(index=index, start=begin, end=begin + len(part), text=part))
        start = begin + len(part)
    return found


def mention(text: str, needle: str, actor: Actor, **extra: Any) -> Mention:
    start, end = span(text, needle)
    return Mention(start=start, end=end, text=needle, actor_id=actor.id, **extra)


def evidence(document_id: str, sentence: Sentence) -> Evidence:
    return Evidence(article=document_id, start=sentence.start, end=sentence.end, text=sentence.text)


def kenya() -> Document:
    text = KENYA_TEXT
    aid = content_id(text)
    sents = sentences(text)
    q1 = span(text, "Our two nations share a border and a future,")
    q2 = span(text, "Ethiopia would back an African Union monitoring mission")
    q3 = span(text, "prices had doubled since January")
    return Document(
        id=aid,
        file="kenya/ruto-abiy.txt",
        url="https://news.example.org/ruto-abiy",
        outlet="Newswire",
        published="2024-03-14",
        published_source="text",
        title="Ruto hosts Abiy for security talks",
        language="en",
        status="analysed",
        text=text,
        original="<p>" + text + "</p>",
        offset_map=[(0, 3), (50, 53)],
        sentences=sents,
        mentions=[
            mention(text, "William Ruto", RUTO),
            mention(text, "Abiy Ahmed", ABIY, kind="name", confidence=0.97),
            mention(text, "Ruto told", RUTO, kind="alias", confidence=0.8),
            mention(text, "African Union", AU),
            mention(text, "Grace Wanjiku", WANJIKU, kind="name", confidence=0.6),
        ],
        actors=[RUTO, ABIY, AU, WANJIKU],
        timexes=[
            TimeRef(
                start=span(text, "March 14, 2024")[0],
                end=span(text, "March 14, 2024")[1],
                text="March 14, 2024",
                value="2024-03-14",
                precision="day",
                anchor="absolute",
            ),
            TimeRef(
                start=span(text, "Wednesday")[0],
                end=span(text, "Wednesday")[1],
                text="Wednesday",
                value="2024-03-13",
                precision="day",
                anchor="publication",
            ),
            TimeRef(
                start=span(text, "January")[0],
                end=span(text, "January")[1],
                text="January",
                value=None,
                precision=None,
                anchor="inferred",
            ),
        ],
        quotes=[
            Quote(
                id="q1",
                kind="direct",
                start=q1[0],
                end=q1[1],
                text=text[q1[0] : q1[1]],
                speaker_id=RUTO.id,
                cue="told",
                sentence=1,
            ),
            Quote(
                id="q2",
                kind="indirect",
                start=q2[0],
                end=q2[1],
                text=text[q2[0] : q2[1]],
                speaker_id=ABIY.id,
                cue="said",
                sentence=2,
            ),
            Quote(
                id="q3",
                kind="indirect",
                start=q3[0],
                end=q3[1],
                text=text[q3[0] : q3[1]],
                speaker_id=None,
            ),
        ],
        events=[
            Event(
                id="e1",
                type="CONSULT",
                mode="visit",
                context="security",
                cameo="042",
                source_id=RUTO.id,
                target_id=ABIY.id,
                trigger="hosted",
                date="2024-03-13",
                date_precision="day",
                date_inferred=True,
                location=Place(
                    name="Nairobi", country="KEN", lat=-1.28333, lon=36.81667, geonameid=184745
                ),
                salience="main",
                negated=False,
                modality=None,
                quote_id=None,
                evidence=evidence(aid, sents[0]),
                confidence=0.9,
            ),
            Event(
                id="e2",
                type="SUPPORT",
                cameo="051",
                source_id=ABIY.id,
                target_id=None,
                date=None,
                salience="background",
                negated=False,
                modality="future",
                quote_id="q2",
                evidence=evidence(aid, sents[2]),
                confidence=0.55,
            ),
        ],
    )


def brazil() -> Document:
    text = BRAZIL_TEXT
    aid = content_id(text)
    sents = sentences(text)
    return Document(
        id=aid,
        file="brazil.txt",
        outlet=None,
        published=None,
        text=text,
        original=text,
        language="en",
        sentences=sents,
        mentions=[mention(text, "Mauro Vieira", VIEIRA), mention(text, "African Union", AU)],
        actors=[VIEIRA, AU],
        timexes=[],
        events=[
            Event(
                id="e1",
                type="ACCUSE",
                cameo="111",
                source_id=VIEIRA.id,
                target_id=AU.id,
                evidence=evidence(aid, sents[0]),
            ),
            Event(
                id="e2",
                type="AID",
                source_id=VIEIRA.id,
                negated=True,
                evidence=evidence(aid, sents[1]),
            ),
        ],
    )


def spanish() -> Document:
    return Document(
        id=content_id(SPANISH_TEXT),
        file="otros/es.txt",
        language="es",
        status="not-english",
        text=SPANISH_TEXT,
        original=SPANISH_TEXT,
    )


def documents() -> list[Document]:
    return [kenya(), brazil(), spanish()]


def clusters(docs: list[Document]) -> list[Cluster]:
    k, b, _ = docs
    return [
        Cluster(level="story", id="s1", members=[k.id, b.id], scores={"similarity": 0.42}),
        Cluster(level="event", id="v1", members=[f"{k.id}#e1"]),
        Cluster(level="duplicate", id="d1", members=[k.id]),
    ]
