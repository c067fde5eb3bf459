"""Grouping articles into stories by their pairwise links: average linkage, then fragments.

In: groups of article ids to start from (each article alone, or copies and a
user's merges together), the links between articles that ``stories`` scored
(its ``StoryModel``: positive for evidence of one episode, negative for
contradictions), and what may never or should not merge (vetoes and the
group-level contradictions of ``contradictions``). Out: the final groups,
which ``stories.cluster_stories`` turns into ``Cluster(level="story")``
records.

Two stages. ``average_linkage`` merges groups, best average link first,
until no two reach ``MIN_SIMILARITY``: a report joins the story it agrees
with as a whole, so a chain of weak links does not merge two episodes.
``attach_fragments`` then gives each small group left apart (at most
``FRAGMENT`` reports) to the larger story it links to clearly more than to
any other. Both know articles by id only: how two articles compare is
``stories``' business.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Mapping

# A clear first-stage link: lower, a rule's reports and its reversal's merged as wholes;
# short reports left apart go to the second stage (ECB+ development set: 0.20 -> 0.21,
# precision 0.960 -> 0.971 with the second stage's wording at 0.10).
MIN_SIMILARITY = 0.21
# Where the main events happened (``contradictions.venue_conflict``) holds back a
# first-stage merge only below this average link: some reports of a story are placed
# consistently wrong (a navy's home port for the scene); twins (one minister's visits a
# week apart) share the kind's words, not all names and numbers (a small store inflates
# links: 0.5 merged them). ECB+: recall +0.03, no twin merged (0.55-0.6 alike).
AGREEMENT = 0.6
# Second stage (``attach_fragments``): a group of at most ``FRAGMENT`` reports
# left apart by the first joins the larger story it agrees with best, if that
# average link reaches ``ATTACH_SIMILARITY`` and is at least ``ATTACH_MARGIN``
# times the runner-up's. Short and unusual reports of a story link weakly to
# each member, but far more to their own story than to the twin episode; a
# report that could be either stays apart.
FRAGMENT = 3
ATTACH_SIMILARITY = 0.04
ATTACH_MARGIN = 1.25
# ... unless a member of that story contradicts it (a link this low: another
# protagonist, another date or year): a weak average is not enough against it.
CONTRADICTION = -0.1
# ... and more than this share of the pairs between the group and that story
# link positively: a report that shares a name with one member only stays apart.
SUPPORT = 0.5
# ... and whose wording agrees with the story's on average (TF-IDF cosine of the
# words): a report that only names the same person is about something else.
ATTACH_WORDING = 0.10


def average_linkage(
    groups: list[list[str]],
    links: Mapping[tuple[str, str], float],
    vetoed: Callable[[str, str], bool],
    conflict: Callable[[list[str], list[str]], bool] = lambda _x, _y: False,
    weak_conflict: Callable[[list[str], list[str]], bool] = lambda _x, _y: False,
) -> list[list[str]]:
    """Merge groups, best average link first, while it reaches ``MIN_SIMILARITY``.

    The average link of two groups is the sum of the links between their
    members over the product of their sizes (pairs without a link count 0,
    contradictions count below 0), so a report joins the story it agrees with
    as a whole, and a chain of weak links does not merge two episodes. Two
    groups with a vetoed pair between them never merge, and two groups that
    ``conflict`` as wholes do not merge as they are, nor two that
    ``weak_conflict`` unless their average link reaches ``AGREEMENT`` (either
    may still merge with another group, and the pair is weighed again then). Sums are kept per
    pair of neighbouring groups and updated on each merge (Lance-Williams),
    and the best pair is taken from a heap: about E log E for E links.
    """
    members: dict[int, list[str]] = dict(enumerate(groups))
    group_of = {m: g for g, ms in members.items() for m in ms}
    sums: dict[int, dict[int, float]] = {g: {} for g in members}
    for (a, b), value in links.items():
        x, y = group_of.get(a), group_of.get(b)
        if x is None or y is None or x == y:
            continue
        sums[x][y] = sums[x].get(y, 0.0) + value
        sums[y][x] = sums[x][y]
    heap: list[tuple[float, int, int]] = []

    def push(x: int, y: int) -> None:
        average = sums[x][y] / (len(members[x]) * len(members[y]))
        if average >= MIN_SIMILARITY:
            heapq.heappush(heap, (-average, min(x, y), max(x, y)))

    for x in sums:
        for y in sums[x]:
            if x < y:
                push(x, y)
    following = len(members)
    while heap:
        negative, x, y = heapq.heappop(heap)
        if x not in members or y not in members or y not in sums[x]:
            continue  # a group merged since, or the pair was found vetoed
        if -negative != sums[x][y] / (len(members[x]) * len(members[y])):
            continue  # a stale entry; the current value is in the heap too
        if any(vetoed(a, b) for a in members[x] for b in members[y]):
            del sums[x][y], sums[y][x]
            continue
        if conflict(members[x], members[y]) or (
            -negative < AGREEMENT and weak_conflict(members[x], members[y])
        ):
            continue  # not now; the pair comes back when either group grows
        merged = following
        following += 1
        members[merged] = members.pop(x) + members.pop(y)
        neighbours: dict[int, float] = {}
        for old in (x, y):
            for other, value in sums.pop(old).items():
                if other in (x, y):
                    continue
                neighbours[other] = neighbours.get(other, 0.0) + value
                del sums[other][old]
        sums[merged] = neighbours
        for other, value in neighbours.items():
            sums[other][merged] = value
            push(other, merged)
    return list(members.values())


def attach_fragments(
    groups: list[list[str]],
    links: Mapping[tuple[str, str], float],
    vetoed: Callable[[str, str], bool],
    wording: Callable[[str, str], float] = lambda _a, _b: 1.0,
    conflict: Callable[[list[str], list[str]], bool] = lambda _x, _y: False,
) -> list[list[str]]:
    """Second stage: each group of at most ``FRAGMENT`` members joins the larger group it
    agrees with best, when that average link reaches ``ATTACH_SIMILARITY`` and at least
    ``ATTACH_MARGIN`` times the runner-up's (else it stays apart); smallest first, again
    until nothing moves. A vetoed pair keeps a group out, as in ``average_linkage``.

    Average linkage stops at ``MIN_SIMILARITY`` so that no two episodes merge; a
    short report then often stays alone although it links, weakly, to its story
    only. Here the decision is relative: not "similar enough" but "clearly this
    story and no other".
    """
    members = [list(g) for g in groups]
    neighbours: dict[str, dict[str, float]] = {}
    for (a, b), value in links.items():
        neighbours.setdefault(a, {})[b] = value
        neighbours.setdefault(b, {})[a] = value
    moved = True
    while moved:
        moved = False
        group_of = {m: g for g, ms in enumerate(members) for m in ms}
        for small in sorted(range(len(members)), key=lambda g: (len(members[g]), g)):
            size = len(members[small])
            if not size or size > FRAGMENT:
                continue
            sums: dict[int, float] = {}
            lowest: dict[int, float] = {}
            supporting: dict[int, int] = {}
            for member in members[small]:
                for other, value in neighbours.get(member, {}).items():
                    group = group_of[other]
                    if group != small and len(members[group]) > size:
                        sums[group] = sums.get(group, 0.0) + value
                        lowest[group] = min(lowest.get(group, 0.0), value)
                        supporting[group] = supporting.get(group, 0) + (value > 0)
            ranked = sorted(
                (
                    (total / (size * len(members[g])), g)
                    for g, total in sums.items()
                    if not any(vetoed(a, b) for a in members[small] for b in members[g])
                    and not conflict(members[small], members[g])
                ),
                reverse=True,
            )
            if not ranked:
                continue
            best, group = ranked[0]
            runner_up = max(ranked[1][0], 0.0) if len(ranked) > 1 else 0.0
            if (
                best >= ATTACH_SIMILARITY
                and best >= ATTACH_MARGIN * runner_up
                and lowest[group] > CONTRADICTION
                and supporting[group] > SUPPORT * size * len(members[group])
                and _mean(wording, members[small], members[group]) >= ATTACH_WORDING
            ):
                for member in members[small]:
                    group_of[member] = group
                members[group] += members[small]
                members[small] = []
                moved = True
    return [g for g in members if g]


def _mean(pairwise: Callable[[str, str], float], first: list[str], second: list[str]) -> float:
    return sum(pairwise(a, b) for a in first for b in second) / (len(first) * len(second))
