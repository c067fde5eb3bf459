"""Parties, news outlets, armed groups, agencies, companies and former states from the
curated organisation files (scripts/kb_sources/organisations-*.yaml), embassies, and the
anaphors that find them ("the party", "the airline", "the embassy"). Sentences are our own."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from tests.actors.conftest import resolved, same_name

from communique.model import Document

Run = Callable[..., Document]

# (text, fragment, the name the fragment must resolve to)
NAMED = [
    # political parties, by name, acronym and the short forms text uses
    ("Senators from the Democratic Party blocked the bill on Monday.", "Democratic Party",
     "Democratic Party (United States)"),
    ("Republicans in the House voted against the measure.", "Republicans",
     "Republican Party (United States)"),
    ("The GOP chose its nominee in Milwaukee.", "GOP", "Republican Party (United States)"),
    ("The Kuomintang won the most seats in the Taipei council.", "Kuomintang", "Kuomintang"),
    ("The KMT chairman flew to Shanghai for talks.", "KMT", "Kuomintang"),
    ("The African National Congress lost its majority for the first time.",
     "African National Congress", "African National Congress"),
    ("The ANC said it would talk to all parties.", "ANC", "African National Congress"),
    ("Likud lawmakers walked out of the session.", "Likud", "Likud"),
    ("The BJP swept the state elections in the north.", "BJP", "Bharatiya Janata Party"),
    ("The Five Star Movement left the coalition in July.", "Five Star Movement",
     "Five Star Movement"),
    ("Leaders of the M5S met the president on Friday.", "M5S", "Five Star Movement"),
    ("The ruling Frelimo party kept its majority in parliament.", "Frelimo", "FRELIMO"),
    ("ZANU-PF officials rejected the result.", "ZANU-PF", "ZANU–PF"),
    ("The LDP picked a new leader in Tokyo on Saturday.", "LDP",
     "Liberal Democratic Party (Japan)"),
    ("The New Democratic Party asked for an inquiry in Ottawa.", "New Democratic Party",
     "New Democratic Party"),
    ("Fidesz extended its hold on the media regulator in Budapest.", "Fidesz", "Fidesz"),
    ("Law and Justice lost its majority in the Polish Sejm.", "Law and Justice",
     "Law and Justice"),
    ("The Scottish National Party called for a second referendum.",
     "Scottish National Party", "Scottish National Party"),
    ("The AKP nominated him for a third term in Ankara.", "AKP",
     "Justice and Development Party (Turkey)"),
    ("Ennahda supporters gathered outside the assembly in Tunis.", "Ennahda", "Ennahda"),
    ("The CNDD-FDD won every seat in the capital.", "CNDD-FDD",
     "National Council for the Defense of Democracy – Forces for the Defense of Democracy"),
    ("The PTI boycotted the vote in Islamabad.", "PTI", "Pakistan Tehreek-e-Insaf"),
    ("The Awami League formed the next government in Dhaka.", "Awami League",
     "Awami League"),
    ("Members of the Workers' Party of Korea gathered in Pyongyang.",
     "Workers' Party of Korea", "Workers' Party of Korea"),
    # news agencies and outlets
    ("Agence France-Presse reported the arrests on Sunday.", "Agence France-Presse",
     "Agence France-Presse"),
    ("The figures were confirmed to AFP by a police source.", "AFP", "Agence France-Presse"),
    ("The Washington Post first reported the meeting.", "Washington Post",
     "The Washington Post"),
    ("Rudaw said the convoy was stopped near Erbil.", "Rudaw", "Rudaw Media Network"),
    ("The CBC obtained the documents through a records request.", "CBC",
     "Canadian Broadcasting Corporation"),
    ("Al Jazeera aired the footage on Monday night.", "Al Jazeera", "Al Jazeera"),
    ("Tasnim said the drones were shot down over the border.", "Tasnim",
     "Tasnim News Agency"),
    ("TVN24 broadcast the speech live from Warsaw.", "TVN24", "TVN24"),
    ("Kyodo reported that the minister would resign.", "Kyodo", "Kyodo News"),
    # armed groups
    ("The Abu Sayyaf Group released two hostages on Jolo.", "Abu Sayyaf Group", "Abu Sayyaf"),
    ("The YPG withdrew from the town after the deal.", "YPG", "People's Defense Units"),
    ("Fighters of the People's Protection Units held the bridge.",
     "People's Protection Units", "People's Defense Units"),
    ("The FARC handed over its weapons to observers.", "FARC",
     "Revolutionary Armed Forces of Colombia"),
    ("The Lord's Resistance Army raided two villages.", "Lord's Resistance Army",
     "Lord's Resistance Army"),
    ("The Polisario Front rejected the autonomy plan.", "Polisario Front", "Polisario Front"),
    # agencies, companies, churches
    ("The National Directorate of Security arrested three men in Kabul.",
     "National Directorate of Security", "National Directorate of Security"),
    ("Environment Canada issued a heat warning for Ottawa.", "Environment Canada",
     "Environment and Climate Change Canada"),
    ("The FSB said it had detained a spy in Moscow.", "FSB", "Federal Security Service"),
    ("Daimler said it would stop deliveries to the region.", "Daimler",
     "Mercedes-Benz Group"),
    ("Saudi Aramco raised its prices for Asian buyers.", "Saudi Aramco", "Saudi Aramco"),
    ("Germany banned Mahan Air from its airports.", "Mahan Air", "Mahan Air"),
    ("The Italian Episcopal Conference asked the government to help the schools.",
     "Italian Episcopal Conference", "Italian Episcopal Conference"),
    ("Scientology denied the allegations in a statement.", "Scientology",
     "Church of Scientology"),
    # former states
    ("South Yemen merged with the north in 1990.", "South Yemen", "South Yemen"),
    ("Rhodesia declared independence from Britain in 1965.", "Rhodesia", "Rhodesia"),
    ("Yugoslavia broke apart in the early 1990s.", "Yugoslavia", "Yugoslavia"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "fragment", "expected"), NAMED)
def test_curated_organisations_resolve_by_name_and_short_form(
    run: Run, text: str, fragment: str, expected: str
) -> None:
    names = resolved(run(text, "2021-06-01"), fragment)
    assert any(same_name(n, expected) for n in names), names


# A KB name that is only the first words of a longer name NER reads stays that longer
# name; a KB name followed by a role or organ word stays the KB actor.
LONGER_NAMES = [
    ("Sky News Arabia producer Lina Haddad posted the video.", "Sky News Arabia",
     "Sky News Arabia"),
    ("Reporters of Tehran Times Online were briefed on Sunday.", "Tehran Times Online",
     "Tehran Times Online"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "fragment", "expected"), LONGER_NAMES)
def test_kb_name_inside_a_longer_organisation_name_is_not_the_kb_actor(
    run: Run, text: str, fragment: str, expected: str
) -> None:
    names = resolved(run(text, "2021-06-01"), fragment)
    assert any(same_name(n, expected) for n in names), names


def test_state_before_a_person_inside_an_ner_organisation_stays_the_state(run: Run) -> None:
    text = "President of Ukraine Volodymyr Zelenskyy asked for a full investigation."
    names = resolved(run(text, "2020-01-10"), "Ukraine")
    assert "Ukraine" in names or any("Zelensk" in n for n in names), names


EMBASSIES = [
    ("Protesters gathered outside the US Embassy in London on Friday.", "US Embassy in London",
     "Embassy of the United States, London"),
    ("A diplomat at the British embassy in Tehran was summoned.", "British embassy in Tehran",
     "Embassy of the United Kingdom, Tehran"),
    ("Officials of the embassy of Japan in Beijing met the families.",
     "embassy of Japan in Beijing", "Embassy of Japan, Beijing"),
    ("Staff at the Dutch embassy in Ankara were sent home.", "Dutch embassy in Ankara",
     "Embassy of the Netherlands, Ankara"),
    # a mission where the state keeps no embassy
    ("The Swiss interests section in Tehran put up a banner.", "interests section",
     "Embassy of Switzerland, Tehran"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "fragment", "expected"), EMBASSIES)
def test_an_embassy_in_a_city_is_its_own_actor(
    run: Run, text: str, fragment: str, expected: str
) -> None:
    document = run(text, "2019-06-03")
    names = resolved(document, fragment)
    assert any(same_name(n, expected) for n in names), names
    embassy = next(a for a in document.actors if same_name(a.name, expected))
    assert embassy.sector == "GOV" and embassy.country is not None


def test_the_embassy_later_is_the_embassy_named_before(run: Run) -> None:
    text = (
        "Hundreds marched to the US Embassy in London on Saturday. "
        "The embassy said it would stay open on Monday."
    )
    document = run(text, "2019-06-03")
    assert "Embassy of the United States, London" in resolved(document, "The embassy")


def test_an_embassy_without_a_city_stays_the_state(run: Run) -> None:
    document = run("The US embassy issued a travel warning.", "2019-06-03")
    assert not any(a.name.startswith("Embassy of") for a in document.actors)


def test_an_embassy_in_a_country_is_not_named_after_the_country(run: Run) -> None:
    document = run("The French embassy in Iran closed for two days.", "2019-06-03")
    assert not any(", Iran" in a.name for a in document.actors)


# "the party", "the airline", "the court": the latest actor of that kind, by sector when
# its name lacks the noun.
ANAPHORS = [
    ("The ruling Frelimo party won again. The party's candidate took 60% of the vote.",
     "The party", "FRELIMO"),
    ("Fidesz won two thirds of the seats. The party promised lower taxes.", "The party",
     "Fidesz"),
    ("The Luftfahrt-Bundesamt withdrew the permit of Mahan Air on Monday. "
     "This airline had flown to Duesseldorf since 2007.", "This airline", "Mahan Air"),
    ("Mahan Air lost its licence after the Federal Aviation Office of Germany acted. "
     "The airline said it would appeal.", "The airline", "Mahan Air"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "fragment", "expected"), ANAPHORS)
def test_kind_and_sector_anaphors(run: Run, text: str, fragment: str, expected: str) -> None:
    names = resolved(run(text, "2019-06-03"), fragment)
    assert any(same_name(n, expected) for n in names), names


def test_an_authority_is_never_the_airline(run: Run) -> None:
    text = "The Federal Aviation Office of Germany published new rules. The airline was not named."
    names = resolved(run(text, "2019-06-03"), "The airline")
    assert not any("Aviation" in n or "Luftfahrt" in n for n in names), names


# Acronym aliases that are also ordinary words or other bodies' acronyms stay out.
def test_common_words_are_not_parties(run: Run) -> None:
    document = run("The labour market grew. Let the jubilee begin in the new year.", "2020-01-01")
    assert not any(a.sector == "PTY" for a in document.actors), [a.name for a in document.actors]


# A town's government named after the town, and "the city" after it.
def test_the_municipality_of_a_town_is_an_actor_named_as_the_town(run: Run) -> None:
    text = "The Municipality of Florence refused the permit. The city said it would appeal."
    document = run(text, "2014-05-02")
    assert "Florence" in resolved(document, "Municipality of Florence")
    assert "Florence" in resolved(document, "The city")
    florence = next(a for a in document.actors if a.name == "Florence")
    assert florence.type == "organisation" and florence.sector == "GOV"


def test_a_municipality_of_a_village_the_gazetteer_lacks_is_an_actor(run: Run) -> None:
    # "Municipality" names only a local government; the village is too small to be known
    text = "The Municipality of Castelbruno approved the budget. The municipality said so."
    document = run(text, "2014-05-02")
    assert resolved(document, "Municipality of Castelbruno") == {"Castelbruno"}
    assert resolved(document, "The municipality") == {"Castelbruno"}


def test_a_provincial_council_is_named_after_its_province(run: Run) -> None:
    text = (
        "A bomb hit a base in Afghanistan's Maidan Wardak province. Members of the Maidan "
        "Wardak provincial council said 40 soldiers died."
    )
    document = run(text, "2019-01-22")
    assert resolved(document, "provincial council") == {"Maidan Wardak Provincial Council"}
    council = next(a for a in document.actors if a.name == "Maidan Wardak Provincial Council")
    assert council.country == "AFG" and council.sector == "GOV"


def test_a_state_by_name_before_a_council_makes_no_body(run: Run) -> None:
    document = run("The Kenya county government said nothing on Monday.", "2019-01-22")
    assert not any(a.name.endswith("County Government") for a in document.actors)


def test_a_town_named_as_a_place_is_no_actor(run: Run) -> None:
    document = run("The delegates met in Florence on Monday. The city was quiet.", "2014-05-02")
    assert not any(a.name == "Florence" for a in document.actors)


def test_the_city_without_a_local_government_named_is_left_alone(run: Run) -> None:
    document = run("The minister visited Genoa. The city council met later.", "2014-05-02")
    assert not any(a.name == "Genoa" and a.type == "organisation" for a in document.actors)


def test_the_court_is_the_articles_main_court(run: Run) -> None:
    text = (
        "The Supreme Court of Veloria heard the appeal on Monday. The Supreme Court of "
        "Veloria had agreed to sit early. A lower Appeals Court had ruled in May. "
        "The court will rule next week."
    )
    names = resolved(run(text, "2019-09-24"), "The court")
    assert any("Supreme Court" in n for n in names), names


# Long capitalised names with a media or church word are organisations the KB lacks.
ORG_WORD_NAMES = [
    ("The director of Kestrel Valley Media, Ana Rios, denied the report.",
     "Kestrel Valley Media"),
    ("A spokesman for the Grand Harbour Broadcasting said the tape was real.",
     "Grand Harbour Broadcasting"),
    ("Volunteers of the Blue River Charity handed out food.", "Blue River Charity"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "name"), ORG_WORD_NAMES)
def test_long_media_and_charity_names_are_local_organisations(
    run: Run, text: str, name: str
) -> None:
    document = run(text, "2020-01-01")
    assert any(same_name(a.name, name) and a.type == "organisation" for a in document.actors), [
        a.name for a in document.actors
    ]


# One slip from a KB organisation name: "for" written for "of", two letters swapped.
SLIPS = [
    ("The National Directorate for Security detained four men.",
     "National Directorate for Security", "National Directorate of Security"),
    ("A spokesman for the Untied Nations said aid would resume.", "Untied Nations",
     "United Nations"),
    ("The Internatoinal Monetary Fund approved the loan.", "Internatoinal Monetary Fund",
     "International Monetary Fund"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "fragment", "expected"), SLIPS)
def test_organisation_names_one_slip_from_the_kb(
    run: Run, text: str, fragment: str, expected: str
) -> None:
    names = resolved(run(text, "2018-03-01"), fragment)
    assert any(same_name(n, expected) for n in names), names


# "the territory", "the mainland" in reports about Hong Kong, Macau or Taiwan.
STATE_NOUNS = [
    ("Beijing criticised the Hong Kong government. Protesters in the territory marched "
     "again.", "the territory", "Hong Kong"),
    ("Hong Kong officials met in Shenzhen. Critics fear laws from the mainland.",
     "the mainland", "China"),
    ("Taiwan held drills on Tuesday. The mainland called them a provocation.",
     "The mainland", "China"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "fragment", "expected"), STATE_NOUNS)
def test_territory_and_mainland(run: Run, text: str, fragment: str, expected: str) -> None:
    assert expected in resolved(run(text, "2019-08-01"), fragment)


def test_the_mainland_without_hong_kong_or_taiwan_is_no_state(run: Run) -> None:
    text = "Greece sent ferries to the islands. Tourists returned to the mainland."
    assert not resolved(run(text, "2019-08-01"), "the mainland")


def test_the_department_is_the_latest_government_agency(run: Run) -> None:
    text = (
        "Environment Canada issued a warning for Ottawa. "
        "A spokeswoman said the department would update it hourly."
    )
    names = resolved(run(text, "2019-08-01"), "the department")
    assert "Environment and Climate Change Canada" in names


def test_a_shared_outlet_name_follows_the_articles_country(run: Run) -> None:
    text = "Australia's prime minister spoke in Canberra. ABC News said the vote was close."
    names = resolved(run(text, "2019-08-01"), "ABC News")
    assert "Australian Broadcasting Corporation" in names, names


# A seat of government after "anti-"/"pro-" stands for the government it seats.
SEATS_WITH_PREFIX = [
    ("The station broadcasts anti-Pyongyang messages across the border.", "Pyongyang",
     "North Korea"),
    ("Pro-Moscow fighters held the airport.", "Moscow", "Russia"),
    ("Thousands joined an anti-Tehran rally in Erbil.", "Tehran", "Iran"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "fragment", "expected"), SEATS_WITH_PREFIX)
def test_anti_and_pro_seats_are_the_state(
    run: Run, text: str, fragment: str, expected: str
) -> None:
    assert expected in resolved(run(text, "2020-05-01"), fragment)


def test_a_seat_as_a_place_stays_a_place(run: Run) -> None:
    document = run("The delegation flew to Moscow on Monday.", "2020-05-01")
    assert not resolved(document, "Moscow")
