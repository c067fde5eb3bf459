"""The map, the dyad charts, a story's reports side by side and the timeline's summary of
old events, in chromium at desktop and phone widths, over the newsroom store
(``tests/web/newsroom.py``).

Each test checks what the page says against the store, that nothing is wider than
a 390 px screen, that no serious accessibility violation remains (vendored
axe-core), and writes a screenshot to tests/artifacts/.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlparse

import pytest
from tests.web.conftest import shot
from tests.web.newsroom import VARGA
from tests.web.test_accessibility import serious_violations

from communique.model import Document
from communique.web import views

Newsroom = tuple[str, dict[str, Document]]
WIDTHS = [1440, 390]


def fits_and_is_accessible(page: Any, name: str, width: int) -> None:
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, (name, width, overflow)
    shot(page, f"{name}-{width}")
    assert serious_violations(page) == []


def total_of(page: Any) -> int:
    return int(page.locator("#total").inner_text())


@pytest.mark.parametrize("width", WIDTHS)
def test_map_of_events_by_place_from_vendored_shapes(
    page: Any, newsroom_site: Newsroom, width: int
) -> None:
    url, _ = newsroom_site
    # Offline: every request the page makes goes to this server (shapes, scripts, styles).
    hosts: set[str] = set()
    page.on("request", lambda request: hosts.add(urlparse(request.url).netloc))
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(url + "/browse/map")
    page.wait_for_selector("#map[data-drawn]")
    assert hosts == {urlparse(url).netloc}
    # Oslo (3 distinct events), Santiago (2, one of them background) and Lima (1);
    # the 2016 accusation has no place and is counted apart.
    assert page.locator("#map").get_attribute("data-drawn") == "3/3"
    assert page.locator("#map-total").inner_text() == "7"
    assert page.locator("#unplaced").inner_text() == "1"
    counts = {
        row.locator("td").first.inner_text(): int(row.locator("td.n").inner_text())
        for row in page.locator("#map-countries tbody tr").all()
    }
    assert counts == {"NOR": 3, "CHL": 2, "PER": 1}
    assert page.locator("circle.point").count() == 3
    norway, peru = (page.locator(f"path.country[data-country='{n}']") for n in ("578", "604"))
    assert norway.get_attribute("fill") != peru.get_attribute("fill")  # 3 events vs 1
    assert page.locator("path.country.has-events").count() == 3
    assert page.locator("#map-legend span").count() >= 3
    fits_and_is_accessible(page, "map", width)
    # A place lists its events in the table, with the map's count.
    page.locator("#map-places a", has_text="Oslo").click()
    page.wait_for_url("**/?place=Oslo")
    assert total_of(page) == 3
    # A country lists the events placed in it (exactly: "NOR" is not a part of a name).
    page.goto(url + "/browse/map")
    page.locator("#map-countries a", has_text="Chile").click()
    page.wait_for_url("**/?place_country=CHL")
    assert total_of(page) == 2
    assert [c.get_attribute("data-name") for c in page.locator("#chips li").all()] == [
        "place_country"
    ]
    if width == 1440:  # the circles are clickable too (small targets: pointer only)
        page.goto(url + "/browse/map")
        page.wait_for_selector("#map[data-drawn]")
        page.locator("circle.point[data-place='Santiago']").click()
        page.wait_for_url("**/?place=Santiago")
        assert total_of(page) == 2


def test_map_applies_the_event_filters(page: Any, newsroom_site: Newsroom) -> None:
    url, _ = newsroom_site
    page.goto(url + "/?type=CONSULT")
    page.click("#map-link")  # the events page's selection, on the map
    page.wait_for_selector("#map[data-drawn]")
    assert urlparse(page.url).path == "/browse/map"
    assert page.locator("#map-total").inner_text() == "2"  # Oslo meeting and Santiago visit
    assert page.locator("#map").get_attribute("data-drawn") == "2/2"
    assert [c.get_attribute("data-name") for c in page.locator("#chips li").all()] == ["type"]
    page.select_option("#f-reports", "all")
    page.click("#apply")
    page.wait_for_selector("#map[data-drawn]")
    assert urlparse(page.url).path == "/browse/map"
    assert page.locator("#map-total").inner_text() == "4"  # every outlet's report of Oslo
    # One place: the map zooms on it (at most six times), the whole world a click away.
    page.goto(url + "/browse/map?place=Oslo")
    page.wait_for_selector("#map[data-drawn]")
    assert page.locator("#map").get_attribute("data-view") == "events"
    norway = page.locator("path.country[data-country='578']")
    zoomed = norway.bounding_box()["width"]
    page.click("#map-view")
    page.wait_for_selector("#map[data-view=world]")
    assert zoomed > 3 * norway.bounding_box()["width"]
    page.goto(url + "/browse/map?type=MEET")
    assert page.locator("#errors").is_visible()  # an unknown type is refused, on this form


@pytest.mark.parametrize("width", WIDTHS)
def test_dyad_between_two_actors_over_time(page: Any, newsroom_site: Newsroom, width: int) -> None:
    url, _ = newsroom_site
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{url}/actor/{quote(VARGA.id, safe='')}")
    page.locator("#co-actors a.dyad-chart").first.click()
    page.wait_for_url("**/browse/dyad?*")
    page.wait_for_selector("#dyad-0[data-drawn]")
    page.wait_for_selector("#dyad-1[data-drawn]")
    assert page.locator("h1").inner_text() == "Ines Varga ↔ Tor Halvorsen"
    # Varga → Halvorsen: the Oslo meeting and ships (each once), the April rebuke, the
    # 2014 clash; Halvorsen → Varga: the February visit, the Oslo criticism, 2016.
    assert [int(n.inner_text()) for n in page.locator(".n-direction").all()] == [4, 3]
    assert page.locator("#dyad-total").inner_text() == "7"
    assert page.locator("#left-out-before .n-left-out").inner_text() == "2"
    assert page.locator("#left-out-before .n-background").inner_text() == "2"
    months = page.locator("#dyad-0-table tbody th").all_text_contents()
    assert months == ["2024-02", "2024-03", "2024-04", "2024-05"]  # both charts, same months
    assert page.locator("#dyad-1-table tbody th").all_text_contents() == months
    may = page.locator("#dyad-0-table tbody tr").last.locator("td").all_text_contents()
    types = page.locator("#dyad-0-table thead th").all_text_contents()[1:]
    assert dict(zip(types, map(int, may), strict=True)) == {
        "ACCUSE": 0,
        "CONSULT": 1,
        "COOPERATE": 1,
        "PROTEST": 0,
    }
    assert page.locator("#dyad-events tr.event-row").count() == 7
    fits_and_is_accessible(page, "dyad", width)
    # The evidence is one click away.
    page.locator("#dyad-events a.event-link").first.click()
    page.wait_for_url("**/event/*")
    assert page.locator("p.passage").count() >= 1


def test_dyad_between_two_countries(page: Any, newsroom_site: Newsroom) -> None:
    url, _ = newsroom_site
    page.goto(url + "/browse/dyad")
    page.fill("#f-country", "nor")
    page.fill("#f-partner_country", "CHL")
    page.click("#show-dyad")
    page.wait_for_selector("#dyad-1[data-drawn]")
    assert page.locator("h1").inner_text() == "Norway ↔ Chile"
    assert [int(n.inner_text()) for n in page.locator(".n-direction").all()] == [3, 4]
    # Each direction links to its events in the table, with the same count.
    page.locator("a.direction").first.click()
    page.wait_for_url("**source_country=NOR*")
    assert total_of(page) == 3
    page.goto(url + "/browse/dyad?country=Norway&partner_country=CHL")
    assert page.locator("#errors").is_visible()  # a country is a three-letter code
    page.goto(url + "/browse/dyad?actor=nobody&partner=" + quote(VARGA.id, safe=""))
    assert "no actor 'nobody'" in page.locator("#errors").inner_text()
    # A part of a name that names one actor is enough; one naming several is refused.
    page.goto(url + "/browse/dyad?actor=halvorsen&partner=Varga")
    page.wait_for_selector("#dyad-1[data-drawn]")
    assert page.locator("h1").inner_text() == "Tor Halvorsen ↔ Ines Varga"
    assert page.locator("#dyad-total").inner_text() == "7"
    page.goto(url + "/browse/dyad?actor=r&partner=Varga")
    assert "names several actors" in page.locator("#errors").inner_text()


@pytest.mark.parametrize("width", WIDTHS)
def test_story_reports_side_by_side(page: Any, newsroom_site: Newsroom, width: int) -> None:
    url, docs = newsroom_site
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(url + "/browse/stories")
    page.locator("a.story-link").first.click()
    page.wait_for_url("**/story/*")
    heads = page.locator("#story-articles li").all()
    order = [h.get_attribute("data-article") for h in heads]
    assert sorted(order) == sorted(d.id for k, d in docs.items() if k in {"post", "fjord", "andes"})
    shared = page.locator("section.shared-event").all()
    assert [s.get_attribute("data-cluster") for s in shared] == ["oslo-meeting", "oslo-ships"]
    meeting = shared[0]
    cells = meeting.locator("li.report-cell").all()
    assert [c.get_attribute("data-article") for c in cells] == order  # the same columns
    for cell in cells:  # each report's own sentence, its trigger and both parties marked
        support = cell.locator("blockquote.support")
        assert support.locator(".mark.trigger").count() == 1
        names = support.inner_text()  # a sentence that names a party has it marked
        assert support.locator(".mark.source").count() == names.count("Varga")
        assert support.locator(".mark.target").count() == names.count("Halvorsen")
    sentences = {
        c.get_attribute("data-article"): c.locator("blockquote").inner_text() for c in cells
    }
    assert "received Ines Varga" in sentences[docs["fjord"].id]
    # Fjord Daily dates the meeting a day earlier than the two others: highlighted.
    differing = meeting.locator(".fact.differs")
    assert differing.count() == 1 and differing.inner_text() == "date: 2024-05-06"
    assert differing.locator("xpath=ancestor::li").get_attribute("data-article") == docs["fjord"].id
    assert "date" in meeting.locator(".disagree").inner_text()
    # The survey ships are not in Fjord Daily's report.
    ships = shared[1].locator("li.report-cell.missing")
    assert [c.get_attribute("data-article") for c in ships.all()] == [docs["fjord"].id]
    # Events of one report only: the criticism and the two recalled ones of the Post.
    assert page.locator("#single-events tbody tr").count() == 3
    fits_and_is_accessible(page, "story", width)
    # Articles and events link to their story's comparison.
    page.goto(f"{url}/article/{docs['andes'].id}")
    page.click("#story-link")
    page.wait_for_url("**/story/oslo-talks")
    page.goto(f"{url}/event/{quote(docs['fjord'].id + '#e2', safe='')}")
    page.click("#story-link")
    page.wait_for_url("**/story/oslo-talks")
    page.goto(url + "/story/no-such-story")
    assert page.locator("#errors").is_visible()


@pytest.mark.parametrize("width", WIDTHS)
def test_timeline_summarises_old_background_events(
    page: Any, newsroom_site: Newsroom, width: int
) -> None:
    url, _ = newsroom_site
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(url + "/")
    page.wait_for_selector("#timeline[data-drawn]")
    # The chart covers the news (February to May 2024), not the decade since 2014.
    months = page.locator("#timeline-table tbody th").all_text_contents()
    assert months == ["2024-02", "2024-03", "2024-04", "2024-05"]
    note = page.locator("#left-out-before")
    assert note.locator(".n-left-out").inner_text() == "2"
    assert "2014-06 – 2016-02" in note.inner_text()
    assert "ACCUSE 1" in note.inner_text() and "PROTEST 1" in note.inner_text()
    assert note.locator(".n-background").inner_text() == "2"  # both recalled by the Post
    charted = sum(int(n) for n in page.locator("#timeline-table tbody td").all_text_contents() if n)
    assert charted + 2 == total_of(page)  # every event is in the chart or in the note
    fits_and_is_accessible(page, "timeline", width)
    note.locator("a").click()  # the summarised events are one click away
    page.wait_for_url("**date_to=2016-02*")
    assert total_of(page) == 2
    assert {d for d in page.locator("td[data-label=Date]").all_text_contents()} == {
        "2014-06",
        "2016-02",
    }


def test_a_long_story_compares_its_earliest_reports(
    page: Any, newsroom_site: Newsroom, monkeypatch: pytest.MonkeyPatch
) -> None:
    url, docs = newsroom_site
    monkeypatch.setattr(views, "STORY_COLUMNS", 2)
    page.goto(url + "/story/oslo-talks")
    columns = [h.get_attribute("data-article") for h in page.locator("#story-articles li").all()]
    assert set(columns) == {docs["post"].id, docs["fjord"].id}  # published on the 8th
    later = page.locator("#other-reports li a").all()
    assert [a.get_attribute("href") for a in later] == [f"/article/{docs['andes'].id}"]
    # Only the meeting is shared by the two columns; the ships are the Post's alone now.
    shared = page.locator("section.shared-event")
    assert [s.get_attribute("data-cluster") for s in shared.all()] == ["oslo-meeting"]
    assert page.locator("#single-events tbody tr").count() == 4


def test_rest_places_are_the_maps_numbers(page: Any, newsroom_site: Newsroom) -> None:
    import httpx

    url, _ = newsroom_site
    found = httpx.get(url + "/places", params={"type": "CONSULT", "reports": "all"}).json()
    page.goto(url + "/browse/map?type=CONSULT&reports=all")
    page.wait_for_selector("#map[data-drawn]")
    assert found["total"] == int(page.locator("#map-total").inner_text()) == 4
    shown = {
        row.locator("th").inner_text(): int(row.locator("td.n").inner_text())
        for row in page.locator("#map-places tbody tr").all()
    }
    assert {p["name"]: p["count"] for p in found["places"]} == shown == {"Oslo": 3, "Santiago": 1}
    assert found["countries"] == [{"country": "NOR", "count": 3}, {"country": "CHL", "count": 1}]
    refused = httpx.get(url + "/places", params={"type": "MEET"})
    assert refused.status_code == 422 and "type" in refused.text
