"""Dates stage, part 2: what a time expression means, and which day it points at.

In: the text of one time expression found by ``communique.dates.candidates``
("June 19", "last Thursday", "two years ago", "January 3, 2020"), the
publication date of the report (``Document.published``, ``YYYY-MM-DD`` or
None) and whether the governing verb is in the future. Out: an ISO value
(``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``), its precision and its anchor
("absolute" when the text fixes the date by itself, "publication" when it was
counted from the publication date). No spaCy here: this module is pure and is
unit-tested on strings alone.

Resolution happens in two steps so that each can be tested on its own:
``parse`` turns the text into an ``Expr`` (what kind of expression, which
fields it states), ``anchor`` turns an ``Expr`` into a value. Reading a
weekday as the most recent such day on or before publication is how news
reports use them ("said on Thursday" in a Friday report means yesterday);
with a future verb ("will meet on Monday") the next such day is meant.
Formats this grammar does not know (``22.06.2023``, "the 22nd day of June
2023") fall back to dateparser, only for absolute dates (a year must be
stated), and every answer is cached.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Literal

from communique.model import Precision

Anchor = Literal["absolute", "publication"]

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "a couple of": 2, "couple of": 2,
}  # fmt: skip
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-fifth": 25, "thirtieth": 30, "fortieth": 40,
    "fiftieth": 50, "sixtieth": 60, "seventieth": 70, "seventy-fifth": 75, "hundredth": 100,
}  # fmt: skip
# Vague counts ("a few days ago"): no exact day, but the month is usually still right.
VAGUE = {"a few", "few", "several", "some", "a number of"}

_MON = r"(?P<mon>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WD = r"(?:(?P<wd>" + "|".join(WEEKDAYS) + r"),? )"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1[0-9]\d\d|20\d\d)"
_NUM = r"(?P<num>\d+|" + "|".join(sorted(NUMBERS, key=len, reverse=True)) + r")"
_UNIT = r"(?P<unit>day|week|month|year|decade)s?"
_MOD = r"(?:(?P<mod>last|next|this coming|this|coming|past) )"

# Ordered: the first grammar rule that matches the whole normalised text wins.
_RULES: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"^(?P<year>\d{4})-(?P<m>\d\d)-(?P<day>\d\d)$")),
    ("date", re.compile(rf"^{_WD}?(?:the )?{_DAY} (?:of )?{_MON},? {_YEAR}$")),
    ("date", re.compile(rf"^{_WD}?{_MON} {_DAY},? {_YEAR}$")),
    ("month_year", re.compile(rf"^{_MON},? (?:of )?{_YEAR}$")),
    ("year", re.compile(rf"^(?:year )?{_YEAR}$")),
    ("decade", re.compile(r"^(?:\d\d\d0s|'\d0s)$")),
    ("day_month", re.compile(rf"^{_WD}?(?:the )?{_DAY} (?:of )?{_MON}$")),
    ("day_month", re.compile(rf"^{_WD}?{_MON} {_DAY}$")),
    ("month", re.compile(rf"^{_MOD}?{_MON}$")),
    ("weekday", re.compile(rf"^{_MOD}?(?P<wd>{'|'.join(WEEKDAYS)})$")),
    ("period", re.compile(
        r"^(?P<mod>last|next|this|coming|previous|past) (?P<unit>week|month|year)$")),
    ("ago", re.compile(rf"^(?:just |only |about |some |nearly |almost |around |more than |over )?"
                       rf"(?:(?P<vague>a few|few|several|some|a number of)|{_NUM}(?P<alt> or \w+)?)"
                       rf" {_UNIT} ago$")),
    ("anniversary", re.compile(
        r"^(?:the )?(?P<ord>\d+(?:st|nd|rd|th)|[a-z]+(?:-[a-z]+)?) anniversary(?: of .*)?$")),
]  # fmt: skip
_DEICTIC = {
    "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
    "yesterday": -1, "last night": -1, "day before yesterday": -2, "tomorrow": 1,
    "day after tomorrow": 2, "yesterday morning": -1, "yesterday afternoon": -1,
    "yesterday evening": -1, "tomorrow morning": 1,
}  # fmt: skip
_WITHIN = re.compile(r"^(?:earlier|later) in the (week|month|year)$")
# Edges that never change the value: prepositions, hedges and parts of a day.
_LEADING = re.compile(
    r"^(?:on|in|at|since|by|from|until|till|during|before|after|as of|as early as|"
    r"early|late|mid|mid-|earlier|later|the end of|the beginning of|the start of|"
    r"the middle of|the first half of|the second half of|the|around|about)[\s-]+"
)
_TRAILING = re.compile(
    r"(?:[\s,-]+(?:at )?(?:\d{1,2}:\d\d(?:\s?[ap]\.?m\.?)?|\d{1,2}\s?[ap]\.?m\.?)"
    r"(?: local time| gmt| utc)?"
    r"|[\s,]+(?:morning|afternoon|evening|night))$"
)


@dataclass(frozen=True)
class Expr:
    """A parsed time expression: its kind and the fields the text states."""

    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    mod: str | None = None  # last / next / this / coming / past
    num: int | None = None
    unit: str | None = None


def normalise(text: str, trailing: bool = True) -> str:
    """Lower case, plain apostrophes and spaces, no leading prepositions, no clock time."""
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'")
    text = re.sub(r"\s+", " ", text.lower()).strip(" .,;:()[]\"'")
    text = re.sub(r"\s*[-–—]\s*\d{1,2}:\d\d.*$", "", text)  # "22 June 2023 - 20:22"
    previous = None
    while previous != text:
        previous = text
        text = _LEADING.sub("", text)
        if trailing:
            text = _TRAILING.sub("", text).strip(" ,")
    return text


@lru_cache(maxsize=4096)
def parse(text: str) -> Expr | None:
    """The meaning of a time expression, or None when it is not one this grammar knows."""
    bare = normalise(text, trailing=False)
    within = _WITHIN.match(re.sub(r"\s+", " ", text.lower().strip()))
    if within:  # "earlier in the month": this month
        return Expr("period", mod="this", unit=within.group(1))
    if bare in _DEICTIC:  # before "last night" loses its "night"
        return Expr("deictic", num=_DEICTIC[bare])
    s = normalise(text)
    if s in _DEICTIC:
        return Expr("deictic", num=_DEICTIC[s])
    for kind, pattern in _RULES:
        match = pattern.match(s)
        if match:
            return _build(kind, match)
    return None


def _build(kind: str, match: re.Match[str]) -> Expr | None:
    fields = match.groupdict()
    year = int(fields["year"]) if fields.get("year") else None
    month = MONTHS[fields["mon"]] if fields.get("mon") else None
    if kind == "iso":
        month = int(fields["m"])
        kind = "date"
    day = int(fields["day"]) if fields.get("day") else None
    if day is not None and not (1 <= day <= 31):
        return None
    weekday = WEEKDAYS[fields["wd"]] if fields.get("wd") else None
    mod = fields.get("mod")
    if kind == "ago":
        if fields.get("vague") or fields.get("alt"):
            num = None  # "a few days ago", "two or three years ago": no exact count
        else:
            raw = fields["num"]
            num = int(raw) if raw.isdigit() else NUMBERS[raw]
        return Expr("ago", num=num, unit=fields["unit"])
    if kind == "anniversary":
        raw = fields["ord"]
        num = int(raw[:-2]) if raw[:1].isdigit() else ORDINALS.get(raw)
        return Expr("anniversary", num=num) if num else None
    if kind == "period":
        return Expr("period", mod=mod, unit=fields["unit"])
    if kind in ("date", "day_month") and not _valid(year or 2000, month or 1, day or 1):
        return None
    return Expr(kind, year=year, month=month, day=day, weekday=weekday, mod=mod)


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def anchor(
    expr: Expr, published: str | None, future: bool = False
) -> tuple[str | None, Precision | None, Anchor]:
    """Value, precision and anchor of a parsed expression, given the publication date."""
    if expr.kind == "date":
        assert expr.year and expr.month and expr.day
        return date(expr.year, expr.month, expr.day).isoformat(), "day", "absolute"
    if expr.kind == "month_year":
        return f"{expr.year:04d}-{expr.month:02d}", "month", "absolute"
    if expr.kind == "year":
        return f"{expr.year:04d}", "year", "absolute"
    if expr.kind == "decade":
        return None, None, "absolute"  # a decade has no ISO value at these precisions
    pub = _date(published)
    if pub is None:
        return None, None, "publication"
    value, precision = _relative(expr, pub, future)
    return value, precision, "publication"


def following_day(start: str, expr: Expr) -> str | None:
    """The first day of ``expr`` (a day and month) on or after ``start`` and within a year.

    For a day without a year that continues a story told from an earlier full date
    ("on November 15, 2017 ... on November 21"): the year is the story's, not the
    report's.
    """
    begin = _date(start)
    if begin is None or expr.month is None or expr.day is None:
        return None
    for year in (begin.year, begin.year + 1):
        if _valid(year, expr.month, expr.day) and date(year, expr.month, expr.day) >= begin:
            return date(year, expr.month, expr.day).isoformat()
    return None


def _relative(expr: Expr, pub: date, future: bool) -> tuple[str | None, Precision | None]:
    if expr.kind == "deictic":
        return (pub + timedelta(days=expr.num or 0)).isoformat(), "day"
    if expr.kind == "weekday":
        assert expr.weekday is not None
        return _weekday(expr.weekday, expr.mod, pub, future).isoformat(), "day"
    if expr.kind == "day_month":
        assert expr.month and expr.day
        if expr.weekday is not None:
            # "Friday, April 29": the year near publication where that day is a Friday.
            for year in (pub.year, pub.year - 1, pub.year + 1):
                if _valid(year, expr.month, expr.day):
                    when = date(year, expr.month, expr.day)
                    if when.weekday() == expr.weekday:
                        return when.isoformat(), "day"
        return _day_month(expr.month, expr.day, pub, future), "day"
    if expr.kind == "month":
        assert expr.month
        return _month(expr.month, expr.mod, pub, future), "month"
    if expr.kind == "period":
        return _period(expr.unit or "", expr.mod or "this", pub)
    if expr.kind == "ago":
        return _ago(expr.num, expr.unit or "", pub)
    if expr.kind == "anniversary":
        # "the third anniversary of X" is marked this year; the event itself was
        # ``num`` years earlier (``anniversary_origin``).
        return f"{pub.year:04d}", "year"
    return None, None


def _weekday(weekday: int, mod: str | None, pub: date, future: bool) -> date:
    back = (pub.weekday() - weekday) % 7  # 0 when the report is dated that very day
    ahead = (weekday - pub.weekday()) % 7
    if mod in ("next", "coming", "this coming"):
        return pub + timedelta(days=ahead or 7)
    if mod in ("last", "past"):
        return pub - timedelta(days=back or 7)
    if future:
        # "will meet on Monday" said on a Monday means next week; "this Monday" means today.
        return pub + timedelta(days=ahead if mod == "this" else ahead or 7)
    return pub - timedelta(days=back)


def _day_month(month: int, day: int, pub: date, future: bool) -> str | None:
    years = range(pub.year, pub.year + 2) if future else range(pub.year, pub.year - 9, -1)
    for year in years:
        if not _valid(year, month, day):
            continue  # 29 February
        candidate = date(year, month, day)
        if (candidate >= pub) if future else (candidate <= pub):
            return candidate.isoformat()
    return None


def _month(month: int, mod: str | None, pub: date, future: bool) -> str:
    if mod in ("next", "coming", "this coming") or (future and mod != "last"):
        year = (
            pub.year if month > pub.month or (month == pub.month and mod is None) else pub.year + 1
        )
    elif mod in ("last", "past"):
        year = pub.year if month < pub.month else pub.year - 1
    else:
        year = pub.year if month <= pub.month else pub.year - 1
    return f"{year:04d}-{month:02d}"


def _period(unit: str, mod: str, pub: date) -> tuple[str | None, Precision | None]:
    step = {"last": -1, "previous": -1, "past": -1, "next": 1, "coming": 1}.get(mod, 0)
    if unit == "year":
        return f"{pub.year + step:04d}", "year"
    if unit == "month":
        index = pub.year * 12 + pub.month - 1 + step
        return f"{index // 12:04d}-{index % 12 + 1:02d}", "month"
    # A week has no ISO value at our precisions: give its month when the whole
    # week lies in one month, else its year, else nothing.
    monday = pub - timedelta(days=pub.weekday()) + timedelta(weeks=step)
    last = pub if step == 0 else monday + timedelta(days=6)
    return _cover(monday, last)


def _cover(first: date, last: date) -> tuple[str | None, Precision | None]:
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.year:04d}-{first.month:02d}", "month"
    if first.year == last.year:
        return f"{first.year:04d}", "year"
    return None, None


def _ago(num: int | None, unit: str, pub: date) -> tuple[str | None, Precision | None]:
    if num is None:
        # "a few days ago" / "a few weeks ago": the month between then and now, if it is one.
        if unit == "day":
            return _cover(pub - timedelta(days=9), pub)
        if unit == "week":
            return _cover(pub - timedelta(weeks=4), pub - timedelta(weeks=2))
        return None, None
    if unit == "day":
        return (pub - timedelta(days=num)).isoformat(), "day"
    if unit == "week":
        when = pub - timedelta(weeks=num)
        return _cover(
            when - timedelta(days=when.weekday()), when + timedelta(days=6 - when.weekday())
        )
    if unit == "month":
        index = pub.year * 12 + pub.month - 1 - num
        return f"{index // 12:04d}-{index % 12 + 1:02d}", "month"
    years = num * 10 if unit == "decade" else num
    return f"{pub.year - years:04d}", "year"


def _date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


@lru_cache(maxsize=2048)
def _dateparser(text: str) -> tuple[str | None, Precision | None]:
    """Absolute dates in formats the grammar lacks; a year must be written out."""
    if not re.search(r"\b(1[89]|20)\d\d\b", text):
        return None, None
    import dateparser  # imported late: its language data takes ~0.15 s to load

    settings = {"REQUIRE_PARTS": ["year"], "PREFER_DAY_OF_MONTH": "first", "STRICT_PARSING": False}
    parsed: datetime | None = dateparser.parse(text, languages=["en"], settings=settings)
    if parsed is None:
        return None, None
    has_day = re.search(r"\b\d{1,2}(?:st|nd|rd|th)?\b(?!\d)", re.sub(r"\b\d{4}\b", "", text))
    has_month = has_day or any(m in text.lower() for m in MONTHS if len(m) > 3)
    if has_day:
        return parsed.date().isoformat(), "day"
    if has_month:
        return f"{parsed.year:04d}-{parsed.month:02d}", "month"
    return f"{parsed.year:04d}", "year"


def resolve_expression(
    text: str, published: str | None, future: bool = False
) -> tuple[str | None, Precision | None]:
    """Value and precision of one time expression (see the module docstring for the rules).

    >>> resolve_expression("last Thursday", "2023-06-22")
    ('2023-06-15', 'day')
    >>> resolve_expression("on Thursday", None)
    (None, None)
    """
    expr = parse(text)
    if expr is None:
        return _dateparser(normalise(text))
    value, precision, _ = anchor(expr, published, future)
    return value, precision


def anniversary_origin(text: str, published: str | None) -> str | None:
    """Year of the event an anniversary marks ("the third anniversary" in 2023 → "2020")."""
    expr = parse(text)
    pub = _date(published)
    if expr is None or expr.kind != "anniversary" or pub is None or expr.num is None:
        return None
    return f"{pub.year - expr.num:04d}"
