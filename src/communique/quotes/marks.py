"""Quotation marks: where the quoted stretches of a text are, from the characters alone.

In: the cleaned ``Document.text``. Out: ``MarkedSpan`` candidates (content
offsets without the marks) that ``communique.quotes`` then classifies as
quotations or scare quotes/titles using the parse. No spaCy here, so the rules
for marks are testable on their own.

Rules, in the order they matter on scraped news:

* double marks (straight ``"``, curly “ ” „, guillemets « ») and single marks
  (straight ``'``, curly ‘ ’, ‹ ›) are two families; a single-mark span that
  overlaps a double-mark span (a quote within a quote) is not reported;
* a straight mark opens or closes by what stands beside it (space before and a
  letter after opens; a letter or punctuation before and space or punctuation
  after closes) and otherwise toggles;
* a quote is never carried over a paragraph break: a paragraph that ends
  inside a quote closes it there, and a paragraph that "reopens" with a new
  mark starts a new span (one span per contiguous quoted stretch);
* an opening mark met while a quote is still open closes the open one (text
  scraped without its closing marks); the reporting clause of the next quote
  ("... of the valley.She added, “What") is cut off at the last full stop;
* apostrophes (Norway's, o'clock, the Jones' house, '90s) are letters on both
  sides or have no partner in the paragraph and never open a single-mark span.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import islice

from communique.quotes.spans import Spans

DOUBLE_OPEN = "“„«‟"
DOUBLE_CLOSE = "”»"
DOUBLE_EITHER = '"″'
SINGLE_OPEN = "‘‹‚"
SINGLE_CLOSE = "›"
SINGLE_EITHER = "'’"
ALL_MARKS = DOUBLE_OPEN + DOUBLE_CLOSE + DOUBLE_EITHER + SINGLE_OPEN + SINGLE_CLOSE + SINGLE_EITHER
_OPEN_BEFORE = "([{—–-/" + DOUBLE_OPEN + SINGLE_OPEN + DOUBLE_EITHER
_CLOSE_AFTER = ".,;:!?)]}—–-/…" + ALL_MARKS
# The reporting clause cut from an unclosed quote ("He added, ") is short:
# 12 words covers "Marta Ilves, an expert on Baltic shipping routes, said,".
_MAX_INTRO_WORDS = 12
_SENTENCE_END = re.compile(r"[.!?…]['’”\"]?")
# The scans below look at the marks only: found by these, not by a loop over every
# character (two Python loops over each article's text were a tenth of the quotes stage).
_DOUBLE_MARK = re.compile("[" + re.escape(DOUBLE_OPEN + DOUBLE_CLOSE + DOUBLE_EITHER) + "]")
_SINGLE_MARK = re.compile("[" + re.escape(SINGLE_OPEN + SINGLE_CLOSE + SINGLE_EITHER) + "]")


@dataclass(frozen=True)
class MarkedSpan:
    """Quoted content between ``start`` and ``end`` (marks excluded)."""

    start: int
    end: int
    open_mark: int  # offset of the opening mark
    close_mark: int | None  # offset of the closing mark; None when unclosed
    family: str  # "double" | "single"
    paragraph: int


def find_marked(text: str) -> list[MarkedSpan]:
    """All quoted stretches of ``text`` in order of their start."""
    spans: list[MarkedSpan] = []
    offset = 0
    for number, paragraph in enumerate(text.split("\n")):
        doubles = _scan_double(text, offset, offset + len(paragraph), number)
        # Doubles win: a single-mark span overlapping a double one is a quote
        # within a quote, or an apostrophe mistaken for a mark.
        outer = Spans([(d.open_mark, _outer_end(d)) for d in doubles])
        singles = [
            s
            for s in _scan_single(text, offset, offset + len(paragraph), number)
            if not outer.overlaps(s.open_mark, _outer_end(s))
        ]
        spans.extend(doubles + singles)
        offset += len(paragraph) + 1
    spans = [s for s in spans if text[s.start : s.end].strip()]
    return sorted(spans, key=lambda s: s.start)


def _outer_end(span: MarkedSpan) -> int:
    return span.close_mark + 1 if span.close_mark is not None else span.end


def _side(text: str, i: int, start: int, end: int) -> tuple[bool, bool]:
    """Whether the mark at ``i`` can open and whether it can close a quote."""
    before = text[i - 1] if i > start else ""
    after = text[i + 1] if i + 1 < end else ""
    can_open = (
        (not before or before.isspace() or before in _OPEN_BEFORE)
        and bool(after)
        and not after.isspace()
    )
    can_close = (
        bool(before)
        and not before.isspace()
        and (not after or after.isspace() or after in _CLOSE_AFTER)
    )
    return can_open, can_close


def _scan_double(text: str, start: int, end: int, paragraph: int) -> list[MarkedSpan]:
    spans: list[MarkedSpan] = []
    open_at: int | None = None
    for mark in _DOUBLE_MARK.finditer(text, start, end):
        i, char = mark.start(), mark.group()
        if char == "“" and open_at is not None and text[open_at] == "„":
            role = "close"  # German „...“
        elif char in DOUBLE_OPEN:
            role = "open"
        elif char in DOUBLE_CLOSE:
            role = "close"
        else:  # DOUBLE_EITHER
            can_open, can_close = _side(text, i, start, end)
            if open_at is None:
                role = "close" if can_close and not can_open else "open"
            else:
                role = "open" if can_open and not can_close else "close"
        if open_at is None:
            if role == "open":
                open_at = i
            continue  # a stray closing mark with nothing open: ignored
        if role == "open":
            spans.append(_unclosed(text, open_at, i, paragraph, cut_intro=True))
            open_at = i
        else:
            spans.append(MarkedSpan(open_at + 1, i, open_at, i, "double", paragraph))
            open_at = None
    if open_at is not None:
        spans.append(_unclosed(text, open_at, end, paragraph, cut_intro=False))
    return spans


def _unclosed(
    text: str, open_at: int, limit: int, paragraph: int, *, cut_intro: bool
) -> MarkedSpan:
    """A quote left open: it runs to ``limit`` less the next quote's reporting clause."""
    end = limit
    if cut_intro:
        stops = list(_SENTENCE_END.finditer(text, open_at + 1, limit))
        if stops:
            tail = text[stops[-1].end() : limit].strip()
            if tail and len(tail.split()) <= _MAX_INTRO_WORDS and tail[-1] in ",:":
                end = stops[-1].end()
    while end > open_at + 1 and text[end - 1].isspace():
        end -= 1
    return MarkedSpan(open_at + 1, end, open_at, None, "double", paragraph)


def _scan_single(text: str, start: int, end: int, paragraph: int) -> list[MarkedSpan]:
    """Single-mark spans: only closed pairs count, because apostrophes look the same."""
    opens: list[int] = []
    closes: list[int] = []
    for mark in _SINGLE_MARK.finditer(text, start, end):
        i, char = mark.start(), mark.group()
        before = text[i - 1] if i > start else ""
        after = text[i + 1] if i + 1 < end else ""
        if before.isalnum() and after.isalnum():
            continue  # Norway's, o'clock, don't
        can_open, can_close = _side(text, i, start, end)
        if char in SINGLE_OPEN or (char in SINGLE_EITHER and can_open and not can_close):
            if after.isdigit() and char in SINGLE_EITHER:
                continue  # '90s
            opens.append(i)
        elif char in SINGLE_CLOSE or (char in SINGLE_EITHER and can_close):
            closes.append(i)
    spans: list[MarkedSpan] = []
    cursor = start
    for o in opens:
        if o < cursor:
            continue
        # The closing marks after this one (a view, not a copy: each opening
        # mark costs a bisection, and the possessives skipped below are never
        # read again because the cursor moves past the chosen close).
        first = bisect_right(closes, o + 1)
        if first == len(closes):
            continue
        later = islice(closes, first, None)
        close = closes[first]
        # "the farmers' rights": a possessive s' followed by a lower-case word
        # is skipped when a later closing mark exists in the paragraph.
        for candidate in later:
            close = candidate
            nxt = text[candidate + 2] if candidate + 2 < end else ""
            possessive = (
                text[candidate - 1] in "sS"
                and text[candidate + 1 : candidate + 2] == " "
                and nxt.islower()
            )
            if not possessive:
                break
        spans.append(MarkedSpan(o + 1, close, o, close, "single", paragraph))
        cursor = close + 1
    return spans
