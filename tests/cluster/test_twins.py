"""Same theme, different episode: stories and events must keep twins apart (issue 7).

The product is scored on a corpus where every story has a same-theme twin, so
each case here has two episodes told in similar words, each reported twice:
the two reports of one episode form a story, the twins never do. Every case
runs both in memory (``cluster_documents``) and incrementally through a real
SQLite store, one article per run, in an order that interleaves the twins.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.cluster.builders import Reports, event, groups, person, state

from communique.cluster import cluster_documents, update_clusters
from communique.config import Settings
from communique.model import Document, Place
from communique.store import Store

JAKARTA = Place(name="Jakarta", country="IDN")
TOKYO = Place(name="Tokyo", country="JPN")
JEDDAH = Place(name="Jeddah", country="SAU")
HAVANA = Place(name="Havana", country="CUB")
DAKAR = Place(name="Dakar", country="SEN")
ACCRA = Place(name="Accra", country="GHA")

CAST = Reports(
    person("ishikawa", "Haruto Ishikawa", "JPN"),
    person("santoso", "Dewi Santoso", "IDN"),
    state("japan", "Japan", "JPN"),
    state("indonesia", "Indonesia", "IDN"),
    person("kheir", "Omar Kheir", "SDN"),
    person("hamdan", "Adam Hamdan", "SDN"),
    person("restrepo", "Lucia Restrepo", "COL"),
    person("guerrero", "Ivan Guerrero", "COL"),
    person("dumont", "Claire Dumont", "FRA"),
    person("ndiaye", "Mamadou Ndiaye", "SEN"),
    person("asante", "Kwame Asante", "GHA"),
)


def leaders_a_year_apart() -> list[Document]:
    first = (
        "JAKARTA, May 10 - Japanese Prime Minister Haruto Ishikawa met Indonesian President "
        "Dewi Santoso at the presidential palace in Jakarta on Wednesday to discuss nickel "
        "supplies, a high-speed rail loan and patrols in the South China Sea. Santoso said "
        "Indonesia wanted Japanese carmakers to build battery plants near the mines."
    )
    second = (
        "Indonesia's President Dewi Santoso hosted Haruto Ishikawa in Jakarta on Wednesday. The "
        "Japanese leader pledged new financing for the rail line and said Japan would buy more "
        "nickel. Ishikawa and Santoso also agreed to hold joint coast guard drills."
    )
    third = (
        "TOKYO, May 14 - Indonesian President Dewi Santoso met Japanese Prime Minister Haruto "
        "Ishikawa in Tokyo on Tuesday for talks on nickel exports, the rail loan and maritime "
        "patrols. Ishikawa said Japan would double its investment in battery factories."
    )
    fourth = (
        "Haruto Ishikawa welcomed Dewi Santoso to Tokyo on Tuesday. Santoso asked Japanese "
        "carmakers to expand battery plants in Indonesia, and the two leaders discussed coast "
        "guard cooperation in the South China Sea."
    )
    meet = "CONSULT"
    return [
        CAST.document("jkt-1", first, "2023-05-10", [
            event("e1", meet, "ishikawa", "santoso", "2023-05-10", JAKARTA, first[:80])]),
        CAST.document("tky-1", third, "2024-05-14", [
            event("e1", meet, "santoso", "ishikawa", "2024-05-14", TOKYO, third[:80])]),
        CAST.document("jkt-2", second, "2023-05-10", [
            event("e1", meet, "santoso", "ishikawa", "2023-05-10", JAKARTA, second[:60])]),
        CAST.document("tky-2", fourth, "2024-05-15", [
            event("e1", meet, "ishikawa", "santoso", "2024-05-14", TOKYO, fourth[:60])]),
    ]  # fmt: skip


def ceasefire_talks_same_month() -> list[Document]:
    sudan_1 = (
        "JEDDAH, June 5 - Army envoy Omar Kheir and paramilitary commander Adam Hamdan began "
        "ceasefire talks in Jeddah on Monday under Saudi and American mediation. Kheir said the "
        "army would accept a week-long truce if fighters left hospitals in the capital."
    )
    sudan_2 = (
        "Talks on a truce between the Sudanese army and the paramilitary forces opened in "
        "Jeddah on Monday. Adam Hamdan told mediators his fighters would open humanitarian "
        "corridors, while Omar Kheir demanded they withdraw from residential districts."
    )
    colombia_1 = (
        "HAVANA, June 9 - Government negotiator Lucia Restrepo and rebel commander Ivan Guerrero "
        "opened a new round of ceasefire talks in Havana on Friday, with Cuban and Norwegian "
        "mediators. Restrepo said a bilateral truce could start before the rainy season."
    )
    colombia_2 = (
        "Colombian rebels and the government resumed peace talks in Havana on Friday. Ivan "
        "Guerrero said his fighters would halt attacks on pipelines during a truce, and Lucia "
        "Restrepo promised humanitarian corridors for villages cut off by the fighting."
    )
    return [
        CAST.document("sdn-1", sudan_1, "2023-06-05", [
            event("e1", "CONSULT", "kheir", "hamdan", "2023-06-05", JEDDAH, sudan_1[:70])]),
        CAST.document("col-1", colombia_1, "2023-06-09", [
            event("e1", "CONSULT", "restrepo", "guerrero", "2023-06-09", HAVANA, colombia_1[:70])]),
        CAST.document("sdn-2", sudan_2, "2023-06-05", [
            event("e1", "CONSULT", "hamdan", "kheir", "2023-06-05", JEDDAH, sudan_2[:70])]),
        CAST.document("col-2", colombia_2, "2023-06-10", [
            event("e1", "CONSULT", "guerrero", "restrepo", "2023-06-09", HAVANA, colombia_2[:70])]),
    ]  # fmt: skip


def one_minister_two_visits() -> list[Document]:
    dakar_1 = (
        "DAKAR, Sept 4 - French Foreign Minister Claire Dumont met Senegalese President Mamadou "
        "Ndiaye in Dakar on Monday at the start of a West African tour, discussing gas exports, "
        "visas for students and the withdrawal of French troops."
    )
    dakar_2 = (
        "Claire Dumont held talks with Mamadou Ndiaye in Dakar on Monday. Ndiaye asked France to "
        "ease student visas; Dumont said Paris would finance a solar plant near Thies."
    )
    accra_1 = (
        "ACCRA, Sept 11 - French Foreign Minister Claire Dumont met Ghanaian President Kwame "
        "Asante in Accra on Monday, discussing cocoa prices, visas for students and security in "
        "the Sahel."
    )
    accra_2 = (
        "Kwame Asante received Claire Dumont in Accra on Monday. Asante asked France to ease "
        "student visas; Dumont said Paris would fund training for Ghanaian customs officers."
    )
    return [
        CAST.document("dkr-1", dakar_1, "2023-09-04", [
            event("e1", "CONSULT", "dumont", "ndiaye", "2023-09-04", DAKAR, dakar_1[:70])]),
        CAST.document("acc-1", accra_1, "2023-09-11", [
            event("e1", "CONSULT", "dumont", "asante", "2023-09-11", ACCRA, accra_1[:70])]),
        CAST.document("dkr-2", dakar_2, "2023-09-04", [
            event("e1", "CONSULT", "dumont", "ndiaye", "2023-09-04", DAKAR, dakar_2[:60])]),
        CAST.document("acc-2", accra_2, "2023-09-11", [
            event("e1", "CONSULT", "asante", "dumont", "2023-09-11", ACCRA, accra_2[:60])]),
    ]  # fmt: skip


CASES = {
    "same leaders a year apart": (
        leaders_a_year_apart,
        [["jkt-1", "jkt-2"], ["tky-1", "tky-2"]],
    ),
    "two ceasefire talks in one month": (
        ceasefire_talks_same_month,
        [["col-1", "col-2"], ["sdn-1", "sdn-2"]],
    ),
    "one minister, two visits a week apart": (
        one_minister_two_visits,
        [["acc-1", "acc-2"], ["dkr-1", "dkr-2"]],
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_twins_in_memory(case: str) -> None:
    make, stories = CASES[case]
    clusters = cluster_documents(make(), CAST.actors.get)
    assert groups(clusters, "story") == stories
    # one event cluster per episode: the twin's meeting is another event
    assert groups(clusters, "event") == [[f"{a}#e1", f"{b}#e1"] for a, b in stories]


@pytest.mark.parametrize("case", sorted(CASES))
def test_twins_one_article_per_run(case: str, tmp_path: Path) -> None:
    make, stories = CASES[case]
    with Store.open(str(tmp_path / "twins.db")) as store:
        for document in make():
            store.save_documents([document])
            update_clusters(store, [document.id], settings=Settings())
        assert groups(store.clusters(), "story") == stories
        assert groups(store.clusters(), "event") == [[f"{a}#e1", f"{b}#e1"] for a, b in stories]
