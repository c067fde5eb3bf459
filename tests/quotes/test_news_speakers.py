"""Quote speakers and quote spans as real news writes them (issue 12), with real spaCy.

Every sentence here is written for these tests. Mentions are given the way the
actors stage would write them (see ``conftest.quotes``), so a failure here is a
failure of the quotes stage: which mention speaks, what an unnamed speaker is
called, which quoted words are quotes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from tests.quotes.conftest import make_mentions

from communique.model import Document, Quote
from communique.nlp import sentences
from communique.quotes import extract_quotes

Run = Callable[..., list[Quote]]

PEOPLE = {
    "Maria Lopez": "local:maria-lopez",
    "Lopez": "local:maria-lopez",
    "John Okafor": "local:john-okafor",
    "Okafor": "local:john-okafor",
    "Sarah Brennan": "local:sarah-brennan",
    "Brennan": "local:sarah-brennan",
    "Peter Haas": "local:peter-haas",
    "Haas": "local:peter-haas",
    "Jane Doe": "local:jane-doe",
    "Tomas Rivera": "local:tomas-rivera",
    "Elena Petrova": "local:elena-petrova",
    "Petrova": "local:elena-petrova",
    "the Finance Ministry": "local:finance-ministry",
    "the ministry": "local:finance-ministry",
    "Green Alliance": "local:green-alliance",
    "Veldoria": "veldoria",
    "police": "agent:VLD:COP",
}


def speaker_of(found: list[Quote], text: str) -> str | None:
    matches = [q for q in found if q.text == text]
    assert matches, f"no quote {text!r} in {[q.text for q in found]}"
    return matches[0].speaker_id


# ---------------------------------------------------------------------------
# who speaks: (text, quoted text, expected speaker id)

SPEAKERS = [
    # post-quote attribution with a title and a party tag
    (
        "“We will not fund this bridge,” said Rep. Jane Doe (D-Md.), who chairs the panel.",
        "We will not fund this bridge,",
        "local:jane-doe",
    ),
    (
        "“The audit is overdue,” Rep. Jane Doe (D-Md.) said on Tuesday.",
        "The audit is overdue,",
        "local:jane-doe",
    ),
    # inverted attribution with an apposition after the name
    (
        "“Prices will fall by spring,” said Okafor, the bank's chief economist.",
        "Prices will fall by spring,",
        "local:john-okafor",
    ),
    # the apposition names the speaker, not the title before it
    (
        "The council's spokeswoman, Maria Lopez, said the vote would be held in May.",
        "the vote would be held in May",
        "local:maria-lopez",
    ),
    (
        "The finance minister's adviser, Peter Haas, said that the budget was balanced.",
        "the budget was balanced",
        "local:peter-haas",
    ),
    # a possessor is not the speaker
    (
        "Elena Petrova's lawyer said the charges would be dropped within a week.",
        "the charges would be dropped within a week",
        "local:elena-petrovas-lawyer",
    ),
    # relative "who" speaks for the noun it modifies
    (
        "The plan was drafted by Sarah Brennan, who said it would cut waiting lists.",
        "it would cut waiting lists",
        "local:sarah-brennan",
    ),
    # a bare surname after the full name
    (
        "Tomas Rivera arrived at noon. Rivera said the talks had stalled.",
        "the talks had stalled",
        "local:tomas-rivera",
    ),
    # a bare title after "title + name"
    (
        "Trade commissioner Peter Haas opened the forum. The commissioner said tariffs would stay.",
        "tariffs would stay",
        "local:peter-haas",
    ),
    # an organisation speaks
    (
        "On Friday the ministry said the new rules would apply from June.",
        "the new rules would apply from June",
        "local:finance-ministry",
    ),
    (
        "Green Alliance said in a statement that the permit was illegal.",
        "the permit was illegal",
        "local:green-alliance",
    ),
    # a state speaks
    (
        "Veldoria said on Monday that its border would stay closed.",
        "its border would stay closed",
        "veldoria",
    ),
    # the participle hangs on the reported clause: the speaker is the outer subject
    (
        "Brennan told reporters the bill would pass, saying the votes were there.",
        "the votes were there",
        "local:sarah-brennan",
    ),
    # a participle after a direct quote keeps the quote's speaker
    (
        "Sarah Brennan said the budget was fair, adding that no school would close.",
        "no school would close",
        "local:sarah-brennan",
    ),
]


@pytest.mark.parametrize(("text", "quoted", "speaker"), SPEAKERS)
def test_speaker_of_a_quote(quotes: Run, text: str, quoted: str, speaker: str) -> None:
    assert speaker_of(quotes(text, PEOPLE), quoted) == speaker


# ---------------------------------------------------------------------------
# described speakers: the text's own description becomes the speaker's name

DESCRIBED = [
    ("A witness told reporters that the gunman fled on foot.", "A witness"),
    ("Officials said the airport would reopen on Friday.", "Officials"),
    ("His aides say the senator will not run again.", "His aides"),
    ("Several residents said the water had risen overnight.", "Several residents"),
    (
        "A source within the defence ministry said the order was signed.",
        "A source within the defence ministry",
    ),
    ("A doctor at the clinic, who asked not to be named, said two patients had died.", "A doctor"),
    ("Local news reports said the mayor had resigned.", "Local news reports"),
    ("The head of the inquiry said the files were incomplete.", "The head of the inquiry"),
    ("Opposition lawmakers warned that the law would silence the press.", "Opposition lawmakers"),
    ("Union leaders said the strike would continue.", "Union leaders"),
]


@pytest.fixture(scope="module")
def document_of(nlp: Any, context: Any) -> Callable[..., Document]:
    """The document after the quotes stage, for the local actors it adds."""

    def run(text: str, mentions: dict[str, str]) -> Document:
        doc = nlp(text)
        document = Document(id="t", text=text, original=text)
        document.sentences = sentences(doc)
        document.mentions = make_mentions(text, mentions)
        extract_quotes(doc, document, context)
        return document

    return run


@pytest.mark.parametrize(("text", "description"), DESCRIBED)
def test_described_speaker_keeps_the_description(
    document_of: Callable[..., Document], text: str, description: str
) -> None:
    document = document_of(text, {})
    [quote] = [q for q in document.quotes if q.kind == "indirect"]
    actor = {a.id: a for a in document.actors}[str(quote.speaker_id)]
    assert actor.name == description
    assert actor.origin == "local"


def test_described_group_keeps_country_and_sector(document_of: Callable[..., Document]) -> None:
    document = document_of("Veldorian police said the crowd had thrown stones.", PEOPLE)
    [quote] = document.quotes
    assert quote.speaker_id == "local:veldorian-police--vld-cop"
    [actor] = [a for a in document.actors if a.id == quote.speaker_id]
    assert (actor.name, actor.country, actor.sector, actor.type) == (
        "Veldorian police",
        "VLD",
        "COP",
        "group",
    )


def test_unnamed_name_is_the_name_the_text_gives(quotes: Run) -> None:
    text = "Hamid Qasemi of the regional water board said the dam was safe."
    [quote] = quotes(text, {})
    assert quote.speaker_id == "local:hamid-qasemi"


# ---------------------------------------------------------------------------
# pronoun speakers: the nearest agreeing subject before them

PRONOUNS = [
    # gender from the given name: "she" skips the nearer man
    (
        "Maria Lopez met the envoy in the morning. John Okafor arrived later. "
        "She said the meeting had been useful.",
        "the meeting had been useful",
        "local:maria-lopez",
    ),
    (
        "Sarah Brennan spoke first. Peter Haas followed her. He said the plan was too costly.",
        "the plan was too costly",
        "local:peter-haas",
    ),
    # "he" never takes a thing or a state
    (
        "Tomas Rivera visited the port. The first ship left at dawn. He said more ships would follow.",
        "more ships would follow",
        "local:tomas-rivera",
    ),
    (
        "Peter Haas spoke in Nairobi. Kenya hosts the summit. He added that aid would rise.",
        "aid would rise",
        "local:peter-haas",
    ),
    # "they" takes a group
    (
        "Police closed the road on Sunday. They said the bridge was unsafe.",
        "the bridge was unsafe",
        "local:police--vld-cop",
    ),
    # "it" takes an organisation, not a person
    (
        "Green Alliance filed the complaint. Maria Lopez read it. It said the permit was void.",
        "the permit was void",
        "local:green-alliance",
    ),
    # a described person can be "she"
    (
        "The head of the inquiry spoke on Monday. She said the report was late.",
        "the report was late",
        "local:the-head-of-the-inquiry",
    ),
    # the subject of a reported clause is not who talks next
    (
        "Okafor said Veldoria must pay its debts. He said the deadline was final.",
        "the deadline was final",
        "local:john-okafor",
    ),
]


@pytest.mark.parametrize(("text", "quoted", "speaker"), PRONOUNS)
def test_pronoun_speaker(quotes: Run, text: str, quoted: str, speaker: str) -> None:
    mentions = {k: v for k, v in PEOPLE.items() if k != "police"}
    mentions["Police"] = "agent:VLD:COP"
    mentions["Kenya"] = "kenya"
    assert speaker_of(quotes(text, mentions), quoted) == speaker


# ---------------------------------------------------------------------------
# continuation paragraphs and split quotes

CONTINUED = [
    (
        "“We have waited long enough,” Elena Petrova said.\n\n"
        "“The families deserve answers, and they deserve them now.”",
        "The families deserve answers, and they deserve them now.",
        "local:elena-petrova",
    ),
    (
        "Maria Lopez said:\n\n“Nobody in this city will be left without heating this winter.”",
        "Nobody in this city will be left without heating this winter.",
        "local:maria-lopez",
    ),
    (
        "“The first phase is finished,” Haas said, “and the second starts in July.”",
        "and the second starts in July.",
        "local:peter-haas",
    ),
    (
        "“We are not leaving,” she said. “This is our land.”",
        "This is our land.",
        None,
    ),
]


@pytest.mark.parametrize(("text", "quoted", "speaker"), CONTINUED)
def test_continued_quotes_keep_their_speaker(
    quotes: Run, text: str, quoted: str, speaker: str | None
) -> None:
    found = quotes(text, PEOPLE)
    first = found[0].speaker_id
    assert speaker_of(found, quoted) == (speaker or first)


def test_a_quote_that_ends_its_sentence_takes_no_later_speaker(quotes: Run) -> None:
    text = (
        "Maria Lopez wrote on social media, “The vote is a victory for every tenant.” "
        "John Okafor said the result would be challenged."
    )
    found = quotes(text, PEOPLE)
    assert speaker_of(found, "The vote is a victory for every tenant.") == "local:maria-lopez"


# ---------------------------------------------------------------------------
# what is a quote: fragments inside reported speech, statements with quoted parts,
# requests, new reporting verbs

QUOTED = [
    # a quoted fragment inside reported speech: both the statement and the fragment
    (
        "Okafor said the ruling was “a dark day for the press” and vowed to appeal.",
        [("direct", "a dark day for the press")],
    ),
    (
        "Brennan described the deal as “deeply flawed” at a rally.",
        [("direct", "deeply flawed")],
    ),
    (
        "Lopez called the proposal “reckless”.",
        [("direct", "reckless")],
    ),
    (
        "Haas said he remained “cautiously hopeful” that a deal would be reached.",
        [("direct", "cautiously hopeful")],
    ),
    # a statement that runs into a quotation keeps its own words
    (
        "Petrova said it was likely “that the shipments were diverted to the north,” and asked for an inquiry.",
        [("direct", "that the shipments were diverted to the north,")],
    ),
    # infinitival requests
    (
        "Maria Lopez urged the government to release the detained journalists.",
        [("indirect", "the government to release the detained journalists")],
    ),
    (
        "The union called on members to join the strike on Monday.",
        [("indirect", "members to join the strike on Monday")],
    ),
    (
        "Green Alliance encouraged voters to read the plan before the referendum.",
        [("indirect", "voters to read the plan before the referendum")],
    ),
    # new reporting verbs
    (
        "The Daily Courier reported that the minister had left the country.",
        [("indirect", "the minister had left the country")],
    ),
    (
        "The witness testified that she saw two men at the gate.",
        [("indirect", "she saw two men at the gate")],
    ),
    (
        "The court ruled that the election must be repeated.",
        [("indirect", "the election must be repeated")],
    ),
    (
        "The inquiry found that the warnings had been ignored.",
        [("indirect", "the warnings had been ignored")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), QUOTED)
def test_quoted_spans(quotes: Run, text: str, expected: list[tuple[str, str]]) -> None:
    found = {(q.kind, q.text) for q in quotes(text, PEOPLE)}
    for item in expected:
        assert item in found, (item, found)


NOT_QUOTED = [
    # scare quotes and names stay out, even next to a cue verb
    "Residents call the square “the old market” to this day.",
    "The so-called “reform package” was shelved in March.",
    "The army named the operation “Northern Dawn” on Monday.",
    # a quoted word in a sentence nobody reports
    "Traffic in the capital was 'chaotic' for most of the day.",
]


@pytest.mark.parametrize("text", NOT_QUOTED)
def test_scare_quotes_stay_out(quotes: Run, text: str) -> None:
    assert [q.text for q in quotes(text, PEOPLE) if q.kind == "direct"] == []


def test_fragment_takes_the_statements_speaker(quotes: Run) -> None:
    text = "Maria Lopez said the offer was “an insult to every nurse” and left the room."
    found = quotes(text, PEOPLE)
    assert speaker_of(found, "an insult to every nurse") == "local:maria-lopez"


def test_statement_that_runs_into_a_quotation_keeps_its_words(quotes: Run) -> None:
    text = (
        "Petrova said it was likely “that the shipments were diverted,” and asked for an inquiry."
    )
    found = quotes(text, PEOPLE)
    statements = [q.text for q in found if q.kind == "indirect"]
    assert any(t.startswith("it was likely “that the shipments") for t in statements), statements


def test_frame_of_a_quotation_is_not_a_statement(quotes: Run) -> None:
    text = "Okafor said, “The reserves will last until the autumn.”"
    found = quotes(text, PEOPLE)
    assert [(q.kind, q.text) for q in found] == [
        ("direct", "The reserves will last until the autumn.")
    ]


# ---------------------------------------------------------------------------
# "according to", inverted attributions, requests and statement nouns

MORE = [
    # "according to" after a direct quotation, with the author of a text
    (
        "“The fleet carries arms across the region,” according to a tweet by Maria Lopez.",
        "The fleet carries arms across the region,",
        "local:maria-lopez",
    ),
    # "according to" without a comma
    (
        "According to Okafor the shipment left the port before dawn.",
        "the shipment left the port before dawn",
        "local:john-okafor",
    ),
    # mid-clause "according to" before a clause of its own
    (
        "The plan, which according to Brennan, the council approved in secret, was dropped.",
        "the council approved in secret, was dropped",
        "local:sarah-brennan",
    ),
    # an attribution after its content
    (
        "The permit was granted without a hearing, argued Peter Haas, and must be withdrawn.",
        "The permit was granted without a hearing",
        "local:peter-haas",
    ),
    # a request with no one named to carry it out
    (
        "Maria Lopez wrote to the ministry asking to review the tender.",
        "to review the tender",
        "local:maria-lopez",
    ),
    # participles describing a noun speak for it
    (
        "The talks ended with Veldoria saying that no deal was possible.",
        "no deal was possible",
        "veldoria",
    ),
]


@pytest.mark.parametrize(("text", "quoted", "speaker"), MORE)
def test_more_attributions(quotes: Run, text: str, quoted: str, speaker: str) -> None:
    found = quotes(text, PEOPLE)
    texts = [q.text for q in found]
    match = [q for q in found if q.text.startswith(quoted) or quoted.startswith(q.text)]
    assert match, (quoted, texts)
    assert match[0].speaker_id == speaker


def test_asked_not_to_be_named_is_no_request(quotes: Run) -> None:
    text = "A nurse, who asked not to be named, said the ward was full."
    found = quotes(text, PEOPLE)
    assert [q.text for q in found] == ["the ward was full"]


def test_a_plural_is_not_a_title_holder(quotes: Run) -> None:
    text = (
        "Police officers John Okafor and Peter Haas were charged. "
        "The officers said they would appeal the verdict."
    )
    found = quotes(text, PEOPLE)
    assert speaker_of(found, "they would appeal the verdict") == "local:the-officers"


def test_a_relative_clause_subject_is_not_the_next_speaker(quotes: Run) -> None:
    text = (
        "Peter Haas agreed to a coalition in which Tomas Rivera became deputy. "
        "“Nobody will remove me,” he declared."
    )
    found = quotes(text, PEOPLE)
    assert speaker_of(found, "Nobody will remove me,") == "local:peter-haas"


def test_relayed_statement_has_its_own_speaker(quotes: Run) -> None:
    text = "The Daily Courier reported a senior diplomat said the embassy would close."
    found = quotes(text, PEOPLE)
    assert speaker_of(found, "the embassy would close") == "local:a-senior-diplomat"


def test_characterisation_gives_its_quoted_words_only(quotes: Run) -> None:
    text = "Sarah Brennan called the decision “cruel” and “short-sighted”."
    found = quotes(text, PEOPLE)
    assert [(q.kind, q.text) for q in found] == [("direct", "cruel"), ("direct", "short-sighted")]
    assert {q.speaker_id for q in found} == {"local:sarah-brennan"}


def test_calling_someone_to_ask_is_no_characterisation(quotes: Run) -> None:
    text = "Tomas Rivera called the embassy to ask about his passport."
    assert quotes(text, PEOPLE) == []


def test_a_later_clause_verb_is_not_the_quotes_cue(quotes: Run) -> None:
    text = (
        "Okafor, nicknamed “the Iron Broker of the Coast,” had many clients and wrote about trade."
    )
    assert [q.text for q in quotes(text, PEOPLE) if q.kind == "direct"] == []


def test_a_thing_is_not_a_speaker(quotes: Run) -> None:
    text = (
        "Peter Haas stressed unity and closer coordination among the parties, saying, "
        "“Our strength lies in staying together through this winter.”"
    )
    found = quotes(text, PEOPLE)
    assert speaker_of(found, "Our strength lies in staying together through this winter.") == (
        "local:peter-haas"
    )


def test_a_government_statement_is_the_states(quotes: Run) -> None:
    text = "A government statement said the curfew would end on Sunday."
    [quote] = quotes(text, {"government": "agent:KEN:GOV"})
    assert quote.speaker_id == "kenya"


def test_a_pronoun_with_a_named_partner_is_the_named_one(quotes: Run) -> None:
    text = "Both he and the county commissioner, Peter Haas, urged that the road be reopened."
    found = quotes(text, PEOPLE)
    assert speaker_of(found, "the road be reopened") == "local:peter-haas"


def test_a_stated_belief_is_reported(quotes: Run) -> None:
    text = "Investigators believe the fire was started deliberately."
    [quote] = quotes(text, PEOPLE)
    assert quote.text == "the fire was started deliberately"


def test_bare_description_is_the_fuller_name_given_before(
    document_of: Callable[..., Document],
) -> None:
    text = (
        "Harbourshire police were able to trace the car to the depot. "
        "Despite the promises, the driver left the country, police revealed on Saturday."
    )
    document = document_of(text, {"Harbourshire police": "local:harbourshire-police"})
    [quote] = document.quotes
    assert quote.speaker_id == "local:harbourshire-police"


def test_bare_description_after_a_nationality_stays_described(
    document_of: Callable[..., Document],
) -> None:
    # "French police officers" describes them; "officers" is not a name given before
    text = (
        "Two French police officers were convicted on Thursday. "
        "The officers said they would appeal the verdict."
    )
    document = document_of(text, {"Two French police officers": "agent:FRA:COP"})
    [quote] = document.quotes
    assert quote.speaker_id != "agent:FRA:COP"


def test_words_quoted_by_a_relaying_report_are_the_quoted_source_s(quotes: Run) -> None:
    text = (
        "According to Reuters, quoting the state news agency Petra, the border "
        "will stay “closed until further notice”."
    )
    found = quotes(text, {"Reuters": "reuters", "Petra": "local:petra"})
    speakers = {(q.kind, q.text): q.speaker_id for q in found}
    assert speakers[("direct", "closed until further notice")] == "local:petra"
    assert {s for (kind, _), s in speakers.items() if kind == "indirect"} == {"reuters"}


def test_he_inside_a_quotation_is_no_state_named_before_it(quotes: Run) -> None:
    # "He" cannot stand for France: the nested statement names no speaker and is the
    # quotation's own words
    text = (
        "“France has been hit hard. He just announced that the curfew will end today,” Lopez said."
    )
    found = quotes(text, {**PEOPLE, "France": "france"})
    assert [(q.kind, q.speaker_id) for q in found] == [("direct", "local:maria-lopez")]


def test_he_inside_a_quotation_is_the_person_named_before_it(quotes: Run) -> None:
    text = (
        "“Tomas Rivera spoke to France on Monday. He announced that the curfew will end "
        "today,” Lopez said."
    )
    found = quotes(text, {**PEOPLE, "France": "france"})
    nested = [(q.text, q.speaker_id) for q in found if q.kind == "indirect"]
    assert nested == [("the curfew will end today", "local:tomas-rivera")]
