"""Event dates (``events.dating``): the paragraph's day for statements, a nominal's own
expression before its verb's, later limits that date nothing, and future meetings.

Each case runs the real spaCy parse and the real sentences, dates, actors and
quotes stages on a text of our own writing and anchors one event whose trigger
is the first token with the given text, of the given PLOVER type, together with
any extra triggers named (as the events stage anchors all of an article's
candidates together).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from communique.events.anchor import Anchored

PUB = "2024-05-17"  # a Friday

Anchor = Callable[..., list[Anchored]]


@pytest.fixture(scope="module")
def anchor(real_stage_anchor: Callable[[str], Anchor]) -> Anchor:
    return real_stage_anchor(PUB)


def _date(items: list[Anchored], at: int = 0) -> str | None:
    return items[at].dates[0][0]


# ------------------------------------------- statements take their paragraph's day

PARAGRAPH_DAY: list[tuple[str, str, str, str | None]] = [
    # the paragraph has named its day before the statement
    (
        "Nobody claimed the blast yesterday, but the governor blamed a rebel cell.",
        "blamed",
        "ACCUSE",
        "2024-05-16",
    ),
    (
        "Rockets hit the airfield on Wednesday. The defence minister condemned the strike.",
        "condemned",
        "ACCUSE",
        "2024-05-15",
    ),
    (
        "The ferry sank on Tuesday. The opposition demanded an inquiry into the company.",
        "demanded",
        "REQUEST",
        "2024-05-14",
    ),
    (
        "Talks collapsed on Thursday evening, and the mediator praised both delegations.",
        "praised",
        "SUPPORT",
        "2024-05-16",
    ),
    # a statement in a later paragraph is the report's own
    (
        "Rockets hit the airfield on Wednesday.\n\nThe defence minister condemned the strike.",
        "condemned",
        "ACCUSE",
        PUB,
    ),
    (
        "The ferry sank on Tuesday.\n\nThe opposition demanded an inquiry into the company.",
        "demanded",
        "REQUEST",
        PUB,
    ),
    # a day outside the report's week sets no narrative day (the paragraph tells history:
    # its undated past acts are background and take no date at all)
    (
        "The ferry sank on March 3. The opposition demanded an inquiry into the company.",
        "demanded",
        "REQUEST",
        None,
    ),
    # a day named only after the statement does not date it
    (
        "The senator criticised the ruling. The court had issued it on Monday.",
        "criticised",
        "ACCUSE",
        PUB,
    ),
    # the statement's own day wins over the paragraph's
    (
        "Rockets hit the airfield on Monday. The minister condemned the strike on Thursday.",
        "condemned",
        "ACCUSE",
        "2024-05-16",
    ),
]


@pytest.mark.parametrize(("text", "trigger", "kind", "date"), PARAGRAPH_DAY)
def test_statement_takes_paragraph_day(
    anchor: Anchor, text: str, trigger: str, kind: str, date: str | None
) -> None:
    assert _date(anchor(text, (trigger, kind))) == date


# a present perfect or present tells a state as of the report, not the paragraph's day
STATE_AS_OF_REPORT: list[tuple[str, str, str]] = [
    ("Rockets hit the airfield on Wednesday. The minister has urged calm.", "urged", "REQUEST"),
    (
        "The ferry sank on Tuesday. Rescue groups have been appealing for blood donors.",
        "appealing",
        "REQUEST",
    ),
    (
        "The ferry sank on Tuesday. The opposition demands an inquiry into the company.",
        "demands",
        "REQUEST",
    ),
]


@pytest.mark.parametrize(("text", "trigger", "kind"), STATE_AS_OF_REPORT)
def test_present_perfect_statement_takes_report_date(
    anchor: Anchor, text: str, trigger: str, kind: str
) -> None:
    assert _date(anchor(text, (trigger, kind))) == PUB


def test_participle_takes_tense_of_its_clause(anchor: Anchor) -> None:
    text = "Rockets hit the airfield on Wednesday. Crowds joined the calls urging a truce."
    assert _date(anchor(text, ("urging", "REQUEST"))) == "2024-05-15"


# ------------------------------------------------ the headline's act is the lead's

HEADLINE = "Navy seizes fuel tanker in the Gulf"
LEAD = "The navy on Wednesday seized a tanker carrying fuel, officials said."


def test_headline_act_takes_lead_day(anchor: Anchor) -> None:
    text = f"{HEADLINE}\n\nFriday, May 17, 2024\n\n{LEAD}"
    assert _date(anchor(text, ("seizes", "COERCE"), title=HEADLINE)) == "2024-05-15"


def test_headline_statement_takes_lead_day(anchor: Anchor) -> None:
    title = "Minister condemns raid on refugee camp"
    text = f"{title}\n\nThe foreign minister on Tuesday condemned a raid on a refugee camp."
    assert _date(anchor(text, ("condemns", "ACCUSE"), title=title)) == "2024-05-14"


def test_headline_without_lead_day_takes_report_date(anchor: Anchor) -> None:
    text = f"{HEADLINE}\n\nFriday, May 17, 2024\n\nThe navy seized a tanker carrying fuel."
    assert _date(anchor(text, ("seizes", "COERCE"), title=HEADLINE)) == PUB


def test_first_paragraph_is_no_headline_without_a_title(anchor: Anchor) -> None:
    text = "Police arrested two men.\n\nThe riot began on Wednesday."
    assert _date(anchor(text, ("arrested", "COERCE"))) == PUB


def test_lead_day_outside_report_week_is_not_the_headline_date(anchor: Anchor) -> None:
    text = f"{HEADLINE}\n\nThe navy seized a tanker carrying fuel on March 2."
    assert _date(anchor(text, ("seizes", "COERCE"), title=HEADLINE)) == PUB


# ------------------------------- a nominal's own expression before its verb's

NOMINAL_OWN: list[tuple[str, str, str, str | None]] = [
    (
        "On Monday the agency called it the worst raid since a bombing in Basra in March 2021.",
        "bombing",
        "ASSAULT",
        "2021-03",
    ),
    (
        "Officials on Tuesday compared the siege with the blockade of 1999.",
        "blockade",
        "COERCE",
        "1999",
    ),
    (
        "The minister on Wednesday recalled the 2008 ceasefire with the militia.",
        "ceasefire",
        "AGREE",
        "2008",
    ),
    # without its own expression the nominal takes its verb's
    (
        "The minister on Wednesday announced a ceasefire with the militia.",
        "ceasefire",
        "AGREE",
        "2024-05-15",
    ),
]


@pytest.mark.parametrize(("text", "trigger", "kind", "date"), NOMINAL_OWN)
def test_nominal_own_expression_first(
    anchor: Anchor, text: str, trigger: str, kind: str, date: str | None
) -> None:
    assert _date(anchor(text, (trigger, kind))) == date


# ------------------------------------ a later limit is not the event's date

LIMITS: list[tuple[str, str, str, str | None]] = [
    (
        "In 2016 the president sacked his deputy ahead of the 2018 elections.",
        "sacked",
        "SANCTION",
        "2016",
    ),
    (
        "Long before the 2020 vote, the general had jailed the editor.",
        "jailed",
        "COERCE",
        None,
    ),
    (
        "The colonel was detained in 1971 and held until 1985.",
        "detained",
        "COERCE",
        "1971",
    ),
    (
        "The tribunal must rule on the appeal by June 30.",
        "rule",
        "SANCTION",
        PUB,
    ),
    (
        "Prior to 2012, the monarchy banned opposition parties.",
        "banned",
        "SANCTION",
        None,
    ),
    # "since" and "after" keep their expression
    ("The country has been under sanctions since 2014.", "sanctions", "SANCTION", "2014"),
    (
        "The law was shelved after last month's strikes.",
        "strikes",
        "PROTEST",
        "2024-04",
    ),
    # a limit inside the expression's own phrase still dates the clause
    (
        "The governor resigned shortly before midnight on Wednesday.",
        "resigned",
        "CONCEDE",
        "2024-05-15",
    ),
]


@pytest.mark.parametrize(("text", "trigger", "kind", "date"), LIMITS)
def test_later_limit_dates_nothing(
    anchor: Anchor, text: str, trigger: str, kind: str, date: str | None
) -> None:
    assert _date(anchor(text, (trigger, kind))) == date


# ------------------------------------------- a future meeting dates nothing else


def test_future_meeting_does_not_date_other_events(anchor: Anchor) -> None:
    items = anchor(
        "The envoys will hold talks on May 30. The foreign minister welcomed the plan.",
        ("talks", "CONSULT"),
        ("welcomed", "SUPPORT"),
    )
    assert _date(items, 0) == "2024-05-30"
    assert _date(items, 1) == PUB


def test_past_meeting_dates_the_report(anchor: Anchor) -> None:
    items = anchor(
        "The two foreign ministers met in Geneva on Wednesday.\n\n"
        "The foreign minister welcomed the plan.",
        ("met", "CONSULT"),
        ("welcomed", "SUPPORT"),
    )
    assert _date(items, 0) == "2024-05-15"
    assert _date(items, 1) == "2024-05-15"


# --------------------------- clauses before, with and after their main clause

SEQUENCE: list[tuple[str, str, str, str | None, str]] = [
    # an "after" clause came before the main clause's day: not dated by it, and background
    # when that day is itself earlier than the report's
    (
        "After the king dismissed his cabinet, the army seized power on March 3, 2011.",
        "dismissed",
        "SANCTION",
        None,
        "background",
    ),
    (
        "Once the rebels had withdrawn, troops entered the town in 2016.",
        "withdrawn",
        "RETREAT",
        None,
        "background",
    ),
    # ... its main clause keeps its date
    (
        "After the king dismissed his cabinet, the army seized power on March 3, 2011.",
        "seized",
        "COERCE",
        "2011-03-03",
        "background",
    ),
    # an "after" clause before a day of the report's week stays in the news
    (
        "After the vote was counted, the opposition rejected the result on Wednesday.",
        "counted",
        "REJECT",
        PUB,
        "main",
    ),
    # a clause without a subordinator shares its main clause's date
    (
        "In 2015 the coalition began backing the exiled cabinet, bombing rebel positions.",
        "bombing",
        "ASSAULT",
        "2015",
        "background",
    ),
]


@pytest.mark.parametrize(("text", "trigger", "kind", "date", "salience"), SEQUENCE)
def test_clause_before_main_clause(
    anchor: Anchor, text: str, trigger: str, kind: str, date: str | None, salience: str
) -> None:
    (item,) = anchor(text, (trigger, kind))
    assert (item.dates[0][0], item.salience) == (date, salience)


SIMULTANEOUS: list[tuple[str, str, str, str | None]] = [
    (
        "The premier warned the rebels while touring the border on Tuesday.",
        "warned",
        "THREATEN",
        "2024-05-14",
    ),
    (
        "The envoy praised the truce as she left the talks on Wednesday.",
        "praised",
        "SUPPORT",
        "2024-05-15",
    ),
    # "because" gives a reason, not a time
    (
        "The premier warned the rebels because they shelled the border on Tuesday.",
        "warned",
        "THREATEN",
        PUB,
    ),
]


@pytest.mark.parametrize(("text", "trigger", "kind", "date"), SIMULTANEOUS)
def test_simultaneous_clause_dates_its_main_clause(
    anchor: Anchor, text: str, trigger: str, kind: str, date: str | None
) -> None:
    assert _date(anchor(text, (trigger, kind))) == date


def test_past_act_not_dated_after_report(anchor: Anchor) -> None:
    text = "The mayor announced his resignation effective Monday, May 27."
    assert _date(anchor(text, ("announced", "CONCEDE"))) == PUB


def test_future_act_keeps_its_later_date(anchor: Anchor) -> None:
    text = "The mayor will step down on Monday, May 27."
    assert _date(anchor(text, ("step", "CONCEDE"))) == "2024-05-27"


# ------------------------------- alerts and deployments are told as orders

ORDERS: list[tuple[str, str, str]] = [
    (
        "Gunmen stormed a hotel on Wednesday. The minister said he had ordered troops on alert.",
        "ordered",
        "MOBILIZE",
    ),
    (
        "A mine exploded near the border on Tuesday. Both armies have raised their alert levels.",
        "raised",
        "MOBILIZE",
    ),
]


@pytest.mark.parametrize(("text", "trigger", "kind"), ORDERS)
def test_undated_alert_takes_report_date(
    anchor: Anchor, text: str, trigger: str, kind: str
) -> None:
    assert _date(anchor(text, (trigger, kind))) == PUB


# ------------------------------------- a quote's cue dates what the quote states


def test_according_to_cue_dates_the_quote(anchor: Anchor) -> None:
    text = (
        '"The militia smuggles rockets across the border," according to a statement on '
        "Tuesday by the defence ministry."
    )
    assert _date(anchor(text, ("smuggles", "ACCUSE"))) == "2024-05-14"


# ----------------------------------------- acts measured by a period of days or more

PERIOD: list[tuple[str, str, str, str | None]] = [
    (
        "Weeks of protests forced the governor out.",
        "protests",
        "PROTEST",
        "2024-05",
    ),
    (
        "The cabinet fell after two months of strikes by dock workers.",
        "strikes",
        "PROTEST",
        "2024-05",
    ),
    # a single act keeps the episode's day
    (
        "Riot police fired tear gas on Tuesday. A protest by dock workers followed.",
        "protest",
        "PROTEST",
        "2024-05-14",
    ),
    # a count of acts is no period
    (
        "Riot police fired tear gas on Tuesday. Dozens of protests followed.",
        "protests",
        "PROTEST",
        "2024-05-14",
    ),
]


@pytest.mark.parametrize(("text", "trigger", "kind", "date"), PERIOD)
def test_act_over_a_period_takes_the_month(
    anchor: Anchor, text: str, trigger: str, kind: str, date: str | None
) -> None:
    assert _date(anchor(text, (trigger, kind))) == date
