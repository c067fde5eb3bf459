"""Incremental clustering: new articles join the stored clusters without recomputing the store.

In: the ids of articles a run just saved (``communique.pipeline.run`` calls
``update_clusters`` once per run) and the store's clustering state
(``communique.store.clustering``: features, blocking keys, LSH bands, term
frequencies, clusters, decisions). Out: the changed clusters of the three
levels and the decisions behind them, written with the new articles' index
rows in one transaction per batch (``Store.apply_cluster_changes``).

Each level runs the same three steps, in the order duplicate → story → event:

1. Candidate generation, by indexed lookups only: articles sharing a MinHash
   LSH band (duplicates); articles sharing a participant or a distinctive
   word (stories: a key carried by at most ``RARE_KEY`` stored articles in
   any week, so that undated and wrongly dated reports are found; a more
   common key only within the episode's date window, week buckets ±
   ``stories.MAX_GAP_DAYS``); stored events of the same type and participant
   in the event's weeks, and the events of the new article's story (events).
   A key shared by more than ``MAX_BLOCK`` stored articles is skipped. A
   story candidate must share at least ``SHARED_KEYS`` of the new article's
   keys, and only the ``CANDIDATES`` sharing most are scored: the articles
   that share one rare word by chance grow in number with the store.
2. Pairwise scoring of each new article (event) against its candidates, with
   the first implementation's scores (``duplicates.containment``,
   ``StoryModel.similarity`` with store-wide IDF, ``events.link_evidence``).
3. Assignment over the neighbourhood only: the new members, the candidates
   that scored as linked, and every member of the stored clusters those
   reach ("touched" clusters); the touched clusters are replaced, no other.

So the cost of adding an article follows the size of its blocks and of the
clusters it touches, not the size of the store. One batch of new articles
into an empty store gives exactly what ``cluster_documents`` gives for the
same articles. Two approximations, both towards keeping stored clusters as
they are: a stored story is only revisited when a new article reaches it
(two old stories that a new article would bridge through average linkage
are both revisited, a third one linked only to them is not), and IDF weights
of stories not revisited keep the frequencies of their time.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Any

from communique.cluster import duplicates, linkage, stories
from communique.cluster.events import block_keys, cluster_events, link_evidence
from communique.cluster.features import (
    ActorKeys,
    ArticleFeatures,
    Interval,
    features,
    from_json,
    to_json,
)
from communique.cluster.union import pair
from communique.model import Cluster, Decision, Document
from communique.store.clustering import MAX_BLOCK, ClusterChanges, IndexEntry

# Articles indexed and clustered per transaction: bounds memory on a first
# clustering of a large store; a run of a few thousand articles is one batch.
BATCH = 2000
WEEK = 7  # days per date bucket
UNDATED = -1  # the bucket of articles and events without a date
# Stored articles linked to a new one below ``linkage.MIN_SIMILARITY`` whose stories are
# revisited (``Batch.stories``), at most.
WEAK_REACH = 20
# The stored articles a new one is scored against (``Batch.stories``): those sharing at
# least ``SHARED_KEYS`` of its blocking keys, at most ``CANDIDATES`` of them (most keys
# shared first). A report of the same episode shares several of its participants and
# distinctive words; the articles sharing one rare word by chance grow in number with
# the store, and scoring them all made adding an article cost more the larger the store.
# 20, not 50: on 100,000 synthetic articles the 50 were always filled by such articles
# (features read for one new article: 17 at 10,000, 50 at 100,000; with 20: 17 and 24),
# and reading and weighing them was the part of adding an article that grew with the
# store; the stories reached do not depend on the 30 that share fewest keys (ECB+ in
# batches of 10 or 50 and in one: the same stories with 10, 20 or 50).
SHARED_KEYS = 2
CANDIDATES = 20
# A story key carried by at most this many clustered articles is looked up in every
# week (``Batch.stories``), a more common one only in the episode's weeks: the rows
# read for a new article stay bounded as more words reach this count with the store.
RARE_KEY = 100
# New articles whose candidates are read and scored at a time (stories and events): the
# stored candidates of a whole batch (up to ``CANDIDATES`` features each, and every
# article under each of their keys) are not held at once, so that a clustering pass
# holds its own articles, the neighbourhood it reclusters and one part's candidates.
SCORED_AT_ONCE = 200


def _bucket(day: date) -> int:
    return day.toordinal() // WEEK


def _buckets(span: Interval | None, slack: int = 0) -> list[int]:
    """Buckets of the days of ``span`` widened by ``slack`` days each side."""
    if span is None:
        return [UNDATED]
    first, last = span[0] - timedelta(days=slack), span[1] + timedelta(days=slack)
    return list(range(_bucket(first), _bucket(last) + 1))


class Batch:
    """One batch of new articles: their features and index rows, and what they touch."""

    def __init__(
        self,
        store: Any,
        documents: Iterable[Document],
        keys: ActorKeys,
        clustered_before: int | None = None,
    ) -> None:
        """``clustered_before``: the clustered-articles count read before ``documents`` were
        found unclustered (read now when not given). ``documents`` are read one at a time
        and not kept: only their features and LSH bands are."""
        self.store = store
        first = store.clustered_count() if clustered_before is None else clustered_before
        self.new: dict[str, ArticleFeatures] = {}
        self.bands: dict[str, set[tuple[int, int]]] = {}
        for i, document in enumerate(documents):
            self.new[document.id] = features(document, first + i, keys)
            # the shingles are read again, in ``duplicates``, only for the few articles
            # that share a band with another
            self.bands[document.id] = duplicates.bands(duplicates.shingles(document.text))
        self.n = first + len(self.new)
        counts: dict[str, int] = defaultdict(int)
        for article in self.new.values():
            for term in stories.terms(article):
                counts[term] += 1
        stored = store.term_df(counts)
        self.df = {t: stored.get(t, 0) + c for t, c in counts.items()}
        self.loaded: dict[str, ArticleFeatures] = dict(self.new)
        self.story_keys = {
            a: stories.blocking_keys(f, stories.word_vector(f, self.df, self.n))
            for a, f in self.new.items()
        }
        self.entries = {a: self._entry(article) for a, article in self.new.items()}
        self._here: dict[tuple[str, int | None], set[str]] | None = None
        self.changes = ClusterChanges(clustered_before=first)

    # ------------------------------------------------------------ index rows

    def _entry(self, article: ArticleFeatures) -> IndexEntry:
        keys = self.story_keys[article.id]
        blocks = {(k, b) for k in keys for b in _buckets(article.episode)}
        for event in article.events:
            if event.when is not None:
                blocks.update(
                    ("e:" + k, b) for k in block_keys(event) for b in _buckets(event.when)
                )
        return IndexEntry(
            article_id=article.id,
            data=to_json(article),
            blocks=blocks,
            bands=self.bands.pop(article.id),
            terms=stories.terms(article),
        )

    def features(self, ids: Iterable[str], keep: bool = True) -> dict[str, ArticleFeatures]:
        """Features of articles, loaded from the store once while ``keep`` (the
        neighbourhoods the batch reclusters); candidates only scored are not kept."""
        wanted = set(ids)
        found = {i: self.loaded[i] for i in wanted if i in self.loaded}
        missing = wanted - set(found)
        if missing:
            for article_id, data in self.store.cluster_features(missing).items():
                found[article_id] = from_json(article_id, data)
                if keep:
                    self.loaded[article_id] = found[article_id]
        return found

    def _parts(self) -> Iterable[list[str]]:
        """The new articles, ``SCORED_AT_ONCE`` at a time."""
        ids = list(self.new)
        for start in range(0, len(ids), SCORED_AT_ONCE):
            yield ids[start : start + SCORED_AT_ONCE]

    def _lookup(
        self,
        wanted: dict[str, set[tuple[str, int | None]]],
        least: int = 1,
        limit: int | None = None,
    ) -> dict[str, set[str]]:
        """New article → stored articles sharing one of its (key, bucket) pairs (bucket
        None: the key in any bucket); a key carried by more than ``MAX_BLOCK`` articles
        finds nothing.

        ``least``: only the articles sharing at least that many of its keys (or all of
        its keys when it has fewer); ``limit``: at most that many, those sharing most
        keys first, then those sharing the rarer keys. Other new articles of the batch
        are not candidates: the assignment step compares the batch's articles with
        each other.
        """
        stored: dict[tuple[str, int | None], set[str]] = self.store.block_candidates(
            {p for pairs in wanted.values() for p in pairs}
        )
        here = self._batch_blocks()
        found: dict[str, set[str]] = {}
        for article_id, pairs in wanted.items():
            by_key: dict[str, set[str]] = defaultdict(set)
            batch: dict[str, set[str]] = defaultdict(set)  # the block's size counts them
            for key, bucket in pairs:
                by_key[key] |= stored.get((key, bucket), set())
                batch[key] |= here.get((key, bucket), set())
            shared: dict[str, int] = defaultdict(int)
            rarity: dict[str, float] = defaultdict(float)
            usable = 0
            for key, members in by_key.items():
                total = len(members) + len(batch[key])
                if total > MAX_BLOCK:
                    continue
                usable += 1
                for other in members:
                    shared[other] += 1
                    rarity[other] += 1.0 / total
            needed = min(least, usable)
            kept = [other for other, count in shared.items() if count >= needed]
            if limit is not None and len(kept) > limit:
                kept = sorted(kept, key=lambda o: (-shared[o], -rarity[o], o))[:limit]
            found[article_id] = set(kept)
        return found

    def _batch_blocks(self) -> dict[tuple[str, int | None], set[str]]:
        """(key, bucket) and (key, None) → the batch's new articles under it."""
        if self._here is None:
            self._here = defaultdict(set)
            for article_id, entry in self.entries.items():
                for key, week in entry.blocks:
                    self._here[(key, week)].add(article_id)
                    self._here[(key, None)].add(article_id)
        return self._here

    # ------------------------------------------------------------ duplicates

    def duplicates(self) -> tuple[set[str], list[Cluster]]:
        """Link copies; return the stored articles they reach and the duplicate clusters
        of the neighbourhood (for stories)."""
        bands = {b for e in self.entries.values() for b in e.bands}
        stored: dict[tuple[int, int], set[str]] = self.store.band_candidates(bands)
        here: dict[tuple[int, int], set[str]] = defaultdict(set)
        for article_id, entry in self.entries.items():
            for band in entry.bands:
                here[band].add(article_id)
        candidates = {
            a: set().union(*(stored.get(b, set()) | here[b] for b in e.bands)) - {a}
            for a, e in self.entries.items()
        }
        # the shingles of the new articles that share a band and of what they share it
        # with, read again from the stored texts (most articles share none)
        involved = {a for a, found in candidates.items() if found}
        involved |= {c for a in involved for c in candidates[a]}
        sets = {a: duplicates.shingles(t) for a, t in self.store.texts(sorted(involved)).items()}
        found = duplicates.links([a for a in self.new if a in sets], sets, candidates.__getitem__)
        del sets
        linked = {x for p in found for x in p}
        if not linked:
            return set(), []
        touched = set(self.store.memberships("duplicate", linked).values())
        old = self.store.clusters_by_id("duplicate", touched)
        nodes = linked | {m for c in old for m in c.members}
        decisions = self.store.decisions("duplicate", nodes)
        for d in decisions:
            if d.decided_by == "auto" and d.a in nodes and d.b in nodes:
                found.setdefault(pair(d.a, d.b), d.score or 0.0)
        clusters, made = duplicates.group(list(self.features(nodes).values()), found, decisions)
        self._replace("duplicate", touched, clusters, nodes, made)
        return linked - set(self.new), clusters

    # ------------------------------------------------------------ stories

    def stories(self, reached: set[str], copies: list[Cluster]) -> dict[str, str]:
        """Recluster the stories the new articles reach; return article → story for them."""
        slack = stories.MAX_GAP_DAYS
        wanted: dict[str, set[tuple[str, int | None]]] = {}
        for a, f in self.new.items():
            # a key rare in the whole store finds its articles whenever they are dated
            # (dates read in a text may be wrong, and many texts give none); a common
            # key only in the episode's weeks (and among undated articles), and not
            # at all for an undated article: blocking stays bounded by ``RARE_KEY``
            # rows per key whatever the size of the store
            window = [] if f.episode is None else [*_buckets(f.episode, slack), UNDATED]
            wanted[a] = set()
            for key in self.story_keys[a]:
                if self._key_df(key) <= RARE_KEY:
                    wanted[a].add((key, None))
                else:
                    wanted[a].update((key, bucket) for bucket in window)
        for part in self._parts():
            self._reach_stories({a: wanted[a] for a in part}, reached)
        touched = set(self.store.memberships("story", reached).values())
        old = self.store.clusters_by_id("story", touched)
        area = set(self.new) | reached | {m for c in old for m in c.members}
        articles = self.features(area)
        # copies among the area: the new duplicate clusters, and stored ones not replaced
        copy_ids = set(self.store.memberships("duplicate", area).values())
        copy_ids -= self.changes.remove.get("duplicate", set())
        groups = [*self.store.clusters_by_id("duplicate", copy_ids), *copies]
        groups = [
            Cluster(level="duplicate", id=c.id, members=[m for m in c.members if m in area])
            for c in groups
        ]
        decisions = self.store.decisions("story", area, "user")
        clusters, made = stories.cluster_stories(
            [articles[a] for a in sorted(articles, key=lambda a: articles[a].order)],
            groups,
            decisions,
            self._df(articles.values()),
            self.n,
        )
        self._replace("story", touched, clusters, area, made)
        return {m: c.id for c in clusters for m in c.members}

    def _reach_stories(
        self, wanted: dict[str, set[tuple[str, int | None]]], reached: set[str]
    ) -> None:
        """Score some new articles against their candidates; add the stored articles
        whose stories they reach to ``reached``. The candidates are not kept."""
        candidates = self._lookup(wanted, SHARED_KEYS, CANDIDATES)
        pool = self.features({c for found in candidates.values() for c in found}, keep=False)
        df = self._df(pool.values())
        scored = [self.new[a] for a in candidates]
        model = stories.StoryModel(list(pool.values()) + scored, df, self.n)
        for article_id, found in candidates.items():
            weak: list[tuple[float, str]] = []
            for other in sorted(found - set(self.new)):
                value = model.similarity(article_id, other)
                if value >= linkage.MIN_SIMILARITY:
                    reached.add(other)
                elif value >= linkage.ATTACH_SIMILARITY:
                    weak.append((value, other))
            # as weak a link as ``attach_fragments`` accepts may bring a story in (and
            # its runner-up); the strongest ``WEAK_REACH`` only, so that the stories
            # revisited stay few whatever the size of the store
            reached.update(other for _, other in sorted(weak, reverse=True)[:WEAK_REACH])

    def _key_df(self, key: str) -> int:
        """How many clustered articles carry a story blocking key (its term's frequency)."""
        kind, _, value = key.partition(":")
        term = ("a:" if kind == "actor" else "w:") + value
        if term not in self.df:
            self.df.update(self.store.term_df([term]))
        return int(self.df.get(term, 0))

    def _df(self, articles: Iterable[ArticleFeatures]) -> dict[str, int]:
        wanted = {t for a in articles for t in stories.terms(a)} - set(self.df)
        if wanted:
            self.df.update(self.store.term_df(wanted))
        return self.df

    # ------------------------------------------------------------ events

    def events(self, story_of: dict[str, str]) -> None:
        new_events = [e for a in self.new.values() for e in a.events]
        wanted: dict[str, set[tuple[str, int | None]]] = {
            a: {
                ("e:" + k, b)
                for e in f.events
                if e.when is not None
                for k in block_keys(e)
                for b in _buckets(e.when, 1)
            }
            for a, f in self.new.items()
        }
        # the events of the new article's story mates (undated events link only within a story)
        mates: dict[str, set[str]] = defaultdict(set)
        for member, story in story_of.items():
            mates[story].add(member)
        stories_of = dict(story_of)
        linked: set[str] = set()
        for part in self._parts():  # the candidates of some new articles at a time
            candidates = self._lookup({a: wanted[a] for a in part})
            for article_id, found in candidates.items():
                found |= mates.get(story_of.get(article_id, ""), set())
            pool = self.features(
                {c for found in candidates.values() for c in found} - set(self.new), keep=False
            )
            stories_of.update(self.store.memberships("story", set(pool) - set(stories_of)))
            keyed = {e.id: block_keys(e) for a in pool.values() for e in a.events}
            for event in new_events:
                if event.article not in candidates:
                    continue
                keys = block_keys(event)
                for other in candidates[event.article]:
                    if other in self.new or other not in pool:
                        continue
                    same = _same(stories_of, event.article, other)
                    for item in pool[other].events:
                        if keys & keyed[item.id] and link_evidence(event, item, same) is not None:
                            linked.add(item.id)
        touched = set(self.store.memberships("event", linked).values())
        old = self.store.clusters_by_id("event", touched)
        nodes = {e.id for e in new_events} | linked | {m for c in old for m in c.members}
        decisions = self.store.decisions("event", nodes, "user")
        extra = {x for d in decisions if d.verdict == "merge" for x in (d.a, d.b)} - nodes
        if extra:  # a user merge with an event outside: bring its cluster in
            more = set(self.store.memberships("event", extra).values()) - touched
            touched |= more
            nodes |= extra | {
                m for c in self.store.clusters_by_id("event", more) for m in c.members
            }
            decisions = self.store.decisions("event", nodes, "user")
        owners = {n.partition("#")[0] for n in nodes}
        articles = self.features(owners)
        missing = owners - set(stories_of)
        stories_of.update(self.store.memberships("story", missing))
        clusters, made = cluster_events(
            list(articles.values()),
            stories_of,
            decisions,
            nodes,
            self.store.event_evidence(nodes),
        )
        self._replace("event", touched, clusters, nodes, made)

    # ------------------------------------------------------------ writing

    def _replace(
        self,
        level: str,
        touched: set[str],
        clusters: list[Cluster],
        members: set[str],
        made: list[Decision],
    ) -> None:
        self.changes.remove[level] |= touched
        self.changes.add.extend(clusters)
        self.changes.forget[level] |= members
        self.changes.decisions.extend(made)

    def commit(self) -> bool:
        """Write the batch; False when another writer clustered articles since it began
        (``Store.apply_cluster_changes``), and nothing was written."""
        self.changes.index = list(self.entries.values())
        return bool(self.store.apply_cluster_changes(self.changes))


def _same(story_of: dict[str, str], a: str, b: str) -> bool:
    return story_of.get(a) is not None and story_of.get(a) == story_of.get(b)


def add_articles(store: Any, article_ids: Sequence[str], keys: ActorKeys) -> int:
    """Cluster the stored articles ``article_ids`` that are not clustered yet; return how many."""
    ordered = store.added_order(article_ids)
    added = 0
    # The count is read before the articles are found unclustered: another writer that
    # clusters some of them in between then changes the count, and the batch's
    # compare-and-set refuses it (read after, the count would let it index them twice).
    while True:
        before = store.clustered_count()
        todo = _unclustered(store, ordered)
        if not todo:
            break
        # a batch that lost the race to another writer is read and computed again
        # from the store it left behind (``Batch.commit``); each lost race means the
        # other writer clustered articles, so this ends
        chunk = todo[:BATCH]
        batch = Batch(store, store.iter_documents(chunk), keys, clustered_before=before)
        reached, copies = batch.duplicates()
        story_of = batch.stories(reached, copies)
        batch.events(story_of)
        if batch.commit():
            added += len(chunk)
            todo = todo[len(chunk) :]
        ordered = todo
    return added


def _unclustered(store: Any, ordered: list[str]) -> list[str]:
    done = store.clustered(ordered)
    return [a for a in ordered if a not in done]
