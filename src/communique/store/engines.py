"""Opening a store's database: URLs, SQLite settings, the write engine and migrations.

``Store.open`` (``communique.store``) calls these before it reads or writes
anything. In: a path, ``:memory:`` or a SQLAlchemy URL. Out: the engines that
``Store`` reads and writes with, and a schema brought to the newest alembic
migration (``store/migrations``). Also ``error_detail``, the one-line driver
message that every ``StoreError`` of the store carries.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import Connection
from sqlalchemy.pool import StaticPool

# How long a SQLite writer waits for another process's lock before failing
# (a second `communique run` or a datasette reading the same file).
BUSY_TIMEOUT_MS = 30_000
MIGRATIONS = "communique.store:migrations"
# Any fixed number: the PostgreSQL advisory lock that serialises communique's migrations.
MIGRATION_LOCK = 0x636F6D6D  # "comm"


def url_and_options(url_or_path: str) -> tuple[str, dict[str, Any]]:
    """SQLAlchemy URL and engine options for a path, ``:memory:`` or a URL."""
    if url_or_path in (":memory:", "sqlite://", "sqlite:///:memory:"):
        # One shared connection: the default per-thread pool would give every
        # thread its own empty in-memory database.
        return "sqlite://", {
            "poolclass": StaticPool,
            "connect_args": {"check_same_thread": False},
        }
    if "://" in url_or_path:
        return url_or_path, {}
    return f"sqlite:///{Path(url_or_path).expanduser().resolve()}", {}


def sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    # WAL: readers (datasette, the REST API) never block the writer.
    # In-memory databases answer "memory" and stay as they are.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


def migrate(connection: Connection) -> None:
    """Bring the schema of the database behind ``connection`` to the latest revision."""
    from communique.store.migration_head import at_head

    if at_head(connection):  # nothing to run: spare the read-only commands alembic's import
        return
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", MIGRATIONS)
    config.attributes["connection"] = connection
    command.upgrade(config, "head")


def sqlite_write_engine(url: str, options: dict[str, Any]) -> Engine:
    """The engine of a SQLite file store's writes: each transaction is ``BEGIN IMMEDIATE``.

    Issue 15: pysqlite opens its own transactions lazily, at the first
    INSERT, and commits before every DDL statement. So a store killed during
    creation kept half its tables ("table actors already exists" forever
    after), two processes creating one store raced on the same CREATE TABLEs,
    and two writers read (actor and article lookups) before taking the write
    lock, then collided on ``UNIQUE constraint failed: actors.id``. With the
    driver's transactions off and ``BEGIN IMMEDIATE`` sent by SQLAlchemy,
    every write transaction (the migration included) takes the write lock
    before its first read, waits up to ``BUSY_TIMEOUT_MS`` for another
    writer, and commits or rolls back as a whole. Reads keep the shared
    engine: in WAL mode they never wait for a writer.
    """
    writer = create_engine(url, **options)
    event.listen(writer, "connect", sqlite_pragmas)
    event.listen(writer, "connect", _driver_autocommit)
    event.listen(writer, "begin", _begin_immediate)
    return writer


def _driver_autocommit(dbapi_connection: Any, _record: Any) -> None:
    # SQLAlchemy then sends BEGIN itself (``_begin_immediate``), so DDL stays inside it.
    dbapi_connection.isolation_level = None


def _begin_immediate(connection: Connection) -> None:
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def migrate_under_lock(writer: Engine) -> None:
    """Create or upgrade the schema in one transaction that holds the write lock throughout.

    SQLite: the write engine's ``BEGIN IMMEDIATE`` (``sqlite_write_engine``),
    so a kill rolls the whole migration back and a second opener waits, then
    finds the schema at head. PostgreSQL has transactional DDL; a
    transaction-scoped advisory lock serialises the openers the same way.
    """
    with writer.begin() as connection:
        if writer.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        migrate(connection)


def start_new_file(path: Path) -> None:
    """A SQLite file store that does not exist yet starts as a copy of an empty store at the
    newest migration (``template``: alembic's import and run spared, issue 14)."""
    if path.exists():
        return
    from communique.store.template import new_store

    def create(file: Path) -> None:
        writer = sqlite_write_engine(f"sqlite:///{file}", {})
        try:
            migrate_under_lock(writer)
        finally:
            writer.dispose()

    new_store(path, create)


def error_detail(exc: BaseException) -> str:
    """The driver's own message without SQLAlchemy's statement dump and help link."""
    original = getattr(exc, "orig", None)
    return f"{type(original or exc).__name__}: {original or exc}".splitlines()[0]
