"""Counting each real-world event once, on a store built by the real pipeline.

``tests/rest/reports`` holds four reports of our own writing: one meeting
reported by three outlets (one of them a syndicated copy of another, with a
different footer) and an unrelated report. ``communique run`` analyses and
clusters them; the table, facets, timeline, totals, downloads, ``/stats`` and
``communique stats`` must then all count the same number of distinct events,
and ``reports=all`` the same number of event rows.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path
from typing import Any

import httpx
import pytest
from tests.rest.live import live_server
from typer.testing import CliRunner

from communique.cli import app as cli
from communique.config import Settings
from communique.pipeline import run
from communique.rest import create_app
from communique.store import Store

REPORTS = Path(__file__).parent / "reports"
SYNDICATED = {"Harbor Times", "Coast Daily"}


@pytest.fixture(scope="module")
def store_db(tmp_path_factory: pytest.TempPathFactory, settings: Settings) -> str:
    db = str(tmp_path_factory.mktemp("distinct") / "reports.db")
    summary = run([REPORTS], db=db, workers=1, settings=settings)
    assert summary.failed == 0
    return db


@pytest.fixture(scope="module")
def http(store_db: str) -> Iterator[httpx.Client]:
    with live_server(create_app(store_db)) as url, httpx.Client(base_url=url, timeout=30) as client:
        yield client


def every_event(http: httpx.Client, **params: Any) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    cursor = None
    while True:
        query = {**params, "limit": 3, **({"cursor": cursor} if cursor else {})}
        page = http.get("/events", params=query)
        assert page.status_code == 200, page.text
        found.extend(page.json()["items"])
        cursor = page.json()["next"]
        if cursor is None:
            return found


def counts_everywhere(http: httpx.Client, **params: Any) -> dict[str, int]:
    """The number of events each view of the same selection reports."""
    stats = http.get("/stats", params=params).json()
    html = http.get("/", params=params).text
    csv_rows = list(
        csv.DictReader(io.StringIO(http.get("/download/events.csv", params=params).text))
    )
    jsonl = http.get("/download/events.jsonl", params=params).text.splitlines()
    total = re.search(r'<strong id="total">(\d+)</strong>', html)
    assert total is not None
    return {
        "table": len(every_event(http, **params)),
        "web table": html.count('class="event-row'),
        "web total": int(total.group(1)),
        "total": stats["total"],
        "type facet": sum(f["count"] for f in stats["types"]),
        "outlet facet": sum(f["count"] for f in stats["outlets"]),
        "timeline + undated + year only": sum(
            n for month in stats["timeline"] for k, n in month.items() if k != "month"
        )
        + stats["undated"]
        + stats["year_only"],
        "csv": len(csv_rows),
        "jsonl": len(jsonl),
    }


def test_every_view_counts_each_event_once(http: httpx.Client, store_db: str) -> None:
    printed = CliRunner().invoke(cli, ["stats", "--db", store_db, "--json"])
    assert printed.exit_code == 0, printed.output
    from_cli = json.loads(printed.stdout)
    with Store.open(store_db) as store:
        distinct, rows = store.distinct_events(), store.stats()["events"]
    assert distinct < rows  # the copies and the other outlets' reports are rows too
    stats = http.get("/stats").json()
    assert stats["distinct_events"] == stats["counts"]["distinct_events"] == distinct
    assert from_cli["distinct_events"] == distinct and from_cli["events"] == rows

    assert counts_everywhere(http) == dict.fromkeys(counts_everywhere(http), distinct)
    every = counts_everywhere(http, reports="all")
    assert every == dict.fromkeys(every, rows)


def test_a_row_names_every_outlet_that_reported_its_event(http: httpx.Client) -> None:
    distinct = every_event(http)
    every = every_event(http, reports="all")
    # The syndicated copy and its original report the meeting: its row names both outlets.
    meeting = [e for e in distinct if set(e["outlets"]) >= SYNDICATED]
    assert meeting and all(e["reports"] >= 2 for e in meeting)
    copies = [e for e in every if e["cluster"] and e["cluster"] == meeting[0]["cluster"]]
    assert {e["outlet"] for e in copies} >= SYNDICATED
    assert sum(1 for e in copies if e["duplicate_of"]) >= 1  # the syndicated copy's event
    # Every row counts the articles of its cluster's rows (each of which is a report).
    for row in distinct:
        members = [e for e in every if row["cluster"] and e["cluster"] == row["cluster"]]
        assert row["reports"] >= len({e["article"] for e in members})
        assert set(row["outlets"]) >= {e["outlet"] for e in members}
    # Filters apply to the same rows in both modes.
    chosen = {"type": meeting[0]["type"], "actor": meeting[0]["source"]["id"]}
    found = every_event(http, **chosen)
    assert meeting[0]["id"] in [e["id"] for e in found]
    assert len(every_event(http, **chosen, reports="all")) >= len(found) + 1
    html = http.get("/", params={"type": meeting[0]["type"]}).text
    assert f"{meeting[0]['reports']} reports" in html
    assert all(outlet in html for outlet in meeting[0]["outlets"])


def test_the_timeline_has_every_month_between_its_first_and_last(http: httpx.Client) -> None:
    timeline = http.get("/stats").json()["timeline"]
    months = [row["month"] for row in timeline]
    # The meeting (May 2024) and the depot strike (July 2024): June is there, with or
    # without events of its own.
    assert months[0] <= "2024-05" and months[-1] >= "2024-07"
    for before, after in pairwise(months):
        year, month = int(before[:4]), int(before[5:])
        assert after == (f"{year + 1}-01" if month == 12 else f"{year}-{month + 1:02d}")
    assert "2024-06" in months
    assert all(len(row) > 1 for row in (timeline[0], timeline[-1]))


def test_empty_months_are_rows_of_zero_counts() -> None:
    from communique.rest.facets import _every_month

    found = _every_month(
        {"2023-11": {"month": "2023-11", "AID": 2}, "2024-02": {"month": "2024-02"}}
    )
    assert [row["month"] for row in found] == ["2023-11", "2023-12", "2024-01", "2024-02"]
    assert found[1] == {"month": "2023-12"} and found[0]["AID"] == 2
    assert _every_month({}) == []


def test_stories_list_their_articles_outlets_and_main_events_once(http: httpx.Client) -> None:
    stories = http.get("/clusters", params={"level": "story", "limit": 100}).json()["items"]
    html = http.get("/browse/stories").text
    assert html.count('<li class="story"') == len(stories) > 0
    meeting = next(s for s in stories if len(s["members"]) >= 2)
    block = html.split(f'data-id="{meeting["id"]}"', 1)[1].split('<li class="story"', 1)[0]
    assert all(outlet in block for outlet in SYNDICATED)
    # Every main event is counted once, in the story of the article that stands for it.
    counted = sum(int(n) for n in re.findall(r"× (\d+)</span>", html))
    assert counted == http.get("/stats", params={"salience": "main"}).json()["total"]
