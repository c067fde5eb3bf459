"""A small newsroom of hand-made reports (texts of our own writing) for the map, dyad,
story and timeline pages.

Two fictional ministers, Ines Varga (Chile) and Tor Halvorsen (Norway), meet in
Oslo; three outlets report it (one story, two shared events, one disagreement on
the date), two earlier reports cover their February and April encounters, and
one report recalls background events of 2014 and 2016, far before the news.
Every event has its sentence as evidence; places carry coordinates.
"""

from __future__ import annotations

from tests.store.samples import evidence, sentences

from communique.model import Actor, Cluster, Document, Event, Mention, Place, content_id

VARGA = Actor(id="local:ines-varga", name="Ines Varga", type="person", country="CHL", sector="GOV")
HALVORSEN = Actor(
    id="local:tor-halvorsen", name="Tor Halvorsen", type="person", country="NOR", sector="GOV"
)
OSLO = Place(name="Oslo", country="NOR", lat=59.91, lon=10.75)
SANTIAGO = Place(name="Santiago", country="CHL", lat=-33.45, lon=-70.66)
LIMA = Place(name="Lima", country="PER", lat=-12.05, lon=-77.04)

# (outlet, published, title, paragraphs, events: (type, source, target, date, place,
#  salience, paragraph index, trigger))
REPORTS = {
    "post": (
        "Harbour Post",
        "2024-05-08",
        "Varga and Halvorsen talk fisheries in Oslo",
        [
            "Chilean minister Ines Varga met her Norwegian counterpart Tor Halvorsen in Oslo "
            "on Tuesday to discuss salmon quotas.",
            "The two governments agreed to share survey ships next season.",
            "Varga had first clashed with Halvorsen over trawling rights in 2014.",
            "In 2016 Halvorsen accused Chile of hiding catch figures.",
        ],
        [
            ("CONSULT", VARGA, HALVORSEN, "2024-05-07", OSLO, "main", 0, "met"),
            ("COOPERATE", VARGA, HALVORSEN, "2024-05-07", OSLO, "main", 1, "agreed"),
            ("PROTEST", VARGA, HALVORSEN, "2014-06", SANTIAGO, "background", 2, "clashed"),
            ("ACCUSE", HALVORSEN, VARGA, "2016-02", None, "background", 3, "accused"),
        ],
    ),
    "fjord": (
        "Fjord Daily",
        "2024-05-08",
        "Norway hosts Chilean minister",
        [
            "Tor Halvorsen received Ines Varga at the ministry in Oslo on Monday.",
            "Halvorsen later criticised Chile's subsidies for its fleet.",
        ],
        [
            ("CONSULT", VARGA, HALVORSEN, "2024-05-06", OSLO, "main", 0, "received"),
            ("ACCUSE", HALVORSEN, VARGA, "2024-05-06", OSLO, "main", 1, "criticised"),
        ],
    ),
    "andes": (
        "Andes Wire",
        "2024-05-09",
        "Chile and Norway to pool survey ships",
        [
            "Ines Varga and Tor Halvorsen agreed in Oslo to pool their survey ships.",
            "Their meeting on Tuesday was the third this year.",
        ],
        [
            ("COOPERATE", VARGA, HALVORSEN, "2024-05-07", OSLO, "main", 0, "agreed"),
            ("CONSULT", VARGA, HALVORSEN, "2024-05-07", OSLO, "main", 1, "meeting"),
        ],
    ),
    "february": (
        "Andes Wire",
        "2024-02-12",
        "Halvorsen visits Santiago",
        ["Tor Halvorsen visited Ines Varga in Santiago on Sunday."],
        [("CONSULT", HALVORSEN, VARGA, "2024-02-11", SANTIAGO, "main", 0, "visited")],
    ),
    "april": (
        "Harbour Post",
        "2024-04-03",
        "Varga rebukes Norway at Lima forum",
        ["At a forum in Lima, Ines Varga rebuked Tor Halvorsen over quota cuts on Tuesday."],
        [("ACCUSE", VARGA, HALVORSEN, "2024-04-02", LIMA, "main", 0, "rebuked")],
    ),
}


def _mentions(text: str) -> list[Mention]:
    """Every full name, and every surname standing alone, of the two ministers."""
    found: list[Mention] = []
    taken: set[int] = set()
    for actor in (VARGA, HALVORSEN):
        for name in (actor.name, actor.name.split()[-1]):
            at = text.find(name)
            while at >= 0:
                if at not in taken and not (taken & set(range(at, at + len(name)))):
                    found.append(
                        Mention(start=at, end=at + len(name), text=name, actor_id=actor.id)
                    )
                    taken.update(range(at, at + len(name)))
                at = text.find(name, at + 1)
    return sorted(found, key=lambda m: m.start)


def _document(key: str) -> Document:
    outlet, published, title, paragraphs, events = REPORTS[key]
    text = "\n\n".join(paragraphs)
    aid = content_id(text)
    sents = sentences(text)
    return Document(
        id=aid,
        file=f"newsroom/{key}.txt",
        outlet=outlet,
        published=published,
        title=title,
        language="en",
        text=text,
        original=text,
        sentences=sents,
        actors=[VARGA, HALVORSEN],
        mentions=_mentions(text),
        events=[
            Event(
                id=f"e{n}",
                type=kind,
                source_id=source.id,
                target_id=target.id,
                trigger=trigger,
                date=date,
                date_precision="day" if len(date) == 10 else "month",
                location=place,
                salience=salience,
                evidence=evidence(aid, sents[index]),
            )
            for n, (kind, source, target, date, place, salience, index, trigger) in enumerate(
                events, 1
            )
        ],
    )


def documents() -> dict[str, Document]:
    return {key: _document(key) for key in REPORTS}


def clusters(docs: dict[str, Document]) -> list[Cluster]:
    post, fjord, andes = docs["post"].id, docs["fjord"].id, docs["andes"].id
    return [
        Cluster(level="story", id="oslo-talks", members=[post, fjord, andes]),
        Cluster(
            level="event",
            id="oslo-meeting",
            members=[f"{post}#e1", f"{fjord}#e1", f"{andes}#e2"],
            disagreements={"date": ["2024-05-07", "2024-05-06"]},
        ),
        Cluster(level="event", id="oslo-ships", members=[f"{post}#e2", f"{andes}#e1"]),
    ]
