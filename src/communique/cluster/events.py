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

Users' decisions override the scores (``union``): a split pair is never
linked, a merged pair always is. Each cluster records the evidence sentence of
every member and, in ``disagreements``, the values on which its sources
differ (dates that do not nest, different places, different participants):
they are kept, not resolved.

Scale: events are only compared within blocks of the same type and
participants, so the cost follows the block sizes, not the square of the
store. Incremental clustering (``incremental``) finds the blocks of a new
article's events in the store (``cluster_blocks``) and reclusters only the
events of the clusters they reach (``nodes``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from datetime import date

from communique.cluster.features import ArticleFeatures, EventItem, gap_days, width
from communique.cluster.union import Pair, constraints, pair, union
from communique.model import Cluster, Decision, Evidence

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


def link_evidence(a: EventItem, b: EventItem, same_story: bool) -> dict[str, float] | None:
    """The pieces of evidence that ``a`` and ``b`` are one event, or None if they are not."""
    if a.type != b.type or a.article == b.article:
        return None
    actors, partial = _actor_score(a, b)
    if not actors or (partial and not (same_story and a.main and b.main)):
        return None
    dates = _date_score(a, b, same_story)
    places = _place_score(a, b)
    if dates is None or places is None:
        return None
    return {"actors": actors, "dates": dates, "places": places}


def link_score(a: EventItem, b: EventItem, same_story: bool) -> float | None:
    """Evidence that ``a`` and ``b`` are one event (higher is stronger), or None if they are not."""
    found = link_evidence(a, b, same_story)
    return None if found is None else sum(found.values())


def block_keys(event: EventItem) -> set[str]:
    """Events that could be one share a key: the same type and a participant in common (the
    source, or for symmetric types either participant)."""
    actors = {event.source, event.target} if event.type in SYMMETRIC else {event.source}
    return {f"{event.type}:{actor}" for actor in actors if actor is not None}


def _candidate_pairs(events: Sequence[EventItem]) -> Iterator[tuple[EventItem, EventItem]]:
    blocks: dict[str, list[EventItem]] = defaultdict(list)
    for event in events:
        for key in sorted(block_keys(event)):
            blocks[key].append(event)
    for block in blocks.values():
        for i, a in enumerate(block):
            for b in block[i + 1 :]:
                if a.article != b.article:
                    yield a, b


def _same_story(story_of: Mapping[str, str], a: str, b: str) -> bool:
    return story_of.get(a) is not None and story_of.get(a) == story_of.get(b)


def cluster_events(
    articles: Sequence[ArticleFeatures],
    story_of: Mapping[str, str],
    decisions: Iterable[Decision] = (),
    nodes: Collection[str] | None = None,
    evidence: Mapping[str, Evidence] | None = None,
) -> tuple[list[Cluster], list[Decision]]:
    """Event clusters of ``articles`` (only the events in ``nodes`` when given) and the
    automatic decisions behind them (see the module docstring)."""
    ordered = sorted(articles, key=lambda a: a.order)
    events = [e for a in ordered for e in a.events if nodes is None or e.id in nodes]
    order = {a.id: a.sort_key for a in ordered}
    position = {e.id: i for i, e in enumerate(events)}
    must, cannot = constraints(decisions)
    # 1. candidates and pairwise scores, grouped by article pair for the one-to-one choice
    candidates: dict[tuple[str, str], dict[Pair, tuple[float, dict[str, float]]]] = defaultdict(
        dict
    )
    for a, b in _candidate_pairs(events):
        if pair(a.id, b.id) in cannot:
            continue
        found = link_evidence(a, b, _same_story(story_of, a.article, b.article))
        if found is not None:
            first, second = (a, b) if position[a.id] < position[b.id] else (b, a)
            candidates[(first.article, second.article)][(first.id, second.id)] = (
                sum(found.values()),
                found,
            )
    # 2. one-to-one between two articles, best evidence first
    links: dict[Pair, float] = {}
    made: list[Decision] = []
    for pairs in candidates.values():
        used: set[str] = set()
        for (x, y), (score, found) in sorted(pairs.items(), key=lambda p: (-p[1][0], p[0])):
            if x in used or y in used:
                continue
            used.update((x, y))
            links[(x, y)] = score
            made.append(
                Decision(level="event", a=x, b=y, score=round(score, 4), features=dict(found))
            )
    # 3. union, obeying the users' merges and splits
    items = {e.id: e for e in events}
    groups, _ = union([e.id for e in events], links, must, cannot)
    group_of = {g: i for i, group in enumerate(groups) for g in group}
    link_scores: dict[int, dict[str, float]] = defaultdict(dict)
    for (x, y), score in links.items():
        link_scores[group_of[x]][f"{x}~{y}"] = round(score, 3)
    clusters = []
    for number, group in enumerate(groups):
        members = [items[g] for g in group]
        if len({e.article for e in members}) < 2:
            continue
        members.sort(key=lambda e: (order[e.article], position[e.id]))
        ids = [e.id for e in members]
        scores = link_scores[number]
        clusters.append(
            Cluster(
                level="event",
                id=f"event:{ids[0]}",
                members=ids,
                scores=scores,
                evidence=[evidence[i] for i in ids if i in evidence] if evidence else [],
                disagreements=disagreements(members),
            )
        )
    return sorted(clusters, key=lambda c: c.id), made


def find_event_clusters(
    articles: Sequence[ArticleFeatures],
    story_of: Mapping[str, str],
    decisions: Iterable[Decision] = (),
) -> list[Cluster]:
    """Clusters of events reported by several articles (see the module docstring)."""
    return cluster_events(articles, story_of, decisions)[0]


def disagreements(members: Sequence[EventItem]) -> dict[str, list[str]]:
    """What the sources of one event report differently: dates that do not nest (one is
    not inside the other), different places, different participants."""
    found: dict[str, list[str]] = {}
    dated = [(e.when, e.date) for e in members if e.when is not None and e.date]
    if any(
        not (_inside(x, y) or _inside(y, x))
        for i, (x, _) in enumerate(dated)
        for y, _ in dated[i + 1 :]
    ):
        found["date"] = sorted({d for _, d in dated if d})
    places = sorted({e.place for e in members if e.place})
    if len(places) > 1:
        found["place"] = places
    if members and members[0].type in SYMMETRIC:
        sides = {
            "|".join(sorted(k for k in (e.source, e.target) if k)) for e in members if e.target
        }
        if len(sides) > 1:
            found["participants"] = sorted(sides)
    else:
        for name in ("source", "target"):
            values = sorted({v for e in members if (v := getattr(e, name))})
            if len(values) > 1:
                found[name] = values
    return found


def _inside(a: tuple[date, date], b: tuple[date, date]) -> bool:
    return b[0] <= a[0] and a[1] <= b[1]
