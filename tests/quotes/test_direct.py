"""Direct quotations: which quoted stretches are quotes, and who speaks them."""

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
    "the foreign ministry": "mfa-kz",
    "The foreign ministry": "mfa-kz",
    "Chen Wei": "chen",
    "Chen": "chen",
    "the Bolivian president": "arce",
    "Luis Arce": "arce",
}

CASES: list[tuple[str, list[tuple[str, str | None]]]] = [
    # speaker before the quote, every mark style
    (
        'Okafor said, "The bridge will reopen in March."',
        [("The bridge will reopen in March.", "okafor")],
    ),
    (
        "Okafor said, “The bridge will reopen in March.”",
        [("The bridge will reopen in March.", "okafor")],
    ),
    (
        "Okafor said: «The bridge will reopen in March.»",
        [("The bridge will reopen in March.", "okafor")],
    ),
    (
        "Okafor told reporters, 'The bridge will reopen in March.'",
        [("The bridge will reopen in March.", "okafor")],
    ),
    # speaker after the quote, with and without a comma
    (
        "“The bridge will reopen in March,” Okafor said.",
        [("The bridge will reopen in March,", "okafor")],
    ),
    (
        "“The bridge will reopen in March” Okafor added.",
        [("The bridge will reopen in March", "okafor")],
    ),
    (
        "“The bridge will reopen in March,” said Amina Okafor.",
        [("The bridge will reopen in March,", "okafor")],
    ),
    # a quote split by the reporting clause: two spans, one speaker
    (
        "“We have waited long enough,” Nyberg said, “and the ferry must sail this week.”",
        [
            ("We have waited long enough,", "nyberg"),
            ("and the ferry must sail this week.", "nyberg"),
        ],
    ),
    # multi-sentence quote is one span
    (
        "Chen said, “Trade rose by a fifth. Exports to Vietnam "
        "doubled. We expect more growth next year.”",
        [
            (
                "Trade rose by a fifth. Exports to Vietnam "
                "doubled. We expect more growth next year.",
                "chen",
            )
        ],
    ),
    # organisations speak
    (
        "The foreign ministry said, “Kazakhstan rejects any interference in its elections.”",
        [("Kazakhstan rejects any interference in its elections.", "mfa-kz")],
    ),
    # role description as speaker
    (
        "“Our lithium belongs to Bolivians,” the Bolivian president said on Tuesday.",
        [("Our lithium belongs to Bolivians,", "arce")],
    ),
    # speaker in the previous sentence ending with a colon, quote in the next paragraph
    (
        "Okafor addressed the assembly in Abuja. She said:\n“Every "
        "state will receive its share of the fund.”",
        [("Every state will receive its share of the fund.", "okafor")],
    ),
    # a participial cue: the speaker is the subject of the main clause
    (
        "Nyberg praised the fishermen of Tromsø, saying, "
        "“Their patience made the agreement possible.”",
        [("Their patience made the agreement possible.", "nyberg")],
    ),
    (
        "Chen welcomed the delegation and added, “Our ports "
        "are open to every partner in the region.”",
        [("Our ports are open to every partner in the region.", "chen")],
    ),
    # unnamed speaker: described as the text describes it (a local actor)
    (
        "“The curfew will be lifted at dawn,” a police spokesman said.",
        [("The curfew will be lifted at dawn,", "local:a-police-spokesman")],
    ),
    # reopened paragraph continues the same speaker
    (
        "Okafor said: “The first phase covers the northern states and will start in June.\n"
        "“The second phase covers the south and will follow in the autumn.”",
        [
            ("The first phase covers the northern states and will start in June.", "okafor"),
            ("The second phase covers the south and will follow in the autumn.", "okafor"),
        ],
    ),
    # missing closing marks: the next quote's reporting clause is not part of the first quote
    (
        "Nyberg said, “Fishing quotas are too low. The coast "
        "is suffering.He added, “We will appeal the ruling.”",
        [
            ("Fishing quotas are too low. The coast is suffering.", "nyberg"),
            ("We will appeal the ruling.", "nyberg"),
        ],
    ),
    # adjacent quotes, the second one with its own cue after it
    (
        "Chen said, “Talks were frank.”“They were also useful,” he said.",
        [("Talks were frank.", "chen"), ("They were also useful,", "chen")],
    ),
    # a quoted phrase governed by a characterising verb counts
    (
        "Luis Arce called the mining deal “a historic step for the Andean region”.",
        [("a historic step for the Andean region", "arce")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_direct_quotes(quotes: Run, text: str, expected: list[tuple[str, str | None]]) -> None:
    found = [q for q in quotes(text, M) if q.kind == "direct"]
    assert [(q.text, q.speaker_id) for q in found] == expected


NOT_QUOTES = [
    # scare quotes: short quoted phrases without a speech cue
    "The so-called “peace dividend” never arrived in the border towns.",
    "Critics mocked the 'reform' as cosmetic.",
    'The "deal" collapsed within a week.',
    "Residents still call the district “the old port”.",
    "The so-called 'deal' was signed in Doha.",
    # titles of meetings, reports, operations
    "A conference on the “Future of Water Security in Central Asia” opened in Tashkent.",
    "The forum, titled “Building Bridges Across the Caspian Sea”, ended on Friday.",
    "The army launched “Operation Northern Shield” at dawn.",
    "The report, entitled 'Roads to Recovery', was published in Nairobi.",
    "Delegates discussed the “Lima Declaration on Fisheries” for two days.",
    # apostrophes only
    "Iran's and Oman's ministers met at 9 o'clock in Muscat.",
    "The generals’ meeting in Ankara was postponed.",
    # a naming participle is not a cue
    "A militia called “the Lions of the Valley” claimed the attack.",
    # a quoted word in a sentence that reports no one's statement
    "The mood in the capital was 'tense' all week.",
]


@pytest.mark.parametrize("text", NOT_QUOTES)
def test_scare_quotes_and_titles_are_not_quotes(quotes: Run, text: str) -> None:
    assert [q.text for q in quotes(text, M) if q.kind == "direct"] == []


def test_quote_record_fields(quotes: Run) -> None:
    text = "The ceasefire held overnight. Okafor said, “Aid convoys can now enter the city.”"
    [quote] = quotes(text, M, doc_id="a1")
    assert quote.id == "a1:q1"
    assert quote.kind == "direct"
    assert text[quote.start : quote.end] == quote.text == "Aid convoys can now enter the city."
    assert quote.cue == "say"
    assert quote.sentence == 1


def test_ids_number_quotes_in_text_order(quotes: Run) -> None:
    text = "“We are ready,” Chen said. Nyberg said that the ships would leave on Monday."
    found = quotes(text, M, doc_id="d")
    assert [q.id for q in found] == ["d:q1", "d:q2"]
    assert [q.kind for q in found] == ["direct", "indirect"]


def test_pronoun_mention_gives_speaker(quotes: Run) -> None:
    text = "Okafor met the governors. Later, Nyberg arrived. He said, “The fund is ready.”"
    [quote] = quotes(text, {**M, "He": "nyberg"})
    assert quote.speaker_id == "nyberg"


def test_pronoun_without_mention_takes_the_last_speaker(quotes: Run) -> None:
    text = "“The fund is ready,” Okafor said.\n“It will pay out next week,” she added."
    found = quotes(text, M)
    assert [q.speaker_id for q in found] == ["okafor", "okafor"]


def test_he_added_without_pronoun_mention_takes_the_last_subject(quotes: Run) -> None:
    text = (
        "Nyberg met coastal mayors in Bodø on Monday. He "
        "added, “The quota dispute must end this year.”"
    )
    [quote] = quotes(text, M)
    assert quote.speaker_id == "nyberg"


def test_cue_less_quote_after_a_quote_continues_the_speaker(quotes: Run) -> None:
    text = (
        "Chen said, “Exports rose sharply in the first quarter.”\n“Imports "
        "fell for the third month in a row.”"
    )
    found = quotes(text, M)
    assert [(q.text, q.speaker_id) for q in found][1] == (
        "Imports fell for the third month in a row.",
        "chen",
    )


def test_long_quote_without_cue_is_kept(quotes: Run) -> None:
    text = (
        "The statement ended: nothing more. “We will hold elections "
        "in every province before the end of the year.”"
    )
    assert any(q.kind == "direct" for q in quotes(text, M))


def test_nested_report_inside_quote_is_its_own_quote(quotes: Run) -> None:
    text = (
        "“Our neighbours are worried. The foreign ministry announced "
        "that it will close the border,” Nyberg said."
    )
    found = quotes(text, M)
    nested = [q for q in found if q.kind == "indirect"]
    assert [(q.text, q.speaker_id) for q in nested] == [("it will close the border", "mfa-kz")]


def test_first_person_report_inside_quote_is_not_separate(quotes: Run) -> None:
    text = "Okafor said, “We stress that the pipeline will be finished on time.”"
    assert [q.kind for q in quotes(text, M)] == ["direct"]


def test_document_without_quotes(quotes: Run) -> None:
    assert quotes("Heavy rain fell across Bangladesh on Sunday.", M) == []


def test_report_inside_quote_by_its_own_speaker_is_not_separate(quotes: Run) -> None:
    # Okafor, named inside her own quotation, reports her own appeal: her words, once
    text = (
        "“The families have waited too long. Okafor asked the ministry to open the files "
        "at last, and that is all,” Okafor said."
    )
    assert [q.kind for q in quotes(text, M)] == ["direct"]


def test_report_inside_quote_by_nobody_named_is_not_separate(quotes: Run) -> None:
    # "he" inside the quotation with no one named before it in the quotation
    text = "Okafor said, “He keeps saying that the budget is balanced, but it is not.”"
    assert [q.kind for q in quotes(text, M)] == ["direct"]
