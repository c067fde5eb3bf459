"""Cross-source clustering: duplicates, events and stories over the stored articles.

In: the store after ``run`` saved newly analysed documents (the pipeline calls
``update_clusters(store, added_ids, settings=...)`` once per run). Out: cluster
records in the store (``store.replace_clusters``), three levels, in this order:

1. ``duplicate`` (``duplicates.py``): near-identical texts (syndication,
   re-posts); the original first.
2. ``story`` (``stories.py``): articles about the same episode; every article
   is in exactly one story, a lone article in its own.
3. ``event`` (``events.py``): events from different articles that are one
   real-world event, including background mentions of an old event; only
   events reported at least twice get one.

The exports read them back: ``articles.story``, ``events.cluster`` and the
``clusters`` kind. This is the last stage of a run: ingest → analyse → store →
**cluster**; ``export`` and ``evaluate`` read its output.

This first implementation recomputes all three levels over the whole store on
every run (loading only the compact ``features`` of each article), which is
quick up to some thousands of articles. The follow-up for 100k articles:
restrict comparisons to blocks (episode-date window, shared actors, LSH
candidates) around ``article_ids`` and replace only the clusters they touch.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from communique.cluster.duplicates import find_duplicates
from communique.cluster.events import find_event_clusters
from communique.cluster.features import ActorKeys, ArticleFeatures, features
from communique.cluster.stories import find_stories
from communique.config import Settings
from communique.model import Actor, Cluster, Document

__all__ = [
    "cluster_documents",
    "find_duplicates",
    "find_event_clusters",
    "find_stories",
    "update_clusters",
]

LEVELS = ("duplicate", "story", "event")


def cluster_documents(
    documents: Iterable[Document], lookup: Callable[[str], Actor | None] | None = None
) -> list[Cluster]:
    """All clusters of three levels for an iterable of ``Document`` (no store needed).

    ``lookup`` maps an actor id to its ``Actor`` (or None); by default only the
    actors stored on the documents themselves are known.
    """
    keys = ActorKeys(lookup or (lambda _id: None))
    texts: dict[str, str] = {}
    articles: list[ArticleFeatures] = []
    for order, document in enumerate(documents):
        texts[document.id] = document.text
        articles.append(features(document, order, keys))
    duplicates = find_duplicates(texts, articles)
    stories = find_stories(articles, duplicates)
    story_of = {m: c.id for c in stories for m in c.members}
    return duplicates + stories + find_event_clusters(articles, story_of)


def update_clusters(store: Any, article_ids: Sequence[str], *, settings: Settings) -> None:
    """Recompute every cluster level after a run that added ``article_ids``.

    ``article_ids`` is not used for narrowing yet (see the module docstring):
    all stored articles are clustered again, so the result does not depend on
    the order in which articles arrived in runs.
    """
    ids = store.article_ids()
    clusters = cluster_documents(store.iter_documents(ids), store.get_actor)
    store.replace_clusters(LEVELS, clusters)
