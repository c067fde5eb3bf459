"""A writer process for the concurrent-writer tests: ``python -m tests.store.concurrent_writer``.

``python -m tests.store.concurrent_writer URL ORDER N`` saves ``variants(N)``
into the store at URL in batches of three, in ascending (``up``) or
descending (``down``) order, so that two writers meet on the same articles
and actors from opposite ends. Exits 0 when every batch was saved.
"""

from __future__ import annotations

import sys

from tests.store import samples

from communique.model import Document
from communique.store import Store

BATCH = 3


def variants(count: int) -> list[Document]:
    """``count`` distinct articles that share actors; article k adds an alias of its own."""
    found = []
    for k in range(count):
        base = samples.kenya() if k % 2 == 0 else samples.brazil()
        actors = [
            actor.model_copy(update={"aliases": [*actor.aliases, f"{actor.name} ({k})"]})
            for actor in base.actors
        ]
        article = f"v{k:03d}-{base.id[:8]}"
        events = [
            event.model_copy(
                update={"evidence": event.evidence.model_copy(update={"article": article})}
            )
            for event in base.events
        ]
        found.append(base.model_copy(update={"id": article, "actors": actors, "events": events}))
    return found


def main(url: str, order: str, count: int) -> None:
    documents = variants(count)
    if order == "down":
        documents.reverse()
    with Store.open(url) as store:
        for start in range(0, len(documents), BATCH):
            store.save_documents(documents[start : start + BATCH])


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
