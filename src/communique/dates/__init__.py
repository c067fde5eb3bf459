"""Dates stage: every time expression in a document, resolved to an ISO value.

In: the spaCy ``Doc`` and ``Document.text``/``Document.published`` (after the
``sentences`` stage). Out: ``Document.timexes``, a list of ``TimeRef`` records
in text order. Runs before ``actors``, ``quotes`` and ``events``; ``events``
dates each event with the helpers below.

    candidates.py  where the expressions are (regexes + spaCy DATE entities)
    resolve.py     what they mean (grammar, anchoring to the publication date)

Interface for the events stage (and anyone else):

``timexes_in(document, start, end) -> list[TimeRef]``
    The document's time expressions lying wholly inside the character range
    ``[start, end)``: pass a sentence's or a clause's offsets.

``attach(doc, timex) -> int | None``
    Index in ``doc`` of the token the expression modifies in the dependency
    parse: up from the expression through prepositions ("on", "in") and
    coordinated years to the first verb or noun outside it ("met ... on
    Thursday" → ``met``; "in the 2012 and 2014 wars" → ``wars``). None when the
    expression is the root of its sentence (a dateline).

``resolve_expression(text, published, future=False) -> (value, precision)``
    The rules on one string, for tests and for stages that find their own
    expressions.

``anniversary_origin(text, published) -> str | None``
    Year of the event an anniversary marks ("the third anniversary" → pub year - 3).

Anchors: ``absolute`` when the text alone fixes the value ("January 3, 2020",
"2012"); ``publication`` when it was counted from ``Document.published``
("on Thursday", "last year"); such values are None when the publication date
is unknown.

A speaker's "today" is the day of speaking, not of the report: "today", "this
afternoon" or "tonight" inside a direct quotation takes the day the story last
named before it within the report's week ("On Monday the minister spoke ...
'we raised it today'" → Monday). Outside quotations they are the report's day.
"The previous day", "the next day", "that (same) day" are the day the story
last named, shifted by one for "previous" and "next" ("the same day as the
court" names another day and is left alone).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from communique.dates.candidates import after_until, find_candidates, governor, is_future
from communique.dates.resolve import (
    anchor,
    anniversary_origin,
    following_day,
    parse,
    resolve_expression,
)
from communique.model import Document, TimeRef

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from communique.context import Context

__all__ = [
    "SPEECH_DAY",
    "anniversary_origin",
    "attach",
    "find_timexes",
    "resolve_expression",
    "timexes",
    "timexes_in",
]

# How far (characters, within a paragraph) a full date sets the year of a following
# day without one: the same or the next sentence ("on November 15, 2017, ... on November 21").
STORY_REACH = 400
# Relative expressions whose reading changes with a future verb; others skip the parse walk.
_TENSED = {"weekday", "day_month", "month"}
# Expressions of the speaker's own day ("today", "this afternoon") and how far back a day
# the story named may be to be the day a quotation was spoken (the report's week).
SPEECH_DAY = re.compile(r"(?:today|tonight|this\s+(?:morning|afternoon|evening))", re.IGNORECASE)
SPEECH_DAY_REACH = 7
# Days named by reference to the day the story last named: "the previous day", "the next
# day", "that same day" (not "the same day as X", which names X's day), and how far back
# (characters) that day may be named.
ANAPHORIC_DAY = re.compile(
    r"\b(?:[Tt]he\s+(?:(?P<shift>previous|following|next)|same)\s+day|[Tt]hat\s+(?:same\s+)?day)\b"
    r"(?!\s+(?:as|of|before|after|when)\b)"
)
ANAPHORIC_REACH = 1500


def find_timexes(doc: Doc, document: Document, context: Context) -> None:
    """Stage function: fill ``document.timexes`` (see the module docstring)."""
    document.timexes = timexes(doc, document.published, document.text)


def timexes(doc: Doc, published: str | None, text: str | None = None) -> list[TimeRef]:
    """The time expressions of a parsed text, resolved against ``published``.

    ``text``: the parsed text when the caller has it, to spare rebuilding ``doc.text``.
    """
    text = doc.text if text is None else text
    out: list[TimeRef] = []
    story: tuple[int, str] | None = None  # (end offset, ISO day) of the last full date
    for start, end in find_candidates(doc, text):
        expression = text[start:end]
        expr = parse(expression)
        if expr is None:
            value, precision = resolve_expression(expression, published)
            if value is None:
                continue
            out.append(
                TimeRef(start=start, end=end, text=expression, value=value, precision=precision)
            )
            continue
        future = expr.kind in _TENSED and expr.mod is None and is_future(doc, start, end)
        value, precision, how = anchor(expr, published, future)
        if (
            expr.kind in _TENSED
            and expr.mod is None
            and not future
            and after_until(doc, start, end)
        ):
            # "until October 14" ends a period that may still run: the nearer reading wins
            ahead = anchor(expr, published, True)
            if _nearer(ahead[0], value, published):
                value, precision, how = ahead
        if expr.kind == "date" and value:
            # a full date after the report is a deadline or a plan, not the story's
            # timeline: "the deadline stands at October 31, 2019. On September 13 ..."
            # (a September report) is this September
            deadline = published is not None and value[:10] > published[:10]
            story = None if deadline else (end, value)
        elif (
            expr.kind == "day_month"
            and not future
            and story
            and start - story[0] <= STORY_REACH
            and "\n\n" not in text[story[0] : start]
        ):
            # "moved on November 15, 2017, ... his resignation on November 21": a day
            # without a year continues the story of the paragraph's last full date
            value = following_day(story[1], expr) or value
        out.append(
            TimeRef(
                start=start, end=end, text=expression, value=value, precision=precision, anchor=how
            )
        )
    _speech_days(text, out, published)
    return _anaphoric_days(text, out)


def _anaphoric_days(text: str, found: list[TimeRef]) -> list[TimeRef]:
    """Add "the previous day", "the next day", "that day": the day the story last named
    before them, shifted by one for "previous" and "next"/"following"."""
    from datetime import date, timedelta

    added: list[TimeRef] = []
    for match in ANAPHORIC_DAY.finditer(text):
        start, end = match.span()
        if any(t.start < end and start < t.end for t in found):
            continue
        before = [
            t
            for t in found
            if t.end <= start and start - t.end <= ANAPHORIC_REACH and t.value
            if len(t.value) >= 10 and t.precision == "day"
        ]
        if not before:
            continue
        try:
            day = date.fromisoformat(str(before[-1].value)[:10])
        except ValueError:
            continue
        shift = match.group("shift")
        if shift is not None:
            day += timedelta(days=-1 if shift == "previous" else 1)
        value = day.isoformat()
        added.append(
            TimeRef(
                start=start,
                end=end,
                text=match.group(0),
                value=value,
                precision="day",
                anchor=before[-1].anchor,
            )
        )
    return sorted(found + added, key=lambda t: t.start) if added else found


def _speech_days(text: str, found: list[TimeRef], published: str | None) -> None:
    """Give a quoted "today" the day the story last named before it (module docstring)."""
    from datetime import date

    if not published:
        return
    pub = date.fromisoformat(published[:10])
    last_day: str | None = None
    for timex in found:
        if (
            SPEECH_DAY.fullmatch(timex.text.strip())
            and timex.value == published[:10]
            and last_day is not None
            and _in_quotation(text, timex.start)
        ):
            timex.value = last_day
            continue
        if timex.value and len(timex.value) >= 10:
            try:
                day = date.fromisoformat(timex.value[:10])
            except ValueError:
                continue
            if 0 <= (pub - day).days <= SPEECH_DAY_REACH:
                last_day = timex.value[:10]


def _in_quotation(text: str, offset: int) -> bool:
    """The offset lies inside a quotation opened earlier in its paragraph."""
    paragraph = text[text.rfind("\n\n", 0, offset) + 1 : offset]
    curly = paragraph.count("\u201c") - paragraph.count("\u201d")
    return curly > 0 or paragraph.count('"') % 2 == 1


def _nearer(candidate: str | None, current: str | None, published: str | None) -> bool:
    from datetime import date

    if not candidate or not current or not published or len(candidate) < 10:
        return False
    pub = date.fromisoformat(published[:10])
    return (
        abs((date.fromisoformat(candidate[:10]) - pub).days)
        < abs((date.fromisoformat(current[:10]) - pub).days)
        if len(current) >= 10
        else False
    )


def timexes_in(document: Document, start: int, end: int) -> list[TimeRef]:
    """The document's time expressions lying wholly inside ``[start, end)``, in text order."""
    return [t for t in document.timexes if start <= t.start and t.end <= end]


def attach(doc: Doc, timex: TimeRef) -> int | None:
    """Token index of the verb or noun the expression modifies (see the module docstring)."""
    token = governor(doc, timex.start, timex.end)
    return None if token is None else int(token.i)
