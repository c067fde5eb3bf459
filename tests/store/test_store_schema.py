"""The migrated schema is the SQLAlchemy metadata, and opening a store sets up SQLite properly."""

from __future__ import annotations

import sqlite3
from importlib.resources import files
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from communique.errors import StoreError
from communique.store import Store, metadata
from communique.store.schema import include_name


def test_migrations_equal_metadata(tmp_path: Path) -> None:
    with Store.open(str(tmp_path / "c.db")) as store, store.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_name": include_name})
        diff = compare_metadata(context, metadata)
        assert diff == []
        names = set(inspect(connection).get_table_names())
    assert set(metadata.tables) <= names
    assert "alembic_version" in names


def test_database_is_at_head_and_reopening_keeps_data(tmp_path: Path) -> None:
    from alembic.config import Config

    from communique.store import MIGRATIONS

    config = Config()
    config.set_main_option("script_location", MIGRATIONS)
    head = ScriptDirectory.from_config(config).get_current_head()
    path = tmp_path / "c.db"
    with Store.open(str(path)) as store:
        store.replace_clusters(["story"], [])
    with Store.open(str(path)) as store, store.engine.connect() as connection:
        assert MigrationContext.configure(connection).get_current_revision() == head
    # plain sqlite3 (what datasette uses) reads the file too
    with sqlite3.connect(path) as raw:
        assert raw.execute("select count(*) from articles").fetchone() == (0,)


def test_migration_files_are_package_data() -> None:
    versions = files("communique.store").joinpath("migrations", "versions")
    assert any(p.name.endswith(".py") for p in versions.iterdir())
    assert files("communique.store").joinpath("migrations", "env.py").is_file()


def test_sqlite_pragmas(tmp_path: Path) -> None:
    with Store.open(str(tmp_path / "c.db")) as store, store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 30_000


@pytest.mark.parametrize("form", ["path", "url", "memory"])
def test_open_forms(tmp_path: Path, form: str) -> None:
    target = {
        "path": str(tmp_path / "a.db"),
        "url": f"sqlite:///{tmp_path / 'b.db'}",
        "memory": ":memory:",
    }[form]
    with Store.open(target) as store:
        assert store.stats()["articles"] == 0
    if form != "memory":
        assert len(list(tmp_path.glob("*.db"))) == 1


def test_open_failure_names_store(tmp_path: Path) -> None:
    missing = tmp_path / "no" / "such" / "dir" / "c.db"
    with pytest.raises(StoreError) as info:
        Store.open(str(missing))
    assert info.value.code == "C301"
    assert str(missing) in str(info.value)


def test_open_failure_hides_password() -> None:
    with pytest.raises(StoreError) as info:
        Store.open("postgresql+psycopg://reader:hunter2@127.0.0.1:1/news")
    assert info.value.code == "C301"
    assert "hunter2" not in str(info.value)
    assert "127.0.0.1:1/news" in str(info.value)
