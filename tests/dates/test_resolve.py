"""The resolution rules on strings alone: absolute dates, anchoring to the publication date."""

from __future__ import annotations

import pytest

from communique.dates import anniversary_origin, resolve_expression
from communique.dates.resolve import parse

THU = "2023-06-22"  # a Thursday
MON = "2024-01-08"  # a Monday, early in a year

ABSOLUTE = [
    ("January 3, 2020", "2020-01-03", "day"),
    ("3 January 2020", "2020-01-03", "day"),
    ("the 3rd of January, 2020", "2020-01-03", "day"),
    ("Jan. 3, 2020", "2020-01-03", "day"),
    ("Thursday 22 June 2023 - 20:22", "2023-06-22", "day"),
    ("Tuesday, March 5, 2019", "2019-03-05", "day"),
    ("2022-04-28", "2022-04-28", "day"),
    ("September 11, 2001", "2001-09-11", "day"),
    ("in January 2020", "2020-01", "month"),
    ("March of 2019", "2019-03", "month"),
    ("late November 2015", "2015-11", "month"),
    ("in 2012", "2012", "year"),
    ("1979", "1979", "year"),
    ("mid-2021", "2021", "year"),
    ("22.06.2023", "2023-06-22", "day"),
]


@pytest.mark.parametrize(("text", "value", "precision"), ABSOLUTE)
@pytest.mark.parametrize("published", [THU, None])
def test_absolute_dates_need_no_publication_date(
    text: str, value: str, precision: str, published: str | None
) -> None:
    assert resolve_expression(text, published) == (value, precision)


RELATIVE = [
    # weekdays: the most recent such day on or before publication
    ("on Thursday", THU, False, "2023-06-22"),
    ("Wednesday", THU, False, "2023-06-21"),
    ("on Monday", THU, False, "2023-06-19"),
    ("Friday", THU, False, "2023-06-16"),
    ("last Thursday", THU, False, "2023-06-15"),
    ("last Tuesday", THU, False, "2023-06-20"),
    ("Sunday night", MON, False, "2024-01-07"),
    ("on Monday morning", THU, False, "2023-06-19"),
    # the same weekdays with a future verb
    ("on Monday", THU, True, "2023-06-26"),
    ("Thursday", THU, True, "2023-06-29"),
    ("Saturday", THU, True, "2023-06-24"),
    ("next Tuesday", THU, False, "2023-06-27"),
    ("this coming Friday", THU, False, "2023-06-23"),
    # day and month without a year
    ("June 19", THU, False, "2023-06-19"),
    ("on June 21", THU, False, "2023-06-21"),
    ("22 June", THU, False, "2023-06-22"),
    ("December 25", THU, False, "2022-12-25"),
    ("December 25", THU, True, "2023-12-25"),
    ("July 4", THU, False, "2022-07-04"),
    ("July 4", THU, True, "2023-07-04"),
    ("December 30", MON, False, "2023-12-30"),
    ("Friday, April 29", "2022-05-02", False, "2022-04-29"),
    # deictic words
    ("yesterday", THU, False, "2023-06-21"),
    ("today", THU, False, "2023-06-22"),
    ("tomorrow", THU, False, "2023-06-23"),
    ("last night", MON, False, "2024-01-07"),
    ("this morning", THU, False, "2023-06-22"),
    ("the day before yesterday", MON, False, "2024-01-06"),
    # counted back
    ("three days ago", THU, False, "2023-06-19"),
    ("10 days ago", MON, False, "2023-12-29"),
]


@pytest.mark.parametrize(("text", "published", "future", "value"), RELATIVE)
def test_relative_days(text: str, published: str, future: bool, value: str) -> None:
    assert resolve_expression(text, published, future=future) == (value, "day")


COARSE = [
    ("last year", THU, "2022", "year"),
    ("this year", THU, "2023", "year"),
    ("next year", MON, "2025", "year"),
    ("early last year", THU, "2022", "year"),
    ("two years ago", THU, "2021", "year"),
    ("a year ago", MON, "2023", "year"),
    ("two decades ago", THU, "2003", "year"),
    ("last month", MON, "2023-12", "month"),
    ("earlier this month", THU, "2023-06", "month"),
    ("next month", "2023-12-05", "2024-01", "month"),
    ("six months ago", THU, "2022-12", "month"),
    ("last week", THU, "2023-06", "month"),
    ("this week", THU, "2023-06", "month"),
    ("last week", "2023-06-30", "2023-06", "month"),
    ("a few days ago", THU, "2023-06", "month"),
    ("in June", THU, "2023-06", "month"),
    ("in December", THU, "2022-12", "month"),
    ("last June", THU, "2022-06", "month"),
    ("last March", THU, "2023-03", "month"),
    ("the third anniversary of the uprising", THU, "2023", "year"),
    ("the 40th anniversary", MON, "2024", "year"),
]


@pytest.mark.parametrize(("text", "published", "value", "precision"), COARSE)
def test_months_years_and_vague_periods(
    text: str, published: str, value: str, precision: str
) -> None:
    assert resolve_expression(text, published) == (value, precision)


def test_future_month_is_the_next_one() -> None:
    assert resolve_expression("in December", THU, future=True) == ("2023-12", "month")
    assert resolve_expression("in March", THU, future=True) == ("2024-03", "month")


def test_a_week_across_two_months_gives_the_year() -> None:
    # Monday 2023-05-29 to Sunday 2023-06-04: no single month.
    assert resolve_expression("last week", "2023-06-08") == ("2023", "year")


def test_leap_day_without_year_goes_back_to_a_leap_year() -> None:
    assert resolve_expression("February 29", "2023-06-22") == ("2020-02-29", "day")


@pytest.mark.parametrize(
    "text",
    ["on Thursday", "June 19", "last year", "yesterday", "two years ago", "in June", "last week"],
)
def test_relative_expressions_without_publication_date_are_none(text: str) -> None:
    assert resolve_expression(text, None) == (None, None)


@pytest.mark.parametrize(
    "text",
    [
        "three decades",
        "20 days",
        "daily",
        "annual",
        "the holy month of Ramadan",
        "for years",
        "two-thirds",
    ],
)
def test_durations_and_frequencies_are_not_time_expressions(text: str) -> None:
    assert parse(text) is None
    assert resolve_expression(text, THU) == (None, None)


def test_ranges_of_counts_and_decades_have_no_value() -> None:
    assert resolve_expression("two or three years ago", THU) == (None, None)
    assert resolve_expression("the 1990s", THU) == (None, None)


def test_anniversary_origin_counts_back_from_the_publication_year() -> None:
    assert anniversary_origin("the third anniversary of the assassination", "2023-01-03") == "2020"
    assert anniversary_origin("the 75th anniversary", "2023-05-15") == "1948"
    assert anniversary_origin("the third anniversary", None) is None
    assert anniversary_origin("last year", THU) is None


def test_impossible_dates_are_rejected() -> None:
    assert resolve_expression("June 31", THU) == (None, None)
