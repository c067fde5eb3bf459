"""The REST API over a real store, through a real uvicorn server: records, filters, pages, details.

The expected values come from the sample documents and from
``communique.export.records`` over the same store, so the API is checked
against the export contract rather than against itself. ``tests/pg`` runs
these same tests on PostgreSQL.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from tests.rest.live import strip
from tests.store import samples

from communique.export import FIELDS, records
from communique.model import Document
from communique.store import Store


def ids(response: httpx.Response) -> list[str]:
    assert response.status_code == 200, response.text
    return [item["id"] for item in response.json()["items"]]


def walk(client: httpx.Client, path: str, **params: Any) -> list[dict[str, Any]]:
    """Every item of a listing, one item per page, following the cursors."""
    found: list[dict[str, Any]] = []
    cursor = None
    for _ in range(100):
        query = {**params, "limit": 1, **({"cursor": cursor} if cursor else {})}
        page = client.get(path, params=query)
        assert page.status_code == 200, page.text
        found.extend(page.json()["items"])
        cursor = page.json()["next"]
        if cursor is None:
            return found
    raise AssertionError("pagination does not end")


@pytest.mark.parametrize("kind", ["events", "quotes", "articles", "actors", "clusters"])
def test_listings_are_the_export_records(
    client: httpx.Client, db: str, docs: list[Document], kind: str
) -> None:
    with Store.open(db) as store:
        exported = list(records(store, kind))
    served = [strip(item, FIELDS[kind]) for item in walk(client, f"/{kind}")]
    key = (lambda r: (r["level"], r["id"])) if kind == "clusters" else (lambda r: r["id"])
    assert sorted(served, key=key) == sorted(exported, key=key)


def test_event_filters(client: httpx.Client, docs: list[Document]) -> None:
    kenya, brazil, _ = docs
    k1, k2, b1, b2 = (f"{kenya.id}#e1", f"{kenya.id}#e2", f"{brazil.id}#e1", f"{brazil.id}#e2")
    cases: list[tuple[dict[str, Any], set[str]]] = [
        ({"type": "CONSULT"}, {k1}),
        ({"type": ["consult", "ACCUSE"]}, {k1, b1}),
        ({"type": "CONSULT,AID"}, {k1, b2}),
        ({"actor": samples.ABIY.id}, {k1, k2}),
        ({"actor_name": "vieira"}, {b1, b2}),
        ({"actor_name": "the Ethiopian prime"}, {k1, k2}),  # an alias
        ({"country": "ken"}, {k1}),
        ({"country": "ETH"}, {k1, k2}),  # either side
        ({"source": samples.ABIY.id}, {k2}),
        ({"target": samples.ABIY.id}, {k1}),
        ({"source": samples.RUTO.id, "target": samples.ABIY.id}, {k1}),  # a dyad
        ({"actor": samples.ABIY.id, "partner": samples.RUTO.id}, {k1}),  # both directions
        ({"actor": samples.RUTO.id, "partner": samples.ABIY.id}, {k1}),
        ({"source": samples.ABIY.id, "target": samples.RUTO.id}, set()),  # its other direction
        ({"source_country": "eth"}, {k2}),
        ({"target_country": "ETH"}, {k1}),
        ({"target_country": "KEN"}, set()),
        ({"target_sector": samples.ABIY.sector, "source_country": "KEN"}, {k1}),
        ({"sector": samples.ABIY.sector, "actor": samples.ABIY.id}, {k1, k2}),
        ({"country": "IGO"}, {b1}),
        ({"cameo": "04"}, {k1}),
        ({"cameo": "1"}, {b1}),
        ({"date_from": "2024-03-01", "date_to": "2024-03"}, {k1}),
        ({"date_to": "2024-03-12"}, set()),
        ({"published_from": "2024-01-01"}, {k1, k2}),
        ({"place": "nairobi"}, {k1}),
        ({"place": "KEN"}, {k1}),
        ({"outlet": "Newswire"}, {k1, k2}),
        ({"salience": "background"}, {k2}),
        ({"negated": "true"}, {b2}),
        ({"negated": "false", "article": brazil.id}, {b1}),
        ({"q": "MONITORING mission"}, {k2}),
        ({"q": "100%_"}, set()),  # LIKE wildcards are taken literally
    ]
    for params, expected in cases:
        assert set(ids(client.get("/events", params=params))) == expected, params


def test_quote_and_other_filters(client: httpx.Client, docs: list[Document]) -> None:
    kenya = docs[0]
    assert ids(client.get("/quotes", params={"q": "border"})) == [f"{kenya.id}#q1"]
    assert ids(client.get("/quotes", params={"speaker": samples.ABIY.id})) == [f"{kenya.id}#q2"]
    assert ids(client.get("/quotes", params={"speaker_name": "ruto", "kind": "direct"})) == [
        f"{kenya.id}#q1"
    ]
    assert len(ids(client.get("/quotes", params={"country": "KEN"}))) == 1
    assert ids(client.get("/quotes", params={"q": "nothing like this"})) == []
    assert ids(client.get("/articles", params={"outlet": "Newswire"})) == [kenya.id]
    assert ids(client.get("/articles", params={"status": "not-english"})) == [docs[2].id]
    assert ids(client.get("/actors", params={"q": "kenyan PRESIDENT"})) == [samples.RUTO.id]
    assert set(ids(client.get("/actors", params={"country": "ken"}))) == {
        samples.RUTO.id,
        samples.WANJIKU.id,
    }
    assert ids(client.get("/clusters", params={"level": "story"})) == ["s1"]
    assert ids(client.get("/clusters", params={"member": f"{kenya.id}#e1"})) == ["v1"]


@pytest.mark.parametrize("sort", ["date", "-date", "published", "-published"])
def test_event_pages_are_stable_and_complete(client: httpx.Client, sort: str) -> None:
    walked = [item["id"] for item in walk(client, "/events", sort=sort)]
    whole = ids(client.get("/events", params={"sort": sort, "limit": 100}))
    assert walked == whole
    assert len(set(walked)) == 4
    dated = [d for d in (item["date"] for item in walk(client, "/events", sort=sort)) if d]
    assert dated == ["2024-03-13"]


def test_bad_requests_are_client_errors(client: httpx.Client) -> None:
    first = client.get("/events", params={"limit": 1}).json()["next"]
    assert client.get("/events", params={"cursor": "not-a-cursor"}).status_code == 400
    # A cursor of one sort order is refused by another.
    assert client.get("/events", params={"cursor": first, "sort": "published"}).status_code == 400
    assert client.get("/events", params={"limit": 0}).status_code == 422
    assert client.get("/events", params={"sort": "sideways"}).status_code == 422
    assert client.get("/events/nope").status_code == 404
    assert client.get("/actors/nobody").status_code == 404
    assert client.get("/articles/a000").status_code == 404


def test_event_detail_has_every_member_with_evidence_and_source(
    client: httpx.Client, docs: list[Document]
) -> None:
    kenya = docs[0]
    detail = client.get(f"/events/{kenya.id}%23e1").json()
    assert detail["cluster"] == "v1"
    assert [m["id"] for m in detail["members"]] == [f"{kenya.id}#e1"]
    evidence = detail["members"][0]["evidence"]
    assert kenya.text[evidence["start"] : evidence["end"]] == evidence["text"]
    assert detail["sources"][0]["id"] == kenya.id
    assert detail["sources"][0]["outlet"] == "Newswire"
    alone = client.get(f"/events/{kenya.id}%23e2").json()
    assert alone["cluster"] is None and [m["id"] for m in alone["members"]] == [f"{kenya.id}#e2"]


def test_actor_detail(client: httpx.Client, docs: list[Document]) -> None:
    detail = client.get(f"/actors/{samples.ABIY.id}").json()
    assert detail["actor"] == samples.ABIY.model_dump()
    assert detail["events"] == 2
    assert detail["activity"] == [{"month": "2024-03", "source": 0, "target": 1}]
    assert [(c["actor"]["id"], c["count"]) for c in detail["co_actors"]] == [(samples.RUTO.id, 1)]
    assert [q["text"] for q in detail["quotes"]] == [docs[0].quotes[1].text]


def test_article_detail_is_the_document(client: httpx.Client, docs: list[Document]) -> None:
    detail = client.get(f"/articles/{docs[0].id}").json()
    assert Document.model_validate(detail["document"]) == docs[0]
    assert detail["story"] == "s1"
    assert detail["sources"][0]["url"] == docs[0].url


def test_stats_and_facets(client: httpx.Client) -> None:
    stats = client.get("/stats").json()
    assert stats["counts"]["events"] == 4
    assert {f["key"]: f["count"] for f in stats["types"]} == {
        "CONSULT": 1,
        "SUPPORT": 1,
        "ACCUSE": 1,
        "AID": 1,
    }
    assert stats["timeline"] == [{"month": "2024-03", "CONSULT": 1}]
    filtered = client.get("/stats", params={"actor_name": "vieira"}).json()
    assert {f["key"] for f in filtered["types"]} == {"ACCUSE", "AID"}
    # Countries of either side (as the `country` filter): Vieira's two events, one with the AU.
    assert filtered["countries"] == [{"key": "BRA", "count": 2}, {"key": "IGO", "count": 1}]
    for facet in filtered["countries"]:
        chosen = client.get("/stats", params={"actor_name": "vieira", "country": facet["key"]})
        assert chosen.json()["total"] == facet["count"]


def test_openapi_schema_derives_from_the_export_contract(client: httpx.Client) -> None:
    schema = client.get("/openapi.json").json()
    assert {
        "/events",
        "/events/{event_id}",
        "/quotes",
        "/actors",
        "/actors/{actor_id}",
        "/articles",
        "/articles/{article_id}",
        "/clusters",
        "/stats",
    } <= set(schema["paths"])
    event = schema["components"]["schemas"]["EventRecord"]["properties"]
    assert list(event)[: len(FIELDS["events"])] == list(FIELDS["events"])
    assert "Document" in schema["components"]["schemas"]
