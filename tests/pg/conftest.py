"""A real PostgreSQL server for the session (Debian's packages), and a fresh database per test.

Skipped locally when PostgreSQL is not installed; a failure under CI
(``CI=true``), where ``scripts/install-system-deps.sh`` must have run.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from tests.pg.server import PostgresServer, binaries
from tests.rest.live import need


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    need("PostgreSQL", binaries() is not None)
    server = PostgresServer()
    try:
        yield server
    finally:
        server.stop()
