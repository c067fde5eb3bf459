"""A new SQLite store is a copy of an empty store that alembic built once (issue 14).

``store.template`` spares every new store alembic's import and migrations; these
tests check that the copy is the very schema alembic makes, that an existing
store is never replaced, that editing a migration retires the copy, and that
alembic still creates the store whenever copying is not possible.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from communique.ingest import from_text
from communique.store import Store
from communique.store.engines import migrate_under_lock, sqlite_write_engine
from communique.store.template import template_path


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("COMMUNIQUE_HOME", str(home))
    return home / "cache"


def schema(path: Path) -> tuple[list[tuple[str, str, str | None]], list[tuple[str]]]:
    with sqlite3.connect(path) as connection:
        objects = connection.execute(
            # sqlite_stat1: the planner statistics a store that was written to keeps
            "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_stat%'"
            " ORDER BY type, name"
        ).fetchall()
        version = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    return objects, version


def by_alembic(path: Path) -> Path:
    writer = sqlite_write_engine(f"sqlite:///{path}", {})
    migrate_under_lock(writer)
    writer.dispose()
    return path


def test_a_new_store_is_the_schema_alembic_makes(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store.open(str(tmp_path / "first.db")):
        pass
    assert template_path().is_file() and template_path().parent == cache

    import alembic.command

    def no_alembic(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a new store from the template runs no migration")

    monkeypatch.setattr(alembic.command, "upgrade", no_alembic)
    second = tmp_path / "second.db"
    with Store.open(str(second)) as store:
        store.save_documents(
            [from_text("The port authority met the ferry union on Monday.", source="a.txt")]
        )
        assert store.stats()["articles"] == 1
    monkeypatch.undo()
    reference = by_alembic(tmp_path / "reference.db")
    assert schema(second) == schema(reference) == schema(tmp_path / "first.db")
    assert schema(reference)[1]  # the revision is recorded


def test_an_existing_store_is_never_replaced(cache: Path, tmp_path: Path) -> None:
    target = tmp_path / "kept.db"
    with Store.open(str(target)) as store:
        store.save_documents(
            [from_text("The harbour council met the fishing union on Friday.", source="b.txt")]
        )
    with Store.open(str(target)) as store:
        assert store.stats()["articles"] == 1
    assert not list(tmp_path.glob(".kept.db.*"))  # no copy left behind


def test_editing_a_migration_retires_the_copy(tmp_path: Path) -> None:
    versions = tmp_path / "versions"
    versions.mkdir()
    (versions / "0001_first.py").write_text('revision = "0001"\n')
    before = template_path(tmp_path, versions)
    (versions / "0001_first.py").write_text('revision = "0001"\n# a new column\n')
    edited = template_path(tmp_path, versions)
    (versions / "0002_second.py").write_text('revision = "0002"\n')
    assert len({before, edited, template_path(tmp_path, versions)}) == 3


def test_alembic_creates_the_store_when_no_copy_can_be_made(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(*_args: object) -> None:
        raise OSError("hard links not supported here")

    monkeypatch.setattr(os, "link", no_links)
    target = tmp_path / "plain.db"
    with Store.open(str(target)) as store:
        assert store.stats()["articles"] == 0
    assert schema(target) == schema(by_alembic(tmp_path / "reference.db"))
    assert not list(tmp_path.glob(".plain.db.*"))
