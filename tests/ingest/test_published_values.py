"""Publication dates from metadata are validated (issue 15, item 7).

``published: "not-a-date"`` or ``"2024-02-30"`` used to be stored as the
article's date and copied into the dates of its events. Now the value is
refused with warning C110 naming the input and the value, and the article is
kept without it (or with a date its text states).
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import pytest
from tests.ingest.test_readers import ARTICLE, documents, run

from communique.ingest import from_text
from communique.ingest.document import normalise_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-14", "2024-03-14"),
        ("2024-03-14T09:00:00Z", "2024-03-14"),
        ("14 March 2024", "2024-03-14"),
        ("2024-02-29", "2024-02-29"),
        ("2023-02-29", None),
        ("2024-02-30", None),
        ("2024-13-01", None),
        ("not-a-date", None),
        ("yesterday", None),
        ("", None),
    ],
)
def test_only_calendar_dates_are_dates(value: str, expected: str | None) -> None:
    assert normalise_date(value) == expected


@pytest.mark.parametrize("value", ["not-a-date", "2024-02-30"])
def test_a_bad_published_value_is_refused_naming_the_input(
    value: str, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="communique"):
        document = from_text(ARTICLE, source="in/report.txt", published=value)
    assert document.published is None and document.published_source == "none"
    [record] = [r for r in caplog.records if "C110" in r.getMessage()]
    assert "in/report.txt" in record.getMessage() and repr(value) in record.getMessage()


def test_the_text_date_is_used_when_the_metadata_is_bad() -> None:
    dated = "KATHMANDU, March 14, 2024 - " + ARTICLE
    document = from_text(dated, source="x.txt", published="2024-02-30")
    assert document.published == "2024-03-14" and document.published_source == "text"


def test_bad_dates_in_jsonl_keep_the_article_without_a_date(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    lines = [
        {"text": ARTICLE, "published": "not-a-date"},
        {"text": ARTICLE.replace("Nepal", "Laos"), "published": "2024-02-30"},
        {"text": ARTICLE.replace("Nepal", "Peru"), "published": "2024-02-28"},
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(map(json.dumps, lines)), encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="communique"):
        docs = documents(run([tmp_path]))
    assert [d.published for d in docs] == [None, None, "2024-02-28"]
    warned = [r.getMessage() for r in caplog.records if "C110" in r.getMessage()]
    assert len(warned) == 2
    assert "feed.jsonl:1" in warned[0] and "feed.jsonl:2" in warned[1]


def test_a_bad_date_does_not_reach_the_event_dates(context: Any) -> None:
    from communique import process

    text = (
        "The Kenyan president met the Tanzanian president in Nairobi on Thursday to sign a "
        "border agreement."
    )
    good = process(text, published="2024-03-15", context=context)
    assert [e.date for e in good.events if e.date] == ["2024-03-14"]  # the control
    for bad in ("2024-02-30", "not-a-date"):
        document = process(text, published=bad, context=context)
        assert document.published is None
        # no anchor: "on Thursday" stays unresolved instead of counting from a bad date
        assert document.events and all(e.date is None for e in document.events)
