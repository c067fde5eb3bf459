"""Cleaning: space repair, boilerplate removal, offset maps (communique.ingest.clean)."""

from __future__ import annotations

from pathlib import Path

import pytest

from communique.ingest import from_text, to_original
from communique.ingest.clean import OffsetMap, Tracked, clean, cut, repair_spaces

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "inputs"


def repaired(text: str) -> str:
    return repair_spaces(Tracked(text)).text


@pytest.mark.parametrize(
    ("glued", "expected"),
    [
        ("talks in Lebanon.During the visit", "talks in Lebanon. During the visit"),
        ("the NGOs.Officials said", "the NGOs. Officials said"),
        ("in 2021.The ministry", "in 2021. The ministry"),
        ("she said.“We will return", "she said. “We will return"),
        ("“We are ready,” he said.”“Today we", "“We are ready,” he said.” “Today we"),
        ("a control room” he added.“The enemy", "a control room” he added. “The enemy"),
        ("the deal.”The minister", "the deal.” The minister"),
        ("he said,“We will", "he said, “We will"),
        ('"We are ready."The minister left', '"We are ready." The minister left'),
        ("in Quito.Is it over?Yes", "in Quito. Is it over? Yes"),
    ],
)
def test_space_repair_inserts_missing_spaces(glued: str, expected: str) -> None:
    assert repaired(glued) == expected


@pytest.mark.parametrize(
    "text",
    [
        "U.S. officials met E.U. envoys",
        "the U.S.Army said",  # initials: ambiguous, left alone
        "growth of 3.5 percent",
        "e.g. the ministers, i.e. those in charge",
        "see www.Example.org/News for details",
        "write to press@Ministry.gov today",
        "J.R.R. Tolkien",
        "McDonald met MacArthur",
        "a YouTube video",
        "Lebanon’s army",
    ],
)
def test_space_repair_leaves_abbreviations_decimals_urls(text: str) -> None:
    assert repaired(text) == text


def test_glued_crosshead_gets_its_own_line() -> None:
    text = (
        "The envoy arrived in Accra on Monday.Border Talks Resume After Long PauseGhana's "
        "foreign minister said the talks would last two days."
    )
    assert repaired(text).splitlines() == [
        "The envoy arrived in Accra on Monday. ",
        "Border Talks Resume After Long Pause",
        "Ghana's foreign minister said the talks would last two days.",
    ]


@pytest.mark.parametrize(
    ("name", "gone", "kept"),
    [
        (
            "blogspot_style.txt",
            ["Labels:", "No comments", "Post a Comment", "Older Post", "Subscribe to"],
            ["6,000 dock workers.", "importers in Uganda and Rwanda."],
        ),
        (
            "wordpress_style.txt",
            [
                "Read more",
                "fuel export limits",
                "Share this",
                "WhatsApp",
                "Leave a Reply",
                "Name *",
            ],
            ["Chile and Argentina agree", "The crossing, which carries", "for the first month."],
        ),
        (
            "agency_style.txt",
            ["Reporting by", "All rights reserved"],
            ["Vietnam and the Philippines", "in Manila in January."],
        ),
    ],
)
def test_boilerplate_removed_by_site_style(name: str, gone: list[str], kept: list[str]) -> None:
    text = clean((FIXTURES / name).read_text(encoding="utf-8")).text
    for cue in gone:
        assert cue not in text
    for body in kept:
        assert body in text


def test_boilerplate_in_a_page_flattened_to_one_line() -> None:
    text = (
        "Farmers in Punjab blocked a highway on Wednesday to demand higher wheat prices, "
        "police said. The protest ended in the evening after talks with officials.Share it: "
        "Leave a Reply Comments are moderated."
    )
    cleaned = clean(text).text
    assert cleaned.endswith("talks with officials.")


def test_read_more_cue_keeps_the_body_after_it() -> None:
    text = (
        "Senegal's president opened a new rail line in Dakar on Saturday, the state news "
        "agency said.\n\n"
        "Read more: Senegal signs gas deal with Mauritania\n\n"
        "The line links the capital to the new airport and will carry 100,000 passengers a day, "
        "the transport minister said."
    )
    cleaned = clean(text).text
    assert "Read more" not in cleaned
    assert "gas deal" not in cleaned
    assert "100,000 passengers a day" in cleaned


def test_short_closing_sentence_is_kept() -> None:
    text = (
        "The finance ministers of the region met in Lima on Monday to discuss a joint bond.\n"
        "Talks resume in June.\n"
        "Tags: Peru, finance"
    )
    cleaned = clean(text).text
    assert cleaned.endswith("Talks resume in June.")


def test_offset_map_round_trips_every_kept_character() -> None:
    original = (FIXTURES / "blogspot_style.txt").read_text(encoding="utf-8")
    document = from_text(original, source="blog")
    assert document.text != document.original  # cleaning changed something
    for index, char in enumerate(document.text):
        if not char.isspace():
            assert document.original[to_original(document, index)] == char
    # an end offset maps to the end of the same stretch of the original
    start = document.text.index("Union secretary")
    end = start + len("Union secretary Grace Wanjiru")
    span = document.original[to_original(document, start) : to_original(document, end)]
    assert span == "Union secretary Grace Wanjiru"


def test_offset_map_after_insertions_and_deletions() -> None:
    tracked = Tracked("abc.Def  ghi").edit([(4, 4, " "), (7, 8, "")])
    assert tracked.text == "abc. Def ghi"
    mapping = OffsetMap(tracked.offset_map())
    assert [mapping.to_original(i) for i in (0, 4, 5, 8, 9, 12)] == [0, 4, 4, 8, 9, 12]


def test_cut_at_paragraph_boundary() -> None:
    text = Tracked("First paragraph here.\n\nSecond one is longer than the limit allows.")
    assert cut(text, 30).text == "First paragraph here."
    assert cut(text, 1000).text == text.text


def test_unpunctuated_last_sentence_is_kept_but_tail_furniture_goes() -> None:
    body = "The presidents of Ghana and Togo met in Lome on Monday to discuss border trade."
    assert clean(f"{body} They agreed to meet again").text == f"{body} They agreed to meet again"
    assert clean(f"{body} Tags: Ghana, Togo").text == body
    assert clean(f"{body} 700 /").text == body
