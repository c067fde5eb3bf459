"""A store that fails under the REST API answers 503 with the store's own error, never a bare 500.

Issue 15 (8): the API opened connections itself and skipped the store's
error handling. Its reads now go through ``Store.reading``, so a database
error is the store's C304 (naming the store), answered as 503.
"""

from __future__ import annotations

import sqlite3

import httpx
from tests.rest.live import live_server

from communique.rest import create_app


def test_a_table_gone_under_the_api_answers_503_naming_the_store(fresh_db: str) -> None:
    with live_server(create_app(fresh_db)) as url, httpx.Client(base_url=url) as client:
        assert client.get("/events").status_code == 200
        with sqlite3.connect(fresh_db) as connection:
            connection.execute("DROP TABLE events")
        for path in ("/events", "/stats", "/events?type=CONSULT"):
            response = client.get(path)
            assert response.status_code == 503, (path, response.text)
            assert "C304" in response.json()["detail"] and fresh_db in response.json()["detail"]
        assert client.get("/articles").status_code == 200  # what needs no events still works
