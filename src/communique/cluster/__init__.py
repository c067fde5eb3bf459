"""Cross-source clustering: duplicates, events and stories over the stored articles.

In: the store after ``run`` saved newly analysed documents (the pipeline calls
``update_clusters(store, settings=...)`` once per run, which clusters every
stored article that has no clustering features yet, whichever run stored it). Out: cluster
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

Each level is three steps: candidate generation (blocking by date window and
actors, MinHash LSH), pairwise scoring, and assignment (union or average
linkage) that obeys users' decisions. ``update_clusters`` is incremental
(``incremental.py``): the store keeps each article's compact features,
blocking keys and LSH bands, and a new article is compared only with the
articles they find, so adding one does not cost more as the store grows;
only the clusters it reaches are replaced. Every link is kept as a pairwise
decision (``Store.decisions``) so that a user can see why two members are
together, and undo it (``Store.record_decisions`` with ``decided_by="user"``).
``cluster_documents`` clusters a list of documents in memory, no store needed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from communique.cluster.duplicates import find_duplicates
from communique.cluster.events import cluster_events, find_event_clusters
from communique.cluster.features import ActorKeys, ArticleFeatures, features, global_event_id
from communique.cluster.incremental import add_articles
from communique.cluster.stories import find_stories
from communique.config import Settings
from communique.model import Actor, Cluster, Decision, Document, Evidence

__all__ = [
    "cluster_documents",
    "find_duplicates",
    "find_event_clusters",
    "find_stories",
    "recluster",
    "update_clusters",
]

LEVELS = ("duplicate", "story", "event")


def cluster_documents(
    documents: Iterable[Document],
    lookup: Callable[[str], Actor | None] | None = None,
    decisions: Sequence[Decision] = (),
) -> list[Cluster]:
    """All clusters of three levels for an iterable of ``Document`` (no store needed).

    ``lookup`` maps an actor id to its ``Actor`` (or None); by default only the
    actors stored on the documents themselves are known.
    """
    keys = ActorKeys(lookup or (lambda _id: None))
    texts: dict[str, str] = {}
    evidence: dict[str, Evidence] = {}
    articles: list[ArticleFeatures] = []
    for order, document in enumerate(documents):
        texts[document.id] = document.text
        articles.append(features(document, order, keys))
        for event in document.events:
            found = event.evidence.model_copy(update={"article": document.id})
            evidence[global_event_id(document.id, event.id)] = found
    duplicates = find_duplicates(texts, articles, decisions)
    stories = find_stories(articles, duplicates, decisions)
    story_of = {m: c.id for c in stories for m in c.members}
    events = cluster_events(articles, story_of, decisions, evidence=evidence)[0]
    return duplicates + stories + events


def update_clusters(
    store: Any, article_ids: Sequence[str] | None = None, *, settings: Settings
) -> int:
    """Add stored articles to the clusters; return how many were new.

    ``article_ids`` None (what a run passes): every stored article that is not
    clustered yet, so a run killed before or during clustering is repaired by
    the next run, even one that adds nothing. Incremental (see the module
    docstring): articles clustered before are skipped, and only clusters the
    new articles reach are replaced. A store clustered before the clustering
    index existed (clusters, but no index) is clustered again from scratch, once.
    """
    if store.clustered_count() == 0 and store.has_clusters():
        return recluster(store, settings=settings)
    todo = store.unclustered() if article_ids is None else article_ids
    return add_articles(store, todo, ActorKeys(store.get_actor))


def recluster(store: Any, *, settings: Settings) -> int:
    """Cluster the whole store again from scratch (users' decisions are kept)."""
    store.reset_clustering()
    return add_articles(store, store.article_ids(), ActorKeys(store.get_actor))
