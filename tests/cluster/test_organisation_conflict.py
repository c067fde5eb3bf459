"""Group-level contradiction: one person's two episodes, each with its own organisation.

Twin episodes of one person (a free agent's talks with one club, then a rival
club's bid for him) share the protagonist and name both clubs, so neither the
protagonist test nor the absence of a name keeps them apart. Which club each
report names more does: ``contradictions.organisation_conflict`` refuses to
merge two groups that each lead with their own organisation and name it more
often than the other group's in most of their reports.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from communique.cluster import stories
from communique.cluster.contradictions import group_conflict, organisation_conflict
from communique.cluster.features import ActorKeys, ArticleFeatures, features
from communique.cluster.stories import StoryModel
from communique.model import Document

SHARED = {"offer": 2, "contract": 2, "agent": 1, "season": 1, "moretti": 5}


def report(article_id: str, order: int, named: dict[str, int], club: str) -> ArticleFeatures:
    """A report about the player Moretti that writes each club name of ``named`` so many
    times and names ``club`` most."""
    return ArticleFeatures(
        id=article_id,
        order=order,
        published=None,
        words=Counter({**SHARED, **named}),
        actors={},
        kinds={},
        episode=None,
        protagonists={"name:moretti": "moretti"},
        organisations={"name:" + club: club},
    )


def two_bids() -> list[ArticleFeatures]:
    """Three reports of the Falcons' offer, which mention the Rovers; three of the Rovers'
    bid, which mention the Falcons' earlier offer."""
    falcons = [report(f"falcons-{i}", i, {"falcons": 4, "rovers": 1}, "falcons") for i in range(3)]
    rovers = [report(f"rovers-{i}", 3 + i, {"rovers": 5, "falcons": 2}, "rovers") for i in range(3)]
    return falcons + rovers


def ids(articles: list[ArticleFeatures], prefix: str) -> list[str]:
    return [a.id for a in articles if a.id.startswith(prefix)]


def test_groups_each_naming_their_own_organisation_more_conflict() -> None:
    articles = two_bids()
    model = StoryModel(articles)
    assert organisation_conflict(model, ids(articles, "falcons"), ids(articles, "rovers"))
    assert group_conflict(model, ids(articles, "falcons"), ids(articles, "rovers"))


def test_groups_that_name_the_other_organisation_as_much_do_not_conflict() -> None:
    # one episode (a trade between two clubs): each report leads with one club but
    # names the other about as often
    first = [report(f"a-{i}", i, {"falcons": 3, "rovers": 3}, "falcons") for i in range(3)]
    second = [report(f"b-{i}", 3 + i, {"rovers": 3, "falcons": 3}, "rovers") for i in range(3)]
    model = StoryModel(first + second)
    assert not organisation_conflict(model, ids(first, "a"), ids(second, "b"))


def test_small_groups_and_one_leading_organisation_are_left_to_the_links() -> None:
    articles = two_bids()
    model = StoryModel(articles)
    # two reports say too little about which club their story is about
    assert not organisation_conflict(model, ["falcons-0", "falcons-1"], ids(articles, "rovers"))
    # the same club leading both groups is no contradiction
    same = [report(f"same-{i}", 6 + i, {"falcons": 4}, "falcons") for i in range(3)]
    model = StoryModel(articles + same)
    assert not organisation_conflict(model, ids(articles, "falcons"), ids(same, "same"))


def test_cluster_stories_keeps_the_two_bids_apart() -> None:
    # on the links alone (the same player, the same words) the six reports are one story
    found = stories.cluster_stories(two_bids())[0]
    assert sorted(sorted(c.members) for c in found) == [
        [f"falcons-{i}" for i in range(3)],
        [f"rovers-{i}" for i in range(3)],
    ]


CLUB_REPORT = (
    "The Northgate Falcons offered the free agent pitcher Leon Moretti a five-year contract "
    "on Friday. Falcons general manager Irene Castell said the Northgate Falcons wanted "
    "Moretti to lead their rotation, and the Falcons expect an answer within a week."
)


def test_features_give_the_most_named_organisation(analyse: Callable[..., Document]) -> None:
    document = analyse(CLUB_REPORT)
    found = features(document, 0, ActorKeys(lambda _id: None))
    assert "falcons" in found.organisations.values()
    assert "moretti" not in found.organisations.values()
