"""Group-level contradiction: two groups of reports, each about its own person, stay apart.

Two episodes of one kind at one club (two players arrested a month apart) are
told in the same words, and the reports of the second name the first player in
passing ("the club's second arrest this month"), so their pairwise links are as
strong as those inside a story. One report's protagonist is weak evidence (a
report of a shooting may be mostly about the victim, another about the
officer); the person most reports of a group are about is strong evidence.
``contradictions.protagonist_conflict`` refuses the merge of two such groups, and
lets a group merge whose reports name each other's people prominently.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from tests.cluster.builders import Reports, event, groups, person, state

from communique.cluster import cluster_documents, contradictions, linkage, stories, update_clusters
from communique.cluster.contradictions import protagonist_conflict, venue_conflict
from communique.cluster.features import ActorKeys, ArticleFeatures, features
from communique.cluster.linkage import average_linkage
from communique.cluster.stories import StoryModel
from communique.config import Settings
from communique.model import Document, Event, Place
from communique.store import Store

SHARED = {"club": 2, "arrested": 2, "suspicion": 1, "driving": 2, "patrol": 1}


def report(article_id: str, order: int, named: dict[str, int], protagonist: str) -> ArticleFeatures:
    """A report that writes each surname of ``named`` so many times, about ``protagonist``."""
    return ArticleFeatures(
        id=article_id,
        order=order,
        published=None,
        words=Counter({**SHARED, **named}),
        actors={},
        kinds={},
        episode=None,
        protagonists={"name:" + protagonist: protagonist},
    )


def two_arrests() -> list[ArticleFeatures]:
    """Three reports of Okonjo's arrest; three of Brandt's a month later, which name
    Okonjo once each (the club's second arrest)."""
    first = [report(f"okonjo-{i}", i, {"okonjo": 5}, "okonjo") for i in range(3)]
    second = [report(f"brandt-{i}", 3 + i, {"brandt": 6, "okonjo": 1}, "brandt") for i in range(3)]
    return first + second


def one_shooting() -> list[ArticleFeatures]:
    """One episode: three reports mostly about the victim, who name the officer nearly as
    often, and three mostly about the officer, who name the victim less."""
    victim = [report(f"victim-{i}", i, {"marsh": 4, "delacroix": 3}, "marsh") for i in range(3)]
    officer = [report(f"officer-{i}", 3 + i, {"delacroix": 4}, "delacroix") for i in range(3)]
    return victim + officer


def ids(articles: list[ArticleFeatures], prefix: str) -> list[str]:
    return [a.id for a in articles if a.id.startswith(prefix)]


def test_two_groups_each_about_its_own_person_conflict() -> None:
    articles = two_arrests()
    model = StoryModel(articles)
    assert protagonist_conflict(model, ids(articles, "okonjo"), ids(articles, "brandt"))


def test_groups_that_name_each_others_person_prominently_do_not_conflict() -> None:
    articles = one_shooting()
    model = StoryModel(articles)
    assert not protagonist_conflict(model, ids(articles, "victim"), ids(articles, "officer"))


def test_small_groups_and_groups_without_a_lead_are_left_to_the_pairwise_evidence() -> None:
    articles = two_arrests()
    model = StoryModel(articles)
    # a pair of reports says too little about who its story is about
    assert not protagonist_conflict(model, ["okonjo-0", "okonjo-1"], ids(articles, "brandt"))
    # a group whose reports each have another protagonist has no lead
    mixed = [report(f"mixed-{i}", 6 + i, {name: 3}, name) for i, name in enumerate("xyz")]
    model = StoryModel(articles + mixed)
    assert not protagonist_conflict(model, ids(articles, "okonjo"), ids(mixed, "mixed"))


def test_average_linkage_keeps_conflicting_groups_apart() -> None:
    articles = two_arrests()
    model = StoryModel(articles)
    every = [a.id for a in articles]
    # the reports of one arrest agree more with each other than with the other arrest's,
    # but those links too are well above the threshold
    links = {
        (a, b): 0.6 if a[:5] == b[:5] else 0.45 for i, a in enumerate(every) for b in every[i + 1 :]
    }
    singletons = [[a] for a in every]
    merged = average_linkage(singletons, links, lambda _a, _b: False)
    assert len(merged) == 1  # on the links alone, the two arrests are one story

    def conflict(x: list[str], y: list[str]) -> bool:
        return protagonist_conflict(model, x, y)

    found = average_linkage(singletons, links, lambda _a, _b: False, conflict)
    assert sorted(sorted(g) for g in found) == [ids(articles, "brandt"), ids(articles, "okonjo")]


def test_cluster_stories_separates_the_two_arrests_and_keeps_one_shooting() -> None:
    arrests = stories.cluster_stories(two_arrests())[0]
    assert sorted(sorted(c.members) for c in arrests) == [
        [f"brandt-{i}" for i in range(3)],
        [f"okonjo-{i}" for i in range(3)],
    ]
    shooting = stories.cluster_stories(one_shooting())[0]
    assert len(shooting) == 1


# Reports of our own writing, undated: one club's two players arrested a month apart.
# Both episodes share the club's people, ground and coming play-off; the second
# names the first player once.
CAST = Reports(
    person("okonjo", "Femi Okonjo", "USA"),
    person("brandt", "Lukas Brandt", "USA"),
    person("harlow", "Dana Harlow", "USA"),
    person("vasquez", "Gregor Vasquez", "USA"),
    person("calloway", "Ines Calloway", "USA"),
)
FIRST = [
    "Harbour City Mariners forward Femi Okonjo was arrested early on Sunday on suspicion of "
    "drunken driving after highway patrol officers stopped his car near the stadium. Okonjo "
    "failed a sobriety test and was booked into county jail. Coach Dana Harlow said the club "
    "was gathering information.",
    "Femi Okonjo, a forward for the Harbour City Mariners, spent Sunday morning in county jail "
    "after his arrest for drunken driving. Highway patrol officers said Okonjo failed a "
    "sobriety test near the stadium. The Mariners said Okonjo would train while the case is "
    "reviewed.",
    "The Mariners' Femi Okonjo faces a misdemeanour charge of drunken driving. Okonjo was "
    "pulled over by the highway patrol near the stadium before dawn on Sunday. Dana Harlow "
    "told reporters the club takes the arrest of Okonjo seriously.",
]
SECOND = [
    "Mariners defender Lukas Brandt was booked into county jail on Friday night on suspicion "
    "of drunken driving, the club's second such arrest this month after Femi Okonjo. Brandt "
    "was stopped by the highway patrol on the coast road. Coach Dana Harlow said Brandt had "
    "apologised to his team-mates.",
    "Lukas Brandt apologised to his Harbour City Mariners team-mates after his arrest for "
    "drunken driving on the coast road on Friday night. Highway patrol officers said Brandt "
    "refused a breath test. Brandt is the second Mariners player arrested this month, after "
    "Femi Okonjo.",
    "Harbour City Mariners defender Lukas Brandt was released on bail on Saturday after a "
    "drunken driving arrest on the coast road. Brandt refused a breath test, the highway "
    "patrol said, and Dana Harlow said Brandt had apologised to the team.",
]
CLUB = [
    " The Mariners, owned by Gregor Vasquez, host the Northport Gulls at Kestrel Park in the "
    "play-off.",
    " General manager Ines Calloway said the Mariners would follow the league's conduct policy "
    "before the play-off against the Northport Gulls.",
    " Owner Gregor Vasquez and Ines Calloway met league officials at Kestrel Park.",
]
ARRESTS = [["brandt-1", "brandt-2", "brandt-3"], ["okonjo-1", "okonjo-2", "okonjo-3"]]


def club_arrests() -> list[Document]:
    """The six reports, the two episodes interleaved."""
    documents = []
    for i in range(3):
        first = FIRST[i] + CLUB[i]
        second = SECOND[i] + CLUB[(i + 1) % 3]
        documents.append(CAST.document(f"okonjo-{i + 1}", first, None, []))
        documents.append(CAST.document(f"brandt-{i + 1}", second, None, []))
    return documents


def test_two_arrests_at_one_club_are_two_stories(monkeypatch: pytest.MonkeyPatch) -> None:
    assert groups(cluster_documents(club_arrests(), CAST.actors.get), "story") == ARRESTS
    # on the pairwise evidence alone (no group-level contradiction) they are one story
    monkeypatch.setattr(contradictions, "GROUP", 100)
    merged = groups(cluster_documents(club_arrests(), CAST.actors.get), "story")
    assert merged == [sorted(ARRESTS[0] + ARRESTS[1])]


def test_two_arrests_at_one_club_one_article_per_run(tmp_path: Path) -> None:
    with Store.open(str(tmp_path / "arrests.db")) as store:
        for document in club_arrests():
            store.save_documents([document])
            update_clusters(store, [document.id], settings=Settings())
        assert groups(store.clusters(), "story") == ARRESTS


def located(article_id: str, *countries: str) -> ArticleFeatures:
    """A report whose main events happened in ``countries`` (none: not located)."""
    found = report(article_id, 0, {"flood": 3}, "okonjo")
    found.venues = set(countries)
    return found


def test_groups_in_other_countries_conflict_and_one_misplaced_report_does_not() -> None:
    articles = [
        located("dakar-1", "SEN"),
        located("dakar-2", "SEN"),
        located("accra-1", "GHA"),
        located("accra-2", "GHA"),
        # one story whose reports the places stage located in two countries (a town's
        # name that another country has too): most of its pairs still agree
        located("town-1", "GBR"),
        located("town-2", "GBR", "USA"),
        located("town-3", "USA"),
        located("town-4", "GBR"),
        located("town-5"),
    ]
    model = StoryModel(articles)
    assert venue_conflict(model, ["dakar-1", "dakar-2"], ["accra-1", "accra-2"])
    # a report alone is kept apart by one contradiction, as before
    assert venue_conflict(model, ["town-1"], ["town-3"])
    # a group by (nearly) all of its located pairs, not by one of them
    assert model.elsewhere("town-1", "town-3")
    assert not venue_conflict(model, ["town-1", "town-2"], ["town-3", "town-4"])
    # a report without a located main event contradicts nothing
    assert model.elsewhere("town-5", "town-1") is None
    assert not venue_conflict(model, ["town-5"], ["dakar-1"])


def test_a_venue_is_one_the_report_bears_out() -> None:
    cast = Reports(
        person("ndiaye", "Mamadou Ndiaye", "SEN"),
        person("dumont", "Claire Dumont", "FRA"),
        state("senegal", "Senegal", "SEN"),
    )
    dakar = Place(name="Dakar", country="SEN")
    # a town's name that another country has too, placed in the wrong one
    elsewhere = Place(name="Richmond", country="USA")
    text = "Claire Dumont met Mamadou Ndiaye. Dumont praised Senegal."
    keys = ActorKeys(cast.actors.get)

    def venues(*events: Event) -> set[str]:
        document = cast.document("r", text, None, list(events))
        return features(document, 0, keys).venues

    # the host is of the venue's country
    assert venues(event("e1", "CONSULT", "dumont", "ndiaye", None, dakar)) == {"SEN"}
    # no participant of that country, and one event only: the place alone says too little
    assert venues(event("e1", "PRAISE", "dumont", None, None, elsewhere)) == set()
    # two main events located there bear each other out
    assert venues(
        event("e1", "PRAISE", "dumont", None, None, elsewhere),
        event("e2", "CONSULT", "dumont", None, None, elsewhere),
    ) == {"USA"}


def test_groups_that_agree_strongly_merge_whatever_their_places_say() -> None:
    # two pairs of reports the places stage located in two countries (a port read as
    # the scene for some reports of one hijacking)
    articles = [located("port-1", "KEN"), located("port-2", "KEN")]
    articles += [located("sea-1", "SOM"), located("sea-2", "SOM")]
    model = StoryModel(articles)
    every = [a.id for a in articles]
    assert venue_conflict(model, ["port-1", "port-2"], ["sea-1", "sea-2"])

    def first_stage(across: float) -> list[list[str]]:
        links = {
            (a, b): 0.7 if a[:4] == b[:4] else across
            for i, a in enumerate(every)
            for b in every[i + 1 :]
        }
        found = average_linkage(
            [[a] for a in every],
            links,
            lambda _a, _b: False,
            weak_conflict=lambda x, y: venue_conflict(model, x, y),
        )
        return sorted(sorted(g) for g in found)

    # wording, names and numbers that agree this much are one episode
    assert first_stage(linkage.AGREEMENT + 0.05) == [sorted(every)]
    # a link that only passes the threshold does not outweigh the places
    assert first_stage(linkage.MIN_SIMILARITY + 0.01) == [["port-1", "port-2"], ["sea-1", "sea-2"]]


def test_a_group_with_one_located_report_has_that_reports_place_only() -> None:
    articles = [located("quay-1", "KEN"), located("quay-2"), located("quay-3")]
    articles += [located("open-1", "SOM"), located("open-2", "SOM"), located("open-3")]
    model = StoryModel(articles)
    # one report alone is kept apart by its place
    assert venue_conflict(model, ["quay-1"], ["open-1", "open-2", "open-3"])
    # a group of three of which one report is located is not placed by it
    assert not venue_conflict(model, ["quay-1", "quay-2", "quay-3"], ["open-1", "open-2"])
    # two located reports place a group
    articles.append(located("quay-4", "KEN"))
    model = StoryModel(articles)
    assert venue_conflict(model, ["quay-1", "quay-2", "quay-4"], ["open-1", "open-2"])
