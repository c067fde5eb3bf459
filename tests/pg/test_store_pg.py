"""The store test suites of ``tests/store`` (``test_store``, ``test_search``, ``test_records``),
run again on PostgreSQL.

Every test there that takes the ``store`` fixture is collected here too, with
a ``store`` opened on a fresh PostgreSQL database: the same assertions, the
other backend. New store tests join automatically.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterator

import pytest
from sqlalchemy import inspect as inspect_db
from tests.pg.server import PostgresServer
from tests.store import test_records, test_search, test_store

from communique.store import Store

for _module in (test_store, test_search, test_records):
    for _name, _test in vars(_module).items():
        if _name.startswith("test_") and {"store", "filled"} & set(
            inspect.signature(_test).parameters
        ):
            globals()[_name] = _test
# Fixtures built on ``store`` come along with the tests that use them.
filled = test_search.filled


@pytest.fixture()
def store(postgres: PostgresServer) -> Iterator[Store]:
    with Store.open(postgres.create_database("store")) as opened:
        yield opened


def test_the_suite_is_here() -> None:
    assert sum(name.startswith("test_") for name in globals()) > 10


def test_schema_and_full_text_index(store: Store) -> None:
    assert store.engine.dialect.name == "postgresql"
    with store.engine.connect() as connection:
        indexes = {i["name"] for i in inspect_db(connection).get_indexes("quotes")}
    assert "ix_quotes_text_fts" in indexes
    with store.engine.connect() as connection:
        indexes = {i["name"] for i in inspect_db(connection).get_indexes("events")}
    assert "ix_events_evidence_fts" in indexes
