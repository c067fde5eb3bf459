"""Story clusters: articles about the same episode (one visit, one round of talks, one attack).

In: ``ArticleFeatures`` of every stored article and the duplicate groups
(``duplicates``, run before). Out: ``Cluster(level="story")`` records; every
article is in exactly one story, a lone article in a story of its own, so the
``story`` field of the ``articles`` export is never null. ``events`` runs
after and uses the stories for events whose date is not stated.

A story is an episode, not a topic: two reports on the same leaders meeting a
year apart are two stories. So the evidence is combined as follows:

1. Dates and venues veto. Each article has an episode date (its main events'
   date, else its publication date); two articles whose episode dates are known
   and more than ``MAX_GAP_DAYS`` apart never share a story, whatever else they
   share. Likewise two articles whose main events are located in countries
   that do not overlap: the same minister in Dakar and, a week later, in Accra
   is two visits (``features.VISITOR`` makes the visitor weigh most, so
   without this veto a tour would read as one story). An unknown venue vetoes
   nothing.
2. Shared actors, weighted by who they are and how rare they are: a person
   taking part in both articles' main events counts most; states that every
   report names (Iran, Israel, the United States) count little
   (``features.TYPE_WEIGHT``), and an actor named in most of the store counts
   less (IDF).
3. Text similarity: TF-IDF cosine over content words of the cleaned texts.
4. Places of main events in common, and agreeing known dates, add a little.

Articles are grouped by average-linkage agglomeration with the veto as a
cannot-link constraint, stopping when no two groups reach ``MIN_SIMILARITY``.
Average linkage (not single linkage) so that one article sharing a little with
two episodes does not chain them together.

Users' decisions override the evidence: a split pair is vetoed like two
distant dates, a merged pair starts in one group (as copies do).

Scale: only pairs that share a participant other than a state, or one of
their most distinctive words, are compared (blocking), and average linkage
runs separately inside each connected component of the pairs that reach the
threshold (a merge needs at least one such pair), so components stay small.
Rarity (IDF) is relative to the whole store: incremental clustering passes
the stored document frequencies (``df``, ``n``) and reclusters only the
articles of the stories a new article reaches (``incremental``); the same
keys, with the episode week as date bucket, find those stories in the store.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from itertools import combinations

from communique.cluster.features import (
    TYPE_WEIGHT,
    ArticleFeatures,
    cosine,
    gap_days,
    idf,
)
from communique.cluster.union import constraints
from communique.model import Cluster, Decision

# Episode dates further apart than this are different episodes. A visit or a
# round of talks spans a few days and reports follow within a day or two; a
# week allows for a weekly's late report while keeping "the same meeting a
# month later" apart.
MAX_GAP_DAYS = 7
# Weights of the evidence (sum to 1) and the merge threshold. Calibrated on
# the development set (same-episode pairs 0.32 to 0.50, different episodes
# sharing actors up to 0.23, both with real extraction output) and on the
# hand-made reports of tests/cluster (same meeting 0.78 to 0.94).
W_ACTORS = 0.5
W_TEXT = 0.3
W_PLACE = 0.1
W_DATE = 0.1
MIN_SIMILARITY = 0.28
# Distinctive words per article used as blocking keys besides shared participants.
TOP_WORDS = 10


def terms(article: ArticleFeatures) -> set[str]:
    """The terms whose document frequency weighs an article's vectors (``a:`` actor, ``w:`` word)."""
    return {"a:" + k for k in article.actors} | {"w:" + w for w in article.words}


def blocking_keys(article: ArticleFeatures, word_vector: Mapping[str, float]) -> set[str]:
    """Participants that are not states, and the ``TOP_WORDS`` most distinctive words."""
    keys = {
        "actor:" + key
        for key in article.actors
        if TYPE_WEIGHT.get(article.kinds.get(key, ""), 0.5) >= 0.5
    }
    top = sorted(word_vector, key=lambda w: (-word_vector[w], w))[:TOP_WORDS]
    return keys | {"word:" + w for w in top}


class StoryModel:
    """Pairwise story similarity over a set of articles.

    Rarity (IDF) is relative to the set, or to the store when ``df`` (term →
    document frequency, terms as ``terms``) and ``n`` (articles) are given.
    """

    def __init__(
        self,
        articles: Sequence[ArticleFeatures],
        df: Mapping[str, int] | None = None,
        n: int | None = None,
        cannot: Iterable[tuple[str, str]] = (),
    ) -> None:
        self.articles = {a.id: a for a in articles}
        if df is None:
            df = Counter(t for a in articles for t in terms(a))
            n = len(articles)
        size = max(n or 0, len(articles))
        self.cannot = {_key(a, b) for a, b in cannot}
        self.actor_vectors = {
            a.id: {
                key: weight
                * TYPE_WEIGHT.get(a.kinds.get(key, ""), 0.5)
                * idf(df.get("a:" + key, 1), size)
                for key, weight in a.actors.items()
            }
            for a in articles
        }
        self.word_vectors = {
            a.id: {
                w: (1.0 + math.log(c)) * idf(df.get("w:" + w, 1), size) for w, c in a.words.items()
            }
            for a in articles
        }

    def vetoed(self, a: str, b: str) -> bool:
        if _key(a, b) in self.cannot:
            return True
        x, y = self.articles[a], self.articles[b]
        if x.venues and y.venues and not x.venues & y.venues:
            return True  # one episode happens in one place: a tour's stops are separate visits
        first, second = x.episode, y.episode
        return first is not None and second is not None and gap_days(first, second) > MAX_GAP_DAYS

    def evidence(self, a: str, b: str) -> dict[str, float]:
        """The separate pieces of evidence that ``a`` and ``b`` report one episode."""
        first, second = self.articles[a], self.articles[b]
        dated = first.episode is not None and second.episode is not None
        return {
            "actors": cosine(self.actor_vectors[a], self.actor_vectors[b]),
            "text": cosine(self.word_vectors[a], self.word_vectors[b]),
            "place": 1.0 if first.places & second.places else 0.0,
            "date": 1.0 if dated and not self.vetoed(a, b) else 0.0,
        }

    def similarity(self, a: str, b: str) -> float:
        if self.vetoed(a, b):
            return 0.0
        found = self.evidence(a, b)
        return (
            W_ACTORS * found["actors"]
            + W_TEXT * found["text"]
            + W_PLACE * found["place"]
            + W_DATE * found["date"]
        )


def _candidate_pairs(model: StoryModel) -> set[tuple[str, str]]:
    """Pairs worth comparing: they share a participant that is not a state, or one of their
    ``TOP_WORDS`` most distinctive words (blocking; pairs sharing neither cannot reach the
    threshold in practice)."""
    blocks: dict[str, list[str]] = {}
    for article_id, article in model.articles.items():
        for key in sorted(blocking_keys(article, model.word_vectors[article_id])):
            blocks.setdefault(key, []).append(article_id)
    pairs: set[tuple[str, str]] = set()
    for members in blocks.values():
        pairs.update(_key(a, b) for a, b in combinations(members, 2))
    return pairs


def find_stories(
    articles: Sequence[ArticleFeatures],
    duplicates: Sequence[Cluster] = (),
    decisions: Iterable[Decision] = (),
) -> list[Cluster]:
    """Every article in one story cluster (see the module docstring)."""
    return cluster_stories(articles, duplicates, decisions)[0]


def cluster_stories(
    articles: Sequence[ArticleFeatures],
    duplicates: Sequence[Cluster] = (),
    decisions: Iterable[Decision] = (),
    df: Mapping[str, int] | None = None,
    n: int | None = None,
) -> tuple[list[Cluster], list[Decision]]:
    """Story clusters of ``articles`` and, for each member after the first, the automatic
    decision that explains it best (its most similar earlier member)."""
    if not articles:
        return [], []
    must, cannot = constraints(decisions)
    model = StoryModel(articles, df, n, cannot)
    ids = [a.id for a in articles]
    memo: dict[tuple[str, str], float | None] = {}

    def similarity(a: str, b: str) -> float | None:
        """Pair similarity, None when the dates veto it."""
        key = _key(a, b)
        if key not in memo:
            memo[key] = None if model.vetoed(a, b) else model.similarity(a, b)
        return memo[key]

    # components of the graph of pairs reaching the threshold: average linkage can
    # only merge two groups when at least one pair between them reaches it
    parent = {article_id: article_id for article_id in ids}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in sorted(_candidate_pairs(model)):
        value = similarity(a, b)
        if value is not None and value >= MIN_SIMILARITY:
            parent[find(a)] = find(b)
    # copies of one report are one story by definition, and so are articles a user
    # merged: they start as one group
    start: dict[str, str] = {article_id: article_id for article_id in ids}

    def root(x: str) -> str:
        while start[x] != x:
            x = start[x]
        return x

    joined = [(c.members[0], m) for c in duplicates for m in c.members[1:]] + sorted(must)
    for head, member in joined:
        if member in start and head in start and root(member) != root(head):
            start[root(member)] = root(head)
            parent[find(member)] = find(head)
    components: dict[str, dict[str, list[str]]] = {}
    for article_id in ids:
        groups = components.setdefault(find(article_id), {})
        groups.setdefault(root(article_id), []).append(article_id)

    def link(x: list[str], y: list[str]) -> float | None:
        total = 0.0
        for a in x:
            for b in y:
                value = similarity(a, b)
                if value is None:
                    return None
                total += value
        return total / (len(x) * len(y))

    clusters = []
    made: list[Decision] = []
    for groups in components.values():
        for members in _agglomerate(list(groups.values()), link):
            ordered = sorted(members, key=lambda m: model.articles[m].sort_key)
            scores = {"size": float(len(ordered))}
            if len(ordered) > 1:
                links = [similarity(a, b) or 0.0 for a, b in combinations(ordered, 2)]
                scores["cohesion"] = round(sum(links) / len(links), 3)
                made.extend(_explain(model, ordered, similarity))
            clusters.append(
                Cluster(level="story", id=story_id(ordered), members=ordered, scores=scores)
            )
    return sorted(clusters, key=lambda c: c.id), made


def _explain(
    model: StoryModel, ordered: list[str], similarity: Callable[[str, str], float | None]
) -> list[Decision]:
    """Each member after the first with its most similar earlier member, and the evidence."""
    made = []
    for i, member in enumerate(ordered[1:], start=1):
        best = max(ordered[:i], key=lambda other: (similarity(other, member) or 0.0, other))
        score = similarity(best, member) or 0.0
        found: dict[str, float | str] = {
            k: round(v, 4) for k, v in model.evidence(best, member).items()
        }
        made.append(
            Decision(level="story", a=best, b=member, score=round(score, 4), features=found)
        )
    return made


def _agglomerate(
    current: list[list[str]], link: Callable[[list[str], list[str]], float | None]
) -> list[list[str]]:
    """Average-linkage merging, best pair first, until no pair reaches ``MIN_SIMILARITY``."""
    while len(current) > 1:
        best: tuple[float, int, int] | None = None
        for i, j in combinations(range(len(current)), 2):
            value = link(current[i], current[j])
            if value is not None and value >= MIN_SIMILARITY and (best is None or value > best[0]):
                best = (value, i, j)
        if best is None:
            break
        _, i, j = best
        current[i] = current[i] + current[j]
        del current[j]
    return current


def _key(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


def story_id(members: Sequence[str]) -> str:
    """``story:<first member>``: readable, unique (an article is in one story) and unchanged
    when later reports join the story."""
    return f"story:{members[0]}"
