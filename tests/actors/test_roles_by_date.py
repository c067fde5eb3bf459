"""Time-safe roles (issue 12): the holder on the mention's date, or an unresolved role.

Unit cases call ``communique.actors.tenure`` on the shipped knowledge base; pipeline
cases run the actors stage with the real spaCy model on sentences written for these
tests.
"""

from __future__ import annotations

from typing import Any

import pytest
from tests.actors.conftest import same_name

from communique.actors import KnowledgeBase
from communique.actors.tenure import (
    Qualifiers,
    UnresolvedRole,
    holder,
    party_on,
    role_on,
    sector_on,
)


@pytest.fixture(scope="module")
def kb(context: Any) -> KnowledgeBase:
    return context.kb  # type: ignore[no-any-return]


def _name(result: Any) -> str | None:
    return None if isinstance(result, UnresolvedRole) else result.name  # type: ignore[no-any-return]


# (title as text writes it, state or organisation, date, expected holder)
KNOWN_HOLDERS = [
    ("president", "USA", "2016-06-01", "Barack Obama"),
    ("president", "USA", "2018-06-01", "Donald Trump"),
    ("president", "USA", "2018-03", "Donald Trump"),  # a month with one holder
    ("president", "USA", "1962-01-01", "John F. Kennedy"),
    ("president", "USA", "1975-01-01", "Gerald Ford"),
    ("president", "USA", "1985-06-01", "Ronald Reagan"),
    ("president", "USA", "1991-06-01", "George H. W. Bush"),
    ("president", "USA", "1995-06-01", "Bill Clinton"),
    ("president", "USA", "2005-06-01", "George W. Bush"),
    ("vice president", "USA", "1994-06-01", "Al Gore"),
    ("vice president", "USA", "2010-01-01", "Joe Biden"),
    ("Senate majority leader", "USA", "2016-05-01", "Mitch McConnell"),
    ("Senate majority leader", "USA", "2022-03-01", "Chuck Schumer"),
    ("Senate minority leader", "USA", "2012-03-01", "Mitch McConnell"),
    ("Senate minority leader", "USA", "2018-03-01", "Chuck Schumer"),
    ("House speaker", "USA", "2016-06-01", "Paul Ryan"),
    ("speaker of the house", "USA", "2020-06-01", "Nancy Pelosi"),
    ("House minority leader", "USA", "2024-06-01", "Hakeem Jeffries"),
    ("president pro tempore", "USA", "2020-06-01", "Chuck Grassley"),
    ("secretary of state", "USA", "2014-06-01", "John Kerry"),
    ("attorney general", "USA", "2016-12-01", "Loretta Lynch"),
    ("defense secretary", "USA", "2018-06-01", "Jim Mattis"),
    ("CIA director", "USA", "2019-01-01", "Gina Haspel"),
    ("prime minister", "GBR", "2017-06-01", "Theresa May"),
    ("chancellor", "DEU", "2019-01-01", "Angela Merkel"),
    ("chancellor", "DEU", "2023-01-01", "Olaf Scholz"),
    ("speaker", "IRN", "2019-01-01", "Ali Larijani"),
    ("supreme leader", "IRN", "2015-01-01", "Ali Khamenei"),
    ("foreign minister", "RUS", "2020-01-01", "Sergey Lavrov"),
    ("secretary general", "nato", "2020-01-01", "Jens Stoltenberg"),
]


@pytest.mark.parametrize(("title", "where", "date", "expected"), KNOWN_HOLDERS)
def test_holder_on_the_date(
    kb: KnowledgeBase, title: str, where: str, date: str, expected: str
) -> None:
    assert _name(holder(kb, title, where, date)) == expected


# (title, state, date, country and sector the title implies) — nobody the KB knows held
# the office then: the answer keeps what the title says and never the latest holder.
NO_HOLDER_KNOWN = [
    ("Senate majority leader", "USA", "2009-05-01", "USA", "LEG"),
    ("secretary of state", "USA", "1995-06-01", "USA", "GOV"),
    ("attorney general", "USA", "2008-12-01", "USA", "GOV"),
    ("president", "USA", "1930-01-01", "USA", "GOV"),
    ("House minority leader", "USA", "2020-06-01", "USA", "LEG"),
    ("chancellor", "DEU", "1995-01-01", "DEU", "GOV"),
    ("prime minister", "GBR", "1990-01-01", "GBR", "GOV"),
]


@pytest.mark.parametrize(("title", "where", "date", "country", "sector"), NO_HOLDER_KNOWN)
def test_no_holder_known_is_an_unresolved_role(
    kb: KnowledgeBase, title: str, where: str, date: str, country: str, sector: str
) -> None:
    result = holder(kb, title, where, date, text=f"the {title}")
    assert isinstance(result, UnresolvedRole), result
    assert (result.country, result.sector, result.text) == (country, sector, f"the {title}")
    assert result.reason == "no holder known" and result.candidates == ()
    assert result.agent_id() == f"agent:{country}:{sector}"


@pytest.mark.parametrize(
    ("title", "date", "count"),
    [
        ("senator", "2016-01-01", 50),
        ("representative", "2016-01-01", 100),
        ("president", "2017", 2),
    ],
)
def test_several_holders_and_no_preference_stay_unresolved(
    kb: KnowledgeBase, title: str, date: str, count: int
) -> None:
    result = holder(kb, title, "USA", date)
    assert isinstance(result, UnresolvedRole)
    assert result.reason == ("several holders" if title == "president" else "several offices")
    assert len(result.candidates) >= count


def test_a_named_candidate_decides_between_several_holders(kb: KnowledgeBase) -> None:
    assert _name(holder(kb, "president", "USA", "2017", prefer=["donald-trump"])) == "Donald Trump"
    senator = holder(kb, "senator", "USA", "2016-06-01", prefer=["bernie-sanders", "ted-cruz"])
    assert _name(senator) == "Ted Cruz"  # the most recent one named
    # a preferred actor who did not hold the office then is no candidate
    assert isinstance(holder(kb, "senator", "USA", "2016-06-01", prefer=["iran"]), UnresolvedRole)


def test_a_title_of_several_states_needs_a_context(kb: KnowledgeBase) -> None:
    result = holder(kb, "president", None, "2016-12-01")
    assert isinstance(result, UnresolvedRole) and result.reason == "several offices"
    assert result.country is None and result.sector == "GOV"


def test_unknown_title(kb: KnowledgeBase) -> None:
    result = holder(kb, "chief executive of the rural clinic", None, "2016-01-01")
    assert isinstance(result, UnresolvedRole) and result.reason == "unknown title"
    assert result.agent_id() is None


def test_no_date_gives_only_a_sole_current_holder(kb: KnowledgeBase) -> None:
    assert _name(holder(kb, "speaker", "IRN", None)) == "Mohammad Bagher Ghalibaf"
    assert isinstance(holder(kb, "senator", "USA", None), UnresolvedRole)
    assert isinstance(holder(kb, "president", "USA", None, Qualifiers(former=True)), UnresolvedRole)


# -- qualifiers --------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["former"], Qualifiers(former=True)),
        (["Ex-"], Qualifiers(former=True)),
        (["the", "late"], Qualifiers(former=True)),
        (["then", "-"], Qualifiers(then=True)),
        (["-", "elect"], Qualifiers(elect=True)),
        (["incoming"], Qualifiers(elect=True)),
        (["designate"], Qualifiers(elect=True)),
        (["Acting"], Qualifiers(acting=True)),
        (["interim"], Qualifiers(acting=True)),
        (["top", "senior"], Qualifiers()),
    ],
)
def test_qualifier_words(words: list[str], expected: Qualifiers) -> None:
    assert Qualifiers.parse(words) == expected


@pytest.mark.parametrize(
    ("date", "qualifiers", "prefer", "expected"),
    [
        ("2016-12-01", Qualifiers(elect=True), [], "Donald Trump"),
        ("2020-12-01", Qualifiers(elect=True), [], "Joe Biden"),
        ("2016-06-01", Qualifiers(elect=True), [], None),  # the election is months away
        ("2016-06-01", Qualifiers(former=True), [], None),  # a dozen former presidents
        ("2016-06-01", Qualifiers(former=True), ["jimmy-carter"], "Jimmy Carter"),
        ("2016-06-01", Qualifiers(former=True), ["barack-obama"], None),  # still in office
        ("2016-06-01", Qualifiers(then=True), [], "Barack Obama"),
        ("2016-06-01", Qualifiers(acting=True), [], None),  # no acting president known
    ],
)
def test_qualifiers_change_which_holder(
    kb: KnowledgeBase, date: str, qualifiers: Qualifiers, prefer: list[str], expected: str | None
) -> None:
    assert _name(holder(kb, "president", "USA", date, qualifiers, prefer=prefer)) == expected


# -- an actor as of a date ----------------------------------------------------


@pytest.mark.parametrize(
    ("actor_id", "date", "title", "sector"),
    [
        ("donald-trump", "2016-06-01", None, None),  # a candidate is not GOV
        ("donald-trump", "2018-06-01", "President of the United States", "GOV"),
        ("donald-trump", "2022-06-01", None, None),
        ("joe-biden", "2010-01-01", "Vice President of the United States", "GOV"),
        ("joe-biden", "2018-01-01", None, None),
        ("hillary-clinton", "2010-06-01", "United States Secretary of State", "GOV"),
        ("hillary-clinton", "2016-06-01", None, None),
        ("mike-pompeo", "2017-06-01", "Director of the Central Intelligence Agency", "GOV"),
        ("mike-pompeo", "2018-06-01", "United States Secretary of State", "GOV"),
        ("bernie-sanders", "2016-06-01", "United States Senator from Vermont", "LEG"),
        ("chuck-schumer", "2022-01-01", "Senate Majority Leader", "LEG"),
        ("lindsey-graham", "2020-01-01", "United States Senator from South Carolina", "LEG"),
    ],
)
def test_role_and_sector_as_of_a_date(
    kb: KnowledgeBase, actor_id: str, date: str, title: str | None, sector: str | None
) -> None:
    actor = kb.get(actor_id)
    assert actor is not None
    role = role_on(actor, date)
    assert (role.title if role else None) == title
    assert sector_on(actor, date) == sector


def test_actors_without_dated_roles_keep_their_sector(kb: KnowledgeBase) -> None:
    iran = kb.get("iran")
    assert iran is not None and role_on(iran, "2016-01-01") is None
    assert sector_on(iran, "2016-01-01") == "GOV"
    trump = kb.get("donald-trump")
    assert trump is not None and sector_on(trump, None) == trump.sector


@pytest.mark.parametrize(
    ("actor_id", "date", "party"),
    [
        ("bernie-sanders", "2016-06-01", "Independent"),
        ("lindsey-graham", "2020-01-01", "Republican Party"),
        ("chuck-schumer", "2020-01-01", "Democratic Party"),
        ("barack-obama", "2012-01-01", "Democratic Party"),
        ("donald-trump", "2018-01-01", "Republican Party"),
        ("donald-trump", "2016-06-01", None),  # no office, no recorded party then
    ],
)
def test_party_as_of_a_date(kb: KnowledgeBase, actor_id: str, date: str, party: str | None) -> None:
    assert party_on(kb, actor_id, date) == party


# -- the roles pass, with the real pipeline -------------------------------------


@pytest.mark.parametrize(
    ("text", "published", "fragment", "expected"),
    [
        (
            "The Senate majority leader scheduled a vote on the budget for Tuesday.",
            "2016-05-10",
            "The Senate majority leader",
            {"Mitch McConnell"},
        ),
        (
            "The Senate majority leader scheduled a vote on the budget for Tuesday.",
            "2009-05-10",
            "The Senate majority leader",
            set(),  # nobody the KB knows: no link, and never the latest holder
        ),
        (
            "The American president-elect named his transition team on Friday.",
            "2016-11-18",
            "president-elect",
            {"Donald Trump"},
        ),
        (
            "The American president-elect named his transition team on Friday.",
            "2016-06-18",
            "president-elect",
            set(),  # months before the election: nobody is president-elect
        ),
        (
            "The then-House speaker answered questions from reporters.",
            "2016-06-01",
            "then-House speaker",
            {"Paul Ryan"},
        ),
        (
            "The former president spoke at a library dedication in Texas.",
            "2016-04-20",
            "former president",
            set(),  # several former presidents, none named
        ),
        (
            "Ted Cruz spoke first. The senator said the bill would fail.",
            "2016-04-20",
            "The senator",
            {"Ted Cruz"},
        ),
        (
            "The Founder and CEO of a rural clinic said the program would expand.",
            "2016-03-01",
            "Founder",
            set(),  # a founder of an office held by nobody then is not its late holder
        ),
        (
            "Former Attorney General Michael Mukasey criticised the decision.",
            "2016-07-01",
            "Former Attorney General",
            {"Michael Mukasey"},  # the name decides, not the holder on the date
        ),
        (
            "The senator said the bill would fail.",
            "2016-04-20",
            "The senator",
            set(),  # a hundred senators, none named
        ),
    ],
)
def test_role_mentions_by_date_in_text(
    run: Any, text: str, published: str, fragment: str, expected: set[str]
) -> None:
    document = run(text, published)
    start = document.text.index(fragment)
    end = start + len(fragment)
    actors = {a.id: a for a in document.actors}
    people = {
        actors[m.actor_id].name
        for m in document.mentions
        if m.start < end and start < m.end and actors[m.actor_id].type == "person"
    }
    assert {n for n in people if any(same_name(n, e) for e in expected)} == expected
    assert len(people) == len(expected), people


def test_a_us_state_governor_is_never_a_foreign_officeholder(run: Any, kb: KnowledgeBase) -> None:
    document = run("The Indiana governor signed the bill into law on Monday.", "2016-03-24")
    for mention in document.mentions:
        actor = next(a for a in document.actors if a.id == mention.actor_id)
        assert actor.type != "person" or actor.country in (None, "USA"), actor


# -- offices of a state of a federation, and roles relative to a person ----------


@pytest.mark.parametrize(
    ("region", "date", "expected"),
    [
        ("Ind.", "2016-03-24", "Mike Pence"),
        ("Indiana", "2018-03-24", "Eric Holcomb"),
        ("N.Y.", "2022-01-10", "Kathy Hochul"),
        ("Calif.", "2015-06-01", "Jerry Brown"),
        ("Texas", "2012-06-01", "Rick Perry"),
        ("Fla.", "2016-06-01", "Rick Scott"),
    ],
)
def test_governor_by_state_and_date(
    kb: KnowledgeBase, region: str, date: str, expected: str
) -> None:
    code = kb.region(region)
    assert _name(holder(kb, "governor", "USA", date, region=code)) == expected


def test_a_governor_without_a_state_is_unresolved(kb: KnowledgeBase) -> None:
    result = holder(kb, "governor", "USA", "2016-03-24")
    assert isinstance(result, UnresolvedRole) and result.reason == "several offices"
    assert (result.country, result.sector) == ("USA", "GOV")
    assert isinstance(holder(kb, "governor", "USA", "1990-01-01", region="US-IN"), UnresolvedRole)


@pytest.mark.parametrize(
    ("text", "published", "fragment", "expected"),
    [
        ("The Indiana governor signed the bill into law.", "2016-03-24", "Indiana governor", {"Mike Pence"}),
        ("Indiana's governor signed the bill into law.", "2018-03-24", "governor", {"Eric Holcomb"}),
        ("The New York governor signed the bill.", "2016-03-24", "New York governor", {"Andrew Cuomo"}),
        ("The governor signed the bill into law on Monday.", "2016-03-24", "governor", set()),
        ("The Puerto Rico governor refused to resign.", "2019-07-20", "governor", {"Ricardo Rossello"}),
        ("Robert Mugabe arrived in Harare. His vice president stayed behind.", "2017-04-01",
         "vice president", set()),  # whose vice president is for the pronoun pass to say
        ("Carlos Ortega met reporters. Ortega's chief of staff said the island needed help.",
         "2017-09-20", "chief of staff", set()),  # an aide of a person, not a state office
        ("Barack Obama spoke on Monday. Obama's vice president was in Kiev.", "2014-04-01",
         "vice president", {"Joe Biden"}),
    ],
)  # fmt: skip
def test_state_and_owner_of_a_role_in_text(
    run: Any, text: str, published: str, fragment: str, expected: set[str]
) -> None:
    document = run(text, published)
    start = document.text.index(fragment)
    end = start + len(fragment)
    actors = {a.id: a for a in document.actors}
    people = {
        actors[m.actor_id].name
        for m in document.mentions
        if m.start < end and start < m.end and actors[m.actor_id].type == "person"
    }
    assert people == expected
