"""Hypothesis over the REST API's parameters (issue 15 acceptance): no 5xx, every refusal names the input.

For every GET operation of the published schema, hypothesis draws a set of
query parameters (the operation's own, and now and then one it does not
take) with hostile values: any text (NUL and control characters, any
script), numbers out of range, impossible dates, LIKE wildcards, crafted
cursors (base64 JSON of any shape), repeated parameters; and any text as the
path id. The requests go over HTTP to a real server on a filled store.

Every answer is below 500. A refusal (4xx) names what it refuses: a 422
lists errors located at parameters the request sent; a 400 or 404 quotes
the parameter's name (``'limit'``, the word ``cursor``, ``path`` for a NUL in
the path) or the refused id itself. ``schemathesis`` (``test_schema_fuzz.py``)
checks the response schemas; this file checks the refusals.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from communique.rest import create_app

SCHEMA = create_app(":memory:").openapi()
# (path template, path parameter or None, query parameters) of every GET operation
OPERATIONS = [
    (
        path,
        next((p["name"] for p in op.get("parameters", []) if p["in"] == "path"), None),
        [p["name"] for p in op.get("parameters", []) if p["in"] == "query"],
    )
    for path, operations in SCHEMA["paths"].items()
    for method, op in operations.items()
    if method == "get"
]

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=4), inner),
    max_leaves=8,
)
CURSORS = JSON.map(lambda v: base64.urlsafe_b64encode(json.dumps(v).encode()).decode().rstrip("="))
EDGES = st.sampled_from(
    [
        *["", " ", "0", "-1", "1", "500", "501", "99999999999999999999", "1e3", "NaN"],
        *["2024", "2024-02-30", "2024-13", "2024-03-14", "0000-00-00", "9999-12-31T99"],
        *["true", "false", "yes", "null", "-date", "story", "event", "duplicate"],
        *["CONSULT", "ACCUSE", "04", "primary", "direct", "%", "_", "\\", "' OR 1=1 --"],
        *["\x00", "\u202e", "\u200b", "a" * 3000],
    ]
)
VALUES = st.one_of(st.text(max_size=40), EDGES, CURSORS)
UNKNOWN = st.text(alphabet="abcdefghijklmnopqrstuvwxyz_", min_size=1, max_size=12)
# Path ids: any text without '/' (a '/' makes another path, answered by the router).
IDS = st.one_of(st.text(max_size=40), EDGES).filter(lambda t: t and "/" not in t)


@pytest.fixture(scope="module")
def http(base_url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=base_url, timeout=60) as client:
        yield client


def names_the_input(response: httpx.Response, sent: dict[str, Any], path_id: str | None) -> bool:
    """Does this 4xx answer say which of the request's inputs it refuses?"""
    detail = response.json().get("detail")
    if isinstance(detail, list):  # validation errors, each at a parameter
        located = [error.get("loc", [])[-1] for error in detail]
        return bool(located) and all(
            name in sent or (name is not None and path_id is not None) for name in located
        )
    text = str(detail)
    if path_id is not None and (repr(path_id) in text or "path" in text):
        return True
    return any(repr(name) in text or name in text.split() for name in sent) or (
        "cursor" in sent and "cursor" in text
    )


def request(draw: st.DrawFn, query_names: list[str], path_id: str | None) -> dict[str, Any]:
    names = []
    if query_names:
        names = draw(st.lists(st.sampled_from(query_names), max_size=4, unique=True))
    if draw(st.integers(0, 9)) == 0:
        names.append(draw(UNKNOWN))
    return {name: draw(st.lists(VALUES, min_size=1, max_size=2)) for name in names}


@pytest.mark.parametrize(
    ("path", "path_parameter", "query_names"), OPERATIONS, ids=[path for path, *_ in OPERATIONS]
)
def test_hostile_parameters_get_no_5xx_and_refusals_name_them(
    http: httpx.Client, path: str, path_parameter: str | None, query_names: list[str]
) -> None:
    @given(data=st.data())
    @settings(
        max_examples=60,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def check(data: st.DataObject) -> None:
        path_id = data.draw(IDS) if path_parameter else None
        url = path
        if path_parameter and path_id is not None:
            url = path.replace(f"{{{path_parameter}}}", quote(path_id, safe=""))
        sent = request(data.draw, query_names, path_id)
        # one value per name mostly; two make a repeated parameter
        params = [(name, value) for name, values in sent.items() for value in values]
        response = http.get(url, params=params)
        assert response.status_code < 500, (url, params, response.text)
        if response.status_code >= 400:
            assert names_the_input(response, sent, path_id), (url, params, response.text)

    check()


def test_every_get_operation_is_fuzzed() -> None:
    assert len(OPERATIONS) >= 9
    assert sum(len(names) for _, _, names in OPERATIONS) >= 60
