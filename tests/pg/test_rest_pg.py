"""The REST API tests of ``tests/rest/test_api.py``, ``test_hostile_inputs.py`` and
``test_parameter_fuzz.py`` (hypothesis) on PostgreSQL.

Plus full-text search.

The ``db`` fixture here is a PostgreSQL URL; the other fixtures are those of
``tests/rest/conftest.py`` (imported), so the same assertions run on both backends.
"""

from __future__ import annotations

import httpx
import pytest
from tests.pg.server import PostgresServer
from tests.rest import test_api, test_hostile_inputs, test_parameter_fuzz
from tests.rest.conftest import base_url, client, docs  # noqa: F401  (fixtures)
from tests.rest.test_parameter_fuzz import http  # noqa: F401  (fixture)

from communique.model import Document

for _module in (test_api, test_hostile_inputs, test_parameter_fuzz):
    for _name, _test in vars(_module).items():
        if _name.startswith("test_"):
            globals()[_name] = _test


@pytest.fixture(scope="module")
def db(postgres: PostgresServer) -> str:
    return postgres.create_database("rest")


def test_quote_search_uses_postgres_full_text(
    client: httpx.Client,  # noqa: F811
    docs: list[Document],  # noqa: F811
) -> None:
    kenya = docs[0]
    found = client.get("/quotes", params={"q": "nations sharing borders"}).json()["items"]
    # Stemming: "sharing borders" finds "share a border"; a substring search would not.
    assert [q["id"] for q in found] == [f"{kenya.id}#q1"]
    assert client.get("/quotes", params={"q": "the"}).json()["items"] == []  # a stop word
