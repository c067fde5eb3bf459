"""Stories from what the texts say, without publication dates (issue 13).

Real news often carries no publication date, and every topic has a twin: the
same club firing another coach two seasons later, a second fire in the same
city. These tests run the real analysis (spaCy and every stage) on reports of
our own writing, then cluster them: reports of one episode form one story
from their words, numbers and people alone; the twin episode stays apart
because its protagonist and its figures differ. The linkage itself is tested
on hand-made scores: a report joins the story it agrees with as a whole.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from tests.cluster.builders import groups

from communique.cluster import cluster_documents
from communique.cluster.linkage import MIN_SIMILARITY, average_linkage
from communique.model import Document

# Two episodes of one kind, two reports each, worded differently; no dates anywhere.
# The twins are told in the same words on purpose (same club, same chairman, same
# caretaker): only the coach, his age and the figures differ.
KESSLER_1 = (
    "Harbour City Mariners fired head coach Martin Kessler on Monday after a run of nine "
    "defeats in eleven matches left the club near the bottom of the table. Kessler, 54, had "
    "signed a three-year contract in the summer. Club chairman Ruth Abernathy said Kessler "
    "had lost the dressing room and that assistant Tomas Varga would take training until a "
    "successor is found."
)
KESSLER_2 = (
    "Martin Kessler is out as coach of the Harbour City Mariners. The 54-year-old was dismissed "
    "after nine defeats in eleven games, and Tomas Varga will lead training for now. Kessler "
    "told reporters he was surprised by the timing, three months into a three-year deal."
)
OKAFOR_1 = (
    "Harbour City Mariners fired head coach Daniel Okafor on Thursday after a run of six "
    "defeats in seven matches left the club near the bottom of the table. Okafor, 41, had "
    "signed a two-year contract in the spring. Club chairman Ruth Abernathy said Okafor had "
    "lost the dressing room and that assistant Tomas Varga would take training until a "
    "successor is found."
)
OKAFOR_2 = (
    "Daniel Okafor has been sacked by the Harbour City Mariners after six defeats in seven "
    "games. Okafor, who is 41, had a year left on his two-year contract, and Tomas Varga takes "
    "over training while the board looks for a replacement, club officials said."
)


@pytest.fixture(scope="module")
def undated(analyse: Callable[..., Document]) -> list[Document]:
    reports = {"kessler-1": KESSLER_1, "okafor-1": OKAFOR_1, "kessler-2": KESSLER_2}
    reports["okafor-2"] = OKAFOR_2
    documents = []
    for name, text in reports.items():
        document = analyse(text)
        assert document.published is None
        documents.append(document.model_copy(update={"id": name}))
    return documents


def test_twin_episodes_without_dates_are_two_stories(undated: list[Document]) -> None:
    stories = groups(cluster_documents(undated), "story")
    assert stories == [["kessler-1", "kessler-2"], ["okafor-1", "okafor-2"]]


def test_each_story_keeps_the_evidence_of_its_link(undated: list[Document]) -> None:
    clusters = cluster_documents(undated)
    story = next(c for c in clusters if c.level == "story" and "kessler-1" in c.members)
    assert story.scores["size"] == 2.0
    assert story.scores["cohesion"] >= MIN_SIMILARITY


def test_a_protagonist_the_other_report_never_names_counts_against(
    undated: list[Document],
) -> None:
    from communique.cluster.features import ActorKeys, features
    from communique.cluster.stories import StoryModel

    keys = ActorKeys(lambda _id: None)
    articles = [features(d, i, keys) for i, d in enumerate(undated)]
    assert list(articles[0].protagonists.values()) == ["kessler"]
    model = StoryModel(articles)
    same = model.evidence("kessler-1", "kessler-2")
    twin = model.evidence("kessler-1", "okafor-1")
    assert twin["text"] > same["text"]  # the twins share more words than one episode's reports
    assert same["absent"] == 0.0
    assert twin["absent"] == 2.0  # neither names the other's coach
    assert same["numbers"] > twin["numbers"]
    assert model.similarity("kessler-1", "kessler-2") > model.similarity("kessler-1", "okafor-1")
    # as a whole, each twin story disagrees with the other
    cross = [
        model.similarity(a, b) for a in ("kessler-1", "kessler-2") for b in ("okafor-1", "okafor-2")
    ]
    assert sum(cross) / len(cross) < MIN_SIMILARITY


def test_average_linkage_does_not_chain_two_episodes() -> None:
    # a and b are one episode, c and d another; b shares a little with c (a report that
    # mentions the other episode), which single linkage would follow
    strong, weak = 0.5, MIN_SIMILARITY + 0.01
    links = {("a", "b"): strong, ("c", "d"): strong, ("b", "c"): weak}
    found = average_linkage([["a"], ["b"], ["c"], ["d"]], links, lambda _a, _b: False)
    assert sorted(sorted(g) for g in found) == [["a", "b"], ["c", "d"]]


def test_a_story_does_not_need_every_pair_to_pass() -> None:
    # the third report shares little with the first but much with the second: as a
    # whole it agrees with the story, so it joins
    links = {("a", "b"): 0.5, ("b", "c"): 0.4, ("a", "c"): MIN_SIMILARITY / 2}
    found = average_linkage([["a"], ["b"], ["c"]], links, lambda _a, _b: False)
    assert sorted(sorted(g) for g in found) == [["a", "b", "c"]]
    # ... unless the evidence against the first is strong (a contradiction scores below 0)
    links[("a", "c")] = -0.2
    found = average_linkage([["a"], ["b"], ["c"]], links, lambda _a, _b: False)
    assert sorted(sorted(g) for g in found) == [["a", "b"], ["c"]]


def test_a_vetoed_pair_keeps_two_groups_apart() -> None:
    links = {("a", "b"): 0.6, ("b", "c"): 0.6, ("a", "c"): 0.6}
    found = average_linkage([["a"], ["b"], ["c"]], links, lambda x, y: {x, y} == {"a", "c"})
    assert sorted(sorted(g) for g in found) in ([["a", "b"], ["c"]], [["a"], ["b", "c"]])
