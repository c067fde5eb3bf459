"""Office holders before the curated files begin (``scripts/kb_sources/tables/
foreign-ministers-2004.csv`` and ``heads-2004.csv``): a role in a report of 2004-2015 names the holder of that
time, and a person the KB files under "IGO" keeps one actor for a national office held
before. Sentences are written for these tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from tests.actors.conftest import resolved

from communique.actors import KnowledgeBase
from communique.actors.tenure import UnresolvedRole, holder
from communique.model import Document


@pytest.fixture(scope="module")
def kb(context: Any) -> KnowledgeBase:
    return context.kb  # type: ignore[no-any-return]


# (title, state, date, holder): each date falls in a term of the table, before the
# curated list of that office starts, and next to a neighbouring holder's term.
EARLIER = [
    ("foreign minister", "THA", "2015-05-20", "Tanasak Patimapragorn"),
    ("foreign minister", "THA", "2010-01-10", "Kasit Phirom"),
    ("foreign minister", "JPN", "2008-03-01", "Masahiko Komura"),
    ("foreign minister", "JPN", "2009-12-01", "Katsuya Okada"),
    ("foreign secretary", "GBR", "2008-03-01", "David Miliband"),
    ("foreign minister", "DEU", "2011-06-01", "Guido Westerwelle"),
    ("foreign minister", "FRA", "2009-06-01", "Bernard Kouchner"),
    ("foreign minister", "AUS", "2012-06-01", "Bob Carr"),
    ("foreign minister", "KOR", "2005-06-01", "Ban Ki-moon"),
    ("foreign minister", "TUR", "2006-06-01", "Abdullah Gul"),
    # heads of state and government (scripts/kb_sources/tables/heads-2004.csv)
    ("prime minister", "THA", "2010-03-01", "Abhisit Vejjajiva"),
    ("prime minister", "JPN", "2010-03-01", "Yukio Hatoyama"),
    ("prime minister", "ITA", "2012-03-01", "Mario Monti"),
    ("president", "KEN", "2008-06-01", "Mwai Kibaki"),
    ("prime minister", "KEN", "2010-06-01", "Raila Odinga"),
    ("president", "PAK", "2006-03-01", "Pervez Musharraf"),
    ("president", "MEX", "2009-03-01", "Felipe Calderon"),
    ("prime minister", "DNK", "2006-01-01", "Anders Fogh Rasmussen"),
]


@pytest.mark.parametrize(("title", "where", "date", "expected"), EARLIER)
def test_earlier_holder_on_the_date(
    kb: KnowledgeBase, title: str, where: str, date: str, expected: str
) -> None:
    found = holder(kb, title, where, date)
    assert not isinstance(found, UnresolvedRole), found
    assert found.name == expected


def test_a_gap_between_terms_stays_unresolved(kb: KnowledgeBase) -> None:
    # Japan had no foreign minister between Maehara's resignation and Matsumoto's
    # appointment (two days); the table leaves the gap, so no holder is made up.
    assert isinstance(holder(kb, "foreign minister", "JPN", "2011-03-08"), UnresolvedRole)


def test_a_person_with_two_terms_keeps_both(kb: KnowledgeBase) -> None:
    # Berlusconi governed Italy twice, with Prodi between: three holders in order
    names = [
        _holder_name(kb, "prime minister", "ITA", d)
        for d in ("2005-01-01", "2007-01-01", "2009-01-01")
    ]
    assert names == ["Silvio Berlusconi", "Romano Prodi", "Silvio Berlusconi"]


def _holder_name(kb: KnowledgeBase, title: str, where: str, date: str) -> str | None:
    found = holder(kb, title, where, date)
    return None if isinstance(found, UnresolvedRole) else found.name


def test_an_igo_person_keeps_one_actor_for_an_earlier_national_office(kb: KnowledgeBase) -> None:
    people = [a for a in kb.lookup("Ban Ki-moon") if a.type == "person"]
    assert len(people) == 1
    titles = {r.title for r in people[0].roles}
    assert "Foreign Minister of South Korea" in titles
    assert any("Secretary-General" in t for t in titles)


def test_role_in_text_of_an_earlier_year(run: Callable[..., Document]) -> None:
    text = "Thailand's foreign minister spoke with the British foreign secretary by telephone."
    in_2015 = run(text, published="2015-05-20")
    assert "Tanasak Patimapragorn" in resolved(in_2015, "foreign minister")
    assert "Philip Hammond" in resolved(in_2015, "foreign secretary")
    in_2009 = run(text, published="2009-06-15")
    assert "Kasit Phirom" in resolved(in_2009, "foreign minister")
    assert "David Miliband" in resolved(in_2009, "foreign secretary")


# Heads of international agencies by the phrases news uses ("the UN refugee chief"),
# before and after the curated files begin.
AGENCY_HEADS = [
    ("The UN refugee chief toured a camp on Monday.", "UN refugee chief", "2010-06-01",
     "Antonio Guterres"),
    ("The UN refugee chief toured a camp on Monday.", "UN refugee chief", "2018-06-01",
     "Filippo Grandi"),
    ("The UN aid chief flew to the border on Friday.", "UN aid chief", "2018-06-01",
     "Mark Lowcock"),
    ("The WFP chief warned of famine on Tuesday.", "WFP chief", "2010-06-01", "Josette Sheeran"),
    ("The UNICEF chief met teachers on Tuesday.", "UNICEF chief", "2008-06-01", "Ann Veneman"),
    ("The World Bank chief spoke in Lagos on Monday.", "World Bank chief", "2010-06-01",
     "Robert Zoellick"),
    ("The NATO chief visited Kabul on Monday.", "NATO chief", "2006-06-01",
     "Jaap de Hoop Scheffer"),
    ("The UN human rights chief criticised the ruling.", "UN human rights chief", "2010-06-01",
     "Navi Pillay"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "phrase", "date", "expected"), AGENCY_HEADS)
def test_agency_head_by_news_phrase(
    run: Callable[..., Document], text: str, phrase: str, date: str, expected: str
) -> None:
    assert expected in resolved(run(text, published=date), phrase)


def test_an_agency_head_of_unknown_years_stays_unresolved(run: Callable[..., Document]) -> None:
    # no aid chief is listed for 2008 (a holder with a very common name was left out)
    doc = run("The UN aid chief flew to the border on Friday.", published="2008-06-01")
    people = {a.name for a in doc.actors if a.type == "person"}
    assert not people
