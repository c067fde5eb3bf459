"""Title, outlet and printed date at the top of a text (communique.ingest.metadata)."""

from __future__ import annotations

import pytest

from communique.ingest import from_text
from communique.ingest.metadata import copyright_outlet, date_line, parse_date

BODY = (
    "The two delegations signed a memorandum on fisheries and agreed to meet again "
    "before the end of the year, officials said."
)


@pytest.mark.parametrize(
    ("text", "published", "outlet", "starts"),
    [
        (f"date 2022-04-28 {BODY}", "2022-04-28", None, "The two delegations"),
        (f"OSLO, June 22, 2023 (Nordic Wire) - {BODY}", "2023-06-22", "Nordic Wire", "The two"),
        (f"WELLINGTON (Pacific Herald) -- {BODY}", None, "Pacific Herald", "The two"),
        (f"Published: 22 June 2023\n\n{BODY}", "2023-06-22", None, "Published: 22"),
        (f"Monday 3 July 2023 - 10:15\n\n{BODY}", "2023-07-03", None, "Monday 3 July"),
        (f"Coastal Times - {BODY}", None, "Coastal Times", "The two delegations"),
        (f"Coastal Times: {BODY}", None, "Coastal Times", "The two delegations"),
        (BODY, None, None, "The two delegations"),
    ],
)
def test_dateline_and_outlet_prefix(
    text: str, published: str | None, outlet: str | None, starts: str
) -> None:
    document = from_text(text, source="t")
    assert document.published == published
    assert document.published_source == ("text" if published else "none")
    assert document.outlet == outlet
    assert document.text.startswith(starts)


def test_colon_prefix_without_an_outlet_name_is_left_alone() -> None:
    document = from_text(f"Peru: {BODY}", source="t")
    assert document.outlet is None
    assert document.text.startswith("Peru:")


def test_desk_prefix_in_a_later_paragraph_names_the_outlet() -> None:
    text = (
        f"{BODY}\n\nBalkan Insight News Desk – On May 2, the ministers met again in Skopje "
        "and discussed the new rail link between the two capitals."
    )
    document = from_text(text, source="t")
    assert document.outlet == "Balkan Insight"
    assert "News Desk" not in document.text
    assert "On May 2, the ministers met again" in document.text


def test_site_line_above_headline_is_outlet_and_headline_is_title() -> None:
    text = f"The Ministry of Foreign Affairs\n\nMinister receives the ambassador of Chile\n\n{BODY}"
    document = from_text(text, source="t")
    assert document.outlet == "Ministry of Foreign Affairs"
    assert document.title == "Minister receives the ambassador of Chile"
    assert document.text.startswith("The Ministry of Foreign Affairs\n\nMinister receives")


def test_explicit_metadata_wins() -> None:
    document = from_text(
        f"date 2022-04-28 {BODY}", source="t", published="2022-05-01T08:00:00", outlet="Given"
    )
    assert document.published == "2022-05-01"
    assert document.published_source == "metadata"
    assert document.outlet == "Given"


def test_date_deep_in_the_body_is_not_the_publication_date() -> None:
    text = f"{BODY}\n\nThe previous meeting took place on March 3, 2019 in Lisbon."
    assert from_text(text, source="t").published is None


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("June 22, 2023", "2023-06-22"),
        ("Thursday 22 June 2023", "2023-06-22"),
        ("Sept. 5, 2021", "2021-09-05"),
        ("2024/03/14", "2024-03-14"),
        ("31 February 2023", None),
    ],
)
def test_parse_date(text: str, iso: str | None) -> None:
    found = parse_date(text)
    assert (found[0] if found else None) == iso


def test_date_line_needs_nothing_else_on_the_line() -> None:
    assert date_line("Posted on: March 4, 2024 at 9:30 am") == "2024-03-04"
    assert date_line("Talks in Lima, March 4, 2024, ended early") is None


def test_copyright_outlet() -> None:
    assert copyright_outlet("Body.\n© 2024 Horn Daily. All rights reserved.") == "Horn Daily"
    assert copyright_outlet("Body without a notice.") is None


def test_outlet_before_the_headline() -> None:
    text = f"Andean Times - Bolivia and Peru reopen their lake border\n\n{BODY}"
    document = from_text(text, source="t")
    assert document.outlet == "Andean Times"
    assert document.title == "Bolivia and Peru reopen their lake border"
    assert document.text.startswith("Andean Times - Bolivia and Peru reopen")
    plain = from_text(f"Bolivia - Peru border reopens after talks\n\n{BODY}", source="t")
    assert plain.outlet is None and plain.text.startswith("Bolivia - Peru")


@pytest.mark.parametrize(
    ("text", "analysed"),
    [
        ("Macron met Scholz in Berlin.", True),
        ("Erdogan met Putin in Sochi on Friday.", True),
        ("Police detained 40 protesters.", True),
        ("Le président a rencontré le ministre des affaires étrangères à Paris.", False),
        ("El presidente se reunió con el ministro en Madrid.", False),
    ],
)
def test_short_texts_are_flagged_only_when_another_language_is_clear(
    text: str, analysed: bool
) -> None:
    from communique.ingest.language import is_english

    assert is_english(text, 0.5)[1] is analysed
