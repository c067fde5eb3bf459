"""Event clusters: events from different articles that are one real-world event.

In: the ``EventItem`` lists of every article's ``ArticleFeatures`` and the
story of each article (``stories`` runs before). Out: ``Cluster(level="event")``
records whose members are global event ids (``<article>#<event id>``, as the
exports write them) and whose ``scores`` hold the evidence of each link. Only
events reported by at least two articles get a cluster; an event reported once
has no event cluster (its ``cluster`` is null in the export).

Two events (of different articles) are linked when all of these hold:

- the same PLOVER type;
- the same participants: the same source and target actors (unordered for
  CONSULT, whose direction the text rarely fixes); when one event lacks its
  target ("Haniyeh held talks in Tehran") it may still match an event with
  the same source, if both are main events of articles in the same story;
- compatible dates: equal, or one more precise inside the other's month or
  year (1 day of slack when a date was inferred from a publication date, as
  outlets date a late-evening meeting differently); when either date is
  unknown, only if both articles are in the same story;
- compatible places: unknown, equal, or in the same country.

This also links background mentions of an old event across reports (two
reports recalling the same 2020 killing with "January 2020" and "January 3,
2020"). Between two articles the links are one-to-one, best evidence first, so
that one article's two similar events do not both attach to one event of the
other. Linked events form clusters by union-find.

Scale: events are only compared within blocks of the same type and
participants, so the cost follows the block sizes, not the square of the
store; updating only the blocks that new articles touch is the follow-up.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

from communique.cluster.features import ArticleFeatures, EventItem, gap_days, width
from communique.model import Cluster

SYMMETRIC = frozenset({"CONSULT"})  # types whose direction does not matter
# Slack for dates counted from a publication date ("on Wednesday" in a report
# published after midnight, or dated by its time zone).
INFERRED_SLACK_DAYS = 1


def _participants(event: EventItem) -> tuple[str | None, ...]:
    pair = (event.source, event.target)
    if event.type in SYMMETRIC:
        return tuple(sorted(pair, key=lambda k: (k is None, k or "")))
    return pair


def _actor_score(a: EventItem, b: EventItem) -> tuple[float, bool]:
    """(score, partial): 1 for the same participants; 0.5 when one side lacks its target."""
    if _participants(a) == _participants(b):
        return 1.0, False
    if (a.target is None) == (b.target is None):
        return 0.0, False
    full, short = (a, b) if b.target is None else (b, a)
    shared = {full.source, full.target} if full.type in SYMMETRIC else {full.source}
    return (0.5, True) if short.source in shared else (0.0, False)


def _date_score(a: EventItem, b: EventItem, same_story: bool) -> float | None:
    """How well the dates agree; None when they exclude the same event."""
    if a.when is None or b.when is None:
        return 0.4 if same_story else None
    gap = gap_days(a.when, b.when)
    if gap > (INFERRED_SLACK_DAYS if a.inferred or b.inferred else 0):
        return None
    if gap == 0 and width(a.when) == width(b.when) == 1:
        return 1.0
    return 0.6 if gap == 0 else 0.5


def _place_score(a: EventItem, b: EventItem) -> float | None:
    if a.place is None or b.place is None:
        return 0.0
    if a.place == b.place:
        return 0.2
    if a.country and b.country and a.country != b.country:
        return None
    return 0.0


def link_score(a: EventItem, b: EventItem, same_story: bool) -> float | None:
    """Evidence that ``a`` and ``b`` are one event (higher is stronger), or None if they are not."""
    if a.type != b.type or a.article == b.article:
        return None
    actors, partial = _actor_score(a, b)
    if not actors or (partial and not (same_story and a.main and b.main)):
        return None
    dates = _date_score(a, b, same_story)
    places = _place_score(a, b)
    if dates is None or places is None:
        return None
    return actors + dates + places


def _blocks(events: Sequence[EventItem]) -> dict[tuple[str | None, ...], list[EventItem]]:
    """Events that could be one: same type and a participant in common (the source, or for
    symmetric types either participant)."""
    blocks: dict[tuple[str | None, ...], list[EventItem]] = defaultdict(list)
    for event in events:
        actors = {event.source, event.target} if event.type in SYMMETRIC else {event.source}
        for actor in actors - {None}:
            blocks[(event.type, actor)].append(event)
    return blocks


def find_event_clusters(
    articles: Sequence[ArticleFeatures], story_of: Mapping[str, str]
) -> list[Cluster]:
    """Clusters of events reported by several articles (see the module docstring)."""
    events = [e for a in articles for e in a.events]
    order = {a.id: a.sort_key for a in articles}
    position = {e.id: i for i, e in enumerate(events)}
    # candidate links, grouped by article pair for the one-to-one choice
    candidates: dict[tuple[str, str], dict[tuple[str, str], float]] = defaultdict(dict)
    for block in _blocks(events).values():
        for i, a in enumerate(block):
            for b in block[i + 1 :]:
                if a.article == b.article:
                    continue
                same = story_of.get(a.article) is not None and story_of.get(
                    a.article
                ) == story_of.get(b.article)
                found = link_score(a, b, same)
                if found is not None:
                    first, second = (a, b) if position[a.id] < position[b.id] else (b, a)
                    candidates[(first.article, second.article)][(first.id, second.id)] = found

    parent = {e.id: e.id for e in events}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    links: dict[tuple[str, str], float] = {}
    for pairs in candidates.values():
        used: set[str] = set()
        for (x, y), found in sorted(pairs.items(), key=lambda p: (-p[1], p[0])):
            if x in used or y in used:
                continue
            used.update((x, y))
            links[(x, y)] = found
            parent[find(y)] = find(x)

    groups: dict[str, list[EventItem]] = defaultdict(list)
    for event in events:
        groups[find(event.id)].append(event)
    clusters = []
    for members in groups.values():
        if len({e.article for e in members}) < 2:
            continue
        members.sort(key=lambda e: (order[e.article], position[e.id]))
        ids = [e.id for e in members]
        chosen = set(ids)
        scores = {f"{x}~{y}": round(s, 3) for (x, y), s in links.items() if x in chosen}
        clusters.append(Cluster(level="event", id=f"event:{ids[0]}", members=ids, scores=scores))
    return sorted(clusters, key=lambda c: c.id)
