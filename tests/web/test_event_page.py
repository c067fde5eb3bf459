"""Served HTML without a browser: where reports disagree on the event page, suggestions in the filters."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import httpx
from tests.rest.live import fill, live_server

from communique.model import Cluster
from communique.rest import create_app
from communique.store import Store


def test_the_event_page_shows_where_reports_disagree(tmp_path: Path) -> None:
    fresh_db = str(tmp_path / "c.db")
    kenya = fill(fresh_db)[0]
    member = f"{kenya.id}#e1"
    disagreeing = Cluster(
        level="event",
        id="v1",
        members=[member],
        disagreements={"date": ["2024-03-13", "2024-03-12"], "location": ["Nairobi", "Mombasa"]},
    )
    with Store.open(fresh_db) as store:
        store.replace_clusters(["event"], [disagreeing])
    with live_server(create_app(fresh_db)) as url:
        html = httpx.get(f"{url}/event/{quote(member, safe='')}").text
        plain = httpx.get(f"{url}/event/{quote(f'{kenya.id}#e2', safe='')}").text
    assert '<table id="disagreements">' in html
    assert "<td>date</td><td>2024-03-13 · 2024-03-12</td>" in html
    assert "<td>location</td><td>Nairobi · Mombasa</td>" in html
    assert 'id="disagreements"' not in plain  # an event in no cluster has nothing to compare
    # Evidence comes before the facts.
    assert html.index('class="passage"') < html.index('id="event-facts"')


def test_filter_fields_suggest_the_values_in_the_data(tmp_path: Path) -> None:
    fresh_db = str(tmp_path / "c.db")
    fill(fresh_db)
    with live_server(create_app(fresh_db)) as url:
        html = httpx.get(url + "/").text
        facets = httpx.get(url + "/stats").json()
    assert 'list="dl-type"' in html and '<option value="CONSULT">' in html
    for facet, field in (("countries", "country"), ("outlets", "outlet")):
        shown = html.split(f'<datalist id="dl-{field}">', 1)[1].split("</datalist>", 1)[0]
        keys = [f["key"] for f in facets[facet] if f["key"]]
        assert keys and shown.count("<option") == len(keys)
        assert all(f'<option value="{key}">' in shown for key in keys)
