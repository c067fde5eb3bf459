"""National institutions named by kind (``communique.actors.institutions``) and the
institution table behind them (``data/actor-institutions.v1.csv``). Texts are the
project's own."""

from __future__ import annotations

import csv
from collections.abc import Callable
from importlib import resources
from typing import Any

import pytest

from communique.actors.institutions import KINDS
from communique.actors.kb import KnowledgeBase
from communique.actors.names import ascii_fold
from communique.model import Document

from .conftest import resolved

Run = Callable[..., Document]

# (text, fragment, occurrence, the institution it must resolve to)
NAMED_BY_KIND = [
    ("The Malaysian navy rescued forty fishermen on Sunday.", "Malaysian navy", 0,
     "Royal Malaysian Navy"),
    ("Kenya's parliament passed the finance bill on Thursday.", "parliament", 0,
     "Parliament of Kenya"),
    ("The legislature of Nigeria rejected the budget on Monday.", "legislature", 0,
     "National Assembly (Nigeria)"),
    ("The Thai army said on Friday that the curfew would end.", "Thai army", 0,
     "Royal Thai Army"),
    ("The Greek coast guard picked up sixty migrants off Lesbos.", "Greek coast guard", 0,
     "Hellenic Coast Guard"),
    ("Canada's military will send two frigates to the region, Canada said.", "military", 0,
     "Canadian Armed Forces"),
    ("China said its navy would hold drills near the strait next week.", "its navy", 0,
     "People's Liberation Army Navy"),
    ("Australia's government wants the reform. The country's upper house blocked it on "
     "Wednesday, and Australia must now wait.", "upper house", 0, "Australian Senate"),
    ("Japan's lower house approved the budget on Tuesday.", "lower house", 0,
     "House of Representatives (Japan)"),
    ("Ghana said on Monday that it would hold talks with unions. Ghana's president met "
     "their leaders. The parliament will debate the plan next week.", "The parliament", 0,
     "Parliament of Ghana"),
    ("The Philippines sent ships to the reef. The Philippines said the Coast Guard and the "
     "National Police searched the area.", "Coast Guard", 0, "Philippine Coast Guard"),
    ("The Philippines sent ships to the reef. The Philippines said the Coast Guard and the "
     "National Police searched the area.", "National Police", 0, "Philippine National Police"),
    ("Sri Lanka declared a curfew. Sri Lanka said the Armed Forces would guard the port.",
     "Armed Forces", 0, "Sri Lanka Armed Forces"),
    ("The Philippines protested on Monday. The Philippines said the Senate would hold "
     "hearings, and the Philippines recalled its envoy.", "Senate", 0,
     "Senate of the Philippines"),
    ("Peru's Congress voted to remove the president on Thursday.", "Congress", 0,
     "Congress of the Republic of Peru"),
    ("The Israeli forces withdrew from the town on Sunday.", "Israeli forces", 0,
     "Israel Defense Forces"),
    ("Syrian Army units entered the town, Syria's state media said.", "Syrian Army", 0,
     "Syrian Arab Army"),
    ("Taiwan's legislature voted on the bill on Friday.", "legislature", 0,
     "Legislative Yuan"),
    ("Mexico's Senate confirmed the nominee, Mexico said.", "Senate", 0,
     "Senate of the Republic (Mexico)"),
    ("North Korea's main news agency said the launch succeeded.", "news agency", 0,
     "Korean Central News Agency"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "fragment", "occurrence", "expected"), NAMED_BY_KIND)
def test_institution_named_by_kind(
    run: Run, text: str, fragment: str, occurrence: int, expected: str
) -> None:
    assert expected in resolved(run(text, "2021-03-02"), fragment, occurrence)


# (text, fragment): generic uses that are no state's institution.
NOT_AN_INSTITUTION = [
    ("Egyptian security forces closed the square on Friday.", "security forces",
     "Egyptian Armed Forces"),
    ("Nigeria announced new military operations in the north.", "military",
     "Nigerian Armed Forces"),
    ("France and Germany signed the accord. The parliament must still approve it.",
     "parliament", None),
    ("The parliament met on Tuesday to debate the bill.", "parliament", None),
    ("Government forces shelled the town, Yemen said.", "forces", "Yemeni Armed Forces"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "fragment", "wrong"), NOT_AN_INSTITUTION)
def test_generic_uses_stay_generic(run: Run, text: str, fragment: str, wrong: str | None) -> None:
    names = resolved(run(text, "2021-03-02"), fragment)
    if wrong is None:
        kb = KnowledgeBase.load()
        institutions = {kb.actors[i].name for i in kb.institutions.values()}
        assert not names & institutions, names
    else:
        assert wrong not in names


def test_state_named_beside_wins_over_the_article_state(run: Run) -> None:
    text = (
        "Kenya hosted the summit. Kenya said the talks went well, and Kenya thanked its "
        "guests. The Ugandan army withdrew from the border on Friday."
    )
    assert "Uganda People's Defence Force" not in resolved(run(text, "2022-01-10"), "army")
    names = resolved(run(text, "2022-01-10"), "Ugandan army")
    assert not any("Kenya" in n for n in names), names


def test_local_court_gets_the_article_state(run: Run) -> None:
    text = (
        "Colombia extended the decree. Colombia's president defended it on Monday. The "
        "Constitutional Court will review it, Colombia said."
    )
    document = run(text, "2020-05-04")
    start = document.text.index("Constitutional Court")
    forms = {
        form
        for m in document.mentions
        if m.start <= start < m.end
        for a in document.actors
        if a.id == m.actor_id
        for form in (a.name, *a.aliases)
    }
    assert "Constitutional Court (Colombia)" in forms


def test_a_ministry_without_its_state_is_the_article_states_government(run: Run) -> None:
    # "the Education Ministry" of a report about one state: that state's, of sector GOV
    text = (
        "Kenya's Health Ministry said the outbreak had ended. Kenya closed schools, and "
        "the Education Ministry said they would reopen."
    )
    document = run(text, "2020-05-04")
    start = document.text.index("Education Ministry")
    actors = {a.id: a for a in document.actors}
    ids = [m.actor_id for m in document.mentions if m.start <= start < m.end]
    assert ids and all(actors[i].country == "KEN" and actors[i].sector == "GOV" for i in ids)


def test_institution_keeps_country_and_sector_for_event_scoring(run: Run) -> None:
    document = run("Russia's army shelled villages overnight, Ukraine said.", "2022-05-01")
    start = document.text.index("army")
    ids = [m.actor_id for m in document.mentions if m.start <= start < m.end]
    actors = {a.id: a for a in document.actors}
    assert ids and all(actors[i].country == "RUS" and actors[i].sector == "MIL" for i in ids)


def test_institution_event_source_has_state_and_sector(analyse: Callable[..., Any]) -> None:
    text = (
        "World news in brief\n\nRussia's army shelled villages in the Kharkiv region on "
        "Sunday. The report was confirmed by local officials later in the day."
    )
    document = analyse(text, published="2023-05-02")
    actors = {a.id: a for a in document.actors}
    sources = [actors[e.source_id] for e in document.events if e.source_id in actors]
    assert any(a.country == "RUS" and a.sector == "MIL" for a in sources), sources


def test_state_mention_kept_beside_a_possessive_institution(run: Run) -> None:
    document = run("Kenya's parliament passed the bill on Thursday.", "2021-03-02")
    assert "Kenya" in resolved(document, "Kenya")


# ---------------------------------------------------------------------------
# the institution table


def _rows() -> list[dict[str, str]]:
    text = (resources.files("communique") / "data" / "actor-institutions.v1.csv").read_text(
        encoding="utf-8"
    )
    return list(csv.DictReader(ln for ln in text.splitlines() if ln[:1] != "#"))


def test_table_rows_are_well_formed() -> None:
    rows = _rows()
    kb = KnowledgeBase.load()
    kinds = set(KINDS.values())
    seen: set[tuple[str, str]] = set()
    assert len(rows) > 300
    for row in rows:
        pair = (row["country"], row["kind"])
        assert pair not in seen, pair
        seen.add(pair)
        assert row["kind"] in kinds, row
        assert row["sector"] in {"GOV", "LEG", "MIL", "COP", "JUD", "MED"}, row
        assert kb.country_actor(row["country"]) is not None, row
        # reference titles carry no diacritics; aliases may
        assert ascii_fold(row["name"]) == row["name"], row


def test_kb_registers_every_row_with_its_state_and_sector() -> None:
    kb = KnowledgeBase.load()
    for row in _rows():
        actor = kb.actors[kb.institutions[(row["country"], row["kind"])]]
        assert actor.type == "organisation"
        assert actor.country == row["country"]
        assert actor.sector is not None


def test_kb_reuses_its_own_actor_for_a_known_institution() -> None:
    kb = KnowledgeBase.load()
    (existing,) = [a for a in kb.lookup("Israel Defense Forces") if a.type == "organisation"]
    assert kb.institutions[("ISR", "armed-forces")] == existing.id
    assert "IDF" in existing.aliases


def test_table_aliases_resolve_by_name(run: Run) -> None:
    document = run("The PLA Navy sent two destroyers, Beijing said.", "2021-03-02")
    assert "People's Liberation Army Navy" in resolved(document, "PLA Navy")


def test_a_state_name_that_is_also_a_us_state_sets_no_article_state(run: Run) -> None:
    text = (
        "Georgia lawmakers met in Atlanta on Monday. Georgia will vote on the bill in "
        "March, and the Legislature may change the law."
    )
    assert "Parliament of Georgia" not in resolved(run(text, "2012-01-01"), "Legislature")


def test_a_regions_legislature_is_its_own_parliament(run: Run) -> None:
    text = (
        "The Parliament of Western Australia (WA) sat late on Thursday. The WA legislature "
        "had argued over the budget for weeks, and the parliament passed it at midnight."
    )
    document = run(text, "2021-03-04")
    assert resolved(document, "legislature") == {"Parliament of Western Australia"}
    assert resolved(document, "the parliament") == {"Parliament of Western Australia"}
    assert "Parliament of Australia" not in {a.name for a in document.actors}


def test_bare_police_is_the_one_national_force_where_there_is_one(run: Run) -> None:
    document = run("Police in Manila detained 40 students on Friday.", "2019-06-20")
    assert resolved(document, "Police") == {"Philippine National Police"}
    police = next(a for a in document.actors if a.name == "Philippine National Police")
    assert (police.country, police.sector) == ("PHL", "COP")


def test_bare_police_of_a_federal_state_stays_an_agent(run: Run) -> None:
    # Germany's police are the states' forces: the Federal Police is not "police"
    document = run("Police in Munich detained 40 students on Friday.", "2019-06-20")
    assert resolved(document, "Police") == {"Police (Germany)"}
