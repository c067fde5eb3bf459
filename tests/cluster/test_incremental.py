"""Incremental clustering in a real SQLite store: same result as clustering everything at once,
only the neighbourhood of a new article is read, decisions are kept and users' decisions win,
disagreements are recorded and near-duplicates are counted once (issue 7)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from tests.cluster import test_twins as twins
from tests.cluster.builders import Reports, event, groups, person
from tests.cluster.test_clusters import ACTORS, NAIROBI, meeting_reports

from communique.cluster import cluster_documents, incremental, recluster, update_clusters
from communique.config import Settings
from communique.export import records
from communique.model import Cluster, Document, Place
from communique.store import Store

SETTINGS = Settings()


def everything() -> list[Document]:
    return (
        meeting_reports()
        + twins.leaders_a_year_apart()
        + twins.ceasefire_talks_same_month()
        + twins.one_minister_two_visits()
    )


def lookup(actor_id: str) -> Any:
    return ACTORS.get(actor_id) or twins.CAST.actors.get(actor_id)


def levels(clusters: list[Cluster]) -> dict[str, list[list[str]]]:
    return {level: groups(clusters, level) for level in ("duplicate", "story", "event")}


@pytest.fixture
def store(tmp_path: Path) -> Any:
    with Store.open(str(tmp_path / "inc.db")) as opened:
        yield opened


@pytest.mark.parametrize("order", ["one batch", "one per run", "reversed, one per run"])
def test_incremental_equals_clustering_everything(store: Store, order: str) -> None:
    docs = everything()
    expected = levels(cluster_documents(docs, lookup))
    if order == "one batch":
        store.save_documents(docs)
        update_clusters(store, [d.id for d in docs], settings=SETTINGS)
    else:
        for doc in reversed(docs) if order.startswith("reversed") else docs:
            store.save_documents([doc])
            update_clusters(store, [doc.id], settings=SETTINGS)
    assert levels(store.clusters()) == expected
    # a second call with the same ids changes nothing
    before = store.clusters()
    assert update_clusters(store, [d.id for d in docs], settings=SETTINGS) == 0
    assert store.clusters() == before


def test_a_new_article_reads_only_its_neighbourhood(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = everything()
    late = next(d for d in docs if d.id == "col-2")
    store.save_documents([d for d in docs if d.id != "col-2"])
    update_clusters(store, [d.id for d in docs if d.id != "col-2"], settings=SETTINGS)
    untouched = {c.id for c in store.clusters() if "col-1" not in c.members}
    loaded: set[str] = set()
    original = store.cluster_features

    def spy(ids: Any) -> Any:
        ids = set(ids)
        loaded.update(ids)
        return original(ids)

    monkeypatch.setattr(store, "cluster_features", spy)
    store.save_documents([late])
    update_clusters(store, ["col-2"], settings=SETTINGS)
    assert loaded == {"col-1"}  # the other Havana report, nothing from other episodes
    after = store.clusters()
    assert {c.id for c in after} >= untouched
    assert ["col-1", "col-2"] in groups(after, "story")


def test_links_are_decisions_with_scores(store: Store) -> None:
    docs = meeting_reports()
    store.save_documents(docs)
    update_clusters(store, [d.id for d in docs], settings=SETTINGS)
    found = store.decisions("event", ["first#e1"])
    assert found and all(d.decided_by == "auto" and d.verdict == "merge" for d in found)
    link = next(d for d in found if {d.a, d.b} == {"first#e1", "second#e1"})
    assert link.score == pytest.approx(2.2)  # same people, same day, same place
    assert link.features == {"actors": 1.0, "dates": 1.0, "places": 0.2}
    story = store.decisions("story", ["first"])
    assert {"actors", "text", "place", "date"} <= set(story[0].features)
    copy = store.decisions("duplicate", ["copy"])
    assert [(d.a, d.b) for d in copy] == [("copy", "first")]
    assert copy[0].features["containment"] == 1.0


def test_a_users_split_survives_reclustering(store: Store) -> None:
    docs = meeting_reports()
    store.save_documents(docs[:2])
    update_clusters(store, ["first", "second"], settings=SETTINGS)
    assert groups(store.clusters(), "event")[0] == ["first#e1", "second#e1"]
    alone = store.split_member("event", "second#e1")
    assert alone.members == ["second#e1"]
    # the copy of "first" reaches the same cluster: the split pair stays apart
    store.save_documents(docs[3:4])
    update_clusters(store, ["copy"], settings=SETTINGS)
    meeting = [g for g in groups(store.clusters(), "event") if "first#e1" in g]
    assert meeting == [["copy#e1", "first#e1"]]
    assert not any("second#e1" in g and len(g) > 1 for g in groups(store.clusters(), "event"))
    users = store.decisions("event", ["second#e1"], "user")
    assert {(d.a, d.b, d.verdict) for d in users} == {("second#e1", "first#e1", "split")}
    # even clustering the whole store again obeys it
    recluster(store, settings=SETTINGS)
    assert not any("second#e1" in g and len(g) > 1 for g in groups(store.clusters(), "event"))


def test_a_users_merge_survives_reclustering(store: Store) -> None:
    docs = meeting_reports()
    store.save_documents(docs[:3])
    update_clusters(store, ["first", "second", "later"], settings=SETTINGS)
    meeting = next(c for c in store.clusters("event") if "first#e1" in c.members)
    # a user says the year-later meeting is the same event (the clusterer would not)
    lone = store.split_member("event", "later#e1")
    merged = store.merge_clusters("event", [meeting.id, lone.id])
    assert merged.members == ["second#e1", "first#e1", "later#e1"]
    with pytest.raises(LookupError):
        store.merge_clusters("event", [merged.id, "no-such-cluster"])
    store.save_documents(docs[3:4])
    update_clusters(store, ["copy"], settings=SETTINGS)
    together = next(g for g in groups(store.clusters(), "event") if "first#e1" in g)
    assert together == ["copy#e1", "first#e1", "later#e1", "second#e1"]


SOURCES = Reports(
    person("okafor", "Ngozi Okafor", "NGA"),
    person("diallo", "Amadou Diallo", "GIN"),
    person("mensah", "Ama Mensah", "GHA"),
)
ABUJA = Place(name="Abuja", country="NGA")


def test_disagreements_are_recorded_not_resolved(store: Store) -> None:
    first = (
        "ABUJA, March 3 - Nigerian Foreign Minister Ngozi Okafor met Guinean envoy Amadou "
        "Diallo in Abuja on Thursday to discuss the transition timetable in Conakry."
    )
    second = (
        "Amadou Diallo, Guinea's envoy, held talks with Ngozi Okafor late on Thursday, a day "
        "after arriving in the Nigerian capital, on elections and the release of detainees."
    )
    third = (
        "Nigeria's Ngozi Okafor received Amadou Diallo in Abuja to press for a date for "
        "elections in Guinea; Ghana's Ama Mensah joined the talks."
    )
    docs = [
        SOURCES.document("ng-1", first, "2022-03-03", [
            event("e1", "CONSULT", "okafor", "diallo", "2022-03-03", ABUJA, first[:90])]),
        SOURCES.document("ng-2", second, "2022-03-04", [
            event("e1", "CONSULT", "diallo", "okafor", "2022-03-04", Place(
                name="Federal Capital Territory", country="NGA"), second[:80],
                date_inferred=True)]),
        SOURCES.document("ng-3", third, "2022-03-04", [
            event("e1", "CONSULT", "okafor", "diallo", "2022-03", ABUJA, third[:70])]),
    ]  # fmt: skip
    store.save_documents(docs)
    update_clusters(store, [d.id for d in docs], settings=SETTINGS)
    (cluster,) = store.clusters("event")
    assert sorted(cluster.members) == ["ng-1#e1", "ng-2#e1", "ng-3#e1"]
    # the sources give two days; the month-only date nests in both and is no disagreement
    assert cluster.disagreements == {
        "date": ["2022-03", "2022-03-03", "2022-03-04"],
        "place": ["abuja", "federal capital territory"],
    }
    assert [f"{e.article}#e1" for e in cluster.evidence] == cluster.members and all(
        e.text for e in cluster.evidence
    )
    assert cluster.evidence[0].text == first[:90]
    exported = next(r for r in records(store, "clusters") if r["level"] == "event")
    assert {"field": "place", "values": ["abuja", "federal capital territory"]} in exported[
        "disagreements"
    ]
    assert len(exported["evidence"]) == 3
    assert cluster_documents(docs, SOURCES.actors.get)[-1].disagreements == cluster.disagreements


def test_copies_are_not_counted_twice(store: Store) -> None:
    docs = meeting_reports()
    store.save_documents(docs)
    update_clusters(store, [d.id for d in docs], settings=SETTINGS)
    events = list(records(store, "events"))
    copies = [e for e in events if e["duplicate_of"]]
    assert {e["article"] for e in copies} == {"copy"}
    assert {e["duplicate_of"] for e in copies} == {"first"}
    # 9 extracted events: the meeting (3 reports) and the accord (4 reports) once each,
    # the year-later meeting and the fisheries deal: 4 real-world events
    assert store.stats()["events"] == len(events) == 9
    assert store.distinct_events() == 4
    clusters = {e["cluster"] for e in events if e["cluster"]}
    lone = [e for e in events if not e["cluster"] and not e["duplicate_of"]]
    assert len(clusters) + len(lone) == store.distinct_events()
    json.dumps(events)  # exportable as they are


def test_undated_report_joins_by_its_story(store: Store) -> None:
    """An article without any date still finds its story (any week of its keys)."""
    docs = meeting_reports()[:2]
    undated = docs[1].model_copy(update={"id": "undated", "published": None})
    undated.events = [event("e1", "CONSULT", "bekele", "mwangi", None, NAIROBI)]
    store.save_documents(docs[:1])
    update_clusters(store, ["first"], settings=SETTINGS)
    store.save_documents([undated])
    update_clusters(store, ["undated"], settings=SETTINGS)
    assert groups(store.clusters(), "story") == [["first", "undated"]]
    assert groups(store.clusters(), "event") == [["first#e1", "undated#e1"]]


def test_a_store_clustered_before_the_index_is_clustered_again(store: Store) -> None:
    docs = meeting_reports()
    store.save_documents(docs)
    old = cluster_documents(docs[:2], ACTORS.get)  # as the first implementation stored them
    store.replace_clusters(["duplicate", "story", "event"], old)
    update_clusters(store, ["fish"], settings=SETTINGS)
    assert levels(store.clusters()) == levels(cluster_documents(docs, ACTORS.get))


def test_a_batch_reads_its_candidates_a_part_at_a_time(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    # issue 14: a clustering pass does not hold the stored candidates of all its new
    # articles at once; scored one new article at a time, the clusters are the same
    docs = everything()
    expected = levels(cluster_documents(docs, lookup))
    first, rest = docs[::2], docs[1::2]
    store.save_documents(first)
    update_clusters(store, [d.id for d in first], settings=SETTINGS)
    lookups: list[int] = []
    original = store.block_candidates

    def spy(blocks: Any) -> Any:
        lookups.append(len(set(blocks)))
        return original(blocks)

    monkeypatch.setattr(store, "block_candidates", spy)
    monkeypatch.setattr(incremental, "SCORED_AT_ONCE", 1)
    store.save_documents(rest)
    update_clusters(store, [d.id for d in rest], settings=SETTINGS)
    assert levels(store.clusters()) == expected
    # one lookup per new article for stories, one for events
    assert len(lookups) == 2 * len(rest)


def test_only_articles_sharing_a_band_have_their_text_read(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = meeting_reports()
    store.save_documents(docs)
    read: set[str] = set()
    original = store.texts

    def spy(ids: Any) -> Any:
        read.update(ids)
        return original(ids)

    monkeypatch.setattr(store, "texts", spy)
    update_clusters(store, [d.id for d in docs], settings=SETTINGS)
    copies = {m for c in store.clusters("duplicate") for m in c.members}
    assert copies and copies <= read < {d.id for d in docs}
