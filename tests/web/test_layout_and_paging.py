"""Filters as chips, previous/next pages and the layout at desktop and phone widths, in chromium.

Screenshots of every page at 1440 and 390 px go to tests/artifacts/
(``layout-<width>-<page>.png``).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, quote, urlparse

import pytest
from tests.store import samples
from tests.web.conftest import shot

from communique.model import Document
from communique.web import pages


def query_of(page: Any) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query, keep_blank_values=True)


def test_filters_are_chips_that_survive_submit(
    page: Any, site: tuple[str, list[Document], str]
) -> None:
    url, docs, _ = site
    # The actor filter as an actor page's link sets it: no form field shows it.
    page.goto(f"{url}/actor/{quote(samples.ABIY.id, safe='')}")
    page.click("text=All events of")
    page.wait_for_url("**/?actor=*")
    assert [c.get_attribute("data-name") for c in page.locator("#chips li").all()] == ["actor"]
    page.fill("input[name=type]", "CONSULT")
    page.click("#apply")
    page.wait_for_url("**type=CONSULT*")
    assert query_of(page)["actor"] == [samples.ABIY.id]  # kept by the submit
    chips = {c.get_attribute("data-name"): c for c in page.locator("#chips li").all()}
    assert set(chips) == {"actor", "type"}
    assert [r.get_attribute("data-id") for r in page.locator("tr.event-row").all()] == [
        f"{docs[0].id}#e1"
    ]
    shot(page, "chips")
    # Removing one chip keeps the other filter.
    chips["type"].locator("a").click()
    page.wait_for_load_state("load")
    assert "type" not in query_of(page) and query_of(page)["actor"] == [samples.ABIY.id]
    assert page.locator("tr.event-row").count() == 2
    page.click("#reports-switch")
    page.wait_for_url("**reports=all*")
    assert {c.get_attribute("data-name") for c in page.locator("#chips li").all()} == {
        "actor",
        "reports",
    }
    # The dyad view from the actor page: the events between two actors, both directions.
    page.goto(f"{url}/actor/{quote(samples.ABIY.id, safe='')}")
    co_actor = page.locator("#co-actors li").first
    count = int(co_actor.locator(".count").inner_text())
    co_actor.locator("a.dyad").click()
    page.wait_for_url("**partner=*")
    assert page.locator("tr.event-row").count() == count
    assert {c.get_attribute("data-name") for c in page.locator("#chips li").all()} >= {
        "actor",
        "partner",
    }


def test_previous_and_next_pages(
    page: Any, site: tuple[str, list[Document], str], monkeypatch: pytest.MonkeyPatch
) -> None:
    url, _, _ = site
    monkeypatch.setattr(pages, "PAGE", 1)  # the four sample events, one per page
    page.goto(url + "/?sort=date")
    seen = []
    for number in range(1, 5):
        assert page.locator("#page-range").inner_text() == f"{number}–{number} of 4"
        assert page.locator("#previous-page").count() == (0 if number == 1 else 1)
        seen.append(page.locator("tr.event-row").first.get_attribute("data-id"))
        if number < 4:
            page.click("#next-page")
            page.wait_for_load_state("load")
    assert page.locator("#next-page").count() == 0 and len(set(seen)) == 4
    for number in range(3, 0, -1):
        page.click("#previous-page")
        page.wait_for_load_state("load")
        assert page.locator("#page-range").inner_text() == f"{number}–{number} of 4"
        assert page.locator("tr.event-row").first.get_attribute("data-id") == seen[number - 1]
    assert query_of(page)["sort"] == ["date"]  # the order is kept along the way


@pytest.mark.parametrize("width", [1440, 390])
def test_every_page_fits_the_screen(
    page: Any, site: tuple[str, list[Document], str], width: int
) -> None:
    url, docs, _ = site
    kenya = docs[0]
    page.set_viewport_size({"width": width, "height": 900})
    paths = {
        "events": "/",
        "event": f"/event/{quote(kenya.id + '#e1', safe='')}",
        "article": f"/article/{kenya.id}",
        "actor": f"/actor/{quote(samples.ABIY.id, safe='')}",
        "quotes": "/browse/quotes",
        "actors": "/browse/actors",
        "stories": "/browse/stories",
        "error": "/?date_from=last+week",
        "docs": "/docs",
        "map": "/browse/map",
        "map-empty": "/browse/map?type=ASSAULT",
        "dyad": f"/browse/dyad?actor={quote(samples.RUTO.id)}&partner={quote(samples.ABIY.id)}",
        "dyad-form": "/browse/dyad",
        "story": "/story/s1",
    }
    for name, path in paths.items():
        page.goto(url + path)
        page.wait_for_load_state("load")
        if name == "docs":
            page.locator(".opblock-summary-path").first.wait_for()
        if name.startswith("map"):
            page.locator("#map[data-drawn]").wait_for()
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, (name, width, overflow)
        shot(page, f"layout-{width}-{name}")
    page.goto(url + "/")
    facets = page.locator("aside.facets").bounding_box()
    table = page.locator("table#events").bounding_box()
    if width < 800:  # one column: the facets come after the events, as wide as the screen
        assert facets["y"] > table["y"] and facets["width"] > width * 0.8
    else:
        assert facets["x"] + facets["width"] <= table["x"]


def test_quote_filters_are_chips_and_pages_go_both_ways(
    page: Any, site: tuple[str, list[Document], str], monkeypatch: pytest.MonkeyPatch
) -> None:
    url, _, _ = site
    monkeypatch.setattr(pages, "PAGE", 1)
    page.goto(url + "/browse/quotes")
    seen = []
    while True:
        seen.append(page.locator("li.quote").first.get_attribute("data-id"))
        if page.locator("#next-page").count() == 0:
            break
        page.click("#next-page")
        page.wait_for_load_state("load")
    assert len(seen) == len(set(seen)) == 3
    page.click("#previous-page")
    page.wait_for_load_state("load")
    assert page.locator("li.quote").first.get_attribute("data-id") == seen[1]
    page.goto(url + "/browse/quotes?speaker=" + quote(samples.ABIY.id, safe=""))
    page.fill("#f-published_from", "2024-03")
    page.click("#search")
    page.wait_for_url("**published_from=2024-03*")
    chips = {c.get_attribute("data-name"): c for c in page.locator("#chips li").all()}
    assert set(chips) == {"speaker", "published_from"}  # the hidden speaker filter is kept
    assert page.locator("li.quote").count() == 1
    chips["speaker"].locator("a").click()
    page.wait_for_load_state("load")
    assert "speaker" not in query_of(page) and query_of(page)["published_from"] == ["2024-03"]
