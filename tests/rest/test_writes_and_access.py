"""Who may read and write: loopback-only reads, the Host allow-list, guarded writes, ingest."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest
from tests.rest.conftest import TOKEN
from tests.rest.live import live_server
from tests.store import samples

from communique.rest import create_app, writes
from communique.store import Store


def from_address(app: Any, address: str, path: str, host: str = "127.0.0.1:8000") -> httpx.Response:
    """A request as if it came from ``address`` (straight into the ASGI app, no network)."""

    async def go() -> httpx.Response:
        transport = httpx.ASGITransport(app=app, client=(address, 40000))
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as http:
            return await http.get(path, headers={"Host": host})

    return asyncio.run(go())


def test_reads_are_for_this_machine_unless_allowed(db: str, docs: Any) -> None:
    closed = create_app(db)
    assert from_address(closed, "203.0.113.7", "/events").status_code == 403
    assert from_address(closed, "192.168.1.20", "/").status_code == 403
    assert from_address(closed, "127.0.0.1", "/events").status_code == 200
    assert from_address(closed, "::1", "/events").status_code == 200
    opened = create_app(db, allow_remote=True)
    assert from_address(opened, "203.0.113.7", "/events").status_code == 200


def test_the_host_header_must_name_this_server(db: str, docs: Any) -> None:
    closed = create_app(db)
    for name in ("127.0.0.1:8000", "localhost:8000", "localhost", "[::1]:8000", "app.localhost"):
        assert from_address(closed, "127.0.0.1", "/events", host=name).status_code == 200, name
    for name in ("evil.example", "evil.example:8000", "127.0.0.1.evil.example", ""):
        refused = from_address(closed, "127.0.0.1", "/events", host=name)
        assert refused.status_code == 400, name
        assert repr(name) in refused.json()["detail"]  # the refusal names the input
    assert from_address(closed, "127.0.0.1", "/", host="evil.example").status_code == 400
    listed = create_app(db, allowed_hosts=["news.lan"])
    assert from_address(listed, "127.0.0.1", "/events", host="news.lan:8000").status_code == 200
    assert from_address(listed, "127.0.0.1", "/events", host="evil.example").status_code == 400
    # remote serving with a list answers only those names; without one, any name
    remote_listed = create_app(db, allow_remote=True, allowed_hosts=["news.lan"])
    assert from_address(remote_listed, "203.0.113.7", "/events", host="news.lan").status_code == 200
    assert (
        from_address(remote_listed, "203.0.113.7", "/events", host="x.example").status_code == 400
    )
    remote = create_app(db, allow_remote=True)
    assert from_address(remote, "203.0.113.7", "/events", host="x.example").status_code == 200


def test_dns_rebinding_is_refused_by_the_live_server(base_url: str) -> None:
    """A page on another name resolved to 127.0.0.1 sends its own name as Host."""
    rebound = httpx.get(f"{base_url}/events", headers={"Host": "attacker.example"})
    assert rebound.status_code == 400
    assert httpx.get(f"{base_url}/events").status_code == 200


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


def write_routes(routes: list[Any], guarded: bool = False) -> set[tuple[str, str, bool]]:
    """(method, path, whether behind ``write_guard``) of every route that accepts a write.

    Walks included routers (FastAPI keeps them as one entry with the router
    inside) and mounts, so that no route escapes the check.
    """
    found: set[tuple[str, str, bool]] = set()
    for route in routes:
        router = getattr(route, "original_router", None)
        if router is not None:
            names = {getattr(d.dependency, "__qualname__", "") for d in router.dependencies}
            inner = guarded or any(name.startswith("write_guard.") for name in names)
            found |= write_routes(router.routes, inner)
        elif getattr(route, "routes", None):
            found |= write_routes(route.routes, guarded)
        for method in (getattr(route, "methods", None) or set()) & writes.WRITE_METHODS:
            found.add((method, route.path, guarded))
    return found


# One request per write route: (method, path, a body that would do the write).
KENYA_EVENT = f"{samples.documents()[0].id}%23e1"
WRITES = [
    ("POST", "/articles", {"text": "Kenya's president met Ethiopia's prime minister."}),
    ("POST", "/clusters/merge", {"clusters": ["v1", "v1"]}),
    ("POST", f"/events/{KENYA_EVENT}/unmerge", None),
]


def test_every_write_route_is_on_the_guarded_router(db: str, docs: Any) -> None:
    app = create_app(db, token=TOKEN)
    found = write_routes(app.routes)
    assert found and all(guarded for _, _, guarded in found), found
    on_router = {
        (m, p) for m, p, _ in write_routes(writes.router(app.state.store, None, None).routes)
    }
    assert {(m, p) for m, p, _ in found} == on_router
    tested = {(method, path.replace(KENYA_EVENT, "{event_id}")) for method, path, _ in WRITES}
    assert tested == on_router  # a new write route needs its line in WRITES


@pytest.mark.parametrize(("method", "path", "body"), WRITES, ids=[w[1] for w in WRITES])
def test_each_write_refuses_no_token_a_wrong_token_and_cross_site_requests(
    fresh_db: str, method: str, path: str, body: Any
) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    with Store.open(fresh_db) as store:
        before = (store.stats(), store.clusters())
    with (
        live_server(create_app(fresh_db, token=TOKEN)) as url,
        httpx.Client(base_url=url, timeout=30) as http,
    ):

        def send(headers: dict[str, str], **extra: Any) -> int:
            if "content" not in extra and body is not None:
                extra["json"] = body
            return http.request(method, path, headers=headers, **extra).status_code

        assert send({}) == 401
        assert send({"Authorization": "Bearer not-the-token"}) == 401
        assert send({"Authorization": f"Basic {TOKEN}"}) == 401
        other_site = url.replace("127.0.0.1", "localhost")  # same machine, another origin
        assert send({**auth, "Origin": "https://elsewhere.example"}) == 403
        assert send({**auth, "Origin": other_site}) == 403
        assert send({**auth, "Origin": "null"}) == 403
        assert send({**auth, "Sec-Fetch-Site": "cross-site"}) == 403
        assert send({**auth, "Sec-Fetch-Site": "same-site"}) == 403
        for form in ("application/x-www-form-urlencoded", "multipart/form-data", "text/plain"):
            assert send({**auth, "Content-Type": form}, content=b"clusters=v1") == 415, form
    with live_server(create_app(fresh_db)) as url:  # no token configured: read-only
        refused = httpx.request(method, f"{url}{path}", json=body, headers=auth)
        assert refused.status_code == 403 and "read-only" in refused.json()["detail"]
    with Store.open(fresh_db) as store:
        assert (store.stats(), store.clusters()) == before
    # The control: the same request from this server's own page passes the guard
    # (the bodies that carry one are refused for their shape, 422).
    with live_server(create_app(fresh_db, token=TOKEN)) as url:
        own_page = {**auth, "Origin": url, "Sec-Fetch-Site": "same-origin"}
        passed = httpx.request(
            method,
            f"{url}{path}",
            headers={**own_page, "Content-Type": "application/json"},
            content=b"[]",
        )
        assert passed.status_code == (422 if body is not None else 200), passed.text


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
