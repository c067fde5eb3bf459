"""Dates stage, part 1: where the time expressions are.

In: the spaCy ``Doc`` of one document. Out: candidate spans ``(start, end)``
in ``Document.text``, each with a flag saying whether its governing verb is in
the future; ``communique.dates.resolve`` then gives them values.

Two sources, merged longest-first: regular expressions over the text (cheap,
and they catch what the small English model misses: "June 19", "in the 2012
and 2014 wars" as two years, "on Thursday", "two years ago") and spaCy's DATE
entities, kept only when the grammar in ``resolve`` understands them, so that
durations and frequencies ("three decades", "20 days", "daily", "annual") and
vague periods ("the holy month of Ramadan") are dropped. Bare four-digit
numbers count as years unless the parse shows a quantity ("2000 troops").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from communique.dates.resolve import parse

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_MON = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
)
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:])"
_YEAR = r"(?:1[89]\d\d|20\d\d)(?![\d,.]\d)"
_NUM = (
    r"(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty|forty|fifty|a couple of|a few|few|several|some)"
)
_ORD = (
    r"(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    r"eleventh|twelfth|fifteenth|twentieth|twenty-fifth|thirtieth|fortieth|fiftieth|sixtieth|"
    r"seventieth|seventy-fifth|hundredth)"
)
_MODS = r"(?:[Ll]ast|[Nn]ext|[Tt]his\s+coming|[Tt]his|[Cc]oming|[Pp]ast)"

# Each pattern's group ``t`` is the time expression; what is around it is context.
PATTERNS: list[re.Pattern[str]] = [
    # "Thursday 22 June 2023", "22nd of June", "the 3rd of January, 2020"
    re.compile(rf"(?P<t>(?:{_WD},?\s+)?(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MON}(?:,?\s+{_YEAR})?)"),
    # "January 3, 2020", "Friday, April 29", "Jan. 3"
    re.compile(rf"(?P<t>(?:{_WD},?\s+)?{_MON}\s+{_DAY}(?:,?\s+{_YEAR})?)"),
    # "January 2020", "March of 2019"
    re.compile(rf"(?P<t>{_MON},?\s+(?:of\s+)?{_YEAR})"),
    # ISO dates in datelines: "2022-04-28"
    re.compile(r"(?P<t>\b(?:19|20)\d\d-[01]\d-[0-3]\d\b)"),
    # "last Thursday", "on Monday morning"
    # ("the last Friday of Ramadan", "the first Monday of the month" are calendar rules,
    # not dates; "found guilty on Thursday of raping" is a date)
    re.compile(
        rf"(?<![Tt]he )(?P<t>(?:\b{_MODS}\s+)?\b{_WD}(?:\s+(?:morning|afternoon|evening|night))?)\b"
        r"(?!\s+of\s+(?:the\s+|this\s+|each\s+|every\s+)?(?:[a-z]+\s+)?(?:[A-Z]|month|year))"
    ),
    # "earlier in the month", "later in the year"
    re.compile(r"(?P<t>\b(?:[Ee]arlier|[Ll]ater)\s+in\s+the\s+(?:week|month|year))\b"),
    # "last week", "earlier this month", "late last year"
    re.compile(
        rf"(?P<t>(?:\b(?:[Ee]arlier|[Ll]ater|[Ee]arly|[Ll]ate)\s+)?\b{_MODS}\s+(?:week|month|year))\b"
    ),
    # "in June", "last December": a bare month needs a word that makes it a date
    re.compile(
        r"(?:\b(?:[Ii]n|[Ss]ince|[Dd]uring|[Uu]ntil|[Bb]y|[Ff]rom|[Oo]f|[Ee]arly|[Ll]ate|[Tt]hrough)\s+"
        rf"|\b[Mm]id-)(?P<t>{_MON})(?!\s+\d)|(?P<t2>\b{_MODS}\s+{_MON})(?!\s+\d)"
    ),
    re.compile(
        r"(?P<t>\b(?:[Yy]esterday|[Tt]oday|[Tt]omorrow|[Tt]onight|[Ll]ast night"
        r"|[Tt]his (?:morning|afternoon|evening))\b)"
    ),
    # "two years ago", "just a few days ago", "two or three years ago"
    re.compile(
        rf"(?P<t>\b(?:[Jj]ust\s+|[Oo]nly\s+|[Aa]bout\s+|[Nn]early\s+)?{_NUM}(?:\s+or\s+\w+)?\s+"
        r"(?:days?|weeks?|months?|years?|decades?)\s+ago)\b",
        re.IGNORECASE,
    ),
    # "the third anniversary of ..."
    re.compile(rf"(?P<t>\b(?:[Tt]he\s+)?{_ORD}\s+anniversary)\b"),
    # decades: "the 1990s"
    re.compile(r"(?P<t>\b(?:1[89]|20)\d0s)\b"),
]
YEAR = re.compile(rf"(?<![\d$£€.,:/-])\b(?P<t>{_YEAR})\b(?!\s?%|s\b|-(?:strong|year|member))")

_CLOCK = re.compile(r"^\d{1,2}:\d\d$|^[-–—]$")
# A number directly before one of these is a quantity, not a year.
_UNITS = {
    "percent", "per", "km", "kilometres", "kilometers", "miles", "metres", "meters", "feet",
    "tonnes", "tons", "barrels", "dollars", "euros", "pounds", "rials", "hours", "minutes",
}  # fmt: skip
_UNTIL = {"until", "till", "til"}
_FUTURE_LEMMAS = {"schedule", "plan", "expect", "due", "set", "slate", "intend", "prepare"}
_ATTACH_DEPS = {"prep", "pobj", "npadvmod", "nummod", "compound", "amod", "conj", "appos", "cc"}


def find_candidates(doc: Doc, text: str | None = None) -> list[tuple[int, int]]:
    """Non-overlapping time expression spans in ``doc.text``, longest first, in text order.

    ``text``: the parsed text when the caller has it (spaCy rebuilds ``doc.text`` token
    by token on every access, which was most of this stage's time on eval-news).
    """
    text = doc.text if text is None else text
    found: list[tuple[int, int, int]] = []  # (start, end, source rank: 0 regex, 1 spaCy)
    for pattern in PATTERNS:
        for start, end in _matches(pattern, text):
            found.append((start, end, 0))
    for match in YEAR.finditer(text):
        if _is_year(doc, match.start("t"), match.end("t")):
            found.append((match.start("t"), match.end("t"), 0))
    for ent in doc.ents:
        if ent.label_ != "DATE":
            continue
        span = _trim(ent)
        expr = None if span is None else parse(text[span[0] : span[1]])
        if span is None or expr is None:
            continue
        if expr.kind == "year" and not _is_year(doc, *span):
            continue  # "2000 troops"
        if expr.kind == "weekday" and ent.end < len(doc) and doc[ent.end].lower_ == "of":
            continue  # "the last Friday of Ramadan"
        found.append((span[0], span[1], 1))
    found.sort(key=lambda item: (-(item[1] - item[0]), item[2], item[0]))
    taken: list[tuple[int, int]] = []
    for start, end, _ in found:
        if all(end <= s or start >= e for s, e in taken):
            taken.append((start, end))
    return sorted(_strip_the(text, s, e) for s, e in taken)


def _matches(pattern: re.Pattern[str], text: str) -> Iterator[tuple[int, int]]:
    for match in pattern.finditer(text):
        group = "t" if match.group("t") is not None else "t2"
        yield match.start(group), match.end(group)


def _strip_the(text: str, start: int, end: int) -> tuple[int, int]:
    """The expression without a leading article: "the third anniversary" → "third anniversary"."""
    if text[start : start + 4].lower() == "the ":
        start += 4
    while end > start and text[end - 1].isspace():
        end -= 1  # a date line's entity can run into the blank line after it
    return start, end


def _trim(ent: Span) -> tuple[int, int] | None:
    tokens = list(ent)
    while tokens and tokens[0].lower_ in ("the", "on", "in", "at", "since", "by", "from"):
        tokens.pop(0)
    # trailing punctuation and clock times: "Friday 15 March 2024 - 09:40"
    while tokens and (tokens[-1].is_punct or _CLOCK.match(tokens[-1].text)):
        tokens.pop()
    if not tokens:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _is_year(doc: Doc, start: int, end: int) -> bool:
    """A four-digit number read as a year unless the parse makes it a count or a measure."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return span is not None
    token = span[0]
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    before = doc[token.i - 1] if token.i > 0 else None
    if after is not None and after.lower_ in _UNITS:
        return False
    if before is not None and before.lower_ in (
        "$",
        "us$",
        "no.",
        "number",
        "page",
        "about",
        "some",
    ):
        return False
    # "2000 troops": a bare number before a plural noun counts things, while
    # "the 2006 elections" and "the 2012 and 2014 wars" (an article or a
    # coordination before it) name years.
    return not (
        after is not None
        and after.tag_ in ("NNS", "NNPS")
        and token.dep_ == "nummod"
        and (before is None or before.lower_ not in ("the", "and", "or", ",", "'s", "its", "their"))
    )


def governor(doc: Doc, start: int, end: int) -> Token | None:
    """The token a time expression modifies: up through prepositions to a verb or noun."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    token = span.root
    for _ in range(6):  # dependency paths from a date to its verb are short; guard cycles
        head = token.head
        if head.i == token.i:
            return None if span.start <= token.i < span.end else token
        if span.start <= head.i < span.end:
            token = head
            continue
        if head.pos_ == "ADP" or (token.dep_ == "conj" and head.like_num) or head.dep_ == "cc":
            token = head
            continue
        return head
    return None


def after_until(doc: Doc, start: int, end: int) -> bool:
    """Whether the expression ends a period: "until October 14", "till March"."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and span.start > 0 and doc[span.start - 1].lower_ in _UNTIL


def is_future(doc: Doc, start: int, end: int) -> bool:
    """Whether the expression's governing verb is future ("will meet", "to visit", "is due")."""
    verb = governor(doc, start, end)
    if verb is None:
        return False
    if verb.pos_ not in ("VERB", "AUX"):
        # "talks on Monday" inside "will hold talks on Monday": look at the noun's verb.
        if verb.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "pobj") and verb.head.i != verb.i:
            verb = verb.head
        if verb.pos_ not in ("VERB", "AUX"):
            return False
    aux = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in ("will", "'ll", "shall", "wo") for a in aux):
        return True
    if any(a.tag_ == "TO" for a in aux) and verb.dep_ == "xcomp":
        return True  # "plans to visit on Monday"
    if verb.lemma_ in _FUTURE_LEMMAS and any(a.lower_ in ("is", "are", "was", "were") for a in aux):
        return True  # "is scheduled for Monday"
    # present progressive with a date is future in news: "the minister is visiting Oslo on Monday"
    return verb.tag_ == "VBG" and any(a.tag_ in ("VBZ", "VBP") for a in aux)
