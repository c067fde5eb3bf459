"""The quote finder on large inputs: what it finds, not how fast (issue 15, item 5).

The interval lookups that keep the finder linear (``quotes.spans``) are tested
against a plain scan; the mark scanner and the whole stage are run on texts
with thousands of marks, and their output is checked quote by quote.
"""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest

from communique.model import Quote
from communique.quotes.marks import find_marked
from communique.quotes.spans import Spans

Run = Callable[..., list[Quote]]

INTERVALS = [(0, 10), (3, 5), (12, 20), (15, 30), (40, 41), (50, 90), (60, 70)]


@pytest.mark.parametrize("offset", [0, 4, 9, 10, 11, 16, 25, 35, 40, 41, 65, 89, 95])
def test_containing_agrees_with_a_scan(offset: int) -> None:
    spans = Spans(INTERVALS)
    found = spans.containing(offset)
    holders = [(s, e) for s, e in INTERVALS if s <= offset < e]
    assert (found is None) == (not holders)
    if found is not None:
        assert found in holders and found[0] == max(s for s, _ in holders)


def test_overlaps_and_first_overlapping_agree_with_a_scan() -> None:
    rng = random.Random(7)
    pairs = []
    for _ in range(300):
        start = rng.randrange(0, 5000)
        pairs.append((start, start + rng.randrange(1, 80)))
    spans = Spans(pairs)
    for _ in range(2000):
        start = rng.randrange(0, 5100)
        end = start + rng.randrange(1, 60)
        hits = sorted((s, e) for s, e in pairs if s < end and start < e)
        assert spans.overlaps(start, end) == bool(hits)
        assert spans.first_overlapping(start, end) == (hits[0] if hits else None)
        assert spans.encloses(start, end) == any(s <= start and end <= e for s, e in pairs)


def test_five_thousand_marks_in_one_paragraph() -> None:
    # 2,500 quoted words alternating with apostrophes and possessives: every
    # pair is found once, none runs into the next.
    unit = "the board's “plan” and the members' 'view' "
    text = unit * 1250
    spans = find_marked(text)
    contents = [text[s.start : s.end] for s in spans]
    assert contents.count("plan") == 1250
    assert contents.count("view") == 1250
    assert len(contents) == 2500


def test_an_unclosed_mark_in_a_huge_paragraph() -> None:
    text = "word " * 40_000 + "“and then nothing closes"
    [span] = find_marked(text)
    assert text[span.start : span.end] == "and then nothing closes"
    assert span.close_mark is None


def test_a_long_paragraph_without_punctuation_has_no_quote(quotes: Run) -> None:
    text = " ".join(["the committee met the delegation in the hall"] * 300)
    assert quotes(text, {}) == []


def test_many_quotations_each_with_its_speaker(quotes: Run) -> None:
    people = ["Maria Lopez", "John Okafor", "Sarah Brennan"]
    mentions = {name: "local:" + name.lower().replace(" ", "-") for name in people}
    sentences = []
    for i in range(150):
        name = people[i % 3]
        sentences.append(
            f"“We counted {i + 1} boats in the bay,” {name} said. "
            f"Officials called it “a record” and 'unusual'."
        )
    text = " ".join(sentences)
    found = quotes(text, mentions)
    direct = [q for q in found if q.text.startswith("We counted")]
    assert len(direct) == 150
    for i, quote in enumerate(direct):
        assert quote.text == f"We counted {i + 1} boats in the bay,"
        assert quote.speaker_id == mentions[people[i % 3]]
    assert all(text[q.start : q.end] == q.text for q in found)
