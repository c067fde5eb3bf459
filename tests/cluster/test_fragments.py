"""Names as story evidence, and the second stage that gives short reports to their story.

Two episodes of one kind share the kind's words (a quake's magnitude and
aftershocks, a club's new coach); what tells them apart is who and where:
``features.names`` keeps the capitalised words inside sentences. Average
linkage stops before two episodes merge and so leaves short reports alone;
``linkage.attach_fragments`` then gives such a report to the one story it
agrees with clearly more than with any other, and leaves it alone when two
stories are about as likely, a member contradicts it, or it only shares a
name.
"""

from __future__ import annotations

from collections.abc import Callable

from communique.cluster import linkage
from communique.cluster.features import names
from communique.model import Document

STORY_A = ["a1", "a2", "a3", "a4"]
STORY_B = ["b1", "b2", "b3", "b4"]


def links(fragment: str, to_a: float, to_b: float) -> dict[tuple[str, str], float]:
    """Strong links inside each story, and the fragment's links to every member of each."""
    found: dict[tuple[str, str], float] = {}
    for members in (STORY_A, STORY_B):
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                found[(a, b)] = 0.5
    for member in STORY_A:
        found[(member, fragment)] = to_a
    for member in STORY_B:
        found[(member, fragment)] = to_b
    return found


def never(_a: str, _b: str) -> bool:
    return False


def same_words(_a: str, _b: str) -> float:
    return 0.3


def attach(
    found: dict[tuple[str, str], float],
    vetoed: Callable[[str, str], bool] = never,
    wording: Callable[[str, str], float] = same_words,
) -> list[list[str]]:
    groups = [list(STORY_A), list(STORY_B), ["z"]]
    return sorted(sorted(g) for g in linkage.attach_fragments(groups, found, vetoed, wording))


def test_a_short_report_joins_the_story_it_agrees_with_clearly() -> None:
    # below MIN_SIMILARITY on average, but four times its link to the twin story
    assert attach(links("z", 0.12, 0.03)) == [[*STORY_A, "z"], STORY_B]


def test_a_report_between_two_twin_stories_stays_apart() -> None:
    assert attach(links("z", 0.12, 0.11)) == [STORY_A, STORY_B, ["z"]]


def test_a_contradicting_member_or_a_veto_keeps_the_report_out() -> None:
    contradicted = links("z", 0.12, 0.0)
    contradicted[("a4", "z")] = -0.3
    contradicted[("a1", "z")] = contradicted[("a2", "z")] = 0.3
    assert attach(contradicted) == [STORY_A, STORY_B, ["z"]]
    split = links("z", 0.12, 0.0)
    assert attach(split, vetoed=lambda a, b: {a, b} == {"a2", "z"}) == [STORY_A, STORY_B, ["z"]]


def test_a_report_sharing_only_a_name_with_one_member_stays_apart() -> None:
    # one strong link to one member: not the story as a whole
    one = links("z", 0.0, 0.0)
    one[("a1", "z")] = 0.6
    assert attach(one) == [STORY_A, STORY_B, ["z"]]
    # linked to every member, but in other words (the same person doing something else)
    assert attach(links("z", 0.12, 0.0), wording=lambda _a, _b: 0.05) == [
        STORY_A,
        STORY_B,
        ["z"],
    ]


def test_names_are_capitalised_words_inside_sentences(analyse: Callable[..., Document]) -> None:
    document = analyse(
        "Quake Shakes Northern Town As Residents Flee\n\n"
        "A strong earthquake shook the town of Rivadavia on Sunday, and Mayor Elena Ferrante "
        "said two schools had collapsed. Rescuers from Salta reached Rivadavia at night."
    )
    found = names(document)
    assert found["rivadavia"] == 2
    assert {"elena", "ferrante", "salta", "mayor"} <= set(found)
    # neither a sentence's first word nor the words of a title-case headline
    assert not {"a", "rescuers", "quake", "shakes", "residents", "flee"} & set(found)
