"""Serving plans: drop the single-column index on ``events.date``.

``ix_events_date`` (0001) is a prefix of ``ix_events_date_order`` (0002:
``date, article_id, id``), so it serves no query the composite cannot. On
PostgreSQL it was worse than useless: being smaller, the planner preferred it
for ``/events`` pages in date order and added an incremental sort on
``(article_id, id)``; in descending order the first "group" of that sort is
every undated event (NULLs sort first there, ~15% of the store), which it
read and sorted in full before returning a row. With 1,000,000 events
(``benchmarks/bench_serve.py``) that made ``?actor=`` take 117 ms and
``?cameo=04`` 142 ms; without the index the planner walks the composite index
or, for a selective filter, a bitmap of its rows plus a small sort (4-6 ms).

The other serving fixes of this revision are query shapes in
``communique.rest.queries`` and ``communique.store.search`` (EXISTS probes,
a non-indexable CAMEO-root predicate, a bounded FTS5 candidate set), which
need no schema change.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.drop_index("ix_events_date", table_name="events")


def downgrade() -> None:
    op.create_index("ix_events_date", "events", ["date"], unique=False)
