"""Metadata printed in the text: title, outlet and publication date.

Place in the pipeline: runs inside ingest on the text ``ingest.clean`` made,
before the ``Document`` is built; analysis (spaCy) comes after and reads
``Document.published`` as the anchor for relative dates.

Only the top of a text is searched for a date: the header lines before the
first body paragraph ("Thursday 22 June 2023 - 20:22", "Published: 22 June
2023", "date 2022-04-28") and the dateline prefix of the first body
paragraphs ("TEHRAN, June 22, 2023 (IRNA) -"). Dates further down are
about events, not the report. The outlet comes from a leading "Outlet Name -"
prefix, an agency in a dateline, a site-name line above the headline, or a
copyright line.

Decision on removal: only a dateline or outlet prefix glued to a body
paragraph ("Islam Times - A meeting ...", "date 2022-04-28 He said ...",
"TEHRAN (IRNA) - ...") is removed from the cleaned text, because the parser
would read it as part of the first sentence. Header lines above the body (the
headline, with any outlet before it, a date line, a site-name line) stay:
they are sentences of their own, headlines state events too, and copies of
one story from two sites keep distinct texts. Removal goes through the
tracked text, so offsets stay mapped to the original.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from communique.ingest.clean import ends_sentence, is_body, lines_of, word_count

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DATE_FORMS = (
    rf"{_YEAR}[-/.](?P<num>[01]?\d)[-/.](?P<day>[0-3]?\d)\b",
    rf"{_WEEKDAY}{_DAY}\s+{_MONTH},?\s+{_YEAR}\b",
    rf"{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}\b",
)
_DATE_RES = [re.compile(form, re.IGNORECASE) for form in _DATE_FORMS]
_TIME = r"(?:\s*(?:[-–—|,@]|\bat\b)?\s*\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s*\(?[A-Z]{2,4}\)?)?)?"
_LABEL = (
    r"(?:date|dated|published|publish date|posted|posted on|published on|first published|"
    r"released|issued)(?:\s+on)?\s*:?"
)
# words that make a name prefix look like a publication rather than a person or a country
_OUTLET_WORDS = frozenset(
    {"news", "times", "agency", "press", "post", "daily", "herald", "tribune", "journal"}
    | {"gazette", "network", "media", "tv", "radio", "online", "wire", "monitor", "observer"}
    | {"telegraph", "chronicle", "express", "standard", "group", "office", "service"}
    | {"broadcasting", "channel", "today", "insider", "review", "weekly", "mirror"}
)
_DESK_SUFFIX = re.compile(
    r"\s+(?:analysis group|news desk|desk|newsroom|bureau|staff|team|correspondent)$", re.I
)


@dataclass
class Found:
    """What the top of a text says; ``remove`` are spans of the text to delete."""

    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    remove: list[tuple[int, int]] = field(default_factory=list)


def parse_date(text: str) -> tuple[str, int, int] | None:
    """The first complete printed date in ``text``: (ISO date, start, end), or None."""
    best: tuple[str, int, int] | None = None
    for pattern in _DATE_RES:
        for match in pattern.finditer(text):
            iso = _iso(match)
            if iso and (best is None or match.start() < best[1]):
                best = (iso, match.start(), match.end())
                break
    return best


def _iso(match: re.Match[str]) -> str | None:
    groups = match.groupdict()
    month = int(groups["num"]) if groups.get("num") else _MONTHS[groups["mon"][:3].lower()]
    try:
        return date(int(groups["year"]), month, int(groups["day"])).isoformat()
    except ValueError:
        return None


def date_line(line: str) -> str | None:
    """The date of a line that says nothing but a (labelled) date and time."""
    found = parse_date(line)
    if found is None:
        return None
    rest = (line[: found[1]] + " " + line[found[2] :]).strip()
    rest = re.sub(rf"^{_LABEL}", "", rest, flags=re.I)
    rest = re.sub(_TIME, "", rest)
    rest = re.sub(r"\b(?:GMT|UTC|IST|EST|EDT|CET|CEST)\b|[-–—|,:@()\s]+", "", rest)
    return found[0] if not rest else None


_LABELLED_PREFIX = re.compile(rf"\s*{_LABEL}\s*(?P<rest>.{{6,40}}?)(?=\s)", re.IGNORECASE)
_DATE_PREFIX_DASH = re.compile(rf"\s*(?P<rest>.{{6,40}}?){_TIME}\s*[-–—:|]+\s+", re.IGNORECASE)
_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z'.-]{2,}(?:[ -][A-Z][A-Z'.-]+){0,3})"
    r"(?:,\s*[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)?)?"  # ", Iran" / ", Calif."
    r"(?:,?\s*(?P<when>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,?\s+(?:19|20)\d\d)?|\d{1,2}\s+[A-Z][a-z]{2,8}"
    r"(?:\s+(?:19|20)\d\d)?))?"
    r"\s*(?:\((?P<agency>[^)\n]{2,40})\))?\s*(?:--?|–|—)\s+"
)
_PREFIX_OUTLET = re.compile(
    r"(?P<name>[A-Z0-9][\w&.'’]*(?:\s+(?:[A-Z0-9&][\w&.'’-]*|of|the|and|for)){0,5})"
    r"(?:\s+[-–—]\s+|\s*:\s+)(?=[A-Z“\"‘0-9])"
)


def find(text: str) -> Found:
    """Find title, outlet and date at the top of a cleaned text (see the module docstring)."""
    found = Found()
    lines = lines_of(text)
    body_index = next((i for i, (_, _, line) in enumerate(lines) if is_body(line)), len(lines))
    header = [entry for entry in lines[:body_index] if entry[2].strip()]
    for position, (_, _, line) in enumerate(header):
        iso = date_line(line)
        if iso:
            found.published = found.published or iso
            continue
        if found.published is None and word_count(line) <= 15:
            in_line = parse_date(line)
            if in_line:
                found.published = in_line[0]
        if position == 0 and _is_site_line(line, header[1:]):
            found.outlet = _outlet_name(line)
            continue
        if found.title is None and _headline(line):
            # "Nordic Wire - Norway and Qatar discuss ...": an outlet before the headline
            prefix = _PREFIX_OUTLET.match(line)
            if prefix and found.outlet is None and _outletish(prefix.group("name")):
                found.outlet = _outlet_name(prefix.group("name"))
                line = line[prefix.end() :]
            found.title = line.strip()
    body = [entry for entry in lines[body_index:] if entry[2].strip()][:3]
    for rank, (start, _, line) in enumerate(body):
        if start > 1500:
            break
        removed = _prefixes(line, rank, found)
        if removed:
            found.remove.append((start, start + removed))
    return found


def _prefixes(line: str, rank: int, found: Found) -> int:
    """Length of the outlet/dateline prefix at the start of a body paragraph (0 if none)."""
    position = 0
    for _ in range(2):  # "Outlet - TEHRAN (IRNA) - ..." has two
        rest = line[position:]
        step = (
            _date_prefix(rest, found) or _dateline(rest, found) or _outlet_prefix(rest, rank, found)
        )
        if not step:
            break
        position += step
    return position


def _date_prefix(rest: str, found: Found) -> int:
    for pattern in (_LABELLED_PREFIX, _DATE_PREFIX_DASH):
        match = pattern.match(rest)
        if match:
            when = parse_date(match.group("rest"))
            if when and not match.group("rest")[: when[1]].strip(" ,"):
                found.published = found.published or when[0]
                if pattern is _LABELLED_PREFIX:
                    return (
                        match.start("rest")
                        + when[2]
                        + _space_after(rest, match.start("rest") + when[2])
                    )
                return match.end()
    return 0


def _space_after(text: str, index: int) -> int:
    return len(text[index:]) - len(text[index:].lstrip())


def _dateline(rest: str, found: Found) -> int:
    match = _DATELINE.match(rest)
    if not match or not (match.group("when") or match.group("agency")):
        return 0
    if match.group("when"):
        when = parse_date(match.group("when"))
        if when:
            found.published = found.published or when[0]
    if match.group("agency") and found.outlet is None:
        found.outlet = match.group("agency").strip()
    return match.end()


def _outlet_prefix(rest: str, rank: int, found: Found) -> int:
    match = _PREFIX_OUTLET.match(rest)
    if not match:
        return 0
    name = match.group("name")
    colon = ":" in rest[match.end("name") : match.end()]
    # A colon or a later paragraph needs an outlet-like name: "Iran: talks resume" is a headline.
    if (colon or rank > 0) and not _outletish(name):
        return 0
    if found.outlet is None:
        found.outlet = _outlet_name(name)
    return match.end()


def _outletish(name: str) -> bool:
    """A publication-like name: an outlet word ("Times", "Wire") or an acronym ("IRNA")."""
    words = name.split()
    return any(w.lower().strip(".") in _OUTLET_WORDS for w in words) or any(
        sum(c.isupper() for c in w) >= 2 for w in words
    )


def _is_site_line(line: str, rest: list[tuple[int, int, str]]) -> bool:
    """A short unpunctuated first line above a longer headline is the site's name."""
    if not rest or ends_sentence(line) or not 1 <= word_count(line) <= 6:
        return False
    following = rest[0][2]
    return _headline(following) and word_count(following) > word_count(line)


def _headline(line: str) -> bool:
    words = word_count(line)
    return 3 <= words <= 30 and line.strip()[:1].isupper() and not line.rstrip().endswith(":")


def _outlet_name(name: str) -> str:
    name = _DESK_SUFFIX.sub("", name.strip(" -–—:|"))
    # "The Office of the Supreme Leader" → "Office of the Supreme Leader";
    # publication names keep their article ("The Guardian").
    if name.lower().startswith("the ") and " of " in name:
        name = name[4:]
    return name


_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?)?\s*,?\s*"
    r"(?P<name>[A-Z][\w&.'’ -]{1,60}?)\s*(?:[.,|]\s|[.]?$|\s+all rights)",
    re.IGNORECASE | re.MULTILINE,
)


def copyright_outlet(text: str) -> str | None:
    """The name in a copyright line ("© 2024 Horn Daily. All rights reserved.")."""
    for match in _COPYRIGHT.finditer(text):
        name = match.group("name").strip()
        if name[:1].isupper() and word_count(name) <= 6:
            return name
    return None
