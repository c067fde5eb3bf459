"""Contradictions between two groups of reports: the evidence that they are two stories.

In: the ``StoryModel`` of ``stories`` (each article's ``ArticleFeatures``) and
two groups of article ids that average linkage is about to merge. Out: whether
the groups contradict each other as wholes, in which case ``stories`` does not
merge them (``average_linkage``, ``attach_fragments``).

One report's place or protagonist is noisy evidence: the places stage may
place a town in the wrong country (a name other countries have too), and a
report of a shooting may be mostly about the victim, another about the
officer. The evidence of a group is not: most reports of a story agree on
where it happened and whom it is about. A lone report is a group of one, so
one contradiction keeps it apart, as a pairwise veto would.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from communique.cluster.stories import StoryModel

# ``venue_conflict``: two groups do not merge when more than ``ELSEWHERE`` of their
# pairs with located main events are located in countries that do not overlap. Nearly
# all: one wrongly placed report made a pairwise veto split real stories (on the ECB+
# development set such a veto hit four times as many pairs of one story as pairs of
# twin episodes).
ELSEWHERE = 0.9
# ... and each group of more than one report has at least ``LOCATED_REPORTS`` located
# reports: where a group's one located report happened is that report's evidence, as
# noisy as any one report's (a lone report is still kept apart by its own place).
LOCATED_REPORTS = 2
# ``protagonist_conflict``: two groups of at least ``GROUP`` reports, each with a
# person who is the protagonist of at least ``LEADING`` of its reports, do not merge
# when neither person is prominent in more than ``FOREIGN`` of the other group's
# reports. Prominent: named at least ``PROMINENT_SHARE`` times as often as the
# report's own protagonist (a report of the same episode names the officer nearly as
# often as the man he shot; a report of a club's second arrest names the first
# player in passing).
GROUP = 3
LEADING = 0.5
FOREIGN = 0.25
PROMINENT_SHARE = 0.5
# ``organisation_conflict``: two groups of at least ``GROUP`` reports, each with an
# organisation that is the most named one of at least ``LEADING`` of its reports, do not
# merge when each group names its own organisation more often than the other's in at
# least ``DOMINANT`` of its reports. Twin episodes of one person (a player's talks with
# one club, then with another) name both organisations, so absence (``FOREIGN``) does
# not tell them apart; which one each report names more does. ECB+ development set: story
# precision 0.971 -> 0.979, recall 0.942 -> 0.937 (0.6 and 0.7 alike).
DOMINANT = 0.6


def group_conflict(model: StoryModel, first: list[str], second: list[str]) -> bool:
    """Whether two groups of reports contradict each other as wholes: their main events
    happened in other countries (``venue_conflict``), or each is about its own person or
    organisation (``lead_conflict``)."""
    return venue_conflict(model, first, second) or lead_conflict(model, first, second)


def lead_conflict(model: StoryModel, first: list[str], second: list[str]) -> bool:
    """Whether each group is about its own person (``protagonist_conflict``) or its own
    organisation (``organisation_conflict``)."""
    return protagonist_conflict(model, first, second) or organisation_conflict(model, first, second)


def venue_conflict(model: StoryModel, first: list[str], second: list[str]) -> bool:
    """Whether more than ``ELSEWHERE`` of the pairs between the groups whose main events
    are located at all are located in countries that do not overlap. One episode happens
    in one place (a tour's stops are separate visits), but one report's place can be
    wrong (a town's name that other countries have too, a month read as a place): a
    report alone is kept apart by one contradiction, a story by most of them, and only
    when ``LOCATED_REPORTS`` of its reports are located."""
    for group in (first, second):
        placed = sum(bool(model.articles[m].venues) for m in group)
        if placed < min(len(group), LOCATED_REPORTS):
            return False  # one report's place, not the group's
    located = disjoint = 0
    for a in first:
        for b in second:
            found = model.elsewhere(a, b)
            if found is not None:
                located += 1
                disjoint += found
    return located > 0 and disjoint > ELSEWHERE * located


def protagonist_conflict(model: StoryModel, first: list[str], second: list[str]) -> bool:
    """Whether two groups of reports are each about their own person (two players of one
    club arrested a month apart, two coaches fired by one club): each group of at least
    ``GROUP`` reports has a person who is the protagonist of at least ``LEADING`` of
    them, and neither person is prominent (``_prominence``) in more than
    ``FOREIGN`` of the other group's reports. One report's protagonist is often not its
    story's (a quoted official, the victim rather than the gunman); a group's is, and a
    report of the same episode names it among its main people."""
    if len(first) < GROUP or len(second) < GROUP:
        return False
    leads = [_lead(model, group) for group in (first, second)]
    if leads[0] is None or leads[1] is None or leads[0] == leads[1]:
        return False
    return (
        _prominence(model, second, leads[0]) <= FOREIGN
        and _prominence(model, first, leads[1]) <= FOREIGN
    )


def organisation_conflict(model: StoryModel, first: list[str], second: list[str]) -> bool:
    """Whether two groups of reports are each about their own organisation (a player's
    talks with one club and with another): each group of at least ``GROUP`` reports has an
    organisation that is the most named one of at least ``LEADING`` of them, and writes
    its name more often than the other group's in at least ``DOMINANT`` of its reports."""
    if len(first) < GROUP or len(second) < GROUP:
        return False
    leads = [_lead(model, group, organisations=True) for group in (first, second)]
    if leads[0] is None or leads[1] is None or leads[0] == leads[1]:
        return False
    return (
        _dominance(model, first, leads[0], leads[1]) >= DOMINANT
        and _dominance(model, second, leads[1], leads[0]) >= DOMINANT
    )


def _dominance(model: StoryModel, group: list[str], own: str, other: str) -> float:
    """The share of the group's reports that write the name ``own`` more often than
    ``other``."""
    words = [model.articles[m].words for m in group]
    return sum(found.get(own, 0) > found.get(other, 0) for found in words) / len(group)


def _lead(model: StoryModel, group: list[str], organisations: bool = False) -> str | None:
    """The folded last name of the group's protagonist (at least ``LEADING`` of its
    reports), or of its leading organisation; else None."""
    counts = Counter(
        surname
        for m in group
        for surname in set(
            (
                model.articles[m].organisations if organisations else model.articles[m].protagonists
            ).values()
        )
    )
    if not counts:
        return None
    lead = min(counts, key=lambda name: (-counts[name], name))
    return lead if counts[lead] >= LEADING * len(group) else None


def _prominence(model: StoryModel, group: list[str], surname: str) -> float:
    """The share of the group's reports in which the person of ``surname`` is prominent:
    the report writes the name at least ``PROMINENT_SHARE`` times as often as the name of
    its own protagonist (written names: a resolved pronoun says less who a report is
    about than the name it repeats)."""
    found = 0
    for member in group:
        article = model.articles[member]
        own = max((article.words.get(name, 0) for name in article.protagonists.values()), default=0)
        found += article.words.get(surname, 0) >= max(1, PROMINENT_SHARE * own)
    return found / len(group)
