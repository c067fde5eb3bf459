"""Indexes for serving: event listings sorted by date, filtered by type; quote search.

The REST API (``communique.rest.queries``) pages events with a keyset on
``(date, article_id, id)``; these composite indexes let SQLite and PostgreSQL
walk that order directly instead of sorting every matching row (measured with
``benchmarks/bench_serve.py``). On PostgreSQL a GIN index over
``to_tsvector('english', text)`` serves quote search; it is an expression
index of that dialect only, so it is created here and not declared in
``communique.store.schema`` (SQLite searches quotes with LIKE).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

QUOTES_FTS = "ix_quotes_text_fts"


def upgrade() -> None:
    op.create_index("ix_events_date_order", "events", ["date", "article_id", "id"])
    op.create_index("ix_events_type_date", "events", ["type", "date", "article_id", "id"])
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"CREATE INDEX {QUOTES_FTS} ON quotes USING gin (to_tsvector('english', text))")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"DROP INDEX {QUOTES_FTS}")
    op.drop_index("ix_events_type_date", table_name="events")
    op.drop_index("ix_events_date_order", table_name="events")
