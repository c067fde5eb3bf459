"""The web explorer in a real browser: Debian's chromium driven by Playwright against uvicorn.

Each test loads pages, filters, follows links and checks what is shown
against the store; screenshots go to tests/artifacts/ (gitignored). The last
test ingests an article whose names and quotes carry markup and scripts and
shows that every page renders them as inert text.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import httpx
from tests.store import samples
from tests.web.conftest import TOKEN, shot

from communique.model import Actor, Document
from communique.store import Store


def test_event_table_filters_and_event_page(
    page: Any, site: tuple[str, list[Document], str]
) -> None:
    url, docs, _ = site
    kenya = docs[0]
    page.goto(url + "/")
    assert page.locator("tr.event-row").count() == 4
    assert page.locator("#facet-types li").count() == 4
    assert page.locator("#timeline").get_attribute("data-drawn") == "1"  # one dated type
    # The chart's numbers as a table (for screen readers and for checking).
    table_rows = page.locator("#timeline-table tbody tr")
    assert table_rows.count() == 1
    assert table_rows.first.locator("th").text_content() == "2024-03"
    shot(page, "events")
    page.fill("input[name=type]", "CONSULT")
    page.click("#apply")
    page.wait_for_url("**/?*type=CONSULT*")
    rows = page.locator("tr.event-row")
    assert rows.count() == 1
    assert rows.first.get_attribute("data-id") == f"{kenya.id}#e1"
    # Facet links narrow the same way.
    page.goto(url + "/")
    page.click("#facet-types a:text-is('ACCUSE')")
    assert page.locator("tr.event-row").count() == 1
    # Follow the event link: the evidence sentence is highlighted in the article text.
    page.goto(url + "/?type=CONSULT")
    page.click("tr.event-row a.event-link")
    page.wait_for_url("**/event/**")
    # Evidence first: the sentence with its neighbours, trigger and parties marked;
    # the whole article is folded away.
    passage = page.locator("article.source .passage")
    assert passage.count() == 1
    marked = passage.locator(".mark.evidence")
    assert "".join(marked.all_inner_texts()) == kenya.events[0].evidence.text
    event = kenya.events[0]
    if event.trigger:
        assert passage.locator(".mark.trigger").first.inner_text() == event.trigger
    names = {a.id: a.name for a in kenya.actors}
    for role, actor_id in (("source", event.source_id), ("target", event.target_id)):
        mentioned = [m.text for m in kenya.mentions if m.actor_id == actor_id]
        if actor_id and mentioned:
            shown = passage.locator(f"a.mark.{role}").all_inner_texts()
            assert shown and set(shown) <= set(mentioned), (role, names[actor_id])
    assert not page.locator("article.source details .article-text").is_visible()
    assert "v1" in page.locator("#event-facts").inner_text()
    shot(page, "event")


def test_article_reader_and_actor_page(page: Any, site: tuple[str, list[Document], str]) -> None:
    url, docs, _ = site
    kenya = docs[0]
    page.goto(f"{url}/article/{kenya.id}")
    assert page.locator("#article-title").inner_text() == kenya.title
    reader = page.locator("#reader")
    assert reader.inner_text().strip() == kenya.text.strip()
    assert page.locator("#reader .mark.quote").count() >= len(kenya.quotes)
    assert page.locator("#reader .mark.time").count() >= len(kenya.timexes)
    assert page.locator("#article-actors li").count() == len(kenya.actors)
    assert page.locator("#article-events li").count() == len(kenya.events)
    shot(page, "article")
    page.click("#reader a.mark.actor:text-is('Abiy Ahmed')")
    page.wait_for_url("**/actor/**")
    assert page.locator("#actor-name").inner_text() == samples.ABIY.name
    assert page.locator("#roles tbody tr").count() == len(samples.ABIY.roles)
    assert page.locator("#co-actors li").count() == 1
    page.wait_for_function("document.getElementById('network').dataset.drawn === '1'")
    assert page.locator("#network canvas").count() >= 1
    assert page.locator("#actor-quotes li").count() == 1
    shot(page, "actor")


def test_quote_search_and_download(page: Any, site: tuple[str, list[Document], str]) -> None:
    url, _, _ = site
    page.goto(url + "/browse/quotes")
    assert page.locator("li.quote").count() == 3
    page.fill("input[name=q]", "border")
    page.click("#search")
    page.wait_for_url("**q=border*")
    assert page.locator("li.quote").count() == 1
    assert "share a border" in page.locator("li.quote").inner_text()
    shot(page, "quotes")
    page.goto(url + "/?actor_name=vieira")
    link = page.locator(".downloads a:text-is('CSV')").get_attribute("href")
    lines = httpx.get(url + link).text.strip().splitlines()
    assert len(lines) == 3 and lines[0].startswith("id,article,type")


PAYLOAD_TEXT = (
    'GENEVA (Newswire) - Envoy Marta <img src=x onerror="window.__pwned=1" id=pwned> Kovacs '
    "met <b>Foreign Minister</b> Pedro <script>window.__pwned=2</script> Alvarez in Geneva on "
    "Monday.\n\n"
    "\u201cWe will talk again <script>window.__pwned=3</script> next week,\u201d Kovacs said.\n\n"
    'Alvarez said that the talks were "</q><svg onload=window.__pwned=4>" useful.'
)


def test_markup_in_articles_is_inert(page: Any, site: tuple[str, list[Document], str]) -> None:
    url, _, db = site
    response = httpx.post(
        url + "/articles",
        json={
            "text": PAYLOAD_TEXT,
            "published": "2025-02-03",
            "title": "<i>Talks</i><script>window.__pwned=5</script>",
            "outlet": "<b>Wire</b>",
        },
        headers={"Authorization": f"Bearer {TOKEN}"},
        timeout=60,
    )
    assert response.status_code == 201, response.text
    article_id = response.json()["id"]
    document = httpx.get(f"{url}/articles/{article_id}").json()["document"]
    # Names with markup: give every actor of the article a hostile name (as a user edit could).
    with Store.open(db) as store:
        for actor in document["actors"]:
            store.update_actor(
                Actor.model_validate(actor).model_copy(
                    update={
                        "name": '<img src=x onerror="window.__pwned=6" id=pwned>'
                        f"{actor['name']}<script>window.__pwned=7</script>"
                    }
                )
            )
    pages = [
        f"/article/{article_id}",
        "/",
        "/browse/quotes",
        "/browse/actors",
        "/browse/quotes?q=%3Cscript%3E",
    ]
    pages += [f"/event/{quote(article_id + '#' + e['id'], safe='')}" for e in document["events"]]
    pages += [f"/actor/{quote(a['id'], safe='')}" for a in document["actors"]]
    for path in pages:
        page.goto(url + path)
        page.wait_for_load_state("load")
        assert page.evaluate("window.__pwned") is None, path
        assert page.locator("#pwned").count() == 0, path
        assert page.locator("main script:not([type='application/json'])").count() == 0, path
        assert page.locator("main b, main i, main svg").count() == 0, path
    page.goto(f"{url}/article/{article_id}")
    shown = page.locator("#reader").inner_text()
    assert "<script>window.__pwned=2</script>" in shown  # shown as text, not run
    assert "<script>window.__pwned=7</script>" in page.locator("#article-actors").inner_text()
    assert (
        page.locator("#article-title").inner_text()
        == "<i>Talks</i><script>window.__pwned=5</script>"
    )
    shot(page, "inert-markup")
