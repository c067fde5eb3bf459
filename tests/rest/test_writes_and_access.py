"""Who may read and write: loopback-only reads, bearer-token writes, cluster edits, ingest."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
from tests.rest.conftest import TOKEN
from tests.rest.live import live_server
from tests.store import samples

from communique.rest import create_app
from communique.store import Store


def from_address(app: Any, address: str, path: str) -> httpx.Response:
    """A request as if it came from ``address`` (straight into the ASGI app, no network)."""

    async def go() -> httpx.Response:
        transport = httpx.ASGITransport(app=app, client=(address, 40000))
        async with httpx.AsyncClient(transport=transport, base_url="http://serve") as http:
            return await http.get(path)

    return asyncio.run(go())


def test_reads_are_for_this_machine_unless_allowed(db: str, docs: Any) -> None:
    closed = create_app(db)
    assert from_address(closed, "203.0.113.7", "/events").status_code == 403
    assert from_address(closed, "192.168.1.20", "/").status_code == 403
    assert from_address(closed, "127.0.0.1", "/events").status_code == 200
    assert from_address(closed, "::1", "/events").status_code == 200
    opened = create_app(db, allow_remote=True)
    assert from_address(opened, "203.0.113.7", "/events").status_code == 200


def test_no_cors_and_a_content_security_policy(client: httpx.Client) -> None:
    response = client.get("/events", headers={"Origin": "https://elsewhere.example"})
    assert "access-control-allow-origin" not in response.headers
    preflight = client.options(
        "/events",
        headers={"Origin": "https://elsewhere.example", "Access-Control-Request-Method": "GET"},
    )
    assert "access-control-allow-origin" not in preflight.headers
    page = client.get("/")
    assert "script-src 'self'" in page.headers["content-security-policy"]


def test_writes_need_the_token(client: httpx.Client, db: str, docs: Any) -> None:
    body = {"clusters": ["v1", "v1"]}
    assert client.post("/clusters/merge", json=body).status_code == 401
    wrong = {"Authorization": "Bearer nope"}
    assert client.post("/clusters/merge", json=body, headers=wrong).status_code == 401
    assert client.post("/articles", json={"text": "x"}).status_code == 401
    with live_server(create_app(db)) as url:  # no token configured: no writes at all
        response = httpx.post(
            f"{url}/clusters/merge", json=body, headers={"Authorization": f"Bearer {TOKEN}"}
        )
        assert response.status_code == 403


def test_merge_and_unmerge_event_clusters(fresh_db: str) -> None:
    with Store.open(fresh_db) as store:
        docs = samples.documents()
        kenya, brazil = docs[0].id, docs[1].id
        store.replace_clusters(
            ["event"],
            [
                samples.Cluster(level="event", id="v1", members=[f"{kenya}#e1"]),
                samples.Cluster(level="event", id="v2", members=[f"{brazil}#e1", f"{brazil}#e2"]),
            ],
        )
    auth = {"Authorization": f"Bearer {TOKEN}"}
    with (
        live_server(create_app(fresh_db, token=TOKEN)) as url,
        httpx.Client(base_url=url, headers=auth) as http,
    ):
        assert http.post("/clusters/merge", json={"clusters": ["v1", "nope"]}).status_code == 404
        merged = http.post("/clusters/merge", json={"clusters": ["v1", "v2"]})
        assert merged.status_code == 200, merged.text
        new = merged.json()["id"]
        assert merged.json()["members"] == [f"{kenya}#e1", f"{brazil}#e1", f"{brazil}#e2"]
        detail = http.get(f"/events/{brazil}%23e2").json()
        assert detail["cluster"] == new and len(detail["members"]) == 3
        assert {s["id"] for s in detail["sources"]} == {kenya, brazil}
        assert http.get("/clusters", params={"level": "event"}).json()["items"][0]["id"] == new

        split = http.post(f"/events/{brazil}%23e2/unmerge")
        assert split.status_code == 200, split.text
        assert split.json()["members"] == [f"{brazil}#e2"]
        assert http.get(f"/events/{brazil}%23e2").json()["cluster"] == split.json()["id"]
        rest = http.get(f"/events/{kenya}%23e1").json()
        assert [m["id"] for m in rest["members"]] == [f"{kenya}#e1", f"{brazil}#e1"]
        assert http.post("/events/nope%23e9/unmerge").status_code == 404
    # both edits are kept as user decisions, which later clustering obeys
    with Store.open(fresh_db) as store:
        kept = {(d.a, d.b, d.verdict) for d in store.decisions("event", [f"{brazil}#e2"], "user")}
    assert (f"{kenya}#e1", f"{brazil}#e2", "merge") not in kept  # re-anchored, then split
    assert (f"{brazil}#e2", f"{kenya}#e1", "split") in kept
    assert (f"{brazil}#e2", f"{brazil}#e1", "split") in kept


def test_ingest_a_text(fresh_db: str, context: Any) -> None:
    text = (
        "OSLO, May 6, 2025 (Newswire) - Norwegian Foreign Minister Espen Barth Eide met "
        "Chilean President Gabriel Boric in Oslo on Tuesday to discuss copper trade.\n\n"
        "\u201cWe want fair rules for every exporter,\u201d Boric told reporters."
    )
    auth = {"Authorization": f"Bearer {TOKEN}"}
    app = create_app(fresh_db, token=TOKEN, context=context)
    with live_server(app) as url, httpx.Client(base_url=url, headers=auth, timeout=60) as http:
        response = http.post(
            "/articles", json={"text": text, "published": "2025-05-06", "outlet": "Newswire"}
        )
        assert response.status_code == 201, response.text
        made = response.json()
        article = http.get(f"/articles/{made['id']}").json()["document"]
        assert "Gabriel Boric in Oslo" in article["text"]
        assert len(article["events"]) == made["events"]
        assert len(article["quotes"]) == made["quotes"] >= 1
        assert http.post("/articles", json={"text": ""}).status_code == 422
        assert http.post("/articles", json={"text": "x", "published": "May"}).status_code == 422
