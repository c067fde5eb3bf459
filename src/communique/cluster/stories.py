"""Story clusters: articles about the same episode (one visit, one round of talks, one attack).

In: ``ArticleFeatures`` of every stored article and the duplicate groups
(``duplicates``, run before). Out: ``Cluster(level="story")`` records; every
article is in exactly one story, a lone article in a story of its own, so the
``story`` field of the ``articles`` export is never null. ``events`` runs
after and uses the stories for events whose date is not stated.

A story is an episode, not a topic: two reports on the same leaders meeting a
year apart, or two earthquakes in one region, are two stories. The evidence
is what the texts themselves say, so that it holds when publication dates
are missing or wrong:

1. Vetoes (cannot-link): a user's split; publication dates the publisher
   stated (metadata, HTML) more than ``MAX_GAP_DAYS`` apart. An unknown date
   vetoes nothing.
2. Positive evidence: distinctive words (TF-IDF cosine over content words,
   with the store's document frequencies), the names the texts give
   (TF-IDF cosine over capitalised words, ``features.names``: the town, the
   victim, the club, resolved as actors or not), the numbers the texts give (a
   toll, a score, an age), a main event of one type between the same
   participants (or with the same person taking part), and episode dates
   that agree. Shared participants and places are kept with each decision.
3. Negative evidence, so that twin episodes stay apart: episode dates far
   apart (main events' dates, or a date read in the text; graded up to
   ``FAR_DAYS``), another year of the news, and a protagonist (the person a
   report names most) whom the other report never names.
4. Group-level contradictions (``contradictions.group_conflict``): two groups of reports
   whose main events happened in countries that do not overlap, for nearly
   every pair of them that is located at all (the same minister in Dakar and,
   a week later, in Accra is two visits; ``venue_conflict``), or each led by
   its own person whom the other group names in passing at most (the second
   player of a club arrested, the next coach fired; ``protagonist_conflict``),
   or each about its own organisation, named more than the other group's in
   most of its reports (one player's talks with two clubs;
   ``organisation_conflict``), do not merge. One report's place or protagonist is noisy evidence (a
   town's name that other countries have too; a report mostly about the
   victim, another about the officer); a group's is not. A lone report is a
   group of one, so one contradiction keeps it apart; groups that agree strongly
   (``linkage.AGREEMENT``) merge whatever their places say.

Articles are grouped by average linkage (``linkage.average_linkage``) with the vetoes
as cannot-links and the group-level contradictions as a refusal to merge,
stopping when no two groups reach ``linkage.MIN_SIMILARITY``: a report joins the story
it agrees with as a whole, so one article sharing a little with two episodes
does not chain them, and not every pair of a story must pass. A second stage
(``linkage.attach_fragments``) then gives each group of at most ``FRAGMENT`` reports to
the larger story it links to clearly more than to any other (a relative
decision: a short report links weakly to every member of its story, but far
more to its story than to the twin episode).

Users' decisions override the evidence: a split pair is vetoed, a merged pair
starts in one group (as copies do).

Scale: only pairs that share a participant other than a state, or one of
their most distinctive words, are scored (blocking); the others count 0 in
the averages. Rarity (IDF) is relative to the whole store: incremental
clustering passes the stored document frequencies (``df``, ``n``) and
reclusters only the articles of the stories a new article reaches
(``incremental``); the same keys find those stories in the store.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import partial
from itertools import combinations

from communique.cluster.contradictions import group_conflict, lead_conflict, venue_conflict
from communique.cluster.features import (
    TYPE_WEIGHT,
    ArticleFeatures,
    gap_days,
    idf,
)
from communique.cluster.linkage import attach_fragments, average_linkage
from communique.cluster.union import constraints
from communique.model import Cluster, Decision

# Episode dates further apart than this are different episodes. A visit or a
# round of talks spans a few days and reports follow within a day or two; a
# week allows for a weekly's late report while keeping "the same meeting a
# month later" apart.
MAX_GAP_DAYS = 7
# Episode dates this far apart count fully against one story (a year: the same
# contest next season, the same office next term).
FAR_DAYS = 365
# Weights of the evidence and the merge threshold (average linkage: a group
# joins another when its average link reaches ``linkage.MIN_SIMILARITY``). What the
# texts say carries most: distinctive words (TF-IDF cosine) and the numbers
# they give; a main event of one type with the same participants; agreeing
# dates. Shared participants and places are measured and kept with each
# decision, but weigh nothing: on real news the twin episode of a topic has the
# same club, company, agency or city, so they merged twins without adding
# recall (measured on the ECB+ development set, where every topic holds two
# episodes of one kind, and on the five development reports).
W_TEXT = 0.6
# The names the texts give (capitalised words, resolved or not: ``features.names``)
# tell two episodes of one kind apart where the kind's own words cannot (two quakes
# share "magnitude", "epicentre", "aftershock"; not the town or the victims).
W_NAMES = 0.4
W_NUMBERS = 0.2
W_ACTORS = 0.0
W_PLACE = 0.0
W_DATE = 0.1
W_EVENTS = 0.2
# Contradictions are negative evidence: a report whose protagonist the other
# report never names (counted for each side), or which dates its news to
# another year, is most likely about the twin episode (another victim, another
# quake, another season).
W_ABSENT = 0.1
W_YEAR = 0.03
# Distinctive words per article used as blocking keys besides shared participants.
TOP_WORDS = 10


def terms(article: ArticleFeatures) -> set[str]:
    """The terms whose document frequency weighs an article's vectors (``a:`` actor, ``w:``
    word, ``n:`` number, ``p:`` name)."""
    return (
        {"a:" + k for k in article.actors}
        | {"w:" + w for w in article.words}
        | {"n:" + x for x in article.numbers}
        | {"p:" + x for x in article.names}
    )


def blocking_keys(article: ArticleFeatures, word_vector: Mapping[str, float]) -> set[str]:
    """Participants that are not states, and the ``TOP_WORDS`` most distinctive words."""
    keys = {
        "actor:" + key
        for key in article.actors
        if TYPE_WEIGHT.get(article.kinds.get(key, ""), 0.5) >= 0.5
    }
    top = sorted(word_vector, key=lambda w: (-word_vector[w], w))[:TOP_WORDS]
    return keys | {"word:" + w for w in top}


def _tfidf(
    counts: Mapping[str, int], prefix: str, df: Mapping[str, int], size: int
) -> dict[str, float]:
    return {t: (1.0 + math.log(c)) * idf(df.get(prefix + t, 1), size) for t, c in counts.items()}


def word_vector(article: ArticleFeatures, df: Mapping[str, int], n: int) -> dict[str, float]:
    """An article's TF-IDF word weights among ``n`` articles (``StoryModel.word_vectors``
    alone, for its blocking keys)."""
    return _tfidf(article.words, "w:", df, max(n, 1))


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
        self.word_vectors = {a.id: _tfidf(a.words, "w:", df, size) for a in articles}
        self.number_vectors = {a.id: _tfidf(a.numbers, "n:", df, size) for a in articles}
        name_vectors = {a.id: _tfidf(a.names, "p:", df, size) for a in articles}
        # unit-length copies: a cosine is then a dot product over the shorter vector
        self.unit_actors = {i: _unit(v) for i, v in self.actor_vectors.items()}
        self.unit_words = {i: _unit(v) for i, v in self.word_vectors.items()}
        self.unit_numbers = {i: _unit(v) for i, v in self.number_vectors.items()}
        self.unit_names = {i: _unit(v) for i, v in name_vectors.items()}

    def vetoed(self, a: str, b: str) -> bool:
        if _key(a, b) in self.cannot:
            return True
        x, y = self.articles[a], self.articles[b]
        # publication dates the publisher stated are facts; dates read in the text are
        # evidence (``dates``), weighed with the rest
        stated = x.published_stated and y.published_stated
        first, second = x.published, y.published
        return (
            stated
            and first is not None
            and second is not None
            and gap_days(first, second) > MAX_GAP_DAYS
        )

    def elsewhere(self, a: str, b: str) -> bool | None:
        """Whether the main events of ``a`` and ``b`` happened in countries that do not
        overlap; None when either has no located main event."""
        x, y = self.articles[a].venues, self.articles[b].venues
        return None if not x or not y else not x & y

    def dates(self, a: str, b: str) -> float:
        """1 when the episode dates agree (within ``MAX_GAP_DAYS``), -1 when they are more than
        ``FAR_DAYS`` apart, in between on a log scale; 0 when one is unknown."""
        first, second = self.articles[a].episode, self.articles[b].episode
        if first is None or second is None:
            return 0.0
        gap = gap_days(first, second)
        if gap <= MAX_GAP_DAYS:
            return 1.0
        return -min(1.0, math.log(gap / MAX_GAP_DAYS) / math.log(FAR_DAYS / MAX_GAP_DAYS))

    def evidence(self, a: str, b: str) -> dict[str, float]:
        """The separate pieces of evidence that ``a`` and ``b`` report one episode (positive)
        or two (``absent``; ``date`` and ``year`` below 0)."""
        first, second = self.articles[a], self.articles[b]
        year = 0.0
        if first.year is not None and second.year is not None:
            year = 1.0 if first.year == second.year else -1.0
        return {
            "actors": _dot(self.unit_actors[a], self.unit_actors[b]),
            "text": _dot(self.unit_words[a], self.unit_words[b]),
            "numbers": _dot(self.unit_numbers[a], self.unit_numbers[b]),
            "names": _dot(self.unit_names[a], self.unit_names[b]),
            "place": 1.0 if first.places & second.places else 0.0,
            "date": self.dates(a, b),
            "year": year,
            "absent": _absent(first, second),
            "events": _shared_events(first, second),
        }

    def similarity(self, a: str, b: str) -> float:
        if self.vetoed(a, b):
            return 0.0
        found = self.evidence(a, b)
        return (
            W_TEXT * found["text"]
            + W_NAMES * found["names"]
            + W_NUMBERS * found["numbers"]
            + W_ACTORS * found["actors"]
            + W_PLACE * found["place"]
            + W_DATE * found["date"]
            + W_YEAR * found["year"]
            - W_ABSENT * found["absent"]
            + W_EVENTS * found["events"]
        )


def _unit(vector: Mapping[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(v * v for v in vector.values()))
    return {k: v / norm for k, v in vector.items()} if norm else {}


def _dot(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """The cosine of two unit vectors."""
    if len(b) < len(a):
        a, b = b, a
    # over the shared terms only (few), found by a set intersection; sorted so that the
    # sum does not depend on the process's string hashing
    return sum([a[k] * b[k] for k in sorted(a.keys() & b.keys())])


def _shared_events(first: ArticleFeatures, second: ArticleFeatures) -> float:
    """1 when both report a main event of one type between the same two participants; 0.5
    when they share a main event type with the same person taking part (a visitor's
    meetings with two hosts on one visit); else 0."""
    full: list[set[tuple[str, frozenset[str | None]]]] = []
    partial: list[set[tuple[str, str]]] = []
    for article in (first, second):
        main = [e for e in article.events if e.main]
        full.append(
            {(e.type, frozenset((e.source, e.target))) for e in main if e.source and e.target}
        )
        partial.append(
            {
                (e.type, who)
                for e in main
                for who in (e.source, e.target)
                if who and article.kinds.get(who) == "person"
            }
        )
    if full[0] & full[1]:
        return 1.0
    return 0.5 if partial[0] & partial[1] else 0.0


def _absent(first: ArticleFeatures, second: ArticleFeatures) -> float:
    """1 for each of the two reports whose protagonist the other never names."""
    return float(_unnamed(first, second) + _unnamed(second, first))


def _unnamed(article: ArticleFeatures, other: ArticleFeatures) -> bool:
    """Whether ``article`` has protagonists and ``other`` names none of them (as a resolved
    participant, or by last name)."""
    return bool(article.protagonists) and not any(
        key in other.actors or surname in other.words
        for key, surname in article.protagonists.items()
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
        """Pair similarity, None when dates, venues or a user's split veto it."""
        key = _key(a, b)
        if key not in memo:
            memo[key] = None if model.vetoed(a, b) else model.similarity(a, b)
        return memo[key]

    # pairs that blocking does not find share nothing distinctive: they count as 0
    links: dict[tuple[str, str], float] = {}
    for a, b in sorted(_candidate_pairs(model)):
        value = similarity(a, b)
        if value:
            links[(a, b)] = value
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
    initial: dict[str, list[str]] = {}
    for article_id in ids:
        initial.setdefault(root(article_id), []).append(article_id)
    clusters = []
    made: list[Decision] = []
    grouped = average_linkage(
        list(initial.values()),
        links,
        model.vetoed,
        partial(lead_conflict, model),
        partial(venue_conflict, model),
    )

    def wording(a: str, b: str) -> float:
        return _dot(model.unit_words[a], model.unit_words[b])

    fragments = attach_fragments(
        grouped, links, model.vetoed, wording, partial(group_conflict, model)
    )
    for members in fragments:
        ordered = sorted(members, key=lambda m: model.articles[m].sort_key)
        scores = {"size": float(len(ordered))}
        if len(ordered) > 1:
            pairs = [similarity(a, b) or 0.0 for a, b in combinations(ordered, 2)]
            scores["cohesion"] = round(sum(pairs) / len(pairs), 3)
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


def _key(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


def story_id(members: Sequence[str]) -> str:
    """``story:<first member>``: readable, unique (an article is in one story) and unchanged
    when later reports join the story."""
    return f"story:{members[0]}"
