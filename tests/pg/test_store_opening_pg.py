"""Creating a store on PostgreSQL: concurrent openers and kills during creation (issue 15)."""

from __future__ import annotations

from tests.pg.server import PostgresServer
from tests.store.test_store_opening import (
    assert_usable,
    kill_during_creation,
    opening_seconds,
    start_opener,
)


def test_processes_creating_one_postgres_store_at_once_all_succeed(
    postgres: PostgresServer,
) -> None:
    for _ in range(3):
        target = postgres.create_database("race")
        children = [start_opener(target) for _ in range(3)]
        for child in children:
            _, errors = child.communicate(timeout=120)
            assert child.returncode == 0, errors
        assert_usable(target)


def test_a_postgres_store_killed_while_being_created_opens_again(
    postgres: PostgresServer,
) -> None:
    duration = opening_seconds(postgres.create_database("timing"))
    killed = 0
    for trial in range(8):
        killed += kill_during_creation(postgres.create_database("kill"), [duration * trial / 8])
    assert killed >= 4
