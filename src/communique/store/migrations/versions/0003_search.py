"""Search and serving indexes: quote full-text search on SQLite, evidence search on PostgreSQL.

Quote search (``communique.store.search``) runs on each engine's own
full-text index:

- SQLite: ``quotes_fts``, an FTS5 table with external content over
  ``quotes.text`` (porter stemmer over unicode61, close to PostgreSQL's
  ``english`` configuration), kept in step with ``quotes`` by three triggers
  and filled from the existing rows here (``'rebuild'``). Its rows are keyed by
  the rowid of ``quotes``: a later migration that rebuilds ``quotes`` (an
  alembic batch operation on SQLite) must drop and recreate this table and its
  triggers around the rebuild.
- PostgreSQL keeps the GIN index over ``to_tsvector('english', text)`` of
  0002, and gets one over the evidence sentences of events (``/events?q=``).

Both are dialect objects, created here only and left out of
``communique.store.schema``; ``schema.include_name`` hides them from
autogenerate comparisons. The portable B-tree indexes below are declared in
``schema`` too. Each serves one slow listing measured with
``benchmarks/bench_serve.py`` (see the module docstring of ``schema``).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

EVENTS_FTS = "ix_events_evidence_fts"

# name -> (table, columns); the same list as the Index objects in schema.py.
INDEXES: dict[str, tuple[str, list[str]]] = {
    "ix_articles_published_order": ("articles", ["published", "id"]),
    "ix_articles_outlet": ("articles", ["outlet", "published"]),
    "ix_actors_country": ("actors", ["country"]),
    "ix_events_cameo_order": ("events", ["cameo", "date", "article_id", "id"]),
}

SQLITE_UP = [
    """CREATE VIRTUAL TABLE quotes_fts USING fts5(
        text, content='quotes', content_rowid='rowid',
        tokenize='porter unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
        INSERT INTO quotes_fts(rowid, text) VALUES (new.rowid, new.text);
    END""",
    """CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
        INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
    END""",
    """CREATE TRIGGER quotes_fts_update AFTER UPDATE ON quotes BEGIN
        INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
        INSERT INTO quotes_fts(rowid, text) VALUES (new.rowid, new.text);
    END""",
    "INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild')",
]
SQLITE_DOWN = [
    "DROP TRIGGER quotes_fts_update",
    "DROP TRIGGER quotes_fts_delete",
    "DROP TRIGGER quotes_fts_insert",
    "DROP TABLE quotes_fts",
]


def upgrade() -> None:
    for name, (table, columns) in INDEXES.items():
        op.create_index(name, table, columns)
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for statement in SQLITE_UP:
            op.execute(statement)
    elif dialect == "postgresql":
        op.execute(
            f"CREATE INDEX {EVENTS_FTS} ON events USING gin (to_tsvector('english', evidence_text))"
        )


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for statement in SQLITE_DOWN:
            op.execute(statement)
    elif dialect == "postgresql":
        op.execute(f"DROP INDEX {EVENTS_FTS}")
    for name, (table, _columns) in reversed(INDEXES.items()):
        op.drop_index(name, table_name=table)
