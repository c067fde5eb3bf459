"""Which quoted words are quotes, and how far a statement runs, by cause of error on real news.

Causes found by reading the quote errors of the real-news development set:
a statement whose predicate is the quotation it runs into, a participial cue
after an adverb (", further saying"), quoted words that a naming verb gives
("was called the “breadbasket”"), participles tagged as verbs inside quoted
noun phrases, reports that only relay another speaker's statement, and
participial cues whose speaker is the noun they modify. Every sentence is
written for these tests, with found and not-found cases. Mentions are given as
the actors stage would write them (``conftest.quotes``), so a failure here is a
failure of the quotes stage.
"""

from __future__ import annotations

from collections.abc import Callable

from communique.model import Quote

Run = Callable[..., list[Quote]]

PEOPLE = {
    "Maria Lopez": "local:maria-lopez",
    "Lopez": "local:maria-lopez",
    "John Okafor": "local:john-okafor",
    "Okafor": "local:john-okafor",
}


def texts(found: list[Quote], kind: str) -> list[str]:
    return [q.text for q in found if q.kind == kind]


# ---------------------------------------------------------------------------
# a statement whose verb is inside the quotation it runs into frames it only


def test_subject_before_a_quoted_predicate_is_no_statement_of_its_own(quotes: Run) -> None:
    text = 'Maria Lopez said the new tariffs "will cost the valley thousands of jobs."'
    found = quotes(text, PEOPLE)
    assert texts(found, "indirect") == []
    assert texts(found, "direct") == ["will cost the valley thousands of jobs."]


def test_a_verb_before_the_quotation_keeps_the_statement(quotes: Run) -> None:
    text = 'Maria Lopez said it was possible "that the talks collapse next week."'
    found = quotes(text, PEOPLE)
    assert texts(found, "indirect") == ['it was possible "that the talks collapse next week']


def test_a_statement_going_on_after_its_quoted_part_is_kept(quotes: Run) -> None:
    text = 'John Okafor said the new tariffs "will cost jobs" in every northern port.'
    found = quotes(text, PEOPLE)
    assert texts(found, "indirect") == ['the new tariffs "will cost jobs" in every northern port']


# ---------------------------------------------------------------------------
# ", further saying, “...”" starts a statement of its own


def test_participial_cue_after_an_adverb_ends_the_statement(quotes: Run) -> None:
    text = (
        "Maria Lopez said the harbour would reopen in May, further saying that "
        "the fishing fleet had already returned."
    )
    found = quotes(text, PEOPLE)
    assert texts(found, "indirect") == [
        "the harbour would reopen in May",
        "the fishing fleet had already returned",
    ]
    assert {q.speaker_id for q in found} == {"local:maria-lopez"}


def test_quoted_participial_continuation_is_a_quote_of_its_own(quotes: Run) -> None:
    text = (
        'Maria Lopez said the use of foreign currencies "costs the region billions," '
        'later saying, "It also hurts trade because reserves are scarce."'
    )
    found = quotes(text, PEOPLE)
    assert texts(found, "indirect") == []
    assert texts(found, "direct") == [
        "costs the region billions,",
        "It also hurts trade because reserves are scarce.",
    ]


# ---------------------------------------------------------------------------
# a participle modifying a noun makes no quoted phrase a statement


def test_quoted_noun_phrase_with_a_participle_is_no_quotation(quotes: Run) -> None:
    text = (
        "The minister has asked officials how files that must be kept in "
        '"approved storage cabinets" ended up on a bus.'
    )
    assert texts(quotes(text, PEOPLE), "direct") == []


def test_quoted_clause_with_a_predicate_verb_after_a_cue_is_a_quotation(quotes: Run) -> None:
    text = 'Maria Lopez told the council "cabinets were approved" before the audit began.'
    assert texts(quotes(text, PEOPLE), "direct") == ["cabinets were approved"]


# ---------------------------------------------------------------------------
# quoted names: a naming verb in the passive, a naming nobody makes


def test_word_after_a_passive_naming_verb_is_a_name(quotes: Run) -> None:
    text = (
        "The province grew wheat and, according to the Daily Courier, was called "
        'the "granary" of the north.'
    )
    found = quotes(text)
    assert texts(found, "direct") == []
    assert texts(found, "indirect") == ['was called the "granary" of the north']


def test_word_after_an_active_characterisation_is_a_quote(quotes: Run) -> None:
    text = 'Maria Lopez called the plan "reckless" in a speech.'
    found = quotes(text, PEOPLE)
    assert [(q.text, q.speaker_id) for q in found] == [("reckless", "local:maria-lopez")]


def test_a_naming_nobody_makes_is_no_statement(quotes: Run) -> None:
    text = (
        "The strikers want the mayor to resign and the city to stop referring "
        'to the strikes as "riots," and they want the curfew lifted.'
    )
    found = quotes(text)
    assert [q for q in found if q.cue == "refer to"] == []


def test_a_naming_by_a_named_speaker_is_a_statement(quotes: Run) -> None:
    text = 'John Okafor referred to the strikes as "riots" on Monday.'
    found = quotes(text, PEOPLE)
    assert ("riots", "local:john-okafor") in [(q.text, q.speaker_id) for q in found]


# ---------------------------------------------------------------------------
# "informed police she had ...": the clause the parser hung on the one told


def test_clause_after_the_addressee_is_the_content(quotes: Run) -> None:
    # The parser makes "she held ..." a relative clause of "officers".
    text = (
        "The officers spoke with Maria Lopez as a witness. She informed officers she held "
        'diplomatic status, but "that she had no plans to leave the region".'
    )
    found = quotes(text, PEOPLE | {"She": "local:maria-lopez"})
    assert [(q.text, q.speaker_id) for q in found if q.kind == "indirect"] == [
        (
            'she held diplomatic status, but "that she had no plans to leave the region',
            "local:maria-lopez",
        )
    ]


def test_relative_clause_on_a_thing_is_no_content(quotes: Run) -> None:
    text = "John Okafor stressed the importance he attached to the harbour talks."
    assert quotes(text, PEOPLE) == []


# ---------------------------------------------------------------------------
# a noun cue split at its hyphen keeps its possessor as the speaker


def test_possessor_of_a_hyphenated_statement_noun_speaks(quotes: Run) -> None:
    text = (
        "Critics said the levy was cruel. The ministry's counter-argument was that "
        "the levy is a lawful tool of the state."
    )
    # No mention names the ministry: the speaker comes from the possessor alone.
    found = quotes(text)
    assert [(q.text, q.speaker_id) for q in found if q.cue == "argument"] == [
        ("the levy is a lawful tool of the state", "local:the-ministry")
    ]


def test_an_argument_without_a_possessor_has_no_speaker(quotes: Run) -> None:
    text = "The counter-argument was that the levy is a lawful tool of the state."
    found = quotes(text)
    assert [(q.text, q.speaker_id) for q in found] == [
        ("the levy is a lawful tool of the state", None)
    ]


def test_a_request_whose_verb_is_quoted_only_frames_the_quotation(quotes: Run) -> None:
    text = (
        "The agency announced an order by Maria Lopez directing all units nearby to "
        '"join the army in the search for the attackers."'
    )
    found = quotes(text, PEOPLE)
    assert [(q.kind, q.text) for q in found] == [
        ("direct", "join the army in the search for the attackers.")
    ]


def test_a_request_with_its_own_verb_before_the_quotation_is_kept(quotes: Run) -> None:
    text = (
        "The agency announced an order by Maria Lopez directing all units to search "
        'the coast and "report every boat they find."'
    )
    found = quotes(text, PEOPLE)
    assert "indirect" in [q.kind for q in found]


def test_a_proper_name_after_as_is_a_naming(quotes: Run) -> None:
    text = (
        "Maria Lopez referred to the register as National Records and Coastal Information Office."
    )
    assert quotes(text, PEOPLE) == []


def test_a_description_after_as_is_a_statement(quotes: Run) -> None:
    text = "Maria Lopez described the blockade as a cowardly act of revenge."
    found = quotes(text, PEOPLE)
    assert [(q.text, q.speaker_id) for q in found] == [
        ("the blockade as a cowardly act of revenge", "local:maria-lopez")
    ]
