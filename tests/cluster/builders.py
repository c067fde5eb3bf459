"""Hand-built analysed documents for the clustering tests (our own sentences, no spaCy).

Each report lists its actors, mentions (found by name in the text) and events
as the analysis stages would store them, so that the tests exercise the
clusterer alone.
"""

from __future__ import annotations

from typing import Any

from communique.model import Actor, Cluster, Document, Event, Evidence, Mention, Place


def person(key: str, name: str, country: str) -> Actor:
    return Actor(id=key, name=name, aliases=[name.split()[-1]], country=country)


def state(key: str, name: str, country: str) -> Actor:
    return Actor(id=key, name=name, type="state", country=country)


class Reports:
    """A cast of actors and a factory of documents that mention them."""

    def __init__(self, *actors: Actor) -> None:
        self.actors = {a.id: a for a in actors}

    def mentions(self, text: str) -> list[Mention]:
        found = []
        for actor in self.actors.values():
            for name in dict.fromkeys([actor.name, *actor.aliases]):
                start = text.find(name)
                while start >= 0:
                    found.append(
                        Mention(start=start, end=start + len(name), text=name, actor_id=actor.id)
                    )
                    start = text.find(name, start + 1)
        return found

    def document(
        self, doc_id: str, text: str, published: str | None, events: list[Event]
    ) -> Document:
        events = [
            e.model_copy(update={"evidence": e.evidence.model_copy(update={"article": doc_id})})
            for e in events
        ]
        used = {e.source_id for e in events} | {e.target_id for e in events}
        return Document(
            id=doc_id,
            file=f"{doc_id}.txt",
            text=text,
            original=text,
            published=published,
            mentions=self.mentions(text),
            actors=[a for a in self.actors.values() if a.name in text or a.id in used],
            events=events,
        )


def event(
    eid: str,
    kind: str,
    source: str,
    target: str | None,
    when: str | None,
    place: Place | None = None,
    evidence: str = "x",
    **extra: Any,
) -> Event:
    return Event(
        id=eid,
        type=kind,
        source_id=source,
        target_id=target,
        date=when,
        location=place,
        evidence=Evidence(article="?", start=0, end=len(evidence), text=evidence),
        **extra,
    )


def groups(clusters: list[Cluster], level: str) -> list[list[str]]:
    """Members of each cluster of ``level``, as sorted lists, sorted."""
    return sorted(sorted(c.members) for c in clusters if c.level == level)
