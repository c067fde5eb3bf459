"""Mention linking inside one article (issue 12): the name decides, the title is evidence.

Sentences written for these tests. Each group is one mechanism of
``communique.actors.mention`` and ``communique.actors.resolve``: given-name conflicts
with knowledge-base namesakes, family names and given names linked to the article's
own people before the knowledge base, one-word aliases that are also common words or
places, titles and qualifiers before a name, one actor per person per article, places
that are never actors, and "the country" standing for the article's state.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from tests.actors.conftest import resolved, same_name

from communique.actors.names import ascii_fold
from communique.model import Document

Run = Callable[..., Document]


def _names(document: Document, fragment: str, occurrence: int = 0) -> set[str]:
    return {name.lower() for name in resolved(document, fragment, occurrence)}


# ---------------------------------------------------------------------------
# a full name whose given name differs never links through the family name

# (text, full name written, the knowledge-base namesake it must not become)
GIVEN_NAME_CONFLICTS = [
    ("The economist Luis Rubio said the peso would recover by spring.", "Luis Rubio",
     "Marco Rubio"),
    ("Brian Fallon, a campaign spokesman, said the emails were private.", "Brian Fallon",
     "Michael Fallon"),
    ("Grace Mugabe was expelled from the ruling party on Wednesday.", "Grace Mugabe",
     "Robert Mugabe"),
    ("Albert Muchanga announced that the trade area would open in July.", "Albert Muchanga",
     "Albert"),
    ("The analyst Jonathan Marcus said the strike was a warning.", "Jonathan Marcus",
     "Goodluck Jonathan"),
    ("Martin Smith, a lawyer for the family, said the inquiry was flawed.", "Martin Smith",
     "Micheal Martin"),
    ("Andrew Johnson was impeached by the House in 1868.", "Andrew Johnson", "Johnson"),
    ("The trade scholar Chad Bown said tariffs would hurt farmers.", "Chad Bown", "Chad"),
    ("Wanda Vázquez Garced took the oath of office on Wednesday evening.",
     "Wanda Vázquez Garced", "Tabare Vazquez"),
    ("Hunter Biden testified before the committee on Tuesday.", "Hunter Biden", "Joe Biden"),
    ("Rosa Macron, a schoolteacher in Lyon, said the reform was unfair.", "Rosa Macron",
     "Emmanuel Macron"),
    ("Peter Merkel, a farmer near Kassel, said the drought ruined his crop.", "Peter Merkel",
     "Angela Merkel"),
    ("Samuel Ruto, a teacher in Eldoret, said the school had no books.", "Samuel Ruto",
     "William Ruto"),
    ("Daniel Modi, a shopkeeper in Nairobi, said prices had doubled.", "Daniel Modi",
     "Narendra Modi"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "full", "namesake"), GIVEN_NAME_CONFLICTS)
def test_given_name_conflict_is_not_the_namesake(
    run: Run, text: str, full: str, namesake: str
) -> None:
    names = resolved(run(text, "2020-03-02"), full)
    assert not any(same_name(n, namesake) for n in names), names
    assert any(same_name(n, full) for n in names), names


# (text, fragment, occurrence, the person the fragment must be)
ARTICLE_CHAINS = [
    ("Luis Rubio, an economist in Mexico City, spoke on Monday. Rubio said the peso would "
     "recover.", "Rubio", 1, "Luis Rubio"),
    ("Brian Fallon said the campaign would respond. Fallon added that the emails were "
     "private.", "Fallon", 1, "Brian Fallon"),
    ("Bernadette Okafor, a nurse in Enugu, joined the strike. Okafor said wages were unpaid.",
     "Okafor", 1, "Bernadette Okafor"),
    ("Wanda Vázquez Garced was sworn in on Wednesday. Vázquez said she would serve until "
     "the election.", "Vázquez", 1, "Wanda Vázquez Garced"),
    ("Colin L. Powell spoke at the ceremony in Virginia. Powell praised the graduating "
     "officers.", "Powell", 1, "Colin Powell"),
    ("Nabil Hasan al-Quaety was shot in Aden on Tuesday. Al-Quaety had commanded the unit "
     "since 2015.", "Al-Quaety", 0, "Nabil Hasan al-Quaety"),
    ("Tomasz Wierzbicki, the city treasurer, resigned on Friday. Wierzbicki denied any "
     "wrongdoing.", "Wierzbicki", 1, "Tomasz Wierzbicki"),
    ("The mayor, Ricardo Llorente Ibarra, signed the order. Llorente said the curfew would "
     "end soon.", "Llorente", 1, "Ricardo Llorente Ibarra"),
    ("Amina Yusuf Abdi, a midwife in Garissa, described the flood. Amina said the clinic "
     "had been cut off for a week.", "Amina", 1, "Amina Yusuf Abdi"),
    ("Grace Mugabe left the hall early on Sunday. Grace Mugabe said later that she had been "
     "insulted.", "Grace Mugabe", 1, "Grace Mugabe"),
    ("Farida Haidari, a lawyer in Herat, filed the appeal. Haidari told reporters the court "
     "had ignored the evidence.", "Haidari", 1, "Farida Haidari"),
    ("Ignacio Ferreyra Paz, the union leader, called the strike. Ferreyra told members to "
     "stay at home.", "Ferreyra", 1, "Ignacio Ferreyra Paz"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "fragment", "occurrence", "expected"), ARTICLE_CHAINS)
def test_short_forms_follow_the_article_chain(
    run: Run, text: str, fragment: str, occurrence: int, expected: str
) -> None:
    names = resolved(run(text, "2021-05-04"), fragment, occurrence)
    assert any(same_name(n, expected) for n in names), names


# ---------------------------------------------------------------------------
# one-word aliases that are common words, languages or places

# (text, fragment, the knowledge-base actor the fragment must not be)
COMMON_WORDS = [
    ("The English teacher said the school would reopen.", "English", "Bill English"),
    ("Farmers said Brown rice prices had risen since March.", "Brown", "Charles Q. Brown Jr."),
    ("Boats carried grain down the Nile to the delta towns.", "Nile", "Egypt"),
    ("The economist said Chad Bown had warned about the tariffs.", "Chad", "Chad"),
    ("The Jordan Valley settlers protested the water cuts.", "Jordan", "Jordan"),
    ("Students studied English and French at the new college.", "English", "Bill English"),
    ("Brown bears were seen near the village in May.", "Brown", "Charles Q. Brown Jr."),
    ("He said Powell Street would be closed for the parade.", "Powell", "Jerome Powell"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "fragment", "not_this"), COMMON_WORDS)
def test_common_word_alias_needs_a_name_reading(
    run: Run, text: str, fragment: str, not_this: str
) -> None:
    names = resolved(run(text, "2022-01-10"), fragment)
    assert not any(same_name(n, not_this) for n in names), names


# (text, fragment, the person the one-word alias is, with name context)
NAME_READINGS = [
    ("Macron said France would send more aid to Ukraine.", "Macron", "Emmanuel Macron"),
    ("Erdogan said Turkey would not approve the request.", "Erdogan", "Recep Tayyip Erdogan"),
    ("Scholz told parliament that the budget was balanced.", "Scholz", "Olaf Scholz"),
    ("Ramaphosa said the power cuts would end by winter.", "Ramaphosa", "Cyril Ramaphosa"),
    ("Milei promised to cut spending in his first speech.", "Milei", "Javier Milei"),
    ("Xi Jinping met the delegation. Xi said trade would grow.", "Xi", "Xi Jinping"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "fragment", "expected"), NAME_READINGS)
def test_one_word_alias_with_name_reading_links(
    run: Run, text: str, fragment: str, expected: str
) -> None:
    occurrence = 1 if text.count(fragment) > 1 else 0
    names = resolved(run(text, "2024-02-01"), fragment, occurrence)
    assert any(same_name(n, expected) for n in names), names


# ---------------------------------------------------------------------------
# titles, qualifiers and organisation modifiers before a name

# (text, published, title fragment, the named person it must be)
TITLE_AND_NAME = [
    ("Former Attorney General Michael Mukasey criticised the pardon on Tuesday.",
     "2016-10-04", "Former Attorney General", "Michael Mukasey"),
    ("Committee Chairman Rep. Jason Chaffetz opened the hearing.", "2016-07-07",
     "Committee Chairman", "Jason Chaffetz"),
    ("Mayor Tomasz Wierzbicki opened the new bridge on Saturday.", "2019-05-11", "Mayor",
     "Tomasz Wierzbicki"),
    ("Health Minister Łukasz Szumowski said the hospital was ready.", "2019-01-14",
     "Health Minister", "Łukasz Szumowski"),
    ("Chinese President Jiang Zemin met the delegation in Beijing.", "2019-06-01",
     "Chinese President", "Jiang Zemin"),
    ("Then-Secretary of State Colin Powell addressed the council.", "2019-06-01",
     "Secretary of State", "Colin Powell"),
    ("Chief Superintendent Graciano Mijares said the raid was over.", "2018-03-03",
     "Chief Superintendent", "Graciano Mijares"),
    ("Acting Governor Halima Bello declared a curfew in the city.", "2021-08-08",
     "Acting Governor", "Halima Bello"),
    ("The head of the UN refugee agency, John Smith, said the camps were full.",
     "2021-08-08", "The head of the UN", "John Smith"),
    ("Foreign Minister Amara Diallo met the envoy in Conakry.", "2021-02-02",
     "Foreign Minister", "Amara Diallo"),
    ("Defence Secretary Priya Raman visited the base on Monday.", "2022-09-12",
     "Defence Secretary", "Priya Raman"),
    ("Former President Joao Mendes said he would run again.", "2022-09-12",
     "Former President", "Joao Mendes"),
    ("Interior Minister Selin Aydin ordered the arrests.", "2021-04-20", "Interior Minister",
     "Selin Aydin"),
    ("Police Inspector Ruben Okello said three people were detained.", "2021-04-20",
     "Police Inspector", "Ruben Okello"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "published", "title", "expected"), TITLE_AND_NAME)
def test_title_before_a_name_is_that_person(
    run: Run, text: str, published: str, title: str, expected: str
) -> None:
    document = run(text, published)
    names = resolved(document, title)
    people = {a.name for a in document.actors if a.type == "person"}
    assert any(same_name(n, expected) for n in names), names
    assert not any(n in people and not same_name(n, expected) for n in names), names


# (text, the name as written, the name the actor carries: titles never in it)
TITLES_STRIPPED = [
    ("Superintendent Ana Robles led the search.", "Ana Robles", "Ana Robles"),
    ("Mayor Adamek said the roads were safe.", "Adamek", "Adamek"),
    ("Undersecretary Lidia Moretti signed the decree.", "Lidia Moretti", "Lidia Moretti"),
    ("Inspector Kofi Mensah said the suspects fled north.", "Kofi Mensah", "Kofi Mensah"),
    ("Governor Pedro Alves declared an emergency.", "Pedro Alves", "Pedro Alves"),
    ("Commissioner Ruth Achieng said the vote was fair.", "Ruth Achieng", "Ruth Achieng"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "fragment", "expected"), TITLES_STRIPPED)
def test_local_actor_name_has_no_title(run: Run, text: str, fragment: str, expected: str) -> None:
    document = run(text, "2021-01-01")
    names = resolved(document, fragment)
    assert names == {expected}, names


# ---------------------------------------------------------------------------
# one actor per person per article

# (text, the variants that must share one actor)
ONE_PERSON = [
    ("Paweł Kowalczyk was attacked on stage. Kowalczyk died in hospital. Paweł had led the "
     "city for two decades.", ["Paweł Kowalczyk", "Kowalczyk", "Paweł"]),
    ("Denise Bucumi Ndayi spoke at the funeral. Denise thanked the mourners.",
     ["Denise Bucumi Ndayi", "Denise"]),
    ("Wanjiru Kamau led the march. Kamau said the march would go on. Ms. Kamau later met "
     "the governor.", ["Wanjiru Kamau", "Kamau"]),
    ("Ricardo Llorente Ibarra signed the order. Llorente said the curfew would end.",
     ["Ricardo Llorente Ibarra", "Llorente"]),
    ("Halima Bello, the acting governor, spoke first. Bello said the roads were cleared.",
     ["Halima Bello", "Bello"]),
    ("Tomasz Wierzbicki resigned on Friday. Mr. Wierzbicki said he was innocent.",
     ["Tomasz Wierzbicki", "Wierzbicki"]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "variants"), ONE_PERSON)
def test_name_variants_are_one_actor(run: Run, text: str, variants: list[str]) -> None:
    document = run(text, "2019-01-14")
    ids: set[str] = set()
    for variant in variants:
        start = document.text.rindex(variant) if variant != variants[0] else 0
        start = document.text.index(variant, start)
        end = start + len(variant)
        ids |= {m.actor_id for m in document.mentions if m.start < end and start < m.end}
    people = {i for i in ids if (a := _actor(document, i)) and a.type == "person"}
    assert len(people) == 1, ids


def _actor(document: Document, actor_id: str) -> object:
    return next((a for a in document.actors if a.id == actor_id), None)


def test_local_person_carries_its_plain_letter_spelling(run: Run) -> None:
    document = run("Paweł Kowalczyk opened the session on Monday.", "2019-01-14")
    actor = next(a for a in document.actors if a.name == "Paweł Kowalczyk")
    assert "Pawel Kowalczyk" in actor.aliases


# ---------------------------------------------------------------------------
# places are never actors

PLACES = [
    ("The president spoke from the Oval Office on Tuesday night.", "Oval Office"),
    ("Lawmakers on Capitol Hill rejected the plan.", "Capitol Hill"),
    ("Protesters gathered in Trafalgar Square on Sunday.", "Trafalgar Square"),
    ("The motorcade drove along Pennsylvania Avenue to the hotel.", "Pennsylvania Avenue"),
    ("Fighting spread to the Gaza Strip overnight.", "Gaza Strip"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "place"), PLACES)
def test_places_are_not_person_or_organisation_actors(run: Run, text: str, place: str) -> None:
    document = run(text, "2020-02-02")
    start = document.text.index(place)
    end = start + len(place)
    kinds = {
        a.type
        for m in document.mentions
        if m.start < end and start < m.end
        for a in document.actors
        if a.id == m.actor_id and a.origin == "local"
    }
    assert not kinds & {"person", "organisation"}, kinds


# ---------------------------------------------------------------------------
# "the country", "the nation": the article's state

STATE_NOUNS = [
    ("Mozambique held elections on Wednesday. Observers said the country was calm.",
     "the country", "Mozambique"),
    ("Kenya's parliament passed the budget. The nation faces a large deficit.", "The nation",
     "Kenya"),
    ("Burundi buried its president on Friday. Leaders across the African nation mourned.",
     "the African nation", "Burundi"),
    ("Saudi Arabia raised oil output. Officials said the kingdom would meet demand.",
     "the kingdom", "Saudi Arabia"),
    ("Chile approved the reform. Analysts said this country had waited for decades.",
     "this country", "Chile"),
    ("Japan sent a protest note. Tokyo said the nation would defend its waters.",
     "the nation", "Japan"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "fragment", "expected"), STATE_NOUNS)
def test_state_nouns_refer_to_the_articles_state(
    run: Run, text: str, fragment: str, expected: str
) -> None:
    names = resolved(run(text, "2020-06-12"), fragment)
    assert any(same_name(n, expected) for n in names), names


def test_a_country_of_elsewhere_is_not_an_anaphor(run: Run) -> None:
    document = run("Peru held elections. A country of farmers voted for change.", "2021-06-07")
    assert not resolved(document, "A country")


# ---------------------------------------------------------------------------
# plain-letter spellings


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("Łukasz", "Lukasz"),
        ("Głódź", "Glodz"),
        ("Søren Ødegaard", "Soren Odegaard"),
        ("Đorđe", "Dorde"),
        ("Erdoğan", "Erdogan"),
        ("Æsa Œlund", "Aesa Oelund"),
    ],
)
def test_ascii_fold_spells_letters_nfkd_keeps(text: str, plain: str) -> None:
    assert ascii_fold(text) == plain


# ---------------------------------------------------------------------------
# organisations of a state, abbreviations, names cut at their edges

# (text, fragment, occurrence, a name the organisation must answer to)
STATE_ORGANISATIONS = [
    ("The UK Supreme Court ruled on Tuesday. The Supreme Court said the order was void.",
     "UK Supreme Court", 0, "Supreme Court of the United Kingdom"),
    ("The UK Supreme Court ruled on Tuesday. The Supreme Court said the order was void.",
     "Supreme Court", 1, "Supreme Court of the United Kingdom"),
    ("Taiwan's Constitutional Court ruled on Friday. The court gave lawmakers two years.",
     "Constitutional Court", 0, "Constitutional Court (Taiwan)"),
    ("Taiwan's Constitutional Court ruled on Friday. The court gave lawmakers two years.",
     "The court", 0, "Constitutional Court (Taiwan)"),
    ("The Italian Supreme Court of Cassation ruled on July 6 that the schools must pay.",
     "Italian Supreme Court of Cassation", 0, "Supreme Court of Cassation (Italy)"),
    ("The Italian Supreme Court of Cassation ruled in July. The Supreme Court said the tax "
     "was due.", "Supreme Court", 1, "Supreme Court of Cassation (Italy)"),
    ("The Kenyan Electoral Commission published the results on Monday.",
     "Kenyan Electoral Commission", 0, "Electoral Commission (Kenya)"),
    ("According to the Saudi Press Agency, the drones were shot down.", "Saudi Press Agency",
     0, "Saudi Press Agency"),
    ("The African Continental Free Trade Area (AfCFTA) opened in July. AfCFTA members met "
     "in Accra.", "AfCFTA", 1, "African Continental Free Trade Area"),
    ("The bill was rejected by the House of Lords on Monday.", "House of Lords", 0,
     "House of Lords"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "fragment", "occurrence", "expected"), STATE_ORGANISATIONS)
def test_state_organisations_answer_to_qualified_names(
    run: Run, text: str, fragment: str, occurrence: int, expected: str
) -> None:
    document = run(text, "2019-09-24")
    start = -1
    for _ in range(occurrence + 1):
        start = document.text.index(fragment, start + 1)
    end = start + len(fragment)
    forms = {
        form
        for m in document.mentions
        if m.start < end and start < m.end
        for a in document.actors
        if a.id == m.actor_id
        for form in (a.name, *a.aliases)
    }
    assert any(same_name(f, expected) for f in forms), forms


def test_same_court_of_two_states_are_two_actors(run: Run) -> None:
    document = run(
        "The UK Supreme Court ruled on Tuesday. Taiwan's Supreme Court ruled a day later.",
        "2019-09-24",
    )
    courts = {a.id for a in document.actors if a.type == "organisation" and a.country}
    assert len(courts) == 2, courts


def test_organisation_name_stops_before_a_date(run: Run) -> None:
    document = run("The Italian Supreme Court of Cassation on July 6 ruled for the city.")
    assert not any("July" in a.name for a in document.actors)


# ---------------------------------------------------------------------------
# relations and vague organisation heads

# (text, fragment, the person the relation names, the possessor it must not be)
RELATIONS = [
    ("The sultan died on Friday. His successor, Tariq Al Busaidi, led the prayers.",
     "His successor", "Tariq Al Busaidi", None),
    ("Amos Kiprono was buried on Monday. Kiprono's widow, Ruth Chebet, thanked the crowd.",
     "Kiprono's widow", "Ruth Chebet", "Amos Kiprono"),
    ("Pedro Alves met the press. His spokesman, Marta Lobo, said the trip was cancelled.",
     "His spokesman", "Marta Lobo", "Pedro Alves"),
    ("Halima Bello lost the vote. Her lawyer, Ahmed Yusuf, said she would appeal.",
     "Her lawyer", "Ahmed Yusuf", "Halima Bello"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "fragment", "expected", "possessor"), RELATIONS)
def test_relation_before_a_name_is_that_person(
    run: Run, text: str, fragment: str, expected: str, possessor: str | None
) -> None:
    document = run(text, "2020-01-11")
    start = document.text.index(fragment)
    end = start + len(fragment)
    whole = {
        a.name
        for m in document.mentions
        if m.start == start and m.end >= end
        for a in document.actors
        if a.id == m.actor_id
    }
    assert any(same_name(n, expected) for n in whole), whole
    assert possessor is None or not any(same_name(n, possessor) for n in whole), whole


@pytest.mark.parametrize(
    ("text", "fragment", "expected"),
    [
        ("The Lakeside Farmers Association met on Monday. The organisation said prices fell.",
         "The organisation", "Lakeside Farmers Association"),
        ("The Coastal Fishers Union filed a complaint. The group said the port was closed.",
         "The group", "Coastal Fishers Union"),
    ],
)  # fmt: skip
def test_vague_organisation_head_is_the_last_organisation(
    run: Run, text: str, fragment: str, expected: str
) -> None:
    names = resolved(run(text, "2020-01-11"), fragment)
    assert any(same_name(n, expected) for n in names), names


@pytest.mark.parametrize(
    ("text", "fragment", "expected"),
    [
        ("North Korea fired shells at a loudspeaker in South Korea. The South fired back.",
         "The South", "South Korea"),
        ("North Korea fired shells at a loudspeaker in South Korea. The South fired back "
         "into the North.", "the North", "North Korea"),
        ("Sudan and South Sudan signed a deal. The South will export oil through the north.",
         "The South", "South Sudan"),
    ],
)  # fmt: skip
def test_compass_word_is_the_state_named_with_it(
    run: Run, text: str, fragment: str, expected: str
) -> None:
    names = resolved(run(text, "2015-08-21"), fragment)
    assert any(same_name(n, expected) for n in names), names


def test_compass_word_without_such_a_state_is_nothing(run: Run) -> None:
    document = run("Kenya sent troops. Rain fell in the north on Monday.", "2015-08-21")
    assert not resolved(document, "the north")


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("The bill passed the Parliament of New South Wales on Monday.",
         "Parliament of New South Wales"),
        ("The Office of the Special Envoy for Yemen said the talks would resume.",
         "Office of the Special Envoy for Yemen"),
        ("The Paris Police Prefecture closed the square.", "Paris Police Prefecture"),
    ],
)  # fmt: skip
def test_organisation_of_a_place_is_one_organisation(run: Run, text: str, fragment: str) -> None:
    names = resolved(run(text, "2019-09-24"), fragment)
    assert any(same_name(n, fragment) for n in names), names


@pytest.mark.parametrize(
    ("text", "fragment", "expected"),
    [
        ("Sultan Qaboos bin Said of Oman died. He modernised his poorly-developed country.",
         "his poorly-developed country", "Oman"),
        ("Italy passed the law. The schools must pay the tax to the State, the court said.",
         "the State", "Italy"),
    ],
)  # fmt: skip
def test_state_descriptions_with_modifiers(
    run: Run, text: str, fragment: str, expected: str
) -> None:
    names = resolved(run(text, "2020-01-11"), fragment)
    assert any(same_name(n, expected) for n in names), names


def test_lower_case_state_is_no_actor(run: Run) -> None:
    document = run("Italy passed the law. The state of emergency ended.", "2020-01-11")
    assert not resolved(document, "The state")


@pytest.mark.parametrize(
    ("text", "fragment", "expected"),
    [
        ("Amina Tulu, the Prime Minister of Malawi, resigned. She became prime minister of the "
         "African nation in 2017.", "the African nation", "Malawi"),
        ("Malawi counted its ballots. Protests across the country in which dozens were hurt "
         "came next.", "the country", "Malawi"),
    ],
)  # fmt: skip
def test_state_noun_inside_a_role_or_before_a_relative_clause(
    run: Run, text: str, fragment: str, expected: str
) -> None:
    names = resolved(run(text, "2020-06-10"), fragment)
    assert any(same_name(n, expected) for n in names), names
