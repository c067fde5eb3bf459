"""Clustering on our own hand-built reports: duplicates, events and stories, in real SQLite."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from communique.cluster import cluster_documents, update_clusters
from communique.cluster.duplicates import containment, shingles
from communique.cluster.events import link_score
from communique.cluster.features import EventItem, fold, gap_days, interval
from communique.config import Settings
from communique.model import Actor, Cluster, Document, Event, Evidence, Mention, Place
from communique.store import Store

ACTORS = {
    "mwangi": Actor(id="mwangi", name="Daniel Mwangi", aliases=["Mwangi"], country="KEN"),
    "bekele": Actor(id="bekele", name="Selam Bekele", aliases=["Bekele"], country="ETH"),
    "kenya": Actor(id="kenya", name="Kenya", type="state", country="KEN"),
    "ethiopia": Actor(id="ethiopia", name="Ethiopia", type="state", country="ETH"),
    "chile": Actor(id="chile", name="Chile", type="state", country="CHL"),
    "argentina": Actor(id="argentina", name="Argentina", type="state", country="ARG"),
    "rojas": Actor(id="rojas", name="Marta Rojas", aliases=["Rojas"], country="CHL"),
}
NAIROBI = Place(name="Nairobi", country="KEN")

FIRST = (
    "NAIROBI, Feb 12 - Kenyan President Daniel Mwangi met Ethiopian Prime Minister Selam "
    "Bekele at State House in Nairobi on Monday to discuss a stalled railway link and grazing "
    "disputes along their shared border. Mwangi said the two governments would set up a joint "
    "commission on cattle raids before the rainy season. Bekele thanked Kenya for hosting the "
    "talks and said Ethiopia wanted the railway finished by 2027. Both leaders recalled the "
    "border accord that Kenya and Ethiopia signed in July 2023."
)
SECOND = (
    "Ethiopia's Prime Minister Selam Bekele held talks with President Daniel Mwangi in the "
    "Kenyan capital Nairobi on Monday, his first visit since taking office. The leaders "
    "discussed cattle raiding in the border counties and the unfinished railway between the "
    "two capitals. Bekele told reporters the meeting had been frank and warm. The talks built "
    "on the accord Kenya and Ethiopia signed on July 14, 2023."
)
YEAR_LATER = (
    "Kenyan President Daniel Mwangi hosted Ethiopian Prime Minister Selam Bekele in Nairobi "
    "on Thursday for a new round of talks on the railway link and cattle raids along the "
    "border. Mwangi said the joint commission had been slow to meet. Bekele said the railway "
    "would now be finished in 2028. The leaders praised the accord Kenya and Ethiopia signed "
    "on July 14, 2023."
)
SYNDICATED = (
    "Share this article: Facebook Twitter WhatsApp\n\n" + FIRST + "\n\nRead more: Floods "
    "displace thousands of families in the Tana River delta\nLeave a comment"
)
FISHERIES = (
    "SANTIAGO, March 5 - Chile and Argentina signed a fisheries agreement on Tuesday that "
    "sets joint quotas for hake in the southern channels. Chilean Foreign Minister Marta Rojas "
    "said the deal ended a decade of disputes over trawlers crossing the maritime boundary."
)


def mentions(text: str) -> list[Mention]:
    found = []
    for actor in ACTORS.values():
        for name in [actor.name, *actor.aliases]:
            start = text.find(name)
            while start >= 0:
                found.append(
                    Mention(start=start, end=start + len(name), text=name, actor_id=actor.id)
                )
                start = text.find(name, start + 1)
    return found


def event(
    eid: str, kind: str, source: str, target: str | None, when: str | None, **extra: Any
) -> Event:
    evidence = Evidence(article="?", start=0, end=1, text="x")
    return Event(
        id=eid, type=kind, source_id=source, target_id=target, date=when, evidence=evidence, **extra
    )


def document(doc_id: str, text: str, published: str | None, events: list[Event]) -> Document:
    return Document(
        id=doc_id,
        file=f"{doc_id}.txt",
        text=text,
        original=text,
        published=published,
        mentions=mentions(text),
        actors=[a for a in ACTORS.values() if a.name in text or a.id in text.lower()],
        events=events,
    )


def meeting_reports() -> list[Document]:
    accord = {"salience": "background"}
    return [
        document(
            "first",
            FIRST,
            "2024-02-13",
            [
                event("e1", "CONSULT", "mwangi", "bekele", "2024-02-12", location=NAIROBI),
                event("e2", "AGREE", "kenya", "ethiopia", "2023-07", **accord),
            ],
        ),
        document(
            # the same meeting the other way round; the accord dated to the day
            "second",
            SECOND,
            "2024-02-12",
            [
                event("e1", "CONSULT", "bekele", "mwangi", "2024-02-12", location=NAIROBI),
                event("e2", "AGREE", "kenya", "ethiopia", "2023-07-14", **accord),
            ],
        ),
        document(
            "later",
            YEAR_LATER,
            "2025-02-21",
            [
                event("e1", "CONSULT", "mwangi", "bekele", "2025-02-20", location=NAIROBI),
                event("e2", "AGREE", "kenya", "ethiopia", "2023-07-14", **accord),
            ],
        ),
        document(
            "copy",
            SYNDICATED,
            "2024-02-14",
            [
                event("e1", "CONSULT", "mwangi", "bekele", "2024-02-12", location=NAIROBI),
                event("e2", "AGREE", "kenya", "ethiopia", "2023-07", **accord),
            ],
        ),
        document(
            "fish",
            FISHERIES,
            "2024-03-06",
            [event("e1", "AGREE", "chile", "argentina", "2024-03-05")],
        ),
    ]


def by_level(clusters: list[Cluster], level: str) -> list[list[str]]:
    return sorted(c.members for c in clusters if c.level == level)


@pytest.fixture(scope="module")
def clustered() -> list[Cluster]:
    return cluster_documents(meeting_reports(), ACTORS.get)


def test_syndicated_copy_with_other_boilerplate_is_a_duplicate(clustered: list[Cluster]) -> None:
    duplicates = [c for c in clustered if c.level == "duplicate"]
    assert [c.members for c in duplicates] == [["first", "copy"]]  # the original first
    assert duplicates[0].id == "duplicate:first"
    assert containment(shingles(FIRST), shingles(SYNDICATED)) == 1.0
    assert containment(shingles(FIRST), shingles(SECOND)) < 0.2


def test_same_meeting_by_two_outlets_is_one_story(clustered: list[Cluster]) -> None:
    assert by_level(clustered, "story") == [["fish"], ["later"], ["second", "first", "copy"]]
    story = next(c for c in clustered if c.level == "story" and len(c.members) == 3)
    assert story.id == "story:second"  # the earliest published report names the story


def test_same_meeting_is_one_event_cluster_and_a_year_later_is_not(
    clustered: list[Cluster],
) -> None:
    events = by_level(clustered, "event")
    assert ["second#e1", "first#e1", "copy#e1"] in events  # ordered by publication
    assert not any("later#e1" in m for m in events)


def test_background_mention_of_an_old_event_merges_across_stories(
    clustered: list[Cluster],
) -> None:
    accord = next(m for m in by_level(clustered, "event") if "first#e2" in m)
    assert sorted(accord) == ["copy#e2", "first#e2", "later#e2", "second#e2"]
    assert not any("fish#e1" in m for m in by_level(clustered, "event"))


def test_year_later_stays_apart_even_without_event_dates() -> None:
    reports = meeting_reports()[:3]
    for report in reports:
        for item in report.events:
            item.date = None
    stories = by_level(cluster_documents(reports, ACTORS.get), "story")
    assert stories == [["later"], ["second", "first"]]


def item(kind: str, source: str, target: str | None, when: str | None, **extra: Any) -> EventItem:
    values: dict[str, Any] = {"id": "x#e1", "article": "x", "inferred": False, "place": None}
    values.update({"country": None, "main": True}, **extra)
    return EventItem(type=kind, source=source, target=target, when=interval(when), **values)


def test_event_links() -> None:
    a = item("CONSULT", "mwangi", "bekele", "2024-02-12")
    b = item("CONSULT", "bekele", "mwangi", "2024-02", id="y#e1", article="y")
    assert link_score(a, b, same_story=False) == pytest.approx(1.6)  # month contains the day
    accuse = item("ACCUSE", "bekele", "mwangi", "2024-02-12", id="y#e2", article="y")
    reverse = item("ACCUSE", "mwangi", "bekele", "2024-02-12")
    assert link_score(reverse, accuse, same_story=True) is None  # directed types keep direction
    later = item("CONSULT", "mwangi", "bekele", "2024-02-13", id="y#e3", article="y")
    assert link_score(a, later, same_story=True) is None
    inferred = item(
        "CONSULT", "mwangi", "bekele", "2024-02-13", id="y#e4", article="y", inferred=True
    )
    assert link_score(a, inferred, same_story=True) is not None  # one day of slack
    undated = item("CONSULT", "mwangi", "bekele", None, id="y#e5", article="y")
    assert link_score(a, undated, same_story=False) is None
    assert link_score(a, undated, same_story=True) == pytest.approx(1.4)
    no_target = item("CONSULT", "bekele", None, "2024-02-12", id="y#e6", article="y")
    assert link_score(a, no_target, same_story=True) == pytest.approx(1.5)
    assert link_score(a, no_target, same_story=False) is None
    elsewhere = item("CONSULT", "mwangi", "bekele", "2024-02-12", id="y#e7", article="y",
                     place="addis ababa", country="ETH")  # fmt: skip
    here = item("CONSULT", "mwangi", "bekele", "2024-02-12", place="nairobi", country="KEN")
    assert link_score(here, elsewhere, same_story=True) is None


def test_dates_as_intervals() -> None:
    assert interval("2023") == (date(2023, 1, 1), date(2023, 12, 31))
    assert interval("2024-02") == (date(2024, 2, 1), date(2024, 2, 29))
    assert interval("2024-02-12T18:30") == (date(2024, 2, 12), date(2024, 2, 12))
    assert interval("Monday") is None
    assert interval("2023-13") is None
    first, second = interval("2023-07"), interval("2023-07-14")
    assert first and second and gap_days(first, second) == 0
    later = interval("2024-07-14")
    assert second and later and gap_days(second, later) == 366


def test_names_fold_alike() -> None:
    assert fold("Khaled al-Qudwa") == fold("Khaled Al Qudwa") == fold("KHALED QUDWA")


def test_update_clusters_in_a_store(tmp_path: Path) -> None:
    store = Store.open(str(tmp_path / "clusters.db"))
    try:
        reports = meeting_reports()
        store.save_documents(reports[:2])
        update_clusters(store, ["first", "second"], settings=Settings())
        assert [c.members for c in store.clusters("story")] == [["second", "first"]]
        store.save_documents(reports[2:])
        update_clusters(store, ["later", "copy", "fish"], settings=Settings())
        assert by_level(store.clusters(), "story") == by_level(
            cluster_documents(meeting_reports(), ACTORS.get), "story"
        )
        assert by_level(store.clusters("duplicate"), "duplicate") == [["first", "copy"]]
        assert len(store.clusters("event")) == 2
    finally:
        store.close()


VISIT_HOST = (
    "Kenyan President Daniel Mwangi received Chilean Foreign Minister Marta Rojas in Nairobi, "
    "where they discussed copper exports and a direct flight between the two countries. Rojas "
    "said Chile hoped to open an embassy in Kenya within the year."
)
VISIT_MINISTER = (
    "Chile's top diplomat Marta Rojas met Kenyan Foreign Secretary Ruth Achieng in Nairobi for "
    "talks on trade and tourism. Achieng said Kenya welcomed the plan for a Chilean embassy and "
    "a direct flight."
)
OTHER_VISIT = (
    "Kenyan President Daniel Mwangi received Ethiopian Prime Minister Selam Bekele in Nairobi, "
    "where they discussed grazing disputes and a railway between the two countries. Bekele "
    "said Ethiopia hoped to open new border posts within the year."
)


def test_a_visit_is_the_visitors_story_not_the_hosts() -> None:
    """Undated reports: the visitor (from another country than the venue) defines the episode."""
    ACTORS["achieng"] = Actor(id="achieng", name="Ruth Achieng", aliases=["Achieng"], country="KEN")
    try:
        reports = [
            document("host", VISIT_HOST, None, [
                event("e1", "CONSULT", "mwangi", "rojas", None, location=NAIROBI)]),
            document("minister", VISIT_MINISTER, None, [
                event("e1", "CONSULT", "rojas", "achieng", None, location=NAIROBI)]),
            document("other", OTHER_VISIT, None, [
                event("e1", "CONSULT", "mwangi", "bekele", None, location=NAIROBI)]),
        ]  # fmt: skip
        stories = by_level(cluster_documents(reports, ACTORS.get), "story")
    finally:
        del ACTORS["achieng"]
    assert stories == [["host", "minister"], ["other"]]


def test_a_year_only_main_date_does_not_veto_a_story() -> None:
    reports = meeting_reports()[:2]
    # an event misdated to a bare year ("finished by 2027") must not split the story
    reports[1].events = [event("e1", "SUPPORT", "bekele", "kenya", "2027")]
    stories = by_level(cluster_documents(reports, ACTORS.get), "story")
    assert stories == [["second", "first"]]
