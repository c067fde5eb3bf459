"""The assignment step shared by duplicate and event clustering: links → groups.

In: the nodes of one neighbourhood (article ids or global event ids), the
scored links that the pairwise scoring step kept, and the users' decisions
(``communique.model.Decision`` with ``decided_by="user"``). Out: groups of
nodes (connected components) and the links that were used. ``duplicates``
and ``events`` call it after scoring; ``stories`` has its own average-linkage
assignment but reads the user decisions the same way (``constraints``).

User decisions win over scores: a ``merge`` joins its pair before any
automatic link, and a ``split`` is a cannot-link: an automatic link whose two
components contain a split pair is refused, so that a split holds even when
the two members are also connected through a third one. Links are applied
best score first, so a refused weak link never blocks a stronger one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from communique.model import Decision

Pair = tuple[str, str]


def constraints(decisions: Iterable[Decision]) -> tuple[set[Pair], set[Pair]]:
    """(must-link, cannot-link) pairs from user decisions; the latest verdict on a pair wins."""
    latest: dict[Pair, str] = {}
    for decision in decisions:
        if decision.decided_by == "user":
            latest[pair(decision.a, decision.b)] = decision.verdict
    must = {p for p, verdict in latest.items() if verdict == "merge"}
    return must, set(latest) - must


def pair(a: str, b: str) -> Pair:
    return (a, b) if a <= b else (b, a)


def union(
    nodes: Sequence[str],
    links: Mapping[Pair, float],
    must: Iterable[Pair] = (),
    cannot: Iterable[Pair] = (),
) -> tuple[list[list[str]], dict[Pair, float]]:
    """Groups of ``nodes`` (in node order, groups by first node) and the links used."""
    cannot = {pair(a, b) for a, b in cannot}
    parent = {n: n for n in nodes}
    banned: dict[str, set[str]] = {n: set() for n in nodes}  # root → nodes it must not join
    members: dict[str, set[str]] = {n: {n} for n in nodes}
    for a, b in cannot:
        if a in parent and b in parent:
            banned[a].add(b)
            banned[b].add(a)

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def join(a: str, b: str, forced: bool) -> bool:
        ra, rb = find(a), find(b)
        if ra == rb:
            return True
        if not forced and (banned[ra] & members[rb]):
            return False
        if len(members[ra]) < len(members[rb]):
            ra, rb = rb, ra
        parent[rb] = ra
        members[ra] |= members.pop(rb)
        banned[ra] |= banned.pop(rb)
        return True

    for a, b in sorted(must):
        if a in parent and b in parent:
            join(a, b, forced=True)
    used: dict[Pair, float] = {}
    for (a, b), score in sorted(links.items(), key=lambda item: (-item[1], item[0])):
        if pair(a, b) in cannot or a not in parent or b not in parent:
            continue
        if join(a, b, forced=False):
            used[(a, b)] = score
    groups: dict[str, list[str]] = {}
    for node in nodes:
        groups.setdefault(find(node), []).append(node)
    return list(groups.values()), used
