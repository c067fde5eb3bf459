"""The dates stage on sentences of our own: what is found, how it is anchored, where it attaches."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from communique.dates import attach, timexes_in
from communique.dates import timexes as find
from communique.model import Document, TimeRef

EVAL_DIR = Path(__file__).resolve().parents[3] / "shared" / "eval"


def run(nlp: Any, text: str, published: str | None = "2024-03-14") -> list[TimeRef]:
    # 2024-03-14 is a Thursday.
    return find(nlp(text), published)


def found(
    nlp: Any, text: str, published: str | None = "2024-03-14"
) -> list[tuple[str, str | None]]:
    return [(t.text, t.value) for t in run(nlp, text, published)]


CASES = [
    (
        "The foreign minister arrived in Nairobi on Tuesday for talks with Kenyan officials.",
        [("Tuesday", "2024-03-12")],
    ),
    (
        "The opposition leader was arrested on January 3, 2020, in the capital.",
        [("January 3, 2020", "2020-01-03")],
    ),
    ("Parliament approved the budget on March 2.", [("March 2", "2024-03-02")]),
    (
        "The two presidents signed the accord in the 2015 and 2019 summits.",
        [("2015", "2015"), ("2019", "2019")],
    ),
    (
        "The ceasefire collapsed two years ago after a series of border clashes.",
        [("two years ago", "2022")],
    ),
    ("Protesters gathered outside the embassy last week.", [("last week", "2024-03")]),
    ("Rebels seized the town of Goma in November 2012.", [("November 2012", "2012-11")]),
    ("The government has already held three rounds of talks this year.", [("this year", "2024")]),
    ("The ministry said yesterday that the border would reopen.", [("yesterday", "2024-03-13")]),
    ("Troops withdrew from the region earlier this month.", [("earlier this month", "2024-03")]),
    (
        "Thousands marched on the third anniversary of the coup in Niamey.",
        [("third anniversary", "2024")],
    ),
    ("The party was banned after the 1979 revolution.", [("1979", "1979")]),
    ("The general ruled the country from 1988 to 1996.", [("1988", "1988"), ("1996", "1996")]),
    ("Elections were held in December.", [("December", "2023-12")]),
    ("Talks resumed last Friday in Doha.", [("last Friday", "2024-03-08")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_expressions_are_found_and_resolved(nlp: Any, text: str, expected: list[Any]) -> None:
    assert found(nlp, text) == expected


NOT_DATES = [
    "The veteran diplomat has served his country for three decades.",
    "The group said it had lost 25 martyrs in the fighting.",
    "Two-thirds of the deputies voted against the motion.",
    "The meeting started at 10:30 and lasted four hours.",
    "The army deployed 2000 troops along the frontier.",
    "Inflation reached 1999 percent according to the central bank.",
    "Villagers meet daily to share news of the front.",
    "The festival falls on the last Friday of the holy month.",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_durations_counts_and_clock_times_are_not_timexes(nlp: Any, text: str) -> None:
    assert found(nlp, text) == []


def test_future_verb_moves_a_weekday_forward(nlp: Any) -> None:
    assert found(nlp, "The envoy will meet the rebels on Monday in Juba.") == [
        ("Monday", "2024-03-18")
    ]
    assert found(nlp, "The envoy met the rebels on Monday in Juba.") == [("Monday", "2024-03-11")]
    assert found(nlp, "The envoy plans to travel to Juba on Monday.") == [("Monday", "2024-03-18")]


def test_future_verb_moves_a_day_and_month_forward(nlp: Any) -> None:
    text = "The committee will vote on February 20 on the new constitution."
    assert found(nlp, text) == [("February 20", "2025-02-20")]


def test_said_on_a_weekday_that_something_will_happen_keeps_the_past_day(nlp: Any) -> None:
    text = "The minister said on Wednesday that the army will withdraw."
    assert found(nlp, text) == [("Wednesday", "2024-03-13")]


def test_without_publication_date_relative_values_are_none(nlp: Any) -> None:
    refs = run(nlp, "The envoy met the rebels on Monday, two days after the 2019 accord.", None)
    assert [(t.text, t.value, t.anchor) for t in refs] == [
        ("Monday", None, "publication"),
        ("2019", "2019", "absolute"),
    ]


def test_dateline_with_clock_time(nlp: Any) -> None:
    refs = run(nlp, "Friday 15 March 2024 - 09:40\n\nThe cabinet met in Dakar.", None)
    assert [(t.text, t.value, t.precision) for t in refs] == [
        ("Friday 15 March 2024", "2024-03-15", "day")
    ]


def test_offsets_point_into_the_text(nlp: Any) -> None:
    text = "Officials in Lima said on Tuesday that the vote of June 7, 2021 stands."
    for ref in run(nlp, text):
        assert text[ref.start : ref.end] == ref.text


def test_background_year_attaches_to_its_noun_and_weekday_to_its_verb(nlp: Any) -> None:
    doc = nlp("The president met the envoy on Thursday and recalled the 2014 war.")
    refs = find(doc, "2024-03-14")
    heads = {ref.text: doc[index].text for ref in refs if (index := attach(doc, ref)) is not None}
    assert heads == {"Thursday": "met", "2014": "war"}


def test_timexes_in_a_range(nlp: Any) -> None:
    text = "The talks began on Monday. They ended in 2021 without a deal."
    doc = nlp(text)
    document = Document(id="t", text=text, original=text, published="2024-03-14")
    document.timexes = find(doc, document.published)
    second = text.index("They")
    assert [t.text for t in timexes_in(document, second, len(text))] == ["2021"]
    assert [t.text for t in timexes_in(document, 0, second)] == ["Monday"]


def test_the_stage_fills_document_timexes(analyse: Any) -> None:
    document = analyse("The delegation arrived in Hanoi on Sunday.", published="2024-03-14")
    assert [(t.text, t.value) for t in document.timexes] == [("Sunday", "2024-03-10")]


@pytest.mark.skipif(not (EVAL_DIR / "gold").is_dir(), reason="no shared eval set")
def test_dates_the_gold_events_need_are_found(nlp: Any) -> None:
    """Each gold event date is a timex value in its article, or the article's own date.

    Background events must find their date in their own sentence (they never
    take the report's date).
    """
    articles = {}
    for line in (EVAL_DIR / "gold" / "articles.jsonl").read_text().splitlines():
        record = json.loads(line)
        articles[record["id"]] = record
    parsed: dict[str, tuple[Any, list[TimeRef]]] = {}
    missing = []
    for line in (EVAL_DIR / "gold" / "events.jsonl").read_text().splitlines():
        event = json.loads(line)
        meta = articles.get(event["article"])
        if not event["date"] or meta is None:
            continue
        if event["article"] not in parsed:
            doc = nlp((EVAL_DIR / meta["file"]).read_text(encoding="utf-8"))
            parsed[event["article"]] = (doc, find(doc, meta["published"]))
        doc, refs = parsed[event["article"]]
        if event["salience"] == "background":
            start = doc.text.index(event["evidence"])
            sentence = next(s for s in doc.sents if s.start_char <= start < s.end_char)
            refs = [r for r in refs if sentence.start_char <= r.start < sentence.end_char]
        if event["date"] not in {r.value for r in refs} | {meta["published"]}:
            missing.append((event["article"], event["id"], event["date"]))
    assert missing == []
