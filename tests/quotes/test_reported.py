"""Reported speech: the clausal content of a reporting cue, never a bare topic."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from communique.model import Quote

Run = Callable[..., list[Quote]]
M = {
    "Amina Okafor": "okafor",
    "Okafor": "okafor",
    "Lars Nyberg": "nyberg",
    "Nyberg": "nyberg",
    "Chen Wei": "chen",
    "Chen": "chen",
    "the Kenyan government": "gov-ke",
    "The Kenyan government": "gov-ke",
    "the central bank": "cbk",
    "The central bank": "cbk",
    "Sheikh Tamim": "tamim",
    "Marta Silva": "silva",
    "Silva": "silva",
}

CASES: list[tuple[str, list[tuple[str, str | None, str]]]] = [
    # said (that) ...
    (
        "Okafor said that the new budget would double spending on rural clinics.",
        [("the new budget would double spending on rural clinics", "okafor", "say")],
    ),
    (
        "Okafor said the new budget would double spending on rural clinics.",
        [("the new budget would double spending on rural clinics", "okafor", "say")],
    ),
    (
        "Okafor says the new budget will double spending on rural clinics.",
        [("the new budget will double spending on rural clinics", "okafor", "say")],
    ),
    (
        "Okafor has said repeatedly that the budget cannot be cut.",
        [("the budget cannot be cut", "okafor", "say")],
    ),
    # other reporting verbs
    (
        "Nyberg stressed that Norway would keep its fishing quotas unchanged.",
        [("Norway would keep its fishing quotas unchanged", "nyberg", "stress")],
    ),
    (
        "Nyberg noted that the Arctic route had been open for six weeks.",
        [("the Arctic route had been open for six weeks", "nyberg", "note")],
    ),
    (
        "Chen pointed out that exports to Africa had grown every year since 2015.",
        [("exports to Africa had grown every year since 2015", "chen", "point out")],
    ),
    (
        "Chen warned that tariffs would hurt farmers on both sides.",
        [("tariffs would hurt farmers on both sides", "chen", "warn")],
    ),
    (
        "Silva emphasized that Brazil would not sign the treaty in its current form.",
        [("Brazil would not sign the treaty in its current form", "silva", "emphasize")],
    ),
    (
        "Silva underlined that the Amazon fund needs new donors.",
        [("the Amazon fund needs new donors", "silva", "underline")],
    ),
    (
        "The Kenyan government announced that schools would reopen on Monday.",
        [("schools would reopen on Monday", "gov-ke", "announce")],
    ),
    (
        "The central bank stated that inflation had peaked in the spring.",
        [("inflation had peaked in the spring", "cbk", "state")],
    ),
    (
        "Sheikh Tamim told the visiting envoy that Qatar would keep mediating between the parties.",
        [("Qatar would keep mediating between the parties", "tamim", "tell")],
    ),
    (
        "Okafor insisted the vote had been free and fair.",
        [("the vote had been free and fair", "okafor", "insist")],
    ),
    # future and perfect tenses
    (
        "Nyberg will say that the agreement protects the coast.",
        [("the agreement protects the coast", "nyberg", "say")],
    ),
    # passive with an agent
    (
        "It was stated by the central bank that rates would stay at nine percent.",
        [("rates would stay at nine percent", "cbk", "state")],
    ),
    # participial cues take the subject of the main clause
    (
        "Okafor said that the road was finished, adding that the bridge would follow in May.",
        [
            ("the road was finished", "okafor", "say"),
            ("the bridge would follow in May", "okafor", "add"),
        ],
    ),
    (
        "Chen praised the port workers, stressing that their strike had ended peacefully.",
        [("their strike had ended peacefully", "chen", "stress")],
    ),
    (
        "Emphasising that the border would stay open, Silva left for Asunción.",
        [("the border would stay open", "silva", "emphasise")],
    ),
    (
        "Nyberg went on to say that the fleet would be modernised.",
        [("the fleet would be modernised", "nyberg", "say")],
    ),
    # coordinated that-clauses are one statement
    (
        "Okafor said that the clinics were ready and that nurses had been hired.",
        [("the clinics were ready and that nurses had been hired", "okafor", "say")],
    ),
    # "he added" after an introductory conjunction, parenthetical cue
    (
        "But, Nyberg added, the talks with Iceland remain difficult.",
        [("the talks with Iceland remain difficult", "nyberg", "add")],
    ),
    (
        "However, Chen said, the surplus will shrink next year.",
        [("the surplus will shrink next year", "chen", "say")],
    ),
    # described X as Y / considered X to be Y / called X Y / urged X to Y
    (
        "Silva described the deforestation figures as alarming.",
        [("the deforestation figures as alarming", "silva", "describe")],
    ),
    (
        "Okafor considered the ceasefire to be a fragile but real achievement.",
        [("the ceasefire to be a fragile but real achievement", "okafor", "consider")],
    ),
    (
        "Nyberg referred to the quota deal as a model for the region.",
        [("the quota deal as a model for the region", "nyberg", "refer to")],
    ),
    (
        "Chen urged both sides to return to the negotiating table.",
        [("both sides to return to the negotiating table", "chen", "urge")],
    ),
    # according to
    (
        "According to Okafor, the dam will supply power to three states.",
        [("the dam will supply power to three states", "okafor", "according to")],
    ),
    (
        "The dam will supply power to three states, according to Okafor.",
        [("The dam will supply power to three states", "okafor", "according to")],
    ),
    # noun cue
    (
        "Okafor's statement that the vote was rigged angered the ruling party.",
        [("the vote was rigged", "okafor", "statement")],
    ),
    # colon headline
    (
        "Chen Wei Says: Exports Will Keep Growing\n\nBeijing — Trade figures rose in May.",
        [("Exports Will Keep Growing", "chen", "say")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_reported_speech(
    quotes: Run, text: str, expected: list[tuple[str, str | None, str]]
) -> None:
    found = [q for q in quotes(text, M) if q.kind == "indirect"]
    assert [(q.text, q.speaker_id, q.cue) for q in found] == expected


TOPICS = [
    # a noun-phrase object is a topic, not a quote
    "Nyberg stressed the importance of unity among Nordic states.",
    "Okafor emphasised the role of women in the peace process.",
    "Chen referred to the acts of the separatists.",
    "Silva pointed to the rise in forest fires.",
    "The Kenyan government announced the closure of three border posts.",
    "Okafor called for calm after the vote.",
    "Nyberg discussed the fishing quotas with his Icelandic counterpart.",
    "Chen expressed gratitude for the support of the African Union.",
    "Silva reiterated the importance of the Amazon fund.",
    # formulas without a speaker
    "It is worth mentioning that the summit was postponed twice.",
    # a cue-like word used otherwise
    "The so-called reform was withdrawn.",
    "The minister left after a short statement.",
    "Read more: Ports Reopen After Strike",
]


@pytest.mark.parametrize("text", TOPICS)
def test_topics_and_formulas_are_not_quotes(quotes: Run, text: str) -> None:
    assert [q.text for q in quotes(text, M)] == []


def test_direct_quote_frame_is_not_reported_speech(quotes: Run) -> None:
    text = 'Okafor stressed, "The clinics will open on time."'
    assert [q.kind for q in quotes(text, M)] == ["direct"]


def test_report_nested_in_reported_content_is_not_separate(quotes: Run) -> None:
    text = "Nyberg noted that Okafor had described the deal as fair."
    found = quotes(text, M)
    assert [(q.text, q.speaker_id) for q in found] == [
        ("Okafor had described the deal as fair", "nyberg")
    ]


def test_sentence_index_is_the_cue_sentence(quotes: Run) -> None:
    text = "Floods hit the coast. Rescue teams arrived. Okafor said that aid would arrive soon."
    [quote] = quotes(text, M)
    assert quote.sentence == 2


def test_speaker_carries_over_for_he_added(quotes: Run) -> None:
    text = "Silva said that the treaty was unfair.\n\nHe added that Brazil would seek new terms."
    found = quotes(text, M)
    assert [q.speaker_id for q in found] == ["silva", "silva"]


def test_unnamed_reporter_is_described(quotes: Run) -> None:
    text = "A senior diplomat said that the embassy would reopen in April."
    [quote] = quotes(text, M)
    assert quote.speaker_id == "local:a-senior-diplomat"
    assert quote.text == "the embassy would reopen in April"


def test_claims_denied_with_no_claimant_are_nobody_s_statement(quotes: Run) -> None:
    # the government denies; who claimed is not said: no quote, least of all the denier's
    text = "The Kenyan government denied claims that the central bank had printed money."
    assert quotes(text, M) == []


def test_claim_rejected_with_its_claimant_is_the_claimant_s(quotes: Run) -> None:
    text = "The Kremlin rejected the claim by Ukraine that its troops had shelled the station."
    found = quotes(text, {**M, "The Kremlin": "rus", "Ukraine": "ukr"})
    assert [(q.text, q.speaker_id) for q in found] == [
        ("its troops had shelled the station", "ukr")
    ]


def test_reasoned_reports_a_statement(quotes: Run) -> None:
    found = quotes("Okafor reasoned that the clinics could not stay open without the fee.", M)
    assert [(q.text, q.speaker_id, q.cue) for q in found] == [
        ("the clinics could not stay open without the fee", "okafor", "reason")
    ]


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "The official position of Brazil remained that the fire was set by farmers.",
            "the fire was set by farmers",
            "bra",
        ),
        (
            "Okafor's argument was that the clinics could not stay open without the fee.",
            "the clinics could not stay open without the fee",
            "okafor",
        ),
    ],
)
def test_statement_noun_joined_to_its_content_by_a_copula(
    quotes: Run, text: str, content: str, speaker: str
) -> None:
    found = quotes(text, {**M, "Brazil": "bra"})
    assert [(q.text, q.speaker_id) for q in found] == [(content, speaker)]


def test_position_without_a_that_clause_is_no_statement(quotes: Run) -> None:
    assert quotes("The position of the troops was that of a defensive line.", M) == []


def test_cue_the_parser_made_a_modifier_after_an_apposition(quotes: Run) -> None:
    # "cautioned" parsed as an adjective of "justice"; the name before the apposition speaks
    text = (
        "Marta Silva, a rapporteur who had studied the case, cautioned justice does not "
        "come swiftly."
    )
    found = quotes(text, M)
    assert [(q.text, q.speaker_id) for q in found] == [("justice does not come swiftly", "silva")]


def test_participle_inside_a_noun_phrase_is_no_cue(quotes: Run) -> None:
    assert quotes("The reported attack killed five people on Monday.", M) == []


def test_participle_after_a_comma_is_no_inverted_cue(quotes: Run) -> None:
    # what follows "adding" is what was added, not who speaks: no statement of nobody
    text = (
        "On the form, the office renamed the register as the National Register, adding "
        "the words “and Emergency” to the name."
    )
    assert [q for q in quotes(text, M) if q.kind == "indirect"] == []
