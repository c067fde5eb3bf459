"""Crafted cursors and NUL bytes are refused with 400/422 naming the input, never a 5xx.

Issue 15 (7): 46 of 210 cursor probes and 102 NUL probes (on PostgreSQL)
answered 500. ``tests/pg/test_rest_pg.py`` runs these tests again on a
PostgreSQL store.
"""

from __future__ import annotations

import base64
import json
from typing import Any

import httpx
import pytest

# (path, the sort orders it takes); the cursor of a listing starts with its sort name
LISTINGS = {
    "/events": ["date", "-date", "published", "-published"],
    "/quotes": ["published", "-published"],
    "/articles": ["published", "-published"],
    "/actors": ["name"],
    "/clusters": ["level"],
}


def b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def crafted(sort: str) -> list[str]:
    """Cursors this API never hands out: wrong shapes, wrong types, NUL, overflow, depth."""
    values: list[list[Any]] = [
        [sort, 1, 2, 3],
        [sort, 1, 2],
        [sort, "2024-01-01", 5],
        [sort, "2024-01-01", 5, 6],
        [sort, True, "a", "b"],
        [sort, "a", True],
        [sort, 2**70, "a", "b"],
        [sort, "a", 2**70],
        [sort, 1.5, "a"],
        [sort, "x\x00y", "a", "b"],
        [sort, "x", "a\x00"],
        [sort, ["nested"], "a"],
        [sort, {"k": 1}, "a", "b"],
        [sort, None, None],
        [sort, None, None, None],
        [sort, "a", None],
        [sort],
        [],
    ]
    raw = [json.dumps(v).encode() for v in values]
    raw += [b'["%s", 1e999, "a", "b"]' % sort.encode(), b"[" * 1400, b"{}", b'"x"', b"null"]
    return [b64(r) for r in raw] + ["!!!", "%%%", "\u00e9t\u00e9", "a" * 2000, "=", "a=b"]


@pytest.mark.parametrize("path", sorted(LISTINGS))
def test_crafted_cursors_are_refused(client: httpx.Client, path: str) -> None:
    for sort in LISTINGS[path]:
        params = {"sort": sort} if len(LISTINGS[path]) > 1 else {}
        for cursor in crafted(sort):
            response = client.get(path, params={**params, "cursor": cursor})
            assert response.status_code == 400, (path, sort, cursor, response.text)
            assert "cursor" in response.json()["detail"]


@pytest.mark.parametrize("path", sorted(LISTINGS))
def test_the_cursors_this_api_hands_out_still_page(client: httpx.Client, path: str) -> None:
    """The control: real next cursors pass the strict checks and page to the end."""
    for sort in LISTINGS[path]:
        params: dict[str, Any] = {"limit": 1}
        if len(LISTINGS[path]) > 1:
            params["sort"] = sort
        seen, pages = [], 0
        response = client.get(path, params=params)
        while True:
            assert response.status_code == 200, response.text
            seen += [item["id"] for item in response.json()["items"]]
            following = response.json()["next"]
            pages += 1
            if following is None:
                break
            response = client.get(path, params={**params, "cursor": following})
        everything = client.get(path, params={k: v for k, v in params.items() if k != "limit"})
        assert sorted(seen) == sorted(i["id"] for i in everything.json()["items"])
        assert pages >= 2 or len(seen) <= 1


def parameters(client: httpx.Client) -> list[tuple[str, str]]:
    """(path, query parameter) of every GET operation without path parameters."""
    schema = client.get("/openapi.json").json()
    return [
        (path, parameter["name"])
        for path, operations in schema["paths"].items()
        if "{" not in path and "get" in operations
        for parameter in operations["get"].get("parameters", [])
        if parameter["in"] == "query"
    ]


def test_nul_bytes_in_any_query_parameter_are_refused(client: httpx.Client) -> None:
    probed = parameters(client)
    assert len(probed) >= 30
    for path, name in [*probed, ("/download/events.csv", "q"), ("/", "actor")]:
        for value in ("\x00", "Ruto\x00", "\x00' OR 1=1 --"):
            response = client.get(path, params={name: value})
            assert response.status_code == 400, (path, name, response.text)
            assert repr(name) in response.json()["detail"]


@pytest.mark.parametrize(
    "path",
    [
        "/events/x%00y",
        "/events/a%23e%00",
        "/articles/x%00",
        "/actors/%00",
        "/event/x%00",
        "/article/%00",
        "/actor/%00",
    ],
)
def test_nul_bytes_in_a_path_are_refused(client: httpx.Client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 400, response.text
    assert "path" in response.json()["detail"]


def test_nul_bytes_in_write_bodies_are_refused(client: httpx.Client) -> None:
    from tests.rest.conftest import TOKEN

    auth = {"Authorization": f"Bearer {TOKEN}"}
    merge = client.post("/clusters/merge", json={"clusters": ["v1", "x\x00"]}, headers=auth)
    assert merge.status_code == 422, merge.text
    assert "clusters" in merge.text
    unmerge = client.post("/events/x%00%23e1/unmerge", headers=auth)
    assert unmerge.status_code == 400
