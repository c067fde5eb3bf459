"""Alembic environment for the store: run from ``communique.store`` with an open connection.

``Store.open`` calls ``alembic.command.upgrade`` with the connection in
``config.attributes["connection"]``; there is no ``alembic.ini`` at run time.
Developers make a new revision after changing ``communique.store.schema`` with
``python -m communique.store.revision "message"`` (see ``migrations/README``).
"""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from communique.store.schema import include_name, metadata

connection: Connection | None = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - offline SQL generation is not supported
    raise RuntimeError("communique migrations run with a connection (Store.open)")

context.configure(
    connection=connection,
    target_metadata=metadata,
    # SQLite cannot ALTER most things in place; batch mode rebuilds the table.
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
    # Full-text tables and expression indexes of one dialect live in the migrations only.
    include_name=include_name,
)
with context.begin_transaction():
    context.run_migrations()
