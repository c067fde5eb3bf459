"""US Congress and executive in the knowledge base, and the tabular term sources that
built them (issue 12: "the knowledge base lacks whole populations")."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from tests.actors.conftest import resolved, same_name

from communique.actors import KnowledgeBase

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"


@pytest.fixture(scope="module")
def kb(context: Any) -> KnowledgeBase:
    return context.kb  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bernie Sanders", "Bernie Sanders"),
        ("Bernard Sanders", "Bernie Sanders"),
        ("Charles E. Schumer", "Chuck Schumer"),
        ("Lindsey Graham", "Lindsey Graham"),
        ("Ted Cruz", "Ted Cruz"),
        ("Timothy Kaine", "Tim Kaine"),
        ("Charles Grassley", "Chuck Grassley"),
        ("Alexandria Ocasio-Cortez", "Alexandria Ocasio-Cortez"),
        ("Elizabeth Warren", "Elizabeth Warren"),
        ("John F. Kennedy", "John F. Kennedy"),
        ("George H. W. Bush", "George H. W. Bush"),
        ("Richard Nixon", "Richard Nixon"),
    ],
)
def test_members_and_presidents_by_full_name(kb: KnowledgeBase, text: str, expected: str) -> None:
    assert [a.name for a in kb.lookup(text)] == [expected]


def test_namesakes_stay_apart(kb: KnowledgeBase) -> None:
    """The senator John Kennedy is not an alias of John F. Kennedy, nor George Bush the
    father of the son."""
    senator = kb.lookup("John Kennedy (Louisiana politician)")
    assert [a.name for a in senator] == ["John Kennedy"]
    assert senator[0].roles[0].title == "United States Senator from Louisiana"
    assert "John Kennedy" not in (kb.lookup("John F. Kennedy")[0].aliases)
    assert kb.lookup("George H. W. Bush") != kb.lookup("George W. Bush")


@pytest.mark.parametrize(
    ("surname", "date", "region", "party", "expected"),
    [
        ("Sanders", "2016-06-01", "Vt.", None, "Bernie Sanders"),
        ("Sanders", "2016-06-01", None, "I", "Bernie Sanders"),
        ("Graham", "2020-01-01", "S.C.", "R", "Lindsey Graham"),
        ("Cruz", "2016-06-01", "Texas", "R", "Ted Cruz"),
        ("Kaine", "2019-06-01", "Va.", "D", "Tim Kaine"),
        ("Grassley", "2016-06-01", "Iowa", None, "Chuck Grassley"),
        ("Scott", "2022-06-01", "Fla.", "R", "Rick Scott"),
        ("Scott", "2022-06-01", "S.C.", "R", "Tim Scott"),
        ("Paul", "2016-06-01", "Ky.", None, "Rand Paul"),
        ("Schumer", "2016-06-01", "N.Y.", "Dem", "Chuck Schumer"),
    ],
)
def test_members_by_surname_and_party_tag(
    kb: KnowledgeBase, surname: str, date: str, region: str | None, party: str | None, expected: str
) -> None:
    code = kb.region(region) if region else None
    assert region is None or code is not None
    found = kb.members(surname, date, region=code, party=party, sector="LEG")
    assert [a.name for a in found] == [expected]


def test_members_outside_their_terms_are_not_found(kb: KnowledgeBase) -> None:
    assert kb.members("Cruz", "2010-06-01", sector="LEG") == []  # elected in 2012
    assert kb.members("Sanders", "2016-06-01", region=kb.region("Calif.")) == []
    assert kb.members("Sanders", "2016-06-01", party="R") == []


@pytest.mark.parametrize(
    ("form", "code"),
    [
        ("Vt.", "US-VT"),
        ("VT", "US-VT"),
        ("Vermont", "US-VT"),
        ("N.Y.", "US-NY"),
        ("Calif", "US-CA"),
        ("W.Va.", "US-WV"),
        ("Iowa", "US-IA"),
        ("District of Columbia", "US-DC"),
        ("Narnia", None),
    ],
)
def test_region_forms(kb: KnowledgeBase, form: str, code: str | None) -> None:
    assert kb.region(form) == code


def test_senate_offices_have_two_seats_and_a_full_senate(kb: KnowledgeBase) -> None:
    senate = [o for o in kb.offices if o.name.startswith("United States Senator from")]
    assert len(senate) == 50 and all(o.seats == 2 and o.region for o in senate)
    seated = {h.actor_id for o in senate for h in o.holders if h.covers("2025-06-01")}
    assert 95 <= len(seated) <= 100  # vacancies and appointments move it a little
    house = [o for o in kb.offices if o.name.startswith("United States Representative from")]
    california = next(o for o in house if o.region == "US-CA")
    assert california.seats >= 50 and all(o.sector == "LEG" for o in house)


def test_every_holding_in_congress_records_a_party(kb: KnowledgeBase) -> None:
    congress = [o for o in kb.offices if o.name.startswith("United States Senator")]
    assert all(h.party for o in congress for h in o.holders)


def test_members_are_people_of_the_united_states(kb: KnowledgeBase) -> None:
    for actor_id in ("bernie-sanders", "ted-cruz", "hakeem-jeffries", "jd-vance"):
        actor = kb.get(actor_id)
        assert actor is not None and actor.type == "person" and actor.country == "USA"


# -- the tabular sources of the build -------------------------------------------


@pytest.fixture(scope="module")
def tables() -> Any:
    sys.path.insert(0, str(SCRIPTS))
    try:
        from kb import tables
    finally:
        sys.path.remove(str(SCRIPTS))
    return tables


def test_a_table_file_plugs_in(tables: Any, tmp_path: Path) -> None:
    path = tmp_path / "governors.csv"
    path.write_text(
        "# a table written for this test\n"
        + ",".join(tables.COLUMNS)
        + "\n"
        + "Ann Example,A. Example|Gov. Example,f,USA,Governor of Vermont,governor,,,GOV,"
        + "US-VT,Democratic Party,2011-01-06,2015-01-08,1\n",
        encoding="utf-8",
    )
    (term,) = tables.read_csv(path)
    assert (term.name, term.office, term.region, term.party) == (
        "Ann Example",
        "Governor of Vermont",
        "US-VT",
        "Democratic Party",
    )
    assert term.aliases == ["A. Example", "Gov. Example"] and term.seats == 1


def test_a_table_missing_columns_is_refused(tables: Any, tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("name,office\nAnn Example,Governor of Vermont\n", encoding="utf-8")
    with pytest.raises(ValueError, match="missing columns"):
        tables.read_csv(path)


def test_consecutive_terms_merge_into_one_period(tables: Any) -> None:
    term = tables.Term
    rows = [
        term("A B", "Senator from X", "USA", "LEG", "2009-01-06", "2015-01-03", party="P"),
        term("A B", "Senator from X", "USA", "LEG", "2003-01-07", "2009-01-03", party="P"),
        term("A B", "Senator from X", "USA", "LEG", "2021-01-03", "2027-01-03", party="P"),
        term("A B", "Senator from X", "USA", "LEG", "2015-01-06", "2021-01-03", party="Q"),
    ]
    periods = [(t.start, t.end, t.party) for t in tables.merged(rows)]
    assert periods == [
        ("2003-01-07", "2015-01-03", "P"),  # three days between terms: one seat
        ("2015-01-06", "2021-01-03", "Q"),  # another party: another period
        ("2021-01-03", "2027-01-03", "P"),
    ]


# -- in text, with the real pipeline -------------------------------------------


@pytest.mark.parametrize(
    ("text", "fragment", "expected"),
    [
        (
            "Sen. Bernie Sanders (I-Vt.) told reporters he would vote no.",
            "Bernie Sanders",
            "Bernie Sanders",
        ),
        ("Senator Ted Cruz of Texas opposed the measure.", "Ted Cruz", "Ted Cruz"),
        ("Rep. Hakeem Jeffries spoke after the vote.", "Hakeem Jeffries", "Hakeem Jeffries"),
        ("Senator Lindsey Graham met the ambassador.", "Lindsey Graham", "Lindsey Graham"),
    ],
)
def test_members_named_in_text(run: Any, text: str, fragment: str, expected: str) -> None:
    names = resolved(run(text, "2019-05-14"), fragment)
    assert any(same_name(n, expected) for n in names), names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Senate", "United States Senate"),
        ("U.S. Senate", "United States Senate"),
        ("House of Representatives", "United States House of Representatives"),
        ("Congress", "United States Congress"),
        ("Senate Foreign Relations Committee", "United States Senate Committee on Foreign Relations"),
        ("House Judiciary Committee", "United States House Committee on the Judiciary"),
        ("House Oversight Committee", "United States House Committee on Oversight and Government Reform"),
        ("Senate Intelligence Committee", "United States Senate Select Committee on Intelligence"),
        ("House Intelligence Committee", "United States House Permanent Select Committee on Intelligence"),
        ("Joint Economic Committee", "United States Joint Economic Committee"),
    ],
)  # fmt: skip
def test_chambers_and_committees_are_their_own_actors(
    kb: KnowledgeBase, text: str, expected: str
) -> None:
    found = kb.lookup(text)
    assert [a.name for a in found] == [expected]
    assert found[0].sector == "LEG" and found[0].country == "USA"


def test_chambers_in_text(run: Any) -> None:
    document = run("The Senate passed the bill on Tuesday and the House approved it.", "2019-12-03")
    assert resolved(document, "Senate") == {"United States Senate"}
    assert resolved(document, "House") == {"United States House of Representatives"}
